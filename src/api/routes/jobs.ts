import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { RouteDeps } from '../app.js';
import { ApiError, ERROR_RESPONSES } from '../errors.js';
import { Id, JobView, jobView } from '../schemas.js';

export const jobRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { queue }) => {
  app.get(
    '/v1/jobs/failed',
    {
      config: { roles: ['admin'] },
      schema: {
        summary: 'Jobs that failed after all their retries, newest first',
        tags: ['jobs'],
        querystring: Type.Object(
          { offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(JobView) }, { additionalProperties: false }), ...ERROR_RESPONSES },
      },
    },
    async (req) => ({ items: (await queue.listFailed(req.query.offset ?? 0, req.query.limit ?? 50)).map(jobView) }),
  );

  app.post(
    '/v1/jobs/:id/retry',
    {
      config: { roles: ['admin'] },
      schema: {
        summary: 'Run a failed job again',
        tags: ['jobs'],
        params: Type.Object({ id: Id }, { additionalProperties: false }),
        response: { 202: Type.Object({ job: JobView }, { additionalProperties: false }), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const job = await queue.getJob(req.params.id);
      if (!job) throw new ApiError(404, 'job-not-found', `no job "${req.params.id}" in the queue`);
      if (job.state !== 'failed') throw new ApiError(409, 'job-not-failed', `job "${job.id}" is ${job.state}, not failed; only failed jobs can be retried`, { state: job.state });
      if (!(await queue.retry(job.id))) throw new ApiError(409, 'job-not-failed', `job "${job.id}" could not be retried (it changed state meanwhile)`);
      return reply.code(202).send({ job: jobView((await queue.getJob(job.id)) ?? job) });
    },
  );
};

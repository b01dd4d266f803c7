import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { RouteDeps } from '../app.js';
import { ApiError, ERROR_RESPONSES } from '../errors.js';
import type { Metrics } from '../metrics.js';

const Check = Type.Object({ ok: Type.Boolean(), driver: Type.String(), ms: Type.Number(), error: Type.Optional(Type.String()) }, { additionalProperties: false });

/** Resolve within `ms` or reject: a hung dependency must not hang the readiness probe. */
async function timed<T>(p: Promise<T>, ms: number): Promise<number> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([p, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
  return Math.round((performance.now() - t0) * 10) / 10;
}

async function check(driver: string, p: () => Promise<unknown>): Promise<{ ok: boolean; driver: string; ms: number; error?: string }> {
  try {
    return { ok: true, driver, ms: await timed(p(), 2000) };
  } catch (e) {
    return { ok: false, driver, ms: 0, error: (e as Error).message };
  }
}

export const opsRoutes: FastifyPluginAsyncTypebox<RouteDeps & { metrics: Metrics }> = async (app, { store, queue, metrics }) => {
  app.get(
    '/health',
    {
      config: { roles: 'public' },
      schema: { summary: 'Liveness: the process answers', tags: ['ops'], response: { 200: Type.Object({ status: Type.Literal('ok') }), ...ERROR_RESPONSES } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      config: { roles: 'public' },
      schema: {
        summary: 'Readiness: the database and the queue answer (503 when not)',
        tags: ['ops'],
        response: { 200: Type.Object({ status: Type.Literal('ready'), checks: Type.Object({ database: Check, queue: Check }) }), ...ERROR_RESPONSES },
      },
    },
    async () => {
      const [database, q] = await Promise.all([check(store.db.kind, () => store.ping()), check(queue.driver, () => queue.counts())]);
      if (!database.ok || !q.ok) {
        const failing = [database.ok ? null : `database (${database.error})`, q.ok ? null : `queue (${q.error})`].filter(Boolean).join('; ');
        throw new ApiError(503, 'not-ready', `not ready: ${failing}`, { checks: { database, queue: q } });
      }
      return { status: 'ready' as const, checks: { database, queue: q } };
    },
  );

  app.get(
    '/metrics',
    {
      config: { roles: ['admin', 'reader'] },
      schema: {
        summary: 'Prometheus metrics (text exposition format)',
        tags: ['ops'],
        response: { 200: { content: { 'text/plain': { schema: Type.String() } } }, ...ERROR_RESPONSES } as never,
      },
    },
    async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
};

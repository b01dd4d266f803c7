import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { checkIntegrity, parseThread } from '../../ingest/index.js';
import { Report, ThreadDetail } from '../../model/index.js';
import { renderHtml, renderMarkdown } from '../../report/index.js';
import type { CachedResponse } from '../cache.js';
import { ERROR_RESPONSES, ApiError } from '../errors.js';
import { negotiate } from '../negotiate.js';
import { Accepted, Cursor, Id, Limit, SubmitQuery, ThreadList, ThreadSubmission } from '../schemas.js';
import { submitThread, toArticles } from '../submit.js';
import { summarize } from '../thread-status.js';
import type { RouteDeps } from '../app.js';

const READERS = ['admin', 'moderator', 'reader', 'ingest'] as const;
const INGEST = ['admin', 'ingest'] as const;
const REPORT_TYPES = ['application/json', 'text/markdown', 'text/html'] as const;
const FORMAT_TYPES = { json: 'application/json', md: 'text/markdown', html: 'text/html' } as const;
/** The HTML report is self-contained with inline styles and no scripts; the policy keeps it that way. */
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const ThreadParams = Type.Object({ id: Id }, { additionalProperties: false });

export const threadRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { store, queue, cache }) => {
  const notFound = (id: string) => new ApiError(404, 'thread-not-found', `no thread "${id}"`);

  app.post(
    '/v1/threads',
    {
      config: { roles: INGEST },
      schema: {
        summary: 'Submit a thread for analysis',
        description:
          'Either the canonical thread JSON (`application/json`, as `threadlens parse` prints it) with optional `articles` / `articleIds`, ' +
          'or the raw thread file (`text/plain` or `application/octet-stream`) with `?format=` (default: sniffed) and `?articles=id,id`.',
        tags: ['threads'],
        querystring: SubmitQuery,
        body: {
          content: {
            'application/json': { schema: ThreadSubmission },
            'text/plain': { schema: Type.String({ description: 'the thread file' }) },
            'application/octet-stream': { schema: Type.String({ description: 'the thread file' }) },
          },
        } as never,
        response: { 202: Accepted, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const queryIds = (q.articles ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      let input;
      if (req.rawDocument) {
        const thread = parseThread(req.rawDocument, q.format ?? 'auto');
        input = { thread, articles: [], articleIds: queryIds, origin: req.rawDocument.name };
      } else {
        if (q.format !== undefined && q.format !== 'auto' && q.format !== 'canonical') {
          throw new ApiError(415, 'unsupported-media-type', `?format=${q.format} needs the raw file as text/plain or application/octet-stream; a JSON body is the canonical thread`);
        }
        const { articles, articleIds, ...thread } = req.body as ThreadSubmission;
        input = { thread: checkIntegrity(thread, 'request body'), articles: toArticles(articles ?? []), articleIds: [...(articleIds ?? []), ...queryIds] };
      }
      const accepted = await submitThread(store, queue, { ...input, submittedBy: req.apiKey?.name ?? null });
      return reply.code(202).header('location', accepted.links.thread).send(accepted);
    },
  );

  app.get(
    '/v1/threads',
    {
      config: { roles: READERS },
      schema: {
        summary: 'List threads, newest first',
        tags: ['threads'],
        querystring: Type.Object({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }, { additionalProperties: false }),
        response: { 200: ThreadList, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const page = await store.threads.list(req.query.limit ?? 50, req.query.cursor);
      return { items: await Promise.all(page.items.map((t) => summarize(t, queue))), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/threads/:id',
    {
      config: { roles: READERS },
      schema: { summary: 'A thread: status (queued / analyzing / done / failed) and its analysis versions', tags: ['threads'], params: ThreadParams, response: { 200: ThreadDetail, ...ERROR_RESPONSES } },
    },
    async (req) => {
      const t = await store.threads.get(req.params.id);
      if (!t) throw notFound(req.params.id);
      const [summary, analyses, articleIds] = await Promise.all([summarize(t, queue), store.threads.analyses(t.id), store.threads.articleIds(t.id)]);
      return { ...summary, articleIds, analyses, warnings: t.warnings };
    },
  );

  app.get(
    '/v1/threads/:id/report',
    {
      config: { roles: ['admin', 'moderator', 'reader'] },
      schema: {
        summary: 'The report of the latest (or a given) analysis version',
        description: 'JSON by default; Markdown or HTML when the Accept header asks for text/markdown or text/html (or ?format=md|html).',
        tags: ['threads'],
        params: ThreadParams,
        querystring: Type.Object(
          {
            version: Type.Optional(Type.Integer({ minimum: 1 })),
            format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('md'), Type.Literal('html')])),
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            content: {
              'application/json': { schema: Report },
              'text/markdown': { schema: Type.String() },
              'text/html': { schema: Type.String() },
            },
          },
          ...ERROR_RESPONSES,
        } as never,
      },
    },
    async (req, reply) => {
      const type = req.query.format ? FORMAT_TYPES[req.query.format] : negotiate(req.headers.accept, REPORT_TYPES);
      if (!type) throw new ApiError(406, 'not-acceptable', `the report is available as ${REPORT_TYPES.join(', ')}; the Accept header allows none of them`);
      const key = `report\0${req.params.id}\0${req.query.version ?? 'latest'}\0${type}`;
      const { value, hit } = await cache.get(key, () => renderReport(req.params.id, req.query.version, type));
      return reply.type(value.type).headers({ ...value.headers, 'x-cache': hit ? 'hit' : 'miss', vary: 'Accept' }).send(value.body);
    },
  );

  /** The stored report in the asked type; throws the 404 that explains why there is none. */
  async function renderReport(id: string, version: number | undefined, type: (typeof REPORT_TYPES)[number]): Promise<CachedResponse> {
    const report = await store.threads.report(id, version);
    if (!report) {
      const t = await store.threads.get(id);
      if (!t) throw notFound(id);
      if (version !== undefined && t.latestVersion !== null) {
        throw new ApiError(404, 'analysis-not-found', `thread "${t.id}" has no analysis version ${version} (latest: ${t.latestVersion})`);
      }
      const { status, statusDetail } = await summarize(t, queue);
      throw new ApiError(404, 'report-not-ready', `thread "${t.id}" has no analysis yet (status: ${status}${statusDetail ? `: ${statusDetail}` : ''})`, { status });
    }
    const headers = { 'x-analysis-version': String(report.version) };
    // The stored JSON text is sent as is: no parse and re-serialize on the hot path.
    if (type === 'application/json') return { type: 'application/json; charset=utf-8', body: report.json, headers };
    const parsed = JSON.parse(report.json) as Report;
    if (type === 'text/markdown') return { type: 'text/markdown; charset=utf-8', body: renderMarkdown(parsed), headers };
    return { type: 'text/html; charset=utf-8', body: renderHtml(parsed), headers: { ...headers, 'content-security-policy': HTML_CSP } };
  }


  app.post(
    '/v1/threads/:id/reanalyze',
    {
      config: { roles: INGEST },
      schema: {
        summary: 'Analyze a stored thread again (current analyzer, optionally other articles): adds an analysis version',
        tags: ['threads'],
        params: ThreadParams,
        body: Type.Object(
          {
            articleIds: Type.Optional(Type.Array(Id, { maxItems: 200, description: 'default: every article linked to the thread' })),
            force: Type.Optional(Type.Boolean({ description: 'queue a job even if this analyzer already analyzed this content (e.g. workers were upgraded first)' })),
          },
          { additionalProperties: false },
        ),
        response: { 202: Accepted, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const thread = await store.threads.load(req.params.id);
      if (!thread) throw notFound(req.params.id);
      const articleIds = req.body.articleIds ?? (await store.threads.articleIds(req.params.id));
      const accepted = await submitThread(store, queue, {
        thread,
        articles: [],
        articleIds,
        submittedBy: req.apiKey?.name ?? null,
        reanalyze: true,
        force: req.body.force === true,
      });
      return reply.code(202).send(accepted);
    },
  );
};

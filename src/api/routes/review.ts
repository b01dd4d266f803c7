import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DecisionRequest, ReviewItemDetail, type Report } from '../../model/index.js';
import type { RouteDeps } from '../app.js';
import { ApiError, ERROR_RESPONSES } from '../errors.js';
import { reviewContext } from '../review-context.js';
import { DecisionResponse, ReviewContext, ReviewPage, ReviewQueryString } from '../schemas.js';

const MODERATORS = ['admin', 'moderator'] as const;
const ItemParams = Type.Object({ itemId: Type.String({ pattern: '^[0-9]{1,15}$', description: 'a review item id' }) }, { additionalProperties: false });

export const reviewRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { store, cache }) => {
  app.get(
    '/v1/review',
    {
      config: { roles: MODERATORS },
      schema: {
        summary: 'The review queue across threads',
        description: 'Flagged comments in one state (default: pending), most severe first (or oldest / newest first), filtered by rule, category or thread; paginated by cursor.',
        tags: ['review'],
        querystring: ReviewQueryString,
        response: { 200: ReviewPage, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const key = `review\0${[q.state, q.threadId, q.ruleId, q.category, q.sort, q.limit, q.cursor].map((v) => v ?? '').join('\0')}`;
      // The database builds the page's JSON (see store/review-sql.ts); cached and sent as those exact bytes.
      const { value, hit } = await cache.get(key, async () => ({ type: 'application/json; charset=utf-8', body: await store.review.listJson(q) }));
      return reply.type(value.type).header('x-cache', hit ? 'hit' : 'miss').send(value.body as never);
    },
  );

  app.get(
    '/v1/review/:itemId',
    {
      config: { roles: MODERATORS },
      schema: { summary: 'One review item with its full decision history', tags: ['review'], params: ItemParams, response: { 200: ReviewItemDetail, ...ERROR_RESPONSES } },
    },
    async (req) => {
      const item = await store.review.get(req.params.itemId);
      if (!item) throw new ApiError(404, 'review-item-not-found', `no review item ${req.params.itemId}`);
      return item;
    },
  );

  app.get(
    '/v1/review/:itemId/context',
    {
      config: { roles: MODERATORS },
      schema: {
        summary: 'What surrounds a review item: the comment it answers, replies that challenge it, its claim verdicts, its author\'s other flagged comments',
        description: 'Read from the analysis version the item was flagged by, so spans and indices match the item.',
        tags: ['review'],
        params: ItemParams,
        response: { 200: ReviewContext, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const item = await store.review.get(req.params.itemId);
      if (!item) throw new ApiError(404, 'review-item-not-found', `no review item ${req.params.itemId}`);
      const [stored, items] = await Promise.all([store.threads.report(item.threadId, item.analysisVersion), store.review.threadItems(item.threadId)]);
      if (!stored) throw new ApiError(404, 'analysis-not-found', `thread "${item.threadId}" has no analysis version ${item.analysisVersion}`);
      return reviewContext(item, JSON.parse(stored.json) as Report, items);
    },
  );

  app.post(
    '/v1/review/:itemId/decision',
    {
      config: { roles: MODERATORS },
      schema: {
        summary: 'Record a decision on a review item',
        description:
          '`version` must be the item\'s current version: if the item changed since it was loaded (another decision, a re-analysis) the answer is 409 `stale-version` and nothing is recorded. ' +
          'Every decision is kept (who, what, when, on which analysis version).',
        tags: ['review'],
        params: ItemParams,
        body: DecisionRequest,
        response: { 201: DecisionResponse, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const key = req.apiKey!;
      const { decision, item } = await store.review.decide(req.params.itemId, req.body, { keyId: key.id, name: key.name, role: key.role });
      const { history: _history, ...current } = item;
      return reply.code(201).send({ decision, item: current });
    },
  );
};

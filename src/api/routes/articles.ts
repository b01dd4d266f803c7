import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../app.js';
import { ERROR_RESPONSES } from '../errors.js';
import { ArticlesRequest, ArticlesResponse } from '../schemas.js';
import { toArticles } from '../submit.js';

export const articleRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { store }) => {
  app.post(
    '/v1/articles',
    {
      config: { roles: ['admin', 'ingest'] },
      schema: {
        summary: 'Add articles to the corpus threads are checked against',
        description: 'Articles are never replaced: the same id with the same text is accepted again (created: false); with another text it is a 409.',
        tags: ['articles'],
        body: ArticlesRequest,
        response: { 201: ArticlesResponse, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => reply.code(201).send({ articles: await store.articles.add(toArticles(req.body.articles)) }),
  );
};

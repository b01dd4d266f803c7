import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ApiKeyInfo, Role } from '../../model/index.js';
import type { RouteDeps } from '../app.js';
import { ERROR_RESPONSES } from '../errors.js';
import { Me } from '../schemas.js';

/**
 * Key management over HTTP for admins. `threadlens keys create` makes the first admin key; with the
 * embedded database the CLI cannot open the store while `serve` runs, so further keys come from here.
 */
export const keyRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { store }) => {
  app.post(
    '/v1/keys',
    {
      config: { roles: ['admin'] },
      schema: {
        summary: 'Create an API key (the secret is in this response only)',
        tags: ['keys'],
        body: Type.Object({ role: Role, name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ key: Type.String(), info: ApiKeyInfo }, { additionalProperties: false }), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const { secret, info } = await store.keys.create(req.body.role, req.body.name);
      return reply.code(201).header('cache-control', 'no-store').send({ key: secret, info });
    },
  );

  app.get(
    '/v1/keys',
    {
      config: { roles: ['admin'] },
      schema: { summary: 'List API keys (without secrets)', tags: ['keys'], response: { 200: Type.Object({ items: Type.Array(ApiKeyInfo) }, { additionalProperties: false }), ...ERROR_RESPONSES } },
    },
    async () => ({ items: await store.keys.list() }),
  );

  app.get(
    '/v1/me',
    {
      config: { roles: ['admin', 'moderator', 'reader', 'ingest'] },
      schema: { summary: 'The API key making the request: its name and role', tags: ['keys'], response: { 200: Me, ...ERROR_RESPONSES } },
    },
    async (req, reply) => {
      const key = req.apiKey!;
      return reply.header('cache-control', 'no-store').send({ keyId: key.id, name: key.name, role: key.role });
    },
  );
};

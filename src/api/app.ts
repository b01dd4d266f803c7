import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { AnalysisQueue } from '../queue/index.js';
import type { Store } from '../store/index.js';
import { VERSION } from '../version.js';
import { installAuth } from './auth.js';
import { ResponseCache } from './cache.js';
import { DEFAULT_BODY_LIMIT, DEFAULT_CACHE_BYTES, DEFAULT_RATE_LIMIT } from './defaults.js';
import { installContentParsers } from './content.js';
import { ApiError, installErrorHandlers } from './errors.js';
import { Metrics } from './metrics.js';
import { articleRoutes } from './routes/articles.js';
import { jobRoutes } from './routes/jobs.js';
import { keyRoutes } from './routes/keys.js';
import { opsRoutes } from './routes/ops.js';
import { reviewRoutes } from './routes/review.js';
import { threadRoutes } from './routes/threads.js';
import { defaultUiDir, uiRoutes } from './routes/ui.js';
import { validatorCompiler } from './validate.js';

export interface AppDeps {
  store: Store;
  /** Any AnalysisQueue driver (in-process now; BullMQ via createQueue()): routes only use the contract. */
  queue: AnalysisQueue;
  /** Pass one to share it with the result sink (it counts stored analyses); created otherwise. */
  metrics?: Metrics;
  /** Largest request body accepted (bytes); larger ones get 413. Default 10 MB. */
  bodyLimit?: number;
  /** Requests per key (or per IP without a key) per window; false turns limiting off. */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** Origins allowed to call the API from a browser; CORS is off (no headers) unless set. */
  corsOrigins?: readonly string[];
  /** How long a verified API key is trusted before the database is asked again (ms). */
  keyCacheTtlMs?: number;
  /** Bytes of finished review pages and reports to keep (exactly invalidated on change); 0 = off. */
  cacheBytes?: number;
  /** Directory of the built web UI served under /ui/ (default: dist/ui of the package); null: no UI. */
  uiDir?: string | null;
}

/** What the route plugins receive. */
export interface RouteDeps extends AppDeps {
  cache: ResponseCache;
}

const DOCS_PREFIX = '/docs';

/**
 * The API as a fastify plugin (the fastify/demo shape): everything but listening. Tests register it
 * on an instance and call inject(); server.ts registers it and listens.
 */
export function buildApp(deps: AppDeps): FastifyPluginAsync {
  return fp(async (root) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const bodyLimit = deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
    const metrics = deps.metrics ?? new Metrics({ queue: deps.queue, pendingReview: () => deps.store.review.pendingCount() });

    app.setValidatorCompiler(validatorCompiler);
    installErrorHandlers(app, { bodyLimit });
    installContentParsers(app);
    app.addHook('onRoute', (route) => {
      route.bodyLimit ??= bodyLimit;
    });
    installAuth(app, deps.store.keys, { publicPrefixes: [DOCS_PREFIX], ...(deps.keyCacheTtlMs !== undefined ? { cacheTtlMs: deps.keyCacheTtlMs } : {}) });
    metrics.install(app);

    if (deps.corsOrigins?.length) await app.register(cors, { origin: [...deps.corsOrigins] });
    if (deps.rateLimit !== false) {
      const rl = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
      await app.register(rateLimit, {
        max: rl.max,
        timeWindow: rl.timeWindowMs,
        // Runs after authentication (route-level hook), so the bucket is the key, not the address.
        keyGenerator: (req) => (req.apiKey ? `key:${req.apiKey.id}` : `ip:${req.ip}`),
        allowList: (req) => req.routeOptions.config.roles === 'public',
        errorResponseBuilder: (_req, ctx) =>
          new ApiError(429, 'rate-limited', `rate limit of ${ctx.max} requests per ${ctx.after} reached for this API key; retry in ${Math.ceil(ctx.ttl / 1000)} s`, {
            limit: ctx.max,
            retryAfterSeconds: Math.ceil(ctx.ttl / 1000),
          }),
      });
    }

    await app.register(swagger, {
      openapi: {
        info: { title: 'Threadlens API', version: VERSION, description: 'Moderation reports and the review workflow. Errors: `{"error": {"code", "message", "details"?}}`.' },
        components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'an API key from `threadlens keys create`' } } },
      },
    });
    await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });

    const cache = await ResponseCache.attach(deps.store, deps.cacheBytes ?? DEFAULT_CACHE_BYTES);
    app.addHook('onClose', async () => cache.close());
    const routeDeps: RouteDeps = { ...deps, cache };
    await app.register(opsRoutes, { ...routeDeps, metrics });
    await app.register(threadRoutes, routeDeps);
    await app.register(articleRoutes, routeDeps);
    await app.register(reviewRoutes, routeDeps);
    await app.register(jobRoutes, routeDeps);
    await app.register(keyRoutes, routeDeps);
    const uiDir = deps.uiDir === undefined ? defaultUiDir() : deps.uiDir;
    if (uiDir !== null) await app.register(uiRoutes, { ...routeDeps, uiDir });
  });
}

export interface CreateAppOptions {
  logger?: FastifyServerOptions['logger'];
}

/** A fastify instance with the API registered (not listening). */
export async function createApp(deps: AppDeps, options: CreateAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT });
  await app.register(buildApp(deps));
  await app.ready();
  return app;
}

import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../model/index.js';
import type { VerifiedKey } from '../store/index.js';
import { ApiError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every route must say (checked at registration). */
    roles?: readonly Role[] | 'public';
  }
  interface FastifyRequest {
    apiKey: VerifiedKey | null;
  }
}

export interface KeyVerifier {
  verify(secret: string): Promise<VerifiedKey | null>;
}

export interface AuthOptions {
  /** How long a verified key is trusted without asking the database again. */
  cacheTtlMs?: number;
  /** Routes under these prefixes (the docs UI's own routes) are public. */
  publicPrefixes?: readonly string[];
}

const AUTH_HELP = 'send "Authorization: Bearer <key>"; an admin creates keys with `threadlens keys create --role <role>`';

/**
 * API-key authentication and per-route role checks, in onRequest (before the body is read, so an
 * unauthenticated client cannot make the server parse a large body). Verified keys are cached
 * briefly; an unknown key is cached for a shorter time so a typo does not hammer the database.
 */
export function installAuth(app: FastifyInstance, keys: KeyVerifier, opts: AuthOptions = {}): void {
  const ttl = opts.cacheTtlMs ?? 30_000;
  const cache = new Map<string, { key: VerifiedKey | null; until: number }>();
  const lookup = async (secret: string): Promise<VerifiedKey | null> => {
    const h = createHash('sha256').update(secret).digest('base64');
    const hit = cache.get(h);
    const now = Date.now();
    if (hit && hit.until > now) return hit.key;
    const key = await keys.verify(secret);
    if (cache.size > 10_000) cache.clear();
    cache.set(h, { key, until: now + (key ? ttl : Math.min(ttl, 2000)) });
    return key;
  };

  app.decorateRequest('apiKey', null);

  app.addHook('onRoute', (route) => {
    const config = (route.config ??= {});
    if (config.roles === undefined && (opts.publicPrefixes ?? []).some((p) => route.url.startsWith(p))) config.roles = 'public';
    // CORS preflights carry no credentials by design; the request that follows is checked.
    if (config.roles === undefined && route.method === 'OPTIONS') config.roles = 'public';
    if (config.roles === undefined) throw new Error(`route ${route.method} ${route.url} does not declare its roles (config.roles)`);
    if (config.roles === 'public' || !route.schema) return;
    // Say it in the OpenAPI document too.
    const schema = route.schema as { description?: string; security?: unknown };
    schema.security = [{ apiKey: [] }];
    schema.description = `${schema.description ? schema.description + '\n\n' : ''}Roles: ${config.roles.join(', ')}.`;
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const roles = req.routeOptions.config.roles;
    if (roles === undefined || roles === 'public') return; // undefined: no route matched (404 handler)
    const header = req.headers.authorization;
    if (!header) throw new ApiError(401, 'missing-key', `${req.method} ${req.routeOptions.url} needs an API key: ${AUTH_HELP}`);
    const m = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
    if (!m) throw new ApiError(401, 'bad-authorization', `the Authorization header must be "Bearer <key>"`);
    const key = await lookup(m[1]!);
    if (!key) throw new ApiError(401, 'invalid-key', `API key not recognised (revoked, mistyped, or from another store); ${AUTH_HELP}`);
    req.apiKey = key;
    if (!roles.includes(key.role)) {
      throw new ApiError(403, 'forbidden', `role "${key.role}" may not ${req.method} ${req.routeOptions.url} (allowed: ${roles.join(', ')})`, {
        role: key.role,
        allowed: [...roles],
      });
    }
  });
}

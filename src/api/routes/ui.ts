import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { REPORT_CSS } from '../../report/index.js';
import type { RouteDeps } from '../app.js';
import { ApiError } from '../errors.js';

/**
 * Scripts and styles only from this origin, API calls only to it, nothing inline: the pages hold
 * comment text written by strangers, and the thread report is inserted as HTML.
 */
export const UI_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
};

/** The built UI (dist/ui), found from this module whether it runs from src/ (tsx, tests) or dist/src/. */
export function defaultUiDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'ui');
    const up = dirname(dir);
    if (up === dir) return join(process.cwd(), 'dist', 'ui');
    dir = up;
  }
}

const FileParams = Type.Object({ file: Type.String({ pattern: '^[a-z0-9-]+\\.(html|js|css|map)$' }) }, { additionalProperties: false });

/**
 * The moderator web UI: static files under /ui/. They are public (they hold no data); every API
 * call the pages make carries the key the moderator signed in with. Not API routes, so not in the
 * OpenAPI document.
 */
export const uiRoutes: FastifyPluginAsyncTypebox<RouteDeps & { uiDir: string }> = async (app, { uiDir }) => {
  const send = (reply: FastifyReply, type: string, body: string | Buffer) =>
    reply
      .type(type)
      .headers({
        'content-security-policy': UI_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        // The bundle changes with every build; the browser revalidates instead of running an old one.
        'cache-control': 'no-cache',
      })
      .send(body);

  const serve = async (reply: FastifyReply, file: string) => {
    if (file === 'report.css') return send(reply, TYPES.css!, REPORT_CSS);
    let body: Buffer;
    try {
      body = await readFile(join(uiDir, file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      if (!existsSync(uiDir)) throw new ApiError(503, 'ui-not-built', `the web UI is not built (no ${uiDir}); run \`npm run build\``);
      throw new ApiError(404, 'ui-file-not-found', `no UI file "${file}"`);
    }
    return send(reply, TYPES[file.slice(file.lastIndexOf('.') + 1)]!, body);
  };

  const hidden = { hide: true } as never;
  app.get('/ui', { config: { roles: 'public' }, schema: hidden }, async (_req, reply) => reply.redirect('/ui/', 301));
  app.get('/ui/', { config: { roles: 'public' }, schema: hidden }, async (_req, reply) => serve(reply, 'index.html'));
  app.get('/ui/:file', { config: { roles: 'public' }, schema: { ...(hidden as object), params: FileParams } as never }, async (req, reply) =>
    serve(reply, (req.params as { file: string }).file),
  );
};

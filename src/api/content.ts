import type { FastifyInstance } from 'fastify';
import { parseJson } from '../ingest/canonical-json.js';
import { decodeInput, InputError, type InputDocument } from '../ingest/index.js';
import { ApiError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** A raw (non-JSON) upload, decoded strictly: its bytes' hash is the thread identity, as in the CLI. */
    rawDocument: InputDocument | null;
  }
}

export const RAW_TYPES = ['text/plain', 'application/octet-stream'] as const;

/**
 * Body parsers. JSON errors say where (line and column), and a NUL character (which Postgres text
 * cannot hold) is refused with its place instead of failing later in the database. Raw uploads are
 * decoded as strict UTF-8 (no silent U+FFFD), like files given to the CLI.
 */
export function installContentParsers(app: FastifyInstance): void {
  app.decorateRequest('rawDocument', null);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(new ApiError(400, 'empty-body', 'the request body is empty; expected JSON'), undefined);
    try {
      const value = parseJson({ name: 'request body', text, sha256: '' });
      const nul = text.indexOf('\\u0000');
      // The raw text can hold "\\u0000" (an escaped backslash); only a real NUL in a parsed string counts.
      if (nul !== -1 && hasNul(value)) {
        const before = text.slice(0, nul);
        throw new InputError('nul-character', 'request body', 'a string contains \\u0000 (NUL), which cannot be stored', `line ${before.split('\n').length}, column ${nul - before.lastIndexOf('\n')}`);
      }
      done(null, value);
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  app.addContentTypeParser([...RAW_TYPES], { parseAs: 'buffer' }, (req, body, done) => {
    try {
      const doc = decodeInput(uploadName(req.query), body as Buffer);
      req.rawDocument = doc;
      done(null, doc.text);
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}

function uploadName(query: unknown): string {
  const name = (query as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.length > 0 && name.length <= 300 ? name : 'request body';
}

export function hasNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\0');
  if (Array.isArray(v)) return v.some(hasNul);
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => k.includes('\0') || hasNul(x));
  return false;
}

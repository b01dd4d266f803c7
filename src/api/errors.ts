import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import { isInputError, type InputError } from '../ingest/index.js';
import { formatBytes } from '../ingest/read-input.js';
import { ConflictError, InvalidRequestError, NotFoundError, StoreError } from '../store/index.js';

/** The one error shape of every 4xx/5xx response. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ description: 'stable, kebab-case; switch on this, not on the message' }),
        message: Type.String({ description: 'what was wrong and where, for a human' }),
        details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'Error' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** Response schemas every route declares for its errors. */
export const ERROR_RESPONSES = { '4xx': ErrorBody, '5xx': ErrorBody } as const;

/** An error a handler throws on purpose: it becomes exactly this status and body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Input the parsers refused: the status says whose fault and what kind. */
function inputStatus(e: InputError): number {
  if (e.code === 'unknown-format') return 415;
  if (e.code === 'too-large') return 413;
  return 400;
}

const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported-media-type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'empty-body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'bad-json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad-content-length' },
};

/** TypeBox says "schema is false" for a property that `additionalProperties: false` forbids. */
function problemMessage(v: { message?: string | undefined; schemaPath?: string }): string {
  if (v.message === 'schema is false' && v.schemaPath?.endsWith('/additionalProperties')) return 'is not a known field';
  return v.message ?? 'invalid';
}

export interface ErrorHandlerOptions {
  bodyLimit: number;
}

/** Map anything thrown to {status, body}. Unknown errors become a 500 that names the request id only. */
export function toErrorResponse(err: unknown, req: FastifyRequest, opts: ErrorHandlerOptions): { status: number; body: ErrorBody } {
  const body = (code: string, message: string, details?: Record<string, unknown>): ErrorBody => ({
    error: details ? { code, message, details } : { code, message },
  });
  if (err instanceof ApiError) return { status: err.statusCode, body: body(err.code, err.message, err.details) };
  if (isInputError(err)) {
    return { status: inputStatus(err), body: body(err.code, err.message, err.where ? { where: err.where } : undefined) };
  }
  if (err instanceof StoreError) {
    const status = err instanceof NotFoundError ? 404 : err instanceof ConflictError ? 409 : err instanceof InvalidRequestError ? 400 : 500;
    return { status, body: body(err.code, err.message, err.details) };
  }
  const fe = err as FastifyError & { validationContext?: string };
  if (fe.validation) {
    const where = fe.validationContext ?? 'request';
    const problems = fe.validation.map((v) => ({ in: where, path: v.instancePath || '/', message: problemMessage(v) }));
    const first = problems[0]!;
    return {
      status: 400,
      body: body('invalid-request', `${where}${first.path === '/' ? '' : ' ' + first.path}: ${first.message}`, { problems }),
    };
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: body('body-too-large', `request body is over the ${formatBytes(opts.bodyLimit)} limit (the server's --max-body setting)`, { limitBytes: opts.bodyLimit }),
    };
  }
  const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (known) {
    const message =
      fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? `Content-Type ${req.headers['content-type'] ?? '(none)'} is not accepted by ${req.method} ${req.routeOptions.url ?? req.url}`
        : fe.message;
    return { status: known.status, body: body(known.code, message) };
  }
  // Other client errors fastify raises (bad URL encoding, ...) keep their status with a generic code.
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: body('bad-request', fe.message) };
  }
  return { status: 500, body: body('internal', `internal error; it is logged under request id ${req.id}`) };
}

export function installErrorHandlers(app: FastifyInstance, opts: ErrorHandlerOptions): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorResponse(err, req, opts);
    if (status >= 500) req.log.error({ err }, 'request failed');
    if (status === 401) reply.header('www-authenticate', 'Bearer realm="threadlens"');
    void reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send({ error: { code: 'route-not-found', message: `no route ${req.method} ${req.url.split('?')[0]}; see /docs for the API` } });
  });
}

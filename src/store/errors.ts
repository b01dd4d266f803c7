/**
 * Errors the repositories raise for the caller to map (the API turns them into 404 / 409 / 400). They
 * carry a stable `code` and a message a client can act on.
 */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class NotFoundError extends StoreError {
  override readonly name = 'NotFoundError';
}

/** The request conflicts with what is stored: same id with other content, or a stale version. */
export class ConflictError extends StoreError {
  override readonly name = 'ConflictError';
}

/** The request is well-formed but names something that does not fit (e.g. an unknown finding id). */
export class InvalidRequestError extends StoreError {
  override readonly name = 'InvalidRequestError';
}

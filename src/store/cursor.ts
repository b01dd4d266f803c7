import { InvalidRequestError } from './errors.js';

/**
 * Opaque keyset-pagination cursors: the sort key of the last row of a page, base64url JSON. Keyset
 * (not OFFSET) so a page is as fast at row 10,000 as at row 0 and rows added meanwhile do not shift it.
 */
export function encodeCursor(kind: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([kind, ...key])).toString('base64url');
}

export function decodeCursor(kind: string, cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== shape.length + 1) {
    throw new InvalidRequestError('bad-cursor', `cursor "${cursor.slice(0, 40)}" is not a cursor from this listing (${kind}); start again without one`);
  }
  const key = parsed.slice(1) as unknown[];
  key.forEach((v, i) => {
    if (typeof v !== shape[i]) throw new InvalidRequestError('bad-cursor', `cursor "${cursor.slice(0, 40)}" is damaged; start again without one`);
  });
  return key as (string | number)[];
}

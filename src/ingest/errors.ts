/**
 * Input that cannot be turned into a thread or article. The message always names the file (or
 * "<stdin>") and, where known, the place ("line 12", "byte 4096", "/comments/3/text") and what was
 * expected, so a user can fix the input without reading code.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly code: string,
    readonly file: string,
    readonly detail: string,
    readonly where?: string,
  ) {
    super(`${file}${where ? ` (${where})` : ''}: ${detail}`);
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

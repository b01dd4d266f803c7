/** Exit codes (documented in the README). */
export const EXIT = {
  OK: 0,
  /** Bad input: nothing to parse, a malformed file, a bad line in a batch. */
  INPUT: 1,
  /** Usage error: unknown command or option, missing argument. */
  USAGE: 2,
  /** A bug or an environment failure (out of disk, ...): not the input's fault. */
  INTERNAL: 3,
} as const;

/** Thrown by commands for usage problems that commander cannot see (e.g. a bad option value). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

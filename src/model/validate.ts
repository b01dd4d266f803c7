import type { TSchema, Static } from 'typebox';
import { Compile } from 'typebox/compile';

export interface SchemaProblem {
  /** JSON pointer into the value, e.g. `/comments/3/text`. */
  path: string;
  message: string;
}

/**
 * Compile a schema once and return a checker that lists every problem with its JSON path,
 * so callers can report *where* input is wrong rather than just that it is.
 */
export function makeChecker<T extends TSchema>(schema: T) {
  const validator = Compile(schema);
  return {
    check(value: unknown): value is Static<T> {
      return validator.Check(value);
    },
    problems(value: unknown, limit = 10): SchemaProblem[] {
      const seen = new Set<string>();
      const out: SchemaProblem[] = [];
      for (const e of validator.Errors(value)) {
        // Union branches produce one error per branch plus a summary; keep the first per path.
        const path = e.instancePath || '/';
        if (seen.has(path)) continue;
        seen.add(path);
        out.push({ path, message: e.message });
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}

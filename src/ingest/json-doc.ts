import { parseJson } from './canonical-json.js';
import { InputError } from './errors.js';
import type { InputDocument } from './read-input.js';

/*
 * Every JSON format sniffs the same parsed value, so a document is parsed at most once however many
 * sniffers look at it (a 50 MB file is not parsed ten times during auto-detection).
 */
const cache = new WeakMap<InputDocument, { value: unknown } | null>();

/** The document's JSON value, or undefined when it is not a single JSON value (sniffing only). */
export function peekJson(doc: InputDocument): unknown {
  let hit = cache.get(doc);
  if (hit === undefined) {
    const head = doc.text.trimStart()[0];
    hit = null;
    if (head === '{' || head === '[') {
      try {
        hit = { value: JSON.parse(doc.text) };
      } catch {
        hit = null;
      }
    }
    cache.set(doc, hit);
  }
  return hit?.value;
}

/** The document's JSON value; malformed JSON throws an InputError with line and column. */
export function jsonOf(doc: InputDocument): unknown {
  const v = peekJson(doc);
  return v !== undefined ? v : parseJson(doc);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string field, or null (numbers are not silently converted). */
export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/**
 * JSON Lines: calls `each(record, lineNumber)` for every non-blank line, which must be a JSON object.
 * A malformed line is an error naming the line (and, for the last one, that the file looks truncated).
 */
export function eachJsonLine(text: string, file: string, each: (record: Record<string, unknown>, line: number) => void): void {
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let r: unknown;
    try {
      r = JSON.parse(raw);
    } catch (e) {
      const last = lines.slice(i + 1).every((l) => !l.trim());
      throw new InputError('bad-json', file, `malformed JSON line: ${(e as Error).message}${last ? ' (the file looks truncated)' : ''}`, `line ${i + 1}`);
    }
    if (!isObject(r)) throw new InputError('bad-record', file, 'expected one JSON object per line', `line ${i + 1}`);
    each(r, i + 1);
  });
}

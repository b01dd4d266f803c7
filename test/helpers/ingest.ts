import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { InputError, parseThread, parseThreads, readInputPath, type ParseOptions } from '../../src/ingest/index.js';
import type { Comment, Thread } from '../../src/model/index.js';

export const FIXTURES = fileURLToPath(new URL('../ingest/fixtures/', import.meta.url));

export async function fixtureThread(name: string, format = 'auto', options: ParseOptions = {}): Promise<Thread> {
  return parseThread(await readInputPath(join(FIXTURES, name), undefined, name), format, options);
}

export async function fixtureThreads(name: string, format = 'auto', options: ParseOptions = {}): Promise<Thread[]> {
  return parseThreads(await readInputPath(join(FIXTURES, name), undefined, name), format, options);
}

/** Comments by id, for assertions that read like the source file. */
export function byId(t: Thread): Map<string, Comment> {
  return new Map(t.comments.map((c) => [c.id, c]));
}

/** [id, parentId] pairs in thread order: the reply structure at a glance. */
export function links(t: Thread): [string, string | null][] {
  return t.comments.map((c) => [c.id, c.parentId]);
}

export async function expectInputError(fn: () => unknown, code: string, message: RegExp): Promise<InputError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe(code);
    expect((e as InputError).message).toMatch(message);
    return e as InputError;
  }
  throw new Error(`expected an InputError ${code}`);
}

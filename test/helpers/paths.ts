import { mkdtempSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_THREAD = join(REPO, 'seeds', 'thread-wnu-russia-rebels.txt');
export const SEED_ARTICLES = join(REPO, 'seeds', 'articles');
/**
 * The shared labelled data (never copied into the repository): `THREADLENS_DATA`, else `../shared/data`
 * beside the checkout. Tests that need it fail with a message when it is missing; they never skip.
 */
export const SHARED_DATA = process.env.THREADLENS_DATA || join(REPO, '..', 'shared', 'data');
/** Test artefacts (screenshots, temp files) go here; gitignored. */
export const TEST_OUTPUT = join(REPO, 'test-output');

/** A fresh directory under test-output/ for one test file's temporary files. */
export async function tempDir(prefix: string): Promise<string> {
  await mkdir(TEST_OUTPUT, { recursive: true });
  return mkdtempSync(join(TEST_OUTPUT, `${prefix}-`));
}

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeInput, parseThread } from '../src/ingest/index.js';
import type { Comment, Post, Thread } from '../src/model/index.js';
import { PACKAGE_ROOT } from '../src/version.js';
import { mulberry32 } from '../src/util/prng.js';

/*
 * A deterministic synthetic corpus for the queue benchmark and the fault tests: threads of real
 * comments (the seed thread's 7, plus the reddit-incivility comments from ../shared/data when asked),
 * drawn with a seeded PRNG, so every run sees the same threads. Nothing is written into the repository.
 */

export const SEED_THREAD_FILE = join(PACKAGE_ROOT, 'seeds', 'thread-wnu-russia-rebels.txt');

/** The seeded PRNG that picks comments reproducibly. */
export const prng = mulberry32;

export function seedThread(): Thread {
  return parseThread(decodeInput(SEED_THREAD_FILE, readFileSync(SEED_THREAD_FILE)));
}

/** Rows of a CSV file (RFC 4180: quoted fields, "" escapes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** Comment texts to draw from: the seed comments, plus reddit-incivility's when `dataDir` is given. */
export function commentPool(dataDir?: string): string[] {
  const pool = seedThread().comments.filter((c) => c.status === 'live').map((c) => c.text);
  if (dataDir) {
    const file = join(dataDir, 'reddit-incivility', 'train.csv');
    if (!existsSync(file)) throw new Error(`${file} not found: pass --data <dir> pointing at the shared data (default ../shared/data)`);
    const rows = parseCsv(readFileSync(file, 'utf8'));
    for (const r of rows) if (r[0] && r[0].trim().length > 0) pool.push(r[0]);
  }
  return pool;
}

const AUTHORS = ['efFlh43', 'bn', 'Jay Farquharson', 'Anonymous', 'RCM', 'Jac', 'Unknown', 'B.Walker', 'Wiz', 'Nick', 'Jesse', 'Moro'];

/** A canonical thread with the given comment texts (a tree: some comments answer earlier ones). */
export function buildThread(id: string, texts: readonly string[], post: Post | null, rand: () => number = prng(1)): Thread {
  const start = Date.UTC(2016, 7, 6, 12, 0, 0);
  const comments: Comment[] = texts.map((text, i) => {
    const parent = i > 0 && rand() < 0.35 ? `c${Math.floor(rand() * i)}` : null;
    return {
      id: `c${i}`,
      index: i,
      author: AUTHORS[Math.floor(rand() * AUTHORS.length)]!,
      createdAt: new Date(start + i * 7 * 60_000).toISOString(),
      parentId: parent,
      parentSource: parent ? 'explicit' : 'none',
      status: 'live',
      text,
    };
  });
  const contentHash = createHash('sha256').update(JSON.stringify({ post, texts })).digest('hex');
  return {
    thread: {
      id,
      format: 'canonical',
      sourceFile: null,
      contentHash,
      title: post ? 'Russia Entices U.S.-Trained Syrian Rebels To Switch Sides' : null,
      publishedAt: '2016-08-06',
      post,
      declaredCommentCount: texts.length,
      warnings: [],
    },
    comments,
  };
}

export interface CorpusOptions {
  threads: number;
  commentsPerThread: number;
  seed?: number;
  /** ../shared/data (adds the reddit-incivility comments to the pool); omit for seed comments only. */
  dataDir?: string | undefined;
}

/** Generate the corpus lazily (2,000 × 50 threads fit in memory, but callers stream them anyway). */
export function* generateCorpus(opts: CorpusOptions): Generator<Thread> {
  const pool = commentPool(opts.dataDir);
  const post = seedThread().thread.post;
  const rand = prng(opts.seed ?? 20160806);
  for (let t = 0; t < opts.threads; t++) {
    const texts = Array.from({ length: opts.commentsPerThread }, () => pool[Math.floor(rand() * pool.length)]!);
    yield buildThread(`synthetic-${opts.seed ?? 20160806}-${t}`, texts, post, rand);
  }
}

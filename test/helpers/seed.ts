import { readFileSync } from 'node:fs';
import { analyzeThread, type ThreadAnalysis } from '../../src/analyze/index.js';
import { loadArticles } from '../../src/corpus/load.js';
import { decodeInput, parseThread } from '../../src/ingest/index.js';
import type { Article, Thread } from '../../src/model/index.js';
import { SEED_ARTICLES, SEED_THREAD } from './paths.js';

export function seedThread(): Thread {
  return parseThread(decodeInput('seed', readFileSync(SEED_THREAD)));
}

let articles: Article[] | undefined;
export async function seedArticles(): Promise<Article[]> {
  return (articles ??= await loadArticles([SEED_ARTICLES]));
}

export async function seedAnalysis(): Promise<ThreadAnalysis> {
  return analyzeThread({ thread: seedThread(), articles: await seedArticles() });
}

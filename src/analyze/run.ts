import { loadArticles } from '../corpus/load.js';
import { DEFAULT_MAX_INPUT_BYTES, parseThread, readInputPath, type ParseOptions } from '../ingest/index.js';
import type { Article, Report, Thread } from '../model/index.js';
import { buildReport } from '../report/index.js';
import type { AnalysisOptions } from './context.js';
import { analyzeThread } from './pipeline.js';

export interface AnalyzeFileOptions {
  articles?: readonly string[];
  inputFormat?: string;
  maxBytes?: number;
  maxComments?: number;
  /** For files holding several threads: which one (see ParseOptions.thread). */
  thread?: string;
  generatedAt?: string | null;
  /** How reports name the file (default: `path`). */
  displayName?: string;
  /** Analyzer options (thresholds). */
  analysis?: AnalysisOptions;
}

/** Read, parse and analyze one thread file with optional article files: the CLI's main job. */
export async function analyzeFile(path: string, opts: AnalyzeFileOptions = {}): Promise<{ thread: Thread; articles: Article[]; report: Report }> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const doc = await readInputPath(path, maxBytes, opts.displayName ?? path);
  const parseOptions: ParseOptions = {};
  if (opts.maxComments !== undefined) parseOptions.maxComments = opts.maxComments;
  if (opts.thread !== undefined) parseOptions.thread = opts.thread;
  const thread = parseThread(doc, opts.inputFormat ?? 'auto', parseOptions);
  const articles = opts.articles?.length ? await loadArticles(opts.articles, maxBytes) : [];
  const report = buildReport(analyzeThread({ thread, articles, options: opts.analysis ?? {} }), { generatedAt: opts.generatedAt ?? null });
  return { thread, articles, report };
}

import { analyzeThread } from '../analyze/index.js';
import { buildReport } from '../report/index.js';
import { analysisKey, type AnalyzeJobPayload, type AnalyzeJobResult } from './types.js';

/**
 * The work of one job, shared by every driver: analyze the thread and build its report. Pure CPU; the
 * caller reports progress and persists the result.
 */
export function processAnalyzeJob(payload: AnalyzeJobPayload, now: () => Date = () => new Date(), key?: string): AnalyzeJobResult {
  const analysis = analyzeThread({ thread: payload.thread, articles: payload.articles });
  const report = buildReport(analysis, { generatedAt: now().toISOString() });
  // A worker already knows the key (it is the job id): hashing the thread again costs about a JSON.stringify of it.
  return { threadId: payload.thread.thread.id, analysisKey: key ?? analysisKey(payload), report };
}

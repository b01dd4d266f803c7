import { createHash } from 'node:crypto';
import { parseArticleText } from '../ingest/article-text.js';
import type { Article, Thread } from '../model/index.js';
import { analysisKey, type AnalysisQueue } from '../queue/index.js';
import type { Store } from '../store/index.js';
import { hasNul } from './content.js';
import { ApiError } from './errors.js';
import type { Accepted, ArticleInput } from './schemas.js';
import { threadStatus } from './thread-status.js';

/** Turn API article inputs into Articles: raw captures go through the same cleaning as article files. */
export function toArticles(inputs: readonly ArticleInput[]): Article[] {
  const ids = new Set<string>();
  return inputs.map((a, i) => {
    if (ids.has(a.id)) throw new ApiError(400, 'duplicate-article', `articles/${i}: id "${a.id}" appears twice in this request`);
    ids.add(a.id);
    if ((a.text === undefined) === (a.body === undefined)) {
      throw new ApiError(400, 'invalid-request', `articles/${i} ("${a.id}"): give exactly one of "text" (a raw capture, cleaned for you) or "body" (already clean)`);
    }
    if (hasNul(a)) throw new ApiError(400, 'nul-character', `articles/${i} ("${a.id}"): contains a NUL character, which cannot be stored`);
    const base: Article =
      a.text !== undefined
        ? parseArticleText({ name: `article "${a.id}"`, text: a.text.replace(/\r\n?/g, '\n'), sha256: createHash('sha256').update(a.text).digest('hex') }, a.id)
        : { id: a.id, title: null, date: null, body: a.body! };
    return {
      ...base,
      ...(a.title !== undefined ? { title: a.title } : {}),
      ...(a.date !== undefined ? { date: a.date } : {}),
      sourceFile: null,
      url: a.url ?? null,
    };
  });
}

export interface SubmitInput {
  thread: Thread;
  articles: readonly Article[];
  articleIds: readonly string[];
  submittedBy: string | null;
  origin?: string;
  /** Queue a new job even when the latest job has not finished (re-analysis). */
  reanalyze?: boolean;
  /** Queue a job even when this exact analysis is already stored (e.g. workers run new rules). */
  force?: boolean;
}

/**
 * Store the thread (and inline articles), then queue its analysis. If this exact analysis (same
 * content, same articles, same analyzer version) is already stored, nothing is queued.
 */
export async function submitThread(store: Store, queue: AnalysisQueue, input: SubmitInput): Promise<Accepted> {
  if (hasNul(input.thread)) throw new ApiError(400, 'nul-character', 'the thread contains a NUL character, which cannot be stored');
  const stored = await store.articles.get(input.articleIds.filter((id) => !input.articles.some((a) => a.id === id)));
  if (input.articles.length) await store.articles.add(input.articles);
  const articles = [...input.articles, ...stored];
  const threadId = input.thread.thread.id;
  const { created } = await store.threads.saveSubmission(input.thread, articles.map((a) => a.id), input.submittedBy);
  const payload = {
    thread: input.thread,
    articles,
    ...(input.submittedBy ? { submittedBy: input.submittedBy } : {}),
    ...(input.origin ? { origin: input.origin } : {}),
  };
  const key = analysisKey(payload);
  const before = await store.threads.get(threadId);
  let jobId: string;
  let deduplicated: boolean;
  if (!input.force && before && before.jobAnalysisKey === key && before.jobId && (before.jobDone || !input.reanalyze)) {
    // Same analysis as the thread's current job: report that job instead of starting another.
    jobId = before.jobId;
    deduplicated = true;
  } else {
    ({ jobId, deduplicated } = await queue.enqueue(payload, input.reanalyze || input.force ? { force: true } : {}));
    // A forced job may store under another key (another analyzer version): only its job id marks it done.
    await store.threads.setJob(threadId, jobId, input.force ? null : key);
  }
  const now = (await store.threads.get(threadId))!;
  const { status } = await threadStatus(now, queue);
  return {
    threadId,
    jobId,
    status,
    deduplicated,
    created,
    links: { thread: `/v1/threads/${encodeURIComponent(threadId)}`, report: `/v1/threads/${encodeURIComponent(threadId)}/report` },
  };
}

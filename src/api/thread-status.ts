import type { ThreadState, ThreadSummary } from '../model/index.js';
import type { AnalysisQueue } from '../queue/index.js';
import type { StoredThread } from '../store/index.js';

/**
 * A thread's status comes from two places: the store knows whether the latest job's analysis is saved
 * (done); the queue knows whether that job is waiting, running or failed. Asking the queue works for
 * both drivers (BullMQ jobs run in other processes).
 */
export async function threadStatus(t: StoredThread, queue: AnalysisQueue): Promise<{ status: ThreadState; statusDetail: string | null }> {
  if (t.jobDone || (t.jobId === null && t.latestVersion !== null)) return { status: 'done', statusDetail: null };
  if (t.jobId === null) return { status: 'queued', statusDetail: null };
  const job = await queue.getJob(t.jobId);
  if (!job) {
    return {
      status: 'failed',
      statusDetail: `job ${t.jobId} is no longer in the queue (the server restarted before it ran?); POST /v1/threads/${t.id}/reanalyze runs it again`,
    };
  }
  switch (job.state) {
    case 'waiting':
      return { status: 'queued', statusDetail: null };
    case 'delayed':
      return { status: 'queued', statusDetail: job.failedReason ? `retrying after: ${job.failedReason}` : null };
    case 'active':
      return { status: 'analyzing', statusDetail: null };
    case 'completed':
      // Drivers mark a job completed only after its sink returned: the result is stored.
      return { status: 'done', statusDetail: null };
    case 'failed':
      return { status: 'failed', statusDetail: job.failedReason ?? 'the job failed' };
  }
}

export async function summarize(t: StoredThread, queue: AnalysisQueue): Promise<ThreadSummary> {
  const { status, statusDetail } = await threadStatus(t, queue);
  return {
    id: t.id,
    title: t.title,
    format: t.format,
    sourceFile: t.sourceFile,
    commentCount: t.commentCount,
    status,
    statusDetail,
    jobId: t.jobId,
    latestVersion: t.latestVersion,
    flaggedCount: t.flaggedCount,
    pendingReview: t.pendingReview,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

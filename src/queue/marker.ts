import type { Redis } from 'ioredis';
import { QUEUE_NAME, type AnalyzeJobReturn } from './jobs.js';

/*
 * Done markers: the durable half of idempotency. BullMQ deduplicates by job id only while the job
 * exists, and removeOnComplete trims finished jobs; a marker per analysis key outlives the job, so
 * the same content is not analyzed again after its job was trimmed (unless forced).
 *
 * A worker sends the marker after its sinks succeeded and before it reports the job done, so every
 * completed job has one. If the worker dies in between, the job is retried and the retry finds its
 * own marker and completes without analyzing again.
 */

export interface DoneMarker extends AnalyzeJobReturn {
  jobId: string;
}

export function doneKey(prefix: string, analysisKey: string): string {
  return `${prefix}:${QUEUE_NAME}:done:${analysisKey}`;
}

/** The BullMQ hash key of a job (to test existence in the same round trip as the marker). */
export function jobKey(prefix: string, jobId: string): string {
  return `${prefix}:${QUEUE_NAME}:${jobId}`;
}

export function parseMarker(raw: string | null): DoneMarker | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as DoneMarker;
  } catch {
    return null; // a corrupt marker only costs one re-analysis
  }
}

export async function readMarker(client: Redis, prefix: string, analysisKey: string): Promise<DoneMarker | null> {
  return parseMarker(await client.get(doneKey(prefix, analysisKey)));
}

export async function writeMarker(client: Redis, prefix: string, marker: DoneMarker): Promise<void> {
  await client.set(doneKey(prefix, marker.analysisKey), JSON.stringify(marker));
}

import cliProgress from 'cli-progress';
import type { Writable } from 'node:stream';

export interface IngestCounts {
  total: number;
  /** Threads whose job finished (analyzed, or already analyzed before). */
  done: number;
  failed: number;
  bad: number;
  comments: number;
}

export interface ProgressView {
  update(c: IngestCounts): void;
  stop(c: IngestCounts): void;
}

/** Comments per second since `startedAt`. */
export function rate(comments: number, startedAt: number, now = Date.now()): number {
  const s = (now - startedAt) / 1000;
  return s > 0 ? Math.round(comments / s) : 0;
}

/**
 * A progress bar on a terminal (cli-progress); on a pipe or a log file, a plain line every few
 * seconds instead of cursor tricks.
 */
export function progressView(out: Writable & { isTTY?: boolean }, startedAt: number, opts: { plainEveryMs?: number } = {}): ProgressView {
  const finished = (c: IngestCounts) => c.done + c.failed + c.bad;
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: out,
        format: '{bar} {value}/{total} threads | {comments} comments | {rate} comments/s | failed {failed} | bad {bad} | ETA {eta_formatted}',
        hideCursor: true,
        fps: 5,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    const payload = (c: IngestCounts) => ({ comments: c.comments, rate: rate(c.comments, startedAt), failed: c.failed, bad: c.bad });
    return {
      update(c) {
        if (!started) {
          bar.start(c.total, finished(c), payload(c));
          started = true;
        } else {
          bar.setTotal(c.total);
          bar.update(finished(c), payload(c));
        }
      },
      stop(c) {
        if (started) {
          bar.update(finished(c), payload(c));
          bar.stop();
        }
      },
    };
  }
  const every = opts.plainEveryMs ?? 2000;
  let last = 0;
  const line = (c: IngestCounts) =>
    `progress: ${finished(c)}/${c.total} threads, ${c.comments} comments, ${rate(c.comments, startedAt)} comments/s, ${c.failed} failed, ${c.bad} bad\n`;
  return {
    update(c) {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      out.write(line(c));
    },
    stop(c) {
      out.write(line(c));
    },
  };
}

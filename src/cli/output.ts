import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import type { Writable } from 'node:stream';

/**
 * Write a whole output file atomically (temp file + rename), so a crash or a full disk never leaves
 * a half-written report that looks complete.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data, 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

/** Write respecting backpressure: wait for 'drain' when the stream's buffer is full. */
export function writeWithBackpressure(out: Writable, s: string): Promise<void> | void {
  if (out.write(s)) return;
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      out.off('error', onError);
      resolve();
    };
    const onError = (e: Error) => {
      out.off('drain', onDrain);
      reject(e);
    };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}

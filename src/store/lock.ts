import { open, readFile, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Thrown when another live process (or this one) already has the embedded database open. */
export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
}

const held = new Set<string>();

/**
 * PGlite is single-process: two processes writing one data directory corrupt it. A lock file with
 * the owner's pid guards it; a lock left by a dead process is taken over.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  // Beside the directory, not in it: PGlite initialises only an empty directory.
  const path = resolve(dir) + '.lock';
  if (held.has(path)) throw new DataDirBusyError(`the data directory ${dir} is already open in this process`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(`${process.pid}\n`);
      await fh.close();
      held.add(path);
      return async () => {
        held.delete(path);
        await unlink(path).catch(() => {});
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number.parseInt((await readFile(path, 'utf8').catch(() => '')).trim(), 10);
    if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
      throw new DataDirBusyError(
        `the data directory ${dir} is in use by process ${owner} (a running \`threadlens serve\`?). ` +
          'The embedded database allows one process at a time: stop it first, or use Postgres (DATABASE_URL) to share the store.',
      );
    }
    await unlink(path).catch(() => {});
  }
  throw new DataDirBusyError(`could not lock the data directory ${dir}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

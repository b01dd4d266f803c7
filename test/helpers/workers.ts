import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildThread, seedThread } from '../../bench/corpus.js';
import type { Thread } from '../../src/model/index.js';
import { REPO } from './paths.js';

/** A `threadlens worker` child process (run from source with tsx) and its JSON log lines. */
export interface WorkerProc {
  child: ChildProcess;
  events: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves when an event matching `pred` is logged. */
  waitFor(pred: (e: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
}

export function spawnWorker(env: NodeJS.ProcessEnv, args: string[] = []): WorkerProc {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: Record<string, unknown>[] = [];
  const listeners: (() => void)[] = [];
  let buf = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => {
    buf += c.toString();
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line.startsWith('{')) events.push(JSON.parse(line) as Record<string, unknown>);
      for (const l of [...listeners]) l();
    }
  });
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    events,
    stderr: () => err,
    exited,
    waitFor(pred, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(pred);
          if (!hit) return false;
          listeners.splice(listeners.indexOf(check), 1);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.splice(listeners.indexOf(check), 1);
          reject(new Error(`worker ${child.pid}: no matching event within ${timeoutMs} ms; events: ${JSON.stringify(events).slice(-800)}; stderr: ${err.slice(-800)}`));
        }, timeoutMs);
        listeners.push(check);
        check();
      });
    },
  };
}

/** Stop a worker if it is still running (SIGTERM, then SIGKILL after a grace period). */
export async function stopWorker(w: WorkerProc | undefined): Promise<void> {
  if (!w || w.child.exitCode !== null || w.child.signalCode !== null) return;
  w.child.kill('SIGTERM');
  const t = setTimeout(() => w.child.kill('SIGKILL'), 15_000);
  await w.exited;
  clearTimeout(t);
}

/** `n` distinct threads of `comments` seed comments each (texts varied so each has its own content). */
export function seedVariants(n: number, comments: number, tag: string): Thread[] {
  const base = seedThread();
  const texts = base.comments.map((c) => c.text);
  return Array.from({ length: n }, (_, i) =>
    buildThread(`${tag}-${i}`, Array.from({ length: comments }, (_, k) => `${texts[k % texts.length]} (${tag} ${i}.${k})`), base.thread.post),
  );
}

/** Write threads as canonical JSON files (what `threadlens parse` prints); returns their paths. */
export async function writeThreads(dir: string, threads: Thread[]): Promise<string[]> {
  const paths: string[] = [];
  for (const t of threads) {
    const p = join(dir, `${t.thread.id}.json`);
    await writeFile(p, JSON.stringify(t, null, 1));
    paths.push(p);
  }
  return paths;
}

/** Count `completed` log events per job id across workers. */
export function completions(workers: WorkerProc[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of workers) for (const e of w.events) if (e.event === 'completed') m.set(String(e.jobId), (m.get(String(e.jobId)) ?? 0) + 1);
  return m;
}

/** PIDs of live processes whose environment has THREADLENS_QUEUE_PREFIX=prefix (Linux /proc): workers and their sandboxes. */
export async function processesOfPrefix(prefix: string): Promise<number[]> {
  const needle = `THREADLENS_QUEUE_PREFIX=${prefix}\0`;
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const env = await readFile(`/proc/${name}/environ`, 'latin1');
      const stat = await readFile(`/proc/${name}/stat`, 'latin1');
      if (env.includes(needle) && !/^\d+ \(.*\) Z/.test(stat)) pids.push(Number(name)); // zombies are dead
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** Wait until no process of this prefix is left (or the timeout passes); returns the survivors. */
export async function waitNoProcesses(prefix: string, timeoutMs = 20_000): Promise<number[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const left = await processesOfPrefix(prefix);
    if (left.length === 0 || Date.now() > until) return left;
    await new Promise((r) => setTimeout(r, 250));
  }
}

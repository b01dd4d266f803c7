/*
 * Throughput benchmark, all figures from one run on one generated corpus:
 *   (a) full per-comment analysis in process: analyzeThread() over the threads, comments/s
 *   (b) bare sentiment.analyze() over the same comments, comments/s, and the ratio a/b (target ≥ 25%)
 *   (c) end to end through Redis with 1 and 2 worker processes (enqueue → worker → sink → done),
 *       compared with the in-process job (analysis + report) in as many processes (target ≥ 70%)
 *
 *   npm run bench                                   # 2,000 threads × 50 comments
 *   npm run bench -- --threads 200 --comments 20    # a quick check
 *   options: --seed N, --data ../shared/data, --workers 1,2, --json, --no-queue
 * Needs `npm run build` (the npm script does it): the workers run the compiled dist/.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { analyzeThread } from '../src/analyze/index.js';
import type { Thread } from '../src/model/index.js';
import { processAnalyzeJob } from '../src/queue/index.js';
import { PACKAGE_ROOT } from '../src/version.js';
import { generateCorpus } from './corpus.js';
import { queueThroughput } from './queue-run.js';

const { values: args } = parseArgs({
  options: {
    threads: { type: 'string', default: '2000' },
    comments: { type: 'string', default: '50' },
    seed: { type: 'string', default: '20160806' },
    data: { type: 'string', default: '../shared/data' },
    workers: { type: 'string', default: '1,2' },
    json: { type: 'boolean', default: false },
    'no-queue': { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});
const corpusOpts = { threads: Number(args.threads), commentsPerThread: Number(args.comments), seed: Number(args.seed), dataDir: args.data };

function corpus(): Thread[] {
  return [...generateCorpus(corpusOpts)];
}

/**
 * Time several functions over the same threads, interleaved thread by thread, so that a load spike on
 * this shared machine hits all of them alike (separate passes drifted by 30% and more), in an order
 * that rotates from thread to thread. Returns
 * comments/s per function, after a warm-up over the first 5% of threads.
 */
function interleaved(threads: readonly Thread[], fns: readonly ((t: Thread) => unknown)[]): number[] {
  for (const t of threads.slice(0, Math.max(1, Math.floor(threads.length / 20)))) for (const f of fns) f(t);
  const ms = fns.map(() => 0);
  let comments = 0;
  threads.forEach((t, n) => {
    // Rotate who goes first: a later call on the same thread finds warm caches (stems, lexicon hits).
    for (let k = 0; k < fns.length; k++) {
      const i = (k + n) % fns.length;
      const t0 = performance.now();
      fns[i]!(t);
      ms[i]! += performance.now() - t0;
    }
    comments += t.comments.length;
  });
  return ms.map((m) => comments / (m / 1000));
}

const now = () => new Date().toISOString();

/** In a child process: run the in-process job (analysis + report) over this child's share of the corpus. */
function childMode(spec: string): void {
  const [i, n] = spec.split('/').map(Number) as [number, number];
  const mine = corpus().filter((_, k) => k % n === i);
  const [r] = interleaved(mine, [(t) => processAnalyzeJob({ thread: t, articles: [] })]);
  process.stdout.write(JSON.stringify({ rate: r! }) + '\n');
}

/** The in-process job in `n` processes at once (the like-for-like baseline for `n` queue workers). */
async function inProcessParallel(n: number): Promise<number> {
  const runs = Array.from({ length: n }, (_, i) =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/queue.ts', ...process.argv.slice(2), '--child', `${i}/${n}`], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => (code === 0 ? resolve((JSON.parse(out.trim().split('\n').pop()!) as { rate: number }).rate) : reject(new Error(`bench child exited ${code}`))));
    }),
  );
  return (await Promise.all(runs)).reduce((a, b) => a + b, 0);
}

async function main(): Promise<void> {
  const threads = corpus();
  const texts = threads.flatMap((t) => t.comments.map((c) => c.text));
  const avgChars = Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length);
  const log = (s: string) => !args.json && process.stdout.write(s + '\n');
  log(`corpus: ${threads.length} threads × ${corpusOpts.commentsPerThread} comments = ${texts.length} comments (avg ${avgChars} chars), seed ${corpusOpts.seed}, data ${corpusOpts.dataDir}`);

  const Sentiment = createRequire(import.meta.url)('sentiment') as new () => { analyze(s: string): unknown };
  const sentiment = new Sentiment();
  const [bare, full, job] = interleaved(threads, [
    (t) => {
      for (const c of t.comments) sentiment.analyze(c.text);
    },
    (t) => analyzeThread({ thread: t, articles: [] }),
    (t) => processAnalyzeJob({ thread: t, articles: [] }),
  ]) as [number, number, number];
  log(`(b) sentiment.analyze:            ${Math.round(bare)} comments/s`);
  log(`(a) analyzeThread (full analysis): ${Math.round(full)} comments/s = ${((100 * full) / bare).toFixed(1)}% of sentiment (target ≥ 25%)`);
  log(`    analysis + report (a job):     ${Math.round(job)} comments/s`);

  const queue: Record<string, unknown>[] = [];
  if (!args['no-queue']) {
    for (const n of args.workers.split(',').map(Number)) {
      // The baseline: the same jobs in n plain processes, measured just before and just after the queue
      // run (averaged), so both see about the same machine load.
      const before = await inProcessParallel(n);
      const q = await queueThroughput(threads, n);
      const base = (before + (await inProcessParallel(n))) / 2;
      queue.push({ workers: n, commentsPerSecond: Math.round(q.rate), seconds: q.seconds, inProcessJobsSameProcesses: Math.round(base), ratio: q.rate / base, ratioToAnalyzeThread: q.rate / (full * n) });
      log(`(c) queue, ${n} worker process(es): ${Math.round(q.rate)} comments/s (${q.seconds.toFixed(1)} s) = ${((100 * q.rate) / base).toFixed(1)}% of the in-process job in ${n} process(es) (${Math.round(base)}/s; target ≥ 70%)`);
    }
  }
  if (args.json) {
    process.stdout.write(
      JSON.stringify({ at: now(), node: process.version, corpus: { threads: threads.length, comments: texts.length, avgChars, seed: corpusOpts.seed }, sentiment: Math.round(bare), analyzeThread: Math.round(full), job: Math.round(job), ratio: full / bare, queue }, null, 2) + '\n',
    );
  }
}

if (args.child) childMode(args.child);
else await main();

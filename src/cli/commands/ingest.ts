import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadArticles } from '../../corpus/load.js';
import { DEFAULT_MAX_INPUT_BYTES, formatNames } from '../../ingest/index.js';
import { BullMQQueue, composeSinks, createQueue, outputDirSink, queueConfigFromEnv, startAnalysisWorker, workerOptionsFromEnv, type ResultSink, type WorkerHandle } from '../../queue/index.js';
import { DEFAULT_DATA_DIR } from '../../store/defaults.js';
import { storeFailure } from './store-errors.js';
import { EXIT, UsageError } from '../exit.js';
import { discoverThreadFiles } from '../ingest/discover.js';
import { progressView, rate } from '../ingest/progress.js';
import { runIngest, type IngestResult } from '../ingest/run.js';
import type { CliIO } from '../io.js';
import { byteSize } from '../options.js';

interface IngestFlags {
  articles?: string[];
  out?: string;
  wait: boolean;
  force?: boolean;
  concurrency?: number;
  inputFormat: string;
  maxBytes: number;
  redisRetry: number;
  store?: boolean;
  dataDir: string;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected an integer ≥ 0');
  return n;
}

export function registerIngest(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('ingest')
    .description('analyze many thread files through the queue (one job per thread) and write one JSON report per thread')
    .argument('<paths...>', 'thread files or directories (searched recursively; any supported format)')
    .option('--articles <paths...>', 'article files or directories: the source corpus the threads discuss')
    .option('--out <dir>', 'write one JSON report per thread into this directory')
    .option('--no-wait', 'enqueue and exit; workers finish the jobs (needs REDIS_URL)')
    .option('--force', 'analyze again threads that were analyzed before (same content, articles and version)')
    .option('--concurrency <n>', 'jobs run by this process at once (without Redis: default 1; with REDIS_URL: default 0 = leave them to `threadlens worker`)', nonNegativeInt)
    .addOption(new Option('--input-format <name>', 'thread format').choices(['auto', ...formatNames()]).default('auto'))
    .option('--max-bytes <size>', 'refuse input files larger than this', byteSize, DEFAULT_MAX_INPUT_BYTES)
    .option('--redis-retry <seconds>', 'keep retrying enqueues this long while Redis is unreachable', nonNegativeInt, 30)
    .option('--store', 'also save every analysis in the store `serve` reads (DATABASE_URL, else the embedded database in --data-dir)')
    .option('--data-dir <dir>', 'embedded database directory for --store (ignored when DATABASE_URL is set)', DEFAULT_DATA_DIR)
    .action(async (paths: string[], opts: IngestFlags) => setExit(await ingest(paths, opts, io)));
}

async function ingest(paths: string[], opts: IngestFlags, io: CliIO): Promise<number> {
  const config = queueConfigFromEnv(io.env);
  if (!opts.wait && !config.redisUrl) {
    throw new UsageError('--no-wait needs REDIS_URL: without Redis the jobs run in this process and would be lost when it exits');
  }
  if (opts.concurrency === 0 && !config.redisUrl) throw new UsageError('--concurrency 0 needs REDIS_URL (without Redis this process is the only worker)');
  const found = await discoverThreadFiles(paths, io.cwd);
  if (found.files.length === 0 && found.missing.length === 0) {
    io.stderr.write(`threadlens: error: no thread files found in ${paths.join(', ')} (looked for .txt, .json, .html, .xml ...)\n`);
    return EXIT.INPUT;
  }
  const articles = opts.articles?.length ? await loadArticles(opts.articles.map((a) => resolve(io.cwd, a)), opts.maxBytes) : [];
  const outDir = opts.out ? resolve(io.cwd, opts.out) : undefined;
  if (outDir) await mkdir(outDir, { recursive: true });

  const inCli = config.redisUrl ? (opts.concurrency ?? 0) : (opts.concurrency ?? 1);
  // --store: with Redis the workers deliver to the store (they need DATABASE_URL); without, this
  // process runs the jobs and delivers to the store itself.
  let store: { sink(): ResultSink; close(): Promise<void> } | undefined;
  if (opts.store && config.redisUrl && !io.env.DATABASE_URL) {
    throw new UsageError('--store with REDIS_URL needs DATABASE_URL: the workers save the analyses, in a Postgres they share with `serve`');
  }
  if (opts.store && !config.redisUrl) {
    const { openStore, postgresOptionsFromEnv } = await import('../../store/index.js');
    try {
      store = await openStore({ databaseUrl: io.env.DATABASE_URL || undefined, ...postgresOptionsFromEnv(io.env), dataDir: opts.dataDir, cwd: io.cwd });
    } catch (e) {
      return storeFailure(e, io, ' (is `threadlens serve` running on it? stop it, or use DATABASE_URL)');
    }
  }
  const queue = await createQueue(config, { sink: composeSinks(outputDirSink(), store?.sink()), concurrency: inCli });
  let worker: WorkerHandle | undefined;
  const startedAt = Date.now();
  const view = progressView(io.stdout, startedAt);
  try {
    if (config.redisUrl && inCli > 0) worker = await startAnalysisWorker(config, { ...workerOptionsFromEnv(io.env), concurrency: inCli });
    if (queue instanceof BullMQQueue && opts.wait && !worker && (await queue.connectedWorkers()) === 0) {
      io.stderr.write(`note: no worker is connected to queue prefix "${config.prefix}" yet; start \`threadlens worker\` or pass --concurrency N\n`);
    }
    if (!outDir) io.stderr.write('note: no --out: reports are not written to files by this run\n');
    const result = await runIngest(
      queue,
      { files: found.files, articles, outDir, force: opts.force ?? false, wait: opts.wait, inputFormat: opts.inputFormat, maxBytes: opts.maxBytes, redisRetryMs: opts.redisRetry * 1000 },
      { counts: (c) => view.update({ ...c, total: c.total + found.missing.length, bad: c.bad + found.missing.length }), notice: (m) => io.stderr.write(`${m}\n`) },
    );
    result.bad.unshift(...found.missing.map((m) => ({ file: m.display, message: `${m.display}: ${m.message}` })));
    view.stop({ total: found.files.length + found.missing.length, done: result.analyzed + result.reused, failed: result.failed.length, bad: result.bad.length, comments: result.comments });
    printSummary(io, result, { startedAt, driver: queue.driver, prefix: config.prefix, outDir, wait: opts.wait, skipped: found.skipped });
    if (result.aborted) return EXIT.INTERNAL;
    return result.bad.length || result.failed.length || result.unavailable.length ? EXIT.INPUT : EXIT.OK;
  } finally {
    await worker?.close();
    await queue.close();
    await store?.close();
  }
}

function printSummary(io: CliIO, r: IngestResult, ctx: { startedAt: number; driver: string; prefix: string; outDir: string | undefined; wait: boolean; skipped: number }): void {
  const secs = (Date.now() - ctx.startedAt) / 1000;
  const where = ctx.driver === 'bullmq' ? `BullMQ, prefix "${ctx.prefix}"` : 'in-process';
  const lines: string[] = [];
  if (!ctx.wait) {
    lines.push(`enqueued ${r.enqueued} thread(s) (${where}) in ${secs.toFixed(1)} s; workers write the reports${ctx.outDir ? ` to ${ctx.outDir}` : ''}`);
  } else {
    lines.push(
      `ingested ${r.enqueued + r.bad.length} file(s) in ${secs.toFixed(1)} s (${where}): ${r.analyzed} analyzed, ${r.reused} already analyzed, ${r.failed.length} failed, ${r.bad.length} bad`,
      `${r.comments} comments, ${rate(r.comments, ctx.startedAt)} comments/s`,
    );
    if (ctx.outDir) lines.push(`reports: ${ctx.outDir}`);
  }
  if (ctx.skipped) lines.push(`(${ctx.skipped} file(s) in the directories were skipped for their extension)`);
  io.stdout.write(lines.join('\n') + '\n');
  const err: string[] = [];
  if (r.bad.length) err.push('bad files (skipped):', ...r.bad.map((b) => `  ${b.message}`));
  if (r.failed.length) err.push('failed jobs:', ...r.failed.map((f) => `  ${f.file} (job ${f.jobId}): ${f.error}`));
  if (r.unavailable.length) err.push('reports not written:', ...r.unavailable.map((u) => `  ${u.file}: ${u.message}`));
  if (r.aborted) err.push(`threadlens: error: ${r.aborted}`);
  if (err.length) io.stderr.write(err.join('\n') + '\n');
}

/*
 * Where the per-comment analysis spends its time: each pipeline phase (and the report) timed separately
 * over the bench corpus, next to bare sentiment.analyze() on the same comments, as ms per 1,000 comments.
 *
 *   npm run bench:phases                               # 400 threads × 50 comments
 *   npm run bench:phases -- --threads 100 --repeat 3   # options: --seed N, --data ../shared/data
 *
 * Timings on a shared machine are noisy: run it several times and compare medians. The clock is the
 * process's CPU time (process.cpuUsage), which other processes' load disturbs less than wall time.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { PHASES } from '../src/analyze/index.js';
import type { AnalysisContext, Slots } from '../src/analyze/context.js';
import type { ThreadAnalysis } from '../src/analyze/pipeline.js';
import type { Thread } from '../src/model/index.js';
import { buildReport } from '../src/report/index.js';
import { applyReplyLinks } from '../src/thread/reply-inference.js';
import { generateCorpus } from './corpus.js';

const { values: args } = parseArgs({
  options: {
    threads: { type: 'string', default: '400' },
    comments: { type: 'string', default: '50' },
    seed: { type: 'string', default: '20160806' },
    data: { type: 'string', default: '../shared/data' },
    repeat: { type: 'string', default: '1' },
  },
});
const threads = [...generateCorpus({ threads: Number(args.threads), commentsPerThread: Number(args.comments), seed: Number(args.seed), dataDir: args.data })];
const Sentiment = createRequire(import.meta.url)('sentiment') as new () => { analyze(s: string): unknown };
const sentiment = new Sentiment();

/** CPU milliseconds of this process. */
function now(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const names = ['sentiment', ...PHASES.map((p) => p.slot), 'report'];
const ms = new Map<string, number>(names.map((n) => [n, 0]));

/** The pipeline of analyzeThread(), phase by phase, with a clock around each. */
function run(t: Thread, timed: boolean): void {
  const add = (name: string, t0: number) => timed && ms.set(name, ms.get(name)! + now() - t0);
  let t0 = now();
  for (const c of t.comments) sentiment.analyze(c.text);
  add('sentiment', t0);
  const ctx: AnalysisContext = { thread: t, articles: [], options: {}, warnings: [...t.thread.warnings] };
  for (const p of PHASES) {
    t0 = now();
    (ctx as Partial<Slots>)[p.slot] = p.run(ctx) as never;
    if (p.slot === 'replies') ctx.thread = applyReplyLinks(ctx.thread, ctx.replies!);
    add(p.slot, t0);
  }
  t0 = now();
  const analysis: ThreadAnalysis = {
    thread: ctx.thread,
    articles: ctx.articles,
    comments: ctx.thread.comments.map((_, i) => ({
      tone: ctx.tone![i] ?? null,
      incivility: ctx.incivility![i] ?? null,
      stance: ctx.stance![i] ?? null,
      findings: [...(ctx.incivility![i]?.findings ?? []), ...(ctx.claims![i]?.findings ?? [])],
      claims: ctx.claims![i]?.claims ?? [],
    })),
    warnings: ctx.warnings,
  };
  buildReport(analysis, { generatedAt: null });
  add('report', t0);
}

for (const t of threads.slice(0, Math.max(1, threads.length / 20))) run(t, false);
const repeat = Number(args.repeat);
for (let r = 0; r < repeat; r++) for (const t of threads) run(t, true);
const comments = repeat * threads.reduce((a, t) => a + t.comments.length, 0);
const per1k = (m: number) => (m * 1000) / comments;
const analysisMs = names.filter((n) => n !== 'sentiment' && n !== 'report').reduce((a, n) => a + ms.get(n)!, 0);
console.log(`${comments} comments; ms per 1,000 comments (lower is better)`);
for (const n of names) console.log(`  ${n.padEnd(11)} ${per1k(ms.get(n)!).toFixed(1).padStart(8)}${n === 'sentiment' || n === 'report' ? '' : `  ${((100 * ms.get(n)!) / analysisMs).toFixed(1).padStart(5)}% of analysis`}`);
console.log(`  ${'analysis'.padEnd(11)} ${per1k(analysisMs).toFixed(1).padStart(8)}  = ${((100 * ms.get('sentiment')!) / analysisMs).toFixed(1)}% of sentiment throughput`);

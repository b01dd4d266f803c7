/*
 * Golden-output check for performance work: the JSON reports of the bench corpus and of the seed thread
 * (with its articles, in every output format) must stay byte-identical across an optimisation.
 *
 *   npx tsx bench/golden.ts --write     # on the base commit: record the outputs
 *   npx tsx bench/golden.ts --check     # after a change: compare, report the first difference
 *   options: --threads N (default 400), --comments N (50), --seed N, --data ../shared/data, --file PATH
 *
 * The recorded file lives under .scratch/ (git-ignored): it is a few tens of MB and machine-local.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeFile, analyzeSingle, analyzeThread } from '../src/analyze/index.js';
import { buildReport, renderReport, OUTPUT_FORMATS } from '../src/report/index.js';
import { PACKAGE_ROOT } from '../src/version.js';
import type { Thread } from '../src/model/index.js';
import { buildThread, commentPool, generateCorpus, SEED_THREAD_FILE } from './corpus.js';

const { values: args } = parseArgs({
  options: {
    write: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    threads: { type: 'string', default: '400' },
    comments: { type: 'string', default: '50' },
    seed: { type: 'string', default: '20160806' },
    data: { type: 'string', default: '../shared/data' },
    file: { type: 'string', default: join(PACKAGE_ROOT, '.scratch', 'golden.jsonl') },
  },
});
if (args.write === args.check) throw new Error('pass exactly one of --write or --check');

/** One line per output: a label and the exact text. */
async function outputs(): Promise<[string, string][]> {
  const out: [string, string][] = [];
  const articleDir = join(PACKAGE_ROOT, 'seeds', 'articles');
  const { readdirSync } = await import('node:fs');
  const articles = readdirSync(articleDir).sort().map((f) => join(articleDir, f));
  const seed = await analyzeFile(SEED_THREAD_FILE, { articles, generatedAt: null, displayName: 'seed' });
  for (const f of OUTPUT_FORMATS) out.push([`seed.${f}`, renderReport(seed.report, f)]);
  const bare = await analyzeFile(SEED_THREAD_FILE, { generatedAt: null, displayName: 'seed' });
  out.push(['seed-no-articles.json', renderReport(bare.report, 'json')]);
  const texts = seed.thread.comments.map((c) => c.text);
  out.push(['single', JSON.stringify(analyzeSingle({ id: 's', text: texts[2]!, parent_text: texts[1]!, source_text: seed.thread.thread.post?.text ?? '' }))]);
  const corpus = generateCorpus({ threads: Number(args.threads), commentsPerThread: Number(args.comments), seed: Number(args.seed), dataDir: args.data });
  const report = (t: Thread) => JSON.stringify(buildReport(analyzeThread({ thread: t, articles: [] }), { generatedAt: null }));
  for (const t of corpus) out.push([t.thread.id, report(t)]);
  // Every pool comment at least once (the random draws miss a few), in flat threads with the post.
  const pool = commentPool(args.data);
  for (let i = 0; i < pool.length; i += 50) out.push([`pool-${i}`, report(buildThread(`pool-${i}`, pool.slice(i, i + 50), seed.thread.thread.post))]);
  return out;
}

const t0 = performance.now();
const got = await outputs();
const secs = ((performance.now() - t0) / 1000).toFixed(1);
const text = got.map(([k, v]) => JSON.stringify([k, v])).join('\n') + '\n';
const digest = createHash('sha256').update(text).digest('hex');
if (args.write) {
  mkdirSync(dirname(args.file), { recursive: true });
  writeFileSync(args.file, text);
  console.log(`golden: wrote ${got.length} outputs, sha256 ${digest.slice(0, 16)} (${secs} s) to ${args.file}`);
} else {
  const want = readFileSync(args.file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as [string, string]);
  let bad = 0;
  if (want.length !== got.length) console.log(`golden: ${got.length} outputs, recorded ${want.length}`), bad++;
  for (let i = 0; i < Math.min(want.length, got.length); i++) {
    const [k, w] = want[i]!;
    const g = got[i]![1];
    if (k !== got[i]![0] || w !== g) {
      if (bad++ < 5) {
        let p = 0;
        while (p < w.length && w[p] === g[p]) p++;
        console.log(`golden: ${k} differs at char ${p}:\n  want …${w.slice(Math.max(0, p - 80), p + 80)}…\n  got  …${g.slice(Math.max(0, p - 80), p + 80)}…`);
      }
    }
  }
  if (bad) {
    console.log(`golden: FAIL, ${bad} output(s) differ (${secs} s)`);
    process.exit(1);
  }
  console.log(`golden: OK, ${got.length} outputs identical, sha256 ${digest.slice(0, 16)} (${secs} s)`);
}

/**
 * Cost of reply inference + stance per comment, against bare `sentiment.analyze` on the same comments
 * (the customer's yardstick; budget for replies + stance: ≤ 4 µs per average comment).
 *
 *   npx tsx bench/stance.ts [--data ../shared/data] [--comments 5000] [--thread-size 20] [--rounds 10]
 *
 * Comments are reddit-incivility texts (avg ~146 chars) grouped into flat threads of --thread-size with
 * rotating authors, so reply inference has earlier comments to search. Text preparation and tone are
 * done up front (other phases' cost); only the replies and stance work is timed.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Comment } from '../src/model/index.js';
import { claimStems } from '../src/stance/claim.js';
import { stanceOf } from '../src/stance/stance.js';
import { contentStems, tokenStems } from '../src/text/content-words.js';
import { prepareText } from '../src/text/index.js';
import { inferReplies } from '../src/thread/reply-inference.js';
import { scoreTone } from '../src/tone/index.js';

const require = createRequire(import.meta.url);
const Sentiment = require('sentiment') as new () => { analyze(s: string): { score: number } };

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data' },
    comments: { type: 'string', default: '5000' },
    'thread-size': { type: 'string', default: '20' },
    rounds: { type: 'string', default: '10' },
  },
});
const N = Number(values.comments);
const SIZE = Number(values['thread-size']);
const ROUNDS = Number(values.rounds);

const rows = parseCsv(readFileSync(join(resolve(values.data!), 'reddit-incivility', 'train.csv')), { relax_column_count: true }) as string[][];
const texts = rows.map((r) => r[0] ?? '').filter((t) => t.trim().length > 0).slice(0, N);
const avgChars = texts.reduce((a, t) => a + t.length, 0) / texts.length;

// Threads: flat, authors rotating among 5 names, the first comment of each chunk as the "post".
const threads: { comments: Comment[]; prepared: ReturnType<typeof prepareText>[]; post: ReturnType<typeof prepareText> }[] = [];
for (let s = 0; s + SIZE <= texts.length; s += SIZE) {
  const chunk = texts.slice(s, s + SIZE);
  const comments = chunk.map((text, i): Comment => ({ id: `c${i}`, index: i, author: `user${i % 5}`, createdAt: null, parentId: null, parentSource: 'none', status: 'live', text }));
  threads.push({ comments, prepared: chunk.map(prepareText), post: prepareText(chunk[0]!) });
}
const tones = threads.map((t) => t.prepared.map((p) => scoreTone(p, { isReply: true })));
const claims = threads.map((t) => claimStems(t.post));
const count = threads.length * SIZE;

const sentiment = new Sentiment();
let sink = 0;

/**
 * Median per-comment cost over ROUNDS runs, in CPU time (user + system) as well as wall time: on a
 * shared, loaded machine wall time mostly measures waiting for a core; CPU time is the cost we own.
 */
function timeIt(name: string, fn: () => void, setup: () => void = () => {}): number {
  for (let w = 0; w < 3; w++) {
    setup();
    fn(); // warm-up: JIT tiers
  }
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    setup(); // untimed
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    wall.push(Number(process.hrtime.bigint() - t0) / 1000 / count);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / count);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const m = median(cpu);
  process.stdout.write(`${name.padEnd(36)} ${m.toFixed(2).padStart(7)} µs CPU/comment  (wall ${median(wall).toFixed(2)} µs; median of ${ROUNDS})\n`);
  return m;
}

type Prepared = ReturnType<typeof prepareText>;
let fresh: Prepared[][] = threads.map((t) => t.prepared);
let links: ReturnType<typeof inferReplies>[] = [];

// Fresh copies of the prepared texts: the stems memoised per text (shared by replies and stance) are
// computed again, as they are once per comment in a real analysis (the stem cache itself stays warm).
const refresh = () => {
  fresh = threads.map((t) => t.prepared.map((p) => ({ ...p })));
};
const runReplies = () => {
  links = threads.map((t, ti) => inferReplies(t.comments, fresh[ti]!, t.post));
};
const runStance = () => {
  threads.forEach((t, ti) => {
    const prepared = fresh[ti]!;
    t.comments.forEach((_, i) => {
      const parentId = links[ti]![i]!.parentId;
      const j = parentId ? Number(parentId.slice(1)) : -1;
      const parent = j >= 0 ? { prepared: prepared[j]!, stems: contentStems(prepared[j]!) } : null;
      const r = stanceOf({ prepared: prepared[i]!, depth: j >= 0 ? 2 : 1, claim: claims[ti]!, tone: tones[ti]![i]!, parent }, parentId);
      sink += r.toSource.confidence;
    });
  });
};

process.stdout.write(`${count} comments in ${threads.length} flat threads of ${SIZE}; avg ${avgChars.toFixed(0)} chars; node ${process.version}\n`);
const base = timeIt('sentiment.analyze (baseline)', () => {
  for (const t of threads) for (const c of t.comments) sink += sentiment.analyze(c.text).score;
});
const both = timeIt('replies + stance (as in analyze)', () => {
  runReplies();
  runStance();
}, refresh);
timeIt('  stemming (once per comment)', () => {
  for (const ps of fresh) for (const p of ps) sink += tokenStems(p).length;
}, refresh);
timeIt('  reply inference (stems memoised)', runReplies);
timeIt('  stance (stems memoised)', runStance);
const inferred = links.flat().filter((l) => l.parentSource === 'inferred').length;
process.stdout.write(
  `replies + stance: ${both.toFixed(2)} µs CPU/comment = ${(both / base).toFixed(2)} × sentiment.analyze ` +
    `(budget: 4 µs at sentiment ≈ 7 µs, i.e. ≤ 0.57 ×); ${inferred} of ${count} comments got an inferred parent\n` +
    `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores (sink ${sink.toFixed(0)})\n`,
);

/**
 * Incivility speed: µs per comment for the incivility phase alone (rules + learned scorer, on text
 * already prepared), next to bare `sentiment.analyze` and `prepareText` on the same comments.
 * Usage: npm run bench:incivility [-- --data ../shared/data --n 3000]
 * Comments: reddit-incivility train (avg ~146 chars) and a 500-character comment built from real ones.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, loadReddit } from '../src/eval/datasets.js';
import { DEFAULT_THRESHOLDS, defaultEngine, scoreIncivility } from '../src/incivility/index.js';
import { EMPTY_CONTEXT } from '../src/rules/index.js';
import { prepareText } from '../src/text/index.js';

const require = createRequire(import.meta.url);
const Sentiment = require('sentiment') as new () => { analyze(s: string): unknown };
const { values } = parseArgs({ options: { data: { type: 'string', default: DEFAULT_DATA_DIR }, n: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '5' } } });
const texts = loadReddit(values.data!).slice(0, Number(values.n)).map((r) => r.text);
const avgChars = texts.reduce((a, t) => a + t.length, 0) / texts.length;
const engine = defaultEngine();
const sentiment = new Sentiment();

function time(label: string, fn: () => void, perItems: number): number {
  fn(); // warm-up: JIT, caches (the memoised word features persist across comments, as in a long run)
  let best = Infinity;
  for (let r = 0; r < Number(values.rounds); r++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000 / perItems);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(2).padStart(8)} µs/comment`);
  return best;
}

console.log(`${texts.length} reddit-incivility comments, avg ${avgChars.toFixed(0)} chars (best of ${values.rounds} rounds; node ${process.version})`);
const s = time('sentiment.analyze', () => texts.forEach((t) => sentiment.analyze(t)), texts.length);
const p = time('prepareText', () => texts.forEach((t) => prepareText(t)), texts.length);
// Each round scores freshly prepared texts (prepared outside the timer): rule scans are memoised per
// PreparedText, and in real use every comment is scored once.
function timeIncivility(label: string, items: readonly string[]): number {
  let best = Infinity;
  for (let r = 0; r <= Number(values.rounds); r++) {
    const batch = items.map(prepareText);
    const t0 = process.hrtime.bigint();
    for (const x of batch) scoreIncivility(engine, x, EMPTY_CONTEXT, DEFAULT_THRESHOLDS);
    const us = Number(process.hrtime.bigint() - t0) / 1000 / batch.length;
    if (r > 0) best = Math.min(best, us); // round 0 warms the JIT and the word caches
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(2).padStart(8)} µs/comment`);
  return best;
}
const inc = timeIncivility('incivility (rules + learned scorer)', texts);
console.log(`incivility / sentiment = ${(inc / s).toFixed(2)} (budget: incivility ≤ 8 µs per average comment; sentiment ${s.toFixed(1)} µs, prepare ${p.toFixed(1)} µs)`);

let long = '';
for (const t of texts) {
  if (long.length >= 500) break;
  long += (long ? ' ' : '') + t.replace(/\s+/g, ' ');
}
long = long.slice(0, 500);
timeIncivility(`one ${long.length}-char comment, incivility`, Array.from({ length: 2000 }, () => long));

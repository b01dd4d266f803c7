/**
 * Cost of the claims analyzer per comment, against bare `sentiment.analyze` on the same comments
 * (the budget in HELPERS.md: claims ≤ 3 us per average comment, i.e. ≤ ~0.4x sentiment).
 *
 *   npx tsx bench/claims.ts [--data ../shared/data] [--rounds 15] [--naive]
 *
 * Measures on reddit-incivility comments (train.csv): number reading (hybrid, as used), the claims
 * phase proper (roles, attribution, support check against the four seed articles, rules), and for
 * comparison the naive use of the recogniser (on every sentence with a digit or number word).
 * Tokenizing is prepareText's cost (shared), so comments are tokenized before the clock starts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { analyzeClaims } from '../src/claims/analyze.js';
import { countedKey } from '../src/claims/lexicon.js';
import { loadArticles } from '../src/corpus/load.js';
import { buildNumberIndex } from '../src/corpus/number-index.js';
import { claimFindings } from '../src/rules/claims/index.js';
import { prepareText, splitSentences, tokenize, type PreparedText } from '../src/text/index.js';
import { extractNumbers, recognizerCalls } from '../src/text/numbers/index.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const dataDir = opt('data', '../shared/data');
const rounds = Number(opt('rounds', '15'));
const THREAD_SIZE = 20;

const require = createRequire(import.meta.url);
const Sentiment = require('sentiment') as new () => { analyze(s: string): { score: number } };

/** `comment,label` rows, RFC 4180 quoting (fields may hold commas, quotes and newlines). */
function readComments(file: string): string[] {
  const s = readFileSync(file, 'utf8');
  const rows: string[] = [];
  let i = 0;
  while (i < s.length) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) throw new Error(`${file}: unterminated quote at byte ${i}`);
        field += s.slice(i, q);
        if (s[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const c = s.indexOf(',', i);
      field = s.slice(i, c);
      i = c;
    }
    const nl = s.indexOf('\n', i);
    i = nl < 0 ? s.length : nl + 1;
    rows.push(field);
  }
  return rows.filter((r) => r.length > 0);
}

/**
 * Best and median of `rounds` passes, in us per item. On a shared machine other processes only ever
 * add time, so the best pass is the closest to the code's own cost; ratios use the best passes.
 */
function time(label: string, n: number, fn: () => void): number {
  fn(); // warm-up: JIT, the stem cache
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1000 / n);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`${label.padEnd(56)} best ${samples[0]!.toFixed(2).padStart(8)}  median ${median.toFixed(2).padStart(8)}  us`);
  return samples[0]!;
}

const comments = readComments(join(dataDir, 'reddit-incivility', 'train.csv'));
const avg = comments.reduce((a, c) => a + c.length, 0) / comments.length;
console.log(`${comments.length} reddit-incivility comments, ${avg.toFixed(0)} chars on average; node ${process.version}`);

const sentiment = new Sentiment();
const pre = comments.map((text) => {
  const tokens = tokenize(text);
  return { text, tokens, sentences: splitSentences(text, tokens) };
});
// warm-up (JIT, stem cache, lexicons)
for (const c of comments) sentiment.analyze(c);
for (const p of pre) extractNumbers(p);

const base = time('sentiment.analyze (baseline)', comments.length, () => {
  for (const c of comments) sentiment.analyze(c);
});
const calls0 = recognizerCalls();
const numbers = time('number mentions (hybrid: scanner + deferred windows)', comments.length, () => {
  for (const p of pre) extractNumbers(p);
});
const perRound = (recognizerCalls() - calls0) / rounds;

const articles = await loadArticles([join(import.meta.dirname, '..', 'seeds', 'articles')]);
const prepArticles = articles.map((a) => ({ id: a.id, title: a.title, kind: 'article' as const, prepared: prepareText(a.body) }));
const index = buildNumberIndex(prepArticles, countedKey);
const prepared: PreparedText[] = pre.map((p) => ({ ...p, words: [], numbers: extractNumbers(p), lexemes: p.tokens.map(() => null) }));
const threads: { id: string; author: string; prepared: PreparedText }[][] = [];
for (let i = 0; i < prepared.length; i += THREAD_SIZE) {
  threads.push(prepared.slice(i, i + THREAD_SIZE).map((p, k) => ({ id: String(i + k), author: 'a', prepared: p })));
}
const phase = time(`claims phase (roles, support vs 4 articles, rules)`, comments.length, () => {
  for (const t of threads) {
    const claims = analyzeClaims(t, index);
    claims.forEach((cs, k) => claimFindings(cs, { text: t[k]!.prepared.text, index }));
  }
});
const indexCost = time('article number index, per thread (4 seed articles), x50', 50, () => {
  for (let k = 0; k < 50; k++) buildNumberIndex(prepArticles, countedKey);
});

const withNumbers = prepared.filter((p) => p.numbers.length > 0).length;
console.log('');
console.log(`comments with a number mention: ${withNumbers} (${((100 * withNumbers) / comments.length).toFixed(1)}%)`);
console.log(`recogniser calls per pass: ${perRound} (${((100 * perRound) / comments.length).toFixed(2)}% of comments)`);
console.log(`claims total (best passes): ${(numbers + phase).toFixed(2)} us/comment = ${((numbers + phase) / base).toFixed(2)}x sentiment; budget 3 us = 0.43x of sentiment's 7 us`);
console.log(`index build: ${(indexCost).toFixed(0)} us per thread, once`);

if (args.includes('--naive')) {
  const naive = time('number mentions, recogniser on every numeric sentence', comments.length, () => {
    for (const p of pre) extractNumbers(p, 'recognizer');
  });
  console.log(`naive recogniser use: ${(naive / base).toFixed(1)}x sentiment`);
}

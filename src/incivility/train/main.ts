/**
 * `npm run train`: fit the incivility model from ../shared/data and write
 * src/incivility/model/incivility-model.json + provenance.json. Deterministic (fixed seeds, hash
 * splits); a few minutes on two cores. Usage: npm run train -- [--data <dir>] [--out <dir>]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataHashes, DATA_FILES, DEFAULT_DATA_DIR, loadToxicSpans, splitPoint, SPLITS } from '../../eval/datasets.js';
import { rocAuc } from '../../eval/metrics.js';
import { createRules } from '../../rules/index.js';
import { CHAR_NGRAMS, DIM, HASH_BITS } from '../features.js';
import { encodeHead, type ModelFile } from '../weights-io.js';
import { commentExamples, tokenExamples, type CommentExample } from './examples.js';
import { predict, trainLR, type LRModel } from './logreg.js';
import { HYPER } from './hyper.js';
import { chooseSpanSettings, outOfFoldTokenProbs } from './span-cv.js';
import { plateauThreshold } from './threshold.js';

const { values } = parseArgs({ options: { data: { type: 'string', default: DEFAULT_DATA_DIR }, out: { type: 'string', default: 'src/incivility/model' } } });
const dataDir = resolve(values.data!);
const outDir = resolve(values.out!);
const t0 = Date.now();
const log = (s: string) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}\n`);
const checks = createRules();

// 1. Comment head: rows, out-of-fold scores for the threshold, then a fit on all rows.
const rows = commentExamples(dataDir, HYPER, checks);
log(`comment rows: ${rows.length} (${(['reddit', 'github', 'tsd'] as const).map((s) => `${s} ${rows.filter((r) => r.source === s).length}`).join(', ')})`);
const fold = (r: CommentExample) => Math.floor(splitPoint(r.key, 'fold') * HYPER.folds);
const oof = new Float64Array(rows.length);
for (let f = 0; f < HYPER.folds; f++) {
  const m = trainLR(rows.filter((r) => fold(r) !== f), DIM, { ...HYPER.comment, seed: HYPER.seed + f });
  rows.forEach((r, i) => {
    if (fold(r) === f) oof[i] = predict(m, r);
  });
  log(`fold ${f + 1}/${HYPER.folds} done`);
}
const combined = rows.map((r, i) => 1 - (1 - oof[i]!) * r.ruleScores.reduce((a, s) => a * (1 - s), 1));
const reddit = rows.map((r, i) => [r, i] as const).filter(([r]) => r.source === 'reddit');
const labels = reddit.map(([r]) => r.y === 1);
const best = plateauThreshold(labels, reddit.map(([, i]) => combined[i]!), HYPER.thresholdHalfWidth);
const threshold = Math.round(best.threshold * 1000) / 1000;
log(`threshold ${threshold} (out-of-fold Reddit F1 ${best.f1.toFixed(3)}, mean over ±${HYPER.thresholdHalfWidth} ${best.meanF1.toFixed(3)}, ROC-AUC model-only ${rocAuc(labels, reddit.map(([, i]) => oof[i]!)).toFixed(3)}, combined ${rocAuc(labels, reddit.map(([, i]) => combined[i]!)).toFixed(3)})`);
const comment = trainLR(rows, DIM, { ...HYPER.comment, seed: HYPER.seed });
log('comment head fitted on all training rows');

// 2. Token head: span thresholds by cross-validation on Toxic Spans train, then a fit on all of it.
const tsd = loadToxicSpans(dataDir, 'tsdTrain');
const oofSpans = outOfFoldTokenProbs(tsd, HYPER.spanFolds, { ...HYPER.token, seed: HYPER.seed }, checks, log);
const spanChoice = chooseSpanSettings(oofSpans, { thresholds: HYPER.spanThresholds, relatives: HYPER.spanRelatives, fallbacks: HYPER.spanFallbacks });
const { spanThreshold, spanRelative, spanFallback } = spanChoice;
log(`span threshold ${spanThreshold}, relative ${spanRelative}, fallback ${spanFallback}: Toxic Spans ${HYPER.spanFolds}-fold out-of-fold char-F1 ${spanChoice.charF1.toFixed(4)}`);
const token: LRModel = trainLR(tokenExamples(tsd), DIM, { ...HYPER.token, seed: HYPER.seed });
log('token head fitted on all of Toxic Spans train');

// 3. Write the quantised model and its provenance.
const model: ModelFile = {
  format: 'threadlens-hashed-lr/1',
  hashBits: HASH_BITS,
  charNgrams: CHAR_NGRAMS,
  defaults: { threshold, spanThreshold, spanFallback, spanRelative },
  comment: encodeHead(comment),
  token: encodeHead(token),
};
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'incivility-model.json'), JSON.stringify(model) + '\n');
const provenance = {
  model: 'src/incivility/model/incivility-model.json',
  trainedAt: new Date().toISOString().slice(0, 10),
  command: 'npm run train -- --data ../shared/data',
  seconds: Math.round((Date.now() - t0) / 1000),
  sources: [
    { file: DATA_FILES.reddit, what: 'Reddit incivility (Davidson et al., ercexpo/reddit_incivility)', licence: 'BSD-3-Clause', used: `rows outside the ${SPLITS.redditTest * 100}% held-out test split (hash of the text)` },
    { file: DATA_FILES.github, what: 'GitHub locked "too heated" issue comments (Ehsani et al., incivility-dataset)', licence: 'MIT', used: `threads outside the ${SPLITS.githubTest * 100}% held-out split (hash of issue_id); uncivil = ${HYPER.githubTypes.join(', ')}; other types left out` },
    { file: DATA_FILES.tsdTrain, what: 'SemEval-2021 Task 5 Toxic Spans train (ipavlopoulos/toxic_spans; Civil Comments)', licence: 'CC0-1.0', used: `comment head: sentences of posts outside the ${SPLITS.tsdDev * 100}% dev split; token head: all posts (span thresholds chosen on ${HYPER.spanFolds}-fold out-of-fold token probabilities first)` },
    { file: DATA_FILES.tsdTrial, what: 'SemEval-2021 Task 5 Toxic Spans trial', licence: 'CC0-1.0', used: 'never: evaluation only' },
  ],
  splits: SPLITS,
  hyperparameters: HYPER,
  features: { hashBits: HASH_BITS, charNgrams: CHAR_NGRAMS, words: 'lower-cased word tokens minus identity terms (src/rules/lexicons/identity-terms.json)', commentHead: 'unigrams + character n-grams + bigrams, L2-normalised counts', tokenHead: 'word unigram + character n-grams, previous/next word, both bigrams' },
  quantisation: { comment: { scale: model.comment.scale }, token: { scale: model.token.scale }, bits: 8 },
  chosenOnDev: {
    threshold: { value: threshold, how: `maximises the F1 of the combined score, averaged over thresholds within ±${HYPER.thresholdHalfWidth}, on ${HYPER.folds}-fold out-of-fold predictions for the Reddit training rows`, f1: round(best.f1), meanF1: round(best.meanF1) },
    spanThreshold: {
      value: spanThreshold,
      relative: spanRelative,
      fallback: spanFallback,
      how: `grid search maximising Toxic Spans char-F1 (learned spans + medium/high rule findings, spans for every post) over ${HYPER.spanFolds}-fold out-of-fold token-head probabilities on tsd_train (folds by a hash of the text)`,
      charF1: round(spanChoice.charF1),
    },
  },
  dataSha256: dataHashes(dataDir),
};
writeFileSync(join(outDir, 'provenance.json'), JSON.stringify(provenance, null, 2) + '\n');
log(`wrote ${outDir}/incivility-model.json and provenance.json`);

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

import type { ParentStanceLabel, SourceStanceLabel, StanceCue } from '../model/index.js';
import { DENSE, featurize, type FeatureVector, type StanceInput } from './features.js';
import { scores, softmaxInPlace } from './logreg.js';
import type { LoadedModels } from './model-file.js';

/** What moderators read for each dense feature when it decides a stance. */
export const DENSE_CUE_TEXT: Record<(typeof DENSE)[number], string> = {
  'question-any': 'asks a question',
  'question-end': 'ends with a question',
  'question-start': 'opens like a question',
  'cue-deny': 'disputing words',
  'cue-support': 'affirming or reporting words',
  'cue-query': 'asks for evidence',
  'cue-agree': 'agreement words',
  'cue-disagree': 'challenging words',
  'cue-hedge': 'hedged wording',
  'cue-negation': 'negation',
  'tone-hostile': 'hostile wording',
  'tone-ridicule': 'ridicule',
  'tone-negative': 'negative tone',
  'tone-positive': 'positive tone',
  'source-overlap': 'uses words of the claim (headline and lead)',
  'source-no-overlap': 'shares no content words with the claim (headline and lead)',
  'source-high-overlap': 'largely restates the claim',
  'depth-source': 'is the source post itself',
  'depth-reply-to-source': 'replies to the post directly',
  'depth-reply-to-comment': 'replies to another comment, not to the post',
  short: 'very short',
  long: 'long',
  'has-url': 'links somewhere',
  'addresses-you': 'addresses someone as "you"',
  'has-number': 'states a number',
  exclamation: 'exclaims',
  'parent-overlap': 'picks up words of the comment it answers',
  'parent-echo-number': 'repeats a number from the comment it answers',
  'parent-question': 'answers a comment that asked a question',
};

export interface Prediction<L extends string> {
  label: L;
  confidence: number;
  cues: StanceCue[];
}

/** Cues reported per decision (the strongest contributions toward the chosen label). */
export const MAX_CUES = 4;
/** Contributions weaker than this are not worth a moderator's attention. */
const MIN_CUE_WEIGHT = 0.05;

type Linear = LoadedModels['toSource'];

/** Features of one comment, computed once and shared by both models (they share the vocabulary). */
export function features(models: LoadedModels, input: StanceInput): FeatureVector {
  return featurize(input, models.vocab);
}

const probs = new Float64Array(8);

export function predictWith<L extends string>(models: LoadedModels, m: Linear, f: FeatureVector, text: string): Prediction<L> {
  const C = m.labels.length;
  const p = probs.subarray(0, C);
  scores(m.weights, m.bias, C, f.ids, f.values, p);
  softmaxInPlace(p);
  let best = 0;
  for (let c = 1; c < C; c++) if (p[c]! > p[best]!) best = c;
  return { label: m.labels[best] as L, confidence: round(p[best]!), cues: explain(models, m, f, best, text) };
}

/**
 * A feature's push toward class c is its value times (its weight for c minus its mean weight over all
 * classes): what it adds to c's log-odds against the average class. The strongest pushes are the cues.
 */
export function explain(models: LoadedModels, m: Linear, f: FeatureVector, c: number, text: string): StanceCue[] {
  const C = m.labels.length;
  // Keep the top MAX_CUES by insertion into small fixed arrays (no per-feature allocation).
  const topK: number[] = [];
  const topW: number[] = [];
  for (let k = 0; k < f.ids.length; k++) {
    const base = f.ids[k]! * C;
    let mean = 0;
    for (let j = 0; j < C; j++) mean += m.weights[base + j]!;
    const w = f.values[k]! * (m.weights[base + c]! - mean / C);
    if (w < MIN_CUE_WEIGHT || !models.showable[f.ids[k]!] || (topW.length === MAX_CUES && w <= topW[MAX_CUES - 1]!)) continue;
    let pos = topW.length;
    while (pos > 0 && topW[pos - 1]! < w) pos--;
    topW.splice(pos, 0, w);
    topK.splice(pos, 0, k);
    if (topW.length > MAX_CUES) {
      topW.pop();
      topK.pop();
    }
  }
  return topK.map((k, r) => {
    const id = f.ids[k]!;
    const start = f.starts[k]!;
    const name = id < DENSE.length ? DENSE_CUE_TEXT[DENSE[id]!] : null;
    const actual = start >= 0 ? text.slice(start, f.ends[k]!) : undefined;
    const cue: StanceCue = { cue: name ? (actual ? `${name}: "${actual}"` : name) : `"${actual ?? models.unigramText[id - DENSE.length] ?? '?'}"`, weight: round(topW[r]!), kind: 'model' };
    if (actual !== undefined) {
      cue.span = { start, end: f.ends[k]! };
      cue.actual = actual;
    }
    return cue;
  });
}

export type SourcePrediction = Prediction<SourceStanceLabel>;
export type ParentPrediction = Prediction<ParentStanceLabel>;

const round = (x: number) => Math.round(x * 1000) / 1000;

import type { AgreementPair, RumourPost } from '../eval/stance-data.js';
import { PARENT_STANCE_LABELS, SOURCE_STANCE_LABELS } from '../model/index.js';
import { contentStems } from '../text/content-words.js';
import { prepareText, type PreparedText } from '../text/index.js';
import { scoreTone } from '../tone/index.js';
import { claimStems } from './claim.js';
import { BIGRAM_BASE, DENSE, featurize, MAX_UNIGRAMS, tokenKeys, type StanceInput, type Vocabulary } from './features.js';
import { balancedWeights, train, type LinearModel, type SparseExample } from './logreg.js';

/** A labelled stance input (label = index into the model's label list). */
export interface Labelled {
  input: StanceInput;
  label: number;
}

/** Hyper-parameters, chosen by cross-validation on the training data only (see README). */
export const HYPER = {
  toSource: { epochs: 12, rate: 0.02, l2: 1e-3, classWeightPower: 0.75, seed: 7 },
  toParent: { epochs: 12, rate: 0.02, l2: 1e-3, classWeightPower: 0.75, seed: 7 },
  minUnigram: 8,
  minBigram: 8,
} as const;

/** RumourEval posts as stance inputs: the claim is the thread's source post; parents for deeper replies. */
export function rumourExamples(posts: readonly RumourPost[]): (Labelled & { post: RumourPost })[] {
  const byId = new Map(posts.map((p) => [p.id, p] as const));
  const prepared = new Map<string, PreparedText>();
  const prep = (p: RumourPost) => {
    let x = prepared.get(p.id);
    if (!x) prepared.set(p.id, (x = prepareText(p.text)));
    return x;
  };
  const claims = new Map<string, ReadonlySet<string>>();
  for (const p of posts) if (p.isSource) claims.set(p.threadId, claimStems(prep(p)));
  return posts.map((post) => {
    const p = prep(post);
    const depth = post.isSource ? 0 : post.depth <= 1 ? 1 : 2;
    const parentPost = depth === 2 && post.parentId ? byId.get(post.parentId) : undefined;
    const parent = parentPost ? { prepared: prep(parentPost), stems: contentStems(prep(parentPost)) } : null;
    const claim = claims.get(post.threadId) ?? null;
    const tone = scoreTone(p, { topicTerms: claim ?? undefined, isReply: depth > 0 });
    return { input: { prepared: p, depth, claim, tone, parent }, label: SOURCE_STANCE_LABELS.indexOf(post.label), post };
  });
}

/** Agreement pairs as stance inputs: the response answers the quote (a reply to a comment, no claim). */
export function agreementExamples(pairs: readonly AgreementPair[]): Labelled[] {
  return pairs.map((pair) => {
    const p = prepareText(pair.response);
    const q = prepareText(pair.quote);
    const tone = scoreTone(p, { isReply: true });
    return { input: { prepared: p, depth: 2, claim: null, tone, parent: { prepared: q, stems: contentStems(q) } }, label: PARENT_STANCE_LABELS.indexOf(pair.label) };
  });
}

/** n-grams seen in at least `minUnigram` / `minBigram` training texts. */
export function buildVocabulary(inputs: readonly StanceInput[], minUnigram: number = HYPER.minUnigram, minBigram: number = HYPER.minBigram): Vocabulary & { unigramList: string[]; bigramList: [number, number][] } {
  const uni = new Map<string, number>();
  for (const x of inputs) for (const k of new Set(tokenKeys(x.prepared))) if (k) uni.set(k, (uni.get(k) ?? 0) + 1);
  // The most frequent first, capped at MAX_UNIGRAMS (bigram keys must stay small integers), then sorted.
  const unigramList = [...uni]
    .filter(([, n]) => n >= minUnigram)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_UNIGRAMS)
    .map(([k]) => k)
    .sort();
  const unigrams = new Map(unigramList.map((k, i) => [k, i] as const));
  const bi = new Map<number, number>();
  for (const x of inputs) {
    const keys = tokenKeys(x.prepared);
    const seen = new Set<number>();
    let prev = -1;
    for (const k of keys) {
      const u = k ? unigrams.get(k) : undefined;
      if (u === undefined) {
        prev = -1;
        continue;
      }
      if (prev >= 0) seen.add(prev * BIGRAM_BASE + u);
      prev = u;
    }
    for (const key of seen) bi.set(key, (bi.get(key) ?? 0) + 1);
  }
  const bigramKeys = [...bi].filter(([, n]) => n >= minBigram).map(([k]) => k).sort((a, b) => a - b);
  const bigrams = new Map(bigramKeys.map((k, i) => [k, i] as const));
  const bigramList = bigramKeys.map((k) => [Math.floor(k / BIGRAM_BASE), k % BIGRAM_BASE] as [number, number]);
  return { unigrams, bigrams, unigramList, bigramList };
}

export function featureCount(v: Vocabulary): number {
  return DENSE.length + v.unigrams.size + v.bigrams.size;
}

export function fit(
  data: readonly Labelled[],
  vocab: Vocabulary,
  classes: number,
  h: { epochs: number; rate: number; l2: number; classWeightPower: number; seed: number },
): LinearModel {
  const examples: SparseExample[] = data.map((d) => {
    const f = featurize(d.input, vocab);
    return { ids: f.ids, values: f.values, label: d.label };
  });
  return train(examples, {
    classes,
    features: featureCount(vocab),
    epochs: h.epochs,
    rate: h.rate,
    l2: h.l2,
    seed: h.seed,
    classWeights: balancedWeights(data.map((d) => d.label), classes, h.classWeightPower),
  });
}

import { PARENT_STANCE_LABELS, SOURCE_STANCE_LABELS } from '../model/index.js';
import { featurize } from '../stance/features.js';
import { scores as linearScores } from '../stance/logreg.js';
import { STANCE_MODELS, stanceOf } from '../stance/stance.js';
import { agreementExamples, buildVocabulary, fit, HYPER, rumourExamples } from '../stance/train.js';
import { mulberry32 } from '../util/prng.js';
import { score, type Scores } from './metrics.js';
import { loadAgreement, loadRumourEval } from './stance-data.js';

export interface StanceEvalReport {
  rumoureval: {
    file: string;
    sha256: string;
    /** The hash the committed model was trained on (from its provenance); should equal sha256. */
    modelTrainedOn: string | null;
    split: 'dev';
    all: Scores;
    twitter: Scores;
    reddit: Scores;
    sourcePosts: Scores;
    depth1: Scores;
    deeper: Scores;
    /** The learned model without the documented rules, and how many labels each rule changed. */
    modelOnly: Scores;
    ruleChanges: Record<string, number>;
    alwaysComment: Scores;
  };
  agreement: {
    file: string;
    sha256: string;
    folds: number;
    all: Scores;
  };
}

export const AGREEMENT_FOLDS = 5;

export async function evalStance(dataDir: string): Promise<StanceEvalReport> {
  const rumour = await loadRumourEval(dataDir);
  const dev = rumourExamples(rumour.rows).filter((e) => e.post.split === 'dev');
  const gold = dev.map((e) => e.post.label);
  const pred: string[] = [];
  const modelOnly: string[] = [];
  const ruleChanges: Record<string, number> = {};
  for (const e of dev) {
    const r = stanceOf(e.input, null).toSource;
    pred.push(r.label);
    const rule = r.cues.find((c) => c.kind === 'rule');
    if (rule) {
      const name = rule.cue.split(':')[0]!;
      ruleChanges[name] = (ruleChanges[name] ?? 0) + 1;
    }
    modelOnly.push(rule ? modelLabel(e.input) : r.label);
  }
  const subset = (keep: (i: number) => boolean) => {
    const idx = dev.map((_, i) => i).filter(keep);
    return score(SOURCE_STANCE_LABELS, idx.map((i) => gold[i]!), idx.map((i) => pred[i]!));
  };
  const provenance = STANCE_MODELS.provenance as { toSource?: { sha256?: string } };
  return {
    rumoureval: {
      file: rumour.path,
      sha256: rumour.sha256,
      modelTrainedOn: provenance.toSource?.sha256 ?? null,
      split: 'dev',
      all: subset(() => true),
      twitter: subset((i) => dev[i]!.post.platform === 'twitter'),
      reddit: subset((i) => dev[i]!.post.platform === 'reddit'),
      sourcePosts: subset((i) => dev[i]!.post.isSource),
      depth1: subset((i) => !dev[i]!.post.isSource && dev[i]!.post.depth <= 1),
      deeper: subset((i) => dev[i]!.post.depth >= 2),
      modelOnly: score(SOURCE_STANCE_LABELS, gold, modelOnly),
      ruleChanges,
      alwaysComment: score(SOURCE_STANCE_LABELS, gold, gold.map(() => 'comment')),
    },
    agreement: await crossValidateAgreement(dataDir, rumour.rows),
  };
}

/** The learned model's own label, before rules (for the with/without comparison). */
function modelLabel(input: Parameters<typeof stanceOf>[0]): string {
  const m = STANCE_MODELS.toSource;
  const f = featurize(input, STANCE_MODELS.vocab);
  const s = new Float64Array(m.labels.length);
  linearScores(m.weights, m.bias, m.labels.length, f.ids, f.values, s);
  return m.labels[argmax(s)]!;
}

/**
 * k-fold cross-validation of the agree/neutral/disagree model, with the same code and hyper-parameters
 * as `npm run train:stance`. Folds are grouped by quote, so replies to one comment never sit on both
 * sides; the vocabulary is rebuilt from each training fold (plus RumourEval train, as in the real model).
 */
async function crossValidateAgreement(dataDir: string, rumourRows: Parameters<typeof rumourExamples>[0]): Promise<StanceEvalReport['agreement']> {
  const agreement = await loadAgreement(dataDir);
  const examples = agreementExamples(agreement.rows);
  const rumourTrain = rumourExamples(rumourRows.filter((p) => p.split === 'train')).map((e) => e.input);
  const rand = mulberry32(11);
  const foldOfQuote = new Map<string, number>();
  const fold = agreement.rows.map((r) => {
    let f = foldOfQuote.get(r.quote);
    if (f === undefined) foldOfQuote.set(r.quote, (f = Math.floor(rand() * AGREEMENT_FOLDS)));
    return f;
  });
  const gold: string[] = [];
  const pred: string[] = [];
  for (let k = 0; k < AGREEMENT_FOLDS; k++) {
    const train = examples.filter((_, i) => fold[i] !== k);
    const test = examples.filter((_, i) => fold[i] === k);
    const vocab = buildVocabulary([...rumourTrain, ...train.map((e) => e.input)]);
    const m = fit(train, vocab, PARENT_STANCE_LABELS.length, HYPER.toParent);
    const s = new Float64Array(m.classes);
    for (const e of test) {
      const f = featurize(e.input, vocab);
      linearScores(m.weights, m.bias, m.classes, f.ids, f.values, s);
      pred.push(PARENT_STANCE_LABELS[argmax(s)]!);
      gold.push(PARENT_STANCE_LABELS[e.label]!);
    }
  }
  return { file: agreement.path, sha256: agreement.sha256, folds: AGREEMENT_FOLDS, all: score(PARENT_STANCE_LABELS, gold, pred) };
}

function argmax(s: ArrayLike<number>): number {
  let b = 0;
  for (let c = 1; c < s.length; c++) if (s[c]! > s[b]!) b = c;
  return b;
}

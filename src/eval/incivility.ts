import provenance from '../incivility/model/provenance.json' with { type: 'json' };
import { DEFAULT_THRESHOLDS, defaultEngine, type IncivilityEngine, type IncivilityThresholds } from '../incivility/index.js';
import { dataHashes, isHeldOut, loadGithub, loadReddit, loadToxicSpans, SPLITS } from './datasets.js';
import { classify, githubPerType, toxicSpansF1, type ClassifierFigures, type TypeRecall } from './incivility-figures.js';

export interface IncivilityEval {
  thresholds: IncivilityThresholds;
  toxicSpans: { file: string; posts: number; charF1: number; charF1AllFindings: number; charF1EndToEnd: number };
  reddit: { file: string; split: string } & ClassifierFigures;
  github: { file: string; split: string; comments: number; types: TypeRecall[]; civil: { n: number; flagged: number; rate: number } };
  /** Data files whose sha256 differs from the one the model was trained on (empty when all match). */
  changedData: string[];
}

/**
 * `threadlens eval incivility`: every figure on rows the model never saw. Toxic Spans on tsd_trial
 * (the model trained on tsd_train only); Reddit and GitHub on the hash splits `npm run train` held out.
 */
export function evaluateIncivility(dataDir: string, engine: IncivilityEngine = defaultEngine(), t: IncivilityThresholds = DEFAULT_THRESHOLDS): IncivilityEval {
  const hashes = dataHashes(dataDir);
  const trainedOn = provenance.dataSha256 as Record<string, string>;
  const changedData = Object.keys(hashes).filter((f) => trainedOn[f] !== hashes[f]);

  const trial = loadToxicSpans(dataDir, 'tsdTrial');
  const reddit = loadReddit(dataDir).filter((r) => isHeldOut(r.key, SPLITS.redditTest));
  const github = loadGithub(dataDir).filter((r) => isHeldOut(r.key, SPLITS.githubTest));
  return {
    thresholds: t,
    toxicSpans: {
      file: 'toxic-spans/tsd_trial.csv',
      posts: trial.length,
      charF1: toxicSpansF1(engine, trial, t, 'always', 'words'),
      charF1AllFindings: toxicSpansF1(engine, trial, t, 'always', 'all'),
      charF1EndToEnd: toxicSpansF1(engine, trial, t, 'auto', 'words'),
    },
    reddit: { file: 'reddit-incivility/train.csv', split: `held-out ${SPLITS.redditTest * 100}% (hash of the text)`, ...classify(engine, reddit, t).figures },
    github: { file: 'github-incivility/annotated_comment_level.csv', split: `held-out ${SPLITS.githubTest * 100}% of threads (hash of issue_id)`, comments: github.length, ...githubPerType(engine, github, t) },
    changedData,
  };
}

const pct = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));

export function renderIncivilityEval(e: IncivilityEval): string {
  const r = e.reddit;
  const out = [
    `Incivility evaluation (threshold ${e.thresholds.threshold}, span threshold ${e.thresholds.spanThreshold}, fallback ${e.thresholds.spanFallback})`,
    '',
    `Toxic Spans (SemEval-2021 Task 5), ${e.toxicSpans.file}, ${e.toxicSpans.posts} posts, official per-post character F1:`,
    `  learned spans + medium/high rule findings, every post (the task setting): ${pct(e.toxicSpans.charF1)}`,
    `  every finding, low-severity context findings included:                  ${pct(e.toxicSpans.charF1AllFindings)}`,
    `  end to end (learned spans only where Threadlens labels the post uncivil): ${pct(e.toxicSpans.charF1EndToEnd)}`,
    '',
    `Reddit incivility, ${r.file}, ${r.split}: ${r.n} comments, ${r.positives} uncivil`,
    `  precision ${pct(r.precision)}  recall ${pct(r.recall)}  F1 ${pct(r.f1)}  ROC-AUC ${pct(r.rocAuc)}  accuracy ${pct(r.accuracy)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`,
    '',
    `GitHub incivility, ${e.github.file}, ${e.github.split}: ${e.github.comments} comments`,
    ...e.github.types.map((t) => `  ${t.type.padEnd(30)} recall ${pct(t.recall)}  (${t.found}/${t.n})`),
    `  ${'civil comments flagged'.padEnd(30)} rate   ${pct(e.github.civil.rate)}  (${e.github.civil.flagged}/${e.github.civil.n})`,
  ];
  if (e.changedData.length) out.push('', `warning: these data files differ from the ones the model was trained on: ${e.changedData.join(', ')}`);
  return out.join('\n') + '\n';
}

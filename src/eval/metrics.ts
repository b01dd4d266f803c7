/** Evaluation metrics, written out so the figures in the README can be checked by reading the code. */

/**
 * SemEval-2021 Task 5 per-post character F1: predicted and gold are sets of character offsets. A post
 * with empty gold scores 1 when the prediction is empty too, else 0 (the official definition).
 */
export function charF1(pred: readonly number[], gold: readonly number[]): number {
  if (gold.length === 0) return pred.length === 0 ? 1 : 0;
  if (pred.length === 0) return 0;
  const g = new Set(gold);
  let tp = 0;
  for (const c of new Set(pred)) if (g.has(c)) tp++;
  if (tp === 0) return 0;
  const precision = tp / new Set(pred).size;
  const recall = tp / g.size;
  return (2 * precision * recall) / (precision + recall);
}

export interface BinaryFigures {
  n: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export function binaryFigures(labels: readonly boolean[], predicted: readonly boolean[]): BinaryFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  labels.forEach((y, i) => {
    const p = predicted[i]!;
    if (y && p) tp++;
    else if (!y && p) fp++;
    else if (y && !p) fn++;
    else tn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { n: labels.length, positives: tp + fn, tp, fp, fn, precision, recall, f1, accuracy: labels.length ? (tp + tn) / labels.length : 0 };
}

/** ROC-AUC by the rank-sum (Mann-Whitney) formula, ties counted half. */
export function rocAuc(labels: readonly boolean[], scores: readonly number[]): number {
  const idx = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && idx[j]![0] === idx[i]![0]) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (labels[idx[k]![1]]) {
        pos++;
        rankSum += avgRank;
      }
    }
    i = j;
  }
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** The threshold on `scores` that maximises F1 (ties: the lower threshold), with that F1. */
export function bestF1Threshold(labels: readonly boolean[], scores: readonly number[]): { threshold: number; f1: number } {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => b[0] - a[0]);
  const total = labels.filter(Boolean).length;
  let tp = 0;
  let fp = 0;
  let best = { threshold: 1, f1: 0 };
  for (let i = 0; i < order.length; i++) {
    if (order[i]![1]) tp++;
    else fp++;
    if (i + 1 < order.length && order[i + 1]![0] === order[i]![0]) continue;
    const f1 = (2 * tp) / (tp + fp + total);
    // Midway to the next score, so the threshold does not sit exactly on a training example.
    const next = i + 1 < order.length ? order[i + 1]![0] : 0;
    if (f1 > best.f1) best = { threshold: (order[i]![0] + next) / 2, f1 };
  }
  return best;
}

/** Per-class precision/recall/F1, macro-F1 and accuracy from gold and predicted labels. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassScores>;
  /** confusion[gold][predicted] */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Macro-F1 averages F1 over all `labels`, including classes absent from gold (F1 0 when predicted,
 * as in scikit-learn's `f1_score(average='macro', labels=...)` used by the RumourEval scorer).
 */
export function score(labels: readonly string[], gold: readonly string[], pred: readonly string[]): Scores {
  if (gold.length !== pred.length) throw new Error(`score: ${gold.length} gold labels but ${pred.length} predictions`);
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of labels) confusion[g] = Object.fromEntries(labels.map((p) => [p, 0]));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    confusion[gold[i]!]![pred[i]!]!++;
    if (gold[i] === pred[i]) correct++;
  }
  const perClass: Record<string, ClassScores> = {};
  for (const l of labels) {
    const tp = confusion[l]![l]!;
    const predicted = labels.reduce((a, g) => a + confusion[g]![l]!, 0);
    const support = labels.reduce((a, p) => a + confusion[l]![p]!, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    perClass[l] = { precision: r4(precision), recall: r4(recall), f1: r4(precision + recall ? (2 * precision * recall) / (precision + recall) : 0), support };
  }
  const macroF1 = labels.reduce((a, l) => a + perClass[l]!.f1, 0) / labels.length;
  return { n: gold.length, accuracy: r4(gold.length ? correct / gold.length : 0), macroF1: r4(macroF1), perClass, confusion };
}

const r4 = (x: number) => Math.round(x * 10000) / 10000;

/**
 * The label threshold whose neighbourhood scores best: F1 averaged over thresholds within ±`halfWidth`.
 * The plain F1 maximum on out-of-fold scores tends to sit on the edge of a cliff (just below the score
 * a lone medium-severity finding gives, 0.65 + a little model evidence), where a small shift between
 * the out-of-fold models and the final model trained on every row moves many comments at once.
 */
export function plateauThreshold(labels: readonly boolean[], scores: readonly number[], halfWidth: number, step = 0.005): { threshold: number; f1: number; meanF1: number } {
  if (labels.length !== scores.length) throw new Error(`plateauThreshold: ${labels.length} labels but ${scores.length} scores`);
  const f1At = (t: number) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < scores.length; i++) {
      const p = scores[i]! >= t;
      if (p && labels[i]) tp++;
      else if (p) fp++;
      else if (labels[i]) fn++;
    }
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  };
  const grid: number[] = [];
  for (let t = step; t < 1; t += step) grid.push(Math.round(t * 1e6) / 1e6);
  const f1s = grid.map(f1At);
  const k = Math.round(halfWidth / step);
  let best = { threshold: 0.5, f1: 0, meanF1: -1 };
  for (let i = 0; i < grid.length; i++) {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - k); j <= Math.min(grid.length - 1, i + k); j++) {
      sum += f1s[j]!;
      n++;
    }
    if (sum / n > best.meanF1) best = { threshold: grid[i]!, f1: f1s[i]!, meanF1: sum / n };
  }
  return best;
}

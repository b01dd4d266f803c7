/** Training hyper-parameters, recorded verbatim in the model's provenance. */
export const HYPER = {
  seed: 20240917,
  folds: 5,
  /** The label threshold maximises out-of-fold F1 averaged over this ± band (see train/threshold.ts). */
  thresholdHalfWidth: 0.025,
  comment: { epochs: 10, lr: 0.1, l2: 1e-6, positiveWeight: 1 },
  token: { epochs: 3, lr: 0.02, l2: 1e-6, positiveWeight: 1 },
  githubTypes: ['Insulting', 'Vulgarity', 'Mocking', 'Identity attack/Name-Calling', 'Threat', 'Irony'] as readonly string[],
  sourceWeights: { reddit: 1, github: 0.5, tsd: 0.5 },
  minSentenceWords: 3,
  spanFolds: 4,
  spanThresholds: [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55] as readonly number[],
  spanRelatives: [0, 0.3, 0.4, 0.5, 0.6, 0.7] as readonly number[],
  spanFallbacks: [0, 0.1, 0.2, 0.3] as readonly number[],
};

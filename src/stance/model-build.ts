import { AGREEMENT_FILE, loadAgreement, loadRumourEval, RUMOUREVAL_FILE } from '../eval/stance-data.js';
import { PARENT_STANCE_LABELS, SOURCE_STANCE_LABELS } from '../model/index.js';
import { packModels, type ModelFile } from './model-file.js';
import { agreementExamples, buildVocabulary, fit, HYPER, rumourExamples } from './train.js';

/** Where the committed model lives (relative to the repository root). */
export const MODEL_PATH = 'src/stance/model/stance-model.json';

/**
 * Fit both stance models on the shared data and return the model file and its text, exactly as
 * `npm run train:stance` writes it. Deterministic apart from `provenance.createdAt`.
 */
export async function buildModelFile(dataDir: string): Promise<{ file: ModelFile; text: string }> {
  const rumour = await loadRumourEval(dataDir);
  const agreement = await loadAgreement(dataDir);
  const sourceData = rumourExamples(rumour.rows).filter((e) => e.post.split === 'train');
  const parentData = agreementExamples(agreement.rows);
  const vocab = buildVocabulary([...sourceData, ...parentData].map((e) => e.input));
  const toSource = fit(sourceData, vocab, SOURCE_STANCE_LABELS.length, HYPER.toSource);
  const toParent = fit(parentData, vocab, PARENT_STANCE_LABELS.length, HYPER.toParent);

  const counts = (labels: readonly string[], xs: readonly { label: number }[]) =>
    Object.fromEntries(labels.map((l, i) => [l, xs.filter((x) => x.label === i).length]));

  const file = packModels(
    vocab,
    { toSource: { model: toSource, labels: SOURCE_STANCE_LABELS }, toParent: { model: toParent, labels: PARENT_STANCE_LABELS } },
    {
      createdAt: new Date().toISOString().slice(0, 10),
      command: 'npm run train:stance -- --data ../shared/data',
      code: 'src/stance/train/main.ts, src/stance/model-build.ts, src/stance/train.ts, src/stance/features.ts, src/stance/logreg.ts',
      model: 'multinomial logistic regression (AdaGrad, L2, class weights = inverse frequency ^ power), word uni/bigrams + dense cue features',
      hyperParameters: HYPER,
      toSource: {
        data: `${RUMOUREVAL_FILE}, split "train" only (dev is kept for evaluation)`,
        sha256: rumour.sha256,
        examples: sourceData.length,
        labels: counts(SOURCE_STANCE_LABELS, sourceData),
        source: 'SemEval-2019 Task 7A, RumourEval (Gorrell et al. 2019), Twitter + Reddit threads',
        licence: 'annotations CC-BY 4.0; post text under the platforms\' terms (weights only are stored, no text)',
      },
      toParent: {
        data: `${AGREEMENT_FILE}, all ${parentData.length} pairs (figures in the README are cross-validated)`,
        sha256: agreement.sha256,
        examples: parentData.length,
        labels: counts(PARENT_STANCE_LABELS, parentData),
        source: 'Lei & Huang 2022, "Few-Shot (Dis)Agreement Identification in Online Discussions..." (Findings of EMNLP 2022), SubReddit-CovidVaccine',
        licence: 'none stated by the authors; cite the paper (weights only are stored, no text)',
      },
      cueLexicon: 'src/stance/lexicons/stance-cues.json (each entry has its source)',
    },
  );
  return { file, text: formatModel(file) };
}

/** JSON with one weight row per line: small, and diffs show which features moved. */
function formatModel(f: ModelFile): string {
  const rows = (xs: unknown[], per = 1) => {
    const lines: string[] = [];
    for (let i = 0; i < xs.length; i += per) lines.push('   ' + xs.slice(i, i + per).map((x) => JSON.stringify(x)).join(','));
    return `[\n${lines.join(',\n')}\n  ]`;
  };
  const linear = (p: ModelFile['toSource']) =>
    `{\n  "labels": ${JSON.stringify(p.labels)},\n  "bias": ${JSON.stringify(p.bias)},\n  "scale": ${p.scale},\n  "weights": ${rows(p.weights, 4)}\n }`;
  return (
    `{\n "format": ${JSON.stringify(f.format)},\n "provenance": ${JSON.stringify(f.provenance, null, 2).replace(/\n/g, '\n ')},\n` +
    ` "dense": ${JSON.stringify(f.dense)},\n "unigrams": ${rows(f.unigrams, 16)},\n "bigrams": ${rows(f.bigrams, 12)},\n` +
    ` "toSource": ${linear(f.toSource)},\n "toParent": ${linear(f.toParent)}\n}\n`
  );
}

import type { ParentStanceLabel, SourceStanceLabel, StanceResult } from '../model/index.js';
import type { StanceInput } from './features.js';
import modelFile from './model/stance-model.json' with { type: 'json' };
import { unpackModels, type ModelFile } from './model-file.js';
import { explain, features, predictWith } from './predict.js';
import { applySourceRules } from './rules.js';

/** The committed models (trained by `npm run train:stance`), unpacked once at module load. */
export const STANCE_MODELS = unpackModels(modelFile as unknown as ModelFile);

/**
 * Confidence reported when a documented rule (rules.ts) overrides the model: the rules fire too rarely
 * on RumourEval for a measured precision, so they claim a modest, fixed confidence.
 */
export const RULE_CONFIDENCE = 0.6;

/**
 * Stance of one comment toward the source (always) and toward the comment it answers (when
 * `parentId` is given and the input carries the parent's text).
 */
export function stanceOf(input: StanceInput, parentId: string | null): StanceResult {
  const f = features(STANCE_MODELS, input);
  const text = input.prepared.text;
  const src = predictWith<SourceStanceLabel>(STANCE_MODELS, STANCE_MODELS.toSource, f, text);
  const ruled = applySourceRules(src.label, input, f);
  const toSource = ruled.cue
    ? {
        label: ruled.label,
        confidence: RULE_CONFIDENCE,
        // The model's own cues, re-read toward the label the rule chose (what else speaks for it).
        cues: [ruled.cue, ...explain(STANCE_MODELS, STANCE_MODELS.toSource, f, STANCE_MODELS.toSource.labels.indexOf(ruled.label), text)],
      }
    : { label: src.label, confidence: src.confidence, cues: src.cues };
  if (!parentId || !input.parent) return { toSource, toParent: null };
  const par = predictWith<ParentStanceLabel>(STANCE_MODELS, STANCE_MODELS.toParent, f, text);
  return { toSource, toParent: { label: par.label, confidence: par.confidence, parentId, cues: par.cues } };
}

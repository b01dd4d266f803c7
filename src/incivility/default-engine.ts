import modelFile from './model/incivility-model.json' with { type: 'json' };
import type { IncivilityEngine, IncivilityThresholds } from './combine.js';
import { makeEngine } from './engine.js';
import { decodeModel, type ModelFile } from './weights-io.js';

/** Thresholds chosen on dev data by `npm run train` (see src/incivility/model/provenance.json). */
export const DEFAULT_THRESHOLDS: IncivilityThresholds = (modelFile as ModelFile).defaults;

let engine: IncivilityEngine | undefined;

/** The committed model with every rule on default options; built on first use (~700 KB to decode). */
export function defaultEngine(): IncivilityEngine {
  return (engine ??= makeEngine(decodeModel(modelFile as ModelFile)));
}

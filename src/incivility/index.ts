export { scoreIncivility, combine, type IncivilityEngine, type IncivilityThresholds, type SpanMode } from './combine.js';
export { defaultEngine, DEFAULT_THRESHOLDS } from './default-engine.js';
export { makeEngine } from './engine.js';
export { MODEL_RULE_ID } from './spans.js';

export { scoreTone, toneLabel, TONE_THRESHOLDS, type ToneContext } from './score-tone.js';
export { AFINN, TOPIC_TERMS } from './lexicon.js';

import { findNumberAtoms, type AtomSource, type NumberReader } from './atoms.js';
import { buildMentions } from './mentions.js';
import type { NumberMention } from './types.js';

export { findNumberAtoms, type NumberReader, type AtomSource } from './atoms.js';
export { buildMentions } from './mentions.js';
export { headNoun } from './counted.js';
export { recognizerCalls } from './recognizer.js';
export type { NumberAtom, NumberMention, CountedThing, QuantityKind, NonClaimKind } from './types.js';

/** Every quantity stated in a prepared text (computed once, in `prepareText`). */
export function extractNumbers(p: AtomSource, reader: NumberReader = 'hybrid'): NumberMention[] {
  return buildMentions(p, findNumberAtoms(p, reader));
}

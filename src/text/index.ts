export { tokenize, type Token, type TokenKind } from './tokenize.js';
export { splitSentences, type Sentence } from './sentences.js';
export { prepareText, sentenceOf, type PreparedText } from './prepare.js';
export { stem } from './stem.js';
export { headNoun, type NumberMention, type NumberAtom, type CountedThing, type QuantityKind, type NonClaimKind } from './numbers/index.js';
export { contentStems, namesIn } from './content.js';

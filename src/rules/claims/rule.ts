import type { NumberIndex } from '../../corpus/number-index.js';
import type { Claim, Finding } from '../../model/index.js';

/** Read-only context a claim rule sees: the comment's text and the corpus that was searched. */
export interface ClaimRuleContext {
  text: string;
  index: NumberIndex;
}

/** ESLint-shaped rule: `meta` describes it, `create()` returns a pure function over one claim. */
export interface ClaimRule {
  meta: {
    id: string;
    category: 'claim';
    description: string;
    docs: string;
  };
  create(): (claim: Claim, ctx: ClaimRuleContext) => Finding | null;
}

/** "comment 4 and comment 5", "comment 4, comment 5 and comment 6". */
export function listComments(indexes: readonly number[]): string {
  const names = indexes.map((i) => `comment ${i + 1}`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

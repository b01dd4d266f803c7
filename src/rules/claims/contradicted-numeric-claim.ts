import { findingAt } from '../../analyze/finding-at.js';
import { listComments, type ClaimRule } from './rule.js';
import { BASE_SCORE, CHALLENGE_WEIGHT, PRECISION_WEIGHT, precisionOf, severityOf, stakesOf, weightOf } from './severity.js';

/** How much more a contradiction weighs than a missing source: the corpus says otherwise. */
const CONTRADICTION_WEIGHT = 0.1;

/**
 * A figure stated as fact where an article in the corpus gives a different figure for the same
 * counted thing in an overlapping context ("500 fighters in the Mu'tasim Brigade" where the article
 * says 1,000). The reason quotes the article.
 */
export const contradictedNumericClaim: ClaimRule = {
  meta: {
    id: 'contradicted-numeric-claim',
    category: 'claim',
    description: 'A figure stated as fact that an article in the corpus states differently',
    docs: 'docs/rules/contradicted-numeric-claim.md',
  },
  create() {
    return (claim, ctx) => {
      if (claim.role !== 'assertion' || claim.status !== 'contradicted') return null;
      const precision = precisionOf(claim);
      const stakes = stakesOf(claim);
      const challenges = claim.challengedBy.map((c) => c.index);
      const score = BASE_SCORE + CONTRADICTION_WEIGHT + PRECISION_WEIGHT[precision] + weightOf(stakes) + CHALLENGE_WEIGHT * Math.min(2, challenges.length);
      const against = claim.evidence.filter((e) => e.kind === 'contradicted-by');
      const first = against[0]!;
      let reason = `States ${claim.actual}, but ${first.text}`;
      if (against.length > 1) reason += ` (and ${against.length - 1} more article${against.length > 2 ? 's' : ''})`;
      if (claim.source) reason += `; attributed to "${claim.source.text}"`;
      if (challenges.length) reason += `; challenged by ${listComments(challenges)}`;
      return findingAt(ctx.text, claim.span.start, claim.span.end, {
        ruleId: contradictedNumericClaim.meta.id,
        category: 'claim',
        severity: severityOf(score),
        score,
        reason,
        evidence: claim.evidence,
      });
    };
  },
};

import { findingAt } from '../../analyze/finding-at.js';
import { listComments, type ClaimRule } from './rule.js';
import { BASE_SCORE, CHALLENGE_WEIGHT, PRECISION_WEIGHT, VAGUE_SOURCE_DISCOUNT, precisionOf, severityOf, stakesOf, weightOf } from './severity.js';

/**
 * A number stated as fact that nothing backs: no article in the corpus states it and the comment
 * names no source, or only a vague, unlinked one ("Wiki has listed ..."). Only checkable figures are
 * flagged: a count of something named, money or a percentage; a bare number is left alone. Severity grows with the
 * figure's precision and stakes (a precise count of people or groups is worse than a vague round
 * number) and with challenges from later comments; a vague source lowers it.
 */
export const unsupportedNumericClaim: ClaimRule = {
  meta: {
    id: 'unsupported-numeric-claim',
    category: 'claim',
    description: 'A figure stated as fact with no source and no article in the corpus stating it',
    docs: 'docs/rules/unsupported-numeric-claim.md',
  },
  create() {
    return (claim, ctx) => {
      if (claim.role !== 'assertion') return null;
      // A bare number ("at 10 it's still", "my 1060") counts nothing a moderator could check.
      if (!claim.counted && claim.kind !== 'money' && claim.kind !== 'percent') return null;
      const vague = claim.status === 'attributed' && claim.source?.quality === 'vague';
      if (claim.status !== 'unsupported' && !vague) return null;
      const precision = precisionOf(claim);
      const stakes = stakesOf(claim);
      const challenges = claim.challengedBy.map((c) => c.index);
      const score =
        BASE_SCORE + PRECISION_WEIGHT[precision] + weightOf(stakes) + CHALLENGE_WEIGHT * Math.min(2, challenges.length) - (vague ? VAGUE_SOURCE_DISCOUNT : 0);
      const parts = [
        vague ? `States ${claim.actual}, attributed to "${claim.source!.text}", a vague source with no link` : `States ${claim.actual} with no source`,
        ctx.index.sources.length === 0 ? 'no articles were given to check it against' : 'no article in the corpus mentions this figure',
      ];
      if (challenges.length) parts.push(`challenged by ${listComments(challenges)}`);
      return findingAt(ctx.text, claim.span.start, claim.span.end, {
        ruleId: unsupportedNumericClaim.meta.id,
        category: 'claim',
        severity: severityOf(score),
        score,
        reason: `${parts.join('; ')} (${precision} figure, stakes: ${stakes})`,
        evidence: claim.evidence,
      });
    };
  },
};

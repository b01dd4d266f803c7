import type { Claim, Finding } from '../../model/index.js';
import { contradictedNumericClaim } from './contradicted-numeric-claim.js';
import type { ClaimRule, ClaimRuleContext } from './rule.js';
import { unsupportedNumericClaim } from './unsupported-numeric-claim.js';

export { unsupportedNumericClaim, contradictedNumericClaim };
export type { ClaimRule, ClaimRuleContext };
export { precisionOf, stakesOf, severityOf } from './severity.js';

/** The claim rules, in the order their findings are listed. */
export const CLAIM_RULES: readonly ClaimRule[] = [unsupportedNumericClaim, contradictedNumericClaim];

const checks = CLAIM_RULES.map((r) => r.create());

/** Run every claim rule over a comment's claims. */
export function claimFindings(claims: readonly Claim[], ctx: ClaimRuleContext): Finding[] {
  const out: Finding[] = [];
  for (const c of claims) {
    for (const check of checks) {
      const f = check(c, ctx);
      if (f) out.push(f);
    }
  }
  return out;
}

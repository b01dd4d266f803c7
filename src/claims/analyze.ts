import type { NumberIndex } from '../corpus/number-index.js';
import type { Claim, ClaimSource, Evidence } from '../model/index.js';
import type { NumberMention, PreparedText } from '../text/index.js';
import { findSource } from './attribution.js';
import { doubtCue } from './challenges.js';
import { articleEvidence, challengeEvidence, echoEvidence, searchedEvidence, sourceEvidence } from './evidence.js';
import { countedKey } from './lexicon.js';
import { addPrior, classifyRole, type PriorAssertion } from './roles.js';
import { checkSupport, DEFAULT_TOLERANCE } from './support.js';

export interface ClaimsComment {
  id: string;
  author: string;
  /** Null for comments that are not live. */
  prepared: PreparedText | null;
}

export interface ClaimsOptions {
  /** Relative tolerance for "the same figure" (default 0.05). */
  tolerance?: number;
}

/**
 * Every number in every comment, with its role, and for assertions what backs it (an article, a named
 * source) or contradicts it, and which later comments challenge it. Comments are read in thread
 * order, so an echo always points back to an earlier assertion.
 */
export function analyzeClaims(comments: readonly ClaimsComment[], index: NumberIndex, options: ClaimsOptions = {}): Claim[][] {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const priors = new Map<number, PriorAssertion[]>();
  const out: Claim[][] = [];
  comments.forEach((c, ci) => {
    const p = c.prepared;
    const claims: Claim[] = [];
    out.push(claims);
    if (!p) return;
    const own: PriorAssertion[] = [];
    for (const m of p.numbers) {
      const key = m.counted ? countedKey(m.counted.head) : null;
      const role = classifyRole(m, p, key, priors);
      const claim = baseClaim(p, m, role.role, role.reason);
      if (role.role === 'assertion') {
        assess(claim, m, key, p, index, tolerance);
        own.push({ commentIndex: ci, commentId: c.id, mentionIndex: claims.length, value: m.value, high: m.high, key });
      } else if (role.echoOf) {
        const original = out[role.echoOf.commentIndex]![role.echoOf.mentionIndex]!;
        claim.echoOf = { commentId: role.echoOf.commentId, index: role.echoOf.commentIndex };
        claim.evidence.push(echoEvidence(role.echoOf, original));
        const cue = doubtCue(p, m);
        if (cue && !original.challengedBy.some((x) => x.index === ci)) {
          original.challengedBy.push({ commentId: c.id, index: ci, span: claim.span, actual: claim.actual, cue });
        }
      }
      claims.push(claim);
    }
    // A comment does not echo itself: its assertions become priors for the comments after it.
    for (const a of own) addPrior(priors, a);
  });
  for (const claims of out) for (const c of claims) c.evidence.push(...c.challengedBy.map(challengeEvidence));
  return out;
}

function baseClaim(p: PreparedText, m: NumberMention, role: Claim['role'], roleReason: string): Claim {
  let end = m.counted && !m.counted.inferred ? Math.max(m.end, m.counted.end) : m.end;
  // over 4,851 "groups": keep the closing quote of a quoted counted word
  if (m.counted && !m.counted.inferred && isQuote(p.text[m.counted.start - 1]) && isQuote(p.text[end])) end++;
  return {
    span: { start: m.start, end },
    actual: p.text.slice(m.start, end),
    value: m.value,
    high: m.high,
    kind: m.kind,
    unit: m.unit,
    qualifier: m.qualifier?.text ?? null,
    counted: m.counted ? { text: m.counted.text, head: m.counted.head } : null,
    role,
    roleReason,
    status: null,
    source: null,
    echoOf: null,
    challengedBy: [],
    evidence: [],
  };
}

/** Status of an assertion: corroborated > contradicted > attributed > unsupported. */
function assess(claim: Claim, m: NumberMention, key: string | null, p: PreparedText, index: NumberIndex, tolerance: number): void {
  const support = checkSupport(m, key, p, index, tolerance);
  const source: ClaimSource | null = findSource(p, m);
  claim.source = source;
  const ev: Evidence[] = claim.evidence;
  if (support.corroborating.length > 0) {
    claim.status = 'corroborated';
    ev.push(...articleEvidence('corroborated-by', support.corroborating));
  } else if (support.conflicting.length > 0) {
    claim.status = 'contradicted';
    ev.push(...articleEvidence('contradicted-by', support.conflicting));
  } else {
    claim.status = source ? 'attributed' : 'unsupported';
  }
  if (source) ev.push(sourceEvidence(source));
  ev.push(searchedEvidence(index, claim, support.corroborating.length + support.conflicting.length));
}

function isQuote(ch: string | undefined): boolean {
  return ch === '"' || ch === '“' || ch === '”' || ch === "'" || ch === '‘' || ch === '’';
}

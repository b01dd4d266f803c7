import type { ClaimRole } from '../model/index.js';
import { headNoun, type NonClaimKind, type NumberMention, type PreparedText } from '../text/index.js';
import { CLASS_BY_HEAD, HEDGE_CUES, ILLUSTRATIVE_CUES, findPhrase } from './lexicon.js';

/** An assertion made earlier in the thread, which a later number may repeat. */
export interface PriorAssertion {
  commentIndex: number;
  commentId: string;
  mentionIndex: number;
  value: number;
  high: number | null;
  key: string | null;
}

export interface RoleResult {
  role: ClaimRole;
  reason: string;
  echoOf: PriorAssertion | null;
}

const NON_CLAIM_REASON: Record<NonClaimKind, string> = {
  date: 'part of a date',
  year: 'a year',
  time: 'a clock time',
  duration: 'a length of time',
  ordinal: 'an ordinal (a position, not a quantity)',
  identifier: 'part of a name or model number',
  label: 'a label or position ("comment 4", "page 5")',
  frequency: 'how often something happened, not a count of things',
  ratio: 'a fraction, score or rate written with a slash ("3/4", "9/10")',
  calculation: 'part of a calculation',
  'small-count': 'a small number written as a word (everyday wording, not a statistic)',
};

/** Smallest number that can be an echo: repeating "2" or "5" is not quoting someone's figure. */
const MIN_ECHO_VALUE = 10;

/**
 * What a number does in its comment. In order: not a quantity at all; an echo of a figure an earlier
 * comment asserted (usually to challenge it); asked in a question; the size of each unit of a kind
 * ("brigades of 40 fighters"); a vague or hedged size; an example or hypothesis; otherwise an
 * assertion of fact.
 */
export function classifyRole(m: NumberMention, p: PreparedText, key: string | null, priors: ReadonlyMap<number, readonly PriorAssertion[]>): RoleResult {
  if (m.nonClaim) return { role: 'not-a-claim', reason: NON_CLAIM_REASON[m.nonClaim], echoOf: null };
  const echo = echoOf(m, key, priors);
  if (echo) return { role: 'echo', reason: `repeats the figure comment ${echo.commentIndex + 1} stated`, echoOf: echo };
  if (inQuestion(p, m)) return { role: 'question', reason: 'asked in a question, not stated', echoOf: null };
  const unit = unitSize(p, m);
  if (unit) return { role: 'illustrative', reason: unit, echoOf: null };
  if (m.vague) return { role: 'hedged', reason: 'a vague size, not a count', echoOf: null };
  if (m.qualifier?.type === 'approx') return { role: 'hedged', reason: `hedged with "${m.qualifier.text}"`, echoOf: null };
  const s = p.sentences[m.sentence]!;
  const hedge = findPhrase(p.tokens, s.firstToken, m.firstToken, HEDGE_CUES);
  if (hedge) return { role: 'hedged', reason: `hedged with "${p.text.slice(hedge.start, hedge.end)}"`, echoOf: null };
  const example = findPhrase(p.tokens, s.firstToken, m.firstToken, ILLUSTRATIVE_CUES);
  if (example) return { role: 'illustrative', reason: `an example or hypothesis ("${p.text.slice(example.start, example.end)}")`, echoOf: null };
  return { role: 'assertion', reason: m.qualifier ? `stated as fact, as a bound ("${m.qualifier.text}")` : 'stated as fact', echoOf: null };
}

/** Earlier assertions by value, so an echo lookup stays cheap on long threads. */
export function addPrior(priors: Map<number, PriorAssertion[]>, a: PriorAssertion): void {
  const list = priors.get(a.value);
  if (list) list.push(a);
  else priors.set(a.value, [a]);
}

function echoOf(m: NumberMention, key: string | null, priors: ReadonlyMap<number, readonly PriorAssertion[]>): PriorAssertion | null {
  if (m.vague || Math.abs(m.value) < MIN_ECHO_VALUE) return null;
  for (const a of priors.get(m.value) ?? []) {
    if (a.high !== m.high) continue;
    if (a.key !== null && key !== null && a.key !== key) continue;
    return a;
  }
  return null;
}

function inQuestion(p: PreparedText, m: NumberMention): boolean {
  const s = p.sentences[m.sentence]!;
  for (let i = s.endToken - 1; i >= s.firstToken && i >= s.endToken - 3; i--) {
    const t = p.tokens[i]!;
    if (t.kind !== 'punct') return false;
    if (t.text.indexOf('?') !== -1) return true;
  }
  return false;
}

/** "brigades of 40 fighters": the size of each unit in a general description, not a count. */
function unitSize(p: PreparedText, m: NumberMention): string | null {
  const { tokens } = p;
  const of = tokens[m.firstToken - 1];
  const unit = tokens[m.firstToken - 2];
  if (of?.norm === 'of' && unit?.kind === 'word') {
    const head = headNoun(unit.norm);
    if (head !== unit.norm && CLASS_BY_HEAD.get(head)?.collective) {
      return `the size of each unit in a general description ("${p.text.slice(unit.start, m.end)}")`;
    }
  }
  return null;
}

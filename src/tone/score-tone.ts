import { findingAt } from '../analyze/finding-at.js';
import type { Finding, ToneDiscount, ToneLabel, ToneResult } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import type { Lexeme } from '../text/lexeme.js';
import { SECOND_PERSON } from '../text/second-person.js';
import { AFINN, LAUGHTER, NEGATORS, PHRASE_CUES, SARCASTIC, SENSE_GATES, TOPIC_TERMS, type PhraseCue } from './lexicon.js';

export interface ToneContext {
  /** Lower-cased words of the article / post under discussion: its own vocabulary is not tone. */
  topicTerms?: ReadonlySet<string>;
  /** Numbers (as written) stated earlier in the thread or in the parent: an exclamation next to one is sarcasm. */
  priorNumbers?: ReadonlySet<string>;
  /** True when the comment replies to someone (then laughter reads as mockery even without "you"). */
  isReply?: boolean;
}

/** Words from the article get half weight: "betrayed" quoting the story is mostly topic, partly tone. */
const ARTICLE_TERM_WEIGHT = 0.5;
// Tone also hears the informal "ya" as addressing someone ("ya right"); replies and stance do not.
const ADDRESSING: ReadonlySet<string> = new Set([...SECOND_PERSON, 'ya']);
const AFINN_REF = { type: 'lexicon' as const, id: 'afinn-165', title: 'AFINN-165 (via the sentiment package)' };
const CUES_REF = { type: 'lexicon' as const, id: 'tone-cues', title: 'src/tone/lexicons/tone-cues.json' };

/** Everything tone's lexicons say about one word form: computed once per lexeme, not looked up per token. */
interface ToneWord {
  phrases: readonly PhraseCue[] | undefined;
  second: boolean;
  laughter: boolean;
  sarcastic: boolean;
  afinn: number | undefined;
  gate: ReadonlySet<string> | undefined;
  negator: boolean;
  topicTerm: boolean;
}

function toneWord(lex: Lexeme): ToneWord {
  let w = lex.tone as ToneWord | undefined;
  if (w === undefined) {
    const n = lex.norm;
    lex.tone = w = {
      phrases: PHRASE_CUES.get(n),
      second: ADDRESSING.has(n),
      laughter: LAUGHTER.terms.has(n),
      sarcastic: SARCASTIC.terms.has(n),
      afinn: AFINN.get(n),
      gate: SENSE_GATES.get(n),
      negator: NEGATORS.has(n),
      topicTerm: TOPIC_TERMS.has(n),
    };
  }
  return w;
}

/** Label thresholds on the -1..1 score; chosen on the seed thread and documented in the README. */
export const TONE_THRESHOLDS = { negative: -0.15, positive: 0.15 } as const;

/**
 * Tone of one comment: AFINN word scores on our own tokens, corrected for the failures that make
 * plain AFINN useless on discussion threads: topic vocabulary ("rebel", "war", "defeated") is not the
 * writer's tone, and ridicule ("LOL", "wow ..." next to someone's number, "What are you smoking?")
 * is not positive. Every word or phrase that moved the score comes back as a positioned finding.
 */
export function scoreTone(p: PreparedText, ctx: ToneContext = {}): ToneResult {
  const { text, tokens, words, lexemes } = p;
  const findings: Finding[] = [];
  const discounted: ToneDiscount[] = [];
  const covered = new Uint8Array(tokens.length);
  let sum = 0;
  let hostile = false;

  // 1. Phrase cues replace the dictionary scores of the words inside them.
  for (let w = 0; w < words.length; w++) {
    const cands = toneWord(lexemes[words[w]!]!).phrases;
    if (!cands) continue;
    for (const cue of cands) {
      if (w + cue.words.length > words.length) continue;
      let ok = true;
      for (let k = 1; k < cue.words.length && ok; k++) ok = tokens[words[w + k]!]!.norm === cue.words[k];
      // A phrase must not straddle a sentence end ("... what. Are you smoking" is still one thought, but
      // words far apart are not): require the words to be adjacent apart from punctuation.
      if (!ok) continue;
      const first = words[w]!;
      const last = words[w + cue.words.length - 1]!;
      for (let t = first; t <= last; t++) covered[t] = 1;
      sum += cue.score;
      hostile ||= cue.hostile;
      findings.push(
        findingAt(text, tokens[first]!.start, tokens[last]!.end, {
          ruleId: cue.hostile ? 'tone-hostile' : 'tone-ridicule',
          category: 'tone',
          severity: cue.hostile ? 'medium' : 'low',
          score: Math.abs(cue.score) / 5,
          reason: `"${text.slice(tokens[first]!.start, tokens[last]!.end)}" (${cue.kind.replace(/-/g, ' ')}): ${cue.note}`,
          evidence: [{ kind: 'lexicon', text: `tone cue "${cue.phrase}", score ${cue.score}`, ref: CUES_REF }],
        }),
      );
      w += cue.words.length - 1;
      break;
    }
  }

  const quoted = quotedTokens(p);
  const addresses = ctx.isReply === true || words.some((i) => toneWord(lexemes[i]!).second);

  // 2. Single words: contextual interjections first, then AFINN with negation and topic discounts.
  for (const i of words) {
    if (covered[i]) continue;
    const tok = tokens[i]!;
    const tw = toneWord(lexemes[i]!);
    if (tw.laughter) {
      if (!addresses) continue; // a laugh on its own is not tone either way
      sum += LAUGHTER.score;
      findings.push(
        findingAt(text, tok.start, tok.end, {
          ruleId: 'tone-ridicule',
          category: 'tone',
          severity: 'low',
          score: Math.abs(LAUGHTER.score) / 5,
          reason: `"${tok.text}" laughs at another participant's point (mockery), not a positive word here`,
          evidence: [{ kind: 'lexicon', text: LAUGHTER.note, ref: CUES_REF }],
        }),
      );
      continue;
    }
    if (tw.sarcastic) {
      const why = sarcasmContext(p, i, ctx.priorNumbers);
      if (why) {
        sum += SARCASTIC.score;
        findings.push(
          findingAt(text, tok.start, tok.end, {
            ruleId: 'tone-ridicule',
            category: 'tone',
            severity: 'low',
            score: Math.abs(SARCASTIC.score) / 5,
            reason: `"${tok.text}" ${why}: sarcasm, not praise`,
            evidence: [{ kind: 'lexicon', text: SARCASTIC.note, ref: CUES_REF }],
          }),
        );
        continue;
      }
    }
    const base = tw.afinn;
    if (base === undefined) continue;
    if (quoted[i]) {
      discounted.push({ span: { start: tok.start, end: tok.end }, actual: tok.text, lexiconScore: base, weight: 0, why: 'inside quotation marks: a mention or scare quote, not the writer\'s own wording' });
      continue;
    }
    const prev = i > 0 ? tokens[i - 1]! : undefined;
    // "like" is more often a preposition than the verb AFINN scores; see senseGates in tone-cues.json.
    const gate = tw.gate;
    if (gate && !(prev && gate.has(prev.norm))) continue;
    const negated = prev !== undefined && prev.kind === 'word' && toneWord(lexemes[i - 1]!).negator;
    const lex = negated ? -base : base;
    let weight = 1;
    if (tw.topicTerm) {
      discounted.push({ span: { start: tok.start, end: tok.end }, actual: tok.text, lexiconScore: lex, weight: 0, why: 'topic word: it names what the thread is about, not the writer\'s attitude' });
      continue;
    }
    if (lex < 0 && ctx.topicTerms?.has(tok.norm)) {
      weight = ARTICLE_TERM_WEIGHT;
      discounted.push({ span: { start: tok.start, end: tok.end }, actual: tok.text, lexiconScore: lex, weight, why: 'also used by the article under discussion, so partly topic' });
    }
    const contrib = lex * weight;
    sum += contrib;
    if (Math.abs(contrib) >= 1) {
      findings.push(
        findingAt(text, negated ? prev!.start : tok.start, tok.end, {
          ruleId: 'tone-lexicon',
          category: 'tone',
          severity: 'low',
          score: Math.abs(contrib) / 5,
          reason: `"${negated ? `${prev!.text} ${tok.text}` : tok.text}" is ${contrib > 0 ? 'positive' : 'negative'} wording (AFINN ${base > 0 ? '+' : ''}${base}${negated ? ', negated' : ''}${weight < 1 ? ', half weight as article vocabulary' : ''})`,
          evidence: [{ kind: 'lexicon', text: `AFINN-165 "${tok.norm}" = ${base}`, ref: AFINN_REF }],
        }),
      );
    }
  }

  findings.sort((a, b) => a.span.start - b.span.start);
  // Long comments accumulate more scored words; scale by length so a long civil analysis with a few
  // negative words does not outrank a short insult.
  const score = Math.tanh(sum / (4 + 0.15 * words.length));
  return { label: toneLabel(score, hostile), score: round(score), findings, discounted };
}

export function toneLabel(score: number, hostile: boolean): ToneLabel {
  if (hostile) return 'hostile';
  if (score <= TONE_THRESHOLDS.negative) return 'negative';
  if (score >= TONE_THRESHOLDS.positive) return 'positive';
  return 'neutral';
}

/** Why an exclamation at token `i` reads as sarcasm, or null when it does not. */
function sarcasmContext(p: PreparedText, i: number, priorNumbers: ReadonlySet<string> | undefined): string | null {
  const { tokens } = p;
  const next = tokens[i + 1];
  for (let k = Math.max(0, i - SARCASTIC.window); k <= Math.min(tokens.length - 1, i + SARCASTIC.window); k++) {
    const t = tokens[k]!;
    if (t.kind === 'number' && priorNumbers?.has(t.text)) return `next to "${t.text}", a number someone else stated`;
  }
  if (next && next.kind === 'punct' && (next.text === '…' || next.text.startsWith('..'))) return 'trails off with an ellipsis';
  return null;
}

const OPEN_QUOTES = new Set(['"', '“', '„']);
const CLOSE_QUOTES = new Set(['"', '”']);
const MAX_QUOTED_WORDS = 8;

/** Marks word tokens inside short double-quoted stretches on one line ("super groups", "buy"). */
function quotedTokens(p: PreparedText): Uint8Array {
  const { tokens, text } = p;
  const marks = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    // Quote marks are always punctuation tokens: other kinds need no Set lookup.
    if (tokens[i]!.kind !== 'punct' || !OPEN_QUOTES.has(tokens[i]!.text)) continue;
    for (let j = i + 1; j < tokens.length && j - i <= MAX_QUOTED_WORDS + 1; j++) {
      const t = tokens[j]!;
      if (hasNewline(text, tokens[j - 1]!.end, t.start)) break;
      if (t.kind === 'punct' && CLOSE_QUOTES.has(t.text)) {
        for (let k = i + 1; k < j; k++) marks[k] = 1;
        i = j;
        break;
      }
    }
  }
  return marks;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

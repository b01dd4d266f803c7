import type { ToneResult } from '../model/index.js';
import { tokenStems } from '../text/content-words.js';
import { SECOND_PERSON } from '../text/second-person.js';
import type { PreparedText, Token } from '../text/index.js';
import { BY_FIRST, cuesAt, type CompiledCue, type CueGroup, CUE_GROUPS } from './cues.js';

/** What the stance models see of one comment: its text plus its place in the thread. */
export interface StanceInput {
  prepared: PreparedText;
  /** 0: the source post itself; 1: a direct reply to the source; 2: a reply to another comment. */
  depth: number;
  /** Content-word stems of the source's claim (title + lead), or null when there is no source. */
  claim: ReadonlySet<string> | null;
  /**
   * Content-word stems of the whole source (post and articles): the story's subject. Must contain the
   * claim. Defaults to the claim (in RumourEval the source post is all there is).
   */
  topic?: ReadonlySet<string> | null;
  /** The comment's tone, when the pipeline has it (ridicule and hostility are stance cues). */
  tone: ToneResult | null;
  /** The comment being answered, for depth ≥ 1 replies to a comment. */
  parent: { prepared: PreparedText; stems: ReadonlySet<string> } | null;
}

/**
 * Dense features: properties of the comment and of its relation to the source and parent. Their
 * names double as the cue text shown to moderators (see DENSE_CUE_TEXT in explain.ts).
 */
export const DENSE = [
  'question-any',
  'question-end',
  'question-start',
  ...CUE_GROUPS.map((g) => `cue-${g}` as const),
  'tone-hostile',
  'tone-ridicule',
  'tone-negative',
  'tone-positive',
  'source-overlap',
  'source-no-overlap',
  'source-high-overlap',
  'depth-source',
  'depth-reply-to-source',
  'depth-reply-to-comment',
  'short',
  'long',
  'has-url',
  'addresses-you',
  'has-number',
  'exclamation',
  'parent-overlap',
  'parent-echo-number',
  'parent-question',
] as const;
export type DenseName = (typeof DENSE)[number];
const D: Record<string, number> = Object.fromEntries(DENSE.map((n, i) => [n, i]));
if (DENSE.length > 31) throw new Error('DENSE must fit a 32-bit mask (FeatureVector.dense)');

/** n-gram vocabulary of a trained model: ids follow the dense features. */
export interface Vocabulary {
  unigrams: ReadonlyMap<string, number>;
  /**
   * Keyed by `u1 * BIGRAM_BASE + u2` (unigram indices): lookups allocate no strings, and keys stay
   * small integers (V8 Smis), which hash far faster than doubles.
   */
  bigrams: ReadonlyMap<number, number>;
}
export const BIGRAM_BASE = 1 << 13;
/** Vocabularies are capped so bigram keys stay Smis (see BIGRAM_BASE). */
export const MAX_UNIGRAMS = BIGRAM_BASE;

export interface FeatureVector {
  ids: number[];
  values: number[];
  /** Where in the comment each feature came from (first occurrence), for cues; -1 for properties. */
  starts: number[];
  ends: number[];
  /** Bit i set when dense feature i is on (DENSE has fewer than 32 entries). */
  dense: number;
  /** Counts the documented rules read (rules.ts), so they need no second pass over the text. */
  stats: { content: number; inClaim: number; topicWords: number; figures: number };
}

const QUESTION_STARTERS = new Set([
  'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'has', 'have',
  'what', 'why', 'how', 'who', 'where', 'when', 'which', 'really', 'seriously', 'source',
]);

/** The n-gram key of a token: words by their lower-case form, other kinds by class; null to skip. */
export function tokenKey(t: Token): string | null {
  switch (t.kind) {
    case 'word':
      return t.norm;
    case 'number':
      return '<num>';
    case 'url':
      return '<url>';
    case 'mention':
      return '<user>';
    case 'emoticon':
      return '<emo>';
    case 'emoji':
      return t.text;
    case 'punct': {
      const s = t.text;
      if (s.includes('?')) return '?';
      if (s[0] === '!') return '!';
      if (s === '…' || s.startsWith('..')) return '...';
      if (s === '"' || s === '“' || s === '”') return '"';
      return null;
    }
  }
}

/** Token keys of a text (the n-gram stream; skipped punctuation breaks bigrams). */
export function tokenKeys(p: PreparedText): (string | null)[] {
  const keys = new Array<string | null>(p.tokens.length);
  for (let i = 0; i < p.tokens.length; i++) keys[i] = tokenKey(p.tokens[i]!);
  return keys;
}

/** Everything featurize needs to know about a token key, behind one Map lookup per token. */
interface WordInfo {
  /** Unigram index in the vocabulary, or -1. */
  uni: number;
  /** Cue phrases starting with this key, longest first. */
  cues: readonly CompiledCue[] | null;
  second: boolean;
  questionStarter: boolean;
  /**
   * Bigrams starting with this unigram: following unigram index → bigram index. A small map per word
   * keeps the lookup local (the vocabulary-wide bigram map is large and cold by the time stance runs).
   */
  next: Map<number, number> | null;
}
const tables = new WeakMap<object, Map<string, WordInfo>>();
const NO_VOCAB = {};

function wordTable(vocab: Vocabulary | null): Map<string, WordInfo> {
  const key = vocab ?? NO_VOCAB;
  let t = tables.get(key);
  if (t) return t;
  t = new Map();
  const info = (k: string) => {
    let x = t!.get(k);
    if (!x) t!.set(k, (x = { uni: -1, cues: null, second: false, questionStarter: false, next: null }));
    return x;
  };
  if (vocab) {
    const byUni: WordInfo[] = [];
    for (const [k, u] of vocab.unigrams) (byUni[u] = info(k)).uni = u;
    for (const [key, b] of vocab.bigrams) {
      const first = byUni[Math.floor(key / BIGRAM_BASE)];
      if (first) (first.next ??= new Map()).set(key % BIGRAM_BASE, b);
    }
  }
  for (const [k, cues] of BY_FIRST) info(k).cues = cues;
  for (const k of SECOND_PERSON) info(k).second = true;
  for (const k of QUESTION_STARTERS) info(k).questionStarter = true;
  tables.set(key, t);
  return t;
}

/** What the parent contributes, computed once per parent text (many replies share one parent). */
const parentMemo = new WeakMap<PreparedText, { numbers: Set<string>; question: boolean }>();
function parentFacts(p: PreparedText): { numbers: Set<string>; question: boolean } {
  let f = parentMemo.get(p);
  if (!f) {
    f = { numbers: new Set(), question: false };
    for (const t of p.tokens) {
      if (t.kind === 'number') f.numbers.add(t.text);
      else if (t.kind === 'punct' && t.text.includes('?')) f.question = true;
    }
    parentMemo.set(p, f);
  }
  return f;
}

// Dedupe feature ids without allocating a Set per comment: a stamp per id, bumped per call.
let stamp = new Uint32Array(1 << 14);
let generation = 0;

// Module-level (not a closure per call): this runs once per feature of every comment.
function add(out: FeatureVector, id: number, value: number, start: number, end: number): void {
  if (stamp[id] === generation) return;
  stamp[id] = generation;
  out.ids.push(id);
  out.values.push(value);
  out.starts.push(start);
  out.ends.push(end);
  if (id < DENSE.length) out.dense |= 1 << id;
}

const Q_ANY = D['question-any']!;
const Q_END = D['question-end']!;
const Q_START = D['question-start']!;
const CUE_ID: Record<string, number> = Object.fromEntries(CUE_GROUPS.map((g) => [g, D[`cue-${g}`]!]));

/** Add dense feature `id`, positioned at token i (or unpositioned when i < 0). */
function tok(out: FeatureVector, tokens: readonly Token[], i: number, id: number, value = 1): void {
  add(out, id, value, i >= 0 ? tokens[i]!.start : -1, i >= 0 ? tokens[i]!.end : -1);
}

/**
 * The feature vector of one comment. `vocab` null collects nothing from n-grams (used while building
 * a vocabulary); the dense part is always filled. One pass over the tokens, then cue matching.
 */
export function featurize(input: StanceInput, vocab: Vocabulary | null): FeatureVector {
  const { prepared: p } = input;
  const { tokens, words } = p;
  const out: FeatureVector = { ids: [], values: [], starts: [], ends: [], dense: 0, stats: { content: 0, inClaim: 0, topicWords: 0, figures: 0 } };
  const size = DENSE.length + (vocab ? vocab.unigrams.size + vocab.bigrams.size : 0);
  if (stamp.length < size) stamp = new Uint32Array(size * 2);
  if (++generation === 0xffffffff) {
    stamp.fill(0);
    generation = 1;
  }
  const keys = tokenKeys(p);
  const stems = tokenStems(p);
  const table = wordTable(vocab);
  const claim = input.claim;
  const topic = input.topic ?? claim;
  const parentStems = input.parent?.stems ?? null;
  const parent = input.parent ? parentFacts(input.parent.prepared) : null;
  const st = out.stats;
  const base = DENSE.length;
  const biBase = vocab ? base + vocab.unigrams.size : 0;
  let prev = -1;
  let prevInfo: WordInfo | undefined;
  let inParent = 0;
  let grams = 0;
  let firstQ = -1;
  let lastPunct = -1;
  let you = -1;
  let num = -1;
  let echo = -1;
  let excl = -1;
  let hasUrl = false;
  const cueHits: CompiledCue[] = [];
  const cuePos: number[] = [];

  const lexemes = p.lexemes;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const k = keys[i]!;
    // A word's key is its norm: its table entry is cached on the lexeme (one lookup per word form).
    const lex = lexemes[i];
    let info: WordInfo | undefined;
    if (lex) {
      if (lex.stanceTable !== table) {
        lex.stanceTable = table;
        lex.stance = table.get(k!);
      }
      info = lex.stance as WordInfo | undefined;
    } else info = k !== null ? table.get(k) : undefined;
    // n-grams
    const u = info ? info.uni : -1;
    if (u < 0) prev = -1;
    else {
      add(out, base + u, 1, t.start, t.end);
      if (prev >= 0) {
        const b = prevInfo!.next?.get(u);
        if (b !== undefined) add(out, biBase + b, 1, tokens[i - 1]!.start, t.end);
      }
      prev = u;
      prevInfo = info;
    }
    // cue phrases starting here (at most one per group and start; longest first); added after the
    // n-grams are normalised
    if (info?.cues) cuesAt(info.cues, keys, tokens, i, cueHits, cuePos);
    switch (t.kind) {
      case 'word': {
        if (you < 0 && info?.second) you = i;
        const s = stems[i];
        if (s == null) break;
        st.content++;
        // The claim is part of the topic (headline and lead are in the post), so a word outside the
        // topic needs no second lookup.
        if (topic?.has(s)) {
          st.topicWords++;
          if (claim === topic || claim?.has(s)) st.inClaim++;
        }
        if (parentStems?.has(s)) inParent++;
        break;
      }
      case 'number':
        st.figures++;
        if (num < 0) num = i;
        if (echo < 0 && parent?.numbers.has(t.text)) echo = i;
        break;
      case 'url':
        hasUrl = true;
        break;
      case 'punct':
        if (k !== null) lastPunct = i;
        if (k === '?' && firstQ < 0) firstQ = i;
        else if (k === '!' && excl < 0) excl = i;
        break;
      default:
        break;
    }
  }
  // Length-normalise the n-grams (unit L2 norm): a long blog comment must not out-vote a tweet just
  // by having more words, and the model is trained on tweets.
  grams = out.ids.length;
  if (grams > 1) {
    const v = 1 / Math.sqrt(grams);
    for (let k = 0; k < grams; k++) out.values[k] = v;
  }

  for (let k = 0; k < cueHits.length; k++) add(out, CUE_ID[cueHits[k]!.group]!, 1, cuePos[2 * k]!, cuePos[2 * k + 1]!);
  if (firstQ >= 0) tok(out, tokens, firstQ, Q_ANY);
  if (firstQ >= 0 && lastPunct === tokens.length - 1 && keys[lastPunct] === '?') tok(out, tokens, lastPunct, Q_END);
  if (firstQ >= 0 && words.length && table.get(tokens[words[0]!]!.norm)?.questionStarter) tok(out, tokens, words[0]!, Q_START);

  const tone = input.tone;
  if (tone) {
    for (const f of tone.findings) {
      if (f.ruleId === 'tone-hostile') add(out, D['tone-hostile']!, 1, f.span.start, f.span.end);
      else if (f.ruleId === 'tone-ridicule') add(out, D['tone-ridicule']!, 1, f.span.start, f.span.end);
    }
    if (tone.score <= -0.15) tok(out, tokens, -1, D['tone-negative']!);
    if (tone.score >= 0.15) tok(out, tokens, -1, D['tone-positive']!);
  }
  if (claim) {
    const overlap = st.content ? st.inClaim / st.content : 0;
    if (overlap > 0) tok(out, tokens, -1, D['source-overlap']!, Math.min(1, overlap * 2));
    else tok(out, tokens, -1, D['source-no-overlap']!);
    if (overlap >= 0.3) tok(out, tokens, -1, D['source-high-overlap']!);
  }
  tok(out, tokens, -1, D[input.depth <= 0 ? 'depth-source' : input.depth === 1 ? 'depth-reply-to-source' : 'depth-reply-to-comment']!);
  if (words.length < 6) tok(out, tokens, -1, D['short']!);
  if (words.length > 40) tok(out, tokens, -1, D['long']!);
  if (hasUrl) tok(out, tokens, -1, D['has-url']!);
  if (you >= 0) tok(out, tokens, you, D['addresses-you']!);
  if (num >= 0) tok(out, tokens, num, D['has-number']!);
  if (excl >= 0) tok(out, tokens, excl, D['exclamation']!);
  if (parent) {
    if (inParent > 0) tok(out, tokens, -1, D['parent-overlap']!, Math.min(1, (inParent / Math.max(1, st.content)) * 2));
    if (echo >= 0) tok(out, tokens, echo, D['parent-echo-number']!);
    if (parent.question) tok(out, tokens, -1, D['parent-question']!);
  }
  return out;
}

/** True when dense feature `name` is on in `f`. */
export function hasDense(f: FeatureVector, name: DenseName): boolean {
  return (f.dense & (1 << D[name]!)) !== 0;
}

export type { CueGroup };

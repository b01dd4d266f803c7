import type { Comment, ParentSource, Thread } from '../model/index.js';
import { contentStems, tokenStems } from '../text/content-words.js';
import { prepareText, type PreparedText } from '../text/index.js';
import { postView, replySignals, type PostView, type ReplySignals } from './reply-signals.js';

/**
 * Reply inference for flat threads (Blogger pages, plain copies): when the source does not say which
 * comment a comment answers, look for evidence that it answers an earlier one. Each kind of evidence
 * has a weight (the probability, judged on reading threads, that the evidence alone means "replies
 * to"); several pieces combine as a noisy-or. The best candidate becomes the parent when its
 * confidence reaches REPLY_THRESHOLD; otherwise the comment stays a reply to the post.
 */
export const EVIDENCE_WEIGHTS = {
  /** An earlier comment's own words put in quotation marks by this one, and quoted there too. */
  quotesQuoted: 0.6,
  /** Two or more words in quotation marks that an earlier comment used. */
  quotesPhrase: 0.75,
  /** One word in quotation marks that an earlier comment used. */
  quotesWord: 0.4,
  /** A number (≥ 2 digits) stated by an earlier comment and not by the post: "308". */
  echoesNumber: 0.55,
  /** Each distinctive word (5+ letters, not in the post) shared with an earlier comment; at most 3 count. */
  echoesWord: 0.1,
  /** @name or the full name of an earlier comment's author. */
  namesAuthor: 0.8,
  /** The nearest earlier comment (by someone else) asked a question. */
  answersQuestion: 0.3,
  /** ... and this comment opens like an answer ("yes", "no", "well", ...). */
  answerOpener: 0.3,
  /** Addresses "you" right after another participant's comment. */
  addressesPrevious: 0.3,
} as const;

/** Minimum confidence for an inferred link; below it the comment stays a reply to the post. */
export const REPLY_THRESHOLD = 0.5;
/** Candidates further back than this many comments are not considered (keeps long threads linear). */
export const REPLY_WINDOW = 50;
/** Per comment in between, a candidate's confidence is multiplied by this (nearer wins ties). */
const DISTANCE_DECAY = 0.98;
const MAX_ECHO_WORDS = 3;
const ANSWER_OPENERS = new Set(['yes', 'yeah', 'yep', 'no', 'nope', 'well', 'because', 'sure', 'actually', 'exactly', 'true', 'agreed', 'indeed', 'wrong']);

export interface ReplyLink {
  parentId: string | null;
  parentSource: ParentSource;
  parentConfidence?: number;
  parentEvidence?: string[];
}

export interface ReplyInferenceOptions {
  threshold?: number;
  window?: number;
}

interface Candidate {
  j: number;
  weights: number[];
  /** Evidence sentences, formatted only for the winning candidate (most candidates lose). */
  evidence: (() => string)[];
  named: boolean;
}

/**
 * One link per comment. Comments whose source gave a parent (explicit) or an earlier inference keep
 * it; only comments with `parentSource: "none"` are inferred.
 */
export function inferReplies(
  comments: readonly Comment[],
  prepared: readonly (PreparedText | null)[],
  post: PreparedText | null,
  options: ReplyInferenceOptions = {},
): ReplyLink[] {
  const threshold = options.threshold ?? REPLY_THRESHOLD;
  const window = options.window ?? REPLY_WINDOW;
  const pv: PostView | null = postView(post);
  const signals: (ReplySignals | null)[] = prepared.map((p) => (p ? replySignals(p, pv) : null));
  // Inverted indexes over earlier comments, filled as we go: evidence lookups cost one Map.get each.
  const byNumber: Index = new Map();
  const byWord: Index = new Map();
  const authors = comments.map((c) => c.author.trim().toLowerCase());
  // Author names by their first word, so finding a named author costs one lookup per word.
  const namesByFirst = new Map<string, string[]>();
  for (const a of new Set(authors)) {
    if (a.length < 3) continue; // "bn", "jo": too likely to be an ordinary word
    const first = a.split(/\s+/)[0]!;
    namesByFirst.set(first, [...(namesByFirst.get(first) ?? []), a]);
  }
  const firstWordShapes = new ShapeFilter(namesByFirst.keys());
  // liveBefore[k]: live comments before k, so "comments in between" is one subtraction.
  const liveBefore: number[] = [];
  signals.reduce((n, s, k) => ((liveBefore[k] = n), n + (s ? 1 : 0)), 0);

  return comments.map((c, k) => {
    const sig = signals[k];
    const keep: ReplyLink = { parentId: c.parentId, parentSource: c.parentSource };
    if (c.parentConfidence !== undefined) keep.parentConfidence = c.parentConfidence;
    if (c.parentEvidence !== undefined) keep.parentEvidence = c.parentEvidence;
    if (!sig) return keep;
    const link = c.parentSource === 'none' ? best(k, sig) : keep;
    index(k, sig);
    return link;
  });

  function best(k: number, sig: ReplySignals): ReplyLink {
    const from = Math.max(0, k - window);
    const me = authors[k]!;
    const cs: CandidateSet = { cands: new Map(), from, me, authors, signals };
    const p = prepared[k]!;
    const W = EVIDENCE_WEIGHTS;

    for (const [num, ti] of sig.numbers) {
      const n = recentIn(byNumber, num, from);
      for (let q = 0; q < n; q++) {
        const j = scratch[q]!;
        const x = candidate(cs, j);
        if (!x) continue;
        x.weights.push(W.echoesNumber);
        x.evidence.push(() => `echoes "${numberPhrase(p, ti, prepared[j]!)}" from comment ${j + 1}`);
      }
    }
    for (const q of sig.quoted) {
      for (let j = k - 1; j >= from; j--) {
        const sj = signals[j];
        if (!sj) continue;
        const words = contentStems(prepared[j]!);
        if (!q.stems.every((s) => words.has(s))) continue;
        const x = candidate(cs, j);
        if (!x) continue;
        const w = q.stems.some((s) => sj.quotedStems.has(s)) ? W.quotesQuoted : q.stems.length >= 2 ? W.quotesPhrase : W.quotesWord;
        x.weights.push(w);
        x.evidence.push(() => `quotes "${q.text}" from comment ${j + 1}`);
      }
    }
    const shared = new Map<number, string[]>();
    for (const [s, ti] of sig.words) {
      const n = recentIn(byWord, s, from);
      for (let q = 0; q < n; q++) {
        const j = scratch[q]!;
        const list = shared.get(j) ?? [];
        list.push(p.tokens[ti]!.text);
        shared.set(j, list);
      }
    }
    for (const [j, words] of shared) {
      const x = candidate(cs, j);
      if (!x) continue;
      const n = Math.min(MAX_ECHO_WORDS, words.length);
      for (let i = 0; i < n; i++) x.weights.push(W.echoesWord);
      x.evidence.push(() => `repeats ${words.slice(0, MAX_ECHO_WORDS).map((w) => `"${w}"`).join(', ')} from comment ${j + 1}`);
    }
    for (const m of sig.mentions) {
      const j = lastBy(m, k);
      const x = j >= 0 ? candidate(cs, j) : null;
      if (x) {
        x.weights.push(W.namesAuthor);
        x.named = true;
        x.evidence.push(() => `mentions @${comments[j]!.author} (author of comment ${j + 1})`);
      }
    }
    for (const name of namedAuthors(p)) {
      if (name === me) continue;
      const x = candidate(cs, lastBy(name, k));
      if (x && !x.named) {
        x.weights.push(W.namesAuthor);
        x.named = true;
        x.evidence.push(() => `names ${comments[x.j]!.author} (author of comment ${x.j + 1})`);
      }
    }
    // The nearest earlier comment by someone else: questions it asked, "you" aimed at its writer.
    let prev = k - 1;
    while (prev >= from && (!signals[prev] || authors[prev] === me)) prev--;
    const x = prev >= from ? candidate(cs, prev) : null;
    if (x) {
      const sp = signals[prev]!;
      if (sp.question) {
        x.weights.push(W.answersQuestion);
        const qa = sp.question;
        x.evidence.push(() => `answers the question in comment ${prev + 1} ("${clip(prepared[prev]!.text.slice(qa.start, qa.end))}")`);
        if (sig.firstWord && ANSWER_OPENERS.has(sig.firstWord)) {
          x.weights.push(W.answerOpener);
          x.evidence.push(() => `opens like an answer ("${p.tokens[p.words[0]!]!.text}")`);
        }
      }
      if (sig.you >= 0) {
        x.weights.push(W.addressesPrevious);
        x.evidence.push(() => `addresses "${p.tokens[sig.you]!.text}" right after comment ${prev + 1} by ${comments[prev]!.author}`);
      }
    }

    let top: { j: number; conf: number; evidence: (() => string)[] } | null = null;
    for (const x of cs.cands.values()) {
      if (x.weights.length === 0) continue;
      let miss = 1;
      for (const w of x.weights) miss *= 1 - w;
      const between = liveBefore[k]! - liveBefore[x.j]! - 1;
      const conf = (1 - miss) * DISTANCE_DECAY ** between;
      if (!top || conf > top.conf || (conf === top.conf && x.j > top.j)) top = { j: x.j, conf, evidence: x.evidence };
    }
    if (!top || top.conf < threshold) return { parentId: null, parentSource: 'none' };
    return { parentId: comments[top.j]!.id, parentSource: 'inferred', parentConfidence: Math.round(top.conf * 1000) / 1000, parentEvidence: top.evidence.map((e) => e()) };
  }

  function index(k: number, sig: ReplySignals): void {
    for (const n of sig.numbers.keys()) push(byNumber, n, k);
    for (const s of sig.words.keys()) push(byWord, s, k);
  }

  /** Earlier authors whose full name appears in the comment as whole words. */
  function namedAuthors(p: PreparedText): string[] {
    if (namesByFirst.size === 0) return [];
    const found: string[] = [];
    const { tokens, words } = p;
    for (let w = 0; w < words.length; w++) {
      const norm = tokens[words[w]!]!.norm;
      if (!firstWordShapes.has(norm)) continue;
      const names = namesByFirst.get(norm);
      if (!names) continue;
      for (const name of names) if (!found.includes(name) && nameAt(p, w, name)) found.push(name);
    }
    return found;
  }

  /** The latest comment before k by `author`, within the window (-1 if none). */
  function lastBy(author: string, k: number): number {
    for (let j = k - 1; j >= Math.max(0, k - window); j--) if (authors[j] === author) return j;
    return -1;
  }
}

/**
 * A cheap, exact-negative filter for a handful of words: (length, first and last character) of each.
 * Nearly every word of a comment fails it, so the Map of author names is rarely consulted.
 */
class ShapeFilter {
  private readonly bits = new Uint32Array(1024);
  constructor(words: Iterable<string>) {
    for (const w of words) {
      const k = ShapeFilter.key(w);
      this.bits[k >>> 5]! |= 1 << (k & 31);
    }
  }
  private static key(w: string): number {
    return (w.length * 961 + w.charCodeAt(0) * 31 + w.charCodeAt(w.length - 1)) & 0x7fff;
  }
  /** False when `w` is certainly not one of the words. */
  has(w: string): boolean {
    const k = ShapeFilter.key(w);
    return (this.bits[k >>> 5]! & (1 << (k & 31))) !== 0;
  }
}

interface CandidateSet {
  cands: Map<number, Candidate>;
  from: number;
  me: string;
  authors: readonly string[];
  signals: readonly (ReplySignals | null)[];
}

/** The candidate record for earlier comment j, or null when j cannot be the parent (too far, same author, not live). */
function candidate(cs: CandidateSet, j: number): Candidate | null {
  if (j < cs.from || cs.authors[j] === cs.me || !cs.signals[j]) return null;
  let x = cs.cands.get(j);
  if (!x) cs.cands.set(j, (x = { j, weights: [], evidence: [], named: false }));
  return x;
}

/**
 * Comments (ascending indices) per number or word. Most words occur once, so a single index is stored
 * as a number and only a second occurrence allocates an array.
 */
type Index = Map<string, number | number[]>;

function push(m: Index, key: string, k: number): void {
  const e = m.get(key);
  if (e === undefined) m.set(key, k);
  else if (typeof e === 'number') m.set(key, [e, k]);
  else e.push(k);
}

/** Reused output of recentIn (the inference is synchronous, so one buffer serves every call). */
const scratch: number[] = [];

/**
 * Copies into `scratch` the comments ≥ `from` that used `key`, newest first, and returns how many.
 * Walking back from the end and stopping at the window keeps long threads linear.
 */
function recentIn(m: Index, key: string, from: number): number {
  const e = m.get(key);
  if (e === undefined) return 0;
  if (typeof e === 'number') {
    scratch[0] = e;
    return e >= from ? 1 : 0;
  }
  let n = 0;
  for (let q = e.length - 1; q >= 0 && e[q]! >= from; q--) scratch[n++] = e[q]!;
  return n;
}

/** "308 groups": the number plus the next word when the earlier comment has that word too. */
function numberPhrase(p: PreparedText, ti: number, earlier: PreparedText): string {
  const num = p.tokens[ti]!;
  const next = p.tokens[ti + 1];
  const nextStem = next ? tokenStems(p)[ti + 1] : null;
  if (next && nextStem != null && contentStems(earlier).has(nextStem)) return p.text.slice(num.start, next.end);
  return num.text;
}

/** True when the words from word index `w` on spell `name` (lower case, space-separated). */
function nameAt(p: PreparedText, w: number, name: string): boolean {
  const parts = name.split(/\s+/);
  if (w + parts.length > p.words.length) return false;
  for (let i = 0; i < parts.length; i++) if (p.tokens[p.words[w + i]!]!.norm !== parts[i]) return false;
  return true;
}

const clip = (s: string) => (s.length > 60 ? s.slice(0, 57).trimEnd() + '...' : s).replace(/\s+/g, ' ');

/** The thread with inferred links written into its comments (explicit links untouched). */
export function applyReplyLinks(thread: Thread, links: readonly ReplyLink[]): Thread {
  return {
    ...thread,
    comments: thread.comments.map((c, i) => {
      const l = links[i];
      if (!l || l.parentSource !== 'inferred' || c.parentSource !== 'none') return c;
      return { ...c, parentId: l.parentId, parentSource: 'inferred', parentConfidence: l.parentConfidence!, parentEvidence: l.parentEvidence! };
    }),
  };
}

/** For `threadlens parse`: prepare the texts and infer (the analysis pipeline reuses its own tokens). */
export function inferThreadReplies(thread: Thread, options: ReplyInferenceOptions = {}): Thread {
  const prepared = thread.comments.map((c) => (c.status === 'live' && c.text ? prepareText(c.text) : null));
  return applyReplyLinks(thread, inferReplies(thread.comments, prepared, postText(thread), options));
}

/** The post as reply inference sees it: title, quoted headline, text (the same text in parse and analyze). */
export function postText(thread: Thread): PreparedText | null {
  const t = thread.thread;
  const s = [t.title, t.post?.quotedFrom, t.post?.text].filter(Boolean).join('\n\n');
  return s ? prepareText(s) : null;
}

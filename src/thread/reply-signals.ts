import { tokenStems } from '../text/content-words.js';
import { isSecondPerson } from '../text/second-person.js';
import type { PreparedText } from '../text/index.js';

/**
 * What one comment offers as reply evidence, read once from its prepared tokens: distinctive numbers
 * and words (those the post itself does not use), words in quotation marks, questions, "you", @names.
 */
export interface ReplySignals {
  /** Number as written → token index of its first occurrence. */
  numbers: Map<string, number>;
  /** Stem of a distinctive content word → token index of its first occurrence. */
  words: Map<string, number>;
  /** Stems inside short double-quoted stretches, with the quoted text. */
  quoted: readonly { stems: string[]; text: string }[];
  /** Stems that this comment itself put in quotation marks. */
  quotedStems: ReadonlySet<string>;
  /** Character range of the last question sentence, if any (sliced only when it becomes evidence). */
  question: { start: number; end: number } | null;
  /** Token index of the first second-person word, or -1. */
  you: number;
  /** Lower-cased @mentions without the @. */
  mentions: readonly string[];
  /** First word, lower case (answers often open with "yes", "no", "well"). */
  firstWord: string | null;
}

/** What the post already says: numbers and words it uses are not evidence that one comment answers another. */
export interface PostView {
  numbers: ReadonlySet<string>;
  words: ReadonlySet<string>;
}

const NO_QUOTES: ReplySignals['quoted'] = [];
const NO_STEMS: ReadonlySet<string> = new Set();
const NO_MENTIONS: readonly string[] = [];
const OPEN = new Set(['"', '“', '„']);
const CLOSE = new Set(['"', '”']);
const MAX_QUOTED_WORDS = 8;
/** Words shorter than this ("side", "will") are too common to show that one comment picks up another's wording. */
const MIN_ECHO_WORD = 5;

/** Numbers worth tracking: "308", "4,851", "12.5" yes; "5", "2" (too common to identify a comment) no. */
export function isDistinctiveNumber(s: string): boolean {
  return s.length >= 2 && !(s.length === 2 && s[0] === '0');
}

export function replySignals(p: PreparedText, post: PostView | null): ReplySignals {
  const { tokens, text } = p;
  const stems = tokenStems(p);
  // Quotes and mentions are rare: they share empty defaults and allocate on first use.
  const out: ReplySignals = { numbers: new Map(), words: new Map(), quoted: NO_QUOTES, quotedStems: NO_STEMS, question: null, you: -1, mentions: NO_MENTIONS, firstWord: null };
  let openAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.kind) {
      case 'number':
        if (isDistinctiveNumber(t.text) && !post?.numbers.has(t.text) && !out.numbers.has(t.text)) out.numbers.set(t.text, i);
        break;
      case 'word':
        out.firstWord ??= t.norm;
        if (out.you < 0 && isSecondPerson(t.norm)) out.you = i;
        {
          const s = stems[i];
          if (s != null && t.norm.length >= MIN_ECHO_WORD && !out.words.has(s) && !post?.words.has(t.norm)) out.words.set(s, i);
        }
        break;
      case 'mention':
        out.mentions = [...out.mentions, t.text.slice(1).toLowerCase()];
        break;
      case 'punct':
        if (OPEN.has(t.text) && openAt < 0) openAt = i;
        else if (CLOSE.has(t.text) && openAt >= 0) {
          const qs: string[] = [];
          let fromPost = true;
          for (let k = openAt + 1; k < i; k++) {
            if (stems[k] == null) continue;
            qs.push(stems[k]!);
            if (!post?.words.has(tokens[k]!.norm)) fromPost = false;
          }
          // Quoting the article is not evidence of answering a comment that quotes it too.
          if (qs.length > 0 && !fromPost && i - openAt - 1 <= MAX_QUOTED_WORDS) {
            out.quoted = [...out.quoted, { stems: qs, text: text.slice(tokens[openAt + 1]!.start, tokens[i - 1]!.end) }];
            out.quotedStems = new Set([...out.quotedStems, ...qs]);
          }
          openAt = -1;
        }
        break;
    }
    // A quote never spans a line break in comments; an unmatched opener is dropped at the line end.
    if (openAt >= 0 && i + 1 < tokens.length && hasNewline(text, t.end, tokens[i + 1]!.start)) openAt = -1;
  }
  for (const s of p.sentences) {
    const last = tokens[s.endToken - 1];
    if (last && last.kind === 'punct' && last.text.includes('?')) out.question = { start: s.start, end: s.end };
  }
  return out;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** The post's numbers and word forms (lower case), for PostView. */
export function postView(p: PreparedText | null): PostView | null {
  if (!p) return null;
  const numbers = new Set<string>();
  const words = new Set<string>();
  for (const t of p.tokens) {
    if (t.kind === 'number') numbers.add(t.text);
    else if (t.kind === 'word') words.add(t.norm);
  }
  return { numbers, words };
}

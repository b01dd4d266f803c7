import { stem } from '../text/index.js';
import cues from './lexicons/claim-cues.json' with { type: 'json' };
import classes from './lexicons/counted-classes.json' with { type: 'json' };

export type Stakes = 'people' | 'groups' | 'money' | 'percent' | 'other';

export interface CountedClass {
  id: string;
  stakes: Stakes;
  collective: boolean;
}

/** Counted-thing classes by head noun (singular, lower case). */
export const CLASS_BY_HEAD: ReadonlyMap<string, CountedClass> = new Map(
  classes.classes.flatMap((c) => c.heads.map((h) => [h, { id: c.id, stakes: c.stakes as Stakes, collective: c.collective }] as const)),
);

export const STAKES_WEIGHT: ReadonlyMap<Stakes, number> = new Map(classes.stakes.entries.map((e) => [e.stakes as Stakes, e.weight] as const));

const words = (entries: { words: string[] }[]) => new Set(entries.flatMap((e) => e.words));

export const REPORTING_VERBS: ReadonlySet<string> = words(cues.reportingVerbs.entries);
export const VAGUE_SOURCES: ReadonlySet<string> = words(cues.vagueSources.entries);
export const FIRST_PERSON: ReadonlySet<string> = words(cues.firstPerson.entries);
export const SOURCE_INTRODUCERS: readonly string[][] = cues.sourceIntroducers.entries.map((e) => e.phrase.split(' '));
/** First words of the introducers: a token that is none of these starts no introducer. */
export const INTRODUCER_STARTS: ReadonlySet<string> = new Set(SOURCE_INTRODUCERS.map((w) => w[0]!));

export interface PhraseCue {
  words: string[];
  phrase: string;
  adjacent: boolean;
}
/** Doubt cues indexed by their first word for a single scan. */
export const DOUBT_CUES: ReadonlyMap<string, PhraseCue[]> = (() => {
  const m = new Map<string, PhraseCue[]>();
  for (const e of cues.doubtCues.entries) {
    const ws = e.phrase.split(' ');
    const list = m.get(ws[0]!) ?? [];
    list.push({ words: ws, phrase: e.phrase, adjacent: e.adjacent });
    list.sort((a, b) => b.words.length - a.words.length);
    m.set(ws[0]!, list);
  }
  return m;
})();

/** Phrases indexed by their first word, so a scan does one Map lookup per token. */
export type PhraseIndex = ReadonlyMap<string, readonly string[][]>;
function phraseIndex(phrases: readonly string[]): PhraseIndex {
  const m = new Map<string, string[][]>();
  for (const p of phrases) {
    const ws = p.split(' ');
    m.set(ws[0]!, [...(m.get(ws[0]!) ?? []), ws].sort((a, b) => b.length - a.length));
  }
  return m;
}

export const ILLUSTRATIVE_CUES: PhraseIndex = phraseIndex(cues.illustrativeCues.entries.map((e) => e.phrase));
export const HEDGE_CUES: PhraseIndex = phraseIndex(cues.hedgeCues.entries.map((e) => e.phrase));

/** The first phrase of `phrases` found in tokens [from, to), as written, or null. */
export function findPhrase(tokens: readonly { norm: string; start: number; end: number }[], from: number, to: number, phrases: PhraseIndex): { start: number; end: number } | null {
  for (let i = from; i < to; i++) {
    const cands = phrases.get(tokens[i]!.norm);
    if (!cands) continue;
    for (const ph of cands) {
      if (i + ph.length > to) continue;
      let ok = true;
      for (let w = 1; w < ph.length && ok; w++) ok = tokens[i + w]!.norm === ph[w];
      if (ok) return { start: tokens[i]!.start, end: tokens[i + ph.length - 1]!.end };
    }
  }
  return null;
}

/**
 * The key two counted things must share to be "the same thing": their class, or else the stem of
 * their head ("subgroups" / "sub-groups" fall back to the stem).
 */
export function countedKey(head: string): string {
  const c = CLASS_BY_HEAD.get(head);
  return c ? c.id : stem(head.replace(/-/g, ''));
}

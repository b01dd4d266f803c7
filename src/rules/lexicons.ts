import toneCues from '../tone/lexicons/tone-cues.json' with { type: 'json' };
import aspersions from './lexicons/aspersions.json' with { type: 'json' };
import dehumanizing from './lexicons/dehumanizing.json' with { type: 'json' };
import generalisations from './lexicons/generalisations.json' with { type: 'json' };
import identity from './lexicons/identity-terms.json' with { type: 'json' };
import insults from './lexicons/insults.json' with { type: 'json' };
import lying from './lexicons/lying.json' with { type: 'json' };
import mildVulgarity from './lexicons/mild-vulgarity.json' with { type: 'json' };
import pejorative from './lexicons/pejorative-speech.json' with { type: 'json' };
import profanityAffixes from './lexicons/profanity-affixes.json' with { type: 'json' };
import profanityClasses from './lexicons/profanity-classes.json' with { type: 'json' };
import profanityExceptions from './lexicons/profanity-exceptions.json' with { type: 'json' };
import threats from './lexicons/threats.json' with { type: 'json' };
import vocatives from './lexicons/vocatives.json' with { type: 'json' };

/**
 * Every word list the incivility rules use, compiled once at module load into Sets and phrase
 * entries. The data lives in `lexicons/*.json` (each entry with its source); the ridicule phrases
 * (drug insinuation, dismissive imperatives, mockery, laughter) are shared with tone and live in
 * `src/tone/lexicons/tone-cues.json`, so they are not duplicated here.
 */

/** A multi-word (or one-word) entry; `words` are lower-case tokens as our tokenizer produces them. */
export interface PhraseEntry {
  lexicon: LexiconId;
  phrase: string;
  words: string[];
  /** Lexicon-specific sub-kind (part of speech, cue kind, trope/quantifier, ...). */
  kind: string;
  note?: string;
  /** Tone cues only: the cue makes tone "hostile" (the harsher phrases). */
  hostile?: boolean;
}

export type LexiconId =
  | 'insult'
  | 'aspersion'
  | 'lying'
  | 'pejorative-speech'
  | 'threat'
  | 'dehumanizing'
  | 'generalisation'
  | 'ridicule'
  | 'laughter'
  | 'mild-vulgarity';

const entries: PhraseEntry[] = [];
const add = (lexicon: LexiconId, phrase: string, kind: string, note?: string, hostile?: boolean) =>
  entries.push({ lexicon, phrase, words: phrase.split(/[ -]/), kind, ...(note ? { note } : {}), ...(hostile !== undefined ? { hostile } : {}) });

for (const e of insults.entries) add('insult', e.phrase, e.pos);
for (const e of aspersions.entries) add('aspersion', e.phrase, 'adjective');
for (const e of lying.entries) add('lying', e.phrase, e.form);
for (const e of pejorative.entries) add('pejorative-speech', e.phrase, 'word');
for (const e of threats.entries) add('threat', e.phrase, 'phrase');
for (const e of mildVulgarity.entries) add('mild-vulgarity', e.phrase, e.kind);
for (const e of dehumanizing.entries) add('dehumanizing', e.phrase, 'word');
for (const e of generalisations.entries) add('generalisation', e.phrase, e.kind);
for (const e of toneCues.entries) add('ridicule', e.phrase, e.kind, e.note, e.hostile);
for (const t of toneCues.laughter.terms) add('laughter', t, 'laughter', toneCues.laughter.note);

/** All phrase entries, indexed by first word, longest first within a lexicon. */
export const PHRASE_INDEX: ReadonlyMap<string, readonly PhraseEntry[]> = (() => {
  const m = new Map<string, PhraseEntry[]>();
  for (const e of entries) {
    const list = m.get(e.words[0]!) ?? [];
    list.push(e);
    m.set(e.words[0]!, list);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
})();

export const IDENTITY_TERMS: ReadonlySet<string> = new Set(identity.entries.map((e) => e.term));
export const IDEA_NOUNS: ReadonlySet<string> = new Set(aspersions.ideaNouns.terms);
export const VOCATIVES: ReadonlySet<string> = new Set(vocatives.entries.map((e) => e.term));
export const SECOND_PERSON: ReadonlySet<string> = new Set(vocatives.secondPerson.terms);
export const FIRST_PERSON: ReadonlySet<string> = new Set(vocatives.firstPerson.terms);
export const DEHUMANIZING: ReadonlySet<string> = new Set(dehumanizing.entries.map((e) => e.phrase));

/** obscenity's terms by how Threadlens reads them; unlisted terms are vulgarity. */
export const PROFANITY_CLASS: ReadonlyMap<string, 'slur' | 'clinical'> = new Map(
  profanityClasses.entries.map((e) => [e.term, e.class as 'slur' | 'clinical'] as const),
);

/** Endings and compound parts a profane stem may carry inside one word (the profanity gate). */
export const PROFANITY_SUFFIXES: ReadonlySet<string> = new Set(profanityAffixes.entries.filter((e) => e.kind === 'suffix').map((e) => e.term));
export const PROFANITY_PREFIXES: ReadonlySet<string> = new Set(profanityAffixes.entries.filter((e) => e.kind === 'prefix').map((e) => e.term));

/** obscenity terms that are also names ("Dick Cheney"): not profanity when capitalised beside another capitalised word. */
export const PROFANITY_NAMES: ReadonlySet<string> = new Set(profanityExceptions.entries.filter((e) => e.kind === 'name').map((e) => e.term));
/** Fixed phrases ("magna cum laude") in which an obscenity term is not profanity, by term. */
export const PROFANITY_PHRASES: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const e of profanityExceptions.entries) if (e.kind === 'phrase' && 'phrase' in e && e.phrase) m.set(e.term, [...(m.get(e.term) ?? []), e.phrase]);
  return m;
})();

/** The raw lexicon documents, for the duplicate-check test and the docs. */
export const LEXICON_FILES = {
  aspersions,
  dehumanizing,
  generalisations,
  identity,
  insults,
  lying,
  mildVulgarity,
  pejorative,
  profanityAffixes,
  profanityClasses,
  profanityExceptions,
  threats,
  vocatives,
} as const;

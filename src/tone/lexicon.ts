import { createRequire } from 'node:module';
import cues from './lexicons/tone-cues.json' with { type: 'json' };
import topic from './lexicons/topic-terms.json' with { type: 'json' };

const require = createRequire(import.meta.url);

/**
 * AFINN-165 as shipped by the `sentiment` package, read directly so we can score our own
 * offset-keeping tokens. (Passing `extras` to sentiment.analyze would mutate its shared word list for
 * the whole process; see DESIGN.md.)
 */
export const AFINN: ReadonlyMap<string, number> = new Map(
  Object.entries(require('sentiment/languages/en/labels.json') as Record<string, number>),
);
/** sentiment's negators: a negator right before a scored word flips its sign (sentiment's strategy). */
export const NEGATORS: ReadonlySet<string> = new Set(
  Object.keys(require('sentiment/languages/en/negators.json') as Record<string, number>),
);

export const TOPIC_TERMS: ReadonlySet<string> = new Set(topic.entries.map((e) => e.term));

export interface PhraseCue {
  words: string[];
  phrase: string;
  score: number;
  kind: string;
  hostile: boolean;
  note: string;
}

/** Phrase cues indexed by their first word for a single left-to-right scan. */
export const PHRASE_CUES: ReadonlyMap<string, PhraseCue[]> = (() => {
  const m = new Map<string, PhraseCue[]>();
  for (const e of cues.entries) {
    const words = e.phrase.split(' ');
    const list = m.get(words[0]!) ?? [];
    list.push({ words, phrase: e.phrase, score: e.score, kind: e.kind, hostile: e.hostile, note: e.note });
    // Longest phrase first so "what have you been smoking" wins over a shorter prefix.
    list.sort((a, b) => b.words.length - a.words.length);
    m.set(words[0]!, list);
  }
  return m;
})();

export const LAUGHTER = { terms: new Set(cues.laughter.terms), score: cues.laughter.score, note: cues.laughter.note };
export const SARCASTIC = {
  terms: new Set(cues.sarcasticInterjections.terms),
  score: cues.sarcasticInterjections.score,
  window: cues.sarcasticInterjections.window,
  note: cues.sarcasticInterjections.note,
};

/** Words scored only after one of their gate words (AFINN polysemy: "like" the preposition). */
export const SENSE_GATES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  cues.senseGates.entries.map((e) => [e.word, new Set(e.after)] as const),
);

import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import { lexiconEvidence, ruleFinding, wordAt } from './finding.js';
import { SECOND_PERSON, VOCATIVES } from './lexicons.js';
import { matches, type PhraseMatch } from './scan.js';
import { defineRule, type RuleContext } from './types.js';

const FILE = 'src/tone/lexicons/tone-cues.json';
const INSINUATION = new Set(['drug-insinuation', 'mental-state-insinuation']);
/** Cue kinds that continue an insinuation when chained to it ("leave the drugs mn or get better info"). */
const CHAINABLE = new Set([...INSINUATION, 'dismissive-imperative']);
const LINKS = new Set(['or', 'and', 'then', 'just', 'please', 'pls', 'plz']);
const MAX_GAP = 3;

/**
 * Drug or mental-state insinuation aimed at a participant ("What are you smoking?", "leave the
 * drugs", "take your meds"). The finding grows to cover what the writer chains onto it with a
 * vocative or a conjunction, so a moderator sees the whole attack as one span.
 */
export default defineRule({
  meta: {
    id: 'drug-insinuation',
    category: 'incivility',
    description: 'Insinuates that a participant is on drugs or mentally ill ("What are you smoking?", "leave the drugs", "take your meds")',
    defaultOptions: { maxGap: MAX_GAP },
    docs: 'docs/rules/drug-insinuation.md',
  },
  create: (options) => {
    const maxGap = Number(options.maxGap ?? MAX_GAP);
    return (p: PreparedText, ctx: RuleContext): Finding[] => {
      const cues = matches(p, 'ridicule').filter((m) => CHAINABLE.has(m.entry.kind));
      const out: Finding[] = [];
      for (let i = 0; i < cues.length; i++) {
        const m = cues[i]!;
        if (!INSINUATION.has(m.entry.kind)) continue;
        let last: PhraseMatch = m;
        let vocative = false;
        // Follow the chain: cue, then up to `maxGap` vocatives / links, then another cue.
        for (let j = i + 1; j < cues.length; j++) {
          const next = cues[j]!;
          let ok = next.first > last.last && next.first - last.last - 1 <= maxGap;
          for (let w = last.last + 1; ok && w < next.first; w++) {
            const norm = wordAt(p, w);
            const isVoc = VOCATIVES.has(norm) || ctx.participants.has(norm);
            vocative ||= isVoc;
            ok = isVoc || LINKS.has(norm);
          }
          if (!ok) break;
          last = next;
          i = j;
        }
        vocative ||= VOCATIVES.has(wordAt(p, last.last + 1));
        const addressed = vocative || ctx.isReply || m.entry.words.some((w) => SECOND_PERSON.has(w)) || isClauseStart(p, m.first);
        const said = p.text.slice(m.start, last.end);
        out.push(
          ruleFinding(
            p,
            'drug-insinuation',
            m.start,
            last.end,
            addressed ? 'high' : 'medium',
            `"${said}" insinuates the other writer is on drugs or unwell instead of answering the point: ${m.entry.note ?? m.entry.kind}`,
            lexiconEvidence(m, FILE),
          ),
        );
      }
      return out;
    };
  },
});

/** An imperative at the start of a sentence or clause is addressed to the reader. */
function isClauseStart(p: PreparedText, w: number): boolean {
  if (w === 0) return true;
  const t = p.words[w]!;
  const prev = p.tokens[t - 1];
  return prev === undefined || prev.kind === 'punct' || p.sentences.some((s) => s.firstToken === t);
}

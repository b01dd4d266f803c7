import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import { lexiconEvidence, ruleFinding, wordAt } from './finding.js';
import { DEHUMANIZING, IDENTITY_TERMS } from './lexicons.js';
import { matches, type PhraseMatch } from './scan.js';
import { sentenceWords } from './target.js';
import { defineRule, type RuleContext } from './types.js';

const FILE = 'src/rules/lexicons/generalisations.json';

/**
 * Sweeping generalisations about a group: tropes ("Get ready to meet your new neighbors", "you
 * people") on their own, and quantified statements ("they all", "they only", "these people") when
 * the same or the previous sentence carries a trope, or the sentence names an identity group or uses
 * a dehumanising word. Low severity: a moderator should see it, but it is not a personal attack.
 */
export default defineRule({
  meta: {
    id: 'group-generalisation',
    category: 'incivility',
    description: 'Sweeping generalisation about a group ("they only have one place to retreat to, Europe. Get ready to meet your new neighbors")',
    defaultOptions: {},
    docs: 'docs/rules/group-generalisation.md',
  },
  create: () => (p: PreparedText, _ctx: RuleContext): Finding[] => {
    const tropes: PhraseMatch[] = [...matches(p, 'generalisation').filter((m) => m.entry.kind === 'trope'), ...matches(p, 'ridicule').filter((m) => m.entry.kind === 'othering')];
    const quantifiers = matches(p, 'generalisation').filter((m) => m.entry.kind === 'quantifier');
    const out: Finding[] = [];
    const used = new Set<PhraseMatch>();
    for (const q of quantifiers) {
      const s = sentenceWords(p, q.first);
      const inSentence = (m: PhraseMatch) => m.first >= s.lo && m.first <= s.hi;
      const nextSentence = s.hi + 1 < p.words.length ? sentenceWords(p, s.hi + 1) : null;
      const chained = tropes.filter((m) => inSentence(m) || (nextSentence !== null && m.first >= nextSentence.lo && m.first <= nextSentence.hi));
      let groupWord: string | null = null;
      for (let w = s.lo; w <= s.hi && !groupWord; w++) if (IDENTITY_TERMS.has(wordAt(p, w)) || DEHUMANIZING.has(wordAt(p, w))) groupWord = p.tokens[p.words[w]!]!.text;
      if (chained.length === 0 && !groupWord) continue;
      for (const m of chained) used.add(m);
      const end = Math.max(q.end, ...chained.map((m) => m.end));
      const said = p.text.slice(q.start, end);
      out.push(
        ruleFinding(
          p,
          'group-generalisation',
          q.start,
          end,
          'low',
          chained.length
            ? `"${shorten(said)}" generalises about a whole group ("${q.entry.phrase}" … "${chained[0]!.entry.phrase}")`
            : `"${q.entry.phrase}" generalises about a whole group ("${groupWord}")`,
          lexiconEvidence(q, FILE),
        ),
      );
    }
    for (const m of tropes) {
      if (used.has(m)) continue;
      const file = m.entry.lexicon === 'ridicule' ? 'src/tone/lexicons/tone-cues.json' : FILE;
      out.push(ruleFinding(p, 'group-generalisation', m.start, m.end, 'low', `"${p.text.slice(m.start, m.end)}" treats people as an undifferentiated group`, lexiconEvidence(m, file)));
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  },
});

function shorten(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 90 ? `${flat.slice(0, 60)} … ${flat.slice(-25)}` : flat;
}

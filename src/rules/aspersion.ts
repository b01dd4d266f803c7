import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import { lexiconEvidence, ruleFinding, wordAt } from './finding.js';
import { IDEA_NOUNS, SECOND_PERSON } from './lexicons.js';
import { describesPerson } from './name-calling.js';
import { matches } from './scan.js';
import { isNegated, precededBy } from './target.js';
import { defineRule, type RuleContext } from './types.js';

const FILE = 'src/rules/lexicons/aspersions.json';
const POINTERS = new Set(['that', 'this', 'it', "that's", "it's", 'thats', 'its', 'how', 'so', 'utterly', 'completely', 'totally', 'truly', 'most']);

export default defineRule({
  meta: {
    id: 'aspersion',
    category: 'incivility',
    description: 'Disparaging words aimed at an idea, argument or behaviour ("ridiculous argument", "that is absurd")',
    defaultOptions: {},
    docs: 'docs/rules/aspersion.md',
  },
  create: () => (p: PreparedText, _ctx: RuleContext): Finding[] => {
    const out: Finding[] = [];
    for (const m of matches(p, 'aspersion')) {
      if (isNegated(p, m.first)) continue;
      const idea = IDEA_NOUNS.has(wordAt(p, m.last + 1)) || IDEA_NOUNS.has(wordAt(p, m.last + 2));
      const pointed = precededBy(p, m.first, POINTERS, 2);
      // Words that are also insults are name-calling when said of a person; here only their idea uses.
      if (describesPerson(p, m) && !idea) continue;
      if (!idea && !pointed) continue;
      const yours = precededBy(p, m.first, SECOND_PERSON, 3) || SECOND_PERSON.has(wordAt(p, m.first - 1));
      let end = m.end;
      if (IDEA_NOUNS.has(wordAt(p, m.last + 1))) end = p.tokens[p.words[m.last + 1]!]!.end;
      const said = p.text.slice(m.start, end);
      out.push(
        ruleFinding(
          p,
          'aspersion',
          m.start,
          end,
          yours ? 'medium' : 'low',
          yours
            ? `"${said}" disparages a participant's contribution rather than answering it (aspersion)`
            : `"${said}" is a disparaging verdict on an idea or behaviour (aspersion)`,
          lexiconEvidence(m, FILE),
        ),
      );
    }
    return out;
  },
});

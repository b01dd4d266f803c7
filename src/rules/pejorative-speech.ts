import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import { lexiconEvidence, ruleFinding } from './finding.js';
import { matches } from './scan.js';
import { isNegated, targetOf } from './target.js';
import { defineRule, type RuleContext } from './types.js';

const FILE = 'src/rules/lexicons/pejorative-speech.json';

export default defineRule({
  meta: {
    id: 'pejorative-speech',
    category: 'incivility',
    description: 'Disparages how someone speaks or writes ("drivel", "stop whining", "your rant")',
    defaultOptions: {},
    docs: 'docs/rules/pejorative-speech.md',
  },
  create: () => (p: PreparedText, ctx: RuleContext): Finding[] => {
    const out: Finding[] = [];
    for (const m of matches(p, 'pejorative-speech')) {
      if (isNegated(p, m.first)) continue;
      const t = targetOf(p, ctx, m.first, m.last);
      if (t.target === 'self') continue;
      const said = p.text.slice(m.start, m.end);
      out.push(
        ruleFinding(
          p,
          'pejorative-speech',
          m.start,
          m.end,
          t.target === 'participant' ? 'medium' : 'low',
          `"${said}" disparages the way someone communicates (pejorative for speech)${t.target === 'participant' ? `, ${t.why}` : ''}`,
          lexiconEvidence(m, FILE),
        ),
      );
    }
    return out;
  },
});

import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import { lexiconEvidence, ruleFinding, wordAt } from './finding.js';
import { matches } from './scan.js';
import { isNegated, precededBy, targetOf } from './target.js';
import { defineRule, type RuleContext } from './types.js';

const FILE = 'src/rules/lexicons/lying.json';
/** "lies ahead", "lie down", "lied on the floor": the other senses of lie. */
const OTHER_SENSE_NEXT = new Set(['ahead', 'down', 'in', 'on', 'at', 'within', 'beneath', 'behind', 'with', 'between', 'there', 'here', 'low', 'dormant', 'flat']);
const AGENTS = new Set(['you', "you're", 'youre', 'your', 'u', 'ur', 'he', "he's", 'his', 'she', "she's", 'her', 'they', "they're", 'their', 'stop', 'keep', 'more', 'blatant', 'outright', 'pack', 'spreading', 'spread', 'telling', 'told', 'tell']);

export default defineRule({
  meta: {
    id: 'lying-accusation',
    category: 'incivility',
    description: 'Accuses someone of lying or dishonesty ("you are lying", "liar", "that is a lie")',
    defaultOptions: {},
    docs: 'docs/rules/lying-accusation.md',
  },
  create: () => (p: PreparedText, ctx: RuleContext): Finding[] => {
    const out: Finding[] = [];
    for (const m of matches(p, 'lying')) {
      const form = m.entry.kind;
      if (form === 'verb' || (form === 'noun' && !m.entry.phrase.startsWith('liar'))) {
        if (OTHER_SENSE_NEXT.has(wordAt(p, m.last + 1))) continue;
        if (!precededBy(p, m.first, AGENTS, 3)) continue;
      }
      if (form !== 'phrase' && isNegated(p, m.first)) continue;
      const t = targetOf(p, ctx, m.first, m.last);
      if (t.target === 'self') continue;
      const said = p.text.slice(m.start, m.end);
      out.push(
        ruleFinding(
          p,
          'lying-accusation',
          m.start,
          m.end,
          t.target === 'participant' ? 'high' : 'low',
          t.target === 'participant'
            ? `"${said}" accuses a participant of lying (${t.why}) instead of disputing the point`
            : `"${said}" accuses someone of lying ${t.why}`,
          lexiconEvidence(m, FILE),
        ),
      );
    }
    return out;
  },
});

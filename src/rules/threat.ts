import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import { lexiconEvidence, ruleFinding } from './finding.js';
import { matches } from './scan.js';
import { defineRule, type RuleContext } from './types.js';

const FILE = 'src/rules/lexicons/threats.json';

export default defineRule({
  meta: {
    id: 'threat',
    category: 'incivility',
    description: 'Threatens harm to a person, their safety or their career ("I know where you live", "kill yourself")',
    defaultOptions: {},
    docs: 'docs/rules/threat.md',
  },
  create: () => (p: PreparedText, _ctx: RuleContext): Finding[] =>
    matches(p, 'threat').map((m) =>
      ruleFinding(
        p,
        'threat',
        m.start,
        m.end,
        'high',
        `"${p.text.slice(m.start, m.end)}" threatens harm to a person: always for a moderator to see`,
        lexiconEvidence(m, FILE),
      ),
    ),
});

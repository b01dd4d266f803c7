import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import { lexiconEvidence, ruleFinding } from './finding.js';
import { matches } from './scan.js';
import { defineRule, type RuleContext } from './types.js';

const FILE = 'src/tone/lexicons/tone-cues.json';

export default defineRule({
  meta: {
    id: 'dismissive-imperative',
    category: 'incivility',
    description: 'Orders the reader off instead of answering ("get a clue", "grow up", "get better info", "shut up")',
    defaultOptions: {},
    docs: 'docs/rules/dismissive-imperative.md',
  },
  create: () => (p: PreparedText, _ctx: RuleContext): Finding[] =>
    matches(p, 'ridicule')
      .filter((m) => m.entry.kind === 'dismissive-imperative')
      .map((m) => {
        // The shared tone cue marks the harsher ones ("shut up", "get a life") as hostile.
        const hostile = m.entry.hostile === true;
        return ruleFinding(
          p,
          'dismissive-imperative',
          m.start,
          m.end,
          hostile ? 'medium' : 'low',
          `"${p.text.slice(m.start, m.end)}" dismisses the reader instead of answering: ${m.entry.note ?? 'dismissive imperative'}`,
          lexiconEvidence(m, FILE),
        );
      }),
});


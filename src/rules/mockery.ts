import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import { lexiconEvidence, ruleFinding } from './finding.js';
import { SECOND_PERSON } from './lexicons.js';
import { matches } from './scan.js';
import { defineRule, type RuleContext } from './types.js';

const FILE = 'src/tone/lexicons/tone-cues.json';
/** Tone-cue kinds that are ridicule of a participant's point (the insinuation kinds have their own rule). */
const MOCKING_KINDS = new Set(['mockery', 'sarcasm', 'dismissive']);

export default defineRule({
  meta: {
    id: 'mockery',
    category: 'incivility',
    description: 'Laughing at or ridiculing a participant\'s point ("LOL" in a reply, "yeah right", "nice try", "cry more")',
    defaultOptions: {},
    docs: 'docs/rules/mockery.md',
  },
  create: () => (p: PreparedText, ctx: RuleContext): Finding[] => {
    const out: Finding[] = [];
    const addresses = ctx.isReply || p.words.some((i) => SECOND_PERSON.has(p.tokens[i]!.norm));
    for (const m of matches(p, 'laughter')) {
      // A laugh on its own, outside a reply, is not aimed at anyone.
      if (!addresses) continue;
      out.push(ruleFinding(p, 'mockery', m.start, m.end, 'low', `"${p.text.slice(m.start, m.end)}" laughs at another participant's point (mockery)`, lexiconEvidence(m, FILE)));
    }
    for (const m of matches(p, 'ridicule')) {
      if (!MOCKING_KINDS.has(m.entry.kind)) continue;
      const said = p.text.slice(m.start, m.end);
      out.push(ruleFinding(p, 'mockery', m.start, m.end, 'low', `"${said}" ridicules the previous point: ${m.entry.note ?? m.entry.kind}`, lexiconEvidence(m, FILE)));
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  },
});

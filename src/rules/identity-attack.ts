import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import { ruleFinding, wordAt } from './finding.js';
import { DEHUMANIZING, IDENTITY_TERMS } from './lexicons.js';
import { profanity } from './profanity.js';
import { sentenceWords } from './target.js';
import { defineRule, type RuleContext } from './types.js';

const WINDOW = 4;
const SLUR_EVIDENCE = { kind: 'lexicon', text: 'slur in the obscenity English dataset (classified in src/rules/lexicons/profanity-classes.json)', ref: { type: 'lexicon' as const, id: 'profanity-classes' } };

/**
 * Slurs, and dehumanising words applied to an identity group ("<group> are vermin"). An identity
 * term on its own never fires: "Muslim", "gay" or "immigrant" in a neutral sentence is not an attack.
 */
export default defineRule({
  meta: {
    id: 'identity-attack',
    category: 'incivility',
    description: 'Slurs and dehumanising language about a group defined by race, religion, nationality, gender or sexuality',
    defaultOptions: { window: WINDOW },
    docs: 'docs/rules/identity-attack.md',
  },
  create: (options) => {
    const window = Number(options.window ?? WINDOW);
    return (p: PreparedText, _ctx: RuleContext): Finding[] => {
      const out: Finding[] = [];
      for (const h of profanity(p)) {
        if (h.kind !== 'slur') continue;
        out.push(ruleFinding(p, 'identity-attack', h.start, h.end, 'high', `"${p.text.slice(h.start, h.end)}" is a slur`, [SLUR_EVIDENCE]));
      }
      for (let w = 0; w < p.words.length; w++) {
        if (!DEHUMANIZING.has(wordAt(p, w))) continue;
        const s = sentenceWords(p, w);
        for (let k = Math.max(s.lo, w - window); k <= Math.min(s.hi, w + window); k++) {
          if (k === w || !IDENTITY_TERMS.has(wordAt(p, k))) continue;
          const a = Math.min(k, w);
          const b = Math.max(k, w);
          const start = p.tokens[p.words[a]!]!.start;
          const end = p.tokens[p.words[b]!]!.end;
          out.push(
            ruleFinding(
              p,
              'identity-attack',
              start,
              end,
              'high',
              `"${p.text.slice(start, end)}" applies the dehumanising word "${p.tokens[p.words[w]!]!.text}" to a group ("${p.tokens[p.words[k]!]!.text}")`,
              [{ kind: 'lexicon', text: 'src/rules/lexicons/dehumanizing.json + identity-terms.json', ref: { type: 'lexicon', id: 'dehumanizing' } }],
            ),
          );
          break;
        }
      }
      return out;
    };
  },
});

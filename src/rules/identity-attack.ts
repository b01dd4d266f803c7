import type { Finding } from '../model/index.js';
import { isContentWord } from '../text/content-words.js';
import type { PreparedText } from '../text/index.js';
import { ruleFinding, wordAt } from './finding.js';
import { DEHUMANIZING, IDENTITY_TERMS } from './lexicons.js';
import { profanity } from './profanity.js';
import { sentenceWords } from './target.js';
import { defineRule, type RuleContext } from './types.js';

const WINDOW = 4;
/**
 * Singular dehumanising words that are also everyday noun modifiers ("animal migrations", "cancer
 * research", "a savage attack"). Directly before another content word they name a kind of thing, not
 * a group of people, so "Mexican walls disrupt major animal migrations" is not an attack. A following
 * -ing word still counts ("a cancer eating our towns"), and plurals ("animals", "rats") never skip.
 */
const MODIFIER_NOUNS: ReadonlySet<string> = new Set(['animal', 'disease', 'cancer', 'plague', 'parasite', 'savage', 'infestation', 'filth']);

/** True when word `w` modifies the next word (same sentence, nothing between them but a space). */
function modifiesNextWord(p: PreparedText, w: number): boolean {
  if (!MODIFIER_NOUNS.has(wordAt(p, w)) || w + 1 >= p.words.length) return false;
  const here = p.words[w]!;
  const next = p.words[w + 1]!;
  if (next !== here + 1) return false; // punctuation or a number in between
  const between = p.text.slice(p.tokens[here]!.end, p.tokens[next]!.start);
  if (!/^[ \t]+$/.test(between)) return false;
  const norm = wordAt(p, w + 1);
  return isContentWord(norm) && !norm.endsWith('ing');
}
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
        if (!DEHUMANIZING.has(wordAt(p, w)) || modifiesNextWord(p, w)) continue;
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

import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import { lexiconEvidence, ruleFinding, wordAt } from './finding.js';
import { SECOND_PERSON } from './lexicons.js';
import { matches, type PhraseMatch } from './scan.js';
import { isNegated, precededBy, targetOf } from './target.js';
import { defineRule, type RuleContext } from './types.js';

const FILE = 'src/rules/lexicons/insults.json';
/** Subjects and copulas that make an adjective describe a person: "you are stupid", "he's an idiot". */
const PERSON_SUBJECTS = new Set(['you', "you're", 'youre', 'ur', 'u', 'he', "he's", 'she', "she's", 'they', "they're", 'i', "i'm", 'im', 'guy', 'guys', 'people', 'person', 'man', 'woman', 'who']);
const PERSON_NOUNS = new Set(['people', 'person', 'guy', 'guys', 'man', 'men', 'woman', 'women', 'folks', 'fool', 'fools', 'idiot', 'idiots', 'kid', 'kids', 'boy', 'girl', 'liar', 'liars', 'voters', 'supporters', 'fans']);

/** Is adjective match `m` said of a person (name-calling) rather than of an idea (aspersion)? */
export function describesPerson(p: PreparedText, m: PhraseMatch): boolean {
  if (PERSON_NOUNS.has(wordAt(p, m.last + 1))) return true;
  if (SECOND_PERSON.has(wordAt(p, m.first - 1))) return true; // "you stupid ..."
  return precededBy(p, m.first, PERSON_SUBJECTS, 4) && !precededBy(p, m.first, IDEA_SUBJECTS, 2);
}
const IDEA_SUBJECTS = new Set(['idea', 'argument', 'comment', 'post', 'claim', 'logic', 'that', 'this', 'it', "it's", "that's", 'policy', 'plan']);

/** "Listen, moron, ..." / "Moron, ...": the insult itself addresses the reader. */
function isVocativeUse(p: PreparedText, m: PhraseMatch): boolean {
  const first = p.words[m.first]!;
  const last = p.words[m.last]!;
  const before = p.tokens[first - 1];
  const after = p.tokens[last + 1];
  const sep = (t: typeof before) => t === undefined || (t.kind === 'punct' && /^[,!?.]+$/.test(t.text));
  return sep(before) && sep(after) && (before?.text === ',' || after?.text === ',');
}

export default defineRule({
  meta: {
    id: 'name-calling',
    category: 'incivility',
    description: 'Insulting labels for a person ("idiot", "you are stupid"); most severe when aimed at a participant',
    defaultOptions: {},
    docs: 'docs/rules/name-calling.md',
  },
  create: () => (p: PreparedText, ctx: RuleContext): Finding[] => {
    const out: Finding[] = [];
    for (const m of matches(p, 'insult')) {
      if (m.entry.kind === 'adjective' && !describesPerson(p, m)) continue;
      if (isNegated(p, m.first)) continue;
      const t = isVocativeUse(p, m) && ctx.isReply ? { target: 'participant' as const, why: 'used as a form of address ("..., moron, ...")' } : targetOf(p, ctx, m.first, m.last);
      if (t.target === 'self') continue;
      const word = p.text.slice(m.start, m.end);
      out.push(
        ruleFinding(
          p,
          'name-calling',
          m.start,
          m.end,
          t.target === 'participant' ? 'high' : 'medium',
          t.target === 'participant'
            ? `"${word}" calls a participant names (${t.why}): a personal attack`
            : `"${word}" is name-calling ${t.why}; harsh, though not aimed at anyone in the thread`,
          lexiconEvidence(m, FILE),
        ),
      );
    }
    return out;
  },
});

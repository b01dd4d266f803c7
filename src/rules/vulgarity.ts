import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import { lexiconEvidence, ruleFinding } from './finding.js';
import { profanity } from './profanity.js';
import { SECOND_PERSON } from './lexicons.js';
import { matches } from './scan.js';
import { defineRule, type RuleContext } from './types.js';

const MILD_FILE = 'src/rules/lexicons/mild-vulgarity.json';
const EVIDENCE = { kind: 'lexicon', text: 'obscenity English dataset (with leetspeak and confusable resolution)', ref: { type: 'lexicon' as const, id: 'obscenity-english', title: 'obscenity englishDataset' } };

/** "fuck you", "screw your ...": profanity with a second-person word right next to it. */
function aimed(p: PreparedText, start: number, end: number): boolean {
  const after = /^[\s,!.]*([\p{L}']+)/u.exec(p.text.slice(end, end + 12))?.[1]?.toLowerCase();
  const before = /([\p{L}']+)[\s,]*$/u.exec(p.text.slice(Math.max(0, start - 12), start))?.[1]?.toLowerCase();
  return (after !== undefined && SECOND_PERSON.has(after)) || (before !== undefined && SECOND_PERSON.has(before));
}

export default defineRule({
  meta: {
    id: 'vulgarity',
    category: 'incivility',
    description: 'Profanity, including disguised spellings ("f*ck", "sh1t", "f u c k"), via the obscenity library, plus mild vulgarity it does not list ("damn", "crap", "wtf")',
    defaultOptions: {},
    docs: 'docs/rules/vulgarity.md',
  },
  create: () => (p: PreparedText, _ctx: RuleContext): Finding[] => {
    const out: Finding[] = [];
    // Aimed at the reader ("fuck you", "damn you") is high; otherwise medium.
    const add = (start: number, end: number, plain: (said: string) => string, noun: string, evidence: Finding['evidence']) => {
      const said = p.text.slice(start, end);
      const atReader = aimed(p, start, end);
      out.push(ruleFinding(p, 'vulgarity', start, end, atReader ? 'high' : 'medium', atReader ? `"${said}" is ${noun} aimed at the reader` : plain(said), evidence));
    };
    for (const h of profanity(p)) {
      if (h.kind === 'vulgar') add(h.start, h.end, (said) => `"${said}" is profanity (a form of "${h.term}")`, 'profanity', [EVIDENCE]);
    }
    // obscenity leaves out the milder words incivility codebooks still count ("damn", "crap", "wtf").
    for (const m of matches(p, 'mild-vulgarity')) {
      if (out.some((f) => f.span.start < m.end && m.start < f.span.end)) continue;
      add(m.start, m.end, (said) => `"${said}" is mild vulgarity`, 'vulgarity', lexiconEvidence(m, MILD_FILE));
    }
    return out;
  },
});

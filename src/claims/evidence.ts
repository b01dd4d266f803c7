import type { NumberIndex } from '../corpus/number-index.js';
import type { Claim, ClaimChallenge, ClaimSource, Evidence } from '../model/index.js';
import type { PriorAssertion } from './roles.js';
import type { CorpusMatch } from './support.js';

const EXCERPT_CHARS = 160;
/** At most this many articles are cited for one claim (best context overlap first). */
const MAX_CITED = 3;

/** One entry per article (its best-matching number), with the sentence around the number. */
export function articleEvidence(kind: 'corroborated-by' | 'contradicted-by', matches: readonly CorpusMatch[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const m of matches) {
    const src = m.entry.source;
    if (seen.has(src.id) || out.length >= MAX_CITED) continue;
    seen.add(src.id);
    const am = m.entry.mention;
    const p = src.prepared;
    const end = am.counted && !am.counted.inferred ? Math.max(am.end, am.counted.end) : am.end;
    const shared = [...m.sharedNames, ...m.sharedWords].slice(0, 5);
    out.push({
      kind,
      text: `${src.kind === 'post' ? 'the post' : src.id} states "${p.text.slice(am.start, end)}": "${excerpt(p.text, p.sentences[am.sentence]!, am.start)}"${shared.length ? ` (shared context: ${shared.join(', ')})` : ''}`,
      ref: { type: 'article', id: src.id, ...(src.title ? { title: src.title } : {}), span: { start: am.start, end } },
    });
  }
  return out;
}

export function sourceEvidence(s: ClaimSource): Evidence {
  const QUALITY = { linked: 'a link', named: 'a named source, no link', 'first-hand': "the writer's own experience", vague: 'a vague source, no link' };
  return {
    kind: 'attribution',
    text: s.quality === 'first-hand' ? `told as the writer's own experience ("${s.text}")` : `attributed to "${s.text}" (${QUALITY[s.quality]})`,
    ref: s.url ? { type: 'url', id: s.url } : { type: 'comment', span: s.span },
  };
}

export function searchedEvidence(index: NumberIndex, claim: Claim, found: number): Evidence {
  const n = index.sources.length;
  if (n === 0) return { kind: 'articles-searched', text: 'no articles were given to check this figure against' };
  const what = claim.counted ? `${claim.counted.head} counts` : `${claim.kind} figures`;
  return {
    kind: 'articles-searched',
    text: `searched ${corpusName(index)} for ${what}: ${found === 0 ? 'none states this figure' : `${found} related figure${found === 1 ? '' : 's'}`}`,
  };
}

export function echoEvidence(prior: PriorAssertion, original: Claim): Evidence {
  return {
    kind: 'echo-of',
    text: `repeats "${original.actual}" from comment ${prior.commentIndex + 1}`,
    ref: { type: 'comment', id: prior.commentId, span: original.span },
  };
}

export function challengeEvidence(c: ClaimChallenge): Evidence {
  return {
    kind: 'challenged-by',
    text: `comment ${c.index + 1} repeats "${c.actual}" with doubt: ${c.cue}`,
    ref: { type: 'comment', id: c.commentId, span: c.span },
  };
}

/** "source", "the post and 4 articles": names up to two texts, counts more (the report lists them). */
function corpusName(index: NumberIndex): string {
  const names = index.sources.map((s) => (s.kind === 'post' ? 'the post' : s.id));
  if (names.length <= 2) return names.join(' and ');
  const articles = index.sources.filter((s) => s.kind === 'article').length;
  const post = index.sources.length > articles;
  return `${post ? 'the post and ' : ''}${articles} article${articles === 1 ? '' : 's'}`;
}

/** The sentence around a number, cut to a readable length centred on it. */
function excerpt(text: string, s: { start: number; end: number }, at: number): string {
  let from = s.start;
  let to = s.end;
  if (to - from > EXCERPT_CHARS) {
    from = Math.max(s.start, at - EXCERPT_CHARS / 2);
    to = Math.min(s.end, from + EXCERPT_CHARS);
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > s.start ? '…' : ''}${body}${to < s.end ? '…' : ''}`;
}

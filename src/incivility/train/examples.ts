import { isHeldOut, loadGithub, loadReddit, loadToxicSpans, SPLITS, type SpanPost } from '../../eval/datasets.js';
import { EMPTY_CONTEXT, runRules, type RuleCheck } from '../../rules/index.js';
import { prepareText, type PreparedText } from '../../text/index.js';
import { cachedWord, commentFeatures, EDGE_HASH, modelWords, tokenFeatures, type WordFeatures } from '../features.js';
import type { Example } from './logreg.js';

export type Source = 'reddit' | 'github' | 'tsd';

export interface CommentExample extends Example {
  source: Source;
  key: string;
  /** The rule findings' strongest score per rule (for choosing the combined threshold). */
  ruleScores: number[];
}

export interface ExampleOptions {
  /** GitHub incivility types that count as uncivil for training; other types are left out. */
  githubTypes: readonly string[];
  sourceWeights: Record<Source, number>;
  /** Sentences shorter than this many words are skipped when Toxic Spans posts are split. */
  minSentenceWords: number;
}

const cache = new Map<string, WordFeatures>();

function commentExample(p: PreparedText, y: boolean, source: Source, key: string, w: number, checks: readonly { check: RuleCheck }[]): CommentExample {
  const { buckets, scale } = commentFeatures(p, cache);
  const strongest = new Map<string, number>();
  for (const f of runRules(checks, p, EMPTY_CONTEXT)) strongest.set(f.ruleId, Math.max(strongest.get(f.ruleId) ?? 0, f.score));
  return { idx: Int32Array.from(buckets), scale, y: y ? 1 : 0, w, source, key, ruleScores: [...strongest.values()] };
}

/**
 * Comment-level training rows: Reddit and GitHub rows outside their held-out splits, and sentences of
 * Toxic Spans train posts (a sentence is uncivil when it overlaps a gold toxic span; posts whose gold
 * is empty are skipped, their label is unclear). Toxic Spans posts in its dev split are left out.
 */
export function commentExamples(dir: string, o: ExampleOptions, checks: readonly { check: RuleCheck }[]): CommentExample[] {
  const out: CommentExample[] = [];
  for (const r of loadReddit(dir)) {
    if (isHeldOut(r.key, SPLITS.redditTest)) continue;
    out.push(commentExample(prepareText(r.text), r.uncivil, 'reddit', r.key, o.sourceWeights.reddit, checks));
  }
  const types = new Set(o.githubTypes);
  for (const r of loadGithub(dir)) {
    if (isHeldOut(r.key, SPLITS.githubTest)) continue;
    if (r.type !== null && !types.has(r.type)) continue;
    out.push(commentExample(prepareText(r.text), r.uncivil, 'github', r.key, o.sourceWeights.github, checks));
  }
  for (const post of loadToxicSpans(dir, 'tsdTrain')) {
    if (post.spans.length === 0 || isHeldOut(post.text, SPLITS.tsdDev)) continue;
    const p = prepareText(post.text);
    const gold = new Set(post.spans);
    for (const s of p.sentences) {
      const text = post.text.slice(s.start, s.end);
      const sp = prepareText(text);
      if (sp.words.length < o.minSentenceWords) continue;
      let toxic = false;
      for (let c = s.start; c < s.end && !toxic; c++) toxic = gold.has(c);
      out.push(commentExample(sp, toxic, 'tsd', post.text, o.sourceWeights.tsd, checks));
    }
  }
  return out;
}

/** A word is a toxic-span word when at least half its characters are in the gold span. */
export function tokenExamples(posts: readonly SpanPost[]): Example[] {
  const out: Example[] = [];
  for (const post of posts) {
    const p = prepareText(post.text);
    const gold = new Set(post.spans);
    const words = modelWords(p);
    const feats = words.map((i) => cachedWord(p.tokens[i]!.norm, cache));
    for (let k = 0; k < words.length; k++) {
      const t = p.tokens[words[k]!]!;
      let inGold = 0;
      for (let c = t.start; c < t.end; c++) if (gold.has(c)) inGold++;
      const idx = tokenFeatures(k > 0 ? feats[k - 1]!.hash : EDGE_HASH, feats[k]!, k + 1 < feats.length ? feats[k + 1]!.hash : EDGE_HASH);
      out.push({ idx: Int32Array.from(idx), scale: 1, y: inGold * 2 >= t.end - t.start ? 1 : 0, w: 1 });
    }
  }
  return out;
}

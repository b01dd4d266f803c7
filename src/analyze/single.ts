import type { Article, Comment, ScoreInput, ScoreOutput, Thread } from '../model/index.js';
import type { AnalysisOptions } from './context.js';
import { analyzeThread } from './pipeline.js';

/**
 * Score one comment outside any thread file (the `score` command): the parent text becomes the
 * comment it replies to and the source text the article, so every analyzer sees the same context it
 * would in a thread.
 */
export function analyzeSingle(input: ScoreInput, options: AnalysisOptions = {}): ScoreOutput {
  const comments: Comment[] = [];
  const base = { author: '', createdAt: null, status: 'live' as const };
  if (input.parent_text) {
    comments.push({ ...base, id: 'parent', index: 0, text: input.parent_text, parentId: null, parentSource: 'none' });
  }
  comments.push({
    ...base,
    id: 'comment',
    index: comments.length,
    text: input.text,
    parentId: input.parent_text ? 'parent' : null,
    parentSource: input.parent_text ? 'explicit' : 'none',
  });
  const articles: Article[] = input.source_text ? [{ id: 'source', title: null, date: null, body: input.source_text }] : [];
  const thread: Thread = {
    thread: {
      id: 'score',
      format: 'score',
      sourceFile: null,
      contentHash: 'score',
      title: null,
      publishedAt: null,
      post: input.source_text ? { author: null, text: input.source_text } : null,
      declaredCommentCount: null,
      warnings: [],
    },
    comments,
  };
  const result = analyzeThread({ thread, articles, options }).comments.at(-1)!;
  const tone = result.tone ?? { label: 'neutral' as const, score: 0, findings: [] };
  const inc = result.incivility ?? { label: 'civil' as const, score: 0, findings: [] };
  const st = result.stance;
  return {
    id: input.id,
    tone: { label: tone.label, score: tone.score, findings: tone.findings },
    incivility: { label: inc.label, score: inc.score, findings: inc.findings },
    claims: result.claims,
    findings: result.findings,
    stance: {
      toSource: st ? { label: st.toSource.label, confidence: st.toSource.confidence } : { label: 'comment' as const, confidence: 0 },
      toParent: st?.toParent ? { label: st.toParent.label, confidence: st.toParent.confidence } : null,
    },
  };
}

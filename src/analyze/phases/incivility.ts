import { DEFAULT_THRESHOLDS, defaultEngine, scoreIncivility, type IncivilityThresholds } from '../../incivility/index.js';
import type { RuleContext } from '../../rules/index.js';
import { need, type AnalysisContext, type AnalysisOptions, type Slots } from '../context.js';

/** The label threshold from the analysis options (`incivilityThreshold`), else the one chosen on dev data. */
export function incivilityThresholds(options: AnalysisOptions): IncivilityThresholds {
  const t = options.incivilityThreshold;
  if (t === undefined) return DEFAULT_THRESHOLDS;
  if (typeof t !== 'number' || !(t >= 0 && t <= 1)) throw new RangeError(`incivilityThreshold must be a number between 0 and 1, got ${JSON.stringify(t)}`);
  return { ...DEFAULT_THRESHOLDS, threshold: t };
}

/**
 * Incivility per comment: the rules and the learned model, combined. Each comment sees who else is in
 * the thread (names make "Jay, you ..." an address) and the comment it answers.
 */
export function incivilityPhase(ctx: AnalysisContext): Slots['incivility'] {
  const prepared = need(ctx, 'prepared');
  const engine = defaultEngine();
  const thresholds = incivilityThresholds(ctx.options);
  const comments = ctx.thread.comments;
  const byId = new Map(comments.map((c, i) => [c.id, i] as const));
  const participants = new Set<string>();
  for (const c of comments) {
    const name = c.author.trim().toLowerCase();
    if (!name) continue;
    participants.add(name);
    for (const part of name.split(/\s+/)) if (part.length >= 3) participants.add(part);
  }
  return comments.map((c, i) => {
    const p = prepared[i];
    if (!p) return null;
    const parentIndex = c.parentId !== null ? byId.get(c.parentId) : undefined;
    const rc: RuleContext = {
      parent: parentIndex !== undefined ? (prepared[parentIndex] ?? null) : null,
      parentAuthor: parentIndex !== undefined ? comments[parentIndex]!.author : null,
      participants,
      // Flat threads (Blogger) have no reply links; after the first comment, people answer each other.
      isReply: c.parentId !== null || i > 0,
    };
    return scoreIncivility(engine, p, rc, thresholds);
  });
}

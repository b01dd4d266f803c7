import type { ThreadAnalysis } from '../analyze/pipeline.js';
import type { AuthorComments, DisagreementPair, Exchange, ReplyNode, StanceSummary, ThreadView } from '../model/index.js';
import { isUncivil } from './uncivil.js';

/** The reply tree (depth-first), stance counts, who supports / denies, and the disagreement pairs. */
export function buildThreadView(analysis: ThreadAnalysis): ThreadView {
  const comments = analysis.thread.comments;
  const byId = new Map(comments.map((c, i) => [c.id, i] as const));
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  comments.forEach((c, i) => {
    const p = c.parentId !== null ? byId.get(c.parentId) : undefined;
    if (p === undefined) roots.push(i);
    else {
      const list = children.get(p);
      if (list) list.push(i);
      else children.set(p, [i]);
    }
  });

  const tree: ReplyNode[] = [];
  const links = { explicit: 0, inferred: 0, post: 0 };
  // Iterative depth-first walk: threads can be thousands of replies deep.
  const stack: [number, number][] = roots.map((i) => [i, 0] as [number, number]).reverse();
  while (stack.length) {
    const [i, depth] = stack.pop()!;
    const c = comments[i]!;
    const r = analysis.comments[i];
    const link = c.parentId === null ? 'post' : c.parentSource === 'inferred' ? 'inferred' : 'explicit';
    links[link]++;
    const node: ReplyNode = {
      commentId: c.id,
      index: c.index,
      author: c.author,
      depth,
      parentId: c.parentId,
      link,
      toSource: r?.stance?.toSource.label ?? null,
      toParent: r?.stance?.toParent?.label ?? null,
      uncivil: isUncivil(r),
    };
    if (link === 'inferred') {
      if (c.parentConfidence !== undefined) node.confidence = c.parentConfidence;
      if (c.parentEvidence) node.evidence = c.parentEvidence;
    }
    tree.push(node);
    for (const k of [...(children.get(i) ?? [])].reverse()) stack.push([k, depth + 1]);
  }
  return { tree, links, stance: stanceSummary(analysis), disagreements: disagreementPairs(analysis, byId) };
}

function stanceSummary(analysis: ThreadAnalysis): StanceSummary {
  const toSource = { support: 0, deny: 0, query: 0, comment: 0 };
  const toParent = { agree: 0, disagree: 0, neutral: 0 };
  const supporters = new Map<string, number[]>();
  const deniers = new Map<string, number[]>();
  analysis.comments.forEach((r, i) => {
    if (!r.stance) return;
    const c = analysis.thread.comments[i]!;
    toSource[r.stance.toSource.label]++;
    if (r.stance.toParent) toParent[r.stance.toParent.label]++;
    const into = r.stance.toSource.label === 'support' ? supporters : r.stance.toSource.label === 'deny' ? deniers : null;
    if (into) {
      const list = into.get(c.author) ?? [];
      into.set(c.author, list);
      list.push(c.index);
    }
  });
  const list = (m: Map<string, number[]>): AuthorComments[] => [...m].map(([author, indices]) => ({ author, indices }));
  return { toSource, toParent, supporters: list(supporters), deniers: list(deniers) };
}

function disagreementPairs(analysis: ThreadAnalysis, byId: ReadonlyMap<string, number>): DisagreementPair[] {
  const comments = analysis.thread.comments;
  const pairs = new Map<string, Exchange[]>();
  comments.forEach((c, i) => {
    const j = c.parentId !== null ? byId.get(c.parentId) : undefined;
    if (j === undefined) return;
    const parent = comments[j]!;
    if (parent.author === c.author) return;
    const r = analysis.comments[i];
    const stance = r?.stance?.toParent?.label ?? null;
    const uncivil = isUncivil(r);
    if (stance !== 'disagree' && !uncivil) return;
    const key = JSON.stringify([c.author, parent.author].sort());
    const list = pairs.get(key) ?? [];
    pairs.set(key, list);
    list.push({ commentId: c.id, index: c.index, author: c.author, repliesToIndex: parent.index, repliesTo: parent.author, stance, uncivil });
  });
  const out: DisagreementPair[] = [];
  for (const [key, exchanges] of pairs) {
    const disagreeing = exchanges.filter((e) => e.stance === 'disagree').length;
    const uncivil = exchanges.filter((e) => e.uncivil).length;
    if (disagreeing === 0 || uncivil === 0) continue;
    const authors = JSON.parse(key) as [string, string];
    out.push({ authors, exchanges, mutual: new Set(exchanges.map((e) => e.author)).size === 2, disagreeing, uncivil });
  }
  return out.sort((a, b) => b.uncivil - a.uncivil || b.exchanges.length - a.exchanges.length || a.exchanges[0]!.index - b.exchanges[0]!.index);
}

import type { Comment, Thread, Warning } from '../model/index.js';
import { InputError } from './errors.js';

/**
 * ConvoKit-style integrity check on a parsed thread: unique ids, parents that exist, no cycles,
 * indices in order, and so one root: every chain of parents ends at the post (parentId null). Duplicate ids are fatal (which comment would a decision apply to?); a dangling
 * parent or a cycle is repaired by re-attaching the comment to the post, with a warning.
 * Returns a new thread; the input is not modified.
 */
export function checkIntegrity(thread: Thread, file: string): Thread {
  const warnings: Warning[] = [...thread.thread.warnings];
  const ids = new Map<string, number>();
  thread.comments.forEach((c, i) => {
    const seen = ids.get(c.id);
    if (seen !== undefined) {
      throw new InputError('duplicate-id', file, `comment id "${c.id}" is used by comments ${seen + 1} and ${i + 1}; ids must be unique`, `/comments/${i}/id`);
    }
    ids.set(c.id, i);
  });

  const comments: Comment[] = thread.comments.map((c, i) => ({ ...c, index: i }));
  for (const c of comments) {
    if (c.parentId !== null && !ids.has(c.parentId)) {
      warnings.push({
        code: 'dangling-parent',
        message: `comment ${c.index + 1} (${c.id}) replies to "${c.parentId}", which is not in the thread; re-attached to the post`,
        where: `/comments/${c.index}/parentId`,
      });
      // Keep the link the source gave: the parent may arrive later (a Reddit morechildren fetch).
      c.meta = { ...c.meta, originalParentId: c.parentId };
      c.parentId = null;
      c.parentSource = 'none';
    }
  }
  // Cycle detection: follow parents until the post or a comment already known to reach it. Each
  // comment is walked past once, so a deep reply chain costs O(n), not O(n²).
  const byId = new Map(comments.map((c) => [c.id, c] as const));
  const rooted = new Set<string>();
  for (const c of comments) {
    const path = new Set<string>([c.id]);
    let p = c.parentId;
    let intoCycle = false;
    while (p !== null && !rooted.has(p)) {
      if (path.has(p) && p !== c.id) {
        // c leads into a cycle it is not part of: the cycle's own members are cut on their turn.
        intoCycle = true;
        break;
      }
      if (path.has(p)) {
        warnings.push({
          code: 'reply-cycle',
          message: `comment ${c.index + 1} (${c.id}) is part of a reply cycle; re-attached to the post`,
          where: `/comments/${c.index}/parentId`,
        });
        c.meta = { ...c.meta, originalParentId: c.parentId };
        c.parentId = null;
        c.parentSource = 'none';
        break;
      }
      path.add(p);
      p = byId.get(p)?.parentId ?? null;
    }
    // The walk ended at the post, or the cycle was cut at c: every comment on the path now reaches the post.
    if (!intoCycle) for (const id of path) rooted.add(id);
  }
  const reindexed = thread.comments.some((c, i) => c.index !== i);
  if (reindexed) warnings.push({ code: 'reindexed', message: 'comment indices were not 0..N-1 in file order; renumbered' });
  return { thread: { ...thread.thread, warnings }, comments };
}

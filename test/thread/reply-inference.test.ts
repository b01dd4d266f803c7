import { describe, expect, it } from 'vitest';
import type { Comment, Thread } from '../../src/model/index.js';
import { prepareText } from '../../src/text/index.js';
import { applyReplyLinks, EVIDENCE_WEIGHTS, inferReplies, inferThreadReplies, REPLY_THRESHOLD, REPLY_WINDOW } from '../../src/thread/reply-inference.js';
import { seedThread } from '../helpers/seed.js';

const comment = (i: number, author: string, text: string, over: Partial<Comment> = {}): Comment => ({
  id: `c${i + 1}`,
  index: i,
  author,
  createdAt: null,
  parentId: null,
  parentSource: 'none',
  status: 'live',
  text,
  ...over,
});
const infer = (comments: Comment[], post: string | null = null) =>
  inferReplies(comments, comments.map((c) => (c.status === 'live' ? prepareText(c.text) : null)), post ? prepareText(post) : null);

describe('reply inference on the seed thread', () => {
  const t = inferThreadReplies(seedThread());
  const c = (n: number) => t.comments[n - 1]!;

  it('infers comment 4 → comment 3 from the echoed "308 groups"', () => {
    expect(c(4).parentId).toBe(c(3).id);
    expect(c(4).parentSource).toBe('inferred');
    expect(c(4).parentConfidence).toBeGreaterThanOrEqual(REPLY_THRESHOLD);
    expect(c(4).parentEvidence).toContain('echoes "308 groups" from comment 3');
  });

  it('infers comment 5 → comment 4 or 3 (it questions "this 308 group")', () => {
    expect([c(3).id, c(4).id]).toContain(c(5).parentId);
    expect(c(5).parentEvidence!.some((e) => e.includes('308'))).toBe(true);
  });

  it('leaves comments without enough evidence as replies to the post', () => {
    expect(c(1).parentId).toBeNull();
    expect(c(3).parentId).toBeNull();
    expect(c(3).parentSource).toBe('none');
    expect(c(3).parentConfidence).toBeUndefined();
  });

  it('only links backwards, never to the same author, with confidence in [threshold, 1]', () => {
    for (const x of t.comments) {
      if (x.parentSource !== 'inferred') continue;
      const p = t.comments.find((y) => y.id === x.parentId)!;
      expect(p.index).toBeLessThan(x.index);
      expect(p.author).not.toBe(x.author);
      expect(x.parentConfidence).toBeLessThanOrEqual(1);
      expect(x.parentEvidence!.length).toBeGreaterThan(0);
    }
  });
});

describe('reply evidence', () => {
  it('a quoted phrase from an earlier comment links to it', () => {
    const links = infer([
      comment(0, 'ann', 'The convoy was stopped at the northern checkpoint yesterday.'),
      comment(1, 'bob', 'Weather is nice today.'),
      comment(2, 'cat', 'Where did you read "stopped at the northern checkpoint"? I saw nothing.'),
    ]);
    expect(links[2]!.parentId).toBe('c1');
    expect(links[2]!.parentEvidence![0]).toBe('quotes "stopped at the northern checkpoint" from comment 1');
  });

  it("an @mention or the author's full name links to their latest comment", () => {
    const links = infer([
      comment(0, 'Maria Lopez', 'Turnout was low.'),
      comment(1, 'bob', 'Turnout is always low in August.'),
      comment(2, 'cat', 'Totally agree with Maria Lopez on this.'),
      comment(3, 'dan', '@bob august has nothing to do with it'),
    ]);
    expect(links[2]!.parentId).toBe('c1');
    expect(links[2]!.parentEvidence).toContain('names Maria Lopez (author of comment 1)');
    expect(links[3]!.parentId).toBe('c2');
    expect(links[3]!.parentEvidence).toContain('mentions @bob (author of comment 2)');
    expect(links[3]!.parentConfidence).toBeGreaterThanOrEqual(EVIDENCE_WEIGHTS.namesAuthor);
  });

  it('an answer right after a question, opening like an answer, links to it', () => {
    const links = infer([comment(0, 'ann', 'Has anyone checked the council minutes?'), comment(1, 'bob', 'Yes, they list the vote as 7 to 2.')]);
    expect(links[1]!.parentId).toBe('c1');
    expect(links[1]!.parentEvidence!.join(' ')).toMatch(/answers the question in comment 1/);
  });

  it('numbers the post itself states are not evidence', () => {
    const comments = [comment(0, 'ann', 'They say 308 groups.'), comment(1, 'bob', 'Yes 308 groups, as reported.')];
    expect(infer(comments, 'Report: 308 groups joined.')[1]!.parentEvidence?.some((e) => e.includes('308')) ?? false).toBe(false);
    expect(infer(comments)[1]!.parentEvidence!.some((e) => e.includes('308'))).toBe(true);
  });

  it('never overwrites an explicit parent, and skips deleted comments', () => {
    const comments = [
      comment(0, 'ann', 'There were 4,851 groups.'),
      comment(1, 'bob', 'Sorry, deleted', { status: 'deleted' }),
      comment(2, 'cat', 'Not 4,851 groups, surely?', { parentId: 'c2', parentSource: 'explicit' }),
      comment(3, 'dan', 'Where does 4,851 come from?'),
    ];
    const links = infer(comments);
    expect(links[2]).toEqual({ parentId: 'c2', parentSource: 'explicit' });
    expect(links[1]).toEqual({ parentId: null, parentSource: 'none' });
    // Both comment 1 and comment 3 state 4,851: the nearer one wins.
    expect(links[3]!.parentId).toBe('c3');
    expect(links[3]!.parentEvidence).toContain('echoes "4,851" from comment 3');
  });

  it('stays below the threshold on weak evidence alone', () => {
    const links = infer([comment(0, 'ann', 'Markets fell sharply.'), comment(1, 'bob', 'Do you even read the news?')]);
    expect(links[1]).toEqual({ parentId: null, parentSource: 'none' });
  });

  it('applyReplyLinks writes inferred links only where the source had none', () => {
    const thread: Thread = { thread: seedThread().thread, comments: [comment(0, 'a', 'x 4,851'), comment(1, 'b', 'y 4,851', { parentSource: 'explicit' })] };
    const out = applyReplyLinks(thread, [
      { parentId: null, parentSource: 'none' },
      { parentId: 'c1', parentSource: 'inferred', parentConfidence: 0.9, parentEvidence: ['e'] },
    ]);
    expect(out.comments[1]!.parentSource).toBe('explicit');
    expect(out.comments[1]!.parentId).toBeNull();
  });
});

describe('reply inference at scale and against the post', () => {
  it('a quote of the post itself is not evidence', () => {
    const post = 'Officials said the "temporary closure" will last a month.';
    const links = infer(
      [comment(0, 'ann', 'A "temporary closure" they say.'), comment(1, 'bob', 'Right, "temporary closure" my foot.')],
      post,
    );
    expect(links[1]!.parentEvidence?.some((e) => e.startsWith('quotes')) ?? false).toBe(false);
  });

  it('links only within the window on a long flat thread, and keeps every explicit link', () => {
    const n = 3000;
    // Every 10th comment states a figure that repeats every `period` comments.
    const thread = (period: number) =>
      Array.from({ length: n }, (_, i) =>
        comment(i, `user${i % 7}`, i % 10 === 0 ? `Figure ${1000 + (i % period)} again, as in the report.` : `Comment number ${i} about groups and fighters.`, i % 97 === 5 ? { parentId: 'c1', parentSource: 'explicit' } : {}),
      );
    const run = (cs: Comment[]) => inferReplies(cs, cs.map((c) => prepareText(c.text)), null, { threshold: 0 });
    const far = thread(60);
    const links = run(far);
    expect(links).toHaveLength(n);
    links.forEach((l, i) => {
      if (far[i]!.parentSource === 'explicit') expect(l).toEqual({ parentId: 'c1', parentSource: 'explicit' });
      if (l.parentSource !== 'inferred') return;
      const j = Number(l.parentId!.slice(1)) - 1;
      expect(j).toBeLessThan(i);
      expect(i - j).toBeLessThanOrEqual(REPLY_WINDOW);
    });
    const echoes = (ls: typeof links) => ls.some((l) => l.parentEvidence?.some((e) => /echoes "10\d\d/.test(e)));
    expect(echoes(links)).toBe(false); // the same figure 60 comments back is outside the window
    expect(echoes(run(thread(40)))).toBe(true); // 40 back is inside it
  });
});

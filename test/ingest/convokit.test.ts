import { describe, expect, it } from 'vitest';
import { byId, expectInputError, fixtureThread, fixtureThreads, links } from '../helpers/ingest.js';

describe('ConvoKit corpus directories', () => {
  it('reads a modern corpus (speaker, conversation_id, reply-to): one thread per conversation, root as the post', async () => {
    const [r, s] = await fixtureThreads('convokit-modern');
    expect([r!.thread.id, s!.thread.id]).toEqual(['convokit:r0', 'convokit:s0']);
    expect(r!.thread).toMatchObject({ format: 'convokit', title: 'Talk:Sources', post: { author: 'ann', text: 'Is this source reliable?' } });
    expect(s!.thread.title).toBe('Talk:Other');
    expect(links(r!)).toEqual([['r1', null], ['r2', 'r1']]);
    expect(byId(r!).get('r2')).toMatchObject({ status: 'deleted', text: '', author: 'cat' });
    expect(byId(r!).get('r1')).toMatchObject({ createdAt: '2020-09-13T12:28:20.000Z', createdAtRaw: '1600000100', parentSource: 'explicit' });
  });

  it('accepts reply_to (underscore), as Reddit-derived corpora write it', async () => {
    const t = await fixtureThread('convokit-underscore');
    expect(links(t)).toEqual([['u1', null], ['u2', 'u1']]);
  });

  it('accepts the legacy user / root fields', async () => {
    const t = await fixtureThread('convokit-legacy');
    expect(t.thread.id).toBe('convokit:l0');
    expect(t.comments.map((c) => [c.id, c.author, c.parentId])).toEqual([['l1', 'bob', null]]);
  });

  it('survives a broken corpus (after potato mini-broken): cycle broken, dangling reply re-attached, null time kept null', async () => {
    const t = await fixtureThread('convokit-broken');
    const codes = t.thread.warnings.map((w) => w.code);
    expect(codes).toContain('root-replies');
    expect(codes).toContain('dangling-parent');
    expect(codes).toContain('reply-cycle');
    // Every chain of parents now ends at the post: one root.
    const c = byId(t);
    for (const x of t.comments) {
      const seen = new Set<string>();
      for (let p = x.parentId; p !== null; p = c.get(p)!.parentId) {
        expect(seen.has(p)).toBe(false);
        seen.add(p);
      }
    }
    expect(c.get('x3')).toMatchObject({ parentId: null, meta: { originalParentId: 'nowhere' } });
    expect(c.get('x1')).toMatchObject({ createdAt: null, createdAtRaw: null });
  });

  it('refuses duplicate utterance ids, naming both lines', async () => {
    await expectInputError(() => fixtureThreads('convokit-duplicate'), 'duplicate-id', /convokit-duplicate\/utterances\.jsonl \(line 3\): utterance id "x0" is used on lines 1 and 3/);
  });
});

describe('integrity on long and tangled reply chains', () => {
  it('cuts only the comments of a cycle, not one that merely replies into it, and keeps a 50,000-deep chain intact', async () => {
    const { checkIntegrity } = await import('../../src/ingest/index.js');
    const base = { index: 0, author: 'a', createdAt: null, parentSource: 'explicit' as const, status: 'live' as const, text: 't' };
    const thread = (comments: { id: string; parentId: string | null }[]) => ({
      thread: { id: 't', format: 'x', sourceFile: null, contentHash: 'h', title: null, publishedAt: null, post: null, declaredCommentCount: null, warnings: [] },
      comments: comments.map((c, i) => ({ ...base, ...c, index: i })),
    });
    // "lead" replies to a, which is in the cycle a → b → a.
    const t = checkIntegrity(thread([{ id: 'lead', parentId: 'a' }, { id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }]), 'f');
    expect(t.comments.map((c) => [c.id, c.parentId])).toEqual([['lead', 'a'], ['a', null], ['b', 'a']]);
    expect(t.thread.warnings.map((w) => w.message)).toEqual(['comment 2 (a) is part of a reply cycle; re-attached to the post']);

    const deep = Array.from({ length: 50_000 }, (_, i) => ({ id: `c${i}`, parentId: i === 0 ? null : `c${i - 1}` })).reverse();
    const d = checkIntegrity(thread(deep), 'f');
    expect(d.thread.warnings).toEqual([]);
    expect(d.comments.filter((c) => c.parentId === null).map((c) => c.id)).toEqual(['c0']);
  });
});

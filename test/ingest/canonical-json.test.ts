import { describe, expect, it } from 'vitest';
import { decodeInput, parseThread } from '../../src/ingest/index.js';
import type { Thread } from '../../src/model/index.js';
import { seedThread } from '../helpers/seed.js';

const asDoc = (v: unknown, name = 'thread.json') => decodeInput(name, Buffer.from(typeof v === 'string' ? v : JSON.stringify(v, null, 2)));

function small(): Thread {
  const t = seedThread();
  return { thread: t.thread, comments: t.comments.slice(0, 3) };
}

describe('canonical thread JSON', () => {
  it('round-trips exactly: parse(print(thread)) prints the same JSON', () => {
    const t = seedThread();
    const printed = JSON.stringify(t, null, 2);
    const again = parseThread(asDoc(printed), 'auto');
    expect(JSON.stringify(again, null, 2)).toBe(printed);
  });

  it('reports malformed JSON with line and column', () => {
    expect(() => parseThread(asDoc('{"thread": {"id": "x",\n  "comments": [}'), 'canonical')).toThrow(/thread\.json \(line 2, column \d+\): malformed JSON/);
  });

  it('says when JSON looks truncated', () => {
    const printed = JSON.stringify(small(), null, 2);
    expect(() => parseThread(asDoc(printed.slice(0, printed.length / 2)), 'canonical')).toThrow(/malformed JSON.*looks truncated/);
  });

  it('names the field with the wrong type', () => {
    const t = small() as unknown as { comments: Record<string, unknown>[] };
    t.comments[1]!.text = 42;
    expect(() => parseThread(asDoc(t), 'auto')).toThrow(/\/comments\/1\/text: must be string/);
  });

  it('refuses duplicate comment ids', () => {
    const t = small();
    t.comments[2] = { ...t.comments[2]!, id: t.comments[0]!.id };
    expect(() => parseThread(asDoc(t), 'auto')).toThrow(/comment id "c1" is used by comments 1 and 3/);
  });

  it('re-attaches a dangling parent to the post with a warning', () => {
    const t = small();
    t.comments[1] = { ...t.comments[1]!, parentId: 'c99', parentSource: 'explicit' };
    const out = parseThread(asDoc(t), 'auto');
    expect(out.comments[1]!.parentId).toBeNull();
    expect(out.thread.warnings.map((w) => w.code)).toEqual(['dangling-parent']);
  });

  it('breaks a reply cycle with a warning', () => {
    const t = small();
    t.comments[0] = { ...t.comments[0]!, parentId: 'c2', parentSource: 'explicit' };
    t.comments[1] = { ...t.comments[1]!, parentId: 'c1', parentSource: 'explicit' };
    const out = parseThread(asDoc(t), 'auto');
    expect(out.thread.warnings.some((w) => w.code === 'reply-cycle')).toBe(true);
    // After repair the parent graph is a forest: walking up from any comment ends at the post.
    const byId = new Map(out.comments.map((c) => [c.id, c]));
    for (const c of out.comments) {
      let steps = 0;
      for (let p = c.parentId; p !== null; p = byId.get(p)!.parentId) expect(++steps).toBeLessThan(out.comments.length);
    }
  });
});

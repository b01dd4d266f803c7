import { describe, expect, it } from 'vitest';
import { byId, fixtureThread, links } from '../helpers/ingest.js';

describe('Hacker News Firebase items', async () => {
  const t = await fixtureThread('hn-items.json');
  const c = byId(t);

  it('takes the story as the post and links comments by parent', () => {
    expect(t.thread).toMatchObject({ id: 'hn:100', format: 'hn-firebase', title: 'Show HN: A tiny parser', declaredCommentCount: 6 });
    expect(t.thread.post).toMatchObject({ author: 'founder', url: 'https://example.com/parser' });
    expect(links(t)).toEqual([['101', null], ['102', '101'], ['103', '101'], ['104', null], ['199', null]]);
  });

  it('turns HN HTML into text: unclosed <p> as paragraphs, &#x27; and &#x2F; decoded once', () => {
    expect(c.get('101')!.text).toBe("It's neat.\n\nSecond paragraph with a link");
    expect(c.get('101')!.html).toContain('<a href="https:&#x2F;&#x2F;example.com"');
    expect(c.get('104')!.text).toBe('Nice work');
  });

  it('keeps deleted items as placeholders and dead ones with their text, status removed', () => {
    expect(c.get('102')).toMatchObject({ status: 'deleted', author: '', text: '' });
    expect(c.get('103')).toMatchObject({ status: 'removed', author: 'troll', text: 'You are all idiots > me' });
  });

  it('records kids missing from the file and the descendants they imply', () => {
    expect(c.get('199')).toMatchObject({ status: 'missing', parentId: null });
    expect(t.thread.missingCount).toBe(2); // descendants 6, 4 loaded
    expect(c.get('101')).toMatchObject({ createdAt: '2020-09-13T12:28:20.000Z', createdAtRaw: '1600000100' });
  });

  it('accepts a single item; its absent parent is the thread root, reported as a warning', async () => {
    const one = await fixtureThread('hn-item.json');
    expect(one.thread.id).toBe('hn:500');
    expect(links(one)).toEqual([['501', null]]);
    expect(one.thread.post).toBeNull();
    expect(one.thread.warnings.map((w) => w.code)).toEqual(['no-post']);
  });
});

describe('Hacker News Algolia item', () => {
  it('reads the nested tree and keeps a deleted node (author and text null) with its replies', async () => {
    const t = await fixtureThread('hn-algolia.json');
    expect(t.thread).toMatchObject({ id: 'hn:200', format: 'hn-algolia', title: 'Ask HN: Favourite editor?', publishedAt: '2020-09-13T12:26:40.000Z' });
    expect(t.thread.post?.text).toBe('Which one & why?');
    expect(links(t)).toEqual([['201', null], ['202', '201'], ['203', null]]);
    expect(t.comments.map((x) => [x.status, x.author, x.text])).toEqual([
      ['deleted', '', ''],
      ['live', 'vimfan', 'Replying to a deleted one'],
      ['live', 'emacsfan', 'Emacs, obviously.'],
    ]);
  });
});

describe('HNPWA item', () => {
  it('nests comments by level and marks deleted ones', async () => {
    const t = await fixtureThread('hnpwa.json');
    expect(t.thread).toMatchObject({ id: 'hnpwa:300', format: 'hnpwa', declaredCommentCount: 5, missingCount: 1 });
    expect(links(t)).toEqual([['301', null], ['302', '301'], ['303', '302'], ['304', null]]);
    expect(t.comments.map((x) => [x.status, x.author, x.text])).toEqual([
      ['live', 'first', 'Top comment & more'],
      ['deleted', '', ''],
      ['live', 'third', 'Still here'],
      ['live', 'fourth', 'Another'],
    ]);
  });
});

describe('absurd nesting', () => {
  it('is refused as bad input, not an internal error', async () => {
    const { decodeInput, parseThread } = await import('../../src/ingest/index.js');
    let node = '{"id": 0, "author": "x", "text": "deep", "children": []}';
    for (let i = 1; i < 20_000; i++) node = `{"id": ${i}, "author": "x", "text": "t", "children": [${node}]}`;
    const doc = decodeInput('deep.json', Buffer.from(`{"id": 1, "type": "story", "created_at_i": 1600000000, "children": [${node}]}`));
    expect(() => parseThread(doc)).toThrow(/deep\.json: the replies are nested too deeply to read/);
  });
});

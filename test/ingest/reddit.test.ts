import { describe, expect, it } from 'vitest';
import { byId, expectInputError, fixtureThread, fixtureThreads, links } from '../helpers/ingest.js';

describe('reddit thread JSON', async () => {
  const t = await fixtureThread('reddit-thread.json');
  const c = byId(t);

  it('is sniffed and keeps the post as thread metadata', () => {
    expect(t.thread.format).toBe('reddit-thread');
    expect(t.thread.id).toBe('reddit:abc1');
    expect(t.thread.title).toBe('Council approves the & new bridge');
    expect(t.thread.post?.text).toBe('The council voted 7 to 2.');
    expect(t.thread.publishedAt).toBe('2023-11-14T22:13:20.000Z');
    expect(t.thread.declaredCommentCount).toBe(9);
  });

  it('walks nested replies depth-first, handles replies "" and links parents explicitly', () => {
    expect(links(t)).toEqual([
      ['c1', null], ['c2', 'c1'], ['c3', 'c2'], ['more-c2', 'c2'], ['c4', 'c1'], ['c5', null], ['more-c5', 'c5'], ['more-post', null],
    ]);
    expect(t.comments.every((x) => x.parentSource === 'explicit')).toBe(true);
  });

  it('decodes each entity layer once: body_html is unescaped, then rendered to text', () => {
    expect(c.get('c1')!.text).toBe('Tom & Jerry say > 5 <b> is fine');
    expect(c.get('c1')!.html).toBe('<div class="md"><p>Tom &amp; Jerry say &gt; 5 &lt;b&gt; is fine</p></div>');
    expect(c.get('c1')!.meta).toMatchObject({ markdown: 'Tom & Jerry say > 5 <b> is fine', score: 12, editedAt: '2023-11-14T22:16:40.000Z' });
  });

  it('keeps deleted and removed comments as placeholders, and an account-deleted comment as live', () => {
    expect(c.get('c2')).toMatchObject({ status: 'deleted', text: '', author: '[deleted]' });
    expect(c.get('c4')).toMatchObject({ status: 'removed', text: '', author: 'carol' });
    expect(c.get('c5')).toMatchObject({ status: 'live', text: 'Account gone, words stay', author: '[deleted]' });
  });

  it('normalises float and string created_utc to ISO UTC, keeping the raw value', () => {
    expect(c.get('c1')).toMatchObject({ createdAt: '2023-11-14T22:15:00.500Z', createdAtRaw: '1700000100.5' });
    expect(c.get('c3')).toMatchObject({ createdAt: '2023-11-14T22:20:00.000Z', createdAtRaw: '1700000400' });
  });

  it('records "more" stubs as missing placeholders and counts what they hide', () => {
    expect(c.get('more-c2')).toMatchObject({ status: 'missing', meta: { count: 4, childIds: ['c9', 'c10'] } });
    expect(c.get('more-c5')).toMatchObject({ status: 'missing', meta: { count: 0, continueThread: true } });
    expect(t.thread.missingCount).toBe(7);
  });
});

describe('reddit morechildren response', () => {
  it('re-links flat things by parent_id; parents outside the fragment are re-attached with a warning', async () => {
    const t = await fixtureThread('reddit-morechildren.json');
    expect(t.thread.format).toBe('reddit-morechildren');
    expect(t.thread.id).toBe('reddit:abc1');
    expect(links(t)).toEqual([['m1', null], ['m2', 'm1'], ['more-m1', 'm1']]);
    expect(byId(t).get('m1')!.meta).toMatchObject({ originalParentId: 'c2' });
    expect(t.thread.warnings.map((w) => w.code)).toEqual(['partial-thread', 'dangling-parent']);
    expect(t.thread.missingCount).toBe(2);
  });
});

describe('Pushshift-style NDJSON', () => {
  it('groups lines into threads by link_id and reads string timestamps', async () => {
    const [a, b] = await fixtureThreads('reddit-dump.ndjson');
    expect(a!.thread.format).toBe('reddit-ndjson');
    expect([a!.thread.id, b!.thread.id]).toEqual(['reddit:linkA', 'reddit:linkB']);
    expect(links(a!)).toEqual([['p1', null], ['p2', 'p1'], ['p3', 'p2']]);
    expect(a!.comments.map((x) => x.status)).toEqual(['live', 'removed', 'deleted']);
    expect(a!.comments[0]).toMatchObject({ text: 'Top level & first', createdAt: '2015-01-01T02:41:51.000Z', createdAtRaw: '1420080111' });
    expect(b!.comments.map((x) => x.author)).toEqual(['cat']);
  });

  it('asks for --thread when a dump holds several threads and one is wanted', async () => {
    await expectInputError(() => fixtureThread('reddit-dump.ndjson'), 'several-threads', /holds 2 threads with comments; pick one with --thread <id>: reddit:linkA \(3 comments\), reddit:linkB \(1 comment\)/);
    const b = await fixtureThread('reddit-dump.ndjson', 'auto', { thread: 'linkB' });
    expect(b.thread.id).toBe('reddit:linkB');
  });

  it('names the line of a truncated record', async () => {
    await expectInputError(() => fixtureThreads('reddit-truncated.ndjson'), 'bad-json', /reddit-truncated\.ndjson \(line 2\): malformed JSON line: .*\(the file looks truncated\)/);
  });
});

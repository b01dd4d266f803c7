import { describe, expect, it } from 'vitest';
import { byId, fixtureThread, fixtureThreads, links } from '../helpers/ingest.js';

describe('Disqus export', async () => {
  const t = await fixtureThread('disqus.xml');
  const c = byId(t);

  it('tolerates junk before the XML declaration, with a warning', () => {
    expect(t.thread.format).toBe('disqus');
    expect(t.thread.warnings[0]).toMatchObject({ code: 'junk-before-xml' });
  });

  it('joins posts to their thread and parents by dsq:id', () => {
    expect(t.thread).toMatchObject({ id: 'disqus:900', title: 'Bridge vote', url: 'https://town.example/bridge', publishedAt: '2021-05-01T10:00:00.000Z' });
    expect(links(t)).toEqual([['1001', null], ['1002', '1001'], ['1003', '1002'], ['1004', null]]);
    expect(t.comments.map((x) => x.author)).toEqual(['Ann', 'Gone', 'Ben', 'Spammer']);
  });

  it('decodes CDATA HTML once and keeps the markup', () => {
    expect(c.get('1001')!.text).toBe('Costs rose to £12 million.\n\nSource?');
    expect(c.get('1001')!.html).toBe('<p>Costs rose to &pound;12&nbsp;million.</p><p>Source?</p>');
    expect(c.get('1003')!.text).toBe('Replying to a deleted post & still here');
  });

  it('keeps a deleted post (which has a reply) and spam as placeholders with their status', () => {
    expect(c.get('1002')).toMatchObject({ status: 'deleted', text: '', meta: { anonymous: true } });
    expect(c.get('1004')).toMatchObject({ status: 'spam' });
  });

  it('reads a createdAt without Z as UTC (as the Disqus documentation writes it)', () => {
    expect(c.get('1003')).toMatchObject({ createdAt: '2021-05-01T12:00:00.000Z', createdAtRaw: '2021-05-01T12:00:00' });
  });
});

describe('WordPress WXR', async () => {
  const threads = await fixtureThreads('wxr.xml');
  const t = threads[0]!;
  const c = byId(t);

  it('makes one thread per item and leaves out items without comments', () => {
    expect(threads.map((x) => x.thread.id)).toEqual(['wordpress:42']);
    expect(t.thread).toMatchObject({ title: 'Bridge & budget', publishedAt: '2021-05-01T09:00:00.000Z', post: { author: 'editor', text: 'The council voted.' } });
  });

  it('links replies by wp:comment_parent (0 = top level)', () => {
    expect(links(t)).toEqual([['1', null], ['2', '1'], ['3', null], ['4', null], ['5', '2']]);
  });

  it('maps comment_approved and marks pingbacks', () => {
    expect(t.comments.map((x) => x.status)).toEqual(['live', 'pending', 'live', 'spam', 'removed']);
    expect(c.get('3')!.meta).toMatchObject({ commentType: 'pingback' });
    expect(c.get('3')!.text).toBe('[…] they linked here […]');
  });

  it('uses comment_date_gmt as UTC; a zero GMT date leaves the local date in meta', () => {
    expect(c.get('1')).toMatchObject({ createdAt: '2021-05-01T10:00:00.000Z', createdAtRaw: '2021-05-01 10:00:00' });
    expect(c.get('4')).toMatchObject({ createdAt: null, meta: { localDate: '2021-05-02 09:00:00' } });
  });

  it('keeps the comment\'s own line breaks (WordPress shows them) and decodes entities once', () => {
    expect(c.get('1')!.text).toBe('First line\nsecond line & bold');
    expect(c.get('2')!.authorId).toBe('7');
  });
});

describe('Blogger legacy export (Atom)', async () => {
  const t = await fixtureThread('blogger-export.xml');
  const c = byId(t);

  it('groups comments under their post (thr:in-reply-to) and ignores settings entries', () => {
    expect(t.thread).toMatchObject({ id: 'blogger:500', format: 'blogger-atom', title: 'Rebels and Russia', declaredCommentCount: 3 });
    expect(t.thread.post).toMatchObject({ author: 'WNU Editor', text: 'The post & its quote.', url: 'https://wnu.example/2016/08/rebels.html' });
    expect(t.thread.publishedAt).toBe('2016-08-06T16:00:00.000Z');
  });

  it('takes the parent comment from link rel="related", not thr:in-reply-to', () => {
    expect(links(t)).toEqual([['601', null], ['602', '601'], ['603', null]]);
    expect(t.comments.every((x) => x.parentSource === 'explicit')).toBe(true);
  });

  it('unescapes the content once, then renders the HTML', () => {
    expect(c.get('601')!.text).toBe('What are you smoking?\nSecond line & more');
    expect(c.get('601')).toMatchObject({ author: 'bn', authorId: 'https://www.blogger.com/profile/111', createdAt: '2016-08-06T17:00:00.000Z', meta: { displayTime: 'August 6, 2016 at 10:00 AM' } });
  });

  it('keeps a removed comment as a placeholder with the notice', () => {
    expect(c.get('603')).toMatchObject({ status: 'removed', text: '', meta: { notice: 'This comment has been removed by a blog administrator.' } });
  });
});

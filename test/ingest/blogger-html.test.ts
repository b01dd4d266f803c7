import { describe, expect, it } from 'vitest';
import { byId, fixtureThread, links } from '../helpers/ingest.js';

describe('Blogger rendered HTML, threaded layout', async () => {
  const t = await fixtureThread('blogger-threaded.html');
  const c = byId(t);

  it('finds every li.comment with its id, and the parent from the enclosing comment', () => {
    expect(t.thread).toMatchObject({ id: 'blogger:4242', format: 'blogger-html', title: 'Harbour walk', declaredCommentCount: 4 });
    expect(t.thread.url).toBe('https://walks.example/2019/05/harbour.html');
    expect(t.thread.post?.text).toBe('We walked 12 km.');
    expect(links(t)).toEqual([['111', null], ['222', '111'], ['333', '111'], ['444', null]]);
    expect(t.comments.map((x) => x.author)).toEqual(['Iwona', 'Author', 'Someone', 'Pat']);
  });

  it('reads the exact time from showComment (epoch ms, UTC) and keeps the display string', () => {
    expect(c.get('111')).toMatchObject({ createdAt: '2019-05-30T05:06:04.955Z', createdAtRaw: '1559192764955', meta: { displayTime: 'May 30, 2019 at 1:06 PM' } });
  });

  it('takes only the comment body (no Reply/Delete debris), with <br> as a line break', () => {
    expect(c.get('111')!.text).toBe('Lovely & long\nwalk :)');
    expect(c.get('111')!.html).toBe('Lovely &amp; long<br>walk :)');
  });

  it('keeps a comment removed by its author as a placeholder', () => {
    expect(c.get('333')).toMatchObject({ status: 'deleted', text: '', meta: { notice: 'This comment has been removed by the author.' } });
  });
});

describe('Blogger rendered HTML, classic layout', async () => {
  const t = await fixtureThread('blogger-classic.html');

  it('reads dt/dd blocks; the layout is flat, so parents are unknown', () => {
    expect(t.thread.format).toBe('blogger-html');
    expect(t.comments.map((x) => [x.id, x.author, x.parentId, x.parentSource])).toEqual([
      ['901', 'efFlh43', null, 'none'],
      ['902', 'bn', null, 'none'],
      ['903', 'Anonymous', null, 'none'],
    ]);
    expect(t.thread.declaredCommentCount).toBe(3);
    expect(t.thread.warnings).toEqual([]);
  });

  it('decodes entities once and marks an administrator removal', () => {
    expect(t.comments[0]).toMatchObject({ text: 'A few hundreds fighters… maybe.', createdAt: '2016-08-06T16:00:00.000Z' });
    expect(t.comments[2]).toMatchObject({ status: 'removed', text: '' });
  });
});

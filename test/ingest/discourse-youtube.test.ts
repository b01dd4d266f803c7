import { describe, expect, it } from 'vitest';
import { byId, fixtureThread, links } from '../helpers/ingest.js';

describe('Discourse topic', async () => {
  const t = await fixtureThread('discourse.json');
  const c = byId(t);

  it('takes post 1 as the post and uses post numbers (not ids) as comment ids and parents', () => {
    expect(t.thread).toMatchObject({ id: 'discourse:77', format: 'discourse', title: 'Road closures', declaredCommentCount: 5 });
    expect(t.thread.post).toMatchObject({ author: 'mod', text: 'Which roads & when?' });
    expect(links(t)).toEqual([['3', null], ['4', '3'], ['5', '4'], ['6', null]]);
    expect(c.get('3')).toMatchObject({ parentSource: 'explicit', meta: { postId: 1003 } });
    expect(c.get('6')!.parentSource).toBe('none');
  });

  it('leaves out system posts with a warning', () => {
    expect(t.thread.warnings).toContainEqual({ code: 'system-post', message: 'left out post 2 (small action): not comments' });
  });

  it('keeps hidden, withdrawn and deleted posts as placeholders', () => {
    expect(c.get('4')).toMatchObject({ status: 'removed', text: 'Are you sure?', meta: { hidden: true } });
    expect(c.get('5')).toMatchObject({ status: 'deleted', text: '' });
    expect(c.get('6')).toMatchObject({ status: 'removed', text: '' });
  });

  it('normalises offsets to UTC and counts posts listed in the stream but not loaded', () => {
    expect(c.get('3')).toMatchObject({ createdAt: '2022-03-01T16:00:00.000Z', createdAtRaw: '2022-03-01T11:00:00.000-05:00' });
    expect(t.thread.missingCount).toBe(1);
  });
});

describe('YouTube commentThreads', async () => {
  const t = await fixtureThread('youtube.json');
  const c = byId(t);

  it('groups by video and links replies to their top-level comment', () => {
    expect(t.thread).toMatchObject({ id: 'youtube:vid123', format: 'youtube', url: 'https://www.youtube.com/watch?v=vid123', post: null });
    expect(links(t)).toEqual([['UgxA', null], ['UgxA.r1', 'UgxA'], ['UgxA.more', 'UgxA'], ['UgxB', null]]);
  });

  it('prefers textOriginal, else renders textDisplay', () => {
    expect(c.get('UgxA')).toMatchObject({ text: 'Great & clear\nexplanation', html: 'Great &amp; clear<br>explanation', authorId: 'UC1' });
    expect(c.get('UgxA.r1')!.text).toBe('Agreed');
  });

  it('records replies the API left out and maps moderationStatus', () => {
    expect(c.get('UgxA.more')).toMatchObject({ status: 'missing', meta: { count: 2 } });
    expect(t.thread.missingCount).toBe(2);
    expect(c.get('UgxB')!.status).toBe('spam');
  });
});

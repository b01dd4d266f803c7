import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/load.js';
import { decodeInput, parseArticleText } from '../../src/ingest/index.js';
import { SEED_ARTICLES } from '../helpers/paths.js';

describe('article reader', () => {
  it('reads the four seed articles with titles, dates and no page chrome', async () => {
    const arts = await loadArticles([SEED_ARTICLES]);
    expect(arts.map((a) => [a.id, a.title, a.date])).toEqual([
      ['dailybeast-2015-rebels-backing-out', 'Exclusive: Syrian Rebels Backing Out of U.S. Fight Vs. ISIS', null],
      ['dailybeast-2016-08-05-russia-poach-rebels', 'Russia Is Trying to Poach U.S.-Trained Rebels With ‘Unlimited’ Weapons in Syria', null],
      ['freebeacon-2016-08-05-russia-pick-off-rebels', 'Report: Russia Working to Pick Off U.S.-Backed Syrian Rebels', '2016-08-05'],
      ['mesop-cnn-2017-08-04-poach-us-backed-fighters', 'MESOP NEWS MAIN STORY TODAY: First on CNN: Russia & Syrian regime seeking to poach US-backed fighters', '2017-08-04'],
    ]);
    for (const a of arts) {
      expect(a.body).not.toMatch(/Get The Beast In Your Inbox|ADVERTISEMENT|Getty Images|Terms\s+of\s+Use|Daily Digest|You are now subscribed/);
    }
  });

  it('keeps the article text the claims check needs', async () => {
    const arts = await loadArticles([SEED_ARTICLES]);
    const db2015 = arts.find((a) => a.id === 'dailybeast-2015-rebels-backing-out')!;
    expect(db2015.body).toContain('said 3,700 Syrians had volunteered in total');
    const fb = arts.find((a) => a.id.startsWith('freebeacon'))!;
    expect(fb.body).toContain('Sejry is among the 1,000 Syrian rebels');
    expect(fb.body).not.toContain('Russian army pilot in Syria'); // caption with its credit line
  });

  it('drops a photo caption and credit but keeps real sentences mentioning agencies', () => {
    const a = parseArticleText(
      decodeInput('a.txt', Buffer.from('Title here\n\nBulent Kilic/AFP/Getty Images\n\nThe AP reported the attack on Monday.\n')),
      'a',
    );
    expect(a.body).toBe('The AP reported the attack on Monday.');
  });

  it('refuses an article that is only chrome', () => {
    expect(() => parseArticleText(decodeInput('c.txt', Buffer.from('ADVERTISEMENT\n\nSubscribe\n')), 'c')).toThrow(/c\.txt: no article text found/);
  });

  it('names a missing article path', async () => {
    await expect(loadArticles(['/nope/articles'])).rejects.toThrow(/\/nope\/articles: cannot read articles: ENOENT/);
  });
});

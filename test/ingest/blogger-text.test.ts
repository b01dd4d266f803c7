import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeInput, InputError, parseThread } from '../../src/ingest/index.js';
import { SEED_THREAD } from '../helpers/paths.js';

const seedText = readFileSync(SEED_THREAD, 'utf8');
const parse = (text: string, name = 'fixture.txt') => parseThread(decodeInput(name, Buffer.from(text)), 'auto');

function expectInputError(fn: () => unknown, code: string, messagePart: RegExp): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe(code);
    expect((e as InputError).message).toMatch(messagePart);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('blogger plain text: the seed thread', () => {
  const t = parse(seedText, 'seed.txt');

  it('finds all 7 comments with exact authors, in order', () => {
    expect(t.thread.format).toBe('blogger-text');
    expect(t.comments.map((c) => c.author)).toEqual([
      'efFlh43', 'bn', 'Jay Farquharson', 'bn', 'efFlh43', 'Jay Farquharson', 'Jay Farquharson',
    ]);
    expect(t.comments.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(t.thread.declaredCommentCount).toBe(7);
    expect(t.thread.warnings).toEqual([]);
  });

  it('keeps each comment text exactly as written (trimmed)', () => {
    for (const c of t.comments) {
      expect(c.text).toBe(c.text.trim());
      expect(seedText).toContain(c.text);
    }
    expect(t.comments[1]!.text).toBe(
      'Rebels side by side with the russians LOL. What are you smoking?\n\nRight now all the rebels in Aleppo and Idlib are united, fighting Assad, Hezb, Iran, Russia. Do you think that the ones (rebels) in north Aleppo will be BFF with the russians?',
    );
    expect(t.comments[3]!.text.endsWith('leave the drugs mn or get better info.')).toBe(true);
  });

  it('reads the post: date, title, quoted source and editor note', () => {
    expect(t.thread.title).toBe('Russia Entices U.S.-Trained Syrian Rebels To Switch Sides');
    expect(t.thread.publishedAt).toBe('2016-08-06');
    expect(t.thread.post?.quotedFrom).toMatch(/^Michael Weiss, Daily Beast:/);
    expect(t.thread.post?.editorNote).toMatch(/^WNU Editor: The Russians know the price/);
    expect(t.thread.post?.text).toMatch(/^American trained and armed/);
    expect(t.thread.post?.text).not.toMatch(/Reuters|Read more/);
  });

  it('marks the flat layout: no parent, parentSource none, all live', () => {
    for (const c of t.comments) {
      expect(c.parentId).toBeNull();
      expect(c.parentSource).toBe('none');
      expect(c.status).toBe('live');
    }
  });

  it('derives the thread id from the content, so the same file gets the same id', () => {
    expect(parse(seedText).thread.id).toBe(t.thread.id);
    expect(parse(seedText + '\n\nextra said...\n\nx').thread.id).not.toBe(t.thread.id);
  });
});

describe('blogger plain text: damaged and foreign inputs', () => {
  it('reports a header count mismatch as a warning, not silently', () => {
    const t = parse(seedText.replace('7 comments:', '9 comments:'));
    expect(t.comments).toHaveLength(7);
    expect(t.thread.warnings.map((w) => w.code)).toContain('comment-count-mismatch');
    expect(t.thread.warnings[0]!.message).toMatch(/9 comment.*7 were found/);
  });

  it('parses a file truncated mid-thread and says the count does not match', () => {
    const cut = seedText.slice(0, seedText.indexOf('efFlh43 said...', seedText.indexOf('308 groups wow')));
    const t = parse(cut);
    expect(t.comments.map((c) => c.author)).toEqual(['efFlh43', 'bn', 'Jay Farquharson', 'bn']);
    expect(t.thread.warnings.find((w) => w.code === 'comment-count-mismatch')?.message).toMatch(/7 comment.*4 were found/);
  });

  it('refuses a file truncated right after the header, naming the file', () => {
    const cut = seedText.slice(0, seedText.indexOf('7 comments:') + '7 comments:'.length);
    expectInputError(() => parse(cut, 'cut.txt'), 'truncated', /^cut\.txt .*header says 7 comment\(s\) but no "Name said\.\.\." block follows/);
  });

  it('refuses an empty file', () => {
    expectInputError(() => parse('', 'empty.txt'), 'empty', /^empty\.txt: the file is empty/);
    expectInputError(() => parse('  \n\n ', 'blank.txt'), 'empty', /^blank\.txt: the file is empty/);
  });

  it('refuses a file in another format with what it looks like', () => {
    expectInputError(() => parse('{"kind": "Listing", "data": {}}', 'x.json'), 'unknown-format', /^x\.json: not a recognised thread format.*looks like JSON/);
    expectInputError(() => parse('Just an article.\n\nNo comments here.', 'a.txt'), 'unknown-format', /^a\.txt: not a recognised thread format/);
  });

  it('forced blogger-text on a non-thread says what was expected', () => {
    const doc = decodeInput('plain.txt', Buffer.from('Hello world.\n'));
    expect(() => parseThread(doc, 'blogger-text')).toThrow(/plain\.txt: no Blogger comment thread found: expected an "N comments:" header/);
  });

  it('strips Blogger UI debris and keeps removed comments as placeholders', () => {
    const t = parse(
      [
        'My post', '', '3 comments:', '', 'Ann said...', '', 'First point.', '', 'ReplyDelete', 'Replies', '',
        'Bob said...', '', 'This comment has been removed by a blog administrator.', '', 'Reply', '',
        'Cy said...', 'Second point.', 'August 7, 2016 at 3:05 PM', 'Delete', '', 'Load more...', '', 'Post a Comment', '', 'Newer Post Older Post',
      ].join('\n'),
    );
    expect(t.comments.map((c) => [c.author, c.status, c.text])).toEqual([
      ['Ann', 'live', 'First point.'],
      ['Bob', 'removed', ''],
      ['Cy', 'live', 'Second point.'],
    ]);
    expect(t.comments[1]!.meta).toEqual({ notice: 'This comment has been removed by a blog administrator.' });
    expect(t.comments[2]!.createdAtRaw).toBe('August 7, 2016 at 3:05 PM');
    expect(t.thread.warnings).toEqual([]);
  });

  it('accepts a number and "comments:" on separate lines', () => {
    const t = parse('Post\n\n2\ncomments:\n\nA said...\nhi\n\nB said...\nho\n');
    expect(t.thread.declaredCommentCount).toBe(2);
    expect(t.comments.map((c) => c.text)).toEqual(['hi', 'ho']);
  });

  it('enforces the comment limit', () => {
    const doc = decodeInput('big.txt', Buffer.from(seedText));
    expect(() => parseThread(doc, 'auto', { maxComments: 3 })).toThrow(/big\.txt: 7 comments, over the limit of 3/);
  });
});

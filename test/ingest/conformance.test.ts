import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Thread } from '../../src/model/index.js';
import { runCli } from '../helpers/cli.js';
import { REPO, SHARED_DATA } from '../helpers/paths.js';

/*
 * Conformance on real files nobody on this team wrote (../shared/data/threads, see its README):
 * `threadlens parse <file> --format auto` must succeed on every one with the right comment count,
 * authors and parent links. Expectations were read off the files by hand (and, for the Reddit
 * thread, are recomputed below from the raw JSON by an independent walk). The data directory is
 * required: without it these tests fail, they do not skip.
 */
const DATA = SHARED_DATA;
const THREADS = join(DATA, 'threads');

type Status = 'live' | 'deleted' | 'removed' | 'spam' | 'pending' | 'missing';
interface Expect {
  id: string;
  format: string;
  statuses: Partial<Record<Status, number>>;
  /** [id, author, parentId] of every non-placeholder comment, in order (omitted for the big Reddit thread). */
  comments?: [string, string, string | null][];
  missingCount?: number;
}

const null24 = (ids: string[], authors: string[]) => ids.map((id, i): [string, string, null] => [id, authors[i]!, null]);

const EXPECTED: Record<string, Expect[]> = {
  'blogger-threaded-24.html': [{
    id: 'blogger:5705526651659233718', format: 'blogger-html', statuses: { live: 24 },
    comments: null24(
      ['7704569152969066600', '2925100285921034305', '2605270586823214546', '8558126846009562781', '8776379075438665669', '4456423330901151910', '9057049636402700514', '2798798960293209782', '1329220156152292960', '1590006011713954010', '5772714855704248401', '7588255742960684441', '1648001528111248930', '8573215561128398457', '4579150749016334868', '6562825361774497687', '2792864984471204854', '2628344504689912918', '5096451107316814108', '2461350786486794426', '6384775904495872246', '4119184502081895167', '4932663984335708254', '107785299162190222'],
      ['Iwona', 'Liz That Skinny Chick Can Bake', 'Rose world', 'mun', 'Ivana Split', 'So Alice', 'Tanza Erlambang', 'The Yum List', 'Nancy Chan', "Carolyna's world", 'BABALUCCIA', 'Rowena @ rolala loves', 'ALLIE NYC', 'Silvia Negretti', 'Amy Fashion Blog', 'Ivana Split', 'windowtothebeauty', 'Paola Lauretano', 'RaeAbigael', 'Królowa Karo', 'Carmen Cotugno', 'Carolina G. Ticala', 'Candy Crow', 'Amy Aed'],
    ),
  }],
  'convokit-mini': [
    { id: 'convokit:c0', format: 'convokit', statuses: { live: 3 }, comments: [['c1', 'bob', null], ['c2', 'carol', null], ['c3', 'alice', 'c1']] },
    { id: 'convokit:d0', format: 'convokit', statuses: { live: 1 }, comments: [['d1', 'erin', null]] },
  ],
  'discourse-topic.json': [
    // Post 1 is the topic (the post); post 2 is a moderator action ("now pinned"), left out with a warning.
    { id: 'discourse:57', format: 'discourse', statuses: { live: 2 }, comments: [['3', 'stienman', null], ['14', 'splattne', null]] },
  ],
  'disqus-radiot.xml': [
    { id: 'disqus:247918464', format: 'disqus', statuses: { live: 2 }, comments: [['299986072', 'No Username', null], ['line-102', 'Blah Noname', null]] },
    {
      id: 'disqus:247937687', format: 'disqus', statuses: { live: 3, spam: 1 },
      comments: [['299619020', 'Alexander Blah', null], ['299744309', 'mikhail', null], ['299986073', 'Spam Noname', null], ['x299986073', 'Noname', null]],
    },
  ],
  'hn-firebase-items.json': [
    { id: 'hn:8863', format: 'hn-firebase', statuses: { missing: 33 }, comments: [], missingCount: 71 },
    { id: 'hn:2921506', format: 'hn-firebase', statuses: { live: 1, missing: 7 }, comments: [['2921983', 'norvig', null]], missingCount: 7 },
    { id: 'hn:121003', format: 'hn-firebase', statuses: { missing: 3 }, comments: [], missingCount: 16 },
    { id: 'hn:126809', format: 'hn-firebase', statuses: { missing: 25 }, comments: [], missingCount: 54 },
  ],
  'reddit-thread.json': [{ id: 'reddit:1cebxh', format: 'reddit-thread', statuses: { live: 194, deleted: 4, removed: 1, missing: 125 }, missingCount: 1660 }],
  'wordpress-wxr-small.xml': [
    {
      id: 'wordpress:18', format: 'wordpress', statuses: { live: 7 },
      comments: [['2', 'Ohai', null], ['6', 'Tester', null], ['7', 'Tester', '6'], ['8', 'Tester', '7'], ['9', 'Tester', '7'], ['10', 'Multiline Author', null], ['11', 'Letzter :/', null]],
    },
    { id: 'wordpress:http://example.tld/?p=4', format: 'wordpress', statuses: { live: 1 }, comments: [['11', 'Anonymous', null]] },
  ],
};

async function parseAuto(name: string): Promise<Thread[]> {
  const r = await runCli(['parse', join(THREADS, name), '--format', 'auto']);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout) as Thread | Thread[];
  return Array.isArray(out) ? out : [out];
}

describe('conformance: threadlens parse --format auto on real files', () => {
  it(`has the shared data directory (${THREADS})`, () => {
    expect(existsSync(THREADS), `missing ${THREADS}: these tests need ../shared/data (or THREADLENS_DATA) and do not skip`).toBe(true);
  });

  it('covers every file there (a new file needs its expectations here)', () => {
    const files = readdirSync(THREADS).filter((f) => f !== 'README.md').sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const threads = await parseAuto(name);
    expect(threads.map((t) => [t.thread.id, t.thread.format])).toEqual(expected.map((e) => [e.id, e.format]));
    threads.forEach((t, i) => {
      const e = expected[i]!;
      const statuses: Record<string, number> = {};
      for (const c of t.comments) statuses[c.status] = (statuses[c.status] ?? 0) + 1;
      expect(statuses).toEqual(e.statuses);
      if (e.comments) expect(t.comments.filter((c) => c.status !== 'missing').map((c) => [c.id, c.author, c.parentId])).toEqual(e.comments);
      if (e.missingCount !== undefined) expect(t.thread.missingCount).toBe(e.missingCount);
      // Every parent a comment names is in the thread (one root: chains end at the post).
      const ids = new Set(t.comments.map((c) => c.id));
      for (const c of t.comments) if (c.parentId !== null) expect(ids.has(c.parentId)).toBe(true);
    });
  });

  it('reddit-thread.json: every comment\'s author and parent match an independent walk of the raw JSON', async () => {
    const raw = JSON.parse(readFileSync(join(THREADS, 'reddit-thread.json'), 'utf8')) as unknown;
    const want = new Map<string, [string, string | null]>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (typeof v !== 'object' || v === null) return;
      const o = v as { kind?: string; data?: Record<string, unknown> };
      if (o.kind === 't1' && o.data) {
        const p = String(o.data.parent_id);
        want.set(String(o.data.id), [String(o.data.author), p.startsWith('t3_') ? null : p.slice(3)]);
      }
      Object.values(v).forEach(walk);
    };
    walk(raw);
    const [t] = await parseAuto('reddit-thread.json');
    const got = new Map(t!.comments.filter((c) => c.status !== 'missing').map((c) => [c.id, [c.author, c.parentId] as [string, string | null]]));
    expect(want.size).toBe(199);
    expect(got).toEqual(want);
    expect(new Set([...got.values()].map(([a]) => a)).size).toBe(123);
  });
});

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Thread } from '../../src/model/index.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/ingest.js';
import { tempDir } from '../helpers/paths.js';

const fx = (name: string) => join(FIXTURES, name);

describe('threadlens parse: formats and malformed input', () => {
  it('detects each fixture format automatically', async () => {
    const cases: [string, string][] = [
      ['reddit-thread.json', 'reddit-thread'], ['reddit-morechildren.json', 'reddit-morechildren'], ['hn-items.json', 'hn-firebase'],
      ['hn-algolia.json', 'hn-algolia'], ['hnpwa.json', 'hnpwa'], ['disqus.xml', 'disqus'], ['blogger-export.xml', 'blogger-atom'],
      ['blogger-threaded.html', 'blogger-html'], ['blogger-classic.html', 'blogger-html'], ['discourse.json', 'discourse'],
      ['youtube.json', 'youtube'], ['convokit-underscore', 'convokit'],
    ];
    for (const [file, format] of cases) {
      const r = await runCli(['parse', fx(file)]);
      expect([file, r.code]).toEqual([file, 0]);
      expect([file, (JSON.parse(r.stdout) as Thread).thread.format]).toEqual([file, format]);
    }
  });

  it('honours --format, and says when the file is not that format', async () => {
    const r = await runCli(['parse', fx('discourse.json'), '--format', 'youtube']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/discourse\.json: expected a YouTube commentThreadListResponse/);
  });

  it('truncated JSON: exit 1 with line, column and "looks truncated"', async () => {
    const dir = await tempDir('parse-formats');
    const text = await readFile(fx('reddit-thread.json'), 'utf8');
    await writeFile(join(dir, 'cut.json'), text.slice(0, 900));
    const r = await runCli(['parse', join(dir, 'cut.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cut\.json \(line \d+, column \d+\): malformed JSON: .*looks truncated/);
  });

  it('XML bomb: exit 1, refused before any expansion', async () => {
    const dir = await tempDir('parse-formats');
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('\n');
    await writeFile(join(dir, 'bomb.xml'), `<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY l0 "lol">\n${levels}]>\n<disqus><post dsq:id="1"><message>&l9;</message></post></disqus>`);
    const r = await runCli(['parse', join(dir, 'bomb.xml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bomb\.xml \(line 2\): the XML declares entities/);
  });

  it('a reply cycle: repaired, and each comment in it named in a warning', async () => {
    const dir = await tempDir('parse-formats');
    const wxr = (await readFile(fx('wxr.xml'), 'utf8')).replace('<wp:comment_parent>0</wp:comment_parent>', '<wp:comment_parent>5</wp:comment_parent>');
    await writeFile(join(dir, 'cycle.xml'), wxr);
    const r = await runCli(['parse', join(dir, 'cycle.xml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning \[reply-cycle\]: comment 1 \(1\) is part of a reply cycle; re-attached to the post/);
    const t = JSON.parse(r.stdout) as Thread;
    expect(t.comments.find((c) => c.id === '1')).toMatchObject({ parentId: null, meta: { originalParentId: '5' } });
  });

  it('a binary file: exit 1, naming the byte', async () => {
    const dir = await tempDir('parse-formats');
    await writeFile(join(dir, 'image.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const r = await spawnCli(['parse', join(dir, 'image.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/image\.json \(byte 8\): this is a binary file/);
  });

  it('a directory that is not a ConvoKit corpus, and an empty one, are refused clearly', async () => {
    const dir = await tempDir('parse-formats');
    await mkdir(join(dir, 'notes'));
    await writeFile(join(dir, 'notes', 'a.json'), '{"hello": 1}');
    let r = await runCli(['parse', join(dir, 'notes')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notes: directory is not a recognised thread input \(expected a ConvoKit corpus with utterances\.jsonl; found a\.json\)/);
    await mkdir(join(dir, 'empty'));
    r = await runCli(['parse', join(dir, 'empty')]);
    expect(r.stderr).toMatch(/empty: is a directory without \.json or \.jsonl files/);
  });

  it('a directory over --max-bytes is refused before it is read', async () => {
    const r = await runCli(['parse', fx('convokit-modern'), '--max-bytes', '100']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/convokit-modern: directory files total .* over the 100 bytes limit/);
  });

  it('refuses a thread over --max-comments', async () => {
    const r = await runCli(['parse', fx('reddit-thread.json'), '--max-comments', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/thread reddit:abc1 has 8 comments, over the limit of 3 \(raise it with --max-comments\)/);
  });

  it('prints every thread of a multi-thread file as an array, which parses back unchanged', async () => {
    const r = await runCli(['parse', fx('convokit-modern')]);
    const threads = JSON.parse(r.stdout) as Thread[];
    expect(threads.map((t) => t.thread.id)).toEqual(['convokit:r0', 'convokit:s0']);
    const dir = await tempDir('parse-formats');
    await writeFile(join(dir, 'all.json'), r.stdout);
    const again = await runCli(['parse', join(dir, 'all.json')]);
    expect(again.stdout).toBe(r.stdout);
    const one = await runCli(['parse', fx('convokit-modern'), '--thread', 's0']);
    expect((JSON.parse(one.stdout) as Thread).thread.id).toBe('convokit:s0');
  });

  it('analyze asks which thread of a multi-thread file, then analyzes the one named', async () => {
    let r = await runCli(['analyze', fx('reddit-dump.ndjson'), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pick one with --thread <id>: reddit:linkA \(3 comments\), reddit:linkB \(1 comment\)/);
    r = await runCli(['analyze', fx('reddit-dump.ndjson'), '--format', 'json', '--thread', 'reddit:linkA']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ thread: { id: 'reddit:linkA' } });
  });
});

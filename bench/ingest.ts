/*
 * Ingest throughput: parse (sniff + parse + integrity) each real thread file, and a synthetic
 * Disqus export of ~20k posts (the XML tree is the memory-heavy path). Not a test: figures depend
 * on the machine. Run: npx tsx bench/ingest.ts [--data ../shared/data]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeInput, parseThreads, readInputPath, type InputDocument } from '../src/ingest/index.js';

const dataArg = process.argv.indexOf('--data');
const data = dataArg !== -1 ? process.argv[dataArg + 1]! : join(import.meta.dirname, '..', '..', 'shared', 'data');

function time(label: string, doc: InputDocument, rounds: number): void {
  let comments = 0;
  parseThreads({ ...doc }); // warm-up
  const t0 = performance.now();
  // A fresh document object each round: parsed JSON / XML trees are cached per document.
  for (let i = 0; i < rounds; i++) comments = parseThreads({ ...doc }).reduce((n, t) => n + t.comments.length, 0);
  const ms = (performance.now() - t0) / rounds;
  const bytes = doc.files ? [...doc.files.values()].reduce((n, s) => n + s.length, 0) : doc.text.length;
  console.log(`${label.padEnd(28)} ${String(comments).padStart(6)} comments  ${ms.toFixed(2).padStart(8)} ms/parse  ${((bytes / 1024 / 1024) / (ms / 1000)).toFixed(1).padStart(6)} MB/s  ${(comments / (ms / 1000)).toFixed(0).padStart(8)} comments/s`);
}

const dir = join(data, 'threads');
for (const f of readdirSync(dir).filter((n) => n !== 'README.md').sort()) {
  time(f, await readInputPath(join(dir, f)), 20);
}

const posts: string[] = [];
for (let i = 0; i < 20000; i++) {
  const parent = i % 3 === 0 ? '' : `<parent dsq:id="${i - 1}"/>`;
  posts.push(`<post dsq:id="${i}"><id/><message><![CDATA[<p>Comment number ${i} says the cost was &pound;${i} million &amp; rising.</p>]]></message><createdAt>2021-05-01T11:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>user${i % 500}</name><isAnonymous>false</isAnonymous><username>u${i % 500}</username></author><thread dsq:id="1"/>${parent}</post>`);
}
const xml = `<?xml version="1.0"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><link>https://x.example</link><title>Big</title></thread>\n${posts.join('\n')}\n</disqus>`;
time('synthetic disqus (20k posts)', decodeInput('synthetic.xml', Buffer.from(xml)), 3);

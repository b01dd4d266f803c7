import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/paths.js';

/** Every word-list file of the claims analyzer: entries carry a source, and no list repeats an entry. */
const DIRS = [join(REPO, 'src', 'text', 'numbers', 'lexicons'), join(REPO, 'src', 'claims', 'lexicons')];
const files = DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => join(d, f)));

type Entry = Record<string, unknown>;
function lists(doc: Record<string, unknown>): [string, Entry[]][] {
  const out: [string, Entry[]][] = [];
  for (const [name, v] of Object.entries(doc)) {
    if (name === 'entries' && Array.isArray(v)) out.push([name, v as Entry[]]);
    else if (name === 'classes' && Array.isArray(v)) out.push([name, v as Entry[]]);
    else if (v && typeof v === 'object' && Array.isArray((v as { entries?: unknown }).entries)) out.push([name, (v as { entries: Entry[] }).entries]);
  }
  return out;
}
const terms = (e: Entry): string[] => {
  for (const k of ['words', 'heads', 'symbols']) if (Array.isArray(e[k])) return e[k] as string[];
  for (const k of ['word', 'phrase', 'suffix', 'symbol', 'plural', 'stakes']) if (typeof e[k] === 'string') return [e[k] as string];
  return [];
};

describe('claims lexicons', () => {
  it('found the lexicon files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  for (const f of files) {
    const doc = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
    for (const [name, entries] of lists(doc)) {
      it(`${f.slice(REPO.length)} ${name}: every entry has a source and a term`, () => {
        for (const e of entries) {
          expect(typeof e.source === 'string' && (e.source as string).length > 0, JSON.stringify(e)).toBe(true);
          expect(terms(e).length, JSON.stringify(e)).toBeGreaterThan(0);
        }
      });
      it(`${f.slice(REPO.length)} ${name}: no duplicates`, () => {
        const all = entries.flatMap(terms);
        const dups = all.filter((t, i) => all.indexOf(t) !== i);
        expect(dups).toEqual([]);
      });
    }
  }
});

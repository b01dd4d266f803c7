import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';

const DIR = 'src/rules/lexicons';
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('incivility word lists', () => {
  it.each(files)('%s: every entry has a source and no entry is listed twice', (file) => {
    const doc = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { description: string; entries: Record<string, unknown>[] };
    expect(doc.description.length).toBeGreaterThan(20);
    expect(doc.entries.length).toBeGreaterThan(0);
    const keys = doc.entries.map((e) => String(e.phrase ?? e.term).toLowerCase());
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
    for (const e of doc.entries) expect(typeof e.source === 'string' && e.source.length > 10, JSON.stringify(e)).toBe(true);
  });

  it('shared ridicule cues (tone-cues.json) are listed once', () => {
    const doc = JSON.parse(readFileSync('src/tone/lexicons/tone-cues.json', 'utf8')) as { entries: { phrase: string; source: string }[] };
    const phrases = doc.entries.map((e) => e.phrase);
    expect(phrases.filter((p, i) => phrases.indexOf(p) !== i)).toEqual([]);
    const generalisations = JSON.parse(readFileSync(join(DIR, 'generalisations.json'), 'utf8')) as { entries: { phrase: string }[] };
    // The rules read ridicule phrases from tone's file; no rule lexicon repeats one.
    for (const e of generalisations.entries) expect(phrases).not.toContain(e.phrase);
  });

  it('every rule id is unique, has a docs page, and the incivility guide links it', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The README links docs/incivility.md, whose rule table links one page per rule.
    const guide = readFileSync('docs/incivility.md', 'utf8');
    for (const id of ids) {
      expect(guide).toContain(`(rules/${id}.md)`);
      expect(existsSync(join('docs/rules', `${id}.md`))).toBe(true);
    }
  });
});

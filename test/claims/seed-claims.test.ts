import { beforeAll, describe, expect, it } from 'vitest';
import type { ThreadAnalysis } from '../../src/analyze/index.js';
import type { Claim } from '../../src/model/index.js';
import { buildReport } from '../../src/report/index.js';
import { seedAnalysis } from '../helpers/seed.js';

/** The targets on the reference thread, with the four seed articles as corpus. */
describe('claims on the seed thread', () => {
  let a: ThreadAnalysis;
  beforeAll(async () => {
    a = await seedAnalysis();
  });
  const claims = (n: number) => a.comments[n - 1]!.claims;
  const claim = (n: number, actual: string): Claim => {
    const c = claims(n).find((x) => x.actual === actual);
    if (!c) throw new Error(`comment ${n} has no claim "${actual}"; has ${claims(n).map((x) => x.actual).join(' | ')}`);
    return c;
  };
  const flagged = (n: number) => a.comments[n - 1]!.findings.filter((f) => f.category === 'claim');

  it('comment 3: "308 jihadi groups" is an unsupported assertion, flagged high, challenged by comments 4 and 5', () => {
    const c = claim(3, '308 jihadi groups');
    expect([c.role, c.status, c.value]).toEqual(['assertion', 'unsupported', 308]);
    expect(c.counted).toEqual({ text: 'jihadi groups', head: 'group' });
    expect(c.challengedBy.map((x) => x.index + 1)).toEqual([4, 5]);
    const f = flagged(3).find((x) => x.actual === '308 jihadi groups')!;
    expect(f.ruleId).toBe('unsupported-numeric-claim');
    expect(f.severity).toBe('high');
    expect(f.reason).toMatch(/^States 308 jihadi groups with no source; no article in the corpus mentions this figure; challenged by comment 4 and comment 5/);
    expect(f.evidence!.map((e) => e.kind)).toEqual(expect.arrayContaining(['articles-searched', 'challenged-by']));
    expect(f.evidence!.filter((e) => e.kind === 'challenged-by').map((e) => e.ref!.id)).toEqual([a.thread.comments[3]!.id, a.thread.comments[4]!.id]);
  });

  it('comment 3: the foreign-fighter counts are unsupported assertions, each flagged', () => {
    for (const actual of ['112 French', '19 Brits', '2 Kosovars', "3 Bosnian's", "17 Ukrainian's", '108 Poles']) {
      expect([actual, claim(3, actual).role, claim(3, actual).status]).toEqual([actual, 'assertion', 'unsupported']);
      expect(flagged(3).map((f) => f.actual)).toContain(actual);
    }
  });

  it('comment 4: "308 groups" is an echo of comment 3, not a new assertion, and not flagged', () => {
    const echoes = claims(4).filter((c) => c.value === 308);
    expect(echoes).toHaveLength(2);
    for (const e of echoes) {
      expect(e.role).toBe('echo');
      expect(e.status).toBeNull();
      expect(e.echoOf).toEqual({ commentId: a.thread.comments[2]!.id, index: 2 });
    }
    expect(flagged(4)).toEqual([]);
  });

  it('comment 5: "this 308 group" is an echo that doubts it ("not yet heard")', () => {
    expect(claim(5, '308 group').role).toBe('echo');
    expect(claim(3, '308 jihadi groups').challengedBy[1]!.cue).toBe('not yet heard');
  });

  it('comment 7: "over 4,851 groups" is attributed to a vague, unlinked "Wiki" and flagged lower than the 308', () => {
    const c = claim(7, 'over 4,851 "groups"');
    expect([c.role, c.status, c.qualifier]).toEqual(['assertion', 'attributed', 'over']);
    expect(c.source).toMatchObject({ text: 'Wiki', quality: 'vague', url: null });
    const f = flagged(7).find((x) => x.actual === c.actual)!;
    expect(f.reason).toContain('attributed to "Wiki", a vague source with no link');
    const f308 = flagged(3).find((x) => x.actual === '308 jihadi groups')!;
    expect(f.score).toBeLessThan(f308.score);
    expect(f.severity).toBe('medium');
  });

  it('comment 7: "5 major groups", "57 subgroups", "12 alliances" are unsupported and flagged', () => {
    for (const actual of ['5 major groups', '57 subgroups', '12 alliances']) {
      expect(claim(7, actual).status).toBe('unsupported');
      expect(flagged(7).map((f) => f.actual)).toContain(actual);
    }
  });

  it('comments 1 and 5: vague or illustrative quantities are not flagged', () => {
    expect(claim(1, 'a few hundreds').role).toBe('hedged');
    expect(claim(5, 'some ten thousand fighter').role).toBe('hedged');
    expect(claim(5, '40 fightes').role).toBe('illustrative');
    expect(claim(5, 'a few hundred fighter').role).toBe('hedged');
    expect(flagged(1)).toEqual([]);
    expect(flagged(5)).toEqual([]);
  });

  it('comments 2 and 6 state no numbers', () => {
    expect(claims(2)).toEqual([]);
    expect(claims(6)).toEqual([]);
  });

  it('every claim span is exactly the text it names', () => {
    a.comments.forEach((r, i) => {
      for (const c of r.claims) expect(a.thread.comments[i]!.text.slice(c.span.start, c.span.end)).toBe(c.actual);
    });
  });

  it('the report lists every number that is a claim with its status, and notes the challenges', () => {
    const r = buildReport(a);
    const c308 = r.claims.find((c) => c.actual === '308 jihadi groups')!;
    expect(c308).toMatchObject({ index: 2, author: 'Jay Farquharson', status: 'unsupported' });
    expect(c308.challengedBy.map((x) => x.index)).toEqual([3, 4]);
    expect(r.claims.filter((c) => c.role === 'assertion')).toHaveLength(11);
    expect(r.claims.some((c) => c.role === 'not-a-claim')).toBe(false);
    // Personal attacks (comments 2 and 4) rank first; comment 3 is in the queue for its unsourced counts.
    const c3 = r.review.find((e) => e.commentId === 'c3')!;
    expect(c3.ruleIds).toContain('unsupported-numeric-claim');
    expect(c3.severity).toBe('high');
  });
});

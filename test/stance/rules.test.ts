import { describe, expect, it } from 'vitest';
import type { SourceStanceLabel } from '../../src/model/index.js';
import { threadClaim } from '../../src/stance/claim.js';
import { featurize } from '../../src/stance/features.js';
import { applySourceRules } from '../../src/stance/rules.js';
import { STANCE_MODELS } from '../../src/stance/stance.js';
import { contentStems } from '../../src/text/content-words.js';
import { prepareText } from '../../src/text/index.js';
import { scoreTone } from '../../src/tone/index.js';

const SOURCE = 'Minister resigns over expenses scandal. The minister resigned on Monday after reports about his expenses and the committee inquiry into claims.';
const claim = threadClaim({ title: 'Minister resigns over expenses scandal', lead: 'The minister resigned on Monday after reports about his expenses.' });
const topic = new Set([...contentStems(prepareText(SOURCE)), ...claim!]);

/** The rule outcome for `text` when the model said `label` (rules only; the model is not consulted). */
function rule(label: SourceStanceLabel, text: string, depth = 1) {
  const p = prepareText(text);
  const input = { prepared: p, depth, claim, topic, tone: scoreTone(p, { isReply: true }), parent: null };
  return applySourceRules(label, input, featurize(input, STANCE_MODELS.vocab));
}

describe('stance rules (flagged / not flagged)', () => {
  it.each<[string, SourceStanceLabel, string, number, SourceStanceLabel, string | null]>([
    ['mocking question', 'query', 'He resigned? LOL what are you smoking?', 1, 'deny', 'mocking-question'],
    ['plain question', 'query', 'Is this true? Any source for the resignation?', 1, 'query', null],
    ['off the claim', 'deny', 'Football season starts next week, cannot wait for it.', 1, 'comment', 'off-claim'],
    ['explicit dispute stays deny', 'deny', 'This is fake news, the minister did not resign.', 1, 'deny', null],
    ['off-claim applies to direct replies only', 'deny', 'Football season starts next week, cannot wait for it.', 2, 'deny', null],
    ['reported figures', 'comment', 'The committee inquiry found 14 claims worth 23,000 pounds in expenses.', 1, 'support', 'reported-figures'],
    ['hedged figures', 'comment', 'I doubt the inquiry found 14 claims worth 23,000 pounds in expenses.', 1, 'comment', null],
    ['figures off the subject', 'comment', 'My cat is 14 and weighs 5 kilos.', 1, 'comment', null],
  ])('%s', (_, model, text, depth, expected, ruleId) => {
    const r = rule(model, text, depth);
    expect(r.label).toBe(expected);
    if (ruleId) expect(r.cue).toMatchObject({ kind: 'rule', cue: expect.stringMatching(new RegExp(`^${ruleId}:`)) });
    else expect(r.cue).toBeNull();
  });
});

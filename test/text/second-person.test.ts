import { describe, expect, it } from 'vitest';
import { isSecondPerson, SECOND_PERSON } from '../../src/text/second-person.js';

describe('second-person words', () => {
  it('the first-letter shortcut agrees with the set for every entry and for other words', () => {
    for (const w of SECOND_PERSON) expect(isSecondPerson(w), w).toBe(true);
    for (const w of ['yes', 'use', 'ya', 'thou', 'yourselves', 'us', '']) expect(isSecondPerson(w), w).toBe(SECOND_PERSON.has(w));
  });
});

/**
 * Words that address the reader ("you", "ur"): reply inference, stance features and tone all ask
 * whether a comment speaks to someone, and must agree on what counts.
 */
export const SECOND_PERSON: ReadonlySet<string> = new Set(['you', 'your', "you're", 'youre', 'yours', 'yourself', 'u', 'ur']);

/** SECOND_PERSON.has(norm), with a first-letter check first: every entry starts with "y" or "u", so most words skip the Set lookup. */
export function isSecondPerson(norm: string): boolean {
  const c = norm.charCodeAt(0);
  return (c === 121 || c === 117) && SECOND_PERSON.has(norm);
}

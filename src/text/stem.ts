import { createRequire } from 'node:module';

// Import the stemmer sub-module only: `require('natural')` whole pulls in database clients and
// runs dotenv (see DESIGN.md).
const require = createRequire(import.meta.url);
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

// Porter stemming is slow (~2k comments/s if done per token); vocabularies are small, so cache.
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}

import { createRequire } from 'node:module';
import type { Token } from '../tokenize.js';
import type { NumberAtom } from './types.js';

type RecognizerModule = typeof import('@microsoft/recognizers-text-number');
interface ModelResult {
  start: number;
  end: number;
  text: string;
  resolution: { value?: string } | null;
}

const require = createRequire(import.meta.url);
let model: { parse(query: string): ModelResult[] } | null = null;
let calls = 0;

/**
 * Microsoft Recognizers-Text's English number model, loaded on first use: loading costs ~50 ms and
 * each call ~100 us, so the scanner only defers the few sentences it cannot read itself.
 */
function numberModel(): { parse(query: string): ModelResult[] } {
  if (!model) {
    const N = require('@microsoft/recognizers-text-number') as RecognizerModule;
    model = new N.NumberRecognizer(N.Culture.English).getNumberModel() as unknown as { parse(query: string): ModelResult[] };
  }
  return model;
}

/** How many times the recogniser ran in this process (the bench reports it). */
export function recognizerCalls(): number {
  return calls;
}

/**
 * Read the numbers in `text.slice(from, to)` with the recogniser and return them as atoms with
 * offsets into `text` and token ranges into `tokens`.
 */
export function recognizeRange(text: string, tokens: readonly Token[], firstToken: number, endToken: number): NumberAtom[] {
  if (endToken <= firstToken) return [];
  const from = tokens[firstToken]!.start;
  const to = tokens[endToken - 1]!.end;
  calls++;
  const results = numberModel().parse(text.slice(from, to));
  const atoms: NumberAtom[] = [];
  let k = firstToken;
  for (const r of results) {
    const value = Number(r.resolution?.value);
    if (!Number.isFinite(value)) continue;
    const start = from + r.start;
    const end = from + r.end + 1; // the recogniser's end is inclusive
    while (k < endToken && tokens[k]!.end <= start) k++;
    let e = k;
    while (e < endToken && tokens[e]!.start < end) e++;
    if (e === k) continue;
    const span = text.slice(start, end);
    const hasDigit = /\d/.test(span);
    const hasLetter = /\p{L}/u.test(span);
    atoms.push({
      start,
      end,
      value,
      high: null,
      written: hasDigit && hasLetter ? 'mixed' : hasDigit ? 'digits' : 'words',
      vague: false,
      tag: null,
      unit: null,
      firstToken: k,
      endToken: e,
      via: 'recognizer',
    });
  }
  return atoms;
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../ingest/errors.js';
import { findNumberAtoms, recognizerCalls, type NumberReader } from '../text/numbers/index.js';
import { splitSentences, tokenize } from '../text/index.js';

/** The English number spec of Microsoft Recognizers-Text, relative to the data directory. */
export const NUMBER_SPEC = join('recognizers-text', 'Number', 'English', 'NumberModel.json');

interface SpecCase {
  Input: string;
  NotSupported?: string;
  Results: { Text: string; Start: number; End: number; Resolution?: { value?: string } | null }[];
}

export interface ReaderScore {
  reader: NumberReader;
  passed: number;
  cases: number;
  rate: number;
  /** Hybrid only: cases that needed the recogniser, and how the scanner did on the others on its own. */
  deferred: number;
  scanned: { cases: number; passed: number };
  failures: { input: string; expected: string[]; got: string[] }[];
}

export interface NumbersEval {
  file: string;
  /** Cases in the file, and those skipped because their NotSupported names javascript. */
  total: number;
  skipped: number;
  readers: ReaderScore[];
}

/**
 * Pass rate of the number readers on the recogniser's own English spec: a case passes when the
 * numbers found are exactly the expected ones (same start and end, value equal to 1e-9 relative).
 * Vague sizes and tagged numbers (ordinals, clock times, dates, decades, numbers glued to a unit or
 * a name) are Threadlens additions the NumberModel spec does not cover (it expects nothing for
 * "a few hundred", "4th" or "180ml": units belong to its NumberWithUnit model), so they are left out
 * of the comparison. Fractions written "3/4" are compared.
 */
export async function evalNumbers(dataDir: string, readers: readonly NumberReader[] = ['hybrid', 'recognizer', 'scan']): Promise<NumbersEval> {
  const file = join(dataDir, NUMBER_SPEC);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError('unreadable', file, `cannot read the number spec: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (pass --data <dir>)`);
  }
  let cases: SpecCase[];
  try {
    cases = JSON.parse(raw.replace(/^\uFEFF/, '')) as SpecCase[];
  } catch (e) {
    throw new InputError('bad-json', file, `not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(cases)) throw new InputError('bad-json', file, 'expected a JSON array of test cases');
  const supported = cases.filter((c) => !/javascript/i.test(c.NotSupported ?? ''));
  return {
    file,
    total: cases.length,
    skipped: cases.length - supported.length,
    readers: readers.map((r) => scoreReader(r, supported)),
  };
}

function scoreReader(reader: NumberReader, cases: readonly SpecCase[]): ReaderScore {
  let passed = 0;
  let deferred = 0;
  const scanned = { cases: 0, passed: 0 };
  const failures: ReaderScore['failures'] = [];
  for (const c of cases) {
    const tokens = tokenize(c.Input);
    const sentences = splitSentences(c.Input, tokens);
    const callsBefore = recognizerCalls();
    const atoms = findNumberAtoms({ text: c.Input, tokens, sentences }, reader).filter((a) => !a.vague && (a.tag === null || a.tag === 'ratio'));
    const viaRecognizer = reader === 'hybrid' && recognizerCalls() > callsBefore;
    if (viaRecognizer) deferred++;
    else if (reader === 'hybrid') scanned.cases++;
    const got = atoms.map((a) => `${a.start}-${a.end}=${a.value}`);
    const expected = c.Results.map((r) => `${r.Start}-${r.End + 1}=${Number(r.Resolution?.value)}`);
    const ok =
      atoms.length === c.Results.length &&
      atoms.every((a, i) => {
        const r = c.Results[i]!;
        const v = Number(r.Resolution?.value);
        return a.start === r.Start && a.end === r.End + 1 && Math.abs(a.value - v) <= 1e-9 * Math.max(1, Math.abs(v));
      });
    if (ok) passed++;
    if (ok && reader === 'hybrid' && !viaRecognizer) scanned.passed++;
    if (!ok) failures.push({ input: c.Input, expected, got });
  }
  return { reader, passed, cases: cases.length, rate: cases.length ? passed / cases.length : 0, deferred, scanned, failures };
}

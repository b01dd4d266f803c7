import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * Loaders for the labelled data in `../shared/data` (see its README for sources and licences) and the
 * deterministic splits that keep evaluation rows out of training. Training (`npm run train`) and
 * `threadlens eval incivility` both call `splitOf`, so a row is held out in both or in neither.
 */

export const DEFAULT_DATA_DIR = '../shared/data';

/** The data directory when `--data` is not given: `THREADLENS_DATA` (one setting for CI and a clone kept elsewhere), else ../shared/data. */
export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  return env.THREADLENS_DATA || DEFAULT_DATA_DIR;
}

export const DATA_FILES = {
  tsdTrain: 'toxic-spans/tsd_train.csv',
  tsdTrial: 'toxic-spans/tsd_trial.csv',
  reddit: 'reddit-incivility/train.csv',
  github: 'github-incivility/annotated_comment_level.csv',
} as const;
export type DataFile = keyof typeof DATA_FILES;

export interface SpanPost {
  text: string;
  /** Gold toxic character offsets (sorted, unique). */
  spans: number[];
}

export interface LabelledComment {
  text: string;
  uncivil: boolean;
  /** Stable key the split is decided on (the text, or the thread for GitHub). */
  key: string;
}

export interface GithubComment extends LabelledComment {
  /** One of the 9 incivility types, or null for civil comments. */
  type: string | null;
}

export class DataError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

function readCsv(dir: string, file: DataFile, columns: boolean): Record<string, string>[] | string[][] {
  const path = join(dir, DATA_FILES[file]);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); pass --data <dir> pointing at shared/data`);
  }
  try {
    return parse(raw, { columns, skip_empty_lines: true, relax_column_count: false, bom: true });
  } catch (e) {
    throw new DataError(path, `not valid CSV: ${(e as Error).message}`);
  }
}

export function loadToxicSpans(dir: string, file: 'tsdTrain' | 'tsdTrial'): SpanPost[] {
  const rows = readCsv(dir, file, true) as Record<string, string>[];
  return rows.map((r, i) => {
    let spans: unknown;
    try {
      spans = JSON.parse(r.spans ?? '');
    } catch {
      spans = null;
    }
    if (!Array.isArray(spans) || !spans.every((x) => Number.isInteger(x))) {
      throw new DataError(join(dir, DATA_FILES[file]), `row ${i + 2}: "spans" is not a list of integers`);
    }
    return { text: r.text ?? '', spans: [...new Set(spans as number[])].sort((a, b) => a - b) };
  });
}

export function loadReddit(dir: string): LabelledComment[] {
  const rows = readCsv(dir, 'reddit', false) as string[][];
  return rows.map((r, i) => {
    const label = r[r.length - 1];
    if (label !== '0' && label !== '1') throw new DataError(join(dir, DATA_FILES.reddit), `row ${i + 1}: label must be 0 or 1, got ${JSON.stringify(label)}`);
    const text = r.slice(0, -1).join(',');
    return { text, uncivil: label === '1', key: text };
  });
}

export function loadGithub(dir: string): GithubComment[] {
  const rows = readCsv(dir, 'github', true) as Record<string, string>[];
  return rows.map((r) => {
    const type = normaliseGithubType(r.tbdf ?? 'None');
    return { text: r.comment_body ?? '', uncivil: type !== null, type, key: `issue:${r.issue_id}` };
  });
}

/** The data spells "Identity attack/Name-Calling" three ways; fold them into one. */
function normaliseGithubType(t: string): string | null {
  if (t === 'None' || t === '') return null;
  if (/^identity attacks?\/name-calling$/i.test(t)) return 'Identity attack/Name-Calling';
  return t;
}

/** Held-out fractions. Rows are assigned by a hash of their key, so the split never depends on row order. */
export const SPLITS = {
  seed: 'threadlens-incivility-v1',
  /** Reddit rows reported by eval (never trained on, never used for the threshold). */
  redditTest: 0.2,
  /** GitHub threads reported by eval (split by thread so one heated issue is not on both sides). */
  githubTest: 0.25,
  /** Toxic Spans train posts used to choose the span threshold (the model is refitted on all of train). */
  tsdDev: 0.1,
} as const;

/** A number in [0, 1) from the key: the same on every machine and run. */
export function splitPoint(key: string, salt: string = SPLITS.seed): number {
  const h = createHash('sha1').update(salt).update('\0').update(key).digest();
  return h.readUInt32BE(0) / 2 ** 32;
}

export function isHeldOut(key: string, fraction: number, salt: string = SPLITS.seed): boolean {
  return splitPoint(key, salt) < fraction;
}

/** sha256 of each data file, recorded in the model's provenance and checked by eval. */
export function dataHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of Object.values(DATA_FILES)) {
    const path = join(dir, rel);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new DataError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); pass --data <dir> pointing at shared/data`);
    }
    out[rel] = createHash('sha256').update(bytes).digest('hex');
  }
  return out;
}

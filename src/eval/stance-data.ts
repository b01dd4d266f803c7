import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { InputError } from '../ingest/errors.js';
import { PARENT_STANCE_LABELS, SOURCE_STANCE_LABELS, type ParentStanceLabel, type SourceStanceLabel } from '../model/index.js';

/** Paths inside the shared data directory (`--data`), as its README describes them. */
export const RUMOUREVAL_FILE = join('rumoureval2019', 'train_dev.jsonl');
export const AGREEMENT_FILE = join('subreddit-agreement', 'covid-vaccine.csv');

/** One post of RumourEval 2019 task A (Twitter and Reddit threads). */
export interface RumourPost {
  id: string;
  parentId: string | null;
  threadId: string;
  depth: number;
  platform: 'twitter' | 'reddit';
  isSource: boolean;
  text: string;
  label: SourceStanceLabel;
  split: 'train' | 'dev';
}

/** One quote→response pair of the SubReddit-CovidVaccine agreement set (Lei & Huang 2022). */
export interface AgreementPair {
  quote: string;
  response: string;
  label: ParentStanceLabel;
}

export interface Loaded<T> {
  rows: T[];
  /** sha256 of the file's bytes, recorded in the model's provenance. */
  sha256: string;
  path: string;
}

async function readData(dir: string, rel: string): Promise<{ path: string; bytes: Buffer }> {
  const path = join(dir, rel);
  try {
    return { path, bytes: await readFile(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError('data-missing', path, code === 'ENOENT' ? `not found; pass the shared data directory with --data (expected ${rel} inside it)` : `cannot read (${code})`);
  }
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function loadRumourEval(dir: string): Promise<Loaded<RumourPost>> {
  const { path, bytes } = await readData(dir, RUMOUREVAL_FILE);
  const rows: RumourPost[] = [];
  bytes
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `line ${i + 1}`;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(line) as Record<string, unknown>;
      } catch (e) {
        throw new InputError('bad-json', path, `malformed JSON: ${(e as Error).message}`, where);
      }
      const label = o.label;
      if (typeof label !== 'string' || !(SOURCE_STANCE_LABELS as readonly string[]).includes(label)) {
        throw new InputError('bad-label', path, `label ${JSON.stringify(label)} is not one of ${SOURCE_STANCE_LABELS.join(', ')}`, where);
      }
      if (o.split !== 'train' && o.split !== 'dev') throw new InputError('bad-split', path, `split ${JSON.stringify(o.split)} is not train or dev`, where);
      if (o.platform !== 'twitter' && o.platform !== 'reddit') throw new InputError('bad-platform', path, `platform ${JSON.stringify(o.platform)} is not twitter or reddit`, where);
      if (typeof o.id !== 'string') throw new InputError('bad-row', path, 'expected a string "id"', where);
      // Deleted Reddit posts have text null; the task still scores them, so they stay in as empty text.
      if (typeof o.text !== 'string' && o.text !== null) throw new InputError('bad-row', path, '"text" must be a string or null', where);
      rows.push({
        id: o.id,
        parentId: typeof o.parent_id === 'string' ? o.parent_id : null,
        threadId: String(o.thread_id),
        depth: typeof o.depth === 'number' ? o.depth : o.is_source === true ? 0 : 1,
        platform: o.platform,
        isSource: o.is_source === true,
        text: o.text ?? '',
        label: label as SourceStanceLabel,
        split: o.split,
      });
    });
  return { rows, sha256: sha(bytes), path };
}

export async function loadAgreement(dir: string): Promise<Loaded<AgreementPair>> {
  const { path, bytes } = await readData(dir, AGREEMENT_FILE);
  let records: Record<string, string>[];
  try {
    records = parseCsv(bytes, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  } catch (e) {
    throw new InputError('bad-csv', path, (e as Error).message);
  }
  const rows = records.map((r, i) => {
    const rel = Number(r.relation);
    if (!Number.isInteger(rel) || rel < 0 || rel > 2 || r.quote_text === undefined || r.response_text === undefined) {
      throw new InputError('bad-row', path, `expected quote_text, response_text and relation 0/1/2, got relation ${JSON.stringify(r.relation)}`, `record ${i + 1}`);
    }
    // The file's coding: 0 disagree, 1 neutral, 2 agree.
    const label: ParentStanceLabel = rel === 0 ? 'disagree' : rel === 2 ? 'agree' : 'neutral';
    return { quote: r.quote_text, response: r.response_text, label };
  });
  return { rows, sha256: sha(bytes), path };
}

export { PARENT_STANCE_LABELS, SOURCE_STANCE_LABELS };

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../cli/output.js';
import { renderReport } from '../report/index.js';
import type { ResultSink } from './types.js';

/*
 * Result sinks: where a finished analysis goes, in the process that ran it. They compose, so the store
 * sink (src/store/) is added next to the output-directory sink without changing either:
 *   composeSinks(outputDirSink({ defaultDir }), storeSink(repo))
 */

/** Normalise what a sink returned into a list of locations. */
export function locations(where: string | string[] | void | undefined): string[] {
  if (where === undefined) return [];
  return Array.isArray(where) ? where : [where];
}

/** Run sinks in order; the job fails (and is retried) if any of them throws. Returns every location. */
export function composeSinks(...sinks: (ResultSink | undefined | null | false)[]): ResultSink {
  const live = sinks.filter((s): s is ResultSink => typeof s === 'function');
  return async (result, job, payload) => {
    const out: string[] = [];
    for (const sink of live) out.push(...locations(await sink(result, job, payload)));
    return out;
  };
}

export interface OutputDirSinkOptions {
  /** Where reports go when the job does not name a target (`threadlens worker --out`). */
  defaultDir?: string | undefined;
}

/**
 * Writes the JSON report (the same bytes as `threadlens analyze --format json`) atomically, to the
 * job's own target (`payload.output`, set by `ingest --out`) or else to `defaultDir/<threadId>.json`.
 * With neither it does nothing: the report then only goes to the other sinks.
 */
export function outputDirSink(opts: OutputDirSinkOptions = {}): ResultSink {
  return async (result, _job, payload) => {
    const target = payload.output ?? (opts.defaultDir ? { dir: opts.defaultDir, name: `${result.threadId}.json` } : undefined);
    if (!target) return;
    // The name is one path segment (the payload schema enforces it); re-check, since a sink writes files.
    if (/[\\/]/.test(target.name) || target.name === '..' || target.name === '.') throw new Error(`refusing report file name "${target.name}"`);
    await mkdir(target.dir, { recursive: true });
    const path = join(target.dir, target.name);
    await writeFileAtomic(path, renderReport(result.report, 'json'));
    return path;
  };
}

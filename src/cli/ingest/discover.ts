import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';

/** Extensions looked at inside directories (a file named explicitly is always tried). */
export const THREAD_EXTENSIONS = new Set(['.txt', '.text', '.json', '.jsonl', '.html', '.htm', '.xml']);

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** How messages name it: the path as the user would write it (relative to the cwd when inside it). */
  display: string;
  /** The report's file name in --out: unique within the run, derived from the path under its argument. */
  reportName: string;
}

export interface Discovery {
  files: FoundFile[];
  /** Arguments that do not exist or cannot be read: reported like bad files. */
  missing: { display: string; message: string }[];
  /** Files in directories skipped for their extension (counted, so nothing disappears silently). */
  skipped: number;
}

/**
 * Expand files and directories (recursively; hidden entries skipped) into thread files, in a stable
 * order, each with a report name: `dir/sub/a.txt` under argument `dir` → `sub__a.json`.
 */
export async function discoverThreadFiles(args: readonly string[], cwd: string): Promise<Discovery> {
  const out: Discovery = { files: [], missing: [], skipped: 0 };
  const seen = new Set<string>();
  const names = new Set<string>();
  const add = (path: string, under: string | null) => {
    if (seen.has(path)) return;
    seen.add(path);
    const rel = under ? relative(under, path) : basename(path);
    out.files.push({ path, display: displayPath(path, cwd), reportName: uniqueName(reportFileName(rel), names) });
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = await stat(abs);
    } catch (e) {
      out.missing.push({ display: arg, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    if (!st.isDirectory()) {
      add(abs, null);
      continue;
    }
    for (const f of await walk(abs)) {
      if (THREAD_EXTENSIONS.has(extname(f).toLowerCase())) add(f, abs);
      else out.skipped++;
    }
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(p)));
    else if (e.isFile()) files.push(p);
  }
  return files;
}

/** `sub/a.txt` → `sub__a.json`: one flat directory of reports, names still tell where each came from. */
export function reportFileName(relPath: string): string {
  const noExt = relPath.slice(0, relPath.length - extname(relPath).length) || relPath;
  const flat = noExt.split(sep).join('__').replace(/[^\w.@+-]+/g, '_').replace(/^\.+/, '_');
  return `${flat || 'thread'}.json`;
}

function uniqueName(name: string, taken: Set<string>): string {
  let n = name;
  for (let i = 2; taken.has(n); i++) n = name.replace(/\.json$/, `-${i}.json`);
  taken.add(n);
  return n;
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from './errors.js';

export const DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** A decoded input file: what parsers receive. */
export interface InputDocument {
  /** Path as given by the user, or "<stdin>" / a label for in-memory input. */
  name: string;
  text: string;
  /** sha256 of the raw bytes: thread identity and idempotency key. */
  sha256: string;
  /**
   * Set when the input is a directory (a ConvoKit corpus): its top-level `.json` / `.jsonl` files by
   * name, decoded like single files. `text` is then empty.
   */
  files?: ReadonlyMap<string, string>;
}

/**
 * Decode bytes strictly: a BOM is dropped, NUL bytes or invalid UTF-8 are refused with the byte
 * offset (silently replacing bytes with U+FFFD would corrupt spans and quotes without telling anyone).
 */
export function decodeInput(name: string, bytes: Uint8Array): InputDocument {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new InputError('binary-input', name, 'this is a binary file (NUL byte found), not a text thread or article', `byte ${nul}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError('bad-encoding', name, 'the file is not valid UTF-8; convert it (e.g. `iconv -f latin1 -t utf-8`) and try again', `byte ${at}`);
  }
  return { name, text: text.replace(/\r\n?/g, '\n'), sha256 };
}

/** Read and decode a file; `name` (default: the path) is how messages and reports refer to it. */
export async function readInputFile(path: string, maxBytes = DEFAULT_MAX_INPUT_BYTES, name = path): Promise<InputDocument> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError('is-directory', name, 'is a directory; give a file');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('unreadable', name, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (size > maxBytes) {
    throw new InputError('too-large', name, `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-bytes)`);
  }
  const fh = await open(path, 'r');
  try {
    const bytes = await fh.readFile();
    if (bytes.length > maxBytes) throw new InputError('too-large', name, `file grew past the ${formatBytes(maxBytes)} limit while reading`);
    return decodeInput(name, bytes);
  } finally {
    await fh.close();
  }
}

/** Files a directory input may hold; anything else (pickles, archives) is listed but not read. */
const DIRECTORY_FILE_RE = /\.(?:json|jsonl)$/i;

/**
 * Read a thread input: a file, or a directory such as a ConvoKit corpus. The size limit applies to
 * the directory's files together; each file is decoded strictly and errors name `dir/file`.
 */
export async function readInputPath(path: string, maxBytes = DEFAULT_MAX_INPUT_BYTES, name = path): Promise<InputDocument> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (e) {
    throw new InputError('unreadable', name, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!isDir) return readInputFile(path, maxBytes, name);
  const entries = (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile() && DIRECTORY_FILE_RE.test(e.name));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (entries.length === 0) {
    throw new InputError('empty-directory', name, 'is a directory without .json or .jsonl files; expected a thread file or a ConvoKit corpus directory (utterances.jsonl)');
  }
  let total = 0;
  for (const e of entries) total += (await stat(join(path, e.name))).size;
  if (total > maxBytes) {
    throw new InputError('too-large', name, `directory files total ${formatBytes(total)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-bytes)`);
  }
  const files = new Map<string, string>();
  const hash = createHash('sha256');
  for (const e of entries) {
    const doc = await readInputFile(join(path, e.name), maxBytes, `${name.replace(/\/+$/, '')}/${e.name}`);
    files.set(e.name, doc.text);
    hash.update(`${e.name}\0${doc.sha256}\n`);
  }
  return { name, text: '', sha256: hash.digest('hex'), files };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  // Binary search on prefix validity would be wrong (a prefix can end mid-character); scan by code point.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      dec.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

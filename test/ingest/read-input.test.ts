import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput, readInputFile } from '../../src/ingest/index.js';
import { tempDir } from '../helpers/paths.js';

describe('reading input files', () => {
  it('refuses binary files with the offset of the NUL byte', () => {
    expect(() => decodeInput('img.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toThrow(/^img\.png \(byte 4\): this is a binary file/);
  });

  it('refuses invalid UTF-8 with the offset of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('Café ok, then '), Buffer.from([0xe9]), Buffer.from(' latin1')]);
    expect(() => decodeInput('latin1.txt', bytes)).toThrow(/^latin1\.txt \(byte 15\): the file is not valid UTF-8/);
  });

  it('drops a BOM and normalises CRLF line endings', () => {
    const doc = decodeInput('win.txt', Buffer.from('\ufeffa\r\nb\rc'));
    expect(doc.text).toBe('a\nb\nc');
  });

  it('refuses files over the size limit before reading them', async () => {
    const dir = await tempDir('read-input');
    const f = join(dir, 'big.txt');
    await writeFile(f, 'x'.repeat(2048));
    await expect(readInputFile(f, 1024)).rejects.toThrow(/big\.txt: file is 2\.0 KB, over the 1\.0 KB limit/);
  });

  it('names a missing file', async () => {
    await expect(readInputFile('/nonexistent/thread.txt')).rejects.toThrow(/^\/nonexistent\/thread\.txt: cannot read: ENOENT/);
  });
});

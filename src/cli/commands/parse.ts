import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_MAX_COMMENTS, DEFAULT_MAX_INPUT_BYTES, formatNames, parseThreads, readInputPath } from '../../ingest/index.js';
import { inferThreadReplies } from '../../thread/reply-inference.js';
import { EXIT } from '../exit.js';
import type { CliIO } from '../io.js';
import { byteSize, positiveInt } from '../options.js';

export function registerParse(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('parse')
    .description('parse a thread file and print the canonical thread JSON')
    .argument('<thread-file>', 'the thread file, or a ConvoKit corpus directory')
    .addOption(new Option('--format <name>', 'input format').choices(['auto', ...formatNames()]).default('auto'))
    .option('--thread <id>', 'for files holding several threads (exports, corpora): print only this one')
    .option('--max-bytes <size>', 'refuse inputs larger than this', byteSize, DEFAULT_MAX_INPUT_BYTES)
    .option('--max-comments <n>', 'refuse threads with more comments than this', positiveInt, DEFAULT_MAX_COMMENTS)
    .option('--no-infer-replies', 'print only the reply links the source gives (no inferred parents)')
    .action(async (file: string, opts: { format: string; thread?: string; maxBytes: number; maxComments: number; inferReplies: boolean }) => {
      const doc = await readInputPath(resolve(io.cwd, file), opts.maxBytes, file);
      const parsed = parseThreads(doc, opts.format, { maxComments: opts.maxComments, ...(opts.thread !== undefined ? { thread: opts.thread } : {}) });
      // Flat threads get inferred parents (parentSource "inferred", with confidence and evidence).
      const threads = opts.inferReplies ? parsed.map((t) => inferThreadReplies(t)) : parsed;
      // One thread prints as one object; a file holding several prints an array (it parses back the same).
      const out = threads.length === 1 ? threads[0] : threads;
      io.stdout.write(JSON.stringify(out, null, 2) + '\n');
      for (const t of threads) {
        const prefix = threads.length > 1 ? `${t.thread.id}: ` : '';
        for (const w of t.thread.warnings) io.stderr.write(`warning [${w.code}]: ${prefix}${w.message}${w.where ? ` (${w.where})` : ''}\n`);
      }
      setExit(EXIT.OK);
    });
}

import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { analyzeSingle } from '../../analyze/index.js';
import { makeChecker, ScoreInput } from '../../model/index.js';
import { EXIT } from '../exit.js';
import type { CliIO } from '../io.js';
import { readLines } from '../lines.js';
import { byteSize, unitInterval } from '../options.js';
import { writeWithBackpressure } from '../output.js';

const checker = makeChecker(ScoreInput);

export function registerScore(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('score')
    .description('score single comments from JSON Lines ({"id","text","parent_text"?,"source_text"?}); one JSON line out per line in')
    .option('--in <file>', 'read from a file instead of stdin')
    .option('--max-line-bytes <size>', 'longest accepted input line', byteSize, 1024 * 1024)
    .option('--incivility-threshold <x>', 'incivility score (0..1) at which a comment is labelled uncivil (default: chosen on dev data)', unitInterval)
    .action(async (opts: { in?: string; maxLineBytes: number; incivilityThreshold?: number }) => {
      const analysis = opts.incivilityThreshold !== undefined ? { incivilityThreshold: opts.incivilityThreshold } : {};
      const input = opts.in ? createReadStream(resolve(io.cwd, opts.in)) : io.stdin;
      let bad = 0;
      let good = 0;
      const fail = (lineNo: number, id: unknown, code: string, message: string) => {
        bad++;
        io.stderr.write(JSON.stringify({ id: id ?? null, line: lineNo, error: { code, message } }) + '\n');
      };
      // Streaming, one line at a time: memory stays flat however large the input is.
      for await (const line of readLines(input, opts.maxLineBytes)) {
        if ('error' in line) {
          fail(line.lineNo, null, 'bad-line', line.error);
          continue;
        }
        if (line.text.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(line.text);
        } catch (e) {
          fail(line.lineNo, null, 'bad-json', (e as Error).message);
          continue;
        }
        if (!checker.check(value)) {
          const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
          fail(line.lineNo, id, 'schema', checker.problems(value).map((p) => `${p.path}: ${p.message}`).join('; '));
          continue;
        }
        const out = analyzeSingle(value, analysis);
        good++;
        await writeWithBackpressure(io.stdout, JSON.stringify(out) + '\n');
      }
      if (bad > 0) io.stderr.write(`threadlens score: ${bad} bad line(s), ${good} scored\n`);
      setExit(bad > 0 ? EXIT.INPUT : EXIT.OK);
    });
}

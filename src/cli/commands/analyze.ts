import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { analyzeFile } from '../../analyze/index.js';
import { DEFAULT_MAX_COMMENTS, DEFAULT_MAX_INPUT_BYTES, formatNames } from '../../ingest/index.js';
import { OUTPUT_FORMATS, renderReport, type OutputFormat } from '../../report/index.js';
import { EXIT } from '../exit.js';
import type { CliIO } from '../io.js';
import { byteSize, positiveInt, unitInterval } from '../options.js';
import { writeFileAtomic } from '../output.js';

export function registerAnalyze(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('analyze')
    .description('analyze one thread file and print a moderation report (no servers needed)')
    .argument('<thread-file>', 'the thread (any supported format; see `threadlens parse --help`)')
    .option('--articles <paths...>', 'article files or directories: the source corpus the thread discusses')
    .addOption(new Option('--format <format>', 'report format').choices([...OUTPUT_FORMATS]).default('text'))
    .option('--out <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(new Option('--input-format <name>', 'thread format').choices(['auto', ...formatNames()]).default('auto'))
    .option('--thread <id>', 'for files holding several threads (exports, corpora): the one to analyze')
    .option('--max-bytes <size>', 'refuse input files larger than this', byteSize, DEFAULT_MAX_INPUT_BYTES)
    .option('--max-comments <n>', 'refuse threads with more comments than this', positiveInt, DEFAULT_MAX_COMMENTS)
    .option('--no-color', 'plain text output even on a terminal')
    .option('--incivility-threshold <x>', 'incivility score (0..1) at which a comment is labelled uncivil (default: chosen on dev data)', unitInterval)
    .action(async (file: string, opts: { articles?: string[]; format: OutputFormat; out?: string; inputFormat: string; thread?: string; maxBytes: number; maxComments: number; color: boolean; incivilityThreshold?: number }) => {
      const { report } = await analyzeFile(resolve(io.cwd, file), {
        articles: (opts.articles ?? []).map((a) => resolve(io.cwd, a)),
        inputFormat: opts.inputFormat,
        maxBytes: opts.maxBytes,
        maxComments: opts.maxComments,
        ...(opts.thread !== undefined ? { thread: opts.thread } : {}),
        generatedAt: new Date().toISOString(),
        displayName: file,
        analysis: opts.incivilityThreshold !== undefined ? { incivilityThreshold: opts.incivilityThreshold } : {},
      });
      const color = opts.color && !opts.out && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
      const rendered = renderReport(report, opts.format, { color });
      if (opts.out) {
        await writeFileAtomic(resolve(io.cwd, opts.out), rendered);
        io.stderr.write(`wrote ${opts.format} report for ${report.summary.commentCount} comments to ${opts.out}\n`);
      } else {
        io.stdout.write(rendered);
      }
      // Warnings are in every report format; repeat them on stderr when stdout is machine-readable.
      if (opts.format !== 'text') for (const w of report.warnings) io.stderr.write(`warning [${w.code}]: ${w.message}\n`);
      setExit(EXIT.OK);
    });
}

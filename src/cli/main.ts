#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { isInputError } from '../ingest/index.js';
import { VERSION } from '../version.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerEval } from './commands/eval.js';
import { registerKeys } from './commands/keys.js';
import { registerParse } from './commands/parse.js';
import { registerScore } from './commands/score.js';
import { registerServe } from './commands/serve.js';
import { registerIngest } from './commands/ingest.js';
import { registerWorker } from './commands/worker.js';
import { ConfigError, isQueueUnavailable } from '../queue/index.js';
import { EXIT, UsageError } from './exit.js';
import { processIO, type CliIO } from './io.js';

/** Run the CLI with `argv` (without node and script) and return the exit code; never calls process.exit. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.OK;
  const setExit = (c: number) => (exitCode = c);
  const program = new Command('threadlens')
    .description('Moderation and stance analysis for discussion threads (offline, self-hosted)')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  registerAnalyze(program, io, setExit);
  registerParse(program, io, setExit);
  registerScore(program, io, setExit);
  registerEval(program, io, setExit);
  registerServe(program, io, setExit);
  registerKeys(program, io, setExit);
  registerIngest(program, io, setExit);
  registerWorker(program, io, setExit);
  for (const cmd of program.commands) for (const c of [cmd, ...cmd.commands]) c.exitOverride();

  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.OK : EXIT.USAGE;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`threadlens: ${e.message}\n`);
      return EXIT.USAGE;
    }
    if (e instanceof ConfigError) {
      io.stderr.write(`threadlens: configuration error: ${e.message}\n`);
      return EXIT.USAGE;
    }
    if (isQueueUnavailable(e)) {
      io.stderr.write(`threadlens: error: ${e.message}\n`);
      return EXIT.INTERNAL;
    }
    if (isInputError(e)) {
      io.stderr.write(`threadlens: error: ${e.message}\n`);
      return EXIT.INPUT;
    }
    const err = e as NodeJS.ErrnoException;
    io.stderr.write(`threadlens: internal error: ${err.message}${io.env.THREADLENS_DEBUG ? `\n${err.stack}` : ' (set THREADLENS_DEBUG=1 for details)'}\n`);
    return EXIT.INTERNAL;
  }
}

// Run when executed directly (node dist/src/cli/main.js, the npm bin link, or tsx src/cli/main.ts).
const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`threadlens: internal error: ${(e as Error).message}\n`);
      process.exitCode = EXIT.INTERNAL;
    },
  );
}

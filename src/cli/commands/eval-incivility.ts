import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DataError, defaultDataDir } from '../../eval/datasets.js';
import { evaluateIncivility, renderIncivilityEval } from '../../eval/incivility.js';
import { DEFAULT_THRESHOLDS } from '../../incivility/index.js';
import { EXIT } from '../exit.js';
import type { CliIO } from '../io.js';
import { unitInterval } from '../options.js';

/** `threadlens eval incivility`. */
export function registerEvalIncivility(evalCmd: Command, io: CliIO, setExit: (code: number) => void): void {
  evalCmd
    .command('incivility')
    .description('Toxic Spans char-F1, Reddit incivility P/R/F1/ROC-AUC, GitHub incivility per-type recall, on rows the model never saw')
    .option('--data <dir>', 'the shared data directory (default: $THREADLENS_DATA or ../shared/data)', defaultDataDir(io.env))
    .option('--json', 'print the figures as JSON')
    .option('--incivility-threshold <x>', 'label threshold to evaluate (0..1; default: the one chosen on dev data)', unitInterval)
    .action((opts: { data: string; json?: boolean; incivilityThreshold?: number }) => {
      const t = { ...DEFAULT_THRESHOLDS, ...(opts.incivilityThreshold !== undefined ? { threshold: opts.incivilityThreshold } : {}) };
      let figures;
      try {
        figures = evaluateIncivility(resolve(io.cwd, opts.data), undefined, t);
      } catch (e) {
        if (e instanceof DataError) {
          io.stderr.write(`threadlens eval: ${e.message}\n`);
          setExit(EXIT.INPUT);
          return;
        }
        throw e;
      }
      io.stdout.write(opts.json ? JSON.stringify(figures, null, 2) + '\n' : renderIncivilityEval(figures));
      setExit(EXIT.OK);
    });
}

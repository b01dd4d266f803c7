import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { registerEvalIncivility } from './eval-incivility.js';
import { registerEvalNumbers } from './eval-numbers.js';
import { addStanceEval } from './eval-stance.js';

/**
 * `threadlens eval <area>`: quality figures over the labelled data in ../shared/data (or --data).
 * One subcommand per area; each lives in its own file so adding an area is one line here.
 */
export function registerEval(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const ev = program.command('eval').description('measure an analyzer on labelled data (--data <dir>, default ../shared/data)');
  registerEvalIncivility(ev, io, setExit);
  registerEvalNumbers(ev, io, setExit);
  addStanceEval(ev, io, setExit);
  ev.exitOverride();
}

import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Scores } from '../../eval/metrics.js';
import { evalStance, type StanceEvalReport } from '../../eval/stance.js';
import { EXIT } from '../exit.js';
import type { CliIO } from '../io.js';
import { defaultDataDir } from '../../eval/datasets.js';

/** `threadlens eval stance`: RumourEval source stance (dev) and agreement (cross-validated). */
export function addStanceEval(evalCmd: Command, io: CliIO, setExit: (code: number) => void): void {
  evalCmd
    .command('stance')
    .description('macro-F1 and accuracy of stance toward the source (RumourEval 2019 dev) and toward the parent (SubReddit-CovidVaccine, cross-validated)')
    .option('--data <dir>', 'the shared data directory (default: $THREADLENS_DATA or ../shared/data)', defaultDataDir(io.env))
    .option('--json', 'print the figures as JSON')
    .action(async (opts: { data: string; json?: boolean }) => {
      const report = await evalStance(resolve(io.cwd, opts.data));
      io.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : renderStanceEval(report));
      setExit(EXIT.OK);
    });
}

export function renderStanceEval(r: StanceEvalReport): string {
  const re = r.rumoureval;
  const row = (name: string, s: Scores) => `  ${name.padEnd(26)} ${String(s.n).padStart(5)}   ${s.macroF1.toFixed(3)}     ${s.accuracy.toFixed(3)}`;
  const classes = (s: Scores) =>
    Object.entries(s.perClass).map(([l, c]) => `    ${l.padEnd(9)} P ${c.precision.toFixed(3)}  R ${c.recall.toFixed(3)}  F1 ${c.f1.toFixed(3)}  (n ${c.support})`);
  const out = [
    'Stance toward the source: RumourEval 2019 task A, dev split (model fit on train)',
    `  data ${re.file} (sha256 ${re.sha256.slice(0, 12)}…)${re.modelTrainedOn && re.modelTrainedOn !== re.sha256 ? `  WARNING: the model was trained on a different file (sha256 ${re.modelTrainedOn.slice(0, 12)}…)` : ''}`,
    `  ${''.padEnd(26)}     n   macro-F1  accuracy`,
    row('all', re.all),
    row('twitter', re.twitter),
    row('reddit', re.reddit),
    row('source posts', re.sourcePosts),
    row('depth-1 replies', re.depth1),
    row('deeper replies', re.deeper),
    row('model without rules', re.modelOnly),
    row('always "comment"', re.alwaysComment),
    '  per class (all):',
    ...classes(re.all),
    `  rules changed: ${Object.entries(re.ruleChanges).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    '',
    `Stance toward the parent: SubReddit-CovidVaccine (Lei & Huang 2022), ${r.agreement.folds}-fold cross-validation grouped by quote`,
    `  data ${r.agreement.file} (sha256 ${r.agreement.sha256.slice(0, 12)}…)`,
    row('all', r.agreement.all),
    ...classes(r.agreement.all),
  ];
  return out.join('\n') + '\n';
}

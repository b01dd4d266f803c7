import { resolve } from 'node:path';
import type { Command } from 'commander';
import { evalNumbers, type NumbersEval } from '../../eval/numbers.js';
import { EXIT } from '../exit.js';
import type { CliIO } from '../io.js';
import { defaultDataDir } from '../../eval/datasets.js';

const DESCRIBE: Record<string, string> = {
  hybrid: 'Threadlens default: token scanner, recogniser only on the short stretches the scanner defers',
  recognizer: 'Recognizers-Text on every sentence holding a digit or a number word',
  scan: 'token scanner alone',
};

export function registerEvalNumbers(ev: Command, io: CliIO, setExit: (code: number) => void): void {
  ev.command('numbers')
    .description("number reading vs. Microsoft Recognizers-Text's English NumberModel spec (cases not supported on javascript skipped)")
    .option('--data <dir>', 'the shared data directory (default: $THREADLENS_DATA or ../shared/data)', defaultDataDir(io.env))
    .option('--json', 'print the figures as JSON')
    .option('--failures <n>', 'list up to n failing cases per reader', (v) => Math.max(0, Number.parseInt(v, 10) || 0), 5)
    .action(async (opts: { data: string; json?: boolean; failures: number }) => {
      const r = await evalNumbers(resolve(io.cwd, opts.data));
      io.stdout.write(opts.json ? JSON.stringify(r, null, 2) + '\n' : renderText(r, opts.failures));
      setExit(EXIT.OK);
    });
}

function renderText(r: NumbersEval, maxFailures: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const out = [`Number reading on ${r.file}`, `${r.total - r.skipped} cases (${r.skipped} of ${r.total} skipped: NotSupported names javascript)`, ''];
  for (const s of r.readers) {
    out.push(`${s.reader.padEnd(11)} ${String(s.passed).padStart(4)}/${s.cases}  ${pct(s.rate).padStart(6)}  ${DESCRIBE[s.reader] ?? ''}`);
    if (s.reader === 'hybrid') {
      out.push(`            the recogniser ran on ${s.deferred} cases; the scanner read the other ${s.scanned.cases} alone, ${s.scanned.passed} correctly`);
    }
    for (const f of s.failures.slice(0, maxFailures)) out.push(`            ✗ ${JSON.stringify(f.input)}: expected [${f.expected.join(', ')}], got [${f.got.join(', ')}]`);
  }
  return out.join('\n') + '\n';
}

import { spawn } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { REPO } from './paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured streams (fast; used for most CLI tests). */
export async function runCli(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  const io: CliIO = { stdin: Readable.from([Buffer.from(stdin)]), stdout: out, stderr: err, cwd: REPO, env };
  const code = await main(args, io);
  return { code, stdout: Buffer.concat(chunks.out).toString('utf8'), stderr: Buffer.concat(chunks.err).toString('utf8') };
}

/** Run the CLI as a real child process (checks the real exit status and stream handling). */
export function spawnCli(args: string[], opts: { stdin?: NodeJS.ReadableStream | string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
    if (typeof opts.stdin === 'string') child.stdin.end(opts.stdin);
    else if (opts.stdin) opts.stdin.pipe(child.stdin);
    else child.stdin.end();
  });
}

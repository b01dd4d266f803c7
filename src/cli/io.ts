import type { Readable, Writable } from 'node:stream';

/** The process streams a command uses; tests pass their own. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  /** Working directory for relative paths. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function processIO(): CliIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

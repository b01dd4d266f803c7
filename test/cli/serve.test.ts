import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { REPO, SEED_THREAD, tempDir } from '../helpers/paths.js';
import { readFileSync } from 'node:fs';

interface Served {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Start `threadlens serve` as a real process and wait for its "listening on" line. */
function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--log', 'silent', ...args], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...env },
  });
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${err}`)), 60_000);
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stderr: () => err, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${err}`));
    });
  });
}

describe('threadlens keys and serve', () => {
  let dir: string;
  let adminKey: string;
  beforeAll(async () => {
    dir = await tempDir('serve');
  });

  it('keys create prints the new key alone on stdout', async () => {
    const r = await runCli(['keys', 'create', '--role', 'admin', '--name', 'root', '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^tlk_[A-Za-z0-9_-]{43}\n$/);
    expect(r.stderr).toMatch(/created key_\w+ \(role admin, name "root"\).*not shown again/);
    adminKey = r.stdout.trim();
    expect(existsSync(join(dir, 'pglite'))).toBe(true);
    const list = await runCli(['keys', 'list', '--json', '--data-dir', dir]);
    expect(JSON.parse(list.stdout)).toEqual([{ id: expect.stringMatching(/^key_/), name: 'root', role: 'admin', createdAt: expect.any(String) }]);
    expect(list.stdout).not.toContain(adminKey);
  });

  it('keys create refuses a missing or unknown role (usage error)', async () => {
    expect((await runCli(['keys', 'create', '--data-dir', dir])).code).toBe(2);
    const bad = await runCli(['keys', 'create', '--role', 'superuser', '--data-dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('admin, moderator, ingest, reader');
  });

  describe('a running server', () => {
    let s: Served;
    beforeAll(async () => {
      s = await serve(['--data-dir', dir, '--max-body', '256KB']);
    });
    afterAll(async () => {
      if (s && s.child.exitCode === null) {
        s.child.kill('SIGTERM');
        await s.exited;
      }
    });

    it('serves the API with the keys the CLI created, over a real socket', async () => {
      expect(s.stderr()).toMatch(/database: pglite in .*pglite; queue: in-process/);
      const auth = { authorization: `Bearer ${adminKey}` };
      expect(await (await fetch(`${s.url}/health`)).json()).toEqual({ status: 'ok' });
      const sub = await fetch(`${s.url}/v1/threads`, { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: readFileSync(SEED_THREAD) });
      expect(sub.status).toBe(202);
      const { threadId } = (await sub.json()) as { threadId: string };
      let status = '';
      for (let i = 0; i < 200 && status !== 'done'; i++) {
        status = ((await (await fetch(`${s.url}/v1/threads/${threadId}`, { headers: auth })).json()) as { status: string }).status;
        if (status !== 'done') await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe('done');
      const html = await fetch(`${s.url}/v1/threads/${threadId}/report`, { headers: { ...auth, accept: 'text/html' } });
      expect(html.headers.get('content-type')).toMatch(/^text\/html/);
      const review = (await (await fetch(`${s.url}/v1/review`, { headers: auth })).json()) as { items: unknown[] };
      expect(review.items.length).toBeGreaterThan(0);
      expect((await fetch(`${s.url}/v1/review`)).status).toBe(401);
    });

    it('answers an oversize body with 413 and the error shape over the socket', async () => {
      const r = await fetch(`${s.url}/v1/threads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'text/plain' },
        body: Buffer.alloc(300 * 1024, 'x'),
      });
      expect(r.status).toBe(413);
      expect(await r.json()).toMatchObject({ error: { code: 'body-too-large', message: expect.stringContaining('256.0 KB') } });
    });

    it('keeps other processes out of the embedded database while it runs', async () => {
      const r = await spawnCli(['keys', 'create', '--role', 'reader', '--data-dir', dir], { env: { DATABASE_URL: '' } });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/in use by process \d+/);
      expect(r.stderr).toContain('POST /v1/keys');
      expect(r.stdout).toBe('');
    });

    it('shuts down cleanly on SIGTERM', async () => {
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      expect(s.stderr()).toContain('shutting down');
      // The lock is released: the CLI can use the store again, and the data survived.
      const list = await runCli(['keys', 'list', '--data-dir', dir]);
      expect(list.code).toBe(0);
      expect(list.stdout).toContain('root');
    });
  });

  it('reports an unreachable Postgres plainly', async () => {
    const r = await spawnCli(['serve', '--port', '0'], { env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cannot reach the database at DATABASE_URL');
    expect(r.stderr).not.toContain('    at ');
  });

  it('serves from Postgres when DATABASE_URL is set', async () => {
    const { openTestDb } = await import('../helpers/db.js');
    const t = await openTestDb('postgres');
    try {
      const schema = /schema (\S+)\)/.exec(t.db.location)![1]!;
      const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
      url.searchParams.set('options', `-c search_path=${schema}`);
      const { secret } = await t.store.keys.create('reader', 'pg-reader');
      const s = await serve([], { DATABASE_URL: url.toString() });
      try {
        expect(s.stderr()).toContain('database: postgres');
        const r = await fetch(`${s.url}/v1/threads`, { headers: { authorization: `Bearer ${secret}` } });
        expect(r.status).toBe(200);
      } finally {
        s.child.kill('SIGTERM');
        expect(await s.exited).toBe(0);
      }
    } finally {
      await t.close();
    }
  });
});

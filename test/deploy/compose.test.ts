import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../helpers/paths.js';

/*
 * There is no Docker engine on the development machine, so compose is checked structurally: the file
 * parses, every service has a health check, Redis persists and never evicts, workers can be scaled,
 * and the paths the services run exist in the build.
 */

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  container_name?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval?: string };
  stop_grace_period?: string;
  volumes?: string[];
}

const compose = parse(readFileSync(join(REPO, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const s = compose.services;

describe('docker-compose.yml', () => {
  it('has redis, postgres, the API and a worker, each with a health check', () => {
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['redis', 'postgres', 'api', 'worker']));
    for (const [name, svc] of Object.entries(s)) {
      expect(svc.healthcheck?.test?.length, `${name} health check`).toBeGreaterThan(1);
      expect(['CMD', 'CMD-SHELL']).toContain(svc.healthcheck!.test[0]);
    }
  });

  it('runs Redis with AOF persistence on a volume and the noeviction policy', () => {
    const cmd = s.redis!.command!.join(' ');
    expect(cmd).toMatch(/--appendonly yes/);
    expect(cmd).toMatch(/--maxmemory-policy noeviction/);
    expect(s.redis!.volumes).toEqual(expect.arrayContaining([expect.stringMatching(/^redis-data:\/data$/)]));
    expect(compose.volumes).toHaveProperty('redis-data');
  });

  it('points the app services at redis and postgres, and starts them once those are healthy', () => {
    for (const name of ['api', 'worker']) {
      const svc = s[name]!;
      expect(svc.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(svc.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
      expect(svc.depends_on).toEqual({ redis: { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } });
    }
    expect(s.api!.command).toEqual(['serve', '--host', '0.0.0.0', '--port', '8080']);
    expect(s.api!.healthcheck!.test.join(' ')).toContain('/health');
  });

  it('lets the worker scale (--scale worker=N) and shut down gracefully', () => {
    const w = s.worker!;
    expect(w.container_name).toBeUndefined();
    expect(w.ports).toBeUndefined();
    expect(w.entrypoint).toEqual(['node', 'dist/workers/analyze.js']);
    expect(Number(w.environment?.THREADLENS_WORKER_CONCURRENCY)).toBeGreaterThanOrEqual(1);
    // Docker's stop grace period outlasts the worker's own shutdown timeout, so SIGKILL never cuts a finishing job.
    expect(parseInt(w.stop_grace_period ?? '10', 10) * 1000).toBeGreaterThan(Number(w.environment?.THREADLENS_SHUTDOWN_TIMEOUT_MS));
    expect(w.healthcheck!.test).toEqual(['CMD', 'node', 'dist/workers/healthcheck.js']);
    expect(w.environment?.THREADLENS_HEALTH_FILE).toBeTruthy();
  });

  it('runs files the image builds: the worker and health check entry points exist as sources', () => {
    expect(existsSync(join(REPO, 'workers', 'analyze.ts'))).toBe(true);
    expect(existsSync(join(REPO, 'workers', 'healthcheck.ts'))).toBe(true);
    const build = JSON.parse(readFileSync(join(REPO, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
    expect(build.include).toContain('workers');
    const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^COPY workers \.\/workers$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
  });
});

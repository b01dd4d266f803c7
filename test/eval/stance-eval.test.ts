import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderStanceEval } from '../../src/cli/commands/eval-stance.js';
import type { StanceEvalReport } from '../../src/eval/stance.js';
import { loadRumourEval } from '../../src/eval/stance-data.js';
import { isInputError } from '../../src/ingest/index.js';
import { runCli } from '../helpers/cli.js';
import { REPO, SHARED_DATA, tempDir } from '../helpers/paths.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { buildModelFile, MODEL_PATH } from '../../src/stance/model-build.js';

const DATA = SHARED_DATA;

describe('eval stance on the shared data', () => {
  it('data directory is present (CI runs with shared/ beside the repository)', () => {
    expect(existsSync(join(DATA, 'rumoureval2019', 'train_dev.jsonl'))).toBe(true);
  });

  it('meets the targets: RumourEval dev macro-F1 ≥ 0.45 and agreement macro-F1 ≥ 0.45 (via the CLI, --json)', async () => {
    const out = await runCli(['eval', 'stance', '--data', DATA, '--json']);
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout) as StanceEvalReport;
    expect(r.rumoureval.all.n).toBe(1485);
    expect(r.rumoureval.all.macroF1).toBeGreaterThanOrEqual(0.45);
    expect(r.rumoureval.all.macroF1).toBeGreaterThan(r.rumoureval.alwaysComment.macroF1);
    expect(r.rumoureval.twitter.n + r.rumoureval.reddit.n).toBe(1485);
    expect(r.rumoureval.sourcePosts.n + r.rumoureval.depth1.n + r.rumoureval.deeper.n).toBe(1485);
    expect(r.rumoureval.modelTrainedOn).toBe(r.rumoureval.sha256);
    expect(r.agreement.all.n).toBe(1400);
    expect(r.agreement.all.macroF1).toBeGreaterThanOrEqual(0.45);
    const text = renderStanceEval(r);
    expect(text).toMatch(/^ {2}depth-1 replies +810 +0\.\d{3} +0\.\d{3}$/m);
    expect(text).toMatch(/rules changed: .*off-claim \d+/);
  }, 120_000);
});

describe('eval stance: bad data', () => {
  it('names the missing file and the --data option', async () => {
    const r = await runCli(['eval', 'stance', '--data', 'no/such/dir']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no\/such\/dir\/rumoureval2019\/train_dev\.jsonl: not found; pass the shared data directory with --data/);
  });

  it('names the line of a malformed row', async () => {
    const dir = await tempDir('eval-bad');
    await mkdir(join(dir, 'rumoureval2019'));
    await writeFile(join(dir, 'rumoureval2019', 'train_dev.jsonl'), '{"id":"1","text":"x","label":"support","split":"train","platform":"twitter"}\n{"id":"2","text":"y","label":"maybe","split":"dev","platform":"twitter"}\n');
    const e = await loadRumourEval(dir).catch((x: unknown) => x);
    expect(isInputError(e)).toBe(true);
    expect((e as Error).message).toMatch(/train_dev\.jsonl \(line 2\): label "maybe" is not one of support, deny, query, comment/);
  });
});

describe('the committed stance model', () => {
  it('is exactly what `npm run train:stance` builds from the shared data (apart from the date)', async () => {
    const { text } = await buildModelFile(DATA);
    const committed = await readFile(join(REPO, MODEL_PATH), 'utf8');
    const undated = (s: string) => s.replace(/"createdAt": "[^"]*"/, '"createdAt": ""');
    expect(undated(text)).toBe(undated(committed));
  }, 120_000);
});

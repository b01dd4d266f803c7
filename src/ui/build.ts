import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package root, found from this module whether it runs from src/ui (tsx) or dist/src/ui (npm run build). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

/**
 * Build the web UI into `outDir`: the client TypeScript bundled by esbuild into one ES module
 * (app.js, with its source map) and the static pages and styles copied beside it. esbuild is a dev
 * dependency: `npm ci` (prepare) and the Docker build stage have it; the running server only reads files.
 */
export async function buildUi(outDir: string = join(packageRoot(), 'dist', 'ui')): Promise<string[]> {
  const root = packageRoot();
  const { build } = await import('esbuild');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(root, 'src', 'ui', 'client', 'main.ts')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    sourcemap: 'linked',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  if (result.errors.length) throw new Error(`UI bundle failed: ${result.errors.map((e) => e.text).join('; ')}`);
  const staticDir = join(root, 'src', 'ui', 'static');
  const files = await readdir(staticDir);
  for (const f of files) await copyFile(join(staticDir, f), join(outDir, f));
  return [...files, 'app.js', 'app.js.map'].sort();
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const out = process.argv[2] ? resolve(process.argv[2]) : undefined;
  buildUi(out).then(
    (files) => console.log(`web UI built: ${files.join(', ')}`),
    (e: unknown) => {
      console.error(`web UI build failed: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}

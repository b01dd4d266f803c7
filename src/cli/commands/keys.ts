import { Option, type Command } from 'commander';
import { ROLES, type Role } from '../../model/index.js';
import { DEFAULT_DATA_DIR } from '../../api/defaults.js';
import type { Store } from '../../store/index.js';
import { EXIT } from '../exit.js';
import type { CliIO } from '../io.js';
import { storeFailure } from './store-errors.js';

/** Open the same store `serve` uses (DATABASE_URL, else the embedded database in --data-dir). */
async function withStore(io: CliIO, dataDir: string, fn: (store: Store) => Promise<void>): Promise<number> {
  const { openStore } = await import('../../store/index.js');
  let store: Store;
  try {
    store = await openStore({ databaseUrl: io.env.DATABASE_URL || undefined, dataDir, cwd: io.cwd });
  } catch (e) {
    return storeFailure(e, io, ' While it runs, an admin can create keys with POST /v1/keys.');
  }
  try {
    await fn(store);
  } finally {
    await store.close();
  }
  return EXIT.OK;
}

export function registerKeys(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const keys = program.command('keys').description('manage API keys (stored hashed; a key is shown once, when created)');
  keys
    .command('create')
    .description('create an API key and print it (alone, on stdout)')
    .addOption(new Option('--role <role>', 'what the key may do').choices([...ROLES]).makeOptionMandatory())
    .option('--name <name>', 'who or what uses the key (recorded with every decision it makes)')
    .option('--data-dir <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', DEFAULT_DATA_DIR)
    .action(async (opts: { role: Role; name?: string; dataDir: string }) => {
      setExit(
        await withStore(io, opts.dataDir, async (store) => {
          const { secret, info } = await store.keys.create(opts.role, opts.name ?? opts.role);
          io.stdout.write(`${secret}\n`);
          io.stderr.write(`created ${info.id} (role ${info.role}, name "${info.name}") in ${store.db.location}; copy the key now: it is not shown again\n`);
        }),
      );
    });
  keys
    .command('list')
    .description('list API keys (ids, names, roles; never the keys themselves)')
    .option('--data-dir <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', DEFAULT_DATA_DIR)
    .option('--json', 'JSON output')
    .action(async (opts: { dataDir: string; json?: boolean }) => {
      setExit(
        await withStore(io, opts.dataDir, async (store) => {
          const list = await store.keys.list();
          if (opts.json) io.stdout.write(JSON.stringify(list, null, 2) + '\n');
          else for (const k of list) io.stdout.write(`${k.id}\t${k.role}\t${k.name}\t${k.createdAt}\n`);
        }),
      );
    });
}

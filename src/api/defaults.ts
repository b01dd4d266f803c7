// Defaults shared by the API and the CLI, in a module with no imports so that `threadlens analyze`
// does not load fastify or the database drivers just to print its help.
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
/** Response cache for review pages and reports (see api/cache.ts); 0 turns it off. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_RATE_LIMIT = { max: 1200, timeWindowMs: 60_000 };
export { DEFAULT_DATA_DIR } from '../store/defaults.js';

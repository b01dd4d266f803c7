export { buildApp, createApp, type AppDeps, type CreateAppOptions } from './app.js';
export { DEFAULT_BODY_LIMIT, DEFAULT_CACHE_BYTES, DEFAULT_RATE_LIMIT, DEFAULT_DATA_DIR } from './defaults.js';
export { ResponseCache } from './cache.js';
export { listen, type ListenOptions, type RunningServer } from './server.js';
export { openDeps, makeQueue, type Deps, type DepsOptions } from './deps.js';
export { Metrics } from './metrics.js';
export { ApiError, ErrorBody } from './errors.js';

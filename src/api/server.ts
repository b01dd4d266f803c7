import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { createApp, type AppDeps } from './app.js';

export interface ListenOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  logger?: FastifyServerOptions['logger'];
}

export interface RunningServer {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  close(): Promise<void>;
}

/** Build the app from ready dependencies and listen. Closing stops accepting requests and drains them. */
export async function listen(deps: AppDeps, options: ListenOptions): Promise<RunningServer> {
  const app = await createApp(deps, { logger: options.logger ?? false });
  await app.listen({ host: options.host, port: options.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { app, url: `http://${host}:${port}`, close: () => app.close() };
}

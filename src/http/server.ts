import { fileURLToPath } from 'node:url';
import type { Context } from '../main/create-context.js';
import { buildApp } from './app.js';

const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server on the configured host and port. */
export async function startServer(ctx: Context, options: { logger?: boolean } = {}): Promise<RunningServer> {
  const app = await buildApp(ctx, { webRoot: WEB_ROOT, logger: options.logger ?? true });
  const address = await app.listen({ host: ctx.config.host, port: ctx.config.port });
  return { url: address.replace('[::1]', 'localhost'), close: () => app.close() };
}

import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import { startServer } from '../../http/server.js';
import { createContext } from '../../main/create-context.js';
import { configFor, type GlobalOptions } from '../context.js';
import { print, type CliIo } from '../io.js';
import { intIn } from '../parse.js';

export function serveCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('serve the web app and the API')
    .option('--port <port>', 'port (default: PORT or 3000)', intIn(0, 65535))
    .option('--host <host>', 'host (default: HOST or 127.0.0.1)')
    .option('--seed-if-empty', 'seed the demo data when the database holds no talent and no project')
    .action(async (opts: { port?: number; host?: string; seedIfEmpty?: boolean }) => {
      const config = configFor(io, program.opts<GlobalOptions>());
      if (opts.port !== undefined) config.port = opts.port;
      if (opts.host !== undefined) config.host = opts.host;
      const ctx = await createContext(config);
      if (opts.seedIfEmpty && (await ctx.services.demo.isEmpty())) {
        const r = await ctx.services.demo.seed(config.demo);
        print(io, `seeded demo: ${r.talents} talents, ${r.projects} projects (seed ${r.seed})`);
      }
      const server = await startServer(ctx, { logger: config.logLevel !== 'silent' });
      const where = config.db.kind === 'sqlite' ? config.db.file : 'PostgreSQL';
      print(io, `Vivier is running at ${server.url} (database: ${where})`);
      // Build the matching index now rather than on the first ranking request: on a large pool it takes
      // seconds, which a user should not wait for. A failure is reported; requests build it again.
      const t0 = performance.now();
      ctx.services.matching.freshIndex().then(
        (index) =>
          print(
            io,
            `matching index ready: ${index.size} talents in ${Math.round(performance.now() - t0)} ms`,
          ),
        (e: unknown) =>
          io.stderr.write(
            `matching index not built at start: ${e instanceof Error ? e.message : String(e)}\n`,
          ),
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await ctx.close();
    });
}

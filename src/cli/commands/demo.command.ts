import type { Command } from 'commander';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, type CliIo } from '../io.js';
import { intIn } from '../parse.js';

export function demoCommand(program: Command, io: CliIo): void {
  const demo = program.command('demo').description('generated demonstration data');
  demo
    .command('seed')
    .description('generate a deterministic demo pool and projects into the database (same seed, same data)')
    .option('--size <n>', 'number of talents', intIn(1, 2_000_000))
    .option('--projects <n>', 'number of projects (default: size / 8)', intIn(1, 1_000_000))
    .option('--seed <s>', 'random seed', intIn(0, 4_294_967_295))
    .option('--json', 'print the result as JSON')
    .action(async (opts: { size?: number; projects?: number; seed?: number; json?: boolean }) => {
      await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
        const talents = opts.size ?? ctx.config.demo.talents;
        const result = await ctx.services.demo.seed({
          talents,
          projects:
            opts.projects ?? (opts.size ? Math.max(5, Math.round(talents / 8)) : ctx.config.demo.projects),
          seed: opts.seed ?? ctx.config.demo.seed,
        });
        if (opts.json) printJson(io, result);
        else
          print(io, `seeded ${result.talents} talents and ${result.projects} projects (seed ${result.seed})`);
      });
    });
}

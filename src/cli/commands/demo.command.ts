import { InvalidArgumentError, type Command } from 'commander';
import { DEMO_SIZES, DEMO_SIZE_NAMES, type DemoSize } from '../../core/demo/generate-demo.js';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, type CliIo } from '../io.js';
import { intIn } from '../parse.js';
import { progressDisplay } from '../progress.js';

type SizeArg = { preset: DemoSize } | { talents: number };

/** `--size small|medium|large` or a number of talents. */
const sizeArg = (raw: string): SizeArg => {
  if ((DEMO_SIZE_NAMES as string[]).includes(raw)) return { preset: raw as DemoSize };
  if (!/^\d+$/.test(raw))
    throw new InvalidArgumentError(
      `expected ${DEMO_SIZE_NAMES.join(', ')} or a number of talents, got "${raw}"`,
    );
  return { talents: intIn(1, 2_000_000)(raw) };
};

export function demoCommand(program: Command, io: CliIo): void {
  const demo = program.command('demo').description('generated demonstration data');
  demo
    .command('seed')
    .description(
      'generate a deterministic demo pool and project history into the database (same seed, same data); ' +
        'small: 300 talents, 250 projects; medium: 20,000 and 2,000; large: 1,000,000 and 100,000',
    )
    .option('--size <size>', `${DEMO_SIZE_NAMES.join('|')} or a number of talents (default: small)`, sizeArg)
    .option(
      '--projects <n>',
      'number of projects (default: the preset’s, or talents / 8)',
      intIn(1, 1_000_000),
    )
    .option('--seed <s>', 'random seed', intIn(0, 4_294_967_295))
    .option('--no-progress', 'no progress bar on stderr')
    .option('--json', 'print the result as JSON')
    .action(
      async (opts: {
        size?: SizeArg;
        projects?: number;
        seed?: number;
        json?: boolean;
        progress: boolean;
      }) => {
        await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
          const base = !opts.size
            ? { talents: ctx.config.demo.talents, projects: ctx.config.demo.projects }
            : 'preset' in opts.size
              ? { ...DEMO_SIZES[opts.size.preset] }
              : { talents: opts.size.talents, projects: Math.max(5, Math.round(opts.size.talents / 8)) };
          const options = {
            talents: base.talents,
            projects: opts.projects ?? base.projects,
            seed: opts.seed ?? ctx.config.demo.seed,
          };
          const bar = progressDisplay(io, opts.progress && options.talents + options.projects >= 10_000);
          const result = await ctx.services.demo.seed(options, undefined, (p) =>
            bar.update({
              phase: `write ${p.kind}`,
              item: 'demo',
              done: p.done,
              total: p.total,
              unit: 'rows',
            }),
          );
          bar.finish();
          if (opts.json) printJson(io, result);
          else
            print(
              io,
              `seeded ${result.talents} talents and ${result.projects} projects (seed ${result.seed})`,
            );
        });
      },
    );
}

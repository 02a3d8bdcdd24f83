import type { Command } from 'commander';
import { presentClassification } from '../../contract/briefs.schemas.js';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, readStdin, table, type CliIo } from '../io.js';

interface ClassifyOptions {
  json?: boolean;
}

export function classifyCommand(program: Command, io: CliIo): void {
  program
    .command('classify')
    .description(
      'read a project brief on stdin (French or English) and print its industry, business function and ' +
        'archetype, each with a confidence and the words that decided it; "-" where the brief does not decide',
    )
    .option('--json', 'print as JSON (the document of POST /api/briefs/classify)')
    .action(async (opts: ClassifyOptions) => {
      await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
        const text = await readStdin(io, ctx.config.limits.maxTextBytes);
        const out = presentClassification(await ctx.services.briefs.classify(text));
        if (opts.json) return printJson(io, out);
        const fields = [
          ['industry', out.industry],
          ['function', out.businessFunction],
          ['archetype', out.archetype],
        ] as const;
        print(
          io,
          table(
            ['field', 'value', 'confidence', 'evidence', 'runners-up'],
            fields.map(([name, f]) => [
              name,
              f.value ?? '-',
              f.confidence.toFixed(2),
              f.evidence.map((e) => `"${e.phrase}" ${e.span[0]}-${e.span[1]}`).join(', '),
              f.runnersUp.map((r) => `${r.value} ${r.score}`).join(', '),
            ]),
          ),
        );
      });
    });
}

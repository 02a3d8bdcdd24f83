import type { Command } from 'commander';
import { presentMatches } from '../../contract/present.js';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, table, type CliIo } from '../io.js';
import { intIn, oneOf } from '../parse.js';

const fmt = (x: number) => x.toFixed(3);

export function matchCommand(program: Command, io: CliIo): void {
  program
    .command('match')
    .description('rank talents for a project; each score is the sum of its parts')
    .argument('<projectId>', 'project id (see `vivier projects list`)')
    .option('--top <n>', 'how many talents', intIn(1, 200), 10)
    .option(
      '--source <source>',
      'employee, freelance or all',
      oneOf(['employee', 'freelance', 'all'] as const),
      'all',
    )
    .option('--must-have', 'exclude talents lacking an exact must-have skill')
    .option('--lang <lang>', 'label language: en or fr', oneOf(['en', 'fr'] as const), 'en')
    .option('--json', 'print as JSON (the same document as GET /api/projects/:id/matches)')
    .action(
      async (
        projectId: string,
        opts: {
          top: number;
          source: 'employee' | 'freelance' | 'all';
          mustHave?: boolean;
          lang: 'en' | 'fr';
          json?: boolean;
        },
      ) => {
        await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
          const r = await ctx.services.matching.matchProject(projectId, {
            top: opts.top,
            source: opts.source,
            requireMust: opts.mustHave ?? false,
          });
          const { taxonomy } = await ctx.services.taxonomy.get();
          const out = presentMatches(taxonomy, r.project.id, r.considered, r.weights, r.matches, opts.lang);
          if (opts.json) return printJson(io, out);
          print(io, `${r.project.name} — ${out.matches.length} of ${out.considered} talents`);
          print(
            io,
            table(
              ['#', 'talent', 'source', 'score', 'coverage', 'level fit', 'adjacent', 'name'],
              out.matches.map((m) => [
                m.rank,
                m.talentId,
                m.source,
                fmt(m.score),
                fmt(m.parts.coverage),
                fmt(m.parts.levelFit),
                fmt(m.parts.adjacency),
                m.name,
              ]),
            ),
          );
        });
      },
    );
}

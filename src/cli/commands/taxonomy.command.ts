import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, table, type CliIo } from '../io.js';
import { progressDisplay } from '../progress.js';

export function taxonomyCommand(program: Command, io: CliIo): void {
  const taxonomy = program
    .command('taxonomy')
    .description('the skills taxonomy: built-in, and ESCO on request');
  const importCmd = taxonomy.command('import').description('import a taxonomy into the database');
  importCmd
    .command('esco')
    .description(
      'import the official ESCO CSV download (skills, occupations, groups, relations; every language present) ' +
        'from <dir>, found by file name anywhere under it; all or nothing, re-importing gives the same rows',
    )
    .argument('<dir>', 'directory holding the ESCO CSV files')
    .option('--json', 'print the result as JSON')
    .option('--no-progress', 'no progress display on stderr')
    .action(async (dir: string, opts: { json?: boolean; progress: boolean }) => {
      await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
        const t0 = performance.now();
        const progress = progressDisplay(io, opts.progress);
        let result;
        try {
          result = await ctx.services.escoImport.import(dir, (p) => progress.update(p));
        } finally {
          progress.finish();
        }
        const totalMs = Math.round(performance.now() - t0);
        if (opts.json) return printJson(io, { ...result, totalMs });
        const c = result.counts;
        print(
          io,
          [
            `imported ESCO from ${dir} (${result.languages.join(', ')}) in ${(totalMs / 1000).toFixed(1)} s ` +
              `(read ${(result.readMs / 1000).toFixed(1)} s, write ${(result.writeMs / 1000).toFixed(1)} s)`,
            table(
              ['what', 'rows'],
              [
                ['skills', c.skills],
                ['skill labels', c.skillLabels],
                ['skill descriptions', c.skillDescriptions],
                ['skill relations', c.skillRelations],
                ['occupations', c.occupations],
                ['occupation labels', c.occupationLabels],
                ['occupation → skill', c.occupationSkills],
                ['groups (skill, ISCO)', c.groups],
                ['broader links', c.broader],
              ],
            ),
            result.skipped.rows > 0
              ? `skipped ${result.skipped.rows} rows about concepts in no concept file (first: ${result.skipped.first})`
              : 'no row skipped',
            `built-in skills linked to an imported ESCO concept: ${result.builtinLinked}` +
              (result.builtinUnresolved.length
                ? `; ESCO URI not found for ${result.builtinUnresolved.length}: ${result.builtinUnresolved.join(', ')}`
                : ''),
          ].join('\n'),
        );
      });
    });
}

import type { Command } from 'commander';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, table, type CliIo } from '../io.js';

export function projectsCommand(program: Command, io: CliIo): void {
  const projects = program.command('projects').description('AI projects');
  projects
    .command('list')
    .description('list projects')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
        const list = await ctx.services.projects.list();
        if (opts.json) return printJson(io, { projects: list });
        print(
          io,
          table(
            ['id', 'status', 'start', 'skills', 'name'],
            list.map((p) => [p.id, p.status, p.startDate, p.requirementCount, p.name]),
          ),
        );
      });
    });
}

import type { Command } from 'commander';
import { migrateToLatest } from '../../storage/migrate.js';
import { openDatabase } from '../../storage/open-database.js';
import { configFor, type GlobalOptions } from '../context.js';
import { print, printJson, type CliIo } from '../io.js';

export function migrateCommand(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = configFor(io, program.opts<GlobalOptions>());
      const { db, dialect } = openDatabase(config.db);
      try {
        const applied = await migrateToLatest(db, dialect);
        if (opts.json) printJson(io, { applied });
        else print(io, applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await db.destroy();
      }
    });
}

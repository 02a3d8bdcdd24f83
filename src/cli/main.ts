import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/env-to-config.js';
import { isDomainError } from '../core/errors.js';
import { VERSION } from '../main/version.js';
import { analyticsCommands } from './commands/analytics.command.js';
import { demoCommand } from './commands/demo.command.js';
import { exportCommand } from './commands/export.command.js';
import { extractCommand } from './commands/extract.command.js';
import { importCommand } from './commands/import.command.js';
import { matchCommand } from './commands/match.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { occupationsCommand } from './commands/occupations.command.js';
import { classifyCommand } from './commands/classify.command.js';
import { projectsCommand } from './commands/projects.command.js';
import { readinessCommand } from './commands/readiness.command.js';
import { serveCommand } from './commands/serve.command.js';
import { settingsCommand } from './commands/settings.command.js';
import { taxonomyCommand } from './commands/taxonomy.command.js';
import { teamCommand } from './commands/team.command.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import type { CliIo } from './io.js';

function buildProgram(io: CliIo): Command {
  const program = new Command('vivier')
    .description('Vivier: staff AI projects with the right people, see the skills gap, explain every score.')
    .version(VERSION)
    .option('--db <file>', 'SQLite database file (default: VIVIER_DB or ./data/vivier.db)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const add of [
    serveCommand,
    migrateCommand,
    demoCommand,
    projectsCommand,
    extractCommand,
    matchCommand,
    teamCommand,
    readinessCommand,
    taxonomyCommand,
    occupationsCommand,
    classifyCommand,
    importCommand,
    exportCommand,
    analyticsCommands,
    settingsCommand,
  ])
    add(program, io);
  // Subcommands inherit the override so a usage error returns a code instead of exiting the process.
  const propagate = (cmd: Command) => {
    cmd
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    cmd.commands.forEach(propagate);
  };
  program.commands.forEach(propagate);
  return program;
}

/** Runs the CLI and returns its exit code; never calls process.exit, so tests run it in-process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version "errors" are successful exits.
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.usage;
    }
    if (isDomainError(e)) {
      io.stderr.write(`vivier: ${e.message}\n`);
      return exitCodeFor(e.code);
    }
    if (e instanceof ConfigError) {
      io.stderr.write(`vivier: ${e.message}\n`);
      return EXIT.usage;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr.write(`vivier: ${msg.split('\n')[0]}\n`);
    return EXIT.internal;
  }
}

import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { ExportFormat } from '../../services/talents.service.js';
import { withContext, type GlobalOptions } from '../context.js';
import { printJson, type CliIo } from '../io.js';
import { oneOf } from '../parse.js';

async function writeTo(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export function exportCommand(program: Command, io: CliIo): void {
  const exp = program.command('export').description('export the pool');
  exp
    .command('talents')
    .description('write every talent as JSON Lines (native, re-importable), CSV or JSON Resume')
    .requiredOption(
      '--format <format>',
      'jsonl, csv or jsonresume',
      oneOf(['jsonl', 'csv', 'jsonresume'] as const),
    )
    .option('--out <file>', 'write to this file (replaced only once complete) instead of stdout')
    .option('--json', 'print {format, count, out} on stdout when writing to a file')
    .action(async (opts: { format: ExportFormat; out?: string; json?: boolean }) => {
      await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
        if (!opts.out) {
          await ctx.services.talents.export(opts.format, (chunk) => writeTo(io.stdout, chunk));
          return;
        }
        // Written beside the target and renamed at the end: a failed export never leaves half a file.
        const tmp = `${opts.out}.partial`;
        const file = createWriteStream(tmp);
        let count: number;
        try {
          count = await ctx.services.talents.export(opts.format, (chunk) => writeTo(file, chunk));
          file.end();
          await once(file, 'finish');
          renameSync(tmp, opts.out);
        } catch (e) {
          file.destroy();
          rmSync(tmp, { force: true });
          throw e;
        }
        if (opts.json) printJson(io, { format: opts.format, count, out: opts.out });
        else io.stderr.write(`exported ${count} talents to ${opts.out}\n`);
      });
    });
}

import type { Command } from 'commander';
import { presentExtraction } from '../../contract/present.js';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, readStdin, table, type CliIo } from '../io.js';
import { oneOf } from '../parse.js';

export function extractCommand(program: Command, io: CliIo): void {
  program
    .command('extract')
    .description('read a text on stdin and list the skills it mentions, with character spans')
    .option('--lang <lang>', 'text language: fr, en or auto', oneOf(['fr', 'en', 'auto'] as const), 'auto')
    .option('--json', 'print as JSON')
    .action(async (opts: { lang: 'fr' | 'en' | 'auto'; json?: boolean }) => {
      await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
        const text = await readStdin(io, ctx.config.limits.maxTextBytes);
        const extraction = await ctx.services.extraction.extract(text, opts.lang);
        const { taxonomy } = await ctx.services.taxonomy.get();
        const out = presentExtraction(taxonomy, extraction);
        if (opts.json) return printJson(io, out);
        if (out.skills.length === 0) return print(io, 'no skill found');
        print(
          io,
          table(
            ['skill', 'label', 'confidence', 'level', 'spans'],
            out.skills.map((s) => [
              s.id,
              s.label,
              s.confidence.toFixed(2),
              s.level ?? '',
              s.mentions.map((m) => `${m.start}-${m.end}`).join(' '),
            ]),
          ),
        );
      });
    });
}

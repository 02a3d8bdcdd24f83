import type { Command } from 'commander';
import { presentExtraction } from '../../contract/present.js';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, readStdin, table, type CliIo } from '../io.js';
import { mapJsonl } from '../jsonl.js';
import { intIn, oneOf } from '../parse.js';

interface ExtractOptions {
  lang: 'fr' | 'en' | 'auto';
  json?: boolean;
  jsonl?: boolean;
  top: number;
  skipInvalid?: boolean;
}

export function extractCommand(program: Command, io: CliIo): void {
  program
    .command('extract')
    .description(
      'read a text on stdin and list the skills it mentions, with character spans; with --jsonl, read ' +
        '{"id","text"} lines and write {"id","lang","skills":[{"id","uri","label","score","spans"}]} lines, ' +
        'skills best first (named skills, then implicit ones without spans)',
    )
    .option('--lang <lang>', 'text language: fr, en or auto', oneOf(['fr', 'en', 'auto'] as const), 'auto')
    .option('--json', 'print as JSON')
    .option('--jsonl', 'JSON Lines in and out, one result per input line, streamed')
    .option('--top <k>', 'with --jsonl: skills per text', intIn(1, 10_000), 20)
    .option('--skip-invalid', 'with --jsonl: report a bad line on stderr and go on')
    .action(async (opts: ExtractOptions) => {
      await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
        if (opts.jsonl) {
          await mapJsonl(io, { skipInvalid: opts.skipInvalid === true }, async ({ id, text }) => {
            const r = await ctx.services.extraction.rank(text, opts.lang, opts.top);
            return { id, lang: r.lang, skills: r.skills };
          });
          return;
        }
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

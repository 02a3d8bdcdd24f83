import type { Command } from 'commander';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, table, type CliIo } from '../io.js';
import { mapJsonl } from '../jsonl.js';
import { intIn, oneOf } from '../parse.js';

interface LinkOptions {
  jsonl?: boolean;
  json?: boolean;
  top: number;
  lang?: 'fr' | 'en';
  skipInvalid?: boolean;
}

export function occupationsCommand(program: Command, io: CliIo): void {
  const occupations = program.command('occupations').description('occupations (ESCO, once imported)');
  occupations
    .command('link')
    .description(
      'link job titles (French or English) to occupations; with --jsonl, read {"id","text"} lines and write ' +
        '{"id","occupations":[{"id","uri","label","score"}]} lines, best first',
    )
    .argument('[title...]', 'a job title (without --jsonl)')
    .option('--jsonl', 'JSON Lines in and out, one result per input line, streamed')
    .option('--json', 'print as JSON (with a title argument)')
    .option('--top <k>', 'occupations per title', intIn(1, 10_000), 20)
    .option(
      '--lang <lang>',
      'language of the labels returned: fr or en (default: that of the match)',
      oneOf(['fr', 'en'] as const),
    )
    .option('--skip-invalid', 'with --jsonl: report a bad line on stderr and go on')
    .action(async (words: string[], opts: LinkOptions) => {
      await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
        const service = ctx.services.occupations;
        // A title is text like any other: the size limit and the refusal of binary input apply.
        const check = (text: string) => ctx.services.extraction.validate(text);
        if (opts.jsonl) {
          await service.getLinker();
          await mapJsonl(io, { skipInvalid: opts.skipInvalid === true }, async ({ id, text }) => {
            check(text);
            const links = await service.link(text, opts.top, opts.lang);
            return {
              id,
              occupations: links.map(({ id: oid, uri, label, score }) => ({ id: oid, uri, label, score })),
            };
          });
          return;
        }
        const title = words.join(' ').trim();
        check(title);
        const links = await service.link(title, opts.top, opts.lang);
        if (opts.json)
          return printJson(io, {
            title,
            occupations: links.map(({ id, uri, label, score }) => ({ id, uri, label, score })),
          });
        if (links.length === 0) return print(io, 'no occupation found');
        print(
          io,
          table(
            ['score', 'occupation', 'matched', 'uri'],
            links.map((l) => [l.score.toFixed(3), l.label, l.matched, l.uri ?? '']),
          ),
        );
      });
    });
}

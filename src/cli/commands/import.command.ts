import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { type Command } from 'commander';
import { DomainError, isDomainError } from '../../core/errors.js';
import { CV_LIMITS } from '../../services/cv-text.js';
import type { CvResult } from '../../services/cv.service.js';
import { fileSource } from '../../services/import-readers.js';
import {
  IMPORT_LIMITS,
  type ImportFormat,
  type ImportKind,
  type ImportOptions,
  type ImportSummary,
} from '../../services/import.service.js';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, table, type CliIo } from '../io.js';
import { intIn, oneOf } from '../parse.js';
import { progressDisplay } from '../progress.js';

/** The service's import options as commander hands them over, plus the output switches. */
interface FileOptions extends Pick<
  ImportOptions,
  'dryRun' | 'skipInvalid' | 'resume' | 'restart' | 'batchSize' | 'maxRows' | 'maxBytes' | 'source'
> {
  format?: ImportFormat;
  json?: boolean;
  progress: boolean;
}

/** The format a file's extension says: .jsonl/.ndjson, .csv, .json (JSON Resume). */
export function formatOf(file: string, given: ImportFormat | undefined, kind: ImportKind): ImportFormat {
  if (given) return given;
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.json' && kind === 'talents') return 'jsonresume';
  throw new DomainError(
    'invalid_input',
    `${basename(file)}: cannot tell the format from the extension; pass --format jsonl|csv${kind === 'talents' ? '|jsonresume' : ''}`,
    'format',
  );
}

const n = (x: number) => x.toLocaleString('en-US');

function printSummary(io: CliIo, s: ImportSummary): void {
  for (const r of s.rejects) io.stderr.write(`${r.file}:${r.line}: ${r.field}: ${r.message}\n`);
  if (s.rejected > s.rejects.length)
    io.stderr.write(`… and ${n(s.rejected - s.rejects.length)} more rejected records\n`);
  for (const w of s.warnings) io.stderr.write(`warning: ${w.file}:${w.line}: ${w.field}: ${w.message}\n`);
  const verdict = s.dryRun
    ? 'dry run, nothing written'
    : s.imported
      ? 'imported'
      : 'NOT imported: fix the rejected records or pass --skip-invalid';
  print(
    io,
    `${s.file}: ${n(s.records)} records — ${n(s.inserted)} inserted, ${n(s.updated)} updated, ${n(s.unchanged)} unchanged, ${n(s.rejected)} rejected (${verdict})`,
  );
}

function fileCommand(program: Command, parent: Command, io: CliIo, kind: ImportKind): void {
  parent
    .command(kind)
    .description(
      kind === 'talents'
        ? 'import talents from JSON Lines (native), CSV or JSON Resume; re-importing the same file changes nothing'
        : 'import projects from JSON Lines (native) or CSV; re-importing the same file changes nothing',
    )
    .argument('<file>', 'the file to import')
    .option(
      '--format <format>',
      `jsonl, csv${kind === 'talents' ? ' or jsonresume' : ''} (default: from the extension)`,
      oneOf(kind === 'talents' ? (['jsonl', 'csv', 'jsonresume'] as const) : (['jsonl', 'csv'] as const)),
    )
    .option('--dry-run', 'validate and report what would change; write nothing')
    .option('--skip-invalid', 'import the valid records of a file that has rejected ones')
    .option('--resume', 'go on with an interrupted import of this same file after its last committed batch')
    .option('--restart', 'forget an interrupted import of this file and start again')
    .option(
      '--batch-size <n>',
      'write in batches of n records, each committed with a checkpoint (resumable with --resume); default: the whole file in one transaction',
      intIn(1, 1_000_000),
    )
    .option(
      '--max-rows <n>',
      `most records accepted (default ${IMPORT_LIMITS.maxRows})`,
      intIn(1, 1_000_000_000),
    )
    .option('--max-bytes <n>', `largest file accepted (default ${IMPORT_LIMITS.maxBytes})`, intIn(1, 2 ** 50))
    .option(
      '--source <source>',
      'employee or freelance, for records that do not say',
      oneOf(['employee', 'freelance'] as const),
    )
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress display on stderr')
    .action(async (file: string, opts: FileOptions) => {
      const format = formatOf(file, opts.format, kind);
      const source = fileSource(file);
      if (opts.resume && opts.restart)
        throw new DomainError('invalid_input', '--resume and --restart exclude each other');
      await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
        const progress = progressDisplay(io, opts.progress);
        const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
        let lastCheckpointLine = 0;
        let summary: ImportSummary;
        try {
          summary = await ctx.services.imports.import(source, {
            kind,
            format,
            actor: 'cli',
            dryRun: opts.dryRun,
            skipInvalid: opts.skipInvalid,
            resume: opts.resume,
            restart: opts.restart,
            batchSize: opts.batchSize,
            maxRows: opts.maxRows,
            maxBytes: opts.maxBytes,
            source: opts.source,
            onProgress: (p) =>
              progress.update({
                phase: p.phase === 'validate' ? 'check' : 'write',
                item: source.name,
                done: p.done,
                total: p.total,
                unit: p.unit,
              }),
            onCheckpoint: (c) => {
              // A plain line per committed batch (at most one every 2 s): a log shows where to resume from.
              const now = Date.now();
              if (tty || (lastCheckpointLine !== 0 && now - lastCheckpointLine < 2000)) return;
              lastCheckpointLine = now;
              io.stderr.write(
                `checkpoint: ${source.name} committed through line ${n(c.line)} (${n(c.records)} records)\n`,
              );
            },
          });
        } finally {
          progress.finish();
        }
        if (opts.json) printJson(io, summary);
        else printSummary(io, summary);
        if (summary.rejected > 0 && !opts.skipInvalid)
          throw new DomainError(
            'invalid_input',
            `${source.name}: ${n(summary.rejected)} rejected record${summary.rejected === 1 ? '' : 's'}; ${summary.dryRun ? 'dry run' : 'nothing imported (--skip-invalid imports the valid ones)'}`,
            source.name,
          );
      });
    });
}

interface CvOptions {
  json?: boolean;
  apply?: boolean;
  dryRun?: boolean;
  source?: 'employee' | 'freelance';
  name?: string;
  dailyCost?: number;
}

function presentCv(r: CvResult, label: (id: string) => string) {
  return {
    file: r.file,
    kind: r.kind,
    pages: r.pages,
    chars: r.chars,
    fileHash: r.fileHash,
    ms: Math.round(r.ms * 10) / 10,
    profile: {
      name: r.draft.name,
      email: r.draft.email,
      phone: r.draft.phone,
      headline: r.draft.headline,
      occupation: r.occupation,
      lang: r.draft.lang,
    },
    skills: r.draft.skills.map((s) => ({ ...s, label: label(s.skillId) })),
    negated: r.draft.negated,
  };
}

function cvCommand(program: Command, parent: Command, io: CliIo): void {
  parent
    .command('cv')
    .description(
      'read CVs (PDF, DOCX or text), print a draft profile with the text span behind each skill; --apply stores it',
    )
    .argument('<files...>', 'CV files')
    .option('--json', 'print the drafts as JSON (one document with a `drafts` list)')
    .option('--apply', 'store each draft as a talent (needs --source)')
    .option('--dry-run', 'with --apply: report what would change, write nothing')
    .option('--source <source>', 'employee or freelance', oneOf(['employee', 'freelance'] as const))
    .option('--name <name>', 'the person’s name, when the CV does not start with it (one file only)')
    .option(
      '--daily-cost <euros>',
      'day rate or internal daily cost (default 0: unknown)',
      intIn(0, 1_000_000),
    )
    .action(async (files: string[], opts: CvOptions) => {
      if (opts.apply && !opts.source)
        throw new DomainError('invalid_input', '--apply needs --source employee|freelance', 'source');
      if (opts.name && files.length > 1)
        throw new DomainError('invalid_input', '--name applies to one file; give one file', 'name');
      await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
        const { taxonomy } = await ctx.services.taxonomy.get();
        const label = (id: string) => taxonomy.byId.get(id)?.labels.en.label ?? id;
        const drafts: unknown[] = [];
        const failed: DomainError[] = [];
        for (const file of files) {
          try {
            let size: number;
            try {
              size = statSync(file).size;
            } catch {
              throw new DomainError('not_found', `${file}: no such file`, file);
            }
            if (size > CV_LIMITS.maxFileBytes)
              throw new DomainError(
                'too_large',
                `${basename(file)}: ${size} bytes; a CV is limited to ${CV_LIMITS.maxFileBytes} bytes`,
                file,
              );
            const r = await ctx.services.cv.draft(basename(file), readFileSync(file));
            const out: Record<string, unknown> = presentCv(r, label);
            if (opts.apply && opts.source) {
              const s = await ctx.services.cv.apply(r, {
                source: opts.source,
                name: opts.name,
                dailyCost: opts.dailyCost,
                dryRun: opts.dryRun,
                actor: 'cli',
              });
              out.applied = {
                ...s,
                talentId: ctx.services.cv.toTalent(r, { source: opts.source, name: opts.name }).id,
              };
            }
            drafts.push(out);
            if (opts.json) continue;
            const p = out.profile as ReturnType<typeof presentCv>['profile'];
            print(
              io,
              `${r.file} (${r.kind}${r.pages ? `, ${r.pages} pages` : ''}, ${n(r.chars)} characters)`,
            );
            print(io, `  name      ${p.name ?? '(not found)'}`);
            print(io, `  email     ${p.email ?? '(not found)'}`);
            print(io, `  phone     ${p.phone ?? '(not found)'}`);
            print(
              io,
              `  headline  ${p.headline ?? '(not found)'}${p.occupation ? ` → ${p.occupation.label}` : ''}`,
            );
            if (r.draft.skills.length === 0) print(io, '  no skill found');
            else
              print(
                io,
                table(
                  ['skill', 'label', 'level', 'evidence (CV text)'],
                  r.draft.skills.map((s) => [
                    s.skillId,
                    label(s.skillId),
                    `${s.level}${s.levelFrom === 'default' ? '*' : ''}`,
                    s.evidenceDetail.length > 90 ? `${s.evidenceDetail.slice(0, 87)}…` : s.evidenceDetail,
                  ]),
                )
                  .split('\n')
                  .map((l) => `  ${l}`)
                  .join('\n'),
              );
            if (r.draft.skills.some((s) => s.levelFrom === 'default'))
              print(io, '  * no level cue in the text: level 2 (mentioned) until someone reviews it');
            if (r.draft.negated.length > 0)
              print(io, `  not held (negated): ${r.draft.negated.map((x) => x.surface).join(', ')}`);
            const applied = out.applied as (ImportSummary & { talentId: string }) | undefined;
            if (applied)
              print(
                io,
                `  ${applied.dryRun ? 'would be' : 'stored as'} ${applied.talentId}: ${applied.inserted ? 'inserted' : applied.updated ? 'updated' : 'unchanged'}`,
              );
          } catch (e) {
            if (!isDomainError(e)) throw e;
            failed.push(e);
            io.stderr.write(`vivier: ${e.message}\n`);
          }
        }
        if (opts.json) printJson(io, { drafts });
        const first = failed[0];
        if (first)
          throw failed.length === 1 && files.length === 1
            ? new DomainError(first.code, `${first.message.split(':')[0]}: no draft`, first.field)
            : new DomainError(first.code, `${failed.length} of ${files.length} CV files could not be read`);
      });
    });
}

export function importCommand(program: Command, io: CliIo): void {
  const imp = program
    .command('import')
    .description('import talents, projects or CVs (see README: formats, columns, limits)');
  fileCommand(program, imp, io, 'talents');
  fileCommand(program, imp, io, 'projects');
  cvCommand(program, imp, io);
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import { CV_PAGES, encryptedPdf, pdf } from './support/fixtures.js';
import { runCliInProcess } from './support/run-cli.js';

const run = (args: string[]) => runCliInProcess(args);

describe('vivier import / export (in-process)', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-import-cli-'));
    db = join(dir, 'v.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--help works on the new commands', async () => {
    for (const args of [
      ['import', '--help'],
      ['import', 'talents', '--help'],
      ['import', 'cv', '--help'],
      ['export', 'talents', '--help'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: vivier/);
    }
  });

  it('a CSV with a bad cell: every reject on stderr as file:line: field: message, exit 3, nothing written', async () => {
    const file = join(dir, 'talents.csv');
    writeFileSync(
      file,
      [
        'external_id,source,name,email,daily_cost,skills',
        'A1,freelance,Ada Lovelace,ada@example.org,800,python:5|sql:4',
        'A2,employee,Alan Turing,alan@example.org,cheap,python:5',
        'A3,employee,Grace Hopper,grace@example.org,600,cobol-ish:5',
      ].join('\n'),
    );
    const r = await run(['--db', db, 'import', 'talents', file]);
    expect(r.code).toBe(EXIT.invalid_input);
    expect(r.stderr).toContain('talents.csv:3: daily_cost: expected a number, got "cheap"\n');
    expect(r.stderr).toContain('talents.csv:4: skills: "cobol-ish" is not a skill of the taxonomy\n');
    expect(r.stdout).toMatch(/3 records — 0 inserted.*2 rejected \(NOT imported/);
    const dry = await run(['--db', db, 'import', 'talents', file, '--dry-run', '--skip-invalid', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, inserted: 1, rejected: 2, imported: false });
    const skip = await run(['--db', db, 'import', 'talents', file, '--skip-invalid', '--json']);
    expect(skip.code).toBe(0);
    expect(JSON.parse(skip.stdout)).toMatchObject({ inserted: 1, rejected: 2, imported: true });
    const again = await run(['--db', db, 'import', 'talents', file, '--skip-invalid']);
    expect(again.stdout).toMatch(/0 inserted, 0 updated, 1 unchanged, 2 rejected/);
  });

  it('exports CSV to stdout and JSONL to a file; an unknown extension asks for --format', async () => {
    const csv = await run(['--db', db, 'export', 'talents', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[1]).toMatch(
      /^tal-[0-9a-f]{16},A1,freelance,Ada Lovelace,ada@example.org,,,,hybrid,,800,python:5\|sql:4/,
    );
    const out = join(dir, 'all.jsonl');
    const j = await run(['--db', db, 'export', 'talents', '--format', 'jsonl', '--out', out, '--json']);
    expect(JSON.parse(j.stdout)).toEqual({ format: 'jsonl', count: 1, out });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ name: 'Ada Lovelace', dailyCost: 800 });
    const weird = join(dir, 'talents.dat');
    writeFileSync(weird, '');
    const r = await run(['--db', db, 'import', 'talents', weird]);
    expect(r.code).toBe(EXIT.invalid_input);
    expect(r.stderr).toMatch(/pass --format/);
  });

  it('import cv prints a draft with evidence; --apply stores it; an encrypted PDF is an error', async () => {
    const cv = join(dir, 'camille.pdf');
    writeFileSync(cv, await pdf(CV_PAGES));
    const table = await run(['--db', db, 'import', 'cv', cv]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/name\s+Camille Laurent/);
    expect(table.stdout).toMatch(
      /airflow\s+Apache Airflow\s+2\*\s+Built batch pipelines in Python and Apache Airflow/,
    );
    const noSource = await run(['--db', db, 'import', 'cv', cv, '--apply']);
    expect(noSource.code).toBe(EXIT.invalid_input);
    const applied = await run(['--db', db, 'import', 'cv', cv, '--apply', '--source', 'freelance', '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    const doc = JSON.parse(applied.stdout).drafts[0];
    expect(doc.applied).toMatchObject({ inserted: 1 });
    expect(doc.skills.find((s: { skillId: string }) => s.skillId === 'rag').evidenceDetail).toContain(
      '(RAG) assistant',
    );
    const locked = join(dir, 'locked.pdf');
    writeFileSync(locked, await encryptedPdf());
    const bad = await run(['--db', db, 'import', 'cv', locked]);
    expect(bad.code).toBe(EXIT.invalid_input);
    expect(bad.stderr).toMatch(/locked\.pdf: the PDF is encrypted/);
    expect(bad.stdout).toBe('');
  });
});

/**
 * The JSON Lines talent reader in a worker thread (import-line-worker.ts) against the in-thread reader, and
 * the streamed import (one pass, one transaction) it serves: same records, same rejects with the same
 * lines and fields, same stored rows; limits enforced in the worker reach the caller as the same errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import type { Talent } from '../src/core/model.js';
import type { Context } from '../src/main/create-context.js';
import { fileSource } from '../src/services/import-readers.js';
import type { ImportOptions } from '../src/services/import.service.js';
import { DIALECTS, openTestContext } from './support/databases.js';

let orgs = 0;

describe.each(DIALECTS)('the import reader worker on $name', (dialectCase) => {
  let ctx: Context;
  let dir: string;
  let talents: Talent[];
  let org: string;

  beforeAll(async () => {
    ctx = await openTestContext(dialectCase);
    dir = mkdtempSync(join(tmpdir(), 'vivier-import-worker-'));
    const { taxonomy } = await ctx.services.taxonomy.get();
    talents = generateDemo(taxonomy, { talents: 300, projects: 0, seed: 21 }).talents;
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async (t) => {
    org = `org-w${++orgs}`;
    await ctx.store.ensureOrganization(org, t.task.name.slice(0, 40), '2026-01-15T10:00:00.000Z');
  });

  /** The talents with ids of their own for organization `o` (ids are global). */
  const own = (o: string) => talents.map((t) => ({ ...t, id: `${o}-${t.id}` }));
  const write = (name: string, lines: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };
  const run = (file: string, o: string, options: Partial<ImportOptions> = {}) =>
    ctx.services.imports.import(fileSource(file), { kind: 'talents', format: 'jsonl', orgId: o, ...options });
  const exported = async (o: string) => {
    let out = '';
    await ctx.services.talents.export('jsonl', async (c) => void (out += c), o);
    return out.replaceAll(`${o}-`, '');
  };

  /**
   * Lines most of which the fast path packs, and some it leaves to the full path: spaces between tokens,
   * an escape, a CRLF ending, blank lines, a BOM; and rejects of each kind (`bad`).
   */
  const mixed = (o: string, bad: boolean): string[] => {
    const ts = own(o);
    const lines = ts.map((t) => JSON.stringify(t));
    lines[0] = '\ufeff' + lines[0];
    lines[3] = JSON.stringify(ts[3], null, 1).replaceAll('\n', '');
    lines[5] = JSON.stringify({ ...ts[5], name: 'Zoë "Zed" Martin' });
    lines[7] = `${lines[7]}\r`;
    lines.splice(10, 0, '', '   ');
    if (bad) {
      lines[20] = JSON.stringify({ ...ts[18], dailyCost: 'cheap' });
      lines[40] = '{"broken": ';
      lines[60] = JSON.stringify({ ...ts[58], skills: [{ skillId: 'telepathy', level: 3 }] });
      lines[80] = JSON.stringify({ ...ts[78], email: ts[1]!.email, id: `${o}-dup` });
      lines.push('\u00ff\u00fe not json');
      // A byte-order mark is only dropped at the very start of the file.
      lines[100] = '\ufeff' + (lines[100] as string);
    }
    return lines;
  };

  /** One reader, and several on blocks smaller than a line (most own none; lines cross every edge). */
  const CUTS: Partial<ImportOptions>[] = [
    { readerWorkers: 1 },
    { readerWorkers: 2, readerBlockBytes: 4096 },
    { readerWorkers: 3, readerBlockBytes: 997 },
  ];

  it('gives the in-thread reader’s records, rejects and stored rows, however the file is cut', async () => {
    for (const bad of [false, true]) {
      const a = `${org}-a${bad}`;
      await ctx.store.ensureOrganization(a, 'in thread', '2026-01-15T10:00:00.000Z');
      const inThread = await run(write(`a${bad}.jsonl`, mixed(a, bad)), a, {
        readerWorkers: 0,
        skipInvalid: true,
      });
      expect(inThread.inserted).toBe(bad ? 295 : 300);
      expect(inThread.rejected).toBe(bad ? 6 : 0);
      if (bad)
        expect(inThread.rejects.map((r) => [r.line, r.field])).toEqual([
          [21, 'dailyCost'],
          [41, '(line)'],
          [61, 'skills[0].skillId'],
          [81, 'email'],
          [101, '(line)'],
          [303, '(line)'],
        ]);
      for (const [k, cut] of CUTS.entries()) {
        const b = `${org}-b${bad}${k}`;
        await ctx.store.ensureOrganization(b, 'worker', '2026-01-15T10:00:00.000Z');
        const inWorker = await run(write(`b${bad}${k}.jsonl`, mixed(b, bad)), b, {
          ...cut,
          skipInvalid: true,
        });
        const strip = (s: typeof inThread, o: string) => ({
          ...s,
          file: '',
          fileHash: '',
          rejects: s.rejects.map((r) => ({ ...r, file: '', message: r.message.replaceAll(`${o}-`, '') })),
        });
        expect(strip(inWorker, b), JSON.stringify(cut)).toEqual(strip(inThread, a));
        expect(await exported(b)).toBe(await exported(a));
      }
    }
  });

  it('hashes the file as the in-thread reader does, and a second import is all unchanged', async () => {
    const file = write('same.jsonl', mixed(org, false));
    const first = await run(file, org, { readerWorkers: 2 });
    const again = await run(file, org, { readerWorkers: 0 });
    expect(again.fileHash).toBe(first.fileHash);
    expect(again).toMatchObject({ inserted: 0, unchanged: 300, imported: true });
    expect(await run(file, org, { readerWorkers: 2 })).toMatchObject({ unchanged: 300, inserted: 0 });
    // The last line without its newline, cut small: the same records.
    const bare = join(dir, 'bare.jsonl');
    writeFileSync(bare, mixed(org, false).join('\n'));
    for (const cut of CUTS)
      expect(await run(bare, org, cut), JSON.stringify(cut)).toMatchObject({ records: 300, unchanged: 300 });
  });

  it('a streamed file with a reject writes nothing, and says which line', async () => {
    const file = write('rejects.jsonl', mixed(org, true));
    const r = await run(file, org, { readerWorkers: 2 });
    expect(r).toMatchObject({ imported: false, inserted: 0, updated: 0, unchanged: 0, rejected: 6 });
    expect(r.rejects[0]).toMatchObject({ file: 'rejects.jsonl', line: 21, field: 'dailyCost' });
    expect(await ctx.store.talents.count(org)).toBe(0);
    // Dry, a file whose only reject follows a whole group of valid records changes nothing either: no
    // partial counts up to its reject.
    const late = write('late-reject.jsonl', [...mixed(org, false), '{"broken": ']);
    expect(await run(late, org, { readerWorkers: 2, dryRun: true })).toMatchObject({
      dryRun: true,
      imported: false,
      inserted: 0,
      rejected: 1,
    });
    // A dry run matches and counts, and writes nothing either.
    const clean = write('clean.jsonl', mixed(org, false));
    expect(await run(clean, org, { readerWorkers: 2, dryRun: true })).toMatchObject({
      dryRun: true,
      imported: false,
      inserted: 300,
    });
    expect(await ctx.store.talents.count(org)).toBe(0);
  });

  it('limits met in the worker are the same errors, and nothing is written', async () => {
    const lines = mixed(org, false);
    const file = write('limit.jsonl', lines);
    await expect(run(file, org, { readerWorkers: 2, maxBytes: 50_000 })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/limit\.jsonl: \d+ bytes; the limit is 50000 bytes/),
    });
    lines[150] = `{"name":"${'x'.repeat(1024 ** 2 + 10)}"}`;
    const long = write('long.jsonl', lines);
    for (const cut of CUTS)
      await expect(run(long, org, cut), JSON.stringify(cut)).rejects.toMatchObject({
        code: 'too_large',
        message: expect.stringMatching(/long\.jsonl:151: line is longer than/),
        field: 'long.jsonl:151',
      });
    await expect(run(long, org, { readerWorkers: 2, maxRows: 100 })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/more than 100 records/),
    });
    expect(await ctx.store.talents.count(org)).toBe(0);
  });
  it('a key used twice in the file is a reject naming the first line, in the order external id, e-mail, id', async () => {
    const ts = own(org).slice(0, 4);
    const [t0, t1, t2, t3] = ts as [Talent, Talent, Talent, Talent];
    const lines = [
      { ...t0, externalId: 'x1' },
      { ...t1, externalId: 'x1', email: t0.email },
      { ...t2, externalId: 'x2', email: t0.email },
      { ...t3, externalId: 'x3', id: t0.id },
    ].map((t) => JSON.stringify(t));
    for (const cut of [{ readerWorkers: 0 }, ...CUTS]) {
      const r = await run(write('keys.jsonl', lines), org, { ...cut, dryRun: true });
      expect(
        r.rejects.map((x) => [x.line, x.field, x.message]),
        JSON.stringify(cut),
      ).toEqual([
        [2, 'externalId', 'same external id as line 1'],
        [3, 'email', 'same email as line 1'],
        [4, 'id', 'same id as line 1'],
      ]);
    }
  });
});

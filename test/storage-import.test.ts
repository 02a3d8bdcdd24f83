import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import { csvLine, neutralizeCell } from '../src/core/import/csv-cells.js';
import { TALENT_CSV_COLUMNS, talentToCsvCells } from '../src/core/import/csv-records.js';
import type { Talent } from '../src/core/model.js';
import { prepareStore, wireServices, type Context } from '../src/main/create-context.js';
import { textSource } from '../src/services/import-readers.js';
import { ImportService, type ImportOptions } from '../src/services/import.service.js';
import { AuditService } from '../src/services/audit.service.js';
import { TalentChanges, type TalentChange } from '../src/services/talent-changes.js';
import { DEFAULT_ORG } from '../src/services/ports.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { createStore } from '../src/storage/store.js';
import { DIALECTS, fixedClock, openTestContext, testConfig } from './support/databases.js';
import { importText, jsonl } from './support/imports.js';

async function exportAll(ctx: Context, format: 'jsonl' | 'csv' | 'jsonresume', org: string): Promise<string> {
  let out = '';
  await ctx.services.talents.export(
    format,
    async (c) => {
      out += c;
    },
    org,
  );
  return out;
}

let orgs = 0;

const CSV_HEADER = 'external_id;source;name;email;headline;location;daily_cost;skills;languages;availability';

describe.each(DIALECTS)('imports on $name', (dialectCase) => {
  // One database per dialect; each test works in an organization of its own.
  let ctx: Context;
  let demo: { talents: Talent[] };
  let org = DEFAULT_ORG;
  const run = (name: string, content: string | Buffer, options: Partial<ImportOptions> = {}) =>
    importText(ctx, org, name, content, options);

  beforeAll(async () => {
    ctx = await openTestContext(dialectCase);
    const { taxonomy } = await ctx.services.taxonomy.get();
    demo = generateDemo(taxonomy, { talents: 40, projects: 6, seed: 11 });
  });
  afterAll(async () => {
    await ctx.close();
  });
  beforeEach(async (t) => {
    org = `org-t${++orgs}`;
    await ctx.store.ensureOrganization(org, t.task.name.slice(0, 40), '2026-01-15T10:00:00.000Z');
    // Talent ids are global: each organization gets its own.
    demo = { talents: demo.talents.map((x) => ({ ...x, id: `${org}-${x.id.replace(/^org-t\d+-/, '')}` })) };
  });

  it('JSONL: imports, a second import is all unchanged, and the export re-imports to identical records', async () => {
    const file = jsonl(demo.talents);
    const first = await run('talents.jsonl', file);
    expect(first).toMatchObject({
      records: 40,
      inserted: 40,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      imported: true,
    });
    const again = await run('talents.jsonl', file);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 40, rejected: 0 });
    // Round trip: the export is the same records, byte for byte once sorted by id.
    const exported = await exportAll(ctx, 'jsonl', org);
    const sorted = [...demo.talents].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(
      exported
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(
      sorted.map((t) => ({ ...t, skills: [...t.skills].sort((a, b) => (a.skillId < b.skillId ? -1 : 1)) })),
    );
    // …and importing the export changes nothing.
    expect(await run('export.jsonl', exported)).toMatchObject({ unchanged: 40, inserted: 0, updated: 0 });
  });

  it('an import writes packed rows; the journal tells listeners the talents as stored, and checks skills', async () => {
    // An import hands its rows to the store packed (never unpacked on the way): listeners of the
    // journaled store must still hear whole talents, equal to what a read returns.
    const changes = new TalentChanges();
    const heard: TalentChange[] = [];
    changes.subscribe({ talentsChanged: (c) => heard.push(c) });
    const store = changes.journaled(ctx.store);
    const imports = new ImportService(
      store,
      ctx.services.taxonomy,
      new AuditService(fixedClock()),
      fixedClock(),
    );
    const some = demo.talents.slice(0, 12);
    const r = await imports.import(textSource('t.jsonl', jsonl(some)), {
      kind: 'talents',
      format: 'jsonl',
      orgId: org,
      batchSize: 5,
    });
    expect(r).toMatchObject({ inserted: 12, imported: true });
    expect(heard.map((c) => c.upserted.length)).toEqual([5, 5, 2]);
    const told = heard.flatMap((c) => c.upserted).sort((a, b) => (a.id < b.id ? -1 : 1));
    const stored = await ctx.store.imports.getTalents(
      org,
      some.map((t) => t.id),
    );
    expect(told).toEqual(stored);
    expect(told.map((t) => t.id)).toEqual(some.map((t) => t.id).sort());
    // The skills handed with packed rows are checked against the taxonomy, as whole talents' are.
    const [row] = await ctx.store.imports.getPackedTalents(org, [some[0]!.id]).then((m) => [...m.values()]);
    await expect(
      ctx.store.transaction((tx) =>
        tx.imports.writePackedTalents(
          org,
          [{ id: some[0]!.id, packed: row! }],
          'now',
          new Set(['no-such-skill']),
        ),
      ),
    ).rejects.toThrow(/"no-such-skill" is not in the taxonomy/);
  });

  it('a changed record is "updated", the others "unchanged"; records are matched by e-mail without an id', async () => {
    await run('talents.jsonl', jsonl(demo.talents));
    const changed = demo.talents.map((t, i) => {
      const { id: _id, ...rest } = t;
      return i === 3 ? { ...rest, dailyCost: t.dailyCost + 10 } : rest;
    });
    const r = await run('talents.jsonl', jsonl(changed));
    expect(r).toMatchObject({ inserted: 0, updated: 1, unchanged: 39 });
    const t3 = await ctx.store.talents.get(org, demo.talents[3]!.id);
    expect(t3?.dailyCost).toBe(demo.talents[3]!.dailyCost + 10);
  });

  it('batched import: whole batches with a checkpoint, removed at the end; the result equals one transaction', async () => {
    const r = await run('talents.jsonl', jsonl(demo.talents), { batchSize: 7 });
    expect(r).toMatchObject({ inserted: 40, imported: true });
    expect(await ctx.store.imports.getCheckpoint(org, 'talents', r.fileHash)).toBeNull();
    expect(await run('talents.jsonl', jsonl(demo.talents), { batchSize: 7 })).toMatchObject({
      unchanged: 40,
    });
  });

  it('an interrupted batched import is resumed after its checkpoint, and not silently restarted', async () => {
    const file = jsonl(demo.talents);
    // What a kill after two batches of 10 leaves: those rows, and the checkpoint.
    await run('first20.jsonl', jsonl(demo.talents.slice(0, 20)));
    const hash = (await run('talents.jsonl', file, { dryRun: true })).fileHash;
    const at = '2026-01-15T10:00:00.000Z';
    await ctx.store.imports.saveCheckpoint({
      orgId: org,
      kind: 'talents',
      fileHash: hash,
      fileName: 'talents.jsonl',
      lastLine: 20,
      records: 20,
      inserted: 20,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      startedAt: at,
      updatedAt: at,
    });
    await expect(run('talents.jsonl', file, { batchSize: 10 })).rejects.toThrow(/--resume/);
    const r = await run('talents.jsonl', file, { batchSize: 10, resume: true });
    expect(r).toMatchObject({ inserted: 40, updated: 0, unchanged: 0, imported: true });
    expect(await ctx.store.talents.count(org)).toBe(40);
    expect(await ctx.store.imports.getCheckpoint(org, 'talents', hash)).toBeNull();
  });

  it('rejects name file, line and field; a file with rejects writes nothing unless skipInvalid', async () => {
    const lines = demo.talents.slice(0, 5).map((t) => JSON.stringify(t));
    lines[1] = JSON.stringify({ ...demo.talents[1], dailyCost: 'cheap' });
    lines[3] = '{"broken": ';
    lines.push(JSON.stringify({ ...demo.talents[5], skills: [{ skillId: 'telepathy', level: 3 }] }));
    lines.push(JSON.stringify({ ...demo.talents[6], email: demo.talents[0]!.email, id: 'tal-x' }));
    const file = lines.join('\n');
    const r = await run('talents.jsonl', file);
    expect(r.imported).toBe(false);
    expect(r.rejected).toBe(4);
    expect(r.rejects).toEqual([
      { file: 'talents.jsonl', line: 2, field: 'dailyCost', message: 'expected a number' },
      { file: 'talents.jsonl', line: 4, field: '(line)', message: expect.stringMatching(/^invalid JSON/) },
      { file: 'talents.jsonl', line: 6, field: 'skills[0].skillId', message: 'unknown skill "telepathy"' },
      { file: 'talents.jsonl', line: 7, field: 'email', message: 'same email as line 1' },
    ]);
    expect(await ctx.store.talents.count(org)).toBe(0);
    const skip = await run('talents.jsonl', file, { skipInvalid: true });
    expect(skip).toMatchObject({ inserted: 3, rejected: 4, imported: true });
  });

  it('dry run validates and reports what would change, and writes nothing', async () => {
    const r = await run('talents.jsonl', jsonl(demo.talents), { dryRun: true });
    expect(r).toMatchObject({ dryRun: true, imported: false, inserted: 40 });
    expect(await ctx.store.talents.count(org)).toBe(0);
    const big = await run('talents.jsonl', jsonl(demo.talents), { dryRun: true, batchSize: 6 });
    expect(big).toMatchObject({ inserted: 40 });
    expect(await ctx.store.talents.count(org)).toBe(0);
  });

  it('CSV with a BOM and `;` delimiter, French decimals, skill labels; idempotent; bad cells named', async () => {
    const csv =
      '\ufeff' +
      [
        CSV_HEADER,
        'E-1;freelance;Léa Martin;LEA@EXAMPLE.ORG;Data engineer;Lyon;650,50;Python:4|apache airflow:3:mission|dbt:2;fr|en;2026-01-01..2026-06-30:3',
        'E-2;employee;"Dupont; Jean";jean@example.org;"ML engineer, senior";Paris;700;pytorch:5;fr;',
      ].join('\r\n');
    const r = await run('talents.csv', csv, { format: 'csv' });
    expect(r).toMatchObject({ inserted: 2, rejected: 0 });
    const [lea] = await ctx.store.imports.findTalentKeys(org, { ids: [], externalIds: ['E-1'], emails: [] });
    const t = await ctx.store.talents.get(org, lea!.id);
    expect(t).toMatchObject({ email: 'lea@example.org', dailyCost: 650.5, languages: ['fr', 'en'] });
    expect(t?.skills.map((s) => [s.skillId, s.level, s.evidence])).toEqual([
      ['airflow', 3, 'mission'],
      ['dbt', 2, null],
      ['python', 4, null],
    ]);
    expect(await run('talents.csv', csv, { format: 'csv' })).toMatchObject({ unchanged: 2, inserted: 0 });

    const bad = [
      CSV_HEADER,
      'E-3;freelance;A B;a@b.org;x;y;12;python:4;fr;',
      'E-4;robot;C D;c@d.org;x;y;cheap;knitting:4;fr;',
    ].join('\n');
    const b = await run('talents.csv', bad, { format: 'csv' });
    expect(b.rejects).toEqual([
      { file: 'talents.csv', line: 3, field: 'skills', message: '"knitting" is not a skill of the taxonomy' },
      { file: 'talents.csv', line: 3, field: 'daily_cost', message: 'expected a number, got "cheap"' },
    ]);
    expect(b.imported).toBe(false);
    const unknownColumn = await run('t.csv', 'name,dailycost\nA,1\n', { format: 'csv' }).catch(
      (e: Error) => e,
    );
    expect(String(unknownColumn)).toMatch(/t\.csv:1: unknown column "dailycost"/);
  });

  it('CSV export neutralises formula cells and re-imports to the same records', async () => {
    const evil: Talent = {
      ...demo.talents[0]!,
      name: '=HYPERLINK("http://x.example","click")',
      headline: '+cmd|calc',
      location: '@SUM(A1)',
      phone: '-1',
    };
    await run('talents.jsonl', jsonl([evil, ...demo.talents.slice(1, 5)]));
    const csv = await exportAll(ctx, 'csv', org);
    const row = csv.split('\n')[1]!;
    expect(csv.split('\n')[0]).toBe(TALENT_CSV_COLUMNS.join(','));
    expect(row).toContain(`"'=HYPERLINK(""http://x.example"",""click"")"`);
    expect(row).toContain("'+cmd|calc");
    expect(row).toContain("'@SUM(A1)");
    expect(row).toContain("'-1");
    expect(row).not.toMatch(/,[=+@-]/);
    const again = await run('export.csv', csv, { format: 'csv' });
    expect(again).toMatchObject({ rejected: 0, inserted: 0, updated: 0, unchanged: 5 });
  });

  it('JSON Resume: basics, work → missions with extracted skills, skill levels; unknown skills reported', async () => {
    const resume = {
      basics: {
        name: 'Amira Haddad',
        label: 'Lead data scientist',
        email: 'amira@example.org',
        phone: '+33 6 12 34 56 78',
        location: { city: 'Nantes', countryCode: 'FR' },
      },
      work: [
        {
          name: 'Banque Exemple',
          position: 'Data scientist',
          startDate: '2021-03',
          endDate: '2024-06-30',
          summary: 'Built a RAG assistant on Mistral.',
          highlights: ['Fraud model in Python and PyTorch'],
        },
      ],
      skills: [
        {
          name: 'Machine Learning',
          level: 'Master',
          keywords: ['scikit-learn', 'Underwater basket weaving'],
        },
        { name: 'SQL', level: 'Intermediate' },
      ],
      languages: [{ language: 'French' }, { language: 'English' }, { language: 'Klingon' }],
    };
    const r = await run('resume.json', JSON.stringify(resume), { format: 'jsonresume', source: 'freelance' });
    expect(r).toMatchObject({ inserted: 1, rejected: 0 });
    expect(r.warnings).toEqual([
      {
        file: 'resume.json',
        line: 1,
        field: 'skills[0].keywords[1]',
        message: '"Underwater basket weaving" is not in the taxonomy; not imported',
      },
      {
        file: 'resume.json',
        line: 1,
        field: 'languages[2].language',
        message: '"Klingon" is not a known language; not imported',
      },
    ]);
    const [row] = await ctx.store.imports.findTalentKeys(org, {
      ids: [],
      externalIds: [],
      emails: ['amira@example.org'],
    });
    const t = (await ctx.store.talents.get(org, row!.id))!;
    expect(t).toMatchObject({
      name: 'Amira Haddad',
      headline: 'Lead data scientist',
      location: 'Nantes, FR',
      source: 'freelance',
      languages: ['fr', 'en'],
    });
    expect(t.missions).toEqual([
      expect.objectContaining({
        title: 'Data scientist',
        organization: 'Banque Exemple',
        start: '2021-03-01',
        end: '2024-06-30',
        skills: expect.arrayContaining(['rag', 'mistral', 'python', 'pytorch']),
      }),
    ]);
    const level = (id: string) => t.skills.find((s) => s.skillId === id);
    expect(level('machine-learning')).toMatchObject({ level: 5, evidence: 'self' });
    expect(level('sql')).toMatchObject({ level: 3, evidence: 'self' });
    expect(level('rag')).toMatchObject({
      evidence: 'mission',
      evidenceDetail: 'Data scientist @ Banque Exemple',
    });
    expect(t.skills.some((s) => s.skillId.includes('basket'))).toBe(false);
    expect(
      await run('resume.json', JSON.stringify(resume), { format: 'jsonresume', source: 'freelance' }),
    ).toMatchObject({
      unchanged: 1,
    });
    const noSource = await run('resume.json', JSON.stringify(resume), { format: 'jsonresume' });
    expect(noSource.rejects[0]).toMatchObject({
      field: 'meta.vivier.source',
      message: expect.stringMatching(/--source/),
    });
  });

  // Large files keep their valid records in a spool file between the two passes, small ones in memory;
  // `keepBytes: 0` sends these small files down the large-file path.
  const spooled = { keepBytes: 0 } as const;

  it('spooled: batched import in whole batches, re-import unchanged, export identical to the source', async () => {
    const file = jsonl(demo.talents);
    const first = await run('talents.jsonl', file, { ...spooled, batchSize: 7 });
    expect(first).toMatchObject({ records: 40, inserted: 40, updated: 0, unchanged: 0, imported: true });
    expect(await ctx.store.imports.getCheckpoint(org, 'talents', first.fileHash)).toBeNull();
    expect(await run('talents.jsonl', file, { ...spooled, batchSize: 7 })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 40,
    });
    const exported = await exportAll(ctx, 'jsonl', org);
    const sorted = [...demo.talents].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(
      exported
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(
      sorted.map((t) => ({ ...t, skills: [...t.skills].sort((a, b) => (a.skillId < b.skillId ? -1 : 1)) })),
    );
    // One changed record, matched by e-mail (no ids in the file): one update, the rest unchanged.
    const changed = demo.talents.map((t, i) => {
      const { id: _id, ...rest } = t;
      return i === 30 ? { ...rest, headline: `${t.headline} (senior)` } : rest;
    });
    expect(await run('changed.jsonl', jsonl(changed), { ...spooled, batchSize: 7 })).toMatchObject({
      inserted: 0,
      updated: 1,
      unchanged: 39,
    });
    expect((await ctx.store.talents.get(org, demo.talents[30]!.id))?.headline).toBe(
      `${demo.talents[30]!.headline} (senior)`,
    );
  });

  it('spooled: an interrupted import resumes after its checkpoint with the counts it had', async () => {
    const file = jsonl(demo.talents);
    await run('first14.jsonl', jsonl(demo.talents.slice(0, 14)));
    const hash = (await run('talents.jsonl', file, { ...spooled, dryRun: true })).fileHash;
    const at = '2026-01-15T10:00:00.000Z';
    await ctx.store.imports.saveCheckpoint({
      orgId: org,
      kind: 'talents',
      fileHash: hash,
      fileName: 'talents.jsonl',
      lastLine: 14,
      records: 14,
      inserted: 14,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      startedAt: at,
      updatedAt: at,
    });
    const checkpoints: number[] = [];
    const r = await run('talents.jsonl', file, {
      ...spooled,
      batchSize: 7,
      resume: true,
      onCheckpoint: (c) => checkpoints.push(c.line),
    });
    expect(r).toMatchObject({ inserted: 40, updated: 0, unchanged: 0, imported: true });
    // The batches after line 14 are the ones an uninterrupted import would have committed.
    expect(checkpoints).toEqual([21, 28, 35]);
    expect(await ctx.store.talents.count(org)).toBe(40);
    expect(await ctx.store.imports.getCheckpoint(org, 'talents', hash)).toBeNull();
  });

  it('spooled: a file with rejects writes nothing unless skipInvalid; a dry run writes nothing', async () => {
    const lines = demo.talents.slice(0, 20).map((t) => JSON.stringify(t));
    lines[17] = JSON.stringify({ ...demo.talents[17], dailyCost: 'cheap' });
    const file = lines.join('\n');
    const r = await run('talents.jsonl', file, { ...spooled, batchSize: 5 });
    expect(r).toMatchObject({ imported: false, rejected: 1 });
    expect(r.rejects).toEqual([
      { file: 'talents.jsonl', line: 18, field: 'dailyCost', message: 'expected a number' },
    ]);
    expect(await ctx.store.talents.count(org)).toBe(0);
    const dry = await run('talents.jsonl', file, {
      ...spooled,
      batchSize: 5,
      dryRun: true,
      skipInvalid: true,
    });
    expect(dry).toMatchObject({ dryRun: true, imported: false, inserted: 19, rejected: 1 });
    expect(await ctx.store.talents.count(org)).toBe(0);
    const skip = await run('talents.jsonl', file, { ...spooled, batchSize: 5, skipInvalid: true });
    expect(skip).toMatchObject({ imported: true, inserted: 19, rejected: 1 });
    expect(await ctx.store.talents.count(org)).toBe(19);
  });

  it('spooled CSV: an update keeps what CSV has no column for (missions), and a re-import is unchanged', async () => {
    // Talents with missions: CSV has no column for them, so an update must keep them.
    const base = demo.talents.filter((t) => t.missions.length > 0).slice(0, 3);
    expect(base).toHaveLength(3);
    const records = base.map((t, i) => ({ ...t, externalId: `X-${i}` }));
    await run('talents.jsonl', jsonl(records));
    // The same talents as CSV rows, the first with another day rate.
    const edited = [
      TALENT_CSV_COLUMNS.join(','),
      ...records.map((t, i) => csvLine(talentToCsvCells(i === 0 ? { ...t, dailyCost: t.dailyCost + 1 } : t))),
    ].join('\n');
    const r = await run('talents.csv', edited, { ...spooled, format: 'csv', batchSize: 2 });
    expect(r).toMatchObject({ rejected: 0, inserted: 0, updated: 1, unchanged: 2 });
    expect((await ctx.store.talents.get(org, records[0]!.id))?.dailyCost).toBe(records[0]!.dailyCost + 1);
    for (const t of records) expect((await ctx.store.talents.get(org, t.id))?.missions).toEqual(t.missions);
    expect(await run('talents.csv', edited, { ...spooled, format: 'csv', batchSize: 2 })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
    });
  });

  it('projects: JSONL and CSV, idempotent', async () => {
    const { taxonomy } = await ctx.services.taxonomy.get();
    const projects = generateDemo(taxonomy, { talents: 1, projects: 6, seed: 4 }).projects.map((p) => ({
      ...p,
      id: `${org}-${p.id}`,
    }));
    const opts = { kind: 'projects' as const };
    expect(await run('projects.jsonl', jsonl(projects), opts)).toMatchObject({ inserted: 6, rejected: 0 });
    expect(await run('projects.jsonl', jsonl(projects), opts)).toMatchObject({ unchanged: 6 });
    const csv = [
      'external_id,name,brief,industry,business_function,archetype,status,start_date,end_date,budget,requirements',
      'P-1,Claims assistant,RAG on claims,insurance,customer-service,assistant-rag,scoping,2026-02-01,2026-09-30,120000,rag:4:5:must|mistral:3:2',
    ].join('\n');
    expect(await run('projects.csv', csv, { ...opts, format: 'csv' })).toMatchObject({
      inserted: 1,
      rejected: 0,
    });
    expect(await run('projects.csv', csv, { ...opts, format: 'csv' })).toMatchObject({ unchanged: 1 });
    expect(await ctx.store.projects.count(org)).toBe(7);
  });
});

describe('CSV cells', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx']) expect(neutralizeCell(bad)).toBe(`'${bad}`);
    for (const ok of ['plain', "'quoted", ' =space', 'a=b']) expect(neutralizeCell(ok)).toBe(ok);
    expect(csvLine(['a,b', 'say "hi"', null, 3.5, '=x'])).toBe(`"a,b","say ""hi""",,3.5,'=x`);
  });
});

describe.each(DIALECTS)('unchanged detection on $name', (dialectCase) => {
  it('a stored row whose packed text differs (written by an earlier version) but holds the same content is unchanged', async () => {
    const { db, dialect, cleanup } = await dialectCase.open();
    try {
      await migrateToLatest(db, dialect);
      const store = createStore(db, dialect);
      const clock = fixedClock();
      const services = wireServices(testConfig(), store, clock);
      await prepareStore(store, services, clock);
      const { taxonomy } = await services.taxonomy.get();
      const talents = generateDemo(taxonomy, { talents: 6, projects: 0, seed: 8 }).talents;
      const file = jsonl(talents);
      const opts = { kind: 'talents', format: 'jsonl' } as const;
      expect(await services.imports.import(textSource('t.jsonl', file), opts)).toMatchObject({ inserted: 6 });
      // Same JSON, other spelling: spaces after separators, as PostgreSQL's json_agg writes them.
      const respace = (text: string) => JSON.stringify(JSON.parse(text), null, 1);
      const supply = await store.talents.skillSupply(DEFAULT_ORG);
      const rows = await db.selectFrom('talent').select(['id', 'skills', 'missions']).execute();
      for (const r of rows)
        await db
          .updateTable('talent')
          .set({ skills: respace(r.skills), missions: respace(r.missions) })
          .where('id', '=', r.id)
          .execute();
      const respaced = await db
        .selectFrom('talent')
        .select('skills')
        .where('id', '=', talents[0]!.id)
        .executeTakeFirst();
      expect(respaced?.skills).toContain('\n');
      expect(await services.imports.import(textSource('t.jsonl', file), opts)).toMatchObject({
        inserted: 0,
        updated: 0,
        unchanged: 6,
      });
      // A real change is still seen through the other spelling.
      const changed = talents.map((t, i) => (i === 2 ? { ...t, skills: t.skills.slice(1) } : t));
      expect(await services.imports.import(textSource('t.jsonl', jsonl(changed)), opts)).toMatchObject({
        updated: 1,
        unchanged: 5,
      });
      // Whatever the spelling, SQL reads the same skills (the respaced rows are the five unchanged ones).
      const after = await store.talents.skillSupply(DEFAULT_ORG);
      expect(after.talents).toBe(supply.talents);
      const total = (p: typeof supply) => p.rows.reduce((n, r) => n + r.count, 0);
      expect(total(after)).toBe(total(supply) - 1);
    } finally {
      await cleanup();
    }
  });
});

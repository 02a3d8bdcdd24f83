import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Talent, TalentSkill } from '../src/core/model.js';
import type { Context } from '../src/main/create-context.js';
import { AuditService } from '../src/services/audit.service.js';
import { DEFAULT_ORG } from '../src/services/ports.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { migrationProvider } from '../src/storage/migrations/index.js';
import { createStore } from '../src/storage/store.js';
import { DIALECTS, openTestContext, pgSkipReason } from './support/databases.js';

if (pgSkipReason) console.warn(pgSkipReason);

const skill = (skillId: string, level: number, evidence: string | null): TalentSkill => ({
  skillId,
  level,
  evidence,
  years: null,
  lastUsed: null,
  evidenceDetail: null,
});

const talent = (id: string, skills: TalentSkill[]): Talent => ({
  id,
  externalId: `ext-${id}`,
  source: 'freelance',
  name: `Talent ${id}`,
  email: `${id}@example.org`,
  phone: null,
  headline: 'Data engineer',
  occupationId: null,
  location: 'Lyon',
  remote: 'remote',
  languages: ['fr', 'en'],
  dailyCost: 650.5,
  skills,
  industries: ['banking'],
  functions: ['finance'],
  availability: [{ start: '2026-01-01', end: '2026-06-30', daysPerWeek: 3.5 }],
  missions: [
    {
      title: 'Fraud scoring',
      organization: 'Banque X',
      start: '2024-01-01',
      end: '2024-09-30',
      industry: 'banking',
      businessFunction: 'finance',
      skills: ['python', 'machine-learning'],
      outcome: 'production',
    },
  ],
  consentAt: '2025-12-01',
  retainUntil: '2028-12-01',
});

describe.each(DIALECTS)('storage on $name', (dialectCase) => {
  let ctx: Context;
  beforeEach(async () => {
    ctx = await openTestContext(dialectCase);
  });
  afterEach(async () => {
    await ctx.close();
  });

  it('stores the built-in taxonomy with labels and relations, and reads it back identically', async () => {
    const { taxonomy } = await ctx.services.taxonomy.get();
    expect(await ctx.store.taxonomy.count()).toBe(taxonomy.skills.length);
    const rag = taxonomy.byId.get('rag');
    expect(rag?.labels.fr.label).toBe('génération augmentée par récupération');
    expect(rag?.names).toContain('RAG');
    expect(rag?.related['vector-database']).toBeCloseTo(0.6, 10);
    expect(taxonomy.byId.get('mistral')?.broader).toBe('open-weight-llm');
  });

  it('syncing the built-in taxonomy again writes nothing unless it changed, and rewrites identically', async () => {
    const before = await ctx.store.taxonomy.loadAll();
    expect(await ctx.services.taxonomy.syncBuiltin()).toBe(false);
    await ctx.store.setMeta('taxonomy.builtin.sha256', 'stale');
    expect(await ctx.services.taxonomy.syncBuiltin()).toBe(true);
    expect(await ctx.store.taxonomy.loadAll()).toEqual(before);
  });

  it('applies every migration once; migrating again is a no-op', async () => {
    const { db, dialect, cleanup } = await dialectCase.open();
    try {
      expect(await migrateToLatest(db, dialect)).toContain('0001-initial');
      expect(await migrateToLatest(db, dialect)).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it('upserts talents with skills and reads them back; an upsert replaces the skills', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    await ctx.store.talents.upsertMany(DEFAULT_ORG, [talent('t1', [skill('python', 4, 'mission')])], at);
    await ctx.store.talents.upsertMany(
      DEFAULT_ORG,
      [
        talent('t1', [
          skill('sql', 3, null),
          { ...skill('spark', 2, 'cv'), years: 1.5, lastUsed: '2025-06-01', evidenceDetail: 'CV p.1' },
        ]),
      ],
      at,
    );
    const t1 = await ctx.store.talents.get(DEFAULT_ORG, 't1');
    expect(t1?.skills).toEqual([
      { ...skill('spark', 2, 'cv'), years: 1.5, lastUsed: '2025-06-01', evidenceDetail: 'CV p.1' },
      skill('sql', 3, null),
    ]);
    // Every field of the profile round-trips.
    expect(t1).toEqual({ ...talent('t1', []), skills: t1!.skills });
    expect(await ctx.store.talents.listAll(DEFAULT_ORG)).toEqual([t1]);
    expect(t1?.dailyCost).toBe(650.5);
    expect(await ctx.store.talents.count(DEFAULT_ORG)).toBe(1);
    expect(await ctx.store.talents.get('other-org', 't1')).toBeNull();
  });

  it('a failing transaction writes nothing', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    await expect(
      ctx.store.transaction(async (tx) => {
        await tx.talents.upsertMany(DEFAULT_ORG, [talent('t2', [])], at);
        // A skill that does not exist violates the foreign key: the whole transaction rolls back.
        await tx.talents.upsertMany(DEFAULT_ORG, [talent('t3', [skill('no-such-skill', 1, null)])], at);
      }),
    ).rejects.toThrow();
    expect(await ctx.store.talents.count(DEFAULT_ORG)).toBe(0);
  });

  it('seeds the demo in one transaction and lists projects with their requirement counts', async () => {
    const r = await ctx.services.demo.seed({ talents: 60, projects: 8, seed: 3 });
    expect(r).toEqual({ talents: 60, projects: 8, seed: 3 });
    const list = await ctx.store.projects.list(DEFAULT_ORG);
    expect(list).toHaveLength(8);
    const full = await ctx.store.projects.get(DEFAULT_ORG, list[0]!.id);
    expect(full?.requirements.length).toBe(list[0]!.requirementCount);
    expect(full?.requirements.every((q) => typeof q.must === 'boolean')).toBe(true);
    expect(full?.statusHistory.at(-1)?.status).toBe(full?.status);
  });

  it('keeps a hash-chained audit trail that detects tampering', async () => {
    await ctx.services.demo.seed({ talents: 5, projects: 5, seed: 1 });
    await ctx.services.demo.seed({ talents: 5, projects: 5, seed: 2 });
    const events = (await ctx.store.audit.list(DEFAULT_ORG, 10)).reverse();
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(AuditService.verify(events)).toBeNull();
    const tampered = events.map((e) => (e.seq === 1 ? { ...e, detail: { ...e.detail, talents: 999 } } : e));
    expect(AuditService.verify(tampered)).toBe(1);
  });
  it("streams an organization's talents in id order, batch by batch, and no one else's", async () => {
    const at = '2026-01-01T00:00:00.000Z';
    await ctx.store.ensureOrganization('org-b', 'B', at);
    const mine = Array.from({ length: 25 }, (_, i) =>
      talent(`s${String(i).padStart(2, '0')}`, [skill('python', 1 + (i % 5), 'self')]),
    );
    // Interleaved ids of another organization: keyset pagination must skip them, not stop at them.
    const theirs = [talent('s05x', []), talent('s17x', []), talent('s99', [])];
    await ctx.store.talents.upsertMany(DEFAULT_ORG, [...mine].reverse(), at);
    await ctx.store.talents.upsertMany('org-b', theirs, at);
    const batches: Talent[][] = [];
    for await (const batch of ctx.store.talents.streamAll(DEFAULT_ORG, 10)) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(batches.flat()).toEqual(mine);
    expect(batches.flat()).toEqual(await ctx.store.talents.listAll(DEFAULT_ORG));
    const other: Talent[] = [];
    for await (const batch of ctx.store.talents.streamAll('org-b')) other.push(...batch);
    expect(other.map((t) => t.id)).toEqual(['s05x', 's17x', 's99']);
    const none: Talent[][] = [];
    for await (const batch of ctx.store.talents.streamAll('org-none', 10)) none.push(batch);
    expect(none).toEqual([]);
  });
});

/** The migration table's schema, as migrateToLatest chooses it (see src/storage/migrate.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrations' own tables, not Database
async function migratorFor(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<Migrator> {
  const schema =
    dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  return new Migrator({ db, provider: migrationProvider, migrationTableSchema: schema });
}

describe.each(DIALECTS)('migration 0005 on $name', (dialectCase) => {
  it('packs the talents of the earlier layout into their rows, data intact, and unpacks them going down', async () => {
    const { db, dialect, cleanup } = await dialectCase.open();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tables of the 0004 layout
    const raw = db as unknown as Kysely<any>;
    try {
      const migrator = await migratorFor(raw, dialect);
      const to0004 = await migrator.migrateTo('0004-import');
      expect(to0004.error).toBeUndefined();
      const at = '2026-01-01T00:00:00.000Z';
      await raw.insertInto('organization').values({ id: DEFAULT_ORG, name: 'o', created_at: at }).execute();
      for (const id of ['python', 'spark', 'sql'])
        await raw
          .insertInto('skill')
          .values({ id, domain: 'data', type: 'hard', origin: 'vivier', ambiguous: 0 })
          .execute();
      const row = (id: string) => ({
        id,
        org_id: DEFAULT_ORG,
        external_id: `ext-${id}`,
        source: 'freelance',
        name: `Talent ${id}`,
        email: `${id}@example.org`,
        phone: null,
        headline: 'Data engineer',
        occupation_id: null,
        location: 'Lyon',
        remote: 'remote',
        languages: '["fr","en"]',
        daily_cost: 650.5,
        industries: '["banking"]',
        functions: '["finance"]',
        consent_at: '2025-12-01',
        retain_until: '2028-12-01',
        created_at: at,
        updated_at: at,
      });
      await raw
        .insertInto('talent')
        .values([row('t1'), row('t2')])
        .execute();
      // Rows inserted out of order: the migration orders skills by id and windows, missions by seq.
      await raw
        .insertInto('talent_skill')
        .values([
          {
            talent_id: 't1',
            skill_id: 'sql',
            level: 3,
            evidence: null,
            years: null,
            last_used: null,
            evidence_detail: null,
          },
          {
            talent_id: 't1',
            skill_id: 'python',
            level: 4,
            evidence: 'mission',
            years: 1.5,
            last_used: '2025-06-01',
            evidence_detail: 'Fraud — "scoring"\ttab\\ slash',
          },
        ])
        .execute();
      await raw
        .insertInto('talent_availability')
        .values([
          { talent_id: 't1', seq: 1, start_date: '2026-07-01', end_date: '2026-12-31', days_per_week: 2 },
          { talent_id: 't1', seq: 0, start_date: '2026-01-01', end_date: '2026-06-30', days_per_week: 3.5 },
        ])
        .execute();
      await raw
        .insertInto('talent_mission')
        .values([
          {
            talent_id: 't1',
            seq: 1,
            title: 'Second',
            organization: null,
            start_date: '2025-01-01',
            end_date: null,
            industry: null,
            business_function: null,
            outcome: null,
            skills: '[]',
          },
          {
            talent_id: 't1',
            seq: 0,
            title: 'Fraud scoring',
            organization: 'Banque X',
            start_date: '2024-01-01',
            end_date: '2024-09-30',
            industry: 'banking',
            business_function: 'finance',
            outcome: 'production',
            skills: '["python","spark"]',
          },
        ])
        .execute();

      expect(await migrateToLatest(db, dialect)).toContain('0005-talent-packed');
      const store = createStore(db, dialect);
      const t1: Talent = {
        ...talent('t1', [
          {
            skillId: 'python',
            level: 4,
            evidence: 'mission',
            years: 1.5,
            lastUsed: '2025-06-01',
            evidenceDetail: 'Fraud — "scoring"\ttab\\ slash',
          },
          skill('sql', 3, null),
        ]),
        availability: [
          { start: '2026-01-01', end: '2026-06-30', daysPerWeek: 3.5 },
          { start: '2026-07-01', end: '2026-12-31', daysPerWeek: 2 },
        ],
        missions: [
          { ...talent('x', []).missions[0]!, skills: ['python', 'spark'] },
          {
            title: 'Second',
            organization: null,
            start: '2025-01-01',
            end: null,
            industry: null,
            businessFunction: null,
            skills: [],
            outcome: null,
          },
        ],
      };
      const t2: Talent = { ...talent('t2', []), availability: [], missions: [] };
      expect(await store.talents.listAll(DEFAULT_ORG)).toEqual([t1, t2]);
      expect(await store.talents.get(DEFAULT_ORG, 't1')).toEqual(t1);
      const supply = await store.talents.skillSupply(DEFAULT_ORG);
      expect(supply.rows.sort((a, b) => (a.skillId < b.skillId ? -1 : 1))).toEqual([
        { skillId: 'python', level: 4, count: 1 },
        { skillId: 'sql', level: 3, count: 1 },
      ]);
      const tables = async () =>
        dialect === 'sqlite'
          ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(raw))
              .rows
          : (
              await sql<{ name: string }>`select table_name as name from information_schema.tables
                                          where table_schema = current_schema()`.execute(raw)
            ).rows;
      expect((await tables()).map((t) => t.name)).not.toContain('talent_skill');

      // Down to 0004: the child rows again, then up: the same talents.
      const down = await migrator.migrateTo('0004-import');
      expect(down.error).toBeUndefined();
      expect((await tables()).map((t) => t.name)).toContain('talent_mission');
      const skills = await raw
        .selectFrom('talent_skill')
        .select(['talent_id', 'skill_id', 'level', 'years', 'evidence_detail'])
        .orderBy('skill_id')
        .execute();
      expect(
        skills.map((r) => ({
          ...r,
          level: Number(r.level),
          years: r.years === null ? null : Number(r.years),
        })),
      ).toEqual([
        {
          talent_id: 't1',
          skill_id: 'python',
          level: 4,
          years: 1.5,
          evidence_detail: 'Fraud — "scoring"\ttab\\ slash',
        },
        { talent_id: 't1', skill_id: 'sql', level: 3, years: null, evidence_detail: null },
      ]);
      await migrateToLatest(db, dialect);
      expect(await createStore(db, dialect).talents.listAll(DEFAULT_ORG)).toEqual([t1, t2]);
    } finally {
      await cleanup();
    }
  });
});

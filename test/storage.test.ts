import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Talent, TalentSkill } from '../src/core/model.js';
import type { Context } from '../src/main/create-context.js';
import { AuditService } from '../src/services/audit.service.js';
import { DEFAULT_ORG } from '../src/services/ports.js';
import { migrateToLatest } from '../src/storage/migrate.js';
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
});

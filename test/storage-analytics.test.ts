/**
 * Analytics on every storage dialect: the snapshot loaded page by page from the database gives the same
 * figures as one built from the full records; the SQL GROUP BY cross-check agrees with it; single-record
 * changes (audited) reach the report incrementally; and the small demo tells the article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GapEngine } from '../src/core/analytics/gap-engine.js';
import { LEVELS } from '../src/core/analytics/gap-engine.js';
import { demandTable, gapReport } from '../src/core/analytics/gaps.js';
import { buildSnapshot } from '../src/core/analytics/snapshot.js';
import { DEMO_SIZES } from '../src/core/demo/generate-demo.js';
import type { Context } from '../src/main/create-context.js';
import { DEFAULT_ORG } from '../src/services/ports.js';
import { DIALECTS, openTestContext } from './support/databases.js';

for (const dialect of DIALECTS) {
  describe(`analytics on ${dialect.name}`, () => {
    let ctx: Context;
    beforeAll(async () => {
      ctx = await openTestContext(dialect);
      await ctx.services.demo.seed({ talents: 150, projects: 125, seed: 11 });
    });
    afterAll(async () => {
      await ctx.close();
    });

    it('loads the same figures as a snapshot of the full records', async () => {
      const { taxonomy } = await ctx.services.taxonomy.get();
      const talents = await ctx.store.talents.listAll(DEFAULT_ORG);
      const projects = await ctx.store.projects.listAll(DEFAULT_ORG);
      const direct = new GapEngine(buildSnapshot(taxonomy, talents, projects));
      const fromService = await ctx.services.analytics.gaps({
        top: 1000,
        by: 'function',
        recommendations: 0,
      });
      expect(fromService.report).toEqual(gapReport(direct, { top: 1000, by: 'function' }));
      expect(await ctx.services.analytics.demand()).toEqual(demandTable(direct));
    });

    it('the SQL GROUP BY agrees with the in-memory counts', async () => {
      const { taxonomy } = await ctx.services.taxonomy.get();
      const talents = await ctx.store.talents.listAll(DEFAULT_ORG);
      const projects = await ctx.store.projects.listAll(DEFAULT_ORG);
      const engine = new GapEngine(buildSnapshot(taxonomy, talents, projects));
      engine.ensure();
      const rows = await ctx.services.analytics.skillCountsSql();
      expect(rows.length).toBeGreaterThan(20);
      for (const r of rows) {
        const sk = engine.snap.skills.find(r.skillId);
        expect(engine.nOpen[sk], r.skillId).toBe(r.openProjects);
        expect(engine.nOpenMust[sk], r.skillId).toBe(r.openMust);
        for (let lv = 1; lv <= 5; lv++) {
          expect(engine.holders[(sk * LEVELS + lv) * 2], `${r.skillId} ${lv}`).toBe(r.employees[lv]);
          expect(engine.holders[(sk * LEVELS + lv) * 2 + 1], `${r.skillId} ${lv}`).toBe(r.freelancers[lv]);
        }
      }
    });

    it('reflects an audited change of one talent or project incrementally', async () => {
      const before = await ctx.services.analytics.gaps({ top: 1000 });
      const someone = (await ctx.store.talents.listAll(DEFAULT_ORG)).find((t) => t.source === 'employee')!;
      const gap = before.report.rows.find((r) => r.holders === 0 && r.shortage > 0)!;
      const at = '2026-01-15T10:00:00.000Z';
      await ctx.store.transaction(async (tx) => {
        await tx.talents.upsertMany(
          DEFAULT_ORG,
          [
            {
              ...someone,
              skills: [
                ...someone.skills,
                {
                  skillId: gap.skillId,
                  level: 5,
                  evidence: 'certification',
                  years: 2,
                  lastUsed: null,
                  evidenceDetail: null,
                },
              ],
            },
          ],
          at,
        );
        await ctx.services.audit.record(tx, {
          orgId: DEFAULT_ORG,
          actor: 'test',
          action: 'talent.update',
          entityType: 'talent',
          entityId: someone.id,
          detail: {},
        });
      });
      const after = await ctx.services.analytics.gaps({ top: 1000 });
      const row = after.report.rows.find((r) => r.skillId === gap.skillId)!;
      expect(row.employees.holders).toBe(1);
      expect(row.shortage).toBeLessThan(gap.shortage);
      // The same as a fresh load.
      ctx.services.analytics.invalidate();
      expect((await ctx.services.analytics.gaps({ top: 1000 })).report).toEqual(after.report);
      const records = await ctx.services.analytics.gapRecords(gap.skillId);
      expect(records.supply.records.map((r) => r.talentId)).toContain(someone.id);
    });
  });
}

describe('the small demo, stored in SQLite, tells the article', () => {
  let ctx: Context;
  beforeAll(async () => {
    ctx = await openTestContext(DIALECTS[0]!);
    await ctx.services.demo.seed({ ...DEMO_SIZES.small, seed: 42 });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('computes every figure from the stored records', async () => {
    const a = await ctx.services.analytics.article();
    const ratio = (id: string) => a.growth.find((g) => g.id === id)!.ratio;
    expect(ratio('ai-projects')).toBe(3.3);
    expect(ratio('open-weight-llm')).toBe(8);
    expect(ratio('low-code')).toBe(1.4);
    expect(ratio('security-compliance')).toBe(1.35);
    expect(ratio('freelance-tech-data')).toBe(1.7);
    expect(a.absentSkills.shareAbsentEmployees).toBe(0.4);
    expect(a.absentSkills.shareAbsentAll).toBe(0.1);
    expect(new Set(a.scarceDomains.domains.slice(0, 3).map((d) => d.domain))).toEqual(
      new Set(['security', 'cloud', 'data']),
    );
    expect(a.production.generic.rate).toBe(0.05);
    expect(a.production.vertical.rate).toBe(0.45);
    // Traceable: the 132 AI projects of 2024 are these records.
    const r = await ctx.services.analytics.trendRecords('projects', '2024', 'year');
    expect(r.total).toBe(132);
    expect(new Set(r.ids).size).toBe(132);
  });
});

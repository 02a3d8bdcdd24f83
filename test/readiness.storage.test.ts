import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supplyRowsOf } from '../src/core/readiness/coverage.js';
import type { Context } from '../src/main/create-context.js';
import { DIALECTS, openTestContext } from './support/databases.js';

const ORG = 'org-default';
const key = (r: { skillId: string; level: number }) => `${r.skillId}:${r.level}`;

describe.each(DIALECTS)('readiness storage on $name', (dialect) => {
  let ctx: Context;
  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    await ctx.services.demo.seed({ talents: 50, projects: 20, seed: 8 });
  });
  afterAll(() => ctx.close());

  it('skillSupply aggregates the pool as counting in memory does, with the median daily cost', async () => {
    const talents = await ctx.store.talents.listAll(ORG);
    const supply = await ctx.store.talents.skillSupply(ORG);
    expect(supply.talents).toBe(talents.length);
    const sortRows = (rows: { skillId: string; level: number; count: number }[]) =>
      [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(sortRows(supply.rows)).toEqual(sortRows(supplyRowsOf(talents)));
    const costs = talents.map((t) => t.dailyCost).sort((a, b) => a - b);
    expect(supply.medianDailyCost).toBe(costs[Math.floor((costs.length - 1) / 2)]);
    expect(await ctx.store.talents.skillSupply('org-nobody')).toEqual({
      talents: 0,
      medianDailyCost: null,
      rows: [],
    });
  });

  it('projects.listAll returns every project in full, as get does', async () => {
    const all = await ctx.store.projects.listAll(ORG);
    expect(all).toHaveLength(20);
    expect(all.map((p) => p.id)).toEqual([...all.map((p) => p.id)].sort());
    for (const p of all) expect(p).toEqual(await ctx.store.projects.get(ORG, p.id));
  });
});

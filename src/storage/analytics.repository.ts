/**
 * Compact reads for the analytics snapshot: only the columns the gap report, trends and upskilling read,
 * page by page in id order (keyset pagination); a talent's lists come with its row (packed, migration 0005),
 * a project's requirements are fetched for the page's ids. And the SQL formulation of the per-skill counts
 * (GROUP BY over the talents' packed skills and over project_skill), which tests and the benchmark set
 * beside the in-memory figures.
 */
import { sql, type Kysely } from 'kysely';
import type { SnapshotProject, SnapshotTalent } from '../core/analytics/snapshot.js';
import type { AnalyticsStore, SkillCountRow } from '../services/ports.js';
import { chunks } from './batch.js';
import { fromJson } from './json-column.js';
import type { Database } from './schema.js';

/** Ids per IN (…) list. */
const IN_BATCH = 500;

function group<R extends Record<K, string>, K extends string, T>(
  rows: readonly R[],
  key: K,
  map: (r: R) => T,
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    let list = out.get(r[key]);
    if (!list) out.set(r[key], (list = []));
    list.push(map(r));
  }
  return out;
}

export class AnalyticsRepository implements AnalyticsStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async talentPage(orgId: string, afterId: string | null, limit: number): Promise<SnapshotTalent[]> {
    let q = this.db
      .selectFrom('talent')
      .select(['id', 'source', 'daily_cost', 'skills', 'availability', 'missions'])
      .where('org_id', '=', orgId)
      .orderBy('id')
      .limit(limit);
    if (afterId !== null) q = q.where('id', '>', afterId);
    const rows = await q.execute();
    // The lists are packed tuples (migration 0005): only the fields the snapshot reads are kept.
    return rows.map((r) => ({
      id: r.id,
      source: r.source === 'freelance' ? 'freelance' : 'employee',
      dailyCost: Number(r.daily_cost),
      skills: (JSON.parse(r.skills) as [string, number][]).map((s) => ({
        skillId: s[0],
        level: Number(s[1]),
      })),
      availability: (JSON.parse(r.availability) as [string, string, number][]).map((w) => ({
        start: w[0],
        end: w[1],
        daysPerWeek: Number(w[2]),
      })),
      missions: (JSON.parse(r.missions) as [string, unknown, string, ...unknown[]][]).map((m) => ({
        start: m[2],
        skills: m[7] as string[],
      })),
    }));
  }

  async projectPage(orgId: string, afterId: string | null, limit: number): Promise<SnapshotProject[]> {
    let q = this.db
      .selectFrom('project')
      .select([
        'id',
        'industry',
        'business_function',
        'archetype',
        'status',
        'start_date',
        'end_date',
        'outcome',
        'build_or_buy',
        'business_outcome',
        'process_owner',
        'roles',
      ])
      .where('org_id', '=', orgId)
      .orderBy('id')
      .limit(limit);
    if (afterId !== null) q = q.where('id', '>', afterId);
    const rows = await q.execute();
    if (!rows.length) return [];
    const reqs: { project_id: string; skill_id: string; level: number; weight: number; must: number }[] = [];
    for (const ids of chunks(
      rows.map((r) => r.id),
      IN_BATCH,
    )) {
      reqs.push(
        ...(await this.db
          .selectFrom('project_skill')
          .select(['project_id', 'skill_id', 'level', 'weight', 'must'])
          .where('project_id', 'in', ids)
          .orderBy('project_id')
          .orderBy('skill_id')
          .execute()),
      );
    }
    const r = group(reqs, 'project_id', (q) => ({
      skillId: q.skill_id,
      level: Number(q.level),
      weight: Number(q.weight),
      must: Number(q.must) === 1,
    }));
    return rows.map((p) => ({
      id: p.id,
      industry: p.industry,
      businessFunction: p.business_function,
      archetype: p.archetype,
      status: p.status,
      startDate: p.start_date,
      endDate: p.end_date,
      outcome: p.outcome,
      buildOrBuy: p.build_or_buy,
      businessOutcome: p.business_outcome,
      processOwner: p.process_owner,
      roles: fromJson<{ headcount: number }[]>(p.roles, []),
      requirements: r.get(p.id) ?? [],
    }));
  }

  async skillCounts(orgId: string, openStatuses: readonly string[]): Promise<SkillCountRow[]> {
    const demand = await this.db
      .selectFrom('project_skill')
      .innerJoin('project', 'project.id', 'project_skill.project_id')
      .select((eb) => [
        'project_skill.skill_id',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('project_skill.must').as('must'),
      ])
      .where('project.org_id', '=', orgId)
      .where('project.status', 'in', [...openStatuses])
      .groupBy('project_skill.skill_id')
      .execute();
    // Holders per (skill, level, source): the packed skills through each dialect's JSON table function.
    const supply = (
      this.dialect === 'sqlite'
        ? await sql<{ skill_id: string; level: number; source: string; n: number }>`
            select j.value ->> 0 as skill_id, j.value ->> 1 as level, t.source, count(*) as n
            from talent t, json_each(t.skills) j
            where t.org_id = ${orgId}
            group by 1, 2, 3`.execute(this.db)
        : await sql<{ skill_id: string; level: number; source: string; n: number }>`
            select j.v ->> 0 as skill_id, (j.v ->> 1)::int as level, t.source, count(*) as n
            from talent t cross join lateral json_array_elements(t.skills::json) as j(v)
            where t.org_id = ${orgId}
            group by 1, 2, 3`.execute(this.db)
    ).rows;
    const by = new Map<string, SkillCountRow>();
    const row = (skillId: string): SkillCountRow => {
      let r = by.get(skillId);
      if (!r)
        by.set(
          skillId,
          (r = {
            skillId,
            openProjects: 0,
            openMust: 0,
            employees: [0, 0, 0, 0, 0, 0],
            freelancers: [0, 0, 0, 0, 0, 0],
          }),
        );
      return r;
    };
    for (const d of demand) {
      const r = row(d.skill_id);
      r.openProjects = Number(d.n);
      r.openMust = Number(d.must ?? 0);
    }
    for (const s of supply) {
      const lv = Number(s.level);
      if (lv < 1 || lv > 5) continue;
      const r = row(s.skill_id);
      (s.source === 'freelance' ? r.freelancers : r.employees)[lv] = Number(s.n);
    }
    return [...by.values()].sort((a, b) => (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
  }
}

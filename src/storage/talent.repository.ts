import type { Kysely } from 'kysely';
import type { TalentSource } from '../core/matching/types.js';
import type {
  AvailabilityWindow,
  BusinessFunction,
  Industry,
  Mission,
  Outcome,
  RemotePreference,
  Talent,
  TalentSkill,
} from '../core/model.js';
import type { PoolSupply, TalentStore } from '../services/ports.js';
import { chunks } from './batch.js';
import { fromJson, toJson } from './json-column.js';
import type {
  Database,
  TalentAvailabilityTable,
  TalentMissionTable,
  TalentSkillTable,
  TalentTable,
} from './schema.js';

function toRow(orgId: string, t: Talent, at: string): TalentTable {
  return {
    id: t.id,
    org_id: orgId,
    external_id: t.externalId,
    source: t.source,
    name: t.name,
    email: t.email,
    phone: t.phone,
    headline: t.headline,
    occupation_id: t.occupationId,
    location: t.location,
    remote: t.remote,
    languages: toJson(t.languages),
    daily_cost: t.dailyCost,
    industries: toJson(t.industries),
    functions: toJson(t.functions),
    consent_at: t.consentAt,
    retain_until: t.retainUntil,
    created_at: at,
    updated_at: at,
  };
}

export interface Children {
  skills: TalentSkill[];
  availability: AvailabilityWindow[];
  missions: Mission[];
}

export function fromRow(r: TalentTable, c: Children): Talent {
  return {
    id: r.id,
    externalId: r.external_id,
    source: r.source as TalentSource,
    name: r.name,
    email: r.email,
    phone: r.phone,
    headline: r.headline,
    occupationId: r.occupation_id,
    location: r.location,
    remote: r.remote as RemotePreference,
    languages: fromJson<string[]>(r.languages, []),
    dailyCost: Number(r.daily_cost),
    skills: c.skills,
    industries: fromJson<Industry[]>(r.industries, []),
    functions: fromJson<BusinessFunction[]>(r.functions, []),
    availability: c.availability,
    missions: c.missions,
    consentAt: r.consent_at,
    retainUntil: r.retain_until,
  };
}

export const skillFromRow = (s: TalentSkillTable): TalentSkill => ({
  skillId: s.skill_id,
  level: s.level,
  evidence: s.evidence,
  years: s.years === null ? null : Number(s.years),
  lastUsed: s.last_used,
  evidenceDetail: s.evidence_detail,
});
export const availabilityFromRow = (a: TalentAvailabilityTable): AvailabilityWindow => ({
  start: a.start_date,
  end: a.end_date,
  daysPerWeek: Number(a.days_per_week),
});
export const missionFromRow = (m: TalentMissionTable): Mission => ({
  title: m.title,
  organization: m.organization,
  start: m.start_date,
  end: m.end_date,
  industry: m.industry as Industry | null,
  businessFunction: m.business_function as BusinessFunction | null,
  skills: fromJson<string[]>(m.skills, []),
  outcome: m.outcome as Outcome | null,
});

/** Groups rows by talent id (rows arrive sorted by talent id). */
function groupBy<R extends { talent_id: string }, T>(rows: R[], map: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    let list = out.get(r.talent_id);
    if (!list) out.set(r.talent_id, (list = []));
    list.push(map(r));
  }
  return out;
}

/** Loads the talents with these rows, children included, in the rows' order. */
export async function withChildren(db: Kysely<Database>, rows: readonly TalentTable[]): Promise<Talent[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const skills: TalentSkillTable[] = [];
  const windows: TalentAvailabilityTable[] = [];
  const missions: TalentMissionTable[] = [];
  for (const part of chunks(ids, 500)) {
    skills.push(
      ...(await db
        .selectFrom('talent_skill')
        .selectAll()
        .where('talent_id', 'in', part)
        .orderBy('talent_id')
        .orderBy('skill_id')
        .execute()),
    );
    windows.push(
      ...(await db
        .selectFrom('talent_availability')
        .selectAll()
        .where('talent_id', 'in', part)
        .orderBy('talent_id')
        .orderBy('seq')
        .execute()),
    );
    missions.push(
      ...(await db
        .selectFrom('talent_mission')
        .selectAll()
        .where('talent_id', 'in', part)
        .orderBy('talent_id')
        .orderBy('seq')
        .execute()),
    );
  }
  const s = groupBy(skills, skillFromRow);
  const a = groupBy(windows, availabilityFromRow);
  const m = groupBy(missions, missionFromRow);
  return rows.map((r) =>
    fromRow(r, { skills: s.get(r.id) ?? [], availability: a.get(r.id) ?? [], missions: m.get(r.id) ?? [] }),
  );
}

export class TalentRepository implements TalentStore {
  constructor(private readonly db: Kysely<Database>) {}

  async upsertMany(orgId: string, talents: readonly Talent[], at: string): Promise<void> {
    for (const part of chunks(talents, 200)) {
      await this.db
        .insertInto('talent')
        .values(part.map((t) => toRow(orgId, t, at)))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            external_id: eb.ref('excluded.external_id'),
            source: eb.ref('excluded.source'),
            name: eb.ref('excluded.name'),
            email: eb.ref('excluded.email'),
            phone: eb.ref('excluded.phone'),
            headline: eb.ref('excluded.headline'),
            occupation_id: eb.ref('excluded.occupation_id'),
            location: eb.ref('excluded.location'),
            remote: eb.ref('excluded.remote'),
            languages: eb.ref('excluded.languages'),
            daily_cost: eb.ref('excluded.daily_cost'),
            industries: eb.ref('excluded.industries'),
            functions: eb.ref('excluded.functions'),
            consent_at: eb.ref('excluded.consent_at'),
            retain_until: eb.ref('excluded.retain_until'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      const ids = part.map((t) => t.id);
      // Child rows are replaced whole: a profile's skills, windows and missions are one document.
      await this.db.deleteFrom('talent_skill').where('talent_id', 'in', ids).execute();
      await this.db.deleteFrom('talent_availability').where('talent_id', 'in', ids).execute();
      await this.db.deleteFrom('talent_mission').where('talent_id', 'in', ids).execute();
      const skills: TalentSkillTable[] = part.flatMap((t) =>
        t.skills.map((s) => ({
          talent_id: t.id,
          skill_id: s.skillId,
          level: s.level,
          evidence: s.evidence,
          years: s.years,
          last_used: s.lastUsed,
          evidence_detail: s.evidenceDetail,
        })),
      );
      const windows: TalentAvailabilityTable[] = part.flatMap((t) =>
        t.availability.map((a, seq) => ({
          talent_id: t.id,
          seq,
          start_date: a.start,
          end_date: a.end,
          days_per_week: a.daysPerWeek,
        })),
      );
      const missions: TalentMissionTable[] = part.flatMap((t) =>
        t.missions.map((m, seq) => ({
          talent_id: t.id,
          seq,
          title: m.title,
          organization: m.organization,
          start_date: m.start,
          end_date: m.end,
          industry: m.industry,
          business_function: m.businessFunction,
          outcome: m.outcome,
          skills: toJson(m.skills),
        })),
      );
      for (const c of chunks(skills)) await this.db.insertInto('talent_skill').values(c).execute();
      for (const c of chunks(windows)) await this.db.insertInto('talent_availability').values(c).execute();
      for (const c of chunks(missions)) await this.db.insertInto('talent_mission').values(c).execute();
    }
  }

  async listAll(orgId: string): Promise<Talent[]> {
    const rows = await this.db
      .selectFrom('talent')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('id')
      .execute();
    const inOrg = (table: 'talent_skill' | 'talent_availability' | 'talent_mission') =>
      this.db
        .selectFrom(table)
        .innerJoin('talent', 'talent.id', `${table}.talent_id`)
        .where('talent.org_id', '=', orgId);
    const skills = await inOrg('talent_skill')
      .selectAll('talent_skill')
      .orderBy('talent_skill.talent_id')
      .orderBy('talent_skill.skill_id')
      .execute();
    const windows = await inOrg('talent_availability')
      .selectAll('talent_availability')
      .orderBy('talent_availability.talent_id')
      .orderBy('talent_availability.seq')
      .execute();
    const missions = await inOrg('talent_mission')
      .selectAll('talent_mission')
      .orderBy('talent_mission.talent_id')
      .orderBy('talent_mission.seq')
      .execute();
    const s = groupBy(skills, skillFromRow);
    const a = groupBy(windows, availabilityFromRow);
    const m = groupBy(missions, missionFromRow);
    return rows.map((r) =>
      fromRow(r, { skills: s.get(r.id) ?? [], availability: a.get(r.id) ?? [], missions: m.get(r.id) ?? [] }),
    );
  }

  async get(orgId: string, id: string): Promise<Talent | null> {
    const r = await this.db
      .selectFrom('talent')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? ((await withChildren(this.db, [r]))[0] ?? null) : null;
  }

  async count(orgId: string): Promise<number> {
    const r = await this.db
      .selectFrom('talent')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async skillSupply(orgId: string): Promise<PoolSupply> {
    const rows = await this.db
      .selectFrom('talent_skill')
      .innerJoin('talent', 'talent.id', 'talent_skill.talent_id')
      .select((eb) => ['talent_skill.skill_id', 'talent_skill.level', eb.fn.countAll<number>().as('n')])
      .where('talent.org_id', '=', orgId)
      .groupBy(['talent_skill.skill_id', 'talent_skill.level'])
      .execute();
    const talents = await this.count(orgId);
    // The median daily cost (lower median for an even count): portable SQL, one sorted read.
    const median =
      talents === 0
        ? undefined
        : await this.db
            .selectFrom('talent')
            .select('daily_cost')
            .where('org_id', '=', orgId)
            .orderBy('daily_cost')
            .limit(1)
            .offset(Math.floor((talents - 1) / 2))
            .executeTakeFirst();
    return {
      talents,
      medianDailyCost: median ? Number(median.daily_cost) : null,
      rows: rows.map((r) => ({ skillId: r.skill_id, level: Number(r.level), count: Number(r.n) })),
    };
  }
}

import type { Kysely } from 'kysely';
import type { HeldSkill, TalentSource } from '../core/matching/types.js';
import type { Talent } from '../core/model.js';
import type { TalentStore } from '../services/ports.js';
import { chunks } from './batch.js';
import type { Database, TalentSkillTable, TalentTable } from './schema.js';

export class TalentRepository implements TalentStore {
  constructor(private readonly db: Kysely<Database>) {}

  async upsertMany(orgId: string, talents: readonly Talent[], at: string): Promise<void> {
    for (const part of chunks(talents)) {
      const rows: TalentTable[] = part.map((t) => ({
        id: t.id,
        org_id: orgId,
        external_id: t.externalId,
        source: t.source,
        name: t.name,
        headline: t.headline,
        location: t.location,
        daily_cost: t.dailyCost,
        created_at: at,
        updated_at: at,
      }));
      await this.db
        .insertInto('talent')
        .values(rows)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            external_id: eb.ref('excluded.external_id'),
            source: eb.ref('excluded.source'),
            name: eb.ref('excluded.name'),
            headline: eb.ref('excluded.headline'),
            location: eb.ref('excluded.location'),
            daily_cost: eb.ref('excluded.daily_cost'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      await this.db
        .deleteFrom('talent_skill')
        .where(
          'talent_id',
          'in',
          part.map((t) => t.id),
        )
        .execute();
      const skills: TalentSkillTable[] = part.flatMap((t) =>
        t.skills.map((s) => ({ talent_id: t.id, skill_id: s.skillId, level: s.level, evidence: s.evidence })),
      );
      for (const sp of chunks(skills)) await this.db.insertInto('talent_skill').values(sp).execute();
    }
  }

  async listAll(orgId: string): Promise<Talent[]> {
    const rows = await this.db
      .selectFrom('talent')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('id')
      .execute();
    const skills = await this.db
      .selectFrom('talent_skill')
      .innerJoin('talent', 'talent.id', 'talent_skill.talent_id')
      .select([
        'talent_skill.talent_id',
        'talent_skill.skill_id',
        'talent_skill.level',
        'talent_skill.evidence',
      ])
      .where('talent.org_id', '=', orgId)
      .orderBy('talent_skill.talent_id')
      .orderBy('talent_skill.skill_id')
      .execute();
    const byTalent = new Map<string, HeldSkill[]>();
    for (const s of skills) {
      let list = byTalent.get(s.talent_id);
      if (!list) byTalent.set(s.talent_id, (list = []));
      list.push({ skillId: s.skill_id, level: s.level, evidence: s.evidence });
    }
    return rows.map((r) => toTalent(r, byTalent.get(r.id) ?? []));
  }

  async get(orgId: string, id: string): Promise<Talent | null> {
    const r = await this.db
      .selectFrom('talent')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    const skills = await this.db
      .selectFrom('talent_skill')
      .selectAll()
      .where('talent_id', '=', id)
      .orderBy('skill_id')
      .execute();
    return toTalent(
      r,
      skills.map((s) => ({ skillId: s.skill_id, level: s.level, evidence: s.evidence })),
    );
  }

  async count(orgId: string): Promise<number> {
    const r = await this.db
      .selectFrom('talent')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

function toTalent(r: TalentTable, skills: HeldSkill[]): Talent {
  return {
    id: r.id,
    externalId: r.external_id,
    source: r.source as TalentSource,
    name: r.name,
    headline: r.headline,
    location: r.location,
    dailyCost: Number(r.daily_cost),
    skills,
  };
}

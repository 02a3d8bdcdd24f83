import { sql, type Kysely } from 'kysely';
import type { EscoDataset } from '../core/esco/esco.js';
import type { OccupationConcept, OccupationLabel } from '../core/occupations/link-titles.js';
import type { EscoCounts, EscoStore } from '../services/ports.js';
import { chunks } from './batch.js';
import type { Database } from './schema.js';

/** Bound parameters per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMS_PER_INSERT = 8000;
const rowsPerInsert = (columns: number): number => Math.max(1, Math.floor(PARAMS_PER_INSERT / columns));

export class EscoRepository implements EscoStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  /** Which of `ids` some talent holds (talents' skills are packed JSON since migration 0005). */
  private async heldByTalents(ids: readonly string[]): Promise<Set<string>> {
    const held = new Set<string>();
    if (ids.length === 0) return held;
    const wanted = new Set(ids);
    // One pass over the pool for the distinct held skills, kept when stale: a rare operation (an ESCO
    // import that drops concepts), and far cheaper than a NOT IN over every (talent, skill) pair.
    const rows =
      this.dialect === 'sqlite'
        ? await sql<{ skill_id: string }>`
            select distinct j.value ->> 0 as skill_id from talent t, json_each(t.skills) j`.execute(this.db)
        : await sql<{ skill_id: string }>`
            select distinct j.v ->> 0 as skill_id
            from talent t cross join lateral json_array_elements(t.skills::json) as j(v)`.execute(this.db);
    for (const r of rows.rows) if (wanted.has(r.skill_id)) held.add(r.skill_id);
    return held;
  }

  async replace(data: EscoDataset, onProgress?: (done: number, total: number) => void): Promise<EscoCounts> {
    const db = this.db;
    const skillLabels = data.skills.flatMap((s) =>
      s.labels.map((l) => ({ skill_id: s.id, lang: l.lang, kind: l.kind, label: l.label })),
    );
    const skillDescriptions = data.skills.flatMap((s) =>
      s.descriptions.map((d) => ({ skill_id: s.id, lang: d.lang, description: d.text })),
    );
    const occupationLabels = data.occupations.flatMap((o) =>
      o.labels.map((l) => ({ occupation_id: o.id, lang: l.lang, kind: l.kind, label: l.label })),
    );
    const occupationDescriptions = data.occupations.flatMap((o) =>
      o.descriptions.map((d) => ({ occupation_id: o.id, lang: d.lang, description: d.text })),
    );
    const groupLabels = data.groups.flatMap((g) =>
      g.labels.map((l) => ({ group_id: g.id, lang: l.lang, kind: l.kind, label: l.label })),
    );
    const groupDescriptions = data.groups.flatMap((g) =>
      g.descriptions.map((d) => ({ group_id: g.id, lang: d.lang, description: d.text })),
    );
    const total =
      data.skills.length +
      skillLabels.length +
      skillDescriptions.length +
      data.skillRelations.length +
      data.occupations.length +
      occupationLabels.length +
      occupationDescriptions.length +
      data.occupationSkills.length +
      data.groups.length +
      groupLabels.length +
      groupDescriptions.length +
      data.broader.length;
    let done = 0;
    const insertAll = async <R extends object>(
      rows: readonly R[],
      columns: number,
      insert: (part: R[]) => Promise<unknown>,
    ) => {
      for (const part of chunks(rows, rowsPerInsert(columns))) {
        await insert(part);
        done += part.length;
        onProgress?.(done, total);
      }
    };

    // 1. Clear what hangs off the ESCO concepts held now; the concepts themselves are upserted below so
    //    that talents and projects holding an ESCO skill keep it.
    const escoSkills = db.selectFrom('skill').select('id').where('origin', '=', 'esco');
    const escoOccupations = db.selectFrom('occupation').select('id').where('origin', '=', 'esco');
    await db.deleteFrom('skill_label').where('skill_id', 'in', escoSkills).execute();
    await db.deleteFrom('skill_description').where('skill_id', 'in', escoSkills).execute();
    await db.deleteFrom('skill_relation').where('from_id', 'in', escoSkills).execute();
    await db.deleteFrom('occupation_skill').where('occupation_id', 'in', escoOccupations).execute();
    await db.deleteFrom('occupation_label').where('occupation_id', 'in', escoOccupations).execute();
    await db.deleteFrom('occupation_description').where('occupation_id', 'in', escoOccupations).execute();
    await db.deleteFrom('esco_group_label').execute();
    await db.deleteFrom('esco_group_description').execute();
    await db.deleteFrom('esco_group').execute();
    await db.deleteFrom('esco_broader').execute();

    // 2. Concepts.
    await insertAll(data.skills, 7, (part) =>
      db
        .insertInto('skill')
        .values(
          part.map((s) => ({
            id: s.id,
            domain: 'general',
            type: s.type,
            broader_id: s.broaderId,
            esco_uri: s.uri,
            ambiguous: 0,
            origin: 'esco',
          })),
        )
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            domain: eb.ref('excluded.domain'),
            type: eb.ref('excluded.type'),
            broader_id: eb.ref('excluded.broader_id'),
            esco_uri: eb.ref('excluded.esco_uri'),
            ambiguous: eb.ref('excluded.ambiguous'),
            origin: eb.ref('excluded.origin'),
          })),
        )
        .execute(),
    );
    await insertAll(data.occupations, 5, (part) =>
      db
        .insertInto('occupation')
        .values(
          part.map((o) => ({ id: o.id, uri: o.uri, isco_code: o.iscoCode, code: o.code, origin: 'esco' })),
        )
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            uri: eb.ref('excluded.uri'),
            isco_code: eb.ref('excluded.isco_code'),
            code: eb.ref('excluded.code'),
            origin: eb.ref('excluded.origin'),
          })),
        )
        .execute(),
    );
    await insertAll(data.groups, 4, (part) =>
      db
        .insertInto('esco_group')
        .values(part.map((g) => ({ id: g.id, uri: g.uri, kind: g.kind, code: g.code })))
        .execute(),
    );

    // 3. Concepts of an earlier import that this one no longer has.
    const keepSkills = new Set(data.skills.map((s) => s.id));
    const heldSkills = await db.selectFrom('skill').select('id').where('origin', '=', 'esco').execute();
    const staleCandidates = heldSkills.map((r) => r.id).filter((id) => !keepSkills.has(id));
    const heldByTalents = await this.heldByTalents(staleCandidates);
    const staleSkills = staleCandidates.filter((id) => !heldByTalents.has(id));
    for (const part of chunks(staleSkills)) {
      await db
        .deleteFrom('skill')
        .where('id', 'in', part)
        .where('id', 'not in', db.selectFrom('project_skill').select('skill_id'))
        .execute();
    }
    const keepOccupations = new Set(data.occupations.map((o) => o.id));
    const heldOccupations = await db
      .selectFrom('occupation')
      .select('id')
      .where('origin', '=', 'esco')
      .execute();
    const staleOccupations = heldOccupations.map((r) => r.id).filter((id) => !keepOccupations.has(id));
    for (const part of chunks(staleOccupations))
      await db.deleteFrom('occupation').where('id', 'in', part).execute();

    // 4. Labels, descriptions, relations.
    await insertAll(skillLabels, 4, (part) => db.insertInto('skill_label').values(part).execute());
    await insertAll(skillDescriptions, 3, (part) =>
      db.insertInto('skill_description').values(part).execute(),
    );
    await insertAll(data.skillRelations, 3, (part) =>
      db
        .insertInto('skill_relation')
        .values(part.map((r) => ({ from_id: r.fromId, to_id: r.toId, weight: r.weight })))
        .execute(),
    );
    await insertAll(occupationLabels, 4, (part) => db.insertInto('occupation_label').values(part).execute());
    await insertAll(occupationDescriptions, 3, (part) =>
      db.insertInto('occupation_description').values(part).execute(),
    );
    await insertAll(data.occupationSkills, 3, (part) =>
      db
        .insertInto('occupation_skill')
        .values(
          part.map((r) => ({ occupation_id: r.occupationId, skill_id: r.skillId, relation: r.relation })),
        )
        .execute(),
    );
    await insertAll(groupLabels, 4, (part) => db.insertInto('esco_group_label').values(part).execute());
    await insertAll(groupDescriptions, 3, (part) =>
      db.insertInto('esco_group_description').values(part).execute(),
    );
    await insertAll(data.broader, 2, (part) =>
      db
        .insertInto('esco_broader')
        .values(part.map((b) => ({ concept_id: b.id, broader_id: b.broaderId })))
        .execute(),
    );
    return this.counts();
  }

  async counts(): Promise<EscoCounts> {
    const n = async (q: Promise<{ n: number | string | bigint } | undefined>): Promise<number> =>
      Number((await q)?.n ?? 0);
    const db = this.db;
    const escoSkills = db.selectFrom('skill').select('id').where('origin', '=', 'esco');
    const escoOccupations = db.selectFrom('occupation').select('id').where('origin', '=', 'esco');
    const count = sql<number>`count(*)`.as('n');
    return {
      skills: await n(db.selectFrom('skill').select(count).where('origin', '=', 'esco').executeTakeFirst()),
      skillLabels: await n(
        db.selectFrom('skill_label').select(count).where('skill_id', 'in', escoSkills).executeTakeFirst(),
      ),
      skillDescriptions: await n(
        db
          .selectFrom('skill_description')
          .select(count)
          .where('skill_id', 'in', escoSkills)
          .executeTakeFirst(),
      ),
      skillRelations: await n(
        db.selectFrom('skill_relation').select(count).where('from_id', 'in', escoSkills).executeTakeFirst(),
      ),
      occupations: await n(
        db.selectFrom('occupation').select(count).where('origin', '=', 'esco').executeTakeFirst(),
      ),
      occupationLabels: await n(
        db
          .selectFrom('occupation_label')
          .select(count)
          .where('occupation_id', 'in', escoOccupations)
          .executeTakeFirst(),
      ),
      occupationSkills: await n(
        db
          .selectFrom('occupation_skill')
          .select(count)
          .where('occupation_id', 'in', escoOccupations)
          .executeTakeFirst(),
      ),
      groups: await n(db.selectFrom('esco_group').select(count).executeTakeFirst()),
      broader: await n(db.selectFrom('esco_broader').select(count).executeTakeFirst()),
    };
  }

  async loadOccupations(): Promise<OccupationConcept[]> {
    const rows = await this.db.selectFrom('occupation').select(['id', 'uri']).orderBy('id').execute();
    const labels = await this.db
      .selectFrom('occupation_label')
      .select(['occupation_id', 'lang', 'kind', 'label'])
      .orderBy('occupation_id')
      .orderBy('lang')
      .orderBy('kind')
      .orderBy('label')
      .execute();
    const byId = new Map<string, OccupationLabel[]>();
    for (const r of rows) byId.set(r.id, []);
    for (const l of labels) byId.get(l.occupation_id)?.push({ lang: l.lang, kind: l.kind, label: l.label });
    // Preferred labels first in each language, so consumers can take the first as the name.
    return rows.map((r) => ({
      id: r.id,
      uri: r.uri,
      labels: (byId.get(r.id) ?? []).sort(
        (a, b) => Number(b.kind === 'preferred') - Number(a.kind === 'preferred'),
      ),
    }));
  }

  async loadSkillDescriptions(): Promise<Map<string, string[]>> {
    const rows = await this.db
      .selectFrom('skill_description')
      .select(['skill_id', 'description'])
      .orderBy('skill_id')
      .orderBy('lang')
      .execute();
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const list = out.get(r.skill_id);
      if (list) list.push(r.description);
      else out.set(r.skill_id, [r.description]);
    }
    return out;
  }
}

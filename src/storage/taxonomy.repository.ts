import type { Kysely } from 'kysely';
import type { Domain, Skill, SkillType } from '../core/taxonomy/types.js';
import type { TaxonomyStore } from '../services/ports.js';
import { chunks } from './batch.js';
import type { Database, SkillLabelTable, SkillRelationTable } from './schema.js';

export class TaxonomyRepository implements TaxonomyStore {
  constructor(private readonly db: Kysely<Database>) {}

  async replaceOrigin(origin: string, skills: readonly Skill[]): Promise<void> {
    const ids = skills.map((s) => s.id);
    for (const part of chunks(ids)) {
      await this.db.deleteFrom('skill_label').where('skill_id', 'in', part).execute();
      await this.db.deleteFrom('skill_relation').where('from_id', 'in', part).execute();
    }
    // Broader links point at skills of the same set; insert without them first, then link.
    for (const part of chunks(skills)) {
      await this.db
        .insertInto('skill')
        .values(
          part.map((s) => ({
            id: s.id,
            domain: s.domain,
            type: s.type,
            broader_id: null,
            esco_uri: s.escoUri,
            ambiguous: s.ambiguous ? 1 : 0,
            origin,
          })),
        )
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            domain: eb.ref('excluded.domain'),
            type: eb.ref('excluded.type'),
            esco_uri: eb.ref('excluded.esco_uri'),
            ambiguous: eb.ref('excluded.ambiguous'),
            origin: eb.ref('excluded.origin'),
          })),
        )
        .execute();
    }
    for (const s of skills) {
      if (s.broader)
        await this.db.updateTable('skill').set({ broader_id: s.broader }).where('id', '=', s.id).execute();
    }
    const labels: SkillLabelTable[] = [];
    const relations: SkillRelationTable[] = [];
    for (const s of skills) {
      const seen = new Set<string>();
      const push = (lang: string, kind: string, label: string) => {
        const key = `${lang}\u0000${kind}\u0000${label}`;
        if (seen.has(key)) return;
        seen.add(key);
        labels.push({ skill_id: s.id, lang, kind, label });
      };
      for (const lang of ['en', 'fr'] as const) {
        push(lang, 'preferred', s.labels[lang].label);
        for (const a of s.labels[lang].aliases) push(lang, 'alias', a);
      }
      for (const n of s.names) push('*', 'alias', n);
      for (const [to, weight] of Object.entries(s.related))
        relations.push({ from_id: s.id, to_id: to, weight });
    }
    for (const part of chunks(labels)) await this.db.insertInto('skill_label').values(part).execute();
    for (const part of chunks(relations)) await this.db.insertInto('skill_relation').values(part).execute();
  }

  async loadAll(): Promise<Skill[]> {
    const rows = await this.db.selectFrom('skill').selectAll().orderBy('id').execute();
    const labels = await this.db
      .selectFrom('skill_label')
      .selectAll()
      .orderBy('skill_id')
      .orderBy('lang')
      .orderBy('kind')
      .orderBy('label')
      .execute();
    const relations = await this.db
      .selectFrom('skill_relation')
      .selectAll()
      .orderBy('from_id')
      .orderBy('to_id')
      .execute();
    const byId = new Map<string, Skill>();
    for (const r of rows) {
      byId.set(r.id, {
        id: r.id,
        domain: r.domain as Domain,
        type: r.type as SkillType,
        labels: { en: { label: '', aliases: [] }, fr: { label: '', aliases: [] } },
        names: [],
        broader: r.broader_id,
        related: {},
        ambiguous: r.ambiguous === 1,
        escoUri: r.esco_uri,
      });
    }
    for (const l of labels) {
      const s = byId.get(l.skill_id);
      if (!s) continue;
      if (l.lang === '*') s.names.push(l.label);
      else if (l.lang === 'en' || l.lang === 'fr') {
        if (l.kind === 'preferred') s.labels[l.lang].label = l.label;
        else s.labels[l.lang].aliases.push(l.label);
      }
    }
    // A concept imported without a label in one language (ESCO in a partial translation) shows the other.
    for (const s of byId.values()) {
      if (!s.labels.en.label) s.labels.en.label = s.labels.fr.label || s.id;
      if (!s.labels.fr.label) s.labels.fr.label = s.labels.en.label;
    }
    for (const r of relations) {
      const s = byId.get(r.from_id);
      if (s) s.related[r.to_id] = r.weight;
    }
    return [...byId.values()];
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('skill')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

/**
 * The bulk paths of imports and exports. Writes go as a few large statements per batch, never one per row:
 * on SQLite multi-row INSERT … VALUES (well under its 32,766 bound parameters), on PostgreSQL one
 * INSERT … SELECT FROM unnest(typed arrays) per table (a handful of parameters whatever the batch size,
 * one plan). Both run on the caller's connection, so they join its transaction.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { Talent } from '../core/model.js';
import type { KeyRow, RecordKeys } from '../services/ports.js';
import { chunks } from './batch.js';
import { toJson } from './json-column.js';
import type {
  Database,
  TalentAvailabilityTable,
  TalentMissionTable,
  TalentSkillTable,
  TalentTable,
} from './schema.js';
import { withChildren } from './talent.repository.js';

type Dialect = 'sqlite' | 'postgres';
type Cell = string | number | null;

interface TableSpec {
  table: string;
  /** Column name and its PostgreSQL array type for unnest. */
  columns: readonly (readonly [string, 'text' | 'int' | 'float8'])[];
}

const TALENT: TableSpec = {
  table: 'talent',
  columns: [
    ['id', 'text'],
    ['org_id', 'text'],
    ['external_id', 'text'],
    ['source', 'text'],
    ['name', 'text'],
    ['headline', 'text'],
    ['location', 'text'],
    ['daily_cost', 'float8'],
    ['email', 'text'],
    ['phone', 'text'],
    ['occupation_id', 'text'],
    ['remote', 'text'],
    ['languages', 'text'],
    ['industries', 'text'],
    ['functions', 'text'],
    ['consent_at', 'text'],
    ['retain_until', 'text'],
    ['created_at', 'text'],
    ['updated_at', 'text'],
  ],
};
const SKILL: TableSpec = {
  table: 'talent_skill',
  columns: [
    ['talent_id', 'text'],
    ['skill_id', 'text'],
    ['level', 'int'],
    ['evidence', 'text'],
    ['years', 'float8'],
    ['last_used', 'text'],
    ['evidence_detail', 'text'],
  ],
};
const WINDOW: TableSpec = {
  table: 'talent_availability',
  columns: [
    ['talent_id', 'text'],
    ['seq', 'int'],
    ['start_date', 'text'],
    ['end_date', 'text'],
    ['days_per_week', 'float8'],
  ],
};
const MISSION: TableSpec = {
  table: 'talent_mission',
  columns: [
    ['talent_id', 'text'],
    ['seq', 'int'],
    ['title', 'text'],
    ['organization', 'text'],
    ['start_date', 'text'],
    ['end_date', 'text'],
    ['industry', 'text'],
    ['business_function', 'text'],
    ['outcome', 'text'],
    ['skills', 'text'],
  ],
};

/** On a known id, every column but the id, the organization and the creation time is replaced. */
const TALENT_UPSERT = `on conflict (id) do update set ${TALENT.columns
  .map(([c]) => c)
  .filter((c) => c !== 'id' && c !== 'org_id' && c !== 'created_at')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')} where talent.org_id = excluded.org_id`;

/** SQLite: at most this many bound parameters per statement. */
const SQLITE_PARAMS = 30_000;

export class TalentBulkRepository {
  private cacheSized = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  private async run(text: string, params: readonly unknown[]): Promise<void> {
    await this.db.executeQuery(CompiledQuery.raw(text, [...params]));
  }

  /** Inserts rows (an array of cells per row, in the spec's column order). */
  private async insert(spec: TableSpec, rows: readonly Cell[][], suffix = ''): Promise<void> {
    if (rows.length === 0) return;
    const names = spec.columns.map(([c]) => c).join(', ');
    if (this.dialect === 'postgres') {
      const arrays = spec.columns.map((_, i) => rows.map((r) => r[i] ?? null));
      const unnest = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
      // A very large batch is split so one array never holds millions of values.
      for (let from = 0; from < rows.length; from += 50_000) {
        const part =
          from === 0 && rows.length <= 50_000 ? arrays : arrays.map((a) => a.slice(from, from + 50_000));
        await this.run(
          `insert into ${spec.table} (${names}) select * from unnest(${unnest}) ${suffix}`,
          part,
        );
      }
      return;
    }
    const width = spec.columns.length;
    const perStatement = Math.max(1, Math.floor(SQLITE_PARAMS / width));
    const tuple = `(${new Array<string>(width).fill('?').join(',')})`;
    for (const part of chunks(rows, perStatement)) {
      const values = new Array<string>(part.length).fill(tuple).join(',');
      await this.run(`insert into ${spec.table} (${names}) values ${values} ${suffix}`, part.flat());
    }
  }

  async findKeys(orgId: string, keys: RecordKeys): Promise<KeyRow[]> {
    const out: KeyRow[] = [];
    const seen = new Set<string>();
    const collect = (rows: { id: string; external_id: string | null; email: string | null }[]) => {
      for (const r of rows) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        out.push({ id: r.id, externalId: r.external_id, email: r.email });
      }
    };
    const base = () =>
      this.db.selectFrom('talent').select(['id', 'external_id', 'email']).where('org_id', '=', orgId);
    for (const part of chunks(keys.externalIds, 1000))
      collect(await base().where('external_id', 'in', part).execute());
    for (const part of chunks(keys.emails, 1000)) collect(await base().where('email', 'in', part).execute());
    for (const part of chunks(keys.ids, 1000)) collect(await base().where('id', 'in', part).execute());
    return out;
  }

  async getMany(orgId: string, ids: readonly string[]): Promise<Talent[]> {
    const out: Talent[] = [];
    for (const part of chunks(ids, 500)) {
      if (part.length === 0) continue;
      const rows = await this.db
        .selectFrom('talent')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', 'in', part)
        .orderBy('id')
        .execute();
      out.push(...(await withChildren(this.db, rows)));
    }
    return out;
  }

  async page(orgId: string, afterId: string | null, limit: number): Promise<Talent[]> {
    let q = this.db.selectFrom('talent').select('id').where('org_id', '=', orgId);
    if (afterId !== null) q = q.where('id', '>', afterId);
    const ids = await q.orderBy('id').limit(limit).execute();
    const talents = await this.getMany(
      orgId,
      ids.map((r) => r.id),
    );
    return talents.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Writes whole talents: the row is inserted or replaced, the children replaced. `existing` names the
   * talents already stored (their children are deleted first); without it, every talent's are.
   */
  async write(
    orgId: string,
    talents: readonly Talent[],
    at: string,
    existing?: ReadonlySet<string>,
  ): Promise<void> {
    if (talents.length === 0) return;
    if (this.dialect === 'sqlite' && !this.cacheSized) {
      // The default page cache (2 MB) thrashes on the indexes of a large batch; 64 MB holds them.
      await this.run('pragma cache_size = -65536', []);
      this.cacheSized = true;
    }
    const ids = existing
      ? talents.map((t) => t.id).filter((id) => existing.has(id))
      : talents.map((t) => t.id);
    for (const part of chunks(ids, 1000)) {
      for (const table of ['talent_skill', 'talent_availability', 'talent_mission'] as const)
        await this.db.deleteFrom(table).where('talent_id', 'in', part).execute();
    }
    const rows: Cell[][] = [];
    const skills: Cell[][] = [];
    const windows: Cell[][] = [];
    const missions: Cell[][] = [];
    for (const t of talents) {
      const r: TalentTable = {
        id: t.id,
        org_id: orgId,
        external_id: t.externalId,
        source: t.source,
        name: t.name,
        headline: t.headline,
        location: t.location,
        daily_cost: t.dailyCost,
        email: t.email,
        phone: t.phone,
        occupation_id: t.occupationId,
        remote: t.remote,
        languages: toJson(t.languages),
        industries: toJson(t.industries),
        functions: toJson(t.functions),
        consent_at: t.consentAt,
        retain_until: t.retainUntil,
        created_at: at,
        updated_at: at,
      };
      rows.push(TALENT.columns.map(([c]) => r[c as keyof TalentTable] as Cell));
      for (const s of t.skills) {
        const row: TalentSkillTable = {
          talent_id: t.id,
          skill_id: s.skillId,
          level: s.level,
          evidence: s.evidence,
          years: s.years,
          last_used: s.lastUsed,
          evidence_detail: s.evidenceDetail,
        };
        skills.push([
          row.talent_id,
          row.skill_id,
          row.level,
          row.evidence,
          row.years,
          row.last_used,
          row.evidence_detail,
        ]);
      }
      t.availability.forEach((a, seq) => {
        const row: TalentAvailabilityTable = {
          talent_id: t.id,
          seq,
          start_date: a.start,
          end_date: a.end,
          days_per_week: a.daysPerWeek,
        };
        windows.push([row.talent_id, row.seq, row.start_date, row.end_date, row.days_per_week]);
      });
      t.missions.forEach((m, seq) => {
        const row: TalentMissionTable = {
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
        };
        missions.push([
          row.talent_id,
          row.seq,
          row.title,
          row.organization,
          row.start_date,
          row.end_date,
          row.industry,
          row.business_function,
          row.outcome,
          row.skills,
        ]);
      });
    }
    await this.insert(TALENT, rows, TALENT_UPSERT);
    await this.insert(SKILL, skills);
    await this.insert(WINDOW, windows);
    await this.insert(MISSION, missions);
  }
}

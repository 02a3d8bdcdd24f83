import { sql, type Kysely } from 'kysely';
import type { PackedTalent, PackedTalentRow } from '../core/import/packed-talent.js';
import type { Talent } from '../core/model.js';
import type {
  ImportCheckpoint,
  ImportStore,
  KeyRow,
  PackedWriteOptions,
  RecordKeys,
} from '../services/ports.js';
import { chunks } from './batch.js';
import { deferKeys } from './deferred-keys.js';
import { nativeSqliteOf } from './native-sqlite.js';
import type { Database, ImportCheckpointTable } from './schema.js';
import { TalentBulkRepository } from './talent-bulk.repository.js';

/** The import port: bulk talent paths, project keys, and the checkpoints of batched imports. */
export class ImportRepository implements ImportStore {
  private readonly bulk: TalentBulkRepository;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly root: Kysely<Database> = db,
  ) {
    this.bulk = new TalentBulkRepository(db, dialect, root);
  }

  findTalentKeys(orgId: string, keys: RecordKeys): Promise<KeyRow[]> {
    return this.bulk.findKeys(orgId, keys);
  }

  getTalents(orgId: string, ids: readonly string[]): Promise<Talent[]> {
    return this.bulk.getMany(orgId, ids);
  }

  getPackedTalents(orgId: string, ids: readonly string[]): Promise<Map<string, PackedTalent>> {
    return this.bulk.getPacked(orgId, ids);
  }

  writeTalents(
    orgId: string,
    talents: readonly Talent[],
    at: string,
    existing?: ReadonlySet<string>,
  ): Promise<void> {
    return this.bulk.write(orgId, talents, at, existing);
  }

  writePackedTalents(
    orgId: string,
    rows: readonly PackedTalentRow[],
    at: string,
    skills: ReadonlySet<string>,
    options?: PackedWriteOptions,
  ): Promise<void> {
    return this.bulk.writePacked(orgId, rows, at, skills, options);
  }

  settleWrites(): Promise<void> {
    return this.bulk.settle();
  }

  talentPage(orgId: string, afterId: string | null, limit: number): Promise<Talent[]> {
    return this.bulk.page(orgId, afterId, limit);
  }

  async findProjectKeys(orgId: string, keys: RecordKeys): Promise<KeyRow[]> {
    const out = new Map<string, KeyRow>();
    const base = () =>
      this.db.selectFrom('project').select(['id', 'external_id']).where('org_id', '=', orgId);
    const collect = (rows: { id: string; external_id: string | null }[]) => {
      for (const r of rows) out.set(r.id, { id: r.id, externalId: r.external_id, email: null });
    };
    for (const part of chunks(keys.externalIds, 1000))
      collect(await base().where('external_id', 'in', part).execute());
    for (const part of chunks(keys.ids, 1000)) collect(await base().where('id', 'in', part).execute());
    return [...out.values()];
  }

  async getCheckpoint(orgId: string, kind: string, fileHash: string): Promise<ImportCheckpoint | null> {
    const r = await this.db
      .selectFrom('import_checkpoint')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('kind', '=', kind)
      .where('file_hash', '=', fileHash)
      .executeTakeFirst();
    return r ? fromRow(r) : null;
  }

  async saveCheckpoint(c: ImportCheckpoint): Promise<void> {
    const row: ImportCheckpointTable = {
      org_id: c.orgId,
      kind: c.kind,
      file_hash: c.fileHash,
      file_name: c.fileName,
      last_line: c.lastLine,
      records: c.records,
      inserted: c.inserted,
      updated: c.updated,
      unchanged: c.unchanged,
      rejected: c.rejected,
      started_at: c.startedAt,
      updated_at: c.updatedAt,
    };
    await this.db
      .insertInto('import_checkpoint')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['org_id', 'kind', 'file_hash']).doUpdateSet({
          file_name: row.file_name,
          last_line: row.last_line,
          records: row.records,
          inserted: row.inserted,
          updated: row.updated,
          unchanged: row.unchanged,
          rejected: row.rejected,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  /**
   * PostgreSQL: fresh planner statistics for the table a large import wrote. Until autovacuum analyses
   * it, the planner guesses from the table as it was: after a first import of 200,000 talents their re-import
   * ran at half the speed of the first, its key lookups planned for an empty table. SQLite plans its key
   * lookups on the indexes without statistics: nothing to do.
   */
  async refreshStatistics(kind: 'talents' | 'projects'): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await sql.raw(`analyze ${kind === 'talents' ? 'talent' : 'project'}`).execute(this.db);
  }

  async heldElsewhere(orgId: string, kind: 'talents' | 'projects'): Promise<boolean> {
    const table = kind === 'talents' ? 'talent' : 'project';
    // Two seeks on the (org_id, id) index, not a scan of every other row.
    const below = await this.db.selectFrom(table).select('id').where('org_id', '<', orgId).limit(1).execute();
    if (below.length > 0) return true;
    const above = await this.db.selectFrom(table).select('id').where('org_id', '>', orgId).limit(1).execute();
    return above.length > 0;
  }

  async idsHeldElsewhere(
    orgId: string,
    kind: 'talents' | 'projects',
    ids: readonly string[],
  ): Promise<string[]> {
    const table = kind === 'talents' ? 'talent' : 'project';
    const out: string[] = [];
    for (const part of chunks(ids, 1000)) {
      if (part.length === 0) continue;
      const rows = await this.db
        .selectFrom(table)
        .select('id')
        .where('id', 'in', part)
        .where('org_id', '<>', orgId)
        .execute();
      for (const r of rows) out.push(r.id);
    }
    return out;
  }

  deferTalentKeys(): Promise<(() => Promise<void>) | null> {
    return deferKeys(this.db, this.dialect, 'talent', nativeSqliteOf(this.root));
  }

  async deleteCheckpoint(orgId: string, kind: string, fileHash: string): Promise<void> {
    await this.db
      .deleteFrom('import_checkpoint')
      .where('org_id', '=', orgId)
      .where('kind', '=', kind)
      .where('file_hash', '=', fileHash)
      .execute();
  }
}

function fromRow(r: ImportCheckpointTable): ImportCheckpoint {
  return {
    orgId: r.org_id,
    kind: r.kind as ImportCheckpoint['kind'],
    fileHash: r.file_hash,
    fileName: r.file_name,
    lastLine: Number(r.last_line),
    records: Number(r.records),
    inserted: Number(r.inserted),
    updated: Number(r.updated),
    unchanged: Number(r.unchanged),
    rejected: Number(r.rejected),
    startedAt: r.started_at,
    updatedAt: r.updated_at,
  };
}

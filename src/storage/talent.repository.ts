import type { Kysely } from 'kysely';
import type { Candidate } from '../core/matching/types.js';
import type { Talent } from '../core/model.js';
import type { PoolSupply, TalentStore } from '../services/ports.js';
import type { Database } from './schema.js';
import { TalentBulkRepository } from './talent-bulk.repository.js';
import { TalentCandidatesRepository } from './talent-candidates.repository.js';

/** Talents per batch of streamAll when the caller does not say. */
export const STREAM_BATCH = 250;

/** Talents, one row each (migration 0005); the rows are read and written by TalentBulkRepository. */
export class TalentRepository implements TalentStore {
  private readonly rows: TalentBulkRepository;
  private readonly candidates: TalentCandidatesRepository;

  constructor(
    private readonly db: Kysely<Database>,
    dialect: 'sqlite' | 'postgres',
    root: Kysely<Database> = db,
  ) {
    this.rows = new TalentBulkRepository(db, dialect, root);
    this.candidates = new TalentCandidatesRepository(db, dialect, root);
  }

  async upsertMany(orgId: string, talents: readonly Talent[], at: string): Promise<void> {
    await this.rows.write(orgId, talents, at);
  }

  listAll(orgId: string): Promise<Talent[]> {
    return this.rows.all(orgId);
  }

  /**
   * Keyset pagination on (org_id, id): each batch is one indexed range read, however far the reader is, so
   * reading the whole pool is linear and holds one batch at a time. The default batch is small on purpose:
   * a batch lives until its reader is done with it, and 1,000 talents (≈ 5 MB) outlive two young-generation
   * collections and get promoted; 250 read 2.5 times faster (docs/decisions/0005-talent-storage-layout.md).
   */
  streamAll(orgId: string, batchSize = STREAM_BATCH): AsyncIterable<Talent[]> {
    return this.rows.stream(orgId, Math.max(1, batchSize));
  }

  /** As streamAll, candidates only (talent-candidates.repository.ts). */
  streamCandidates(orgId: string, batchSize = STREAM_BATCH): AsyncIterable<Candidate[]> {
    return this.candidates.stream(orgId, Math.max(1, batchSize));
  }

  get(orgId: string, id: string): Promise<Talent | null> {
    return this.rows.get(orgId, id);
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
    const rows = await this.rows.skillLevels(orgId);
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

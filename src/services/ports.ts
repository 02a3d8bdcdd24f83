/**
 * The narrow ports services need from storage. storage/ implements them; services never see Kysely.
 */
import type { PackedTalent, PackedTalentRow } from '../core/import/packed-talent.js';
import type { Candidate } from '../core/matching/types.js';
import type { Project, Talent } from '../core/model.js';
import type { SupplyRow } from '../core/readiness/coverage.js';
import type { EscoDataset } from '../core/esco/esco.js';
import type { OccupationConcept } from '../core/occupations/link-titles.js';
import type { Skill } from '../core/taxonomy/types.js';
import type { SnapshotProject, SnapshotTalent } from '../core/analytics/snapshot.js';

export const DEFAULT_ORG = 'org-default';

/** The hash that precedes the first audit event of an organization's chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ProjectSummary {
  id: string;
  name: string;
  industry: string;
  businessFunction: string;
  archetype: string;
  status: string;
  startDate: string;
  endDate: string;
  requirementCount: number;
}

export interface AuditEventInput {
  orgId: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  detail: Record<string, unknown>;
}

export interface AuditEvent extends AuditEventInput {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
}

export interface TaxonomyStore {
  /** Replaces the skills of one origin ('vivier' or 'esco') with these, labels and relations included. */
  replaceOrigin(origin: string, skills: readonly Skill[]): Promise<void>;
  loadAll(): Promise<Skill[]>;
  count(): Promise<number>;
}

export interface TalentStore {
  upsertMany(orgId: string, talents: readonly Talent[], at: string): Promise<void>;
  /** Every talent of the organization with skills, in id order. */
  listAll(orgId: string): Promise<Talent[]>;
  /**
   * Every talent of the organization in id order, `batchSize` at a time (keyset pagination), so a reader
   * of the whole pool holds one batch, never the pool.
   */
  streamAll(orgId: string, batchSize?: number): AsyncIterable<Talent[]>;
  /**
   * The same pool, in the same order and batches, as what ranking reads of each talent (`Candidate`):
   * the matching index's read, which never makes whole Talents (a million of them take seconds to unpack).
   */
  streamCandidates(orgId: string, batchSize?: number): AsyncIterable<Candidate[]>;
  get(orgId: string, id: string): Promise<Talent | null>;
  count(orgId: string): Promise<number>;
  /** The pool's supply, for readiness: people per (skill, level), the headcount and the median daily cost. */
  skillSupply(orgId: string): Promise<PoolSupply>;
}

/** What the pool holds, aggregated: one row per (skill, level) with the number of people at that level. */
export interface PoolSupply {
  talents: number;
  medianDailyCost: number | null;
  rows: SupplyRow[];
}

export interface ProjectStore {
  upsertMany(orgId: string, projects: readonly Project[], at: string): Promise<void>;
  list(orgId: string): Promise<ProjectSummary[]>;
  get(orgId: string, id: string): Promise<Project | null>;
  count(orgId: string): Promise<number>;
  /** Every project of the organization in full (requirements, status history), in id order. */
  listAll(orgId: string): Promise<Project[]>;
}

export interface AuditStore {
  /** Appends to the organization's hash chain; `hashOf` computes the event's hash from its content. */
  append(
    event: AuditEventInput,
    hashOf: (e: Omit<AuditEvent, 'hash'>) => string,
    newId: () => string,
  ): Promise<AuditEvent>;
  list(orgId: string, limit: number): Promise<AuditEvent[]>;
}

/** Rows held for the imported ESCO classification, per table. */
export interface EscoCounts {
  skills: number;
  skillLabels: number;
  skillDescriptions: number;
  skillRelations: number;
  occupations: number;
  occupationLabels: number;
  occupationSkills: number;
  groups: number;
  broader: number;
}

export interface EscoStore {
  /**
   * Makes the stored ESCO classification exactly `data` (idempotent: the same data gives the same rows).
   * ESCO skills no longer in `data` are removed unless a talent or project still holds them.
   * Run it inside `Store.transaction` so an import is all-or-nothing.
   */
  replace(data: EscoDataset, onProgress?: (done: number, total: number) => void): Promise<EscoCounts>;
  counts(): Promise<EscoCounts>;
  /** Every stored occupation with its labels, in id order. */
  loadOccupations(): Promise<OccupationConcept[]>;
  /** Skill id → its descriptions (every language). */
  loadSkillDescriptions(): Promise<Map<string, string[]>>;
}

/** How far a batched import has committed (see ImportService). */
export interface ImportCheckpoint {
  orgId: string;
  kind: 'talents' | 'projects';
  fileHash: string;
  fileName: string;
  lastLine: number;
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  startedAt: string;
  updatedAt: string;
}

/** The keys an imported record is recognised by: external id, then e-mail, then id. */
export interface RecordKeys {
  ids: string[];
  externalIds: string[];
  emails: string[];
}

export interface KeyRow {
  id: string;
  externalId: string | null;
  email: string | null;
}

/** How ImportStore.writePackedTalents may write its rows. */
export interface PackedWriteOptions {
  /**
   * May return before the rows are stored (PostgreSQL: the last COPY left running while the caller reads
   * on); the next call of this port waits for them, and settleWrites() does. Errors surface there.
   */
  defer?: boolean;
  /**
   * The caller knows none of the rows' ids is stored, in any organization (a first load into an empty
   * table, asked in this transaction): the writer may store them without looking them up (PostgreSQL's
   * COPY does). An id another transaction stores meanwhile then fails the write on the primary key; it
   * never replaces that row.
   */
  fresh?: boolean;
}

/** Bulk reads and writes for imports and exports: dialect-specific fast paths live behind this port. */
export interface ImportStore {
  findTalentKeys(orgId: string, keys: RecordKeys): Promise<KeyRow[]>;
  /** Full talents by id (skills by id, windows and missions in order); missing ids are left out. */
  getTalents(orgId: string, ids: readonly string[]): Promise<Talent[]>;
  /**
   * The stored packed form of talents by id (missing ids are left out): an import compares it with the
   * packed form of a record to find it unchanged without unpacking the stored talent.
   */
  getPackedTalents(orgId: string, ids: readonly string[]): Promise<Map<string, PackedTalent>>;
  /**
   * Inserts or replaces whole talents (children included). Call inside a transaction. `existing`, when
   * given, names the ones already stored: only their children need deleting first.
   */
  writeTalents(
    orgId: string,
    talents: readonly Talent[],
    at: string,
    existing?: ReadonlySet<string>,
  ): Promise<void>;
  /**
   * Inserts or replaces talents already packed (an import's records, packed by its first pass): written as
   * they are, nothing unpacked or packed again. `skills` holds every skill the rows hold (a superset will
   * do): checked against the taxonomy as writeTalents checks each talent's. Call inside a transaction.
   */
  writePackedTalents(
    orgId: string,
    rows: readonly PackedTalentRow[],
    at: string,
    skills: ReadonlySet<string>,
    options?: PackedWriteOptions,
  ): Promise<void>;
  /** Waits for rows a deferred writePackedTalents left being stored; throws what failed. */
  settleWrites(): Promise<void>;
  /** Talents in id order after `afterId` (exclusive), at most `limit`: exports read the pool page by page. */
  talentPage(orgId: string, afterId: string | null, limit: number): Promise<Talent[]>;
  findProjectKeys(orgId: string, keys: RecordKeys): Promise<KeyRow[]>;
  getCheckpoint(orgId: string, kind: string, fileHash: string): Promise<ImportCheckpoint | null>;
  saveCheckpoint(checkpoint: ImportCheckpoint): Promise<void>;
  deleteCheckpoint(orgId: string, kind: string, fileHash: string): Promise<void>;
  /** After a large import: the database's planner statistics brought up to date (where it keeps any). */
  refreshStatistics(kind: 'talents' | 'projects'): Promise<void>;
  /**
   * Whether another organization holds records of this kind (ids are unique across organizations: an
   * import must not take one of theirs for a new record of its own).
   */
  heldElsewhere(orgId: string, kind: 'talents' | 'projects'): Promise<boolean>;
  /** The ids among `ids` that another organization holds. */
  idsHeldElsewhere(orgId: string, kind: 'talents' | 'projects', ids: readonly string[]): Promise<string[]>;
  /**
   * Before a bulk load into an empty talent table, inside its transaction: drops the table's secondary
   * indexes (on PostgreSQL its unique and foreign keys too) and returns what makes them again,
   * once, over the loaded rows (call it before commit; a rollback restores them anyway). null when the
   * table holds rows: nothing is changed. Key lookups by e-mail or external id must not run until then.
   */
  deferTalentKeys(): Promise<(() => Promise<void>) | null>;
}

/** One row of the SQL cross-check of the analytics: per skill, open projects requiring it and its holders. */
export interface SkillCountRow {
  skillId: string;
  openProjects: number;
  openMust: number;
  /** Holders per level (index 1–5), employees and freelancers apart. */
  employees: number[];
  freelancers: number[];
}

/** Compact reads for the analytics snapshot (src/core/analytics), page by page in id order. */
export interface AnalyticsStore {
  talentPage(orgId: string, afterId: string | null, limit: number): Promise<SnapshotTalent[]>;
  projectPage(orgId: string, afterId: string | null, limit: number): Promise<SnapshotProject[]>;
  /** The same counts the snapshot gives, as GROUP BY queries over the talents' skills and project_skill. */
  skillCounts(orgId: string, openStatuses: readonly string[]): Promise<SkillCountRow[]>;
}

export interface TransactionOptions {
  bulk?: boolean;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  analytics: AnalyticsStore;
  taxonomy: TaxonomyStore;
  esco: EscoStore;
  talents: TalentStore;
  projects: ProjectStore;
  audit: AuditStore;
  imports: ImportStore;
  ensureOrganization(id: string, name: string, at: string): Promise<void>;
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: all of it is written, or none. `bulk`: a large write (an import of
   * thousands of rows), for which the store may trade concurrency for speed (on SQLite, a rollback journal
   * when no other connection is open: sqlite-bulk-journal.ts).
   */
  transaction<T>(fn: (store: Store) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/**
 * The lean read of the pool for ranking: talents as `Candidate`s (src/core/matching/types.ts), straight
 * from the packed row (docs/decisions/0005-talent-storage-layout.md), without making `Talent` objects.
 *
 * Only the columns ranking reads are selected (no contact, headline, consent or timestamps), and of the
 * packed lists only what a candidate holds is kept: a skill's id, level and evidence kind (not its years,
 * last use or evidence text), a mission's industry, function and outcome (not its title, organization,
 * dates or skills). The matching index is built from this at every start, a million talents at a time,
 * so whatever a Talent carries beyond it is garbage made and collected for nothing.
 *
 * Paths as TalentBulkRepository's (the one reader and writer of whole rows): on SQLite a statement
 * prepared once on the better-sqlite3 handle, rows as arrays (`raw`) taken one by one (`iterate`) so each
 * row's texts die as soon as its candidate is made; on PostgreSQL, Kysely. Both page by keyset on
 * (org_id, id), so a reader holds one batch and never the connection between batches (a consumer may
 * query storage while it reads the stream).
 */
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { unpackWindows } from '../core/import/packed-talent.js';
import type { Candidate, HeldSkill, MissionFacts, TalentSource } from '../core/matching/types.js';
import type { BusinessFunction, Industry, Outcome, RemotePreference } from '../core/model.js';
import { CandidateDecoder, type CandidateBatch } from './candidate-codec.js';
import { nativeSqliteOf, prepared, withNative } from './native-sqlite.js';
import { keysetPages } from './batch.js';
import type { Database } from './schema.js';
import { WorkerInbox } from '../worker-inbox.js';

/** The columns a candidate is made of, in this order (SQLite returns them by position). */
const COLUMNS = [
  'id',
  'name',
  'source',
  'daily_cost',
  'location',
  'remote',
  'languages',
  'industries',
  'functions',
  'skills',
  'availability',
  'missions',
] as const;
const COLUMNS_SQL = COLUMNS.join(', ');

/** Of the packed skill tuple `[skillId, level, evidence, years, lastUsed, evidenceDetail]`, see packed-talent.ts. */
type SkillHead = [string, number, string | null, ...unknown[]];
/** Of the packed mission tuple `[title, organization, start, end, industry, function, outcome, skills]`. */
type MissionTuple = [
  unknown,
  unknown,
  unknown,
  unknown,
  Industry | null,
  BusinessFunction | null,
  Outcome | null,
];

/*
 * The packed skills are most of a row (≈ 850 characters for 20 skills) and JSON.parse made an array per
 * tuple and a string for each of its six cells, to keep three: 6–9 µs of CPU a talent, as much as SQLite
 * took to read the whole row (6 µs), against 3.5–5 µs for the scan (100,000 rows of the matching bench's
 * pool). The scanners below read the three cells in place and step over the rest. They accept
 * only the exact text packTalent writes (no whitespace, no escape in a string they keep, a number where
 * one is expected) and return null on anything else (rows packed by migration 0005 in SQL, say), which
 * then goes through JSON.parse: a result either way, always the same as JSON.parse would give.
 */

/** Where the scan is in the text; a scanner sets it to -1 when the text is not in the expected form. */
let at = 0;

const QUOTE = 34;
const COMMA = 44;
const OPEN = 91;
const CLOSE = 93;
const BACKSLASH = 92;

/** A string without escapes, or null (the JSON literal); `at` then points past it. */
function optString(t: string): string | null {
  if (t.charCodeAt(at) === QUOTE) {
    const end = t.indexOf('"', at + 1);
    const s = end < 0 ? '' : t.slice(at + 1, end);
    // An escaped character (a quote among them) needs JSON's decoding.
    if (end < 0 || s.includes('\\')) at = -1;
    else at = end + 1;
    return s;
  }
  if (t.startsWith('null', at)) at += 4;
  else at = -1;
  return null;
}

/** A number up to the next comma: one digit (a level) without allocating, else through Number. */
function number(t: string): number {
  const c = t.charCodeAt(at);
  if (c >= 48 && c <= 57 && t.charCodeAt(at + 1) === COMMA) {
    at += 1;
    return c - 48;
  }
  const end = t.indexOf(',', at);
  // JSON's number syntax is a subset of Number's, with the same value; anything else is not a number.
  if (end < 0 || !(c === 45 || (c >= 48 && c <= 57))) {
    at = -1;
    return NaN;
  }
  const x = Number(t.slice(at, end));
  at = Number.isNaN(x) ? -1 : end;
  return x;
}

/** Steps over a string from its opening quote at `i`; the index past its closing quote, or -1. */
function skipString(t: string, i: number): number {
  for (let j = i + 1; ;) {
    const d = t.charCodeAt(j++);
    if (d === QUOTE) return j;
    if (d === BACKSLASH) j++;
    else if (Number.isNaN(d)) return -1;
  }
}

/** Steps over the rest of a tuple of scalars, past its closing bracket (its strings may hold escapes). */
function skipToClose(t: string): void {
  let i = at;
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === CLOSE) break;
    if (c === QUOTE) {
      i = skipString(t, i);
      if (i < 0) break;
    } else if (c === OPEN || c === 123 || Number.isNaN(c)) {
      i = -1;
      break;
    } else i++;
  }
  at = i < 0 ? -1 : i + 1;
}

/** Steps over one scalar cell (a string may hold escapes) and the comma after it. */
function skipCell(t: string): void {
  const c = t.charCodeAt(at);
  // Not a string: null or a number (nothing else is packed there), which holds no comma.
  const end =
    c === QUOTE ? skipString(t, at) : c === 110 || c === 45 || (c >= 48 && c <= 57) ? t.indexOf(',', at) : -1;
  at = end >= 0 && t.charCodeAt(end) === COMMA ? end + 1 : -1;
}

/** `[[id, level, evidence, …], …]` as packTalent writes it, or null (then JSON.parse). */
export function scanHeldSkills(t: string): HeldSkill[] | null {
  const out: HeldSkill[] = [];
  if (t === '[]') return out;
  if (t.charCodeAt(0) !== OPEN) return null;
  at = 1;
  for (;;) {
    if (t.charCodeAt(at) !== OPEN) return null;
    at++;
    const skillId = optString(t);
    if (at < 0 || skillId === null || t.charCodeAt(at) !== COMMA) return null;
    at++;
    const level = number(t);
    if (at < 0 || t.charCodeAt(at) !== COMMA) return null;
    at++;
    const evidence = optString(t);
    if (at < 0) return null;
    skipToClose(t);
    if (at < 0) return null;
    out.push({ skillId, level, evidence });
    const c = t.charCodeAt(at++);
    if (c === CLOSE) return at === t.length ? out : null;
    if (c !== COMMA) return null;
  }
}

/** `[[title, organization, start, end, industry, function, outcome, [skillId…]], …]`, or null. */
export function scanMissionFacts(t: string): MissionFacts[] | null {
  const out: MissionFacts[] = [];
  if (t === '[]') return out;
  if (t.charCodeAt(0) !== OPEN) return null;
  at = 1;
  for (;;) {
    if (t.charCodeAt(at) !== OPEN) return null;
    at++;
    for (let k = 0; k < 4 && at >= 0; k++) skipCell(t);
    if (at < 0) return null;
    const industry = optString(t) as Industry | null;
    if (at < 0 || t.charCodeAt(at++) !== COMMA) return null;
    const businessFunction = optString(t) as BusinessFunction | null;
    if (at < 0 || t.charCodeAt(at++) !== COMMA) return null;
    const outcome = optString(t) as Outcome | null;
    if (at < 0 || t.charCodeAt(at++) !== COMMA || t.charCodeAt(at++) !== OPEN) return null;
    // The mission's skills: a list of ids, stepped over.
    skipToClose(t);
    if (at < 0 || t.charCodeAt(at++) !== CLOSE) return null;
    out.push({ industry, businessFunction, outcome });
    const c = t.charCodeAt(at++);
    if (c === CLOSE) return at === t.length ? out : null;
    if (c !== COMMA) return null;
  }
}

/** A talent's packed skills as ranking holds them: id, level, evidence kind. */
export function heldSkillsOf(text: string): HeldSkill[] {
  const scanned = scanHeldSkills(text);
  if (scanned) return scanned;
  return (JSON.parse(text) as SkillHead[]).map((s) => ({ skillId: s[0], level: s[1], evidence: s[2] }));
}

/** A talent's packed missions as ranking reads them: industry, business function, outcome. */
export function missionFactsOf(text: string): MissionFacts[] {
  const scanned = scanMissionFacts(text);
  if (scanned) return scanned;
  return (JSON.parse(text) as MissionTuple[]).map((m) => ({
    industry: m[4],
    businessFunction: m[5],
    outcome: m[6],
  }));
}

/** A candidate from its row's cells, in COLUMNS order (a SQLite raw row, or a PostgreSQL row's values). */
function candidateOf(
  id: string,
  name: string,
  source: string,
  dailyCost: unknown,
  location: string,
  remote: string,
  languages: string,
  industries: string,
  functions: string,
  skills: string,
  availability: string,
  missions: string,
): Candidate {
  return {
    id,
    name,
    source: source as TalentSource,
    skills: heldSkillsOf(skills),
    industries: JSON.parse(industries) as Industry[],
    functions: JSON.parse(functions) as BusinessFunction[],
    missions: missionFactsOf(missions),
    availability: unpackWindows(availability),
    // SQLite's REAL and PostgreSQL's double precision both come back as numbers; Number() as the Talent
    // path does, so both give the same value whatever a driver does.
    dailyCost: Number(dailyCost),
    languages: JSON.parse(languages) as string[],
    location,
    remote: remote as RemotePreference,
  };
}

/** A candidate from a row's cells in COLUMNS order (a SQLite raw row): JSON.parse's reading of its texts. */
export function candidateOfRow(r: readonly unknown[]): Candidate {
  return candidateOf(
    r[0] as string,
    r[1] as string,
    r[2] as string,
    r[3],
    r[4] as string,
    r[5] as string,
    r[6] as string,
    r[7] as string,
    r[8] as string,
    r[9] as string,
    r[10] as string,
    r[11] as string,
  );
}

/**
 * Rows (cells in COLUMNS order, taken one by one) in id order after `afterId` (exclusive), at most
 * `limit`, on a better-sqlite3 handle: this thread's connection (`page`) or the reader worker's own
 * (candidate-reader.worker.ts), one query for both.
 */
export function readCandidateRows(
  handle: SQLite.Database,
  orgId: string,
  afterId: string | null,
  limit: number,
): Iterable<unknown[]> {
  return (
    afterId === null
      ? prepared(handle, `select ${COLUMNS_SQL} from talent where org_id = ? order by id limit ?`)
          .raw(true)
          .iterate(orgId, limit)
      : prepared(handle, `select ${COLUMNS_SQL} from talent where org_id = ? and id > ? order by id limit ?`)
          .raw(true)
          .iterate(orgId, afterId, limit)
  ) as Iterable<unknown[]>;
}

/** Candidates in id order after `afterId` (exclusive), at most `limit`, on a better-sqlite3 handle. */
export function readCandidatePage(
  handle: SQLite.Database,
  orgId: string,
  afterId: string | null,
  limit: number,
): Candidate[] {
  const out: Candidate[] = [];
  for (const r of readCandidateRows(handle, orgId, afterId, limit)) out.push(candidateOfRow(r));
  return out;
}

export class TalentCandidatesRepository {
  private readonly native: SQLite.Database | null;

  constructor(
    private readonly db: Kysely<Database>,
    dialect: 'sqlite' | 'postgres',
    /** The root Kysely instance (the one openDatabase registered), when `db` is a transaction. */
    root: Kysely<Database> = db,
  ) {
    this.native = dialect === 'sqlite' ? nativeSqliteOf(root) : null;
  }

  /** Candidates in id order after `afterId` (exclusive), at most `limit`. */
  async page(orgId: string, afterId: string | null, limit: number): Promise<Candidate[]> {
    if (this.native) {
      const handle = this.native;
      return withNative(this.db, handle, () => readCandidatePage(handle, orgId, afterId, limit));
    }
    let q = this.db.selectFrom('talent').select(COLUMNS).where('org_id', '=', orgId);
    if (afterId !== null) q = q.where('id', '>', afterId);
    const rows = await q.orderBy('id').limit(limit).execute();
    return rows.map((r) =>
      candidateOf(
        r.id,
        r.name,
        r.source,
        r.daily_cost,
        r.location,
        r.remote,
        r.languages,
        r.industries,
        r.functions,
        r.skills,
        r.availability,
        r.missions,
      ),
    );
  }

  /**
   * Every candidate of the organization, `batchSize` at a time, in id order (keyset pagination). On a
   * SQLite file in WAL mode holding a large pool (WORKER_MIN_TALENTS) the rows are read and parsed in a
   * worker thread (`streamThroughWorker`), beside
   * the consumer building from them; otherwise, or when the worker cannot start, in this thread.
   */
  async *stream(orgId: string, batchSize: number): AsyncGenerator<Candidate[]> {
    const file = await this.workerReadableFile(orgId);
    if (file === null) return yield* this.streamInThread(orgId, batchSize);
    // When the worker cannot start (no worker file beside this module, a thread limit, the file not
    // openable read-only…), this thread reads instead, as it does without WAL.
    yield* this.streamThroughWorker(file, orgId, batchSize, () => this.streamInThread(orgId, batchSize));
  }

  /**
   * As `stream`, read by a worker thread on its own read-only connection to `file` (this connection's
   * database). A worker that fails before sending anything gives way to `fallback` when there is one;
   * any other failure is the stream's.
   */
  async *streamThroughWorker(
    file: string,
    orgId: string,
    batchSize: number,
    fallback?: () => AsyncGenerator<Candidate[]>,
  ): AsyncGenerator<Candidate[]> {
    const reader = new WorkerReader(file, orgId, batchSize);
    try {
      let batch: Candidate[] | null;
      try {
        batch = await reader.next();
      } catch (e) {
        if (reader.started || !fallback) throw e;
        reader.close();
        return yield* fallback();
      }
      for (; batch !== null; batch = await reader.next()) yield batch;
    } finally {
      reader.close();
    }
  }

  /** As `stream`, always in this thread. */
  async *streamInThread(orgId: string, batchSize: number): AsyncGenerator<Candidate[]> {
    yield* keysetPages((after, limit) => this.page(orgId, after, limit), batchSize);
  }

  /**
   * The database file a reader worker may open beside this connection, or null. Only a file in WAL mode:
   * there the worker's read transaction sees one consistent snapshot and blocks no writer of this
   * connection; with a rollback journal it would hold a shared lock for the whole read. Not inside a
   * transaction either (another connection would not see its uncommitted writes), nor for `:memory:`
   * (another connection opens another, empty, database), nor on PostgreSQL (Kysely in this thread).
   */
  private async workerReadableFile(orgId: string): Promise<string | null> {
    const handle = this.native;
    if (!handle || this.db.isTransaction || handle.memory || handle.name === '' || handle.name === ':memory:')
      return null;
    const { mode, talents } = await withNative(this.db, handle, (h) => ({
      mode: h.pragma('journal_mode', { simple: true }),
      talents:
        (prepared(h, 'select count(*) from talent where org_id = ?').pluck(true).get(orgId) as number) ?? 0,
    }));
    return mode === 'wal' && talents >= WORKER_MIN_TALENTS ? handle.name : null;
  }
}

/**
 * Pools smaller than this are read in this thread: starting a worker (tens of milliseconds compiled, about
 * a second under tsx) and encoding for it cost more than the overlap saves on a build of a few seconds
 * (at 100,000 talents the worker was no faster; at a million it saved about a sixth of the wall time).
 */
export const WORKER_MIN_TALENTS = 250_000;

/** Batches the reader worker may have sent and the consumer not yet taken: bounds its lead (memory). */
export const IN_FLIGHT = 4;

/** What the reader worker is started with (candidate-reader.worker.ts). */
export interface ReaderData {
  file: string;
  orgId: string;
  batchSize: number;
  inFlight: number;
  /** Under tsx (TypeScript sources): the worker module, loaded by src/tsx-worker.boot.mjs. */
  module?: string;
}

/** A message of the reader worker: a batch, or the end of the pool. */
export type ReaderMessage = { batch: CandidateBatch } | { done: true };

/**
 * The consumer's side of a reader worker: batches decoded in order, one credit sent back per batch taken,
 * so that the worker runs at most IN_FLIGHT batches ahead of the consumer.
 */
export class WorkerReader {
  private readonly inbox: WorkerInbox<ReaderMessage>;
  private readonly decoder = new CandidateDecoder();
  private finished = false;

  constructor(file: string, orgId: string, batchSize: number) {
    const data: ReaderData = { file, orgId, batchSize, inFlight: IN_FLIGHT };
    this.inbox = new WorkerInbox(
      import.meta.url,
      'candidate-reader.worker',
      data,
      'the candidate reader worker',
    );
  }

  /** Whether the worker sent anything (after which a failure is the stream's, not a start's). */
  get started(): boolean {
    return this.inbox.received > 0;
  }

  /** Messages received and not yet taken (at most IN_FLIGHT batches, and the end). */
  get queued(): number {
    return this.inbox.size;
  }

  /** The next batch, or null at the end of the pool. */
  async next(): Promise<Candidate[] | null> {
    if (this.finished) return null;
    const m = await this.inbox.next();
    if ('done' in m) {
      this.finished = true;
      return null;
    }
    this.inbox.worker.postMessage(1);
    return this.decoder.decode(m.batch);
  }

  close(): void {
    this.inbox.close();
  }
}

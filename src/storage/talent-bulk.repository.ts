/**
 * The one reader and writer of talent rows. A talent is one row (migration 0005): its scalar fields as
 * columns, its lists as JSON texts packed by src/core/import/packed-talent.ts; see
 * docs/decisions/0005-talent-storage-layout.md for the measurements behind it.
 *
 * Writes and whole-pool reads take the shortest path each dialect offers:
 * - SQLite: statements prepared once on the better-sqlite3 handle, one row a run, inside the caller's
 *   transaction (see native-sqlite.ts); without the handle (never in this code base), Kysely.
 * - PostgreSQL: COPY FROM STDIN for new rows (pg-copy.ts), on the caller's connection so it joins its
 *   transaction; rows already stored, and every row on PGlite, by INSERT … SELECT FROM unnest(typed
 *   arrays) … ON CONFLICT, a handful of parameters whatever the number of rows.
 */
import type SQLite from 'better-sqlite3';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import {
  packTalent,
  unpackTalent,
  type PackedTalent,
  type PackedTalentRow,
} from '../core/import/packed-talent.js';
import { listBytesOf } from '../core/import/packed-bytes.js';
import type { Talent } from '../core/model.js';
import type { KeyRow, PackedWriteOptions, RecordKeys } from '../services/ports.js';
import { chunks, keysetPages } from './batch.js';
import { nativeSqliteOf, prepared, withNative } from './native-sqlite.js';
import { wroteBulk } from './sqlite-early-flush.js';
import { COPY_MARK, copyCell, supportsCopy } from './pg-copy.js';
import type { Database, TalentTable } from './schema.js';

type Dialect = 'sqlite' | 'postgres';
type Cell = string | number | null;
/** A cell as better-sqlite3 binds it: a list's text may come as its UTF-8 bytes (see AS_BYTES). */
type SqliteCell = Cell | Buffer;

/** Every column, in the order rows are written; with its PostgreSQL array type for unnest. */
const COLUMNS = [
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
  ['skills', 'text'],
  ['availability', 'text'],
  ['missions', 'text'],
] as const;
const NAMES = COLUMNS.map(([c]) => c).join(', ');

/**
 * The row of a talent, in COLUMNS order; `lists`: the cells of its skills, availability and missions (their
 * texts by default).
 */
function cells(orgId: string, id: string, p: PackedTalent, at: string): Cell[];
function cells(
  orgId: string,
  id: string,
  p: PackedTalent,
  at: string,
  lists: readonly [SqliteCell, SqliteCell, SqliteCell],
): SqliteCell[];
function cells(
  orgId: string,
  id: string,
  p: PackedTalent,
  at: string,
  lists?: readonly [SqliteCell, SqliteCell, SqliteCell],
): SqliteCell[] {
  return [
    id,
    orgId,
    p.externalId,
    p.source,
    p.name,
    p.headline,
    p.location,
    p.dailyCost,
    p.email,
    p.phone,
    p.occupationId,
    p.remote,
    p.languages,
    p.industries,
    p.functions,
    p.consentAt,
    p.retainUntil,
    at,
    at,
    lists ? lists[0] : p.skills,
    lists ? lists[1] : p.availability,
    lists ? lists[2] : p.missions,
  ];
}

/** The columns a read needs (not the organization, not the timestamps), in this order. */
const READ = [
  'id',
  'external_id',
  'source',
  'name',
  'email',
  'phone',
  'headline',
  'occupation_id',
  'location',
  'remote',
  'daily_cost',
  'consent_at',
  'retain_until',
  'languages',
  'industries',
  'functions',
  'skills',
  'availability',
  'missions',
] as const;
type ReadRow = Pick<TalentTable, (typeof READ)[number]>;
const READ_SQL = READ.join(', ');

/** A row as SQLite returns it in raw mode: the READ columns by position. */
function packedOfCells(r: readonly unknown[]): PackedTalent {
  return {
    externalId: r[1] as string | null,
    source: r[2] as PackedTalent['source'],
    name: r[3] as string,
    email: r[4] as string | null,
    phone: r[5] as string | null,
    headline: r[6] as string,
    occupationId: r[7] as string | null,
    location: r[8] as string,
    remote: r[9] as PackedTalent['remote'],
    dailyCost: Number(r[10]),
    consentAt: r[11] as string | null,
    retainUntil: r[12] as string | null,
    languages: r[13] as string,
    industries: r[14] as string,
    functions: r[15] as string,
    skills: r[16] as string,
    availability: r[17] as string,
    missions: r[18] as string,
  };
}

function packedOfRow(r: ReadRow): PackedTalent {
  return {
    externalId: r.external_id,
    source: r.source as PackedTalent['source'],
    name: r.name,
    email: r.email,
    phone: r.phone,
    headline: r.headline,
    occupationId: r.occupation_id,
    location: r.location,
    remote: r.remote as PackedTalent['remote'],
    // PostgreSQL's double precision comes back as a number already; SQLite's REAL too. Number() for both.
    dailyCost: Number(r.daily_cost),
    consentAt: r.consent_at,
    retainUntil: r.retain_until,
    languages: r.languages,
    industries: r.industries,
    functions: r.functions,
    skills: r.skills,
    availability: r.availability,
    missions: r.missions,
  };
}

/** On a known id, every column but the id, the organization and the creation time is replaced. */
const UPSERT = `on conflict (id) do update set ${COLUMNS.map(([c]) => c)
  .filter((c) => c !== 'id' && c !== 'org_id' && c !== 'created_at')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')} where talent.org_id = excluded.org_id`;

/**
 * SQLite: the packed lists are bound as their UTF-8 bytes (BLOBs) and cast back to TEXT in SQL, the same
 * bytes stored. better-sqlite3 converts a string parameter in two passes over it (V8's Utf8Length, then
 * WriteUtf8, slow on the two-byte strings the lists usually are) and copies the result; the lists are most
 * of a row's text (≈ 1.7 of 2 KB), written here in one pass into a reused buffer (binding a row into a table
 * without indexes: 6.0–6.7 µs against 6.4–7.5 for their strings). Only the lists: they are JSON texts, with
 * no lone surrogate (JSON.stringify escapes them), which V8 and Buffer would encode differently.
 */
const AS_BYTES = new Set(['skills', 'availability', 'missions']);

const SQLITE_UPSERT = `insert into talent (${NAMES}) values (${COLUMNS.map(([c]) =>
  AS_BYTES.has(c) ? 'cast(? as text)' : '?',
).join(', ')}) ${UPSERT}`;

/** A row's lists, UTF-8 encoded into one buffer reused from row to row (SQLite copies what it binds). */
class ListBytes {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;

  /** Starts a row whose lists hold `units` UTF-16 code units in all (at most 3 bytes each). */
  row(units: number): void {
    this.used = 0;
    if (this.buffer.length < 3 * units) this.buffer = Buffer.allocUnsafe(3 * units);
  }

  bytes(text: string): Buffer {
    const at = this.used;
    this.used += this.buffer.write(text, at);
    return this.buffer.subarray(at, this.used);
  }
}

const listBytes = new ListBytes();
const toBytes = (text: string) => listBytes.bytes(text);

const TAB = Buffer.from('\t');
/** Placeholders for a row's lists (written apart), and the columns before them. */
const NO_LISTS = [null, null, null] as const;
const SCALAR_COLUMNS = COLUMNS.length - NO_LISTS.length;

/** PostgreSQL: rows per unnest statement (one array per column holds this many values). */
const PG_SLICE = 5_000;

/** Ids per IN (…) list. */
const IN_LIST = 1_000;

type KeyCells = { id: string; external_id: string | null; email: string | null };

/**
 * SQLite: keys per lookup statement. One statement for KEY_LIST keys costs less than KEY_LIST point reads
 * (one run, one bind of the organization, the index walked in key order); a shorter list is padded with
 * its last key so that one prepared statement serves every call.
 */
const KEY_LIST = 64;

function keyListSql(column: string): string {
  return `select id, external_id, email from talent where org_id = ? and ${column} in (${Array(KEY_LIST).fill('?').join(', ')})`;
}

/** KEY_LIST keys of `values` from `at`, the last one repeated past the end. */
function keyList(values: readonly string[], at: number): string[] {
  const out = values.slice(at, at + KEY_LIST);
  while (out.length < KEY_LIST) out.push(out[out.length - 1] as string);
  return out;
}

/**
 * COPY text-format data for the rows whose ids are not in `skip`, PG_SLICE rows a buffer: rows as text, and
 * the lists an import's fast path left as bytes, as they are (its tokens hold no backslash, tab, newline or
 * carriage return: nothing for COPY to escape).
 */
function copyData(
  orgId: string,
  rows: readonly PackedTalentRow[],
  at: string,
  skip: ReadonlySet<string> | null,
): Buffer[] {
  const out: Buffer[] = [];
  let parts: Buffer[] = [];
  let text = '';
  let copied = 0;
  const flush = () => {
    parts.push(Buffer.from(text));
    out.push(Buffer.concat(parts));
    parts = [];
    text = '';
    copied = 0;
  };
  for (const t of rows) {
    if (skip?.has(t.id)) continue;
    const p = t.packed;
    // The other columns as text; the lists after them, from their bytes when the fast path left them so
    // (read as text, they would be decoded only to be encoded again).
    const row = cells(orgId, t.id, p, at, NO_LISTS);
    for (let i = 0; i < SCALAR_COLUMNS; i++) text += (i === 0 ? '' : '\t') + copyCell(row[i] as Cell);
    const lists = listBytesOf(p);
    if (lists) {
      parts.push(Buffer.from(text + '\t'), lists[0], TAB, lists[1], TAB, lists[2]);
      text = '';
    } else text += `\t${copyCell(p.skills)}\t${copyCell(p.availability)}\t${copyCell(p.missions)}`;
    text += '\n';
    if (++copied >= PG_SLICE) flush();
  }
  if (copied > 0) flush();
  return out;
}

export class TalentBulkRepository {
  private readonly native: SQLite.Database | null;
  /** PostgreSQL opened by openDatabase: COPY is available (pg-copy.ts). */
  private readonly copy: boolean;
  private cacheSized = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    /** The root Kysely instance (the one openDatabase registered), when `db` is a transaction. */
    root: Kysely<Database> = db,
  ) {
    this.native = dialect === 'sqlite' ? nativeSqliteOf(root) : null;
    this.copy = dialect === 'postgres' && supportsCopy(root);
  }

  async findKeys(orgId: string, keys: RecordKeys): Promise<KeyRow[]> {
    await this.settle();
    const out: KeyRow[] = [];
    const seen = new Set<string>();
    const collect = (rows: { id: string; external_id: string | null; email: string | null }[]) => {
      for (const r of rows) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        out.push({ id: r.id, externalId: r.external_id, email: r.email });
      }
    };
    if (this.native) {
      const handle = this.native;
      await withNative(this.db, handle, () => {
        const lookups: [string, readonly string[]][] = [
          ['external_id', keys.externalIds],
          ['email', keys.emails],
          ['id', keys.ids],
        ];
        for (const [column, values] of lookups) {
          // An id already found by its external id or e-mail needs no read of its own (a re-import
          // finds nearly every record by its e-mail first).
          const wanted = column === 'id' ? values.filter((v) => !seen.has(v)) : values;
          if (wanted.length === 0) continue;
          const stmt = prepared(handle, keyListSql(column));
          for (let i = 0; i < wanted.length; i += KEY_LIST)
            collect(stmt.all(orgId, ...keyList(wanted, i)) as KeyCells[]);
        }
      });
      return out;
    }
    const base = () =>
      this.db.selectFrom('talent').select(['id', 'external_id', 'email']).where('org_id', '=', orgId);
    for (const part of chunks(keys.externalIds, IN_LIST))
      collect(await base().where('external_id', 'in', part).execute());
    for (const part of chunks(keys.emails, IN_LIST))
      collect(await base().where('email', 'in', part).execute());
    for (const part of chunks(keys.ids, IN_LIST)) collect(await base().where('id', 'in', part).execute());
    return out;
  }

  /** The stored packed form of these talents (missing ids are left out). */
  async getPacked(orgId: string, ids: readonly string[]): Promise<Map<string, PackedTalent>> {
    await this.settle();
    const out = new Map<string, PackedTalent>();
    if (this.native) {
      const handle = this.native;
      await withNative(this.db, handle, () => {
        const stmt = prepared(handle, `select ${READ_SQL} from talent where org_id = ? and id = ?`).raw(true);
        for (const id of ids) {
          const r = stmt.get(orgId, id) as unknown[] | undefined;
          if (r) out.set(id, packedOfCells(r));
        }
      });
      return out;
    }
    for (const part of chunks(ids, IN_LIST)) {
      if (part.length === 0) continue;
      const rows = await this.db
        .selectFrom('talent')
        .select(READ)
        .where('org_id', '=', orgId)
        .where('id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, packedOfRow(r));
    }
    return out;
  }

  /** Full talents by id, in id order (missing ids are left out). */
  async getMany(orgId: string, ids: readonly string[]): Promise<Talent[]> {
    const packed = await this.getPacked(orgId, ids);
    return [...packed.keys()].sort(byText).map((id) => unpackTalent(id, packed.get(id) as PackedTalent));
  }

  async get(orgId: string, id: string): Promise<Talent | null> {
    return (await this.getMany(orgId, [id]))[0] ?? null;
  }

  /** Talents in id order after `afterId` (exclusive), at most `limit`. */
  async page(orgId: string, afterId: string | null, limit: number): Promise<Talent[]> {
    if (this.native) {
      const handle = this.native;
      return withNative(this.db, handle, () => {
        // Row by row (iterate, not all): each row's text is unpacked and dropped at once, so only the
        // page's talents stay alive, not its rows beside them (far less for the garbage collector).
        const rows =
          afterId === null
            ? prepared(handle, `select ${READ_SQL} from talent where org_id = ? order by id limit ?`)
                .raw(true)
                .iterate(orgId, limit)
            : prepared(
                handle,
                `select ${READ_SQL} from talent where org_id = ? and id > ? order by id limit ?`,
              )
                .raw(true)
                .iterate(orgId, afterId, limit);
        const out: Talent[] = [];
        for (const r of rows as Iterable<unknown[]>) out.push(unpackTalent(r[0] as string, packedOfCells(r)));
        return out;
      });
    }
    let q = this.db.selectFrom('talent').select(READ).where('org_id', '=', orgId);
    if (afterId !== null) q = q.where('id', '>', afterId);
    const rows = await q.orderBy('id').limit(limit).execute();
    return rows.map((r) => unpackTalent(r.id, packedOfRow(r)));
  }

  /** Every talent of the organization, `batchSize` at a time, in id order (keyset pagination). */
  async *stream(orgId: string, batchSize: number): AsyncGenerator<Talent[]> {
    yield* keysetPages((after, limit) => this.page(orgId, after, limit), batchSize);
  }

  async all(orgId: string): Promise<Talent[]> {
    const out: Talent[] = [];
    for await (const page of this.stream(orgId, 5_000)) for (const t of page) out.push(t);
    return out;
  }

  /**
   * Writes whole talents: each row is inserted, or replaced when its id is stored in this organization; an
   * id held by another organization is an error (nothing of it written, the transaction fails). A talent's
   * skills must be in the taxonomy, as the foreign key of the former talent_skill table required.
   * `existing` (the ids known to be stored) is not needed by this layout; it stays in the signature of the
   * port.
   */
  async write(
    orgId: string,
    talents: readonly Talent[],
    at: string,
    _existing?: ReadonlySet<string>,
  ): Promise<void> {
    if (talents.length === 0) return;
    await this.settle();
    const skills = new Set<string>();
    for (const t of talents) for (const s of t.skills) skills.add(s.skillId);
    await this.checkSkills(skills, (missing) => {
      const t = talents.find((x) => x.skills.some((s) => s.skillId === missing)) as Talent;
      return `talent ${t.id}: skill "${missing}" is not in the taxonomy`;
    });
    await this.writeRows(
      orgId,
      talents.map((t) => ({ id: t.id, packed: packTalent(t) })),
      at,
    );
  }

  /**
   * Writes rows already packed (an import's), as write() does. `skills`: every skill they hold, or more
   * (an import passes every skill its file holds: one lookup per distinct skill per transaction either way).
   */
  async writePacked(
    orgId: string,
    rows: readonly PackedTalentRow[],
    at: string,
    skills: ReadonlySet<string>,
    options: PackedWriteOptions = {},
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.checkSkills(skills, (missing) => `skill "${missing}" is not in the taxonomy`);
    await this.writeRows(orgId, rows, at, options);
  }

  private async writeRows(
    orgId: string,
    rows: readonly PackedTalentRow[],
    at: string,
    options: PackedWriteOptions = {},
  ): Promise<void> {
    if (this.native) {
      const handle = this.native;
      await withNative(this.db, handle, () => {
        if (!this.cacheSized) {
          // The default page cache (2 MB) thrashes on the indexes of a large batch; 64 MB holds them.
          handle.pragma('cache_size = -65536');
          this.cacheSized = true;
        }
        const upsert = prepared(handle, SQLITE_UPSERT);
        for (const r of rows) {
          const p = r.packed;
          // The lists' bytes as the import's fast path wrote them, else their texts encoded here.
          let lists = listBytesOf(p);
          if (!lists) {
            listBytes.row(p.skills.length + p.availability.length + p.missions.length);
            lists = [toBytes(p.skills), toBytes(p.availability), toBytes(p.missions)];
          }
          // Spread, not an array: better-sqlite3 reads an array's elements one by one through the V8 API
          // (binding a row: 6.4–7.5 µs against 8.0–9.2).
          if (upsert.run(...cells(orgId, r.id, p, at, lists)).changes === 0) throw heldElsewhere(r.id);
        }
        wroteBulk(handle);
      });
      return;
    }
    if (this.copy) {
      await this.writeByCopy(orgId, rows, at, options);
      return;
    }
    await this.insertRows(
      rows.map((r) => cells(orgId, r.id, r.packed, at)),
      UPSERT,
    );
  }

  /**
   * PostgreSQL with COPY: the ids not stored yet (in any organization) are copied in; the others go
   * through the upsert, which replaces a row of this organization and leaves another's alone, as always.
   * With `defer`, the last COPY is sent and not waited for: the caller goes on reading and matching the
   * next rows while the server stores these (settle() waits for it, and throws its error). With `fresh`
   * nothing is looked up: in a first load of a million, looking each group's ids up cost ≈ 3.8 µs of a
   * talent's ≈ 40 (a round trip a group on the connection the COPYs need, and the server's index probes,
   * while it could have been copying).
   */
  private async writeByCopy(
    orgId: string,
    rows: readonly PackedTalentRow[],
    at: string,
    { defer = false, fresh = false }: PackedWriteOptions,
  ): Promise<void> {
    // The COPY data is built first, as if no id were stored (the usual case), while a COPY sent before
    // may still be running; rebuilt without the stored ones when some are.
    let copy = copyData(orgId, rows, at, null);
    await this.settle();
    const stored = new Set<string>();
    if (!fresh)
      for (const part of chunks(
        rows.map((r) => r.id),
        PG_SLICE,
      )) {
        const r = await sql<{
          id: string;
          org_id: string;
        }>`select id, org_id from talent where id = any(${part}::text[])`.execute(this.db);
        for (const row of r.rows) {
          if (row.org_id !== orgId) throw heldElsewhere(row.id);
          stored.add(row.id);
        }
      }
    if (stored.size > 0) copy = copyData(orgId, rows, at, stored);
    for (let i = 0; i < copy.length; i++) {
      const sent = this.db
        .executeQuery(CompiledQuery.raw(`${COPY_MARK}copy talent (${NAMES}) from stdin`, [copy[i]]))
        .then(
          () => undefined,
          (e: unknown) => {
            throw fresh ? storedMeanwhile(e) : e;
          },
        );
      if (defer && i === copy.length - 1 && stored.size === 0) {
        // Failure is kept for settle(); handled here so that it is never an unhandled rejection.
        sent.catch(() => undefined);
        this.pending = sent;
      } else await sent;
    }
    if (stored.size > 0)
      await this.insertRows(
        rows.filter((t) => stored.has(t.id)).map((t) => cells(orgId, t.id, t.packed, at)),
        UPSERT,
      );
  }

  /** PostgreSQL: a COPY sent by writeByCopy and not yet waited for. */
  private pending: Promise<void> | null = null;

  /** Waits for the COPY a deferred write left running; throws its error. */
  async settle(): Promise<void> {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    await p;
  }

  /**
   * Kysely path: unnest on PostgreSQL (PGlite, or rows to upsert), multi-row VALUES on SQLite. A row the
   * upsert left alone (its id held by another organization) is an error, never a silent skip.
   */
  private async insertRows(rows: readonly Cell[][], suffix: string): Promise<void> {
    const tuple = `(${COLUMNS.map(() => '?').join(',')})`;
    const unnest = COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    const size = this.dialect === 'postgres' ? PG_SLICE : Math.floor(30_000 / COLUMNS.length);
    for (const part of chunks(rows, size)) {
      const query =
        this.dialect === 'postgres'
          ? CompiledQuery.raw(
              `insert into talent (${NAMES}) select * from unnest(${unnest}) ${suffix} returning id`,
              COLUMNS.map((_, i) => part.map((r) => r[i] ?? null)),
            )
          : CompiledQuery.raw(
              `insert into talent (${NAMES}) values ${part.map(() => tuple).join(',')} ${suffix} returning id`,
              part.flat(),
            );
      const { rows: written } = await this.db.executeQuery<{ id: string }>(query);
      if (written.length < part.length) {
        const ids = new Set(written.map((r) => r.id));
        throw heldElsewhere(part.map((r) => r[0] as string).find((id) => !ids.has(id)) as string);
      }
    }
  }

  /**
   * Skills found in the taxonomy within this repository's transaction (the store binds new repositories to
   * each one), so an import checks each skill once per batch rather than once per write. Outside a
   * transaction nothing is remembered: the taxonomy may change between two calls.
   */
  private readonly knownSkills = new Set<string>();

  /**
   * Throws unless every skill of `skills` is in the taxonomy (one lookup per distinct skill not yet found
   * in this transaction); `message` words the error for the first one missing.
   */
  private async checkSkills(
    skills: ReadonlySet<string>,
    message: (missing: string) => string,
  ): Promise<void> {
    const known = this.db.isTransaction ? this.knownSkills : new Set<string>();
    const ids: string[] = [];
    for (const id of skills) if (!known.has(id)) ids.push(id);
    if (ids.length === 0) return;
    if (this.native) {
      const handle = this.native;
      await withNative(this.db, handle, () => {
        const stmt = prepared(handle, 'select id from skill where id = ?').pluck(true);
        for (const id of ids) if (stmt.get(id) !== undefined) known.add(id);
      });
    } else {
      for (const part of chunks(ids, IN_LIST))
        for (const r of await this.db.selectFrom('skill').select('id').where('id', 'in', part).execute())
          known.add(r.id);
    }
    const missing = ids.find((id) => !known.has(id));
    if (missing !== undefined) throw new Error(message(missing));
  }

  /** The pool's (skill, level) → holders, from the packed skills (the JSON table function of each dialect). */
  async skillLevels(orgId: string): Promise<{ skill_id: string; level: number; n: number }[]> {
    const q =
      this.dialect === 'sqlite'
        ? sql<{ skill_id: string; level: number; n: number }>`
            select j.value ->> 0 as skill_id, j.value ->> 1 as level, count(*) as n
            from talent t, json_each(t.skills) j
            where t.org_id = ${orgId}
            group by 1, 2`
        : sql<{ skill_id: string; level: number; n: number }>`
            select j.v ->> 0 as skill_id, (j.v ->> 1)::int as level, count(*) as n
            from talent t cross join lateral json_array_elements(t.skills::json) as j(v)
            where t.org_id = ${orgId}
            group by 1, 2`;
    return (await q.execute(this.db)).rows;
  }
}

/** An upsert meeting an id of another organization: ids are unique across organizations. */
const heldElsewhere = (id: string) => new Error(`talent "${id}" belongs to another organization`);

/** A fresh COPY meeting a stored id (written by another transaction since the caller looked): named. */
function storedMeanwhile(e: unknown): unknown {
  const { code, detail } = e as { code?: unknown; detail?: unknown };
  if (code !== '23505') return e;
  const id = typeof detail === 'string' ? /^Key \(id\)=\((.*)\) already exists/.exec(detail)?.[1] : undefined;
  return new Error(
    `talent ${id === undefined ? '' : `"${id}" `}was stored by another transaction during this write: nothing of it is written`,
    { cause: e },
  );
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

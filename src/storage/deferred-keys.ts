/**
 * Secondary indexes (and on PostgreSQL the unique and foreign keys) built once after a bulk load instead of
 * row by row during it (decision 0010).
 *
 * Loading a million talents updates each secondary index a row at a time: a B-tree descent and a page
 * write per index per row; PostgreSQL also checks the foreign key to `organization` a row at a time.
 * CREATE INDEX over the loaded table sorts the keys and writes the tree bottom-up instead, and adding the
 * foreign key back checks every row in one join. Done only on an empty table (nothing to rebuild but what
 * the load itself wrote) and inside the load's transaction: DDL is transactional on both databases, so a
 * rollback or a crash (`kill -9` leaves a journal that the next connection rolls back) restores them with
 * the empty table. The load must not look rows up by the dropped keys meanwhile (an empty pool has
 * nothing to look up), and its own keys are unique by then (the import rejects a key twice in a file);
 * adding a unique constraint back checks it anyway, and a violation fails the whole load.
 *
 * On PostgreSQL the table's exclusive lock is taken first, without waiting: when another session has the
 * table open (a reader, another import), the load keeps its keys and runs as it would without this.
 *
 * The definitions are read from the database's own catalogue, so whatever the migrations created is what
 * comes back. Stays: the primary key (the load's ON CONFLICT and id checks use it) and, on SQLite, what
 * backs a constraint (SQLite cannot drop a constraint apart from its table).
 */
import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { beginIndexBuild } from './sqlite-index-build.js';

/** A key dropped for the load: the statement that drops it and the one that makes it again. */
interface DeferredKey {
  drop: string;
  create: string;
}

/**
 * Drops the secondary keys of `table` when it holds no row; returns what makes them again (call it before
 * commit), or null when the table holds rows or has no such key. Call inside a transaction. `native`: the
 * better-sqlite3 handle under `db`, when there is one, for a faster build (sqlite-index-build.ts).
 */
export async function deferKeys(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  table: 'talent',
  native: SQLite.Database | null = null,
): Promise<(() => Promise<void>) | null> {
  const empty = async () =>
    (await sql`select 1 as one from ${sql.table(table)} limit 1`.execute(db)).rows.length === 0;
  if (!(await empty())) return null;
  if (dialect === 'postgres' && !(await lockedEmpty(db, table, empty))) return null;
  const keys = dialect === 'sqlite' ? await sqliteKeys(db, table) : await postgresKeys(db, table);
  if (keys.length === 0) return null;
  for (const k of keys) await sql.raw(k.drop).execute(db);
  return async () => {
    const done = native ? beginIndexBuild(native) : null;
    try {
      for (const k of keys) await sql.raw(k.create).execute(db);
    } finally {
      done?.();
    }
  };
}

/**
 * PostgreSQL: takes the table's ACCESS EXCLUSIVE lock (DROP INDEX would take it anyway) without waiting,
 * and keeps it only if the table is still empty under it (a row committed since the first look). False when
 * another session holds any lock on the table, or rows came: nothing held then. Without NOWAIT, two first
 * imports at once would each hold a share lock from their first read and wait for the other's: a deadlock,
 * one of them aborted. Rolling back to the savepoint releases the lock and keeps a refused lock from aborting
 * the caller's transaction.
 */
async function lockedEmpty(
  db: Kysely<Database>,
  table: string,
  empty: () => Promise<boolean>,
): Promise<boolean> {
  await sql`savepoint deferred_keys`.execute(db);
  let kept: boolean;
  try {
    await sql`lock table ${sql.table(table)} in access exclusive mode nowait`.execute(db);
    kept = await empty();
  } catch (e) {
    if ((e as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw e;
    kept = false;
  }
  await sql.raw(kept ? 'release savepoint deferred_keys' : 'rollback to savepoint deferred_keys').execute(db);
  return kept;
}

/** SQLSTATE of a lock NOWAIT could not take. */
const LOCK_NOT_AVAILABLE = '55P03';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Indexes created by CREATE INDEX (an index behind a constraint has no SQL text of its own). */
async function sqliteKeys(db: Kysely<Database>, table: string): Promise<DeferredKey[]> {
  const r = await sql<{ name: string; definition: string }>`
    select name, sql as definition from sqlite_master
    where type = 'index' and tbl_name = ${table} and sql is not null
    order by name`.execute(db);
  return r.rows.map((i) => ({ drop: `drop index ${quoted(i.name)}`, create: i.definition }));
}

/**
 * Indexes of the table (in the current schema) that back no constraint, then its unique and foreign keys.
 * Not the primary key, nor checks or (PostgreSQL 18) NOT NULL constraints: cheap a row, and a primary key's
 * NOT NULL cannot be dropped.
 */
async function postgresKeys(db: Kysely<Database>, table: string): Promise<DeferredKey[]> {
  const indexes = await sql<{ name: string; definition: string }>`
    select c.relname as name, pg_get_indexdef(c.oid) as definition
    from pg_index x
    join pg_class c on c.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    where t.relname = ${table} and t.relnamespace = current_schema()::regnamespace
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
    order by c.relname`.execute(db);
  const constraints = await sql<{ name: string; definition: string }>`
    select k.conname as name, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k
    join pg_class t on t.oid = k.conrelid
    where t.relname = ${table} and t.relnamespace = current_schema()::regnamespace
      and k.contype in ('u', 'f')
    order by k.conname`.execute(db);
  const on = `alter table ${quoted(table)}`;
  return [
    ...indexes.rows.map((i) => ({ drop: `drop index ${quoted(i.name)}`, create: i.definition })),
    ...constraints.rows.map((k) => ({
      drop: `${on} drop constraint ${quoted(k.name)}`,
      create: `${on} add constraint ${quoted(k.name)} ${k.definition}`,
    })),
  ];
}

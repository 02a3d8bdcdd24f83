/**
 * The better-sqlite3 handle behind a Kysely instance, for the few paths where Kysely's per-query cost shows
 * (bulk talent writes and whole-pool reads): Kysely's SQLite driver prepares every statement anew and
 * returns rows as objects, which costs more than the SQL itself for one-row statements run a million times.
 * Here statements are prepared once per handle and run with positional parameters.
 *
 * SQLite has one connection, shared through Kysely's mutex: inside a transaction the caller already holds
 * it; outside one, `withNative` takes it through `db.connection()`, so a raw statement never runs in the
 * middle of another caller's transaction.
 */
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

const handles = new WeakMap<Kysely<Database>, SQLite.Database>();
const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement<unknown[]>>>();

/** Called by openDatabase: `db` runs on `handle`. */
export function registerNativeSqlite(db: Kysely<Database>, handle: SQLite.Database): void {
  handles.set(db, handle);
}

/** The handle `db` (a root Kysely instance) runs on, when it is SQLite opened by openDatabase. */
export function nativeSqliteOf(db: Kysely<Database>): SQLite.Database | null {
  return handles.get(db) ?? null;
}

/**
 * A statement of `handle`, prepared on first use. A statement's mode (`raw`, `pluck`) is set by the one
 * caller of its SQL text: two callers wanting different modes must not share a text.
 */
export function prepared(handle: SQLite.Database, sql: string): SQLite.Statement<unknown[]> {
  let cache = statements.get(handle);
  if (!cache) statements.set(handle, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = handle.prepare<unknown[]>(sql)));
  return stmt;
}

/** Runs `fn` on the handle while holding the connection (see above). */
export async function withNative<T>(
  db: Kysely<Database>,
  handle: SQLite.Database,
  fn: (handle: SQLite.Database) => T,
): Promise<T> {
  if (db.isTransaction) return fn(handle);
  return db.connection().execute(async () => fn(handle));
}

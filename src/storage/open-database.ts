import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { registerNativeSqlite } from './native-sqlite.js';
import { copyingPool, registerPgCopy } from './pg-copy.js';
import type { Database } from './schema.js';

export type DatabaseSpec = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
}

// PostgreSQL returns BIGINT (count(*)) as text by default; our counts fit a double.
pg.types.setTypeParser(20, (v: string) => Number(v));

export function openDatabase(spec: DatabaseSpec): OpenDatabase {
  if (spec.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: spec.url, max: 10 });
    // Bulk talent writes run COPY on the transaction's own connection (see pg-copy.ts).
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) });
    registerPgCopy(db);
    return { db, dialect: 'postgres' };
  }
  if (spec.file !== ':memory:') mkdirSync(dirname(spec.file), { recursive: true });
  const sqlite = new SQLite(spec.file);
  // 16 KiB pages for a new database (an existing one keeps its own: the pragma only applies before the
  // first table): a talent row is ≈ 2 KB, and with 4 KiB pages a bulk import spent 35 % more CPU per row
  // splitting pages (docs/decisions/0005-talent-storage-layout.md). Set before WAL, which fixes the size.
  sqlite.pragma('page_size = 16384');
  // WAL lets readers run beside the writer; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  // Bulk talent paths run prepared statements on the handle itself (see native-sqlite.ts).
  registerNativeSqlite(db, sqlite);
  return { db, dialect: 'sqlite' };
}

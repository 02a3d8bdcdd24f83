import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
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
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  if (spec.file !== ':memory:') mkdirSync(dirname(spec.file), { recursive: true });
  const sqlite = new SQLite(spec.file);
  // WAL lets readers run beside the writer; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    dialect: 'sqlite',
  };
}

/**
 * The dialects every storage test runs on: SQLite (better-sqlite3), an in-process PostgreSQL (PGlite),
 * and the real PostgreSQL server when VIVIER_TEST_PG_URL is set (CI sets it; .ci/run starts the server).
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { envToConfig, type Config } from '../../src/config/env-to-config.js';
import { prepareStore, wireServices, type Context } from '../../src/main/create-context.js';
import type { Clock } from '../../src/services/clock.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { openDatabase } from '../../src/storage/open-database.js';
import type { Database } from '../../src/storage/schema.js';
import { createStore } from '../../src/storage/store.js';

export interface DialectCase {
  name: string;
  open(): Promise<{ db: Kysely<Database>; dialect: 'sqlite' | 'postgres'; cleanup(): Promise<void> }>;
}

const PG_URL = process.env.VIVIER_TEST_PG_URL;

export const DIALECTS: DialectCase[] = [
  {
    name: 'sqlite',
    async open() {
      const { db, dialect } = openDatabase({ kind: 'sqlite', file: ':memory:' });
      return { db, dialect, cleanup: () => db.destroy() };
    },
  },
  {
    name: 'pglite',
    async open() {
      const db = new Kysely<Database>({ dialect: new PGliteDialect(new PGlite()) });
      return { db, dialect: 'postgres', cleanup: () => db.destroy() };
    },
  },
];

if (PG_URL) {
  DIALECTS.push({
    name: 'postgres',
    async open() {
      // One schema per opened database so parallel test files never see each other's rows.
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const url = new URL(PG_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const { db, dialect } = openDatabase({ kind: 'postgres', url: url.toString() });
      return {
        db,
        dialect,
        async cleanup() {
          await db.destroy();
          const c = new pg.Client({ connectionString: PG_URL });
          await c.connect();
          await c.query(`DROP SCHEMA ${schema} CASCADE`);
          await c.end();
        },
      };
    },
  });
}

export const fixedClock = (iso = '2026-01-15T10:00:00.000Z'): Clock => ({ now: () => iso });

export function testConfig(overrides: Partial<Config['limits']> = {}): Config {
  const c = envToConfig({}, { dbFile: ':memory:' });
  c.limits = { ...c.limits, ...overrides };
  return c;
}

/** A full context (migrated, built-in taxonomy synced) on one dialect, with its database for raw checks. */
export async function openTestContext(
  dialectCase: DialectCase,
  config = testConfig(),
  clock = fixedClock(),
): Promise<Context & { db: Kysely<Database> }> {
  const { db, dialect, cleanup } = await dialectCase.open();
  await migrateToLatest(db, dialect);
  const store = createStore(db, dialect);
  const services = wireServices(config, store, clock);
  await prepareStore(store, services, clock);
  return { config, store: { ...store, close: cleanup }, services, close: cleanup, db };
}

export const pgSkipReason = PG_URL
  ? null
  : 'real PostgreSQL tests skipped: VIVIER_TEST_PG_URL is not set (storage tests still run on SQLite and PGlite)';

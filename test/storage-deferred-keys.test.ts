/**
 * A first bulk load into an empty talent table builds its secondary keys once at the end
 * (src/storage/deferred-keys.ts, decision 0010): on SQLite the indexes created by CREATE INDEX, on
 * PostgreSQL those and its unique and foreign keys. On every dialect: they are dropped inside the
 * transaction only, come back exactly as the migrations made them, are restored by a rollback, are left
 * alone when the table holds rows; and an import uses this only where it should.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import type { Talent } from '../src/core/model.js';
import type { Context } from '../src/main/create-context.js';
import { deferKeys } from '../src/storage/deferred-keys.js';
import { DEFAULT_ORG } from '../src/services/ports.js';
import { ImportRepository } from '../src/storage/import.repository.js';
import type { Database } from '../src/storage/schema.js';
import { DIALECTS, openTestContext } from './support/databases.js';
import { importText, jsonl } from './support/imports.js';

type Ctx = Context & { db: Kysely<Database> };

const AT = '2026-01-15T10:00:00.000Z';

/**
 * Every index of `talent` (those behind constraints too), by name, with its definition; on PostgreSQL its
 * constraints too.
 */
async function talentIndexes(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  if (dialect === 'sqlite') {
    const r = await sql<{ d: string }>`select name || ': ' || coalesce(sql, '(constraint)') as d
      from sqlite_master where type = 'index' and tbl_name = 'talent' order by name`.execute(db);
    return r.rows.map((x) => x.d);
  }
  const r = await sql<{ d: string }>`
    select * from (
      select indexname || ': ' || indexdef as d from pg_indexes
      where tablename = 'talent' and schemaname = current_schema()
      union all
      select 'constraint ' || k.conname || ': ' || pg_get_constraintdef(k.oid) from pg_constraint k
      where k.conrelid = 'talent'::regclass) x
    order by d`.execute(db);
  return r.rows.map((x) => x.d);
}

describe.each(DIALECTS)('secondary indexes of a first bulk load on $name', (dialectCase) => {
  let ctx: Ctx | null = null;
  afterEach(async () => {
    vi.restoreAllMocks();
    await ctx?.close();
    ctx = null;
  });

  const open = async (): Promise<Ctx> => (ctx = await openTestContext(dialectCase));
  const dialectOf = (c: Ctx) => c.store.dialect;
  const demo = async (c: Ctx, n: number, prefix: string): Promise<Talent[]> => {
    const { taxonomy } = await c.services.taxonomy.get();
    return generateDemo(taxonomy, { talents: n, projects: 0, seed: 7 }).talents.map((t, i) => ({
      ...t,
      id: `${prefix}-${i}`,
      externalId: `${prefix}-ext-${i}`,
    }));
  };

  it('drops them inside the transaction and builds the same ones again', async () => {
    const c = await open();
    const before = await talentIndexes(c.db, dialectOf(c));
    // Two secondary indexes besides the primary key and the unique constraint (migrations 0001, 0002).
    expect(before.filter((d) => /talent_org_idx|talent_org_email_idx/.test(d))).toHaveLength(2);
    await c.db.transaction().execute(async (trx) => {
      const rebuild = await deferKeys(trx, dialectOf(c), 'talent');
      expect(rebuild).not.toBeNull();
      const inside = await talentIndexes(trx, dialectOf(c));
      expect(inside.some((d) => /talent_org_idx|talent_org_email_idx/.test(d))).toBe(false);
      if (dialectOf(c) === 'sqlite') {
        // What backs a constraint stays: the primary key and the unique (org_id, external_id).
        expect(inside.length).toBe(before.length - 2);
      } else {
        // The primary key alone stays: its index and its constraint.
        expect(inside).toEqual(before.filter((d) => /talent_pkey/.test(d)));
        expect(inside).toHaveLength(2);
        // Gone with the rest: the unique (org_id, external_id) and the foreign key to organization.
        expect(before.filter((d) => /^constraint .*(UNIQUE|FOREIGN KEY)/.test(d))).toHaveLength(2);
      }
      await rebuild?.();
      expect(await talentIndexes(trx, dialectOf(c))).toEqual(before);
    });
    expect(await talentIndexes(c.db, dialectOf(c))).toEqual(before);
  });

  it('is undone by a rollback', async () => {
    const c = await open();
    const before = await talentIndexes(c.db, dialectOf(c));
    const failure = new Error('the load failed');
    await expect(
      c.db.transaction().execute(async (trx) => {
        expect(await deferKeys(trx, dialectOf(c), 'talent')).not.toBeNull();
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await talentIndexes(c.db, dialectOf(c))).toEqual(before);
  });

  it('a key written twice meanwhile fails the load: the unique key is checked when it comes back', async () => {
    const c = await open();
    const before = await talentIndexes(c.db, dialectOf(c));
    const [a, b] = await demo(c, 2, 'twice');
    const twins = [a, { ...b, externalId: a?.externalId }] as Talent[];
    await expect(
      c.db.transaction().execute(async (trx) => {
        const rebuild = await deferKeys(trx, dialectOf(c), 'talent');
        // SQLite keeps the unique (org_id, external_id) and refuses the second row; PostgreSQL refuses it
        // when the constraint is added back.
        await new ImportRepository(trx, dialectOf(c)).writeTalents(DEFAULT_ORG, twins, AT);
        await rebuild?.();
      }),
    ).rejects.toThrow(/unique|duplicate/i);
    expect(await talentIndexes(c.db, dialectOf(c))).toEqual(before);
    expect(await c.store.talents.count(DEFAULT_ORG)).toBe(0);
  });

  it.runIf(dialectCase.name === 'postgres')(
    'does not wait for another session that has the table open: the load keeps its keys',
    async () => {
      const c = await open();
      const before = await talentIndexes(c.db, dialectOf(c));
      // Another connection of the pool, in a transaction that has read the table (a share lock).
      await c.db.connection().execute(async (other) => {
        await sql`begin`.execute(other);
        await sql`select count(*) from talent`.execute(other);
        await c.db.transaction().execute(async (trx) => {
          expect(await deferKeys(trx, dialectOf(c), 'talent')).toBeNull();
          // The refused lock did not abort the transaction, and nothing was dropped.
          expect(await talentIndexes(trx, dialectOf(c))).toEqual(before);
        });
        await sql`commit`.execute(other);
      });
      // Once the other session is done, the lock is free.
      await c.db.transaction().execute(async (trx) => {
        const rebuild = await deferKeys(trx, dialectOf(c), 'talent');
        expect(rebuild).not.toBeNull();
        await rebuild?.();
      });
    },
  );

  it('leaves a table that holds rows alone', async () => {
    const c = await open();
    expect(await importText(c, DEFAULT_ORG, 'one.jsonl', jsonl(await demo(c, 1, 'held')))).toMatchObject({
      inserted: 1,
    });
    const before = await talentIndexes(c.db, dialectOf(c));
    await c.db.transaction().execute(async (trx) => {
      expect(await deferKeys(trx, dialectOf(c), 'talent')).toBeNull();
      expect(await talentIndexes(trx, dialectOf(c))).toEqual(before);
      // PostgreSQL: no exclusive lock left behind either (other sessions read the table meanwhile).
      if (dialectOf(c) === 'postgres') {
        const locks = await sql<{ n: number }>`select count(*)::int as n from pg_locks
          where pid = pg_backend_pid() and mode = 'AccessExclusiveLock'
            and relation = 'talent'::regclass`.execute(trx);
        expect(locks.rows[0]?.n).toBe(0);
      }
    });
  });

  it('a large first import defers them, and the pool is whole and found by its keys after', async () => {
    const c = await open();
    const before = await talentIndexes(c.db, dialectOf(c));
    const spy = vi.spyOn(ImportRepository.prototype, 'deferTalentKeys');
    const talents = await demo(c, 40, 'bulk');
    const content = jsonl(talents);
    // bulkBytes 0: this small file counts as large.
    expect(await importText(c, DEFAULT_ORG, 'pool.jsonl', content, { bulkBytes: 0 })).toMatchObject({
      inserted: talents.length,
      imported: true,
    });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await spy.mock.results[0]?.value).not.toBeNull();
    expect(await talentIndexes(c.db, dialectOf(c))).toEqual(before);
    // The keys are found through the rebuilt indexes: the same records under their e-mails and external
    // ids but new ids are the stored talents, unchanged.
    const moved = talents.map((t) => ({ ...t, id: `${t.id}-moved` }));
    expect(await importText(c, DEFAULT_ORG, 'again.jsonl', jsonl(moved), { bulkBytes: 0 })).toMatchObject({
      inserted: 0,
      unchanged: talents.length,
    });
    // The second import found rows: nothing deferred.
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('a first import that is rolled back leaves them as they were', async () => {
    const c = await open();
    const before = await talentIndexes(c.db, dialectOf(c));
    const talents = await demo(c, 10, 'doomed');
    const content = jsonl(talents) + '{"id": "broken", "name": 3}\n';
    const spy = vi.spyOn(ImportRepository.prototype, 'deferTalentKeys');
    const s = await importText(c, DEFAULT_ORG, 'doomed.jsonl', content, { bulkBytes: 0 });
    expect(s).toMatchObject({ imported: false, inserted: 0 });
    expect(s.rejects.length).toBeGreaterThan(0);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await talentIndexes(c.db, dialectOf(c))).toEqual(before);
    expect(await c.store.talents.count(DEFAULT_ORG)).toBe(0);
  });

  it('a small import, or a dry run, defers nothing', async () => {
    const c = await open();
    const spy = vi.spyOn(ImportRepository.prototype, 'deferTalentKeys');
    const content = jsonl(await demo(c, 3, 'small'));
    expect(
      await importText(c, DEFAULT_ORG, 'dry.jsonl', content, { bulkBytes: 0, dryRun: true }),
    ).toMatchObject({
      inserted: 3,
    });
    expect(await importText(c, DEFAULT_ORG, 'small.jsonl', content)).toMatchObject({ inserted: 3 });
    expect(spy).not.toHaveBeenCalled();
  });
});

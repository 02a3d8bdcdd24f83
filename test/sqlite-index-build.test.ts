/**
 * The rebuild of a first bulk load's indexes on SQLite (src/storage/sqlite-index-build.ts, through
 * deferred-keys.ts): the file's dirty pages flushed on the thread pool as the build starts (in a rollback
 * journal only), the file mapped for the build and the map set back after it, the indexes the same.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { nativeSqliteOf } from '../src/storage/native-sqlite.js';
import { openDatabase } from '../src/storage/open-database.js';
import { beginIndexBuild } from '../src/storage/sqlite-index-build.js';
import { createStore } from '../src/storage/store.js';
import type { Store } from '../src/services/ports.js';
import { fdatasyncSpy } from './support/fdatasync-spy.js';

vi.mock('node:fs', async (real) => (await import('./support/fdatasync-spy.js')).spyingFs(await real()));
const synced = fdatasyncSpy.synced;

describe('building indexes after a bulk load on SQLite', () => {
  let dir: string;
  let file: string;
  let store: Store;
  let handle: SQLite.Database;
  let db: ReturnType<typeof openDatabase>['db'];

  beforeEach(async () => {
    fdatasyncSpy.reset();
    dir = mkdtempSync(join(tmpdir(), 'vivier-index-build-'));
    file = join(dir, 'v.db');
    const opened = openDatabase({ kind: 'sqlite', file });
    db = opened.db;
    await migrateToLatest(db, opened.dialect);
    store = createStore(db, opened.dialect);
    handle = nativeSqliteOf(db) as SQLite.Database;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const mapped = () => handle.pragma('mmap_size', { simple: true }) as number;
  const settings = () =>
    ['mmap_size', 'cache_size', 'threads'].map((p) => handle.pragma(p, { simple: true }));
  const indexes = () =>
    handle
      .prepare(
        `select name, sql from sqlite_master where type = 'index' and tbl_name = 'talent' order by name`,
      )
      .all();

  it('maps the file for the build, sets the map back, and flushes the file in a rollback journal', async () => {
    expect(mapped()).toBe(0);
    const before = indexes();
    const during: unknown[][] = [];
    await store.transaction(
      async (tx) => {
        expect(handle.pragma('journal_mode', { simple: true })).toBe('delete');
        const rebuild = await tx.imports.deferTalentKeys();
        expect(rebuild).not.toBeNull();
        // The load's page cache (talent-bulk.repository.ts sizes it on its first write).
        handle.pragma('cache_size = -65536');
        const load = settings();
        const done = beginIndexBuild(handle);
        during.push(settings());
        done();
        during.push(settings(), load);
        await vi.waitFor(() => expect(synced).toHaveLength(1));
        await rebuild?.();
        during.push(settings());
        // The rebuild's, started at once or queued behind the first (sqlite-early-flush.ts).
        await vi.waitFor(() => expect(synced).toHaveLength(2));
      },
      { bulk: true },
    );
    const [build, after, load, afterRebuild] = during;
    expect(load).toEqual([0, -65536, 0]);
    // Mapped (up to SQLite's limit), an 8 MB cache, two sorting threads; then as they were.
    expect(build?.[0]).toBeGreaterThan(1 << 30);
    expect(build?.slice(1)).toEqual([-8192, 2]);
    expect(after).toEqual(load);
    expect(afterRebuild).toEqual(load);
    expect(indexes()).toEqual(before);
    // Both builds (the direct one and the rebuild's) flushed the database file itself.
    expect(new Set(synced)).toEqual(new Set([statSync(file).ino]));
  });

  it('builds indexes that hold every row written in the transaction, past its 8 MB cache', async () => {
    const at = '2026-11-27T00:00:00.000Z';
    const tax = buildTaxonomy(BUILTIN_SKILLS);
    await store.taxonomy.replaceOrigin('vivier', tax.skills);
    await store.ensureOrganization('org-build', 'Build', at);
    // ≈ 2 KB a row: ≈ 12 MB written before the build, more than the build's page cache.
    const { talents } = generateDemo(tax, { talents: 6000, projects: 0, seed: 11 });
    await store.transaction(
      async (tx) => {
        const rebuild = await tx.imports.deferTalentKeys();
        await tx.imports.writeTalents('org-build', talents, at);
        await rebuild?.();
      },
      { bulk: true },
    );
    // The build's flush, called by now (so that it does not land in the next test).
    await vi.waitFor(() => expect(synced).toHaveLength(1));
    expect(handle.pragma('integrity_check', { simple: true })).toBe('ok');
    const byEmail = handle.prepare(
      'select id from talent indexed by talent_org_email_idx where org_id = ? and email = ?',
    );
    const byId = handle.prepare(
      'select id from talent indexed by talent_org_idx where org_id = ? and id = ?',
    );
    for (const t of talents.filter((_, i) => i % 50 === 0)) {
      expect(byEmail.all('org-build', t.email)).toEqual([{ id: t.id }]);
      expect(byId.all('org-build', t.id)).toEqual([{ id: t.id }]);
    }
  });

  it('flushes nothing in WAL mode (the load is in the log) and sets the map back', async () => {
    expect(handle.pragma('journal_mode', { simple: true })).toBe('wal');
    await db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      const before = settings();
      const done = beginIndexBuild(handle);
      expect(mapped()).toBeGreaterThan(1 << 30);
      done();
      expect(settings()).toEqual(before);
    });
    // The flush is started asynchronously: give it the time it would take to be called.
    await new Promise((r) => setTimeout(r, 50));
    expect(synced).toEqual([]);
  });

  it('leaves an in-memory database alone', async () => {
    const opened = openDatabase({ kind: 'sqlite', file: ':memory:' });
    const memory = nativeSqliteOf(opened.db) as SQLite.Database;
    const before = memory.pragma('mmap_size', { simple: true });
    const done = beginIndexBuild(memory);
    expect(memory.pragma('mmap_size', { simple: true })).toEqual(before);
    done();
    await opened.db.destroy();
    expect(synced).toEqual([]);
  });
});

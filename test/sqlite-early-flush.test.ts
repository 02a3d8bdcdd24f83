/**
 * Early flushes of a bulk load on SQLite (src/storage/sqlite-early-flush.ts): an fdatasync of the database
 * file started each time the load grew it by the threshold, one more on demand (queued behind a running
 * one), none outside the bulk journal, and the data the same.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { nativeSqliteOf } from '../src/storage/native-sqlite.js';
import { openDatabase } from '../src/storage/open-database.js';
import { flushNow, startEarlyFlush, stopEarlyFlush, wroteBulk } from '../src/storage/sqlite-early-flush.js';
import { createStore } from '../src/storage/store.js';
import type { Store } from '../src/services/ports.js';
import { fdatasyncSpy } from './support/fdatasync-spy.js';

vi.mock('node:fs', async (real) => (await import('./support/fdatasync-spy.js')).spyingFs(await real()));
const synced = fdatasyncSpy.synced;

describe('early flushes of a bulk load on SQLite', () => {
  let dir: string;
  let file: string;
  let store: Store;
  let handle: SQLite.Database;

  beforeEach(async () => {
    fdatasyncSpy.reset();
    dir = mkdtempSync(join(tmpdir(), 'vivier-early-flush-'));
    file = join(dir, 'v.db');
    const opened = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(opened.db, opened.dialect);
    store = createStore(opened.db, opened.dialect);
    handle = nativeSqliteOf(opened.db) as SQLite.Database;
    handle.exec('create table filler (x blob)');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Appends `kib` KiB of rows. */
  const grow = (kib: number) => {
    const insert = handle.prepare('insert into filler values (randomblob(1024))');
    for (let i = 0; i < kib; i++) insert.run();
  };
  const ino = () => statSync(file).ino;

  it('starts one each time the load grew the file by the threshold', async () => {
    await store.transaction(
      async () => {
        expect(handle.pragma('journal_mode', { simple: true })).toBe('delete');
        // The bulk journal started its own (1 GiB): this one, smaller, replaces it for the test.
        startEarlyFlush(handle, 256 * 1024);
        grow(100);
        wroteBulk(handle);
        expect(synced).toEqual([]);
        // Some rows fill free pages of the file: grown past the threshold by then.
        grow(500);
        wroteBulk(handle);
        await vi.waitFor(() => expect(synced).toEqual([ino()]));
        grow(600);
        // Wait for the first to end: a flush is never started beside a running one.
        await new Promise((r) => setTimeout(r, 50));
        wroteBulk(handle);
        await vi.waitFor(() => expect(synced).toHaveLength(2));
      },
      { bulk: true },
    );
    expect(new Set(synced)).toEqual(new Set([ino()]));
    expect((handle.prepare('select count(*) as n from filler').get() as { n: number }).n).toBe(1200);
  });

  it('is started by the talent writes of a bulk transaction', async () => {
    const at = '2026-11-27T00:00:00.000Z';
    const tax = buildTaxonomy(BUILTIN_SKILLS);
    await store.taxonomy.replaceOrigin('vivier', tax.skills);
    await store.ensureOrganization('org-flush', 'Flush', at);
    const { talents } = generateDemo(tax, { talents: 400, projects: 0, seed: 5 });
    await store.transaction(
      async (tx) => {
        startEarlyFlush(handle, 128 * 1024);
        await tx.imports.writeTalents('org-flush', talents.slice(0, 20), at);
        expect(synced).toEqual([]);
        // ≈ 2 KB a talent: past the threshold.
        await tx.imports.writeTalents('org-flush', talents.slice(20), at);
        await vi.waitFor(() => expect(synced).toEqual([ino()]));
      },
      { bulk: true },
    );
    expect(await store.talents.count('org-flush')).toBe(400);
  });

  it('queues one asked for while another runs, and starts none once the bulk journal is left', async () => {
    await store.transaction(
      async () => {
        startEarlyFlush(handle, 64 * 1024);
        fdatasyncSpy.hold = true;
        grow(300);
        wroteBulk(handle);
        await vi.waitFor(() => expect(synced).toHaveLength(1));
        grow(300);
        // Running: neither a second threshold nor flushNow starts one beside it.
        wroteBulk(handle);
        flushNow(handle);
        await new Promise((r) => setTimeout(r, 50));
        expect(synced).toHaveLength(1);
        fdatasyncSpy.hold = false;
        for (const run of fdatasyncSpy.held) run();
        // flushNow's, after the first one ended.
        await vi.waitFor(() => expect(synced).toHaveLength(2));
      },
      { bulk: true },
    );
    // Out of the bulk journal (leaveBulkJournal stopped it): nothing.
    grow(200);
    wroteBulk(handle);
    flushNow(handle);
    await new Promise((r) => setTimeout(r, 50));
    expect(synced).toHaveLength(2);
  });

  it('does nothing for a connection never in the bulk journal (WAL mode)', async () => {
    expect(handle.pragma('journal_mode', { simple: true })).toBe('wal');
    grow(300);
    wroteBulk(handle);
    flushNow(handle);
    startEarlyFlush(handle, 1024);
    stopEarlyFlush(handle);
    wroteBulk(handle);
    await new Promise((r) => setTimeout(r, 50));
    expect(synced).toEqual([]);
  });
});

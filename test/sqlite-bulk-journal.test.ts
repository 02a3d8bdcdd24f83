/**
 * Store.transaction(fn, { bulk: true }) on SQLite: a rollback journal when the connection is alone on the
 * file (sqlite-bulk-journal.ts), WAL mode as always when another connection is open, WAL mode again after
 * it, whether the transaction commits or rolls back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/storage/migrate.js';
import { nativeSqliteOf } from '../src/storage/native-sqlite.js';
import { openDatabase } from '../src/storage/open-database.js';
import { createStore } from '../src/storage/store.js';
import type { Store } from '../src/services/ports.js';

const ORG = 'org-bulk';
const AT = '2026-11-27T00:00:00.000Z';

describe('a bulk transaction on SQLite', () => {
  let dir: string;
  let file: string;
  let store: Store;
  let handle: SQLite.Database;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-bulk-'));
    file = join(dir, 'v.db');
    const { db, dialect } = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(db, dialect);
    store = createStore(db, dialect);
    handle = nativeSqliteOf(db) as SQLite.Database;
    await store.ensureOrganization(ORG, 'Bulk', AT);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const mode = () => ({
    journal: handle.pragma('journal_mode', { simple: true }),
    synchronous: handle.pragma('synchronous', { simple: true }),
  });
  const organizations = () =>
    (handle.prepare('select count(*) as n from organization').get() as { n: number }).n;

  it('runs in a rollback journal with full syncs when alone, and is back in WAL mode after', async () => {
    expect(mode()).toEqual({ journal: 'wal', synchronous: 1 });
    const inside = await store.transaction(
      async (tx) => {
        await tx.ensureOrganization('org-2', 'Two', AT);
        return mode();
      },
      { bulk: true },
    );
    expect(inside).toEqual({ journal: 'delete', synchronous: 2 });
    expect(mode()).toEqual({ journal: 'wal', synchronous: 1 });
    expect(organizations()).toBe(2);
  });

  it('rolls back in the rollback journal: nothing written, WAL mode again', async () => {
    const failed = new Error('stop');
    await expect(
      store.transaction(
        async (tx) => {
          await tx.ensureOrganization('org-2', 'Two', AT);
          expect(mode().journal).toBe('delete');
          throw failed;
        },
        { bulk: true },
      ),
    ).rejects.toBe(failed);
    expect(mode()).toEqual({ journal: 'wal', synchronous: 1 });
    expect(organizations()).toBe(1);
  });

  it('stays in WAL mode, without waiting, when another connection is open on the file', async () => {
    const other = new SQLite(file, { readonly: true });
    try {
      other.prepare('select count(*) from organization').get();
      // Were the switch to wait for the other connection, the test would time out.
      handle.pragma('busy_timeout = 60000');
      const inside = await store.transaction(
        async (tx) => {
          await tx.ensureOrganization('org-2', 'Two', AT);
          return mode();
        },
        { bulk: true },
      );
      expect(handle.pragma('busy_timeout', { simple: true })).toBe(60000);
      expect(inside).toEqual({ journal: 'wal', synchronous: 1 });
      // The other connection sees the committed row.
      expect((other.prepare('select count(*) as n from organization').get() as { n: number }).n).toBe(2);
    } finally {
      other.close();
    }
    expect(mode()).toEqual({ journal: 'wal', synchronous: 1 });
  });

  it('a transaction without `bulk` stays in WAL mode', async () => {
    const inside = await store.transaction(async () => mode());
    expect(inside).toEqual({ journal: 'wal', synchronous: 1 });
  });

  it('a nested bulk transaction joins the outer one in its mode', async () => {
    const inner = await store.transaction((tx) => tx.transaction(async () => mode(), { bulk: true }));
    expect(inner.journal).toBe('wal');
  });
});

/**
 * SQLite: a large write done in a rollback journal instead of the write-ahead log, when this connection
 * is the only one open on the file (docs/decisions/0009-sqlite-bulk-journal.md).
 *
 * In WAL mode every page a transaction writes goes to the log, then the commit's checkpoint copies it into
 * the database and waits for the disk: a talent row (≈ 2.3 KB) is written twice. In a rollback journal the
 * pages appended to the file are written once, where they belong (only pages that existed before the
 * transaction are copied to the journal): 200,000 talents inserted with better-sqlite3 in one transaction
 * took 21–28 µs a row in WAL mode, 15–18 in a rollback journal, most of the difference in the commit.
 *
 * Leaving WAL mode needs every other connection closed; when one is open (another process, a reader
 * worker) the switch fails at once and the write runs in WAL mode as always. While the write runs in the
 * rollback journal, other connections that open the file wait for it (busy timeout), as any reader of a
 * rollback-journal database waits for a writer that spills to the file. `synchronous = FULL` meanwhile:
 * NORMAL is safe against a power cut only in WAL mode. A process killed in the middle leaves a hot journal,
 * which the next connection rolls back before anything else (nothing half-written), and openDatabase puts
 * the file back in WAL mode.
 */
import type SQLite from 'better-sqlite3';
import { startEarlyFlush, stopEarlyFlush } from './sqlite-early-flush.js';

/** What a bulk write ran in: `journal` when the switch took, `wal` when another connection was open. */
export type BulkJournal = 'journal' | 'wal';

/**
 * Switches `handle` (outside any transaction) to a rollback journal if it is alone on the file; returns what
 * it runs in now. Never waits: a busy file means another connection, and the write stays in WAL mode.
 */
export function enterBulkJournal(handle: SQLite.Database): BulkJournal {
  if (handle.memory || handle.inTransaction) return 'wal';
  const timeout = handle.pragma('busy_timeout', { simple: true }) as number;
  handle.pragma('busy_timeout = 0');
  try {
    const mode = handle.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') return 'wal';
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return 'wal';
    throw e;
  } finally {
    handle.pragma(`busy_timeout = ${timeout}`);
  }
  handle.pragma('synchronous = FULL');
  startEarlyFlush(handle);
  return 'journal';
}

/**
 * Back to WAL mode after a bulk write (committed or rolled back). A connection reading meanwhile keeps the
 * file busy: it then stays in its rollback journal, correct if less concurrent, until openDatabase finds it
 * alone again. Never throws: the write's own outcome (its commit, or its error) is what the caller reports,
 * and a file left in a rollback journal is consistent. Returns whether WAL mode is back.
 */
export function leaveBulkJournal(handle: SQLite.Database): boolean {
  stopEarlyFlush(handle);
  try {
    handle.pragma('synchronous = NORMAL');
    return handle.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  } catch {
    return false;
  }
}

/**
 * SQLite: indexes built over a table that a bulk load has just written, on the load's connection and inside
 * its transaction (deferred-keys.ts), with the other core idle meanwhile. Two things make the build and the
 * commit after it shorter (docs/decisions/0010-deferred-keys.md):
 *
 * - **The load's pages are flushed while the indexes are built.** In a rollback journal (the bulk journal,
 *   sqlite-bulk-journal.ts) the load's pages go to the file as SQLite's cache spills, and stay dirty in the
 *   operating system's cache: the kernel starts writing them back past a threshold (10 % of memory by
 *   default) or after 30 s. The commit's fsync then writes nearly all of them, after the build. An
 *   `fdatasync` of the file started on the thread pool as the build starts writes them while the build
 *   runs on this thread; the commit waits for the index pages only. Started during the load instead, the
 *   writeback took CPU from the load's threads: no gain. Durability still rests on the commit's own fsync;
 *   this one only starts early, and its outcome is ignored.
 * - **The table is read through a memory map.** CREATE INDEX reads every page of the table (≈ 2.3 GB for a
 *   million talents), one read call a page without a map; `mmap_size` maps the file (up to SQLite's limit of
 *   2 GB), for the build only, and is set back after it.
 */
import { close, fdatasync, open } from 'node:fs';
import type SQLite from 'better-sqlite3';

/** SQLite's largest map by default (SQLITE_MAX_MMAP_SIZE): larger values are lowered to it. */
const MAP_BYTES = 0x7fff0000;

/** Prepares `handle` for an index build; the returned function undoes it (call it in `finally`). */
export function beginIndexBuild(handle: SQLite.Database): () => void {
  if (handle.memory) return () => undefined;
  // In WAL mode the load's pages are in the log, not the file: nothing to flush early.
  if (handle.pragma('journal_mode', { simple: true }) !== 'wal') flushSoon(handle.name);
  const mapped = handle.pragma('mmap_size', { simple: true }) as number;
  handle.pragma(`mmap_size = ${MAP_BYTES}`);
  return () => {
    handle.pragma(`mmap_size = ${mapped}`);
  };
}

/** Starts writing the file's dirty pages to disk, on the thread pool; errors are the commit's to meet. */
function flushSoon(file: string): void {
  open(file, 'r', (err, fd) => {
    if (err) return;
    fdatasync(fd, () => close(fd, () => undefined));
  });
}

/**
 * SQLite: indexes built over a table that a bulk load has just written, on the load's connection and inside
 * its transaction (deferred-keys.ts), with the other core idle meanwhile. Three things make the build and the
 * commit after it shorter (docs/decisions/0010-deferred-keys.md):
 *
 * - **The load's pages are flushed while the indexes are built** (sqlite-early-flush.ts): the commit then
 *   waits for the index pages and the last of the load's, not for all of them.
 * - **The table is read through a memory map.** CREATE INDEX reads every page of the table (≈ 2.3 GB for a
 *   million talents), one read call a page without a map; `mmap_size` maps the file (up to SQLite's limit of
 *   2 GB).
 * - **The keys are sorted on two threads.** CREATE INDEX sorts the keys; SQLite's sorter cuts them into runs
 *   sorted by helper threads (`threads`) only when they exceed its memory, which follows the page cache: with
 *   the load's 64 MB cache a million e-mail keys are one run, sorted on this thread. A cache of 8 MB for the
 *   build makes several runs, sorted beside it (in temporary files: SQLite sorts on one thread when its
 *   temporary storage is in memory).
 *
 * All three settings are the connection's, for the build only, and set back after it. Measured on a million
 * talents (the two indexes of the talent table): 2.4 s to build without them, 1.25 s with them.
 */
import type SQLite from 'better-sqlite3';
import { flushNow } from './sqlite-early-flush.js';

/** SQLite's largest map by default (SQLITE_MAX_MMAP_SIZE): larger values are lowered to it. */
const MAP_BYTES = 0x7fff0000;
/** The page cache during the build, in KiB (negative: a size, not pages), which bounds a sorted run. */
const BUILD_CACHE = -8192;
/** Helper threads for the sort: more did not help on two cores. */
const SORT_THREADS = 2;

/** Prepares `handle` for an index build; the returned function undoes it (call it in `finally`). */
export function beginIndexBuild(handle: SQLite.Database): () => void {
  if (handle.memory) return () => undefined;
  flushNow(handle);
  const before = ['mmap_size', 'cache_size', 'threads'].map(
    (p) => [p, handle.pragma(p, { simple: true }) as number] as const,
  );
  handle.pragma(`mmap_size = ${MAP_BYTES}`);
  handle.pragma(`cache_size = ${BUILD_CACHE}`);
  handle.pragma(`threads = ${SORT_THREADS}`);
  return () => {
    for (const [p, v] of before) handle.pragma(`${p} = ${v}`);
  };
}

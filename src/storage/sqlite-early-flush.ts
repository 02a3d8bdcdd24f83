/**
 * SQLite in the bulk journal (sqlite-bulk-journal.ts): the pages a large load writes are sent to disk while
 * it runs, not all at its commit.
 *
 * In a rollback journal a load's pages go to the file as SQLite's cache spills, and stay dirty in the
 * operating system's cache: the kernel starts writing them back past a threshold (by default 10 % of the
 * memory, more than the 2.3 GB of a million talents on a 24 GB machine) or after 30 s. The commit's fsync
 * then wrote nearly all of them: ≈ 0.8 s at a million talents, with nothing else to do meanwhile. Here an
 * `fdatasync` of the file is started on the thread pool each time the load has grown the database by
 * FLUSH_BYTES, and once more as its indexes are built (sqlite-index-build.ts); the commit's fsync is then
 * left with the last pages. Flushing every half second instead took about as much from the load (its
 * threads share the cores with the writeback) as it saved at the commit.
 *
 * Durability rests on the commit's own fsync as before: these only start the writing early, and their
 * outcome is ignored (an error would be the commit's to meet).
 */
import { close, fdatasync, open } from 'node:fs';
import type SQLite from 'better-sqlite3';

/**
 * Growth of the database between two flushes. A million talents, alternated: commit 0.65–0.76 s without
 * early flushes, 0.08 s with them (every 512 MiB or 1 GiB); the whole import 19.1–19.7 s, 19.0–19.4 s with
 * 1 GiB, 19.3–20.3 s with 512 MiB (more flushes, more taken from the load).
 */
const FLUSH_BYTES = 1024 * 1024 * 1024;

interface Flushing {
  /** The database's size when the last flush started. */
  flushedAt: number;
  every: number;
  running: boolean;
  /** Asked for while one ran: another starts when it ends. */
  again: boolean;
}

/** The connections in the bulk journal, and their flushes. */
const flushing = new WeakMap<SQLite.Database, Flushing>();

/** `handle` is in the bulk journal from now on (until stopEarlyFlush); `every`: tests only. */
export function startEarlyFlush(handle: SQLite.Database, every = FLUSH_BYTES): void {
  flushing.set(handle, { flushedAt: sizeOf(handle), every, running: false, again: false });
}

export function stopEarlyFlush(handle: SQLite.Database): void {
  flushing.delete(handle);
}

/** After a bulk write: a flush started when the database grew `every` bytes since the last one began. */
export function wroteBulk(handle: SQLite.Database): void {
  const f = flushing.get(handle);
  if (!f || f.running) return;
  const size = sizeOf(handle);
  if (size - f.flushedAt < f.every) return;
  startFlush(handle, f, size);
}

/**
 * A flush started now, or as soon as the running one ends (it may have begun before the last pages were
 * written). Nothing outside the bulk journal: in WAL mode the pages are in the log.
 */
export function flushNow(handle: SQLite.Database): void {
  const f = flushing.get(handle);
  if (!f) return;
  if (f.running) f.again = true;
  else startFlush(handle, f, sizeOf(handle));
}

const sizeOf = (handle: SQLite.Database): number =>
  (handle.pragma('page_count', { simple: true }) as number) *
  (handle.pragma('page_size', { simple: true }) as number);

function startFlush(handle: SQLite.Database, f: Flushing, size: number): void {
  f.flushedAt = size;
  f.running = true;
  const done = () => {
    f.running = false;
    // The size is not read again: the connection may be busy or closed by then, and the file is what counts.
    if (f.again && flushing.get(handle) === f) {
      f.again = false;
      startFlush(handle, f, f.flushedAt);
    }
  };
  open(handle.name, 'r', (err, fd) => {
    if (err) return done();
    fdatasync(fd, () => close(fd, done));
  });
}

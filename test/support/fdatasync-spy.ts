/**
 * A spy on `fs.fdatasync` for the tests of SQLite's early flushes (src/storage/sqlite-early-flush.ts): it
 * records the inode of each descriptor synced, and can hold calls back so that a test sees one running.
 * A test file installs it with
 *   vi.mock('node:fs', async (real) => (await import('./support/fdatasync-spy.js')).spyingFs(await real()));
 */
import type * as Fs from 'node:fs';

export const fdatasyncSpy = {
  /** The inode of each descriptor fdatasync was called on, in order. */
  synced: [] as number[],
  /** While true, calls wait in `held` until the test runs them. */
  hold: false,
  held: [] as (() => void)[],
  reset(): void {
    this.synced.length = 0;
    this.hold = false;
    this.held = [];
  },
};

/** `real` with its fdatasync spied on. */
export function spyingFs(real: typeof Fs): typeof Fs {
  return {
    ...real,
    fdatasync: (fd: number, cb: (err: NodeJS.ErrnoException | null) => void) => {
      fdatasyncSpy.synced.push(real.fstatSync(fd).ino);
      const run = () => real.fdatasync(fd, cb);
      if (fdatasyncSpy.hold) fdatasyncSpy.held.push(run);
      else run();
    },
  } as typeof Fs;
}

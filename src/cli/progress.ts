import { performance } from 'node:perf_hooks';
import type { CliIo } from './io.js';

export interface ProgressUpdate {
  /** What is being done ('read', 'write'…); a new phase restarts the rate and ETA. */
  phase: string;
  /** The file or item at hand, shown after the figures. */
  item: string;
  done: number;
  total: number;
  unit: 'bytes' | 'rows';
}

export interface ProgressDisplay {
  update(p: ProgressUpdate): void;
  /** Ends the display (clears the bar on a terminal). */
  finish(): void;
}

const fmt = (n: number, unit: ProgressUpdate['unit']): string => {
  if (unit === 'bytes') {
    if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
    if (n >= 1e3) return `${(n / 1e3).toFixed(0)} kB`;
    return `${n} B`;
  }
  return n >= 1e4 ? `${(n / 1e3).toFixed(0)}k` : String(Math.round(n));
};

const duration = (s: number): string =>
  !Number.isFinite(s)
    ? '?'
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`
      : `${Math.ceil(s)}s`;

/**
 * Progress on stderr: on a terminal, one bar redrawn in place with rate and ETA; otherwise (a pipe, a log,
 * CI) a plain line when a phase starts, every few seconds, and when it ends.
 */
export function progressDisplay(io: CliIo, enabled = true): ProgressDisplay {
  if (!enabled) return { update: () => {}, finish: () => {} };
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let phase = '';
  let started = 0;
  let lastDraw = 0;
  let drawn = false;
  let lastFinished = '';
  const describe = (p: ProgressUpdate, now: number) => {
    const elapsed = (now - started) / 1000;
    const rate = elapsed > 0 ? p.done / elapsed : 0;
    const eta = rate > 0 ? (p.total - p.done) / rate : Infinity;
    const pct = p.total > 0 ? Math.min(100, (100 * p.done) / p.total) : 100;
    return { rate, eta, pct };
  };
  return {
    update(p) {
      const now = performance.now();
      if (p.phase !== phase) {
        if (tty && drawn) io.stderr.write('\n');
        phase = p.phase;
        started = now;
        lastDraw = 0;
        if (!tty) io.stderr.write(`${p.phase}: ${fmt(p.total, p.unit)} to go\n`);
      }
      const complete = p.done >= p.total;
      if (!complete && now - lastDraw < (tty ? 100 : 3000)) return;
      lastDraw = now;
      const { rate, eta, pct } = describe(p, now);
      const figures = `${pct.toFixed(0).padStart(3)}% ${fmt(p.done, p.unit)}/${fmt(p.total, p.unit)} ${fmt(rate, p.unit)}/s ETA ${duration(complete ? 0 : eta)}`;
      if (tty) {
        const width = 24;
        const full = Math.round((width * pct) / 100);
        const bar = '█'.repeat(full) + '░'.repeat(width - full);
        io.stderr.write(`\r\x1b[2K${p.phase.padEnd(5)} ${bar} ${figures} ${p.item}`.slice(0, 160));
        drawn = true;
      } else if (!complete || lastFinished !== p.phase) {
        io.stderr.write(`${p.phase}: ${figures} ${p.item}\n`);
        if (complete) lastFinished = p.phase;
      }
    },
    finish() {
      if (tty && drawn) io.stderr.write('\n');
      drawn = false;
    },
  };
}

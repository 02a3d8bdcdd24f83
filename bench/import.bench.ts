/**
 * Benchmark `import`: the native JSONL import of a large pool into SQLite and (when 127.0.0.1:5432
 * answers) PostgreSQL, and the CV path on a generated two-page PDF.
 *
 * The JSONL file is written to a temporary directory from the demo generator (`generateDemo`, called
 * chunk by chunk with a seed per chunk and ids renumbered), each talent topped up to 20 skills from the
 * taxonomy so the rows per talent match a real profile (≈ 3.8 KB of JSON a line). Each import goes through
 * ImportService exactly as `vivier import talents` does: streamed, one transaction, the file read by one
 * worker thread per core while this thread writes (decisions/0007), in the compiled modules the command
 * runs (compiled.ts builds them first). Reported: talents/s for the whole command, per wall second and per
 * CPU second of this process, its reader threads included (process.cpuUsage: on a shared machine the wall
 * clock also counts other processes), on PostgreSQL the server's CPU a talent beside it (pg-server-cpu.ts,
 * where the server runs on this machine), the same for a second import of the same file (all unchanged),
 * the peak RSS growth during the import (streaming: it does not grow with the file), and the whole pool
 * read back with TalentStore.streamAll. The machine's load average is reported beside them.
 * Targets: SQLite ≥ 50,000 talents/s and 1,000,000 in under a minute, PostgreSQL ≥ 20,000 talents/s, a CV
 * < 300 ms.
 *
 *   npx tsx bench/import.bench.ts [--json] [--talents N] [--no-pg] [--cv-runs N]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Context } from '../src/main/create-context.js';
import { DEFAULT_ORG } from '../src/services/ports.js';
import { CV_PAGES, pdf } from '../test/support/fixtures.js';

import { compiled, type Compiled } from './compiled.js';
import { pgServerCpuMs } from './pg-server-cpu.js';
import { poolLines } from './pool-lines.js';
import type { BenchResult } from './run.js';

const SUITE = 'import';
const PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Writes `n` demo talents (20 skills each) as JSONL; returns the file's size. */
export async function writePool(file: string, n: number): Promise<number> {
  const out = await open(file, 'w');
  for (const lines of poolLines(n)) await out.write(lines.join('\n') + '\n');
  // On disk before the imports start, as a file to import would be: otherwise the kernel writes the
  // 3.6 GB back during the first import, on the cores the import is measured on.
  await out.sync();
  await out.close();
  return statSync(file).size;
}

function pgAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.setTimeout(500);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('timeout', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(false));
    s.connect(5432, '127.0.0.1');
  });
}

async function timedImport(
  ctx: Context,
  fileSource: Compiled['fileSource'],
  file: string,
  /** CPU ms of the database server's processes so far, or null where it cannot be read. */
  serverCpu: () => number | null,
): Promise<{
  ms: number;
  cpuMs: number;
  /** The server's CPU during the import, null where it cannot be read (SQLite has none). */
  serverCpuMs: number | null;
  rssGrowthMb: number;
  summary: { inserted: number; unchanged: number };
}> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const server0 = serverCpu();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const summary = await ctx.services.imports.import(fileSource(file), { kind: 'talents', format: 'jsonl' });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const server1 = serverCpu();
  const serverCpuMs = server0 === null || server1 === null ? null : server1 - server0;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, cpuMs, serverCpuMs, rssGrowthMb: (peak - base) / 1024 / 1024, summary };
}

/** Reads the whole pool back with streamAll in its default batches (the matching index's loader), timed. */
async function timedStream(ctx: Context, n: number): Promise<{ ms: number; cpuMs: number }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let read = 0;
  for await (const batch of ctx.store.talents.streamAll(DEFAULT_ORG)) read += batch.length;
  const cpu = process.cpuUsage(cpu0);
  if (read !== n) throw new Error(`streamAll read ${read} of ${n}`);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const loadNow = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

async function importRuns(
  label: string,
  ctx: Context,
  fileSource: Compiled['fileSource'],
  file: string,
  n: number,
  peers: { rate: string; time?: string },
  serverCpu: () => number | null = () => null,
): Promise<BenchResult[]> {
  const load = loadNow();
  const first = await timedImport(ctx, fileSource, file, serverCpu);
  if (first.summary.inserted !== n) throw new Error(`${label}: inserted ${first.summary.inserted} of ${n}`);
  const again = await timedImport(ctx, fileSource, file, serverCpu);
  if (again.summary.unchanged !== n)
    throw new Error(`${label}: ${again.summary.unchanged} of ${n} unchanged`);
  const read = await timedStream(ctx, n);
  const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000));
  // Beside the process's own CPU, the server's (a local PostgreSQL): on two cores they compete.
  const serverRow = (run: { serverCpuMs: number | null }, what: string): BenchResult[] =>
    run.serverCpuMs === null
      ? []
      : [
          {
            suite: SUITE,
            name: `jsonl → ${label}, server CPU per ${what}`,
            value: Math.round(((run.serverCpuMs * 1000) / n) * 10) / 10,
            unit: 'µs',
            n,
          },
        ];
  return [
    {
      suite: SUITE,
      name: `jsonl → ${label}, new talents`,
      value: perSecond(n, first.ms),
      unit: 'talents/s',
      peer: peers.rate,
      n,
    },
    {
      suite: SUITE,
      name: `jsonl → ${label}, total time`,
      value: Math.round(first.ms) / 1000,
      unit: 's',
      ...(peers.time ? { peer: peers.time } : {}),
      n,
    },
    {
      // Load-independent: talents per second of this process's CPU (on PostgreSQL the server's is reported
      // below). No peer: the targets are per second of wall-clock time.
      suite: SUITE,
      name: `jsonl → ${label}, new talents per CPU-second`,
      value: perSecond(n, first.cpuMs),
      unit: 'talents/cpu-s',
      n,
    },
    ...serverRow(first, 'new talent'),
    ...serverRow(again, 're-imported talent'),
    {
      suite: SUITE,
      name: `jsonl → ${label}, re-import (all unchanged)`,
      value: perSecond(n, again.ms),
      unit: 'talents/s',
      n,
    },
    {
      suite: SUITE,
      name: `jsonl → ${label}, re-import per CPU-second`,
      value: perSecond(n, again.cpuMs),
      unit: 'talents/cpu-s',
      n,
    },
    {
      suite: SUITE,
      name: `jsonl → ${label}, peak RSS growth`,
      value: Math.round(first.rssGrowthMb),
      unit: 'MB',
      n,
    },
    {
      suite: SUITE,
      name: `${label}: read every talent (streamAll)`,
      value: perSecond(n, read.ms),
      unit: 'talents/s',
      n,
    },
    {
      suite: SUITE,
      name: `${label}: read every talent (streamAll) per CPU-second`,
      value: perSecond(n, read.cpuMs),
      unit: 'talents/cpu-s',
      n,
    },
    // The machine is shared: its 1-minute load average when the import started, and after the reads.
    { suite: SUITE, name: `${label}: load average (1 min) at start`, value: load, unit: 'load' },
    { suite: SUITE, name: `${label}: load average (1 min) at end`, value: loadNow(), unit: 'load' },
  ];
}

export async function runImportBench(
  options: { talents?: number; pg?: boolean; cvRuns?: number } = {},
): Promise<BenchResult[]> {
  const n = options.talents ?? 1_000_000;
  const { envToConfig, createContext, fileSource } = await compiled();
  const dir = mkdtempSync(join(tmpdir(), 'vivier-bench-import-'));
  const results: BenchResult[] = [];
  try {
    const file = join(dir, 'talents.jsonl');
    let t0 = performance.now();
    const bytes = await writePool(file, n);
    results.push({
      suite: SUITE,
      name: 'generate the JSONL file',
      value: Math.round(performance.now() - t0) / 1000,
      unit: 's',
      n,
    });
    results.push({
      suite: SUITE,
      name: 'JSONL file size',
      value: Math.round(bytes / 1024 / 1024),
      unit: 'MB',
      n,
    });

    const sqlite = await createContext(
      envToConfig({ LOG_LEVEL: 'silent' }, { dbFile: join(dir, 'bench.db') }),
    );
    try {
      results.push(
        ...(await importRuns('SQLite', sqlite, fileSource, file, n, {
          rate: 'target ≥ 50,000/s',
          time: 'target < 60 s at 1,000,000',
        })),
      );
    } finally {
      await sqlite.close();
    }

    if (options.pg !== false && (await pgAnswers())) {
      const schema = `bench_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      try {
        const url = new URL(PG_URL);
        url.searchParams.set('options', `-c search_path=${schema}`);
        const ctx = await createContext(envToConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' }));
        try {
          results.push(
            ...(await importRuns(
              'PostgreSQL',
              ctx,
              fileSource,
              file,
              n,
              { rate: 'target ≥ 20,000/s' },
              pgServerCpuMs,
            )),
          );
        } finally {
          await ctx.close();
        }
      } finally {
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    }

    // A two-page CV as a PDF: the first read (pdf.js loaded) and the steady state.
    const cvCtx = await createContext(envToConfig({ LOG_LEVEL: 'silent' }, { dbFile: join(dir, 'cv.db') }));
    try {
      const bytes2 = await pdf(CV_PAGES.map((p) => [...p, ...p, ...p]));
      const runs = options.cvRuns ?? 30;
      t0 = performance.now();
      await cvCtx.services.cv.draft('cv.pdf', bytes2);
      const cold = performance.now() - t0;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await cvCtx.services.cv.draft('cv.pdf', bytes2);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const p50 = times[Math.floor(times.length / 2)] ?? NaN;
      const p95 = times[Math.floor(times.length * 0.95)] ?? NaN;
      results.push(
        {
          suite: SUITE,
          name: 'CV, two-page PDF → draft, first (loads pdf.js)',
          value: Math.round(cold),
          unit: 'ms',
        },
        {
          suite: SUITE,
          name: 'CV, two-page PDF → draft, p50',
          value: Math.round(p50 * 10) / 10,
          unit: 'ms',
          peer: 'target < 300 ms',
          n: runs,
        },
        {
          suite: SUITE,
          name: 'CV, two-page PDF → draft, p95',
          value: Math.round(p95 * 10) / 10,
          unit: 'ms',
          n: runs,
        },
      );
    } finally {
      await cvCtx.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

const argv = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const results = await runImportBench({
    talents: arg('--talents'),
    pg: !argv.includes('--no-pg'),
    cvRuns: arg('--cv-runs'),
  });
  for (const r of results) {
    if (argv.includes('--json')) console.log(JSON.stringify(r));
    else
      console.log(
        `${r.name.padEnd(52)} ${String(r.value).padStart(12)} ${r.unit}${r.peer ? `   (${r.peer})` : ''}`,
      );
  }
}

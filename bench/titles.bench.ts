/**
 * Benchmark `titles`: job title → occupation linking (src/core/occupations/link-titles.ts) with the
 * built-in roles and the full ESCO v1.1.1 (EN+FR occupations and labels) imported by the import service
 * into a temporary SQLite database, as `vivier taxonomy import esco` does; on the MELO query titles of
 * ../shared/evaldata (France, USA and Belgium halves, about 1,200 titles; read, never copied).
 *
 * Reported: the linker's build (occupations loaded from storage, then the index built) and its memory
 * (typed arrays, exact; heap growth, approximate), then throughput of `linkTitle` — one pass over the
 * distinct titles, and the titles repeated to N — in titles per second of wall time and per CPU second
 * (process.cpuUsage: the machine may be shared, so the load average is reported too), for the CLI's
 * default top 20 and the evaluation's top 100; and the `vivier occupations link --jsonl` path end to
 * end, in process (JSON parsed and written per line), from its first output line to its last.
 * Target: ≥ 20,000 titles/s.
 *
 *   npm run bench -- titles [--titles N] [--titles-db <SQLite file with ESCO imported>] [--json]
 *   npx tsx bench/titles.bench.ts [--titles N] [--db <file>] [--json]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/main.js';
import { envToConfig } from '../src/config/env-to-config.js';
import { buildTitleLinker, linkTitle, type TitleLinker } from '../src/core/occupations/link-titles.js';
import { BUILTIN_ROLES } from '../src/core/taxonomy/data/roles.js';
import { createContext } from '../src/main/create-context.js';
import { builtinRoleConcepts } from '../src/services/occupation.service.js';
import type { BenchResult } from './run.js';

const SUITE = 'titles';
const DATA = fileURLToPath(new URL('../../shared/evaldata/', import.meta.url));
const ESCO = join(DATA, 'esco-v1.1.1');
const MELO = join(DATA, 'melo-occupation-linking');
const MELO_SETS = ['fra_q_fr_c_fr', 'usa_q_en_c_en', 'bel_q_fr_c_fr'];
const TARGET = 'target ≥ 20,000';

export interface TitlesBenchOptions {
  /** Titles linked per repeated measure (default 40,000). */
  titles?: number;
  /** A SQLite database where ESCO is already imported (skips the import). */
  db?: string;
  log?: (line: string) => void;
}

/** The MELO query titles, or null when the folder is absent. */
function meloTitles(): string[] | null {
  if (!existsSync(MELO)) return null;
  const titles: string[] = [];
  for (const set of MELO_SETS) {
    const file = join(MELO, set, 'queries.tsv');
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const title = line.split('\t')[1];
      if (title) titles.push(title);
    }
  }
  return titles.length ? titles : null;
}

/** Bytes of the typed arrays reachable from `root` (each buffer once). */
function typedBytes(root: unknown): number {
  const buffers = new Set<ArrayBufferLike>();
  const seen = new Set<unknown>();
  const visit = (v: unknown) => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) return void buffers.add(v.buffer);
    if (v instanceof Map) for (const x of v.values()) visit(x);
    else if (Array.isArray(v)) {
      // Arrays of strings or numbers hold no typed array: skip them quickly.
      if (v.length > 0 && typeof v[0] === 'object') for (const x of v) visit(x);
    } else for (const x of Object.values(v)) visit(x);
  };
  visit(root);
  let n = 0;
  for (const b of buffers) n += b.byteLength;
  return n;
}

interface Rate {
  wall: number;
  cpu: number;
}

function measure(linker: TitleLinker, titles: readonly string[], n: number, top: number): Rate {
  let sink = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) sink += linkTitle(linker, titles[i % titles.length]!, top).length;
  const c = process.cpuUsage(c0);
  const wall = (performance.now() - t0) / 1000;
  if (sink < 0) throw new Error('unreachable');
  return { wall: Math.round(n / wall), cpu: Math.round(n / ((c.user + c.system) / 1e6)) };
}

/** `vivier occupations link --jsonl` in process: titles per second between the first and last output line. */
async function jsonlRate(db: string, titles: readonly string[], n: number): Promise<number> {
  const lines = Array.from(
    { length: n },
    (_, i) => `${JSON.stringify({ id: i, text: titles[i % titles.length] })}\n`,
  );
  const out = new PassThrough();
  const err = new PassThrough();
  let first = 0;
  let last = 0;
  let count = 0;
  out.on('data', (chunk: Buffer) => {
    const now = performance.now();
    if (first === 0) first = now;
    last = now;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) count++;
  });
  let stderr = '';
  err.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await runCli(['--db', db, 'occupations', 'link', '--jsonl', '--top', '20'], {
    stdin: Readable.from(lines),
    stdout: out,
    stderr: err,
    env: {},
  });
  if (code !== 0 || count !== n) throw new Error(`occupations link --jsonl: exit ${code} ${stderr.trim()}`);
  return Math.round((n - 1) / ((last - first) / 1000));
}

export async function runTitlesBench(options: TitlesBenchOptions = {}): Promise<BenchResult[]> {
  const log = options.log ?? (() => {});
  const n = options.titles ?? 40_000;
  const rows: BenchResult[] = [];
  const row = (name: string, value: number, unit: string, extra: Partial<BenchResult> = {}) =>
    rows.push({ suite: SUITE, name, value, unit, ...extra });
  if (!options.db && !existsSync(ESCO)) {
    log(`titles: ${ESCO} is absent: ESCO cannot be imported, nothing measured`);
    row(`skipped: no ESCO download at ${ESCO}`, 0, '-');
    return rows;
  }
  const melo = meloTitles();
  const titles = melo ?? BUILTIN_ROLES.flatMap((r) => [r.en, r.fr]);
  const source = melo ? 'MELO query titles' : 'MELO absent: built-in role titles';
  if (!melo) log(`titles: ${MELO} is absent: measuring on the built-in roles' titles instead`);

  const tmp = options.db ? null : mkdtempSync(join(tmpdir(), 'vivier-titles-'));
  const db = options.db ?? join(tmp!, 'titles.db');
  try {
    const ctx = await createContext(envToConfig({}, { dbFile: db }));
    try {
      if (tmp) {
        log('titles: importing ESCO (EN+FR) into a temporary database…');
        const t0 = performance.now();
        await ctx.services.escoImport.import(ESCO);
        row('ESCO import (setup, not linking)', Math.round(performance.now() - t0), 'ms');
      }
      const t1 = performance.now();
      const stored = await ctx.store.esco.loadOccupations();
      const loadMs = performance.now() - t1;
      const concepts = [...builtinRoleConcepts(), ...stored];
      const heap0 = process.memoryUsage().heapUsed;
      const t2 = performance.now();
      const linker = buildTitleLinker(concepts);
      const buildMs = performance.now() - t2;
      const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
      row('occupations loaded from storage', Math.round(loadMs), 'ms', { n: concepts.length });
      row('linker build', Math.round(buildMs), 'ms', { n: linker.formCount, peer: 'n = surface forms' });
      row('linker typed arrays', Math.round(typedBytes(linker) / 1e5) / 10, 'MB');
      row('heap growth during build (approx.)', Math.round(heapMb * 10) / 10, 'MB');

      // Warm up (JIT, and the collection of what the build left), then one pass over the distinct
      // titles, then the titles repeated to n.
      measure(linker, titles, 5000, 20);
      const once = measure(linker, titles, titles.length, 20);
      row('linkTitle top 20, distinct titles once', once.wall, 'titles/s', {
        n: titles.length,
        peer: `${once.cpu} per CPU-s; ${source}`,
      });
      for (const top of [20, 100]) {
        const r = measure(linker, titles, n, top);
        row(`linkTitle top ${top}, wall`, r.wall, 'titles/s', { n, peer: TARGET });
        row(`linkTitle top ${top}, per CPU second`, r.cpu, 'titles/s', { n, peer: TARGET });
      }
    } finally {
      await ctx.close();
    }
    const jsonl = await jsonlRate(db, titles, Math.min(n, 20_000));
    row('occupations link --jsonl, in process', jsonl, 'titles/s', {
      n: Math.min(n, 20_000),
      peer: 'wall, first to last line',
    });
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
  row('load average (1 min) at the end', Math.round(loadavg()[0]! * 100) / 100, 'load', {
    peer: 'shared machine: wall rates fall with load',
  });
  return rows;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const rows = await runTitlesBench({
    titles: opt('--titles') === undefined ? undefined : Number(opt('--titles')),
    db: opt('--db'),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (args.includes('--json')) for (const r of rows) console.log(JSON.stringify(r));
  else
    for (const r of rows)
      console.log(
        `  ${r.name.padEnd(44)} ${String(r.value).padStart(9)} ${r.unit}${r.peer ? `  (${r.peer})` : ''}`,
      );
}

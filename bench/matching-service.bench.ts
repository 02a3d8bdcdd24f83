/**
 * Benchmark `matching-service`: matching through MatchingService on a SQLite file, as `vivier serve` runs
 * it. The matching bench's generated pool (generate-pool.ts: 15–25 skills a talent, levels 1–5, full
 * profiles) is written to a temporary database as talents, with its 200 generated projects and their
 * filters; then:
 * - build: the first query's index build from storage (`talents.streamCandidates` in batches, each
 *   candidate added to `TalentIndex.builder` as it comes), wall clock and CPU, beside bare reads of the
 *   pool from storage: as candidates (the build's own read, the share of the build that is storage) and
 *   as whole Talents (`streamAll`, the read the build made before);
 * - queries: `matchProject` (project read, weights, exact top 50 with filters, counterfactuals of the
 *   top 50), p50/p95 wall clock and CPU per query, with and without counterfactuals;
 * - update visible: a talent rewritten in this process (ImportService, one JSONL record) until the next
 *   ranking shows it; rewritten by another process (another wiring on the same file), the reader's next
 *   query once its journal check is due (checked on every query here: the 1 s interval bounds the wait,
 *   this is the cost), for one talent and for an import batch of 5,000.
 *
 *   npm run bench -- matching-service [--service-talents N] [--service-projects N] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { envToConfig } from '../src/config/env-to-config.js';
import type { Candidate } from '../src/core/matching/types.js';
import type { Project, Talent } from '../src/core/model.js';
import { createContext, wireServices } from '../src/main/create-context.js';
import { textSource } from '../src/services/import-readers.js';
import { MatchingService } from '../src/services/matching.service.js';
import { DEFAULT_ORG } from '../src/services/ports.js';
import { generatePool, generateProjects, type BenchQuery } from './generate-pool.js';
import type { BenchResult } from './run.js';

const SUITE = 'matching-service';
const TOP = 50;
const POOL_SEED = 1;
const PROJECT_SEED = 7;
const WRITE_BATCH = 5000;
const UPDATES = 20;
const AT = '2026-01-15T10:00:00.000Z';

export interface MatchingServiceBenchOptions {
  talents?: number;
  projects?: number;
  log?: (line: string) => void;
}

function getGc(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function heapBytes(gc: () => void): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};
/**
 * Seconds the main thread's event loop was busy since `since`: on a SQLite file the pool is read by a
 * worker thread (candidate-reader.worker.ts), whose CPU process.cpuUsage counts with the main thread's.
 */
const mainBusyS = (since: EventLoopUtilization) =>
  round(performance.eventLoopUtilization(since).active / 1000);

const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A generated candidate as a stored talent (what ranking does not read is left empty). */
export function toTalent(c: Candidate): Talent {
  return {
    id: c.id,
    externalId: null,
    source: c.source,
    name: c.name,
    email: null,
    phone: null,
    headline: '',
    occupationId: null,
    location: c.location,
    remote: c.remote,
    languages: [...c.languages],
    dailyCost: c.dailyCost,
    skills: c.skills.map((s) => ({ ...s, years: null, lastUsed: null, evidenceDetail: null })),
    industries: [...c.industries],
    functions: [...c.functions],
    availability: c.availability.map((w) => ({ ...w })),
    missions: c.missions.map((m) => ({
      title: 'Mission',
      organization: null,
      start: '2024-01-01',
      end: null,
      industry: m.industry,
      businessFunction: m.businessFunction,
      skills: [],
      outcome: m.outcome,
    })),
    consentAt: null,
    retainUntil: null,
  };
}

function toProject(q: BenchQuery, i: number): Project {
  const p = q.project;
  return {
    id: `prj-${String(i + 1).padStart(4, '0')}`,
    externalId: null,
    name: `Project ${i + 1}`,
    brief: '',
    industry: p.industry,
    businessFunction: p.businessFunction,
    archetype: 'prediction',
    status: 'staffing',
    statusHistory: [{ status: 'staffing', at: '2025-01-01' }],
    outcome: null,
    startDate: p.startDate,
    endDate: p.endDate,
    budget: p.budget,
    language: 'en',
    requirements: [...p.requirements],
    roles: [...p.roles],
    dataSensitivity: 'internal',
    buildOrBuy: 'build',
    businessOutcome: null,
    processOwner: null,
    securityOwner: null,
    dataSources: [],
  };
}

export async function runMatchingServiceBench(
  options: MatchingServiceBenchOptions = {},
): Promise<BenchResult[]> {
  const n = options.talents ?? 100_000;
  const nProjects = options.projects ?? 200;
  if (!(n >= 100) || !(nProjects >= 20)) throw new RangeError('talents must be ≥ 100, projects ≥ 20');
  const log = options.log ?? (() => undefined);
  const label = n >= 1_000_000 ? `${n / 1_000_000}M` : `${Math.round(n / 1000)}k`;
  const rows: BenchResult[] = [];
  const row = (name: string, value: number, unit: string, extra: Partial<BenchResult> = {}) =>
    rows.push({ suite: SUITE, name: `${label}: ${name}`, value, unit, ...extra });
  const gc = getGc();
  const load0 = loadavg()[0] as number;
  const dir = mkdtempSync(join(tmpdir(), 'vivier-matching-service-'));
  const config = envToConfig({}, { dbFile: join(dir, 'bench.db') });
  const ctx = await createContext(config);
  try {
    // The data, written straight to storage (the raw store: no journal, nobody listens yet).
    const { taxonomy } = await ctx.services.taxonomy.get();
    log(`${SUITE} ${label}: generating and writing ${n} talents`);
    let pool: Candidate[] | null = generatePool(taxonomy, n, POOL_SEED);
    let held = 0;
    for (let from = 0; from < n; from += WRITE_BATCH) {
      const part = pool.slice(from, from + WRITE_BATCH).map(toTalent);
      for (const t of part) held += t.skills.length;
      await ctx.store.transaction((tx) => tx.imports.writeTalents(DEFAULT_ORG, part, AT));
    }
    pool = null;
    const queries = generateProjects(taxonomy, nProjects, PROJECT_SEED);
    const projects = queries.map(toProject);
    await ctx.store.projects.upsertMany(DEFAULT_ORG, projects, AT);
    row('skills a talent (mean)', round(held / n, 1), 'skills', { n });

    // Storage alone: the stream the build reads, and whole Talents for comparison (default batches).
    log(`${SUITE} ${label}: reading the pool`);
    let t0 = performance.now();
    let c0 = process.cpuUsage();
    let e0 = performance.eventLoopUtilization();
    let read = 0;
    for await (const batch of ctx.store.talents.streamCandidates(DEFAULT_ORG)) read += batch.length;
    row(
      'read pool from storage as candidates (streamCandidates)',
      round((performance.now() - t0) / 1000),
      's',
      {
        peer: `CPU ${round(cpuMs(c0) / 1000)} s (all threads), main thread busy ${mainBusyS(e0)} s`,
        n: read,
      },
    );
    t0 = performance.now();
    c0 = process.cpuUsage();
    read = 0;
    for await (const batch of ctx.store.talents.streamAll(DEFAULT_ORG)) read += batch.length;
    row('read pool from storage as Talents (streamAll)', round((performance.now() - t0) / 1000), 's', {
      peer: `CPU ${round(cpuMs(c0) / 1000)} s`,
      n: read,
    });

    // The first query's build.
    log(`${SUITE} ${label}: building the index from storage`);
    const matching = ctx.services.matching;
    const heap0 = heapBytes(gc);
    t0 = performance.now();
    c0 = process.cpuUsage();
    e0 = performance.eventLoopUtilization();
    const index = await matching.freshIndex(DEFAULT_ORG);
    const buildS = (performance.now() - t0) / 1000;
    row('index build from storage', round(buildS), 's', {
      peer: `CPU ${round(cpuMs(c0) / 1000)} s (all threads), main thread busy ${mainBusyS(e0)} s; target ≤ 20 s at 1M`,
      n: index.size,
    });
    row('build rate', Math.round(index.size / buildS), 'talents/s');
    row('index typed arrays per talent', round(index.stats().typedArrayBytes / index.size, 1), 'B');
    row('heap growth per talent (index kept)', round((heapBytes(gc) - heap0) / index.size, 1), 'B');

    // Queries through the service.
    const runQueries = async (counterfactuals: number) => {
      for (let i = 0; i < 10; i++)
        await matching.matchProject(projects[i]!.id, { top: TOP, filters: queries[i]!.filters });
      const ms: number[] = [];
      let found = 0;
      const cpu = process.cpuUsage();
      for (let i = 0; i < projects.length; i++) {
        const t = performance.now();
        const r = await matching.matchProject(projects[i]!.id, {
          top: TOP,
          filters: queries[i]!.filters,
          counterfactuals,
        });
        ms.push(performance.now() - t);
        found += r.matches.length;
      }
      return { ms, cpuPerQuery: cpuMs(cpu) / projects.length, found: found / projects.length };
    };
    log(`${SUITE} ${label}: ${projects.length} queries, twice`);
    for (const cf of [3, 0]) {
      const q = await runQueries(cf);
      const what = cf > 0 ? `top ${TOP} + ${cf} counterfactuals` : `top ${TOP}, no counterfactuals`;
      row(`query p50 (${what})`, round(quantile(q.ms, 0.5)), 'ms', { n: q.ms.length });
      row(`query p95 (${what})`, round(quantile(q.ms, 0.95)), 'ms', {
        peer: `CPU ${round(q.cpuPerQuery)} ms a query (mean); ${round(q.found, 1)} matches a query`,
        n: q.ms.length,
      });
    }

    // Update visible, in this process: rewrite a talent into an expert of project 0, then rank.
    const target = projects[0]!;
    const expertOf = (t: Talent, p: Project): Talent => ({
      ...t,
      skills: [
        ...t.skills.filter((s) => !p.requirements.some((r) => r.skillId === s.skillId)),
        ...p.requirements.map((r) => ({
          skillId: r.skillId,
          level: 5,
          evidence: 'mission',
          years: null,
          lastUsed: null,
          evidenceDetail: null,
        })),
      ],
      availability: [],
      dailyCost: 100,
    });
    const importOne = (services: typeof ctx.services, t: Talent) =>
      services.imports.import(textSource('one.jsonl', JSON.stringify(t)), {
        kind: 'talents',
        format: 'jsonl',
      });
    const width = String(n).length;
    const idOf = (i: number) => `t${String(i + 1).padStart(width, '0')}`;
    log(`${SUITE} ${label}: updates`);
    const writeMs: number[] = [];
    const nextMs: number[] = [];
    let visible = 0;
    for (let k = 0; k < UPDATES; k++) {
      const id = idOf(Math.floor(((k + 1) * n) / (UPDATES + 2)));
      const t = expertOf(await ctx.services.talents.get(id), target);
      const a = performance.now();
      await importOne(ctx.services, t);
      const b = performance.now();
      const r = await matching.matchProject(target.id, { top: TOP, counterfactuals: 0 });
      nextMs.push(performance.now() - b);
      writeMs.push(b - a);
      if (r.matches.some((m) => m.talentId === id)) visible++;
    }
    row('in-process update: write (import of one record)', round(quantile(writeMs, 0.5)), 'ms', {
      n: UPDATES,
    });
    row('in-process update: next ranking, p50', round(quantile(nextMs, 0.5)), 'ms', {
      peer: `max ${round(Math.max(...nextMs))} ms; visible in ${visible} of ${UPDATES}; no rebuild: ${
        matching.activity.builds === 1
      }`,
      n: UPDATES,
    });

    // Another process writes; this reader checks its journal on every query.
    const writer = wireServices(config, ctx.store);
    const reader = new MatchingService(ctx.store, ctx.services.taxonomy, ctx.services.projects, {
      syncIntervalMs: 0,
    });
    await reader.freshIndex(DEFAULT_ORG);
    const idle: number[] = [];
    for (let k = 0; k < UPDATES; k++) {
      const t = performance.now();
      await reader.matchProject(target.id, { top: TOP, counterfactuals: 0 });
      idle.push(performance.now() - t);
    }
    const syncMs: number[] = [];
    let seen = 0;
    for (let k = 0; k < UPDATES; k++) {
      const id = idOf(Math.floor(((k + 1.5) * n) / (UPDATES + 2)));
      await importOne(writer, expertOf(await writer.talents.get(id), target));
      const t = performance.now();
      const r = await reader.matchProject(target.id, { top: TOP, counterfactuals: 0 });
      syncMs.push(performance.now() - t);
      if (r.matches.some((m) => m.talentId === id)) seen++;
    }
    row('other process: query, nothing changed (journal read), p50', round(quantile(idle, 0.5)), 'ms', {
      n: UPDATES,
    });
    row('other process: query loading 1 changed talent, p50', round(quantile(syncMs, 0.5)), 'ms', {
      peer: `visible in ${seen} of ${UPDATES} (≤ 1 s later with the default interval)`,
      n: UPDATES,
    });
    // An import batch of 5,000 rewritten talents (every 7th of the pool, not yet experts).
    const ids = Array.from({ length: Math.min(WRITE_BATCH, Math.floor(n / 7)) }, (_, k) => idOf(k * 7));
    const batch = (await ctx.store.imports.getTalents(DEFAULT_ORG, ids)).map((t) => ({
      ...t,
      dailyCost: t.dailyCost + 10,
    }));
    const s = await writer.imports.import(
      textSource('batch.jsonl', batch.map((t) => JSON.stringify(t)).join('\n')),
      { kind: 'talents', format: 'jsonl' },
    );
    const before = reader.activity.builds;
    t0 = performance.now();
    await reader.matchProject(target.id, { top: TOP, counterfactuals: 0 });
    row(`other process: query loading an import batch of ${s.updated}`, round(performance.now() - t0), 'ms', {
      peer: `rebuilt: ${reader.activity.builds !== before}`,
    });
    row('load average (1 min) at start, end', round(load0, 1), 'load', {
      peer: `end ${round(loadavg()[0] as number, 1)}; 2-core machine shared`,
    });
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const rows = await runMatchingServiceBench({
    talents: opt('--service-talents'),
    projects: opt('--service-projects'),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (args.includes('--json')) for (const r of rows) console.log(JSON.stringify(r));
  else for (const r of rows) console.log(`${r.name}  ${r.value} ${r.unit}${r.peer ? `  (${r.peer})` : ''}`);
}

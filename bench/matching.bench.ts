/**
 * Benchmark `matching`: exact top-50 ranking of a generated pool (10k, 100k and 1M talents, 15–25 skills
 * each over the built-in taxonomy, Zipf-popular, levels 1–5, with industries, missions, availability,
 * rates, languages, places; see generate-pool.ts) for 200 generated projects of 5–25 weighted skills, a
 * third of them with a filter, with the in-memory index (src/core/matching/index): all eight parts of the
 * score, the filters, must-haves required (the default), the full explanation of the top 50.
 *
 * Reports, per pool size: index build time and memory; query latency p50/p95 of `rankWithIndex`, wall
 * clock and CPU time (the machine is shared: CPU time is the steadier figure); brute force
 * (`rankCandidates`, every talent scored); how many projects get exactly the brute-force top 50 (ids,
 * order, scores, explanations); the time from `upsert` to the next query that sees it; and peers on the
 * same skill query, each in its own worker thread: MiniSearch, FlexSearch, Orama, SQLite FTS5 (talents as
 * documents of skill tokens, the project as an OR query, their own relevance: they cannot compute our
 * score, so `overlap` says how much of the exact top 50 they find), a SQL GROUP BY over
 * talent_skill(skill, talent, level) and a plain exhaustive JavaScript pass over per-skill postings, both
 * computing the coverage and level-fit parts only.
 *
 *   npm run bench -- matching [--sizes 10000,100000] [--json]
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { TalentIndex } from '../src/core/matching/index/talent-index.js';
import { queryScratchBytes, rankWithIndex } from '../src/core/matching/index/top-k.js';
import {
  compileFilters,
  passesFilters,
  profileFacts,
  projectProfile,
  type ProfileFacts,
} from '../src/core/matching/profile.js';
import {
  compareMatches,
  rankCandidates,
  type RankOptions,
  type RankProject,
  type RankTaxonomy,
} from '../src/core/matching/rank-candidates.js';
import {
  DEFAULT_WEIGHTS,
  effectiveWeights,
  scoreCandidate,
  scoringContext,
} from '../src/core/matching/score-candidate.js';
import type { Candidate, Match } from '../src/core/matching/types.js';
import { buildAdjacency } from '../src/core/taxonomy/adjacency.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import { generatePool, generateProjects, type BenchQuery } from './generate-pool.js';
import type { PeerJob, PeerName, PeerQuery, PeerReport } from './matching-peers.js';
import type { BenchResult } from './run.js';

const SUITE = 'matching';
const TOP = 50;
const PROJECTS = 200;
const POOL_SEED = 1;
const PROJECT_SEED = 7;
const PEERS: readonly PeerName[] = [
  'js-exhaustive',
  'minisearch',
  'flexsearch',
  'orama',
  'sqlite-fts5',
  'sqlite-group-by',
];
/** The search libraries the issue compares with (the other peers are references). */
const SEARCH_PEERS: readonly PeerName[] = ['minisearch', 'flexsearch', 'orama', 'sqlite-fts5'];
/** Trials of the update-visibility figure. */
const UPDATE_TRIALS = 20;
/** The targets at 1M talents. */
const TARGET = { p50: 3, p95: 10, buildS: 20, bytes: 150, speedup: 50 };

export interface MatchingBenchOptions {
  sizes?: number[];
  projects?: number;
  /** Run the peers (default true); `--no-peers` skips them, for quick iterations on our own figures. */
  peers?: boolean;
  /** Progress lines on stderr. */
  log?: (line: string) => void;
}

/** `global.gc`, exposed at run time when node was not started with --expose-gc. */
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

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const sizeLabel = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

/**
 * rankCandidates with a bounded top list (no million-match array): the same filters, must-haves and
 * scoring, the facts computed once per talent beforehand.
 */
function bruteForceTop(
  pool: readonly Candidate[],
  facts: readonly ProfileFacts[],
  query: BenchQuery,
  taxonomy: RankTaxonomy,
  top: number,
): Match[] {
  const { project } = query;
  const ctx = scoringContext(
    project.requirements,
    taxonomy.adjacency,
    DEFAULT_WEIGHTS,
    projectProfile(project),
  );
  const filters = compileFilters(query.filters);
  const musts = project.requirements.filter((r) => r.must).map((r) => r.skillId);
  const best: Match[] = [];
  pool.forEach((c, i) => {
    if (musts.length > 0) {
      const ids = new Set(c.skills.map((s) => s.skillId));
      if (!musts.every((m) => ids.has(m))) return;
    }
    const f = facts[i] as ProfileFacts;
    if (!passesFilters(c, f, filters)) return;
    const m = scoreCandidate(c, f, ctx);
    if (best.length === top && compareMatches(m, best[top - 1] as Match) >= 0) return;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareMatches(best[mid] as Match, m) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, m);
    if (best.length > top) best.pop();
  });
  return best;
}

/** The brute-force top 50s (as JSON, to compare with ours) and their times. */
interface BruteForceReference {
  tops: string[];
  times: number[];
}

/**
 * bruteForceTop for the projects in order, as many as fit in `budgetMs`: the reference our results are
 * compared with once the pool is gone (see runMatchingBench).
 */
function bruteForceReference(
  pool: readonly Candidate[],
  queries: readonly BenchQuery[],
  taxonomy: RankTaxonomy,
  budgetMs: number,
): BruteForceReference {
  const facts = pool.map((c) => profileFacts(c, taxonomy.domainOf));
  const tops: string[] = [];
  const times: number[] = [];
  const start = performance.now();
  for (const q of queries) {
    const b0 = performance.now();
    tops.push(JSON.stringify(bruteForceTop(pool, facts, q, taxonomy, TOP)));
    times.push(performance.now() - b0);
    if (performance.now() - start > budgetMs) break;
  }
  return { tops, times };
}

function runPeer(job: PeerJob, timeoutMs: number): Promise<PeerReport | string> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: 6144 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(`did not finish within ${Math.round(timeoutMs / 1000)} s`);
    }, timeoutMs);
    worker.once('message', (report: PeerReport) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(report);
    });
    worker.once('error', (e: Error & { code?: string }) => {
      clearTimeout(timer);
      resolve(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory (6 GB heap)' : e.message);
    });
  });
}

export async function runMatchingBench(options: MatchingBenchOptions = {}): Promise<BenchResult[]> {
  const sizes = options.sizes ?? [10_000, 100_000, 1_000_000];
  const log = options.log ?? (() => {});
  const gc = getGc();
  const tax = buildTaxonomy(BUILTIN_SKILLS);
  const adjacency = buildAdjacency(tax);
  const domains = new Map(tax.skills.map((s) => [s.id, s.domain]));
  const taxonomy: RankTaxonomy = { adjacency, domainOf: (id) => domains.get(id) };
  const codeOf = new Map(tax.skills.map((s, i) => [s.id, i]));
  const queries = generateProjects(tax, options.projects ?? PROJECTS, PROJECT_SEED);
  const optionsOf = (q: BenchQuery): RankOptions => ({ top: TOP, filters: q.filters });
  const peerQueries: PeerQuery[] = queries.map(({ project: { requirements: reqs } }) => ({
    codes: reqs.map((r) => codeOf.get(r.skillId) ?? -1),
    shares: effectiveWeights(reqs),
    levels: reqs.map((r) => r.level),
  }));
  const out: BenchResult[] = [];
  const row = (name: string, value: number, unit: string, extra: { peer?: string; n?: number } = {}) => {
    const r: BenchResult = { suite: SUITE, name, value: round(value), unit };
    if (extra.peer !== undefined) r.peer = extra.peer;
    if (extra.n !== undefined) r.n = extra.n;
    out.push(r);
  };

  for (const n of sizes) {
    const label = sizeLabel(n);
    const at1M = n >= 1_000_000;
    log(`matching ${label}: generating`);
    const base = heapBytes(gc);
    let pool: Candidate[] | null = generatePool(tax, n, POOL_SEED);
    const withPool = heapBytes(gc);

    log(`matching ${label}: building the index`);
    const t0 = performance.now();
    const b0 = process.cpuUsage();
    const index = TalentIndex.build(pool, { domainOf: taxonomy.domainOf });
    const buildS = (performance.now() - t0) / 1000;
    const b1 = process.cpuUsage(b0);
    const withIndex = heapBytes(gc);
    const stats = index.stats();
    const target = (t: string) => (at1M ? `target ${t}` : undefined);
    row(`${label}/index_build`, buildS, 's', { peer: target(`≤ ${TARGET.buildS}`) });
    row(`${label}/index_build_cpu`, (b1.user + b1.system) / 1e6, 's', {
      peer: 'process CPU time (collector threads included)',
    });
    row(`${label}/index_bytes`, stats.typedArrayBytes / n, 'B/talent', {
      peer: target(`≤ ${TARGET.bytes}`) ?? 'typed arrays, ids and names included',
    });
    row(`${label}/index_heap_growth`, (withIndex - withPool) / n, 'B/talent', {
      peer: 'heap + array buffers, after gc',
    });

    // Order of the work: everything that reads the generated pool comes first, then the pool is dropped
    // and collected, and only then are our queries timed. A serving process holds the index alone; with a
    // million `Candidate` objects still live (and their facts), every young-generation collection during a
    // query has that much more old space to track, which is what a query's p95 measured, not the index.
    // So, while the pool lives: the peers' inputs (typed arrays, a few bytes a skill held: their runs come
    // after ours, on those arrays alone), rankCandidates, and the brute-force top 50 of each project checked,
    // kept as JSON to compare with our results afterwards.
    const peerInput = options.peers === false ? null : peerInputs(pool, stats.heldSkills, codeOf);

    // Brute force: rankCandidates itself where its n explained matches fit in memory, and the same scoring
    // with a bounded top list for the exactness check, as many projects as fit in the time budget.
    const budgetMs = at1M ? 60_000 : n >= 100_000 ? 45_000 : 20_000;
    if (n <= 100_000) {
      log(`matching ${label}: rankCandidates`);
      const times: number[] = [];
      const start = performance.now();
      for (const q of queries) {
        const b0 = performance.now();
        rankCandidates(pool, q.project, taxonomy, optionsOf(q));
        times.push(performance.now() - b0);
        if (performance.now() - start > budgetMs / 3) break;
      }
      row(`${label}/brute_force_p50`, quantile(times, 0.5), 'ms', {
        peer: 'rankCandidates',
        n: times.length,
      });
    }
    log(`matching ${label}: brute-force top ${TOP}`);
    const expected = bruteForceReference(pool, queries, taxonomy, budgetMs);
    row(`${label}/brute_force_scan_p50`, quantile(expected.times, 0.5), 'ms', {
      peer: 'filters and scoreCandidate on every talent, top 50 kept',
      n: expected.times.length,
    });

    // The pool goes: from here on the heap holds the index (and the bench's small leftovers) only.
    pool = null;
    gc();

    // Queries: a first pass over every project, timed apart (the cold figure: it pays for the collector's
    // cleanup of the build and of the dropped pool, gigabytes at 1M swept by background threads whose CPU
    // the process figure counts, and for compilation), then every project again, timed: the steady state a
    // serving process is in, since the index is built once at start and then answers many queries. No
    // collection is forced between the two: a forced full collection leaves its sweeping to background
    // threads that land on the next queries (at 1M it doubled the timed pass's p95, 5.9 -> 10.1 ms wall and
    // 21 ms CPU), and a server forces none.
    log(`matching ${label}: ${queries.length} queries`);
    const cold = queries.map((q) => {
      const q0 = performance.now();
      rankWithIndex(index, q.project, taxonomy, optionsOf(q));
      return performance.now() - q0;
    });
    row(`${label}/query_cold_p50`, quantile(cold, 0.5), 'ms', {
      peer: 'first pass after the build',
      n: cold.length,
    });
    row(`${label}/query_cold_p95`, quantile(cold, 0.95), 'ms', {
      peer: 'first pass after the build',
      n: cold.length,
    });
    const wall: number[] = [];
    const cpu: number[] = [];
    const results: Match[][] = [];
    for (const q of queries) {
      const c0 = process.cpuUsage();
      const q0 = performance.now();
      results.push(rankWithIndex(index, q.project, taxonomy, optionsOf(q)));
      wall.push(performance.now() - q0);
      const c1 = process.cpuUsage(c0);
      cpu.push((c1.user + c1.system) / 1000);
    }
    const p50 = quantile(wall, 0.5);
    row(`${label}/query_p50`, p50, 'ms', { peer: target(`≤ ${TARGET.p50}`), n: wall.length });
    row(`${label}/query_p95`, quantile(wall, 0.95), 'ms', {
      peer: target(`≤ ${TARGET.p95}`),
      n: wall.length,
    });
    row(`${label}/query_cpu_p50`, quantile(cpu, 0.5), 'ms', {
      peer: target(`≤ ${TARGET.p50} (wall)`) ?? 'process CPU time',
      n: cpu.length,
    });
    row(`${label}/query_cpu_p95`, quantile(cpu, 0.95), 'ms', {
      peer: target(`≤ ${TARGET.p95} (wall)`) ?? 'process CPU time',
      n: cpu.length,
    });

    const checked = expected.tops.length;
    const identical = expected.tops.filter((json, i) => json === JSON.stringify(results[i])).length;
    row(`${label}/identical_top50`, identical, 'projects', { peer: `of ${checked} checked`, n: checked });

    const ours = results.map((ms) => new Set(ms.map((m) => Number(m.talentId.slice(1)) - 1)));
    const peerP50 =
      peerInput === null
        ? new Map<PeerName, number>()
        : await runPeers(peerInput, peerQueries, ours, label, row, log);
    // The comparison: the search libraries (the exhaustive pass and SQL are references).
    const search = SEARCH_PEERS.map((p) => peerP50.get(p)).filter((x): x is number => x !== undefined);
    if (search.length > 0) {
      row(`${label}/speedup_vs_fastest_search_peer`, Math.min(...search) / p50, '×', {
        peer: target(`≥ ${TARGET.speedup}`) ?? SEARCH_PEERS.filter((p) => peerP50.has(p)).join(', '),
      });
    }
    const exhaustive = peerP50.get('js-exhaustive');
    if (exhaustive !== undefined) {
      row(`${label}/speedup_vs_js_exhaustive`, exhaustive / p50, '×', {
        peer: 'coverage and level fit only, no pruning',
      });
    }

    // The index alone, id and name strings included: the pool is gone, drop the results too.
    results.length = 0;
    const indexOnly = heapBytes(gc);
    row(`${label}/query_scratch`, queryScratchBytes(index) / n, 'B/talent', {
      peer: 'kept between queries',
    });
    row(`${label}/heap_after_dropping_pool`, (indexOnly - base) / n, 'B/talent', {
      peer: 'index + scratch + bench leftovers',
    });
    if (index.size !== n) throw new Error('index changed size');

    // Incremental updates: 1,000 talents replaced (a new profile each), then removed and put back,
    // then a compaction.
    const changed = generatePool(tax, 1000, POOL_SEED + 1).map((c, i) => ({
      ...c,
      id: `t${String(1 + ((i * 7919) % n)).padStart(String(n).length, '0')}`,
    }));
    const upserts: number[] = [];
    const removals: number[] = [];
    for (const c of changed) {
      const u0 = performance.now();
      index.upsert(c);
      upserts.push(performance.now() - u0);
    }
    // Update visible: from `upsert` of a talent made the best for a project to the end of the next query,
    // which must rank it first; then its old record goes back, and the next query must not.
    const visible: number[] = [];
    let seen = 0;
    for (let t = 0; t < UPDATE_TRIALS; t++) {
      const q = queries[t] as BenchQuery;
      const id = `t${String(1 + ((t * 104729) % n)).padStart(String(n).length, '0')}`;
      const before = index.get(id) as Candidate;
      const star = starFor(before, q.project);
      const v0 = performance.now();
      index.upsert(star);
      const top = rankWithIndex(index, q.project, taxonomy, { top: 1 })[0]?.talentId;
      visible.push(performance.now() - v0);
      index.upsert(before);
      const after = rankWithIndex(index, q.project, taxonomy, { top: 1 })[0]?.talentId;
      if (top === id && after !== id) seen++;
    }
    row(`${label}/update_visible_p50`, quantile(visible, 0.5), 'ms', {
      peer: 'upsert, then the next query ranks it',
      n: visible.length,
    });
    row(`${label}/update_visible_max`, Math.max(...visible), 'ms', {
      peer: target('≤ 1000'),
      n: visible.length,
    });
    row(`${label}/update_visible_next_query`, seen, 'trials', {
      peer: `of ${UPDATE_TRIALS}`,
      n: UPDATE_TRIALS,
    });
    for (const c of changed) {
      const r0 = performance.now();
      index.remove(c.id);
      removals.push(performance.now() - r0);
      index.upsert(c);
    }
    row(`${label}/upsert_p50`, 1000 * quantile(upserts, 0.5), 'µs', { n: upserts.length });
    row(`${label}/upsert_max`, 1000 * Math.max(...upserts), 'µs', { n: upserts.length });
    row(`${label}/remove_p50`, 1000 * quantile(removals, 0.5), 'µs', { n: removals.length });
    const c0 = performance.now();
    index.compact();
    row(`${label}/compact`, (performance.now() - c0) / 1000, 's', {
      peer: `${index.stats().ordinals} ordinals kept`,
    });
    log(`matching ${label}: done`);
  }
  return out;
}

/**
 * The talent changed so that no one can beat it on the project: every required skill at level 5, worked in
 * its industry and function, missions all in production, full time, the cheapest, broad; a talent of the
 * pool without a language or place filter can reach the top then.
 */
function starFor(c: Candidate, project: RankProject): Candidate {
  return {
    ...c,
    skills: [
      ...project.requirements.map((r) => ({ skillId: r.skillId, level: 5, evidence: 'mission' })),
      ...['machine-learning', 'python', 'kubernetes', 'ai-act', 'iam'].map((skillId) => ({
        skillId,
        level: 5,
        evidence: 'cv',
      })),
    ],
    industries: [project.industry],
    functions: [project.businessFunction],
    missions: Array.from({ length: 20 }, () => ({
      industry: project.industry,
      businessFunction: project.businessFunction,
      outcome: 'production' as const,
    })),
    availability: [],
    dailyCost: 1,
  };
}

/** The pool as the peers read it: each talent's skill codes and levels, CSR-style. */
interface PeerInput {
  codes: Uint16Array;
  levels: Uint8Array;
  offsets: Uint32Array;
}

/** The peers' input from the pool: typed arrays only, so that the pool can be dropped before they run. */
function peerInputs(
  pool: readonly Candidate[],
  heldSkills: number,
  codeOf: ReadonlyMap<string, number>,
): PeerInput {
  const n = pool.length;
  const codes = new Uint16Array(heldSkills);
  const levels = new Uint8Array(heldSkills);
  const offsets = new Uint32Array(n + 1);
  let len = 0;
  pool.forEach((c, i) => {
    // Each skill once, with its last claim, as the index and scoreCandidate see it.
    const last = new Map(c.skills.map((s) => [s.skillId, s.level]));
    for (const [skillId, level] of last) {
      codes[len] = codeOf.get(skillId) ?? 0;
      levels[len++] = level;
    }
    offsets[i + 1] = len;
  });
  return { codes: codes.subarray(0, len), levels: levels.subarray(0, len), offsets };
}

/** Runs every peer on the pool's skills; returns their query p50s by peer. */
async function runPeers(
  input: PeerInput,
  queries: PeerQuery[],
  ours: readonly Set<number>[],
  label: string,
  row: (name: string, value: number, unit: string, extra?: { peer?: string; n?: number }) => void,
  log: (line: string) => void,
): Promise<Map<PeerName, number>> {
  const { codes, levels, offsets } = input;
  const at1M = offsets.length - 1 >= 1_000_000;
  const p50s = new Map<PeerName, number>();
  for (const peer of PEERS) {
    log(`matching ${label}: peer ${peer}`);
    const job: PeerJob = {
      module: new URL('./matching-peers.ts', import.meta.url).href,
      peer,
      codes,
      levels,
      offsets,
      queries,
      top: TOP,
      queryBudgetMs: at1M ? 15_000 : 10_000,
      coverage: DEFAULT_WEIGHTS.coverage,
      levelFit: DEFAULT_WEIGHTS.levelFit,
    };
    // Building a million documents takes MiniSearch, FlexSearch and Orama minutes on a busy machine.
    const report = await runPeer(job, at1M ? 300_000 : 120_000);
    if (typeof report === 'string') {
      row(`${label}/${peer}/build`, NaN, 's', { peer: `${peer}: ${report}` });
      continue;
    }
    const p = quantile(report.queryMs, 0.5);
    p50s.set(peer, p);
    row(`${label}/${peer}/build`, report.buildMs / 1000, 's', { peer });
    row(`${label}/${peer}/query_p50`, p, 'ms', { peer, n: report.queryMs.length });
    const overlap =
      report.tops.reduce((acc, t, i) => {
        const mine = ours[i] as Set<number>;
        return acc + t.filter((o) => mine.has(o)).length / Math.max(1, mine.size);
      }, 0) / Math.max(1, report.tops.length);
    row(`${label}/${peer}/overlap_with_exact_top50`, 100 * overlap, '%', { peer, n: report.tops.length });
  }
  return p50s;
}

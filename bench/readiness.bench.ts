/**
 * Benchmark `readiness` on the large demo: 100,000 projects and 1,000,000 talents from the demo generator
 * (streamed: the talents are folded into the pool's supply summary chunk by chunk, never held at once).
 *
 * Reports: building the supply summary (in memory; storage does it with one GROUP BY), calibrating the
 * weights on every project with an outcome (factor values for all 100k projects, 5-fold cross-validated
 * logistic fit, AUCs), and the time to assess one project — the whole of it: coverage against the pool,
 * facts, score, explanation and every what-if re-scored — against the pool and against a staffed team of 5.
 * Target: one project ≤ 5 ms.
 *
 *   npx tsx bench/readiness.bench.ts [--json] [--projects N] [--talents N] [--samples N]
 *   npm run bench -- readiness [--readiness-projects N] [--readiness-talents N] [--readiness-samples N]
 */
import { streamDemo } from '../src/core/demo/generate-demo.js';
import type { Project } from '../src/core/model.js';
import { assessReadiness } from '../src/core/readiness/assess.js';
import { calibrate, outcomeLabel, type OutcomeSample } from '../src/core/readiness/calibrate.js';
import {
  buildSupply,
  coverFromSupply,
  coverFromTeam,
  type SupplyRow,
  type TeamMember,
} from '../src/core/readiness/coverage.js';
import { factorValues, readinessFacts } from '../src/core/readiness/factors.js';
import { buildAdjacency } from '../src/core/taxonomy/adjacency.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import type { BenchResult } from './run.js';

const SUITE = 'readiness';
const TEAM_SIZE = 5;

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

export function runReadinessBench(
  projects: number = 100_000,
  talents: number = 1_000_000,
  samples: number = 5_000,
): BenchResult[] {
  const tax = buildTaxonomy(BUILTIN_SKILLS);
  const adjacency = buildAdjacency(tax);
  const domainOf = (id: string) => tax.byId.get(id)?.domain ?? null;

  // The large demo, streamed: projects kept, talents folded into supply counts; a few kept as staffed teams.
  let t0 = performance.now();
  const all: Project[] = [];
  const counts = new Map<string, number>();
  const costs: number[] = [];
  const teamPool: TeamMember[] = [];
  for (const chunk of streamDemo(tax, { talents, projects, seed: 42 }, 10_000)) {
    if (chunk.kind === 'projects') {
      for (const p of chunk.items) all.push(p);
      continue;
    }
    for (const t of chunk.items) {
      costs.push(t.dailyCost);
      if (teamPool.length < 2_000) teamPool.push({ id: t.id, skills: t.skills });
      for (const s of t.skills) {
        const k = `${s.skillId}\u0000${s.level}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
  }
  const generateMs = performance.now() - t0;

  t0 = performance.now();
  const rows: SupplyRow[] = [...counts].map(([k, count]) => {
    const [skillId = '', level = '0'] = k.split('\u0000');
    return { skillId, level: Number(level), count };
  });
  costs.sort((a, b) => a - b);
  const supply = buildSupply(rows, costs.length, costs[Math.floor((costs.length - 1) / 2)] ?? null);
  const supplyMs = performance.now() - t0;

  // Calibration: factor values of every project against the pool, then the cross-validated fit.
  t0 = performance.now();
  const labelled: OutcomeSample[] = [];
  for (const p of all) {
    const label = outcomeLabel(p.outcome);
    const values = factorValues(
      readinessFacts(p, {
        covers: coverFromSupply(p.requirements, supply, adjacency, domainOf),
        teamSource: 'pool',
        dayCost: supply.medianDailyCost,
      }),
    );
    if (label !== null) labelled.push({ id: p.id, values, label });
  }
  const valuesMs = performance.now() - t0;
  t0 = performance.now();
  const cal = calibrate(labelled);
  const fitMs = performance.now() - t0;
  const model = cal.source === 'fitted' ? cal.model : null;

  // One project at a time: every (projects / samples)-th project, so open and closed ones alike.
  const step = Math.max(1, Math.floor(all.length / samples));
  const picked = all.filter((_, i) => i % step === 0).slice(0, samples);
  /** Wall time of each call (sorted), and the process CPU time per call over the whole run. */
  const time = (fn: (p: Project, i: number) => unknown): { wall: number[]; cpu: number } => {
    for (let i = 0; i < Math.min(200, picked.length); i++) fn(picked[i]!, i); // warm-up
    const out: number[] = [];
    const cpu0 = process.cpuUsage();
    picked.forEach((p, i) => {
      const s = performance.now();
      fn(p, i);
      out.push(performance.now() - s);
    });
    const cpu = process.cpuUsage(cpu0);
    return { wall: out.sort((a, b) => a - b), cpu: (cpu.user + cpu.system) / 1000 / picked.length };
  };
  const { wall: poolMs, cpu: poolCpu } = time((p) =>
    assessReadiness(
      readinessFacts(p, {
        covers: coverFromSupply(p.requirements, supply, adjacency, domainOf),
        teamSource: 'pool',
        dayCost: supply.medianDailyCost,
      }),
      cal.weights,
      model,
    ),
  );
  const { wall: teamMs, cpu: teamCpu } = time((p, i) => {
    const members = Array.from(
      { length: TEAM_SIZE },
      (_, k) => teamPool[(i * TEAM_SIZE + k) % teamPool.length]!,
    );
    return assessReadiness(
      readinessFacts(p, {
        covers: coverFromTeam(p.requirements, members, adjacency, domainOf),
        teamSource: 'team',
        teamSize: TEAM_SIZE,
        dayCost: supply.medianDailyCost,
      }),
      cal.weights,
      model,
    );
  });

  const n = picked.length;
  const round = (x: number, unit: string) =>
    unit === 'ms' ? Math.round(x * 1000) / 1000 : unit === 'AUC' ? Math.round(x * 10000) / 10000 : x;
  const r = (name: string, value: number, unit: string, count?: number, peer?: string): BenchResult => ({
    suite: SUITE,
    name,
    value: round(value, unit),
    unit,
    ...(peer === undefined ? {} : { peer }),
    ...(count === undefined ? {} : { n: count }),
  });
  const target = 'target ≤ 5 ms';
  return [
    r('generate demo (projects + talents, streamed)', generateMs, 'ms', all.length + costs.length),
    r('supply summary from the pool', supplyMs, 'ms', costs.length),
    r('factor values of every project', valuesMs, 'ms', all.length),
    r('calibrate (5-fold fit + final fit)', fitMs, 'ms', labelled.length),
    r('projects with an outcome', labelled.length, 'projects'),
    r('production among them', cal.positives, 'projects'),
    r(`weights in use: ${cal.source}`, cal.source === 'fitted' ? 1 : 0, 'bool'),
    r('held-out AUC, fitted weights', cal.aucFitted ?? NaN, 'AUC', cal.heldOut, 'default weights below'),
    r('held-out AUC, default weights', cal.aucDefault ?? NaN, 'AUC', cal.heldOut),
    r('one project vs pool: p50', quantile(poolMs, 0.5), 'ms', n, target),
    r('one project vs pool: p99', quantile(poolMs, 0.99), 'ms', n, target),
    r('one project vs pool: max', poolMs[poolMs.length - 1] ?? NaN, 'ms', n),
    r('one project vs pool: CPU time, mean', poolCpu, 'ms', n, target),
    r(`one project vs team of ${TEAM_SIZE}: p50`, quantile(teamMs, 0.5), 'ms', n, target),
    r(`one project vs team of ${TEAM_SIZE}: p99`, quantile(teamMs, 0.99), 'ms', n, target),
    r(`one project vs team of ${TEAM_SIZE}: CPU time, mean`, teamCpu, 'ms', n, target),
  ];
}

function printTable(rows: BenchResult[], projects: number, talents: number): void {
  const fmt = (x: BenchResult) =>
    x.unit === 'ms'
      ? x.value.toFixed(x.value < 10 ? 3 : 0)
      : x.unit === 'AUC'
        ? x.value.toFixed(3)
        : String(x.value);
  const w = Math.max(...rows.map((x) => x.name.length));
  console.log(
    `suite ${SUITE}: large demo, ${projects} projects, ${talents} talents (target: one project ≤ 5 ms)`,
  );
  for (const x of rows) console.log(`  ${x.name.padEnd(w)}  ${fmt(x).padStart(9)} ${x.unit}`);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name: string, d: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : d;
  };
  const projects = opt('--projects', 100_000);
  const talents = opt('--talents', 1_000_000);
  const rows = runReadinessBench(projects, talents, opt('--samples', 5_000));
  if (args.includes('--json')) for (const x of rows) console.log(JSON.stringify(x));
  else printTable(rows, projects, talents);
}

/**
 * Benchmark `team`: composing the cheapest team for a project of 25 required skills from a 500-candidate
 * shortlist (drawn from a generated pool of 3,000 holding 400 skills, Zipf-popular), over 20 generated instances, with HiGHS (WebAssembly).
 * Reports solve time p50/max for the optimal team alone and for the whole proposal (with the strongest and
 * most internal alternatives), the optimality gap, and how far the greedy set cover is from the optimum.
 *
 *   npm run bench -- team [--team-instances N] [--json]     or     npx tsx bench/team.bench.ts [--json] [--instances N]
 */
import { rankCandidates, type RankProject } from '../src/core/matching/rank-candidates.js';
import type { Candidate, Requirement } from '../src/core/matching/types.js';
import type { AvailabilityWindow } from '../src/core/model.js';
import { createRng, type Rng } from '../src/core/random.js';
import type { AdjacentSource } from '../src/core/taxonomy/adjacency.js';
import { composeTeam } from '../src/core/teams/compose-team.js';
import { shortlistForTeam } from '../src/core/teams/shortlist.js';
import type { TeamCandidate, TeamRules } from '../src/core/teams/types.js';
import { loadHighsSolver } from '../src/services/highs-solver.js';
import type { BenchResult } from './run.js';

const SUITE = 'team';
const POOL = 3000;
const SKILLS = 400;
const REQUIREMENTS = 25;
const SHORTLIST = 500;
const START = '2026-02-02';
const END = '2026-07-31';

function zipfPicker(rng: Rng, ids: readonly string[]): () => string {
  const weights = ids.map((_, r) => 1 / (r + 1));
  return () => rng.weighted(ids, weights);
}

function instance(seed: number, skillIds: readonly string[]) {
  const rng = createRng(seed);
  // Popularity is a property of the world: a fixed shuffle of the taxonomy, Zipf over it.
  const order = [...skillIds];
  const world = createRng(0x7ea3);
  for (let i = order.length - 1; i > 0; i--) {
    const j = world.int(0, i);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  const draw = zipfPicker(rng, order);
  const pool: TeamCandidate[] = [];
  for (let i = 0; i < POOL; i++) {
    const seniority = rng.int(1, 5);
    const held = new Map<string, number>();
    for (let k = rng.int(8, 20); k > 0; k--)
      held.set(draw(), Math.min(5, Math.max(1, seniority + rng.int(-1, 1))));
    const employee = rng.chance(0.6);
    const availability: AvailabilityWindow[] = [];
    const a = rng.next();
    if (a < 0.7)
      availability.push({
        start: `2026-0${rng.int(1, 4)}-0${rng.int(1, 9)}`,
        end: `2026-${rng.pick(['05', '06', '08', '10', '12'])}-15`,
        daysPerWeek: rng.int(1, 5),
      });
    else if (a < 0.8) availability.push({ start: '2026-01-01', end: '2026-12-31', daysPerWeek: 0 });
    pool.push({
      id: `t${String(i + 1).padStart(5, '0')}`,
      name: `Talent ${i + 1}`,
      source: employee ? 'employee' : 'freelance',
      skills: [...held].map(([skillId, level]) => ({ skillId, level, evidence: 'mission' })),
      dailyCost: Math.round((300 + seniority * 150 + rng.int(-50, 50)) * (employee ? 0.85 : 1.15)),
      availability,
      score: 0,
    });
  }
  const reqs: Requirement[] = [];
  const seen = new Set<string>();
  while (reqs.length < REQUIREMENTS) {
    // Requirements lean on popular skills, as briefs do, with a tail of rarer ones.
    const s = rng.chance(0.7) ? order[rng.int(0, 60)]! : draw();
    if (seen.has(s)) continue;
    seen.add(s);
    reqs.push({ skillId: s, level: rng.int(2, 4), weight: rng.int(1, 5), must: rng.chance(0.3) });
  }
  const rules: TeamRules = {
    maxSize: rng.int(8, 14),
    budget: rng.chance(0.5) ? rng.int(30, 90) * 5000 : null,
    minEmployees: rng.int(0, 3),
    maxFreelancers: rng.chance(0.5) ? rng.int(3, 6) : null,
  };
  return { pool, reqs, rules };
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};

export async function runTeamBench(instances = 20): Promise<BenchResult[]> {
  if (!(instances >= 1)) throw new RangeError('instances must be ≥ 1');
  // Synthetic skill ids: the solver's work does not depend on the taxonomy, only on who holds what.
  const skillIds = Array.from({ length: SKILLS }, (_, i) => `skill-${String(i).padStart(3, '0')}`);
  const adjacency = new Map<string, AdjacentSource[]>();
  const solver = await loadHighsSolver();
  const cheapestMs: number[] = [];
  const cheapestCpuMs: number[] = [];
  const fullMs: number[] = [];
  const gaps: number[] = [];
  const greedyOver: number[] = [];
  let optimal = 0;
  let shortlisted = 0;
  let greedyWorseCoverage = 0;
  const prepared = Array.from({ length: instances }, (_, k) => {
    const { pool, reqs, rules } = instance(9000 + k, skillIds);
    // Ranked as the service ranks (every part, must-haves not required); the facts team composition does
    // not read are left neutral.
    const candidates: Candidate[] = pool.map((c) => ({
      ...c,
      industries: [],
      functions: [],
      missions: [],
      languages: [],
      location: '',
      remote: 'hybrid',
    }));
    const project: RankProject = {
      requirements: reqs,
      industry: 'banking',
      businessFunction: 'it',
      startDate: START,
      endDate: END,
      budget: rules.budget,
      roles: [],
    };
    const ranked = rankCandidates(
      candidates,
      project,
      { adjacency, domainOf: () => undefined },
      { top: pool.length, requireMust: false },
    );
    const score = new Map(ranked.map((m) => [m.talentId, m.score]));
    const scored = pool.map((c) => ({ ...c, score: score.get(c.id) ?? 0 }));
    return { reqs, rules, list: shortlistForTeam(reqs, scored, START, END, { max: SHORTLIST }) };
  });
  // The first solves of a process run before V8 has optimised the WebAssembly: measured apart.
  let t0 = performance.now();
  const first = prepared[0]!;
  composeTeam(
    first.reqs,
    first.list,
    { rules: first.rules, startDate: START, endDate: END, alternatives: false },
    solver,
  );
  const coldMs = performance.now() - t0;
  for (const { reqs, rules, list } of prepared) {
    shortlisted += list.length;
    const opts = { rules, startDate: START, endDate: END, timeLimitSeconds: 30 };
    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const p = composeTeam(reqs, list, { ...opts, alternatives: false }, solver);
    cheapestMs.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cheapestCpuMs.push((cpu.user + cpu.system) / 1000);
    t0 = performance.now();
    composeTeam(reqs, list, opts, solver);
    fullMs.push(performance.now() - t0);
    if (p.solve.status === 'optimal') optimal++;
    gaps.push(p.solve.gap ?? NaN);
    if (p.solve.greedy.uncovered === p.team.uncovered.length && p.team.cost > 0)
      greedyOver.push(p.solve.greedy.cost / p.team.cost - 1);
    else greedyWorseCoverage++;
  }
  const n = instances;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const ms = (x: number) => Math.round(x * 10) / 10;
  const ratio = (x: number) => Math.round(x * 1e4) / 1e4;
  return [
    {
      suite: SUITE,
      name: 'shortlist size (mean)',
      value: Math.round(shortlisted / n),
      unit: 'candidates',
      n,
    },
    { suite: SUITE, name: 'first solve in a process (cold)', value: ms(coldMs), unit: 'ms', n: 1 },
    { suite: SUITE, name: 'optimal team: solve p50', value: ms(quantile(cheapestMs, 0.5)), unit: 'ms', n },
    {
      suite: SUITE,
      name: 'optimal team: solve max',
      value: ms(Math.max(...cheapestMs)),
      unit: 'ms',
      peer: 'target ≤ 2000 ms',
      n,
    },
    { suite: SUITE, name: 'optimal team: CPU p50', value: ms(quantile(cheapestCpuMs, 0.5)), unit: 'ms', n },
    { suite: SUITE, name: 'optimal team: CPU max', value: ms(Math.max(...cheapestCpuMs)), unit: 'ms', n },
    { suite: SUITE, name: 'with alternatives: p50', value: ms(quantile(fullMs, 0.5)), unit: 'ms', n },
    { suite: SUITE, name: 'with alternatives: max', value: ms(Math.max(...fullMs)), unit: 'ms', n },
    { suite: SUITE, name: 'proved optimal', value: optimal, unit: `of ${n}`, n },
    { suite: SUITE, name: 'optimality gap max', value: ratio(Math.max(...gaps)), unit: 'ratio', n },
    {
      suite: SUITE,
      name: 'greedy cost over optimal: mean',
      value: ratio(mean(greedyOver)),
      unit: 'ratio',
      n: greedyOver.length,
    },
    {
      suite: SUITE,
      name: 'greedy cost over optimal: max',
      value: greedyOver.length ? ratio(Math.max(...greedyOver)) : NaN,
      unit: 'ratio',
      n: greedyOver.length,
    },
    { suite: SUITE, name: 'greedy covers less than optimal', value: greedyWorseCoverage, unit: `of ${n}`, n },
  ];
}

function printTable(rows: BenchResult[]): void {
  const fmt = (r: BenchResult) =>
    r.unit === 'ms' ? r.value.toFixed(1) : r.unit === 'ratio' ? r.value.toFixed(4) : String(r.value);
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(
    `suite ${SUITE}: ${REQUIREMENTS} required skills, shortlist of ${SHORTLIST} from a pool of ${POOL}`,
  );
  for (const r of rows)
    console.log(`  ${r.name.padEnd(w)}  ${fmt(r).padStart(9)} ${r.unit}${r.peer ? `  (${r.peer})` : ''}`);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--instances');
  const rows = await runTeamBench(i >= 0 ? Number(args[i + 1]) : 20);
  if (args.includes('--json')) for (const r of rows) console.log(JSON.stringify(r));
  else printTable(rows);
}

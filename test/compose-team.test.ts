/**
 * Team composition against exhaustive search: on many small generated instances the MILP (HiGHS) finds the
 * same optimum as trying every subset, for the cheapest team and for both alternatives; plus residual
 * skills, budget and mix rules, determinism, and the greedy fallback's gap.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Requirement } from '../src/core/matching/types.js';
import type { AvailabilityWindow } from '../src/core/model.js';
import { createRng, type Rng } from '../src/core/random.js';
import { composeTeam } from '../src/core/teams/compose-team.js';
import type { MilpSolver } from '../src/core/teams/milp.js';
import type { TeamCandidate, TeamProposal, TeamRules } from '../src/core/teams/types.js';
import { shortlistForTeam } from '../src/core/teams/shortlist.js';
import { renderTeamMessage } from '../src/core/teams/team-messages.js';
import { availableDays, projectWindow } from '../src/core/teams/working-days.js';
import { loadHighsSolver } from '../src/services/highs-solver.js';

let highs: MilpSolver;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

interface Case {
  reqs: Requirement[];
  cands: TeamCandidate[];
  rules: TeamRules;
  startDate: string;
  endDate: string;
}

const iso = (t: number) => new Date(t * 86_400_000).toISOString().slice(0, 10);
const dayOf = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;

function generate(rng: Rng): Case {
  const nSkills = rng.int(3, 7);
  const skills = Array.from({ length: nSkills }, (_, k) => `s${k}`);
  const reqs = skills.map((skillId) => ({
    skillId,
    level: rng.int(1, 4),
    weight: rng.int(1, 3),
    must: rng.chance(0.5),
  }));
  const start = dayOf('2025-01-06') + rng.int(0, 60);
  const end = start + rng.int(10, 120);
  const n = rng.int(8, 14);
  const cands: TeamCandidate[] = [];
  for (let i = 0; i < n; i++) {
    const held = new Map<string, number>();
    for (let k = rng.int(1, 3); k > 0; k--) held.set(rng.pick(skills), rng.int(1, 5));
    const availability: AvailabilityWindow[] = [];
    const kind = rng.int(0, 3);
    if (kind >= 1) {
      for (let w = 0; w < kind; w++) {
        const a = start + rng.int(-30, 90);
        availability.push({ start: iso(a), end: iso(a + rng.int(0, 80)), daysPerWeek: rng.int(0, 5) });
      }
    }
    cands.push({
      // Ids out of order on purpose: the solver must not depend on input order.
      id: `t${String((i * 7) % n).padStart(2, '0')}-${i}`,
      name: `Talent ${i}`,
      source: rng.chance(0.5) ? 'employee' : 'freelance',
      skills: [...held].map(([skillId, level]) => ({ skillId, level, evidence: null })),
      // Equal rates are frequent, so ties are tested too.
      dailyCost: rng.int(3, 12) * 100,
      availability,
      score: rng.next(),
    });
  }
  // Twins (same skills, rate and availability, another id) make ties, which must go to the lower id.
  for (let k = rng.int(0, 2); k > 0 && cands.length < 14; k--) {
    const twin = rng.pick(cands);
    cands.push({ ...twin, id: `${twin.id}-twin`, name: `${twin.name} (twin)` });
  }
  const rules: TeamRules = {
    maxSize: rng.int(1, 5),
    budget: rng.chance(0.5) ? rng.int(2, 40) * 2000 : null,
    minEmployees: rng.chance(0.4) ? rng.int(1, 2) : 0,
    maxFreelancers: rng.chance(0.4) ? rng.int(0, 3) : null,
  };
  return { reqs, cands, rules, startDate: iso(start), endDate: iso(end) };
}

interface Eval {
  ids: string[];
  penalty: number;
  cost: number;
  strength: number;
  freelancers: number;
  idOrder: number;
}

/** Every feasible subset of the available candidates, evaluated independently of the solver's code. */
function enumerate(c: Case): { feasible: Eval[]; available: string[] } {
  const window = projectWindow(c.startDate, c.endDate);
  const avail = c.cands
    .map((t) => ({ t, days: availableDays(t.availability, window) }))
    .filter((x) => x.days > 0)
    .sort((a, b) => (a.t.id < b.t.id ? -1 : 1));
  const total = c.reqs.reduce((s, r) => s + (r.must ? 2 : 1) * r.weight, 0);
  const out: Eval[] = [];
  for (let mask = 0; mask < 1 << avail.length; mask++) {
    const team = avail.filter((_, i) => mask & (1 << i));
    if (team.length > c.rules.maxSize) continue;
    const cost = Math.round(team.reduce((s, x) => s + Math.round(x.t.dailyCost * x.days * 100), 0)) / 100;
    if (c.rules.budget !== null && cost > c.rules.budget + 1e-9) continue;
    const employees = team.filter((x) => x.t.source === 'employee').length;
    if (employees < c.rules.minEmployees) continue;
    if (c.rules.maxFreelancers !== null && team.length - employees > c.rules.maxFreelancers) continue;
    let penalty = 0;
    let strength = 0;
    for (const r of c.reqs) {
      let best = 0;
      for (const x of team) {
        const l = x.t.skills.find((s) => s.skillId === r.skillId)?.level ?? 0;
        if (l >= r.level) best = Math.max(best, l);
      }
      if (best === 0) penalty += r.must ? 2 : 1;
      strength += (((r.must ? 2 : 1) * r.weight) / total) * (best / 5);
    }
    let idOrder = 0;
    avail.forEach((_, i) => mask & (1 << i) && (idOrder += i + 1));
    out.push({
      ids: team.map((x) => x.t.id),
      penalty,
      cost,
      strength,
      freelancers: team.length - employees,
      idOrder,
    });
  }
  return { feasible: out, available: avail.map((x) => x.t.id) };
}

/** The lexicographic best under the given keys (each a value to minimise, with a tie tolerance). */
function best(evals: Eval[], keys: [(e: Eval) => number, number][]): Eval[] {
  let pool = evals;
  for (const [key, tol] of keys) {
    const m = Math.min(...pool.map(key));
    pool = pool.filter((e) => key(e) <= m + tol);
  }
  return pool;
}

function evalOf(p: TeamProposal['team'], available: string[]): Eval {
  return {
    ids: p.members.map((m) => m.talentId),
    penalty: p.uncovered.reduce((s, u) => s + (u.must ? 2 : 1), 0),
    cost: p.cost,
    strength: p.strength,
    freelancers: p.freelancers,
    idOrder: p.members.reduce((s, m) => s + available.indexOf(m.talentId) + 1, 0),
  };
}

describe('composeTeam against exhaustive search', () => {
  it(
    'finds the same optimum as trying every subset, on 150 generated instances',
    { timeout: 120_000 },
    () => {
      const rng = createRng(20250101);
      let withResidual = 0;
      let infeasible = 0;
      let withTies = 0;
      for (let n = 0; n < 150; n++) {
        const c = generate(rng);
        const p = composeTeam(
          c.reqs,
          c.cands,
          { rules: c.rules, startDate: c.startDate, endDate: c.endDate },
          highs,
        );
        const { feasible, available } = enumerate(c);
        const label = `instance ${n}: ${JSON.stringify(c.rules)}`;
        if (feasible.length === 0) {
          infeasible++;
          expect(p.feasible, label).toBe(false);
          expect(p.solve.status).toBe('infeasible');
          continue;
        }
        expect(p.feasible, label).toBe(true);
        expect(p.solve.method, label).toBe('milp');
        expect(p.solve.status, label).toBe('optimal');
        expect(p.solve.gap).toBeLessThan(1e-6);
        const cheapest = best(feasible, [
          [(e) => e.penalty, 0],
          [(e) => e.cost, 0.001],
        ]);
        const got = evalOf(p.team, available);
        expect(got.penalty, label).toBe(cheapest[0]!.penalty);
        expect(got.cost, label).toBeCloseTo(cheapest[0]!.cost, 2);
        if (cheapest.length > 1) withTies++;
        // Ties go to lower ids: no equally good team swaps a member for a lower-id non-member.
        for (const e of cheapest) {
          const inE = e.ids.filter((id) => !got.ids.includes(id));
          const outE = got.ids.filter((id) => !e.ids.includes(id));
          if (inE.length === 1 && outE.length === 1) expect(inE[0]! > outE[0]!, label).toBe(true);
        }
        if (got.penalty > 0) withResidual++;
        // Who covers what is consistent with the members' skills.
        for (const cov of p.team.coverage)
          for (const by of cov.coveredBy) {
            const t = c.cands.find((x) => x.id === by.talentId)!;
            expect(t.skills.find((s) => s.skillId === cov.skillId)!.level).toBeGreaterThanOrEqual(
              cov.requiredLevel,
            );
          }
        // Alternatives keep the coverage and optimise their own criterion.
        const same = feasible.filter((e) => e.penalty === got.penalty);
        const strongest = p.alternatives.find((t) => t.kind === 'strongest')!;
        const s = best(same, [
          [(e) => -e.strength, 1e-6],
          [(e) => e.cost, 0.001],
        ])[0]!;
        expect(strongest.strength, label).toBeCloseTo(s.strength, 6);
        expect(strongest.cost, label).toBeCloseTo(s.cost, 2);
        const internal = p.alternatives.find((t) => t.kind === 'most-internal')!;
        const i = best(same, [
          [(e) => e.freelancers, 0],
          [(e) => e.cost, 0.001],
        ])[0]!;
        expect(internal.freelancers, label).toBe(i.freelancers);
        expect(internal.cost, label).toBeCloseTo(i.cost, 2);
      }
      // The generator exercises every case.
      expect(withResidual).toBeGreaterThan(10);
      expect(infeasible).toBeGreaterThan(0);
      expect(withTies).toBeGreaterThan(5);
    },
  );
});

describe('working days and capacity', () => {
  it('counts weekdays and available days like a day-by-day walk', () => {
    const rng = createRng(7);
    for (let n = 0; n < 200; n++) {
      const start = dayOf('2024-01-01') + rng.int(0, 800);
      const end = start + rng.int(-3, 400);
      if (end < start) {
        expect(() => projectWindow(iso(start), iso(end))).toThrow(/endDate/);
        continue;
      }
      const windows: AvailabilityWindow[] = [];
      for (let k = rng.int(0, 3); k > 0; k--) {
        const a = start + rng.int(-100, 300);
        windows.push({ start: iso(a), end: iso(a + rng.int(0, 200)), daysPerWeek: rng.int(0, 5) });
      }
      let weekdays = 0;
      let avail = 0;
      for (let d = start; d <= end; d++) {
        const wd = new Date(d * 86_400_000).getUTCDay();
        if (wd === 0 || wd === 6) continue;
        weekdays++;
        const caps = windows
          .filter((w) => dayOf(w.start) <= d && d <= dayOf(w.end))
          .map((w) => w.daysPerWeek);
        avail += windows.length === 0 ? 1 : Math.max(0, ...caps) / 5;
      }
      const w = projectWindow(iso(start), iso(end));
      expect(w.workingDays).toBe(weekdays);
      expect(availableDays(windows, w)).toBeCloseTo(avail, 9);
    }
  });

  it('a talent with no window is available at the default capacity', () => {
    const w = projectWindow('2025-03-03', '2025-03-14');
    expect(w.workingDays).toBe(10);
    expect(availableDays([], w)).toBe(10);
    expect(availableDays([], w, 2)).toBe(4);
    expect(() => projectWindow('2025-13-01', '2025-14-01')).toThrow(/startDate/);
  });
});

const person = (
  id: string,
  source: 'employee' | 'freelance',
  dailyCost: number,
  skills: [string, number][],
  availability: AvailabilityWindow[] = [],
): TeamCandidate => ({
  id,
  name: id,
  source,
  dailyCost,
  availability,
  score: 0.5,
  skills: skills.map(([skillId, level]) => ({ skillId, level, evidence: null })),
});
const req = (skillId: string, level: number, must = true): Requirement => ({
  skillId,
  level,
  weight: 1,
  must,
});
// Two weeks: 10 working days.
const dates = { startDate: '2025-03-03', endDate: '2025-03-14' };
const open: TeamRules = { maxSize: 5, budget: null, minEmployees: 0, maxFreelancers: null };

describe('composeTeam rules and residual skills', () => {
  const reqs = [req('rag', 3), req('python', 2), req('ai-act', 3, false)];
  const pool = [
    person('a-free', 'freelance', 500, [
      ['rag', 4],
      ['python', 4],
    ]),
    person('b-emp', 'employee', 800, [
      ['rag', 3],
      ['python', 3],
    ]),
    person('c-emp', 'employee', 300, [['ai-act', 3]]),
    person('d-emp', 'employee', 250, [['ai-act', 2]]),
    person(
      'e-away',
      'employee',
      100,
      [['mistral', 5]],
      [{ start: dates.startDate, end: dates.endDate, daysPerWeek: 0 }],
    ),
  ];

  it('covers every skill at its level at the lowest cost, and says who covers what', () => {
    const p = composeTeam(reqs, pool, { rules: open, ...dates }, highs);
    expect(p.team.members.map((m) => m.talentId)).toEqual(['a-free', 'c-emp']);
    expect(p.team.cost).toBe(8000);
    expect(p.team.members[0]).toMatchObject({ days: 10, cost: 5000, covers: ['rag', 'python'] });
    expect(p.team.coverage.find((c) => c.skillId === 'ai-act')!.coveredBy).toEqual([
      { talentId: 'c-emp', level: 3 },
    ]);
    expect(p.team.uncovered).toEqual([]);
    expect(p.unavailable).toBe(1);
    expect(p.alternatives.map((t) => t.kind)).toEqual(['strongest', 'most-internal']);
    expect(p.alternatives[1]!.members.map((m) => m.talentId)).toEqual(['b-emp', 'c-emp']);
  });

  it('mix rules: at least K employees, at most N freelancers', () => {
    const noFree = composeTeam(reqs, pool, { rules: { ...open, maxFreelancers: 0 }, ...dates }, highs);
    expect(noFree.team.members.map((m) => m.talentId)).toEqual(['b-emp', 'c-emp']);
    const twoEmp = composeTeam(reqs, pool, { rules: { ...open, minEmployees: 2 }, ...dates }, highs);
    // A cheap employee who covers nothing is cheaper than swapping the freelancer for b-emp.
    expect(twoEmp.team.members.map((m) => m.talentId)).toEqual(['a-free', 'c-emp', 'd-emp']);
    const impossible = composeTeam(reqs, pool, { rules: { ...open, minEmployees: 4 }, ...dates }, highs);
    expect(impossible.feasible).toBe(false);
    expect(impossible.solve.note).toEqual({
      key: 'team.rules.tooFewEmployees',
      params: { available: 3, k: 4 },
    });
    expect(renderTeamMessage(impossible.solve.note!, 'en')).toMatch(
      /only 3 employees are available, 4 are required/,
    );
    expect(renderTeamMessage(impossible.solve.note!, 'fr')).toMatch(
      /3 salariés disponibles seulement, 4 requis/,
    );
  });

  it('budget and size too small: the best partial team, with the residual skills and why', () => {
    const tight = composeTeam(reqs, pool, { rules: { ...open, budget: 5000 }, ...dates }, highs);
    expect(tight.team.members.map((m) => m.talentId)).toEqual(['a-free']);
    expect(tight.team.uncovered).toEqual([
      { skillId: 'ai-act', requiredLevel: 3, must: false, reason: 'constraints' },
    ]);
    // Must-haves weigh double: with one seat, cover the two must-haves rather than the nice-to-have.
    const one = composeTeam(reqs, pool, { rules: { ...open, maxSize: 1 }, ...dates }, highs);
    expect(one.team.members.map((m) => m.talentId)).toEqual(['a-free']);
    const missing = composeTeam(
      [...reqs, req('mistral', 4), req('kubernetes', 2)],
      pool,
      { rules: open, ...dates },
      highs,
    );
    expect(missing.team.uncovered).toEqual([
      { skillId: 'mistral', requiredLevel: 4, must: true, reason: 'nobody-available' },
      { skillId: 'kubernetes', requiredLevel: 2, must: true, reason: 'nobody-holds-it' },
    ]);
    expect(missing.solve.status).toBe('optimal');
  });

  it('no requirement: an empty team, or the cheapest employees the mix asks for', () => {
    expect(composeTeam([], pool, { rules: open, ...dates }, highs).team.members).toEqual([]);
    const k = composeTeam([], pool, { rules: { ...open, minEmployees: 1 }, ...dates }, highs);
    expect(k.team.members.map((m) => m.talentId)).toEqual(['d-emp']);
    expect(k.solve.status).toBe('optimal');
  });

  it('is deterministic: the input order does not change the proposal', { timeout: 120_000 }, () => {
    const rng = createRng(99);
    for (let n = 0; n < 20; n++) {
      const c = generate(rng);
      const shuffled = [...c.cands].reverse();
      const opts = { rules: c.rules, startDate: c.startDate, endDate: c.endDate };
      const a = composeTeam(c.reqs, c.cands, opts, highs);
      const b = composeTeam(c.reqs, shuffled, opts, highs);
      const strip = (p: TeamProposal) => ({ ...p, solve: { ...p.solve, seconds: 0 } });
      expect(strip(b)).toEqual(strip(a));
    }
  });
});

describe('greedy fallback', () => {
  /** HiGHS for the LP relaxation only: every MILP "fails". */
  const lpOnly: MilpSolver = {
    solve: (lp, o) =>
      /\nBinary\n/.test(lp)
        ? { status: 'error', values: null, objective: null, bound: null, seconds: 0, message: 'boom' }
        : highs.solve(lp, o),
  };
  const timesOut: MilpSolver = {
    solve: () => ({ status: 'time_limit', values: null, objective: null, bound: null, seconds: 0.5 }),
  };

  it(
    'reports the greedy team with its gap to the LP relaxation bound, which is below the optimum',
    { timeout: 120_000 },
    () => {
      const rng = createRng(4242);
      let positive = 0;
      for (let n = 0; n < 60; n++) {
        const c = generate(rng);
        const opts = { rules: c.rules, startDate: c.startDate, endDate: c.endDate };
        const exact = composeTeam(c.reqs, c.cands, opts, highs);
        if (!exact.feasible) continue;
        for (const [solver, kind] of [
          [lpOnly, 'lp-relaxation'],
          [null, 'combinatorial'],
        ] as const) {
          const g = composeTeam(c.reqs, c.cands, opts, solver);
          expect(g.solve).toMatchObject({ method: 'greedy', status: 'fallback', boundKind: kind });
          expect(g.alternatives).toEqual([]);
          expect(g.team.cost).toBe(g.solve.greedy.cost);
          // Greedy keeps the rules; its coverage may be worse than the optimum's, never better.
          expect(g.team.members.length).toBeLessThanOrEqual(c.rules.maxSize);
          if (c.rules.budget !== null) expect(g.team.cost).toBeLessThanOrEqual(c.rules.budget + 0.001);
          expect(g.team.employees).toBeGreaterThanOrEqual(c.rules.minEmployees);
          expect(g.team.uncovered.length).toBeGreaterThanOrEqual(exact.team.uncovered.length);
          const bound = g.solve.bound!;
          // At the same coverage the bound is below the optimum, which is below the greedy cost.
          if (g.team.uncovered.length === exact.team.uncovered.length) {
            expect(bound).toBeLessThanOrEqual(exact.team.cost + 0.01);
            expect(exact.team.cost).toBeLessThanOrEqual(g.team.cost + 0.01);
          }
          const gap = g.team.cost > 0 ? (g.team.cost - Math.min(bound, g.team.cost)) / g.team.cost : 0;
          expect(g.solve.gap).toBeCloseTo(gap, 6);
          if (gap > 0) positive++;
        }
      }
      expect(positive).toBeGreaterThan(0);
    },
  );

  it('falls back when the solver finds nothing within the time limit', () => {
    const p = composeTeam(
      [req('rag', 3)],
      [person('a', 'freelance', 500, [['rag', 3]])],
      { rules: open, ...dates },
      timesOut,
    );
    expect(p.solve).toMatchObject({ method: 'greedy', status: 'fallback' });
    expect(p.solve.note).toMatchObject({ key: 'team.solverFailed', params: { status: 'time_limit' } });
    expect(p.team.members.map((m) => m.talentId)).toEqual(['a']);
    expect(p.solve.boundKind).toBe('combinatorial');
    expect(p.solve.gap).toBe(0);
  });
});

describe('shortlistForTeam', () => {
  it('keeps everyone available when the pool fits, else the top of every ranking', () => {
    const reqs = [req('rag', 3), req('python', 2), req('ai-act', 3, false)];
    const pool: TeamCandidate[] = [];
    for (let i = 0; i < 40; i++)
      pool.push({
        ...person(
          `p${String(i).padStart(2, '0')}`,
          i % 3 ? 'freelance' : 'employee',
          300 + ((i * 37) % 900),
          [[['rag', 'python', 'ai-act', 'sql'][i % 4]!, 1 + (i % 5)]],
        ),
        score: ((i * 53) % 100) / 100,
      });
    pool.push(
      person(
        'zz-away',
        'employee',
        100,
        [['mistral', 5]],
        [{ start: '2020-01-01', end: '2020-12-31', daysPerWeek: 5 }],
      ),
    );
    const withMistral = [...reqs, req('mistral', 3)];
    const all = shortlistForTeam(withMistral, pool, dates.startDate, dates.endDate, { max: 100 });
    // Everyone available, plus the unavailable holder that explains why mistral stays uncovered.
    expect(all.map((c) => c.id)).toEqual([...pool.map((c) => c.id)].sort());
    const few = shortlistForTeam(withMistral, pool, dates.startDate, dates.endDate, { max: 10 });
    expect(few).toHaveLength(11);
    expect(few.some((c) => c.id === 'zz-away')).toBe(true);
    for (const r of reqs) {
      const holders = pool.filter((c) => c.skills.some((s) => s.skillId === r.skillId && s.level >= r.level));
      const cheapest = [...holders].sort((a, b) => a.dailyCost - b.dailyCost || (a.id < b.id ? -1 : 1))[0]!;
      const best = [...holders].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))[0]!;
      expect(few.map((c) => c.id)).toEqual(expect.arrayContaining([cheapest.id, best.id]));
    }
    const p = composeTeam(withMistral, few, { rules: open, ...dates }, highs);
    expect(p.team.uncovered.find((u) => u.skillId === 'mistral')?.reason).toBe('nobody-available');
  });
});

describe('time limit', () => {
  /** HiGHS stopped by its time limit: the MIP start is the incumbent, the bound below it. */
  const stopsEarly: MilpSolver = {
    solve: (lp, o) =>
      o.start
        ? { status: 'time_limit', values: o.start, objective: null, bound: 1000, seconds: o.timeLimitSeconds }
        : highs.solve(lp, o),
  };

  it('returns the best team found with its gap to the solver bound', () => {
    const reqs = [req('rag', 3), req('python', 2)];
    const pool = [
      person('a', 'freelance', 500, [['rag', 4]]),
      person('b', 'employee', 300, [['python', 3]]),
      person('c', 'employee', 900, [
        ['rag', 3],
        ['python', 2],
      ]),
    ];
    const p = composeTeam(reqs, pool, { rules: open, ...dates, timeLimitSeconds: 1 }, stopsEarly);
    expect(p.solve).toMatchObject({
      method: 'milp',
      status: 'time_limit',
      bound: 1000,
      boundKind: 'mip-dual-bound',
    });
    expect(p.team.members.map((m) => m.talentId)).toEqual(['a', 'b']);
    expect(p.team.optimal).toBe(false);
    expect(p.solve.gap).toBeCloseTo((8000 - 1000) / 8000, 9);
    expect(p.solve.note?.key).toBe('team.timeLimit');
  });

  it(
    'with HiGHS and a tiny limit: a team within the rules, and a bound below the optimum',
    { timeout: 120_000 },
    () => {
      const rng = createRng(31);
      const skills = Array.from({ length: 60 }, (_, k) => `k${k}`);
      const reqs = skills.slice(0, 25).map((s) => req(s, rng.int(2, 4), rng.chance(0.3)));
      const pool: TeamCandidate[] = [];
      for (let i = 0; i < 400; i++) {
        const held: [string, number][] = [];
        for (let k = rng.int(3, 8); k > 0; k--) held.push([rng.pick(skills), rng.int(1, 5)]);
        const source = rng.chance(0.6) ? 'employee' : 'freelance';
        pool.push(person(`c${String(i).padStart(3, '0')}`, source, rng.int(40, 120) * 10, held));
      }
      const rules = { maxSize: 8, budget: 60_000, minEmployees: 2, maxFreelancers: 4 };
      const opts = { rules, ...dates, alternatives: false };
      const quick = composeTeam(reqs, pool, { ...opts, timeLimitSeconds: 0.02 }, highs);
      const full = composeTeam(reqs, pool, opts, highs);
      expect(full.solve.status).toBe('optimal');
      for (const p of [quick, full]) {
        expect(p.team.members.length).toBeLessThanOrEqual(8);
        expect(p.team.cost).toBeLessThanOrEqual(60_000);
        expect(p.team.employees).toBeGreaterThanOrEqual(2);
        expect(p.team.freelancers).toBeLessThanOrEqual(4);
        expect(p.team.uncovered.length).toBeGreaterThanOrEqual(full.team.uncovered.length);
        expect(p.solve.gap).not.toBeNull();
        expect(p.solve.bound!).toBeLessThanOrEqual(p.team.cost + 0.01);
      }
      if (quick.team.uncovered.length === full.team.uncovered.length) {
        expect(quick.solve.bound!).toBeLessThanOrEqual(full.team.cost + 0.01);
        expect(full.team.cost).toBeLessThanOrEqual(quick.team.cost + 0.01);
      }
    },
  );
});

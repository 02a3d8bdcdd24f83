/**
 * Team composition: the cheapest team that covers every required skill at its level within the size, the
 * budget, availability and the mix rules, solved exactly as a MILP (see team-milp.ts) by an injected solver,
 * with a greedy weighted set cover as the fallback; plus the strongest and the most internal teams at the
 * same coverage. Deterministic: candidates are modelled in talent id order and ties go to the team whose
 * members come first in that order.
 *
 * Lexicographic order of what is optimised:
 *   cheapest       fewest uncovered (must-haves weigh double) → lowest cost
 *   strongest      same coverage → highest strength → lowest cost
 *   most-internal  same coverage → fewest freelancers → lowest cost
 * then ties go to lower talent ids: a member is swapped for a lower-id non-member whenever the team stays
 * within the rules and is as good on every criterion, until no such swap is left.
 */
import type { Message } from '../message.js';
import type { Requirement } from '../matching/types.js';
import { dominatedOut } from './dominance.js';
import { combinatorialBound, greedyCover } from './greedy.js';
import {
  cents,
  prepareInstance,
  rulesFeasible,
  selectionCost,
  selectionStrength,
  type Instance,
} from './instance.js';
import { toLpText, type MilpSolver, type SolveResult } from './milp.js';
import {
  buildModel,
  modelScope,
  objectives,
  selectionOf,
  startOf,
  topLevels,
  type ModelOptions,
  type ModelScope,
  type Objective,
} from './team-milp.js';
import type {
  ComposeOptions,
  SolveReport,
  Team,
  TeamCandidate,
  TeamKind,
  TeamProposal,
  TeamRules,
} from './types.js';

export const DEFAULT_TIME_LIMIT_SECONDS = 10;
const REL_GAP = 1e-9;
/** The greedy fallback's LP relaxation bound gets this long even when the time budget is spent. */
const LP_BOUND_SECONDS = 2;

/** Value of an objective for a selection, computed exactly from the data (not read back from the solver). */
export function objectiveValue(inst: Instance, name: Objective['name'], selected: readonly number[]): number {
  switch (name) {
    case 'uncovered': {
      const chosen = new Set(selected);
      let p = 0;
      inst.coverers.forEach((list, k) => {
        if (list.length > 0 && !list.some((i) => chosen.has(i))) p += inst.penalty[k] ?? 0;
      });
      return p;
    }
    case 'cost':
      return selectionCost(inst, selected);
    case 'strength':
      return selectionStrength(inst, selected);
    case 'freelancers':
      return selected.filter((i) => !inst.cands[i]?.employee).length;
  }
}

function meetsRules(inst: Instance, selected: readonly number[]): boolean {
  const { maxSize, budget, minEmployees, maxFreelancers } = inst.rules;
  if (selected.length > maxSize) return false;
  if (budget !== null && selectionCost(inst, selected) > budget + 0.005) return false;
  const employees = selected.filter((i) => inst.cands[i]?.employee).length;
  if (employees < minEmployees) return false;
  return maxFreelancers === null || selected.length - employees <= maxFreelancers;
}

/**
 * Ties to lower ids: swaps a member (highest id first) for a lower-id non-member (lowest first) whenever
 * the team keeps to the rules and is no worse on any criterion; repeats until no swap applies. The sum of
 * member indices falls with every swap, so this ends.
 */
export function preferLowerIds(
  inst: Instance,
  selected: readonly number[],
  criteria: readonly { objective: Objective; value: number }[],
): number[] {
  let sel = [...selected].sort((a, b) => a - b);
  const noWorse = (next: number[]) =>
    criteria.every(({ objective: o, value }) => {
      const v = objectiveValue(inst, o.name, next);
      return o.sense === 'min' ? v <= value + o.tolerance : v >= value - o.tolerance;
    });
  for (let changed = true; changed;) {
    changed = false;
    const chosen = new Set(sel);
    outer: for (let m = sel.length - 1; m >= 0; m--) {
      const out = sel[m] as number;
      for (let c = 0; c < out; c++) {
        if (chosen.has(c)) continue;
        const next = sel.map((i) => (i === out ? c : i)).sort((a, b) => a - b);
        if (meetsRules(inst, next) && noWorse(next)) {
          sel = next;
          changed = true;
          break outer;
        }
      }
    }
  }
  return sel;
}

/** The team a selection of candidate indices makes. */
export function buildTeam(
  inst: Instance,
  kind: TeamKind,
  selected: readonly number[],
  optimal: boolean,
): Team {
  const sel = [...selected].sort((a, b) => a - b);
  const members = sel.map((i) => {
    const p = inst.cands[i] as Instance['cands'][number];
    return {
      talentId: p.cand.id,
      name: p.cand.name,
      source: p.cand.source,
      dailyCost: p.cand.dailyCost,
      days: Math.round(p.days * 100) / 100,
      cost: p.cost,
      score: p.cand.score,
      covers: [...p.levels.keys()].sort((a, b) => a - b).map((k) => inst.reqs[k]?.skillId ?? ''),
    };
  });
  const coverage = inst.reqs.map((r, k) => ({
    skillId: r.skillId,
    requiredLevel: r.level,
    must: r.must,
    coveredBy: sel
      .flatMap((i) => {
        const level = inst.cands[i]?.levels.get(k);
        return level === undefined ? [] : [{ talentId: inst.cands[i]?.cand.id ?? '', level }];
      })
      .sort((a, b) => b.level - a.level || (a.talentId < b.talentId ? -1 : 1)),
  }));
  const uncovered = coverage.flatMap((c, k) =>
    c.coveredBy.length > 0
      ? []
      : [
          {
            skillId: c.skillId,
            requiredLevel: c.requiredLevel,
            must: c.must,
            reason: inst.uncoverable[k] ?? ('constraints' as const),
          },
        ],
  );
  const employees = members.filter((m) => m.source === 'employee').length;
  return {
    kind,
    optimal,
    members,
    cost: selectionCost(inst, sel),
    employees,
    freelancers: members.length - employees,
    strength: selectionStrength(inst, sel),
    coverage,
    uncovered,
  };
}

function normalizeRules(r: TeamRules): TeamRules {
  return {
    maxSize: Math.max(0, Math.floor(r.maxSize)),
    budget: r.budget === null ? null : Math.max(0, r.budget),
    minEmployees: Math.max(0, Math.floor(r.minEmployees)),
    maxFreelancers: r.maxFreelancers === null ? null : Math.max(0, Math.floor(r.maxFreelancers)),
  };
}

interface LexOutcome {
  /** The last feasible selection found, if any. */
  selection: number[] | null;
  fixed: { objective: Objective; value: number }[];
  /** One result per phase that ran. */
  results: { objective: Objective; result: SolveResult }[];
}

class Runner {
  spent = 0;
  solves = 0;
  constructor(
    private readonly scope: ModelScope,
    private readonly solver: MilpSolver,
    private readonly limit: number,
  ) {}

  get remaining(): number {
    return this.limit - this.spent;
  }

  /** `floor`: seconds granted even when the budget is spent (the fallback's LP relaxation bound). */
  run(
    objective: Objective,
    options: ModelOptions,
    start?: Map<string, number>,
    relax = false,
    floor = 0,
  ): SolveResult {
    const limit = Math.max(this.remaining, floor);
    if (limit <= 0)
      return {
        status: 'time_limit',
        values: null,
        objective: null,
        bound: null,
        seconds: 0,
        message: 'time budget spent',
      };
    const lp = toLpText(buildModel(this.scope, objective, options), relax);
    let res: SolveResult;
    try {
      res = this.solver.solve(lp, {
        timeLimitSeconds: limit,
        absGap: objective.tolerance * 0.9,
        relGap: REL_GAP,
        start,
      });
    } catch (e) {
      res = {
        status: 'error',
        values: null,
        objective: null,
        bound: null,
        seconds: 0,
        message: e instanceof Error ? e.message : String(e),
      };
    }
    this.spent += res.seconds;
    this.solves++;
    return res;
  }

  /** Optimises the objectives one after the other, each optimum a constraint of the next solve. */
  lex(
    phases: readonly Objective[],
    base: ModelOptions,
    fixed: { objective: Objective; value: number }[],
    start?: Map<string, number>,
  ): LexOutcome {
    const out: LexOutcome = { selection: null, fixed: [...fixed], results: [] };
    let warm = start;
    for (const objective of phases) {
      const result = this.run(objective, { ...base, fixed: out.fixed }, warm);
      out.results.push({ objective, result });
      if (!result.values || (result.status !== 'optimal' && result.status !== 'time_limit')) break;
      const selection = selectionOf(this.scope, result.values);
      out.selection = selection;
      out.fixed.push({ objective, value: objectiveValue(this.scope.inst, objective.name, selection) });
      warm = startOf(this.scope, selection);
    }
    return out;
  }
}

const gapOf = (cost: number, bound: number | null): number | null =>
  bound === null ? null : cost <= 0 ? 0 : Math.max(0, (cost - Math.min(bound, cost)) / cost);

/**
 * Composes the team. `solver` null (not loadable) gives the greedy team and its gap to a bound computed
 * without a solver; a solver that fails or finds nothing in time gives the greedy team and its gap to the
 * LP relaxation bound.
 */
export function composeTeam(
  reqs: readonly Requirement[],
  candidates: readonly TeamCandidate[],
  options: ComposeOptions,
  solver: MilpSolver | null,
): TeamProposal {
  const rules = normalizeRules(options.rules);
  const inst = prepareInstance(
    reqs,
    candidates,
    rules,
    options.startDate,
    options.endDate,
    options.defaultDaysPerWeek,
  );
  const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const leftOut = dominatedOut(inst);
  const scope = modelScope(inst, leftOut);
  const greedy = greedyCover(inst, leftOut);
  const greedyTeam = buildTeam(inst, 'cheapest', greedy.selected, false);
  const report: SolveReport = {
    method: 'greedy',
    status: 'fallback',
    gap: null,
    bound: null,
    boundKind: null,
    seconds: 0,
    solves: 0,
    greedy: { cost: greedyTeam.cost, uncovered: greedyTeam.uncovered.length, feasible: greedy.feasible },
    note: null,
  };
  const proposal = (team: Team, alternatives: Team[], feasible = true): TeamProposal => ({
    projectDays: inst.projectDays,
    rules,
    candidates: inst.offered,
    unavailable: inst.unavailable,
    feasible,
    team,
    alternatives,
    solve: report,
  });

  const feasibility = rulesFeasible(inst);
  if (!feasibility.ok) {
    report.status = 'infeasible';
    report.note = feasibility.why;
    return proposal(buildTeam(inst, 'cheapest', [], false), [], false);
  }
  if (inst.cands.length === 0) {
    Object.assign(report, {
      method: 'milp',
      status: 'optimal',
      gap: 0,
      bound: 0,
      boundKind: 'combinatorial',
    });
    report.note = { key: 'team.noCandidate', params: {} };
    return proposal(buildTeam(inst, 'cheapest', [], true), []);
  }

  const obj = objectives(scope);
  /**
   * No proved or timed-out cost optimum: the greedy team, or the solver's best-coverage team if it covers
   * more (it is then an incumbent at the time limit), with its gap to a lower bound on the cost of covering
   * the same requirements: the LP relaxation when a solver is there, else the combinatorial bound.
   */
  const fallback = (why: Message, runner: Runner | null, incumbent: number[] | null = null): TeamProposal => {
    const better =
      incumbent !== null &&
      objectiveValue(inst, 'uncovered', incumbent) < objectiveValue(inst, 'uncovered', greedy.selected);
    const team = better ? buildTeam(inst, 'cheapest', incumbent, false) : greedyTeam;
    report.method = better ? 'milp' : 'greedy';
    report.status = better ? 'time_limit' : 'fallback';
    report.note = why;
    const covered = inst.reqs.flatMap((_, k) => (team.coverage[k]?.coveredBy.length ? [k] : []));
    let bound: number | null = null;
    if (runner) {
      const lp = runner.run(obj.cost, { mustCover: new Set(covered) }, undefined, true, LP_BOUND_SECONDS);
      if (lp.status === 'optimal' && lp.objective !== null) {
        bound = lp.objective;
        report.boundKind = 'lp-relaxation';
      }
      report.seconds = runner.spent;
      report.solves = runner.solves;
    }
    if (bound === null) {
      bound = combinatorialBound(inst, covered);
      report.boundKind = 'combinatorial';
    }
    report.bound = cents(Math.min(bound, team.cost));
    report.gap = gapOf(team.cost, bound);
    return proposal(team, []);
  };
  if (!solver) return fallback({ key: 'team.noSolver', params: {} }, null);

  const runner = new Runner(scope, solver, limit);
  /** The solver's status and message for the first criterion that found no team. */
  const failure = (r: LexOutcome): Message['params'] => {
    const failed = r.results.find((x) => !x.result.values)?.result ?? r.results.at(-1)?.result;
    return { status: failed?.status ?? 'error', detail: failed?.message ? `: ${failed.message}` : '' };
  };
  // Best coverage first. When the greedy team covers everything coverable, it is known without a solve.
  let start = startOf(scope, greedy.selected);
  let coverProved = true;
  let coverValue = 0;
  let coverSelection: number[] | null = null;
  if (!(greedy.feasible && objectiveValue(inst, 'uncovered', greedy.selected) === 0)) {
    const cover = runner.lex([obj.uncovered], {}, [], start);
    if (!cover.selection) return fallback({ key: 'team.solverFailed', params: failure(cover) }, runner);
    coverValue = cover.fixed[0]?.value ?? 0;
    coverProved = cover.results[0]?.result.status === 'optimal';
    coverSelection = cover.selection;
    start = startOf(scope, cover.selection);
  }
  const coverCriterion = { objective: obj.uncovered, value: coverValue };
  // Full coverage is modelled without slacks: a tighter relaxation than "Σ slack ≤ 0".
  const base: ModelOptions = coverValue === 0 ? { mustCover: new Set(scope.coverable) } : {};
  const baseFixed = coverValue === 0 ? [] : [coverCriterion];
  const criteria = (r: LexOutcome) => (coverValue === 0 ? [coverCriterion, ...r.fixed] : r.fixed);

  const cheapest = runner.lex([obj.cost], base, baseFixed, start);
  const costPhase = cheapest.results[0]?.result;
  report.seconds = runner.spent;
  report.solves = runner.solves;
  if (!costPhase?.values || !cheapest.selection)
    return fallback({ key: 'team.solverFailed', params: failure(cheapest) }, runner, coverSelection);
  const proved = coverProved && costPhase.status === 'optimal';
  const team = buildTeam(
    inst,
    'cheapest',
    preferLowerIds(inst, cheapest.selection, criteria(cheapest)),
    proved,
  );
  report.method = 'milp';
  report.status = proved ? 'optimal' : 'time_limit';
  const bound = costPhase.bound ?? (proved ? team.cost : null);
  report.bound = bound === null ? null : cents(Math.min(bound, team.cost));
  report.boundKind = bound === null ? null : 'mip-dual-bound';
  report.gap = gapOf(team.cost, bound);
  if (!proved) report.note = { key: coverProved ? 'team.timeLimit' : 'team.timeLimitCoverage', params: {} };

  const alternatives: Team[] = [];
  if (options.alternatives !== false) {
    const from = startOf(scope, cheapest.selection);
    const add = (kind: TeamKind, out: LexOutcome, known: { objective: Objective; value: number }[]) => {
      if (out.selection)
        alternatives.push(
          buildTeam(
            inst,
            kind,
            preferLowerIds(inst, out.selection, [...known, ...criteria(out)]),
            coverProved && out.results.every((r) => r.result.status === 'optimal'),
          ),
        );
      else report.note ??= { key: 'team.alternativeFailed', params: { kind, ...failure(out) } };
    };
    // Strongest. With full coverage, if a team within the rules holds every requirement at the highest
    // level anyone holds it (a greedy finds one), that is the best strength: then only the cost is left to
    // optimise, as a set cover at those levels, much easier than the strength objective.
    const top = topLevels(scope);
    const strong = coverValue === 0 ? greedyCover(inst, leftOut, top) : null;
    if (strong && strong.feasible && strong.uncovered === 0) {
      const best = { objective: obj.strength, value: objectiveValue(inst, 'strength', strong.selected) };
      add('strongest', runner.lex([obj.cost], { ...base, floor: top }, [], startOf(scope, strong.selected)), [
        best,
      ]);
    } else
      add(
        'strongest',
        runner.lex([obj.strength, obj.cost], { ...base, strength: true }, baseFixed, from),
        [],
      );
    // Most internal. Likewise, if employees alone can cover it all (a greedy finds a team), no freelancer.
    const employeesOnly = inst.cands.map((c, i) => Boolean(leftOut[i]) || !c.employee);
    const internal = coverValue === 0 ? greedyCover(inst, employeesOnly) : null;
    if (internal && internal.feasible && internal.uncovered === 0) {
      const none = [{ objective: obj.freelancers, value: 0 }];
      add('most-internal', runner.lex([obj.cost], base, none, startOf(scope, internal.selected)), []);
    } else add('most-internal', runner.lex([obj.freelancers, obj.cost], base, baseFixed, from), []);
    report.seconds = runner.spent;
    report.solves = runner.solves;
  }
  return proposal(team, alternatives);
}

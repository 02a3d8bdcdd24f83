/**
 * The team composition MILP.
 *
 *   x_i ∈ {0,1}   candidate i is on the team (i in talent id order; dominated candidates are left out)
 *   u_r ∈ [0,1]   requirement r is left uncovered (slack; integral at any optimum since x is)
 *   y_rl ∈ [0,1]  some member holds requirement r at level ≥ l (strength objective only)
 *
 *   cov_r:   Σ_{i holds r at ≥ level} x_i + u_r ≥ 1        for every requirement someone can cover
 *   size:    Σ x_i ≤ maxSize
 *   budget:  Σ cost_i x_i ≤ budget                           when there is a budget
 *   emp:     Σ_{employees} x_i ≥ minEmployees                when > 0
 *   free:    Σ_{freelancers} x_i ≤ maxFreelancers            when set
 *   lvl_rl:  y_rl − Σ_{i holds r at ≥ l} x_i ≤ 0              strength only, l from the required level to 5
 *
 * The best level held for r is level_r · y_r,level_r + Σ_{l > level_r} y_rl, so the strength objective
 * Σ_r share_r · (that) / 5 needs one row per requirement and level, not one per requirement and holder.
 * Objectives are optimised one after the other (lexicographically): each optimum becomes a constraint of
 * the next solve. Requirements nobody can cover are left out of the model; they are always uncovered.
 */
import type { Instance } from './instance.js';
import type { MilpModel, Row, Term } from './milp.js';

export const xVar = (i: number): string => `x${i}`;
export const uVar = (k: number): string => `u${k}`;
const yVar = (k: number, l: number): string => `y${k}_${l}`;

export interface Objective {
  name: 'uncovered' | 'cost' | 'strength' | 'freelancers';
  sense: 'min' | 'max';
  terms: Term[];
  /** Distinct values closer than this are ties: the solver's absolute gap, and the slack of the fix. */
  tolerance: number;
}

/** The model's view of an instance: candidates kept after dominance, coverers among them. */
export interface ModelScope {
  inst: Instance;
  /** Candidate indices in the model, ascending. */
  xs: number[];
  /** Per requirement, the modelled candidates holding it at ≥ the required level. */
  coverers: number[][];
  /** Requirements someone can cover. */
  coverable: number[];
}

export function modelScope(inst: Instance, leftOut: readonly boolean[]): ModelScope {
  const xs = inst.cands.flatMap((_, i) => (leftOut[i] ? [] : [i]));
  const coverers = inst.coverers.map((list) => list.filter((i) => !leftOut[i]));
  return { inst, xs, coverers, coverable: coverers.flatMap((l, k) => (l.length > 0 ? [k] : [])) };
}

/** Per requirement, the highest level a modelled candidate holds (the required level if nobody covers it). */
export function topLevels(scope: ModelScope): number[] {
  return scope.inst.reqs.map((r, k) =>
    Math.max(r.level, ...(scope.coverers[k] ?? []).map((i) => scope.inst.cands[i]?.levels.get(k) ?? 0)),
  );
}

/** Levels above the required one that some modelled candidate holds for requirement k. */
function higherLevels(scope: ModelScope, k: number): number[] {
  const req = scope.inst.reqs[k]?.level ?? 1;
  const out: number[] = [];
  for (let l = req + 1; l <= 5; l++)
    if ((scope.coverers[k] ?? []).some((i) => (scope.inst.cands[i]?.levels.get(k) ?? 0) >= l)) out.push(l);
  return out;
}

export function objectives(scope: ModelScope): Record<Objective['name'], Objective> {
  const { inst, xs, coverable } = scope;
  return {
    uncovered: {
      name: 'uncovered',
      sense: 'min',
      terms: coverable.map((k) => ({ v: uVar(k), c: inst.penalty[k] ?? 1 })),
      tolerance: 0.5,
    },
    cost: {
      name: 'cost',
      sense: 'min',
      terms: xs.map((i) => ({ v: xVar(i), c: inst.cands[i]?.cost ?? 0 })),
      // Costs are whole cents.
      tolerance: 0.005,
    },
    strength: {
      name: 'strength',
      sense: 'max',
      terms: coverable.flatMap((k) => {
        const share = (inst.shares[k] ?? 0) / 5;
        const req = inst.reqs[k]?.level ?? 1;
        return [
          { v: yVar(k, req), c: share * req },
          ...higherLevels(scope, k).map((l) => ({ v: yVar(k, l), c: share })),
        ];
      }),
      tolerance: 1e-7,
    },
    freelancers: {
      name: 'freelancers',
      sense: 'min',
      terms: xs.filter((i) => !inst.cands[i]?.employee).map((i) => ({ v: xVar(i), c: 1 })),
      tolerance: 0.5,
    },
  };
}

export interface ModelOptions {
  /** Requirements that must be covered (no slack); the others get a slack u_r. Default: none. */
  mustCover?: ReadonlySet<number>;
  /** Per requirement, the level that counts as covering it (default: the required level). */
  floor?: readonly number[];
  /** Add the y variables and rows the strength objective needs. */
  strength?: boolean;
  /** Earlier optima, as constraints. */
  fixed?: readonly { objective: Objective; value: number }[];
}

export function buildModel(scope: ModelScope, objective: Objective, options: ModelOptions = {}): MilpModel {
  const { inst, xs, coverers, coverable } = scope;
  const { cands, rules } = inst;
  const rows: Row[] = [];
  const continuous: string[] = [];
  const x = (list: readonly number[]) => list.map((i) => ({ v: xVar(i), c: 1 }));
  for (const k of coverable) {
    const floor = options.floor?.[k];
    const list = coverers[k] ?? [];
    const terms = x(floor === undefined ? list : list.filter((i) => (cands[i]?.levels.get(k) ?? 0) >= floor));
    if (!options.mustCover?.has(k)) {
      terms.push({ v: uVar(k), c: 1 });
      continuous.push(uVar(k));
    }
    rows.push({ name: `cov${k}`, terms, op: '>=', rhs: 1 });
  }
  rows.push({ name: 'size', terms: x(xs), op: '<=', rhs: rules.maxSize });
  if (rules.budget !== null)
    rows.push({
      name: 'budget',
      terms: xs.map((i) => ({ v: xVar(i), c: cands[i]?.cost ?? 0 })),
      op: '<=',
      rhs: rules.budget,
    });
  const employees = xs.filter((i) => cands[i]?.employee);
  const freelancers = xs.filter((i) => !cands[i]?.employee);
  if (rules.minEmployees > 0)
    rows.push({ name: 'emp', terms: x(employees), op: '>=', rhs: rules.minEmployees });
  if (rules.maxFreelancers !== null)
    rows.push({ name: 'free', terms: x(freelancers), op: '<=', rhs: rules.maxFreelancers });
  if (options.strength) {
    for (const k of coverable) {
      const req = inst.reqs[k]?.level ?? 1;
      for (const l of [req, ...higherLevels(scope, k)]) {
        const holders = (coverers[k] ?? []).filter((i) => (cands[i]?.levels.get(k) ?? 0) >= l);
        continuous.push(yVar(k, l));
        rows.push({
          name: `lvl${k}_${l}`,
          terms: [{ v: yVar(k, l), c: 1 }, ...holders.map((i) => ({ v: xVar(i), c: -1 }))],
          op: '<=',
          rhs: 0,
        });
      }
    }
  }
  for (const [n, f] of (options.fixed ?? []).entries()) {
    const o = f.objective;
    rows.push({
      name: `fix${n}_${o.name}`,
      terms: o.terms,
      op: o.sense === 'min' ? '<=' : '>=',
      rhs: o.sense === 'min' ? f.value + o.tolerance : f.value - o.tolerance,
    });
  }
  return {
    sense: objective.sense,
    objective: objective.terms,
    rows,
    binaries: xs.map(xVar),
    unitContinuous: continuous,
  };
}

/** Reads the selected candidates (x_i = 1) from solver values. */
export function selectionOf(scope: ModelScope, values: ReadonlyMap<string, number>): number[] {
  return scope.xs.filter((i) => (values.get(xVar(i)) ?? 0) > 0.5);
}

/** A selection as a MIP start: x, and u for the requirements it leaves uncovered. */
export function startOf(scope: ModelScope, selected: readonly number[]): Map<string, number> {
  const m = new Map<string, number>();
  const chosen = new Set(selected);
  for (const i of selected) m.set(xVar(i), 1);
  for (const k of scope.coverable)
    if (!(scope.inst.coverers[k] ?? []).some((i) => chosen.has(i))) m.set(uVar(k), 1);
  return m;
}

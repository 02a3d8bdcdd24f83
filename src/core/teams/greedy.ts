/**
 * Greedy weighted set cover under the team rules: the fallback when the solver is missing, fails or finds
 * nothing in time, and the MIP start otherwise. Picks, again and again, the candidate with the lowest cost
 * per unit of newly covered requirement (must-haves weigh double), keeping room in the size and the budget
 * for the employees the mix still needs; then tops up employees, then drops members made redundant.
 */
import type { Instance } from './instance.js';

export interface GreedyResult {
  /** Candidate indices, ascending. */
  selected: number[];
  /** Whether the selection meets the rules (false only when they cannot be met). */
  feasible: boolean;
}

const EPS = 0.005;

interface CoverView {
  /** Per candidate, the requirements it covers. */
  covers: number[][];
  /** Per requirement, the candidates covering it. */
  coverers: number[][];
}

/** Who covers what when requirement k needs level ≥ floor[k] (default: its required level). */
export function coverView(inst: Instance, floor?: readonly number[]): CoverView {
  const ok = (i: number, k: number) =>
    (inst.cands[i]?.levels.get(k) ?? 0) >= (floor?.[k] ?? inst.reqs[k]?.level ?? 0);
  return {
    covers: inst.cands.map((c, i) => [...c.levels.keys()].filter((k) => ok(i, k))),
    coverers: inst.coverers.map((list, k) => list.filter((i) => ok(i, k))),
  };
}

/** One greedy pass; `seatCost` is added to every candidate's cost in the ratio (a price on team seats). */
function greedyPass(
  inst: Instance,
  view: CoverView,
  seatCost: number,
  leftOut: readonly boolean[],
): GreedyResult {
  const { cands, penalty, rules } = inst;
  const { covers, coverers } = view;
  const n = cands.length;
  const chosen = new Array<boolean>(n).fill(false);
  const coverCount = coverers.map(() => 0);
  const employeesByCost = cands
    .map((c, i) => ({ c, i }))
    .filter((e) => e.c.employee && !leftOut[e.i])
    .sort((a, b) => a.c.cost - b.c.cost || a.i - b.i)
    .map((e) => e.i);
  let size = 0;
  let cost = 0;
  let employees = 0;
  let freelancers = 0;

  /** Cost of the `need` cheapest employees not chosen and not `except`. */
  const reserve = (need: number, except: number): number => {
    let s = 0;
    for (const i of employeesByCost) {
      if (need <= 0) break;
      if (chosen[i] || i === except) continue;
      s += cands[i]?.cost ?? 0;
      need--;
    }
    return need > 0 ? Infinity : s;
  };

  const canAdd = (i: number): boolean => {
    const c = cands[i];
    if (!c || chosen[i] || leftOut[i] || size + 1 > rules.maxSize) return false;
    if (!c.employee && rules.maxFreelancers !== null && freelancers + 1 > rules.maxFreelancers) return false;
    const need = Math.max(0, rules.minEmployees - employees - (c.employee ? 1 : 0));
    if (rules.maxSize - (size + 1) < need) return false;
    const extra = need > 0 ? reserve(need, i) : 0;
    return rules.budget === null || cost + c.cost + extra <= rules.budget + EPS;
  };

  const add = (i: number) => {
    const c = cands[i];
    if (!c) return;
    chosen[i] = true;
    size++;
    cost += c.cost;
    if (c.employee) employees++;
    else freelancers++;
    for (const k of covers[i] ?? []) coverCount[k] = (coverCount[k] ?? 0) + 1;
  };

  for (;;) {
    let best = -1;
    let bestRatio = Infinity;
    for (let i = 0; i < n; i++) {
      if (chosen[i]) continue;
      let gain = 0;
      for (const k of covers[i] ?? []) if (coverCount[k] === 0) gain += penalty[k] ?? 0;
      if (gain === 0) continue;
      const ratio = ((cands[i]?.cost ?? 0) + seatCost) / gain;
      if (ratio < bestRatio && canAdd(i)) {
        best = i;
        bestRatio = ratio;
      }
    }
    if (best < 0) break;
    add(best);
  }
  for (const i of employeesByCost) {
    if (employees >= rules.minEmployees) break;
    if (canAdd(i)) add(i);
  }
  // Drop members whose every covered requirement is covered by someone else, most expensive first.
  const members = cands
    .map((c, i) => ({ c, i }))
    .filter((e) => chosen[e.i])
    .sort((a, b) => b.c.cost - a.c.cost || b.i - a.i);
  for (const { c, i } of members) {
    if (c.employee && employees - 1 < rules.minEmployees) continue;
    if ((covers[i] ?? []).some((k) => (coverCount[k] ?? 0) <= 1)) continue;
    chosen[i] = false;
    size--;
    cost -= c.cost;
    if (c.employee) employees--;
    else freelancers--;
    for (const k of covers[i] ?? []) coverCount[k] = (coverCount[k] ?? 0) - 1;
  }
  const selected: number[] = [];
  chosen.forEach((v, i) => v && selected.push(i));
  return { selected, feasible: employees >= rules.minEmployees };
}

/**
 * The best of a few greedy passes: plain cost per covered requirement, and with a price on seats (so that
 * when the team size binds, people who cover several requirements win), up to "most coverage first".
 * Best means fewest uncovered (weighted), then lowest cost. `leftOut` candidates are never picked;
 * `floor` raises the level that counts as covering a requirement.
 */
export function greedyCover(
  inst: Instance,
  leftOut: readonly boolean[] = [],
  floor?: readonly number[],
): GreedyResult & { uncovered: number } {
  const view = coverView(inst, floor);
  const costs = inst.cands.map((c) => c.cost).sort((a, b) => a - b);
  const median = costs[Math.floor(costs.length / 2)] ?? 0;
  let best: { r: GreedyResult; penalty: number; cost: number } | null = null;
  for (const seat of [0, median, 4 * median, 1e6 * (median + 1)]) {
    const r = greedyPass(inst, view, seat, leftOut);
    const chosen = new Set(r.selected);
    let penalty = 0;
    view.coverers.forEach((list, k) => {
      if (!list.some((i) => chosen.has(i))) penalty += inst.penalty[k] ?? 0;
    });
    const cost = r.selected.reduce((s, i) => s + (inst.cands[i]?.cost ?? 0), 0);
    const better =
      !best ||
      (r.feasible && !best.r.feasible) ||
      (r.feasible === best.r.feasible &&
        (penalty < best.penalty || (penalty === best.penalty && cost < best.cost - 0.005)));
    if (better) best = { r, penalty, cost };
  }
  const found = best as { r: GreedyResult; penalty: number };
  // Penalty of coverable requirements (at the floor) left uncovered.
  const coverable = view.coverers.reduce(
    (p, list, k) => p + (list.length > 0 ? 0 : (inst.penalty[k] ?? 0)),
    0,
  );
  return { ...found.r, uncovered: found.penalty - coverable };
}

/**
 * A lower bound on the cost of any team covering `covered` under the rules, without a solver: each covered
 * requirement needs one of its coverers, and the mix needs the K cheapest employees at least.
 */
export function combinatorialBound(inst: Instance, covered: readonly number[]): number {
  let bound = 0;
  for (const k of covered) {
    let min = Infinity;
    for (const i of inst.coverers[k] ?? []) min = Math.min(min, inst.cands[i]?.cost ?? Infinity);
    if (Number.isFinite(min)) bound = Math.max(bound, min);
  }
  const k = inst.rules.minEmployees;
  if (k > 0) {
    const costs = inst.cands
      .filter((c) => c.employee)
      .map((c) => c.cost)
      .sort((a, b) => a - b);
    bound = Math.max(
      bound,
      costs.slice(0, k).reduce((a, b) => a + b, 0),
    );
  }
  return bound;
}

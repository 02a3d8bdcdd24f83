/**
 * The composition problem in index form: available candidates in talent id order with their cost on the
 * project, who covers which requirement, and why a requirement nobody can cover stays uncovered.
 */
import type { Message } from '../message.js';
import { MUST_MULTIPLIER, effectiveWeights } from '../matching/score-candidate.js';
import type { Requirement } from '../matching/types.js';
import type { TeamCandidate, TeamRules, UncoveredReason } from './types.js';
import { DEFAULT_DAYS_PER_WEEK, availableDays, projectWindow } from './working-days.js';

export interface Prepared {
  cand: TeamCandidate;
  days: number;
  /** dailyCost × days, rounded to the cent. */
  cost: number;
  employee: boolean;
  /** Level held per covered requirement index. */
  levels: Map<number, number>;
}

export interface Instance {
  reqs: readonly Requirement[];
  /** Penalty of leaving requirement r uncovered: must-haves count MUST_MULTIPLIER times. */
  penalty: number[];
  /** Requirement importance shares (must-haves twice), for the strength of a team. */
  shares: number[];
  /** Available candidates (some available days), in talent id order. */
  cands: Prepared[];
  /** Per requirement, indices of candidates holding it at ≥ the required level. */
  coverers: number[][];
  /** Per requirement: null if someone available covers it, else why nobody can. */
  uncoverable: (UncoveredReason | null)[];
  rules: TeamRules;
  projectDays: number;
  offered: number;
  unavailable: number;
}

export const cents = (x: number): number => Math.round(x * 100) / 100;

export function prepareInstance(
  reqs: readonly Requirement[],
  candidates: readonly TeamCandidate[],
  rules: TeamRules,
  startDate: string,
  endDate: string,
  defaultDaysPerWeek = DEFAULT_DAYS_PER_WEEK,
): Instance {
  const window = projectWindow(startDate, endDate);
  const sorted = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cands: Prepared[] = [];
  const heldSomewhere = reqs.map(() => false);
  let unavailable = 0;
  for (const cand of sorted) {
    const held = new Map(cand.skills.map((s) => [s.skillId, s.level]));
    const levels = new Map<number, number>();
    reqs.forEach((r, k) => {
      const level = held.get(r.skillId);
      if (level !== undefined && level >= r.level) levels.set(k, level);
    });
    const days = Math.min(window.workingDays, availableDays(cand.availability, window, defaultDaysPerWeek));
    if (!(days > 0)) {
      unavailable++;
      for (const k of levels.keys()) heldSomewhere[k] = true;
      continue;
    }
    cands.push({
      cand,
      days,
      cost: cents(Math.max(0, cand.dailyCost) * days),
      employee: cand.source === 'employee',
      levels,
    });
  }
  const coverers = reqs.map(() => [] as number[]);
  cands.forEach((c, i) => {
    for (const k of c.levels.keys()) coverers[k]?.push(i);
  });
  return {
    reqs,
    penalty: reqs.map((r) => (r.must ? MUST_MULTIPLIER : 1)),
    shares: effectiveWeights(reqs),
    cands,
    coverers,
    uncoverable: coverers.map((list, k) =>
      list.length > 0 ? null : heldSomewhere[k] ? 'nobody-available' : 'nobody-holds-it',
    ),
    rules,
    projectDays: window.workingDays,
    offered: candidates.length,
    unavailable,
  };
}

/** Total penalty of the requirements a selection leaves uncovered. */
export function uncoveredPenalty(inst: Instance, selected: readonly number[]): number {
  const chosen = new Set(selected);
  let p = 0;
  inst.coverers.forEach((list, k) => {
    if (!list.some((i) => chosen.has(i))) p += inst.penalty[k] ?? 0;
  });
  return p;
}

export function selectionCost(inst: Instance, selected: readonly number[]): number {
  return cents(selected.reduce((s, i) => s + (inst.cands[i]?.cost ?? 0), 0));
}

/** Strength of a selection: Σ_r share_r × (best level held at ≥ the required level) / 5. */
export function selectionStrength(inst: Instance, selected: readonly number[]): number {
  let s = 0;
  inst.reqs.forEach((_, k) => {
    let best = 0;
    for (const i of selected) best = Math.max(best, inst.cands[i]?.levels.get(k) ?? 0);
    s += ((inst.shares[k] ?? 0) * best) / 5;
  });
  return s;
}

/**
 * Whether any team meets the rules: only "at least K employees" can fail (the empty team meets the rest),
 * and it can be met iff K ≤ max size and the K cheapest available employees fit in the budget.
 */
export function rulesFeasible(inst: Instance): { ok: boolean; why: Message | null } {
  const { minEmployees: k, maxSize, budget } = inst.rules;
  if (k <= 0) return { ok: true, why: null };
  if (k > maxSize)
    return { ok: false, why: { key: 'team.rules.minEmployeesOverSize', params: { k, maxSize } } };
  const costs = inst.cands
    .filter((c) => c.employee)
    .map((c) => c.cost)
    .sort((a, b) => a - b);
  if (costs.length < k)
    return { ok: false, why: { key: 'team.rules.tooFewEmployees', params: { available: costs.length, k } } };
  const cheapest = cents(costs.slice(0, k).reduce((a, b) => a + b, 0));
  if (budget !== null && cheapest > budget + 0.005)
    return { ok: false, why: { key: 'team.rules.overBudget', params: { k, cost: cheapest, budget } } };
  return { ok: true, why: null };
}

/**
 * Closing a gap: who inside could learn the skill fastest (and through which steps), and whether to train,
 * borrow (a freelancer) or hire.
 *
 * Effort for an employee = min over the skills they hold of (path cost from that skill, skill-graph.ts)
 * × S × the level factor of the held skill (strong foundations learn faster: ×1.5 at level 1 … ×0.8 at 5),
 * where S = weeksPerLevel × the required level; an employee holding the target below the required level
 * needs weeksPerLevel a missing level; nobody needs more than S (from scratch). Weeks are calendar weeks
 * at `trainingDaysPerWeek` days of training a week.
 *
 * Train / borrow / hire, for a shortage of D person-days on projects lasting `dur` weeks (demand-weighted):
 * each option has a time to capability T and covers the share f = max(0, 1 − T / dur) of the shortage
 * (the rest of the projects' time is uncovered); its cost is its set-up cost plus the covered person-days
 * at its daily rate:
 * - train: T = the best employee's effort; set-up = T × (trainingDaysPerWeek × their daily cost +
 *   trainingFeePerWeek); rate = their internal daily cost;
 * - borrow: T = freelanceLeadWeeks (pool freelancers hold it) or marketLeadWeeks (find one outside);
 *   rate = the pool freelancers' mean day rate (or the domain's, or defaultFreelanceRate);
 * - hire: T = hiringLeadWeeks; set-up = hiringFee; rate = internal cost; only when D ≥ hireMinPersonDays.
 * The choice is the cheapest per covered person-day among the timely options (f ≥ timelyShare), else the
 * option covering the most. Every constant is a parameter (DEFAULT_SOURCING) and is documented here.
 */
import type { Message } from '../message.js';
import { MILLI } from './definitions.js';
import type { GapEngine } from './gap-engine.js';
import { LEVELS } from './gap-engine.js';
import { gapReport, sourceCodes, type SourceFilter } from './gaps.js';
import {
  learningPath,
  pathsTo,
  type LearningStep,
  type PathsToTarget,
  type SkillGraph,
} from './skill-graph.js';

export interface SourcingParams {
  /** Weeks to learn one level of a skill from scratch. */
  weeksPerLevel: number;
  /** Effort multiplier by the level (1–5) of the skill the learner starts from (index 0 unused). */
  levelFactor: readonly number[];
  trainingDaysPerWeek: number;
  trainingFeePerWeek: number;
  freelanceLeadWeeks: number;
  marketLeadWeeks: number;
  hiringLeadWeeks: number;
  hiringFee: number;
  hireMinPersonDays: number;
  defaultFreelanceRate: number;
  defaultInternalCost: number;
  /** Share of the shortage an option must cover to count as timely. */
  timelyShare: number;
}

export const DEFAULT_SOURCING: SourcingParams = {
  weeksPerLevel: 4,
  levelFactor: [1.5, 1.5, 1.25, 1, 0.9, 0.8],
  trainingDaysPerWeek: 1.5,
  trainingFeePerWeek: 500,
  freelanceLeadWeeks: 2,
  marketLeadWeeks: 4,
  hiringLeadWeeks: 16,
  hiringFee: 25_000,
  hireMinPersonDays: 200,
  defaultFreelanceRate: 750,
  defaultInternalCost: 550,
  timelyShare: 0.75,
};

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Path costs to `target` per snapshot skill code (units of S), Infinity where there is no path. */
function costsBySkillCode(engine: GapEngine, graph: SkillGraph, paths: PathsToTarget): Float64Array {
  const names = engine.snap.skills.names;
  const out = new Float64Array(names.length).fill(Infinity);
  names.forEach((id, code) => {
    const g = graph.index.get(id);
    if (g !== undefined) out[code] = paths.cost[g]!;
  });
  return out;
}

export interface Learner {
  talentId: string;
  /** Current level in the target skill (0 when not held). */
  currentLevel: number;
  effortWeeks: number;
  /** The held skill the plan starts from (the target itself when topping up a level), and its level. */
  from: { skillId: string; level: number } | null;
  plan: LearningStep[];
  dailyCost: number;
  /** Capacity in the analytics window, person-days. */
  capacity: number;
}

interface Effort {
  weeks: number;
  fromCode: number;
  fromLevel: number;
  current: number;
}

/** Where `effortOf` writes its answer (one object reused: this runs once per employee). */
const scratchEffort: Effort = { weeks: 0, fromCode: -1, fromLevel: 0, current: 0 };

/**
 * Best effort of talent `o` toward `target` (code) at `level`, into `scratchEffort`; false when they hold
 * it at that level already.
 */
function effortOf(
  engine: GapEngine,
  o: number,
  target: number,
  level: number,
  costs: Float64Array,
  params: SourcingParams,
): boolean {
  const s = engine.snap;
  const skSkill = s.skSkill;
  const skLevel = s.skLevel;
  const factor = params.levelFactor;
  const scratch = params.weeksPerLevel * level;
  let best = scratch;
  let fromCode = -1;
  let fromLevel = 0;
  let current = 0;
  for (let k = s.tSkStart[o]!, end = s.tSkStart[o + 1]!; k < end; k++) {
    const sk = skSkill[k]!;
    const lv = skLevel[k]!;
    if (sk === target) {
      current = lv;
      if (lv >= level) return false;
      const w = (level - lv) * params.weeksPerLevel;
      if (w < best) {
        best = w;
        fromCode = sk;
        fromLevel = lv;
      }
      continue;
    }
    const c = costs[sk]!;
    if (c === Infinity) continue;
    const w = c * scratch * (factor[lv] ?? 1);
    if (w < best - 1e-9 || (Math.abs(w - best) <= 1e-9 && (fromCode < 0 || sk < fromCode))) {
      best = w;
      fromCode = sk;
      fromLevel = lv;
    }
  }
  scratchEffort.weeks = best;
  scratchEffort.fromCode = fromCode;
  scratchEffort.fromLevel = fromLevel;
  scratchEffort.current = current;
  return true;
}

export interface UpskillOptions {
  /** Learners to return (default 10). */
  top?: number;
  /** Target level (default: the level the open demand asks for). */
  level?: number;
  params?: SourcingParams;
}

export interface UpskillResult {
  skillId: string;
  domain: string;
  requiredLevel: number;
  fromScratchWeeks: number;
  /** Employees holding it at the required level already, and freelancers. */
  holders: { employee: number; freelance: number };
  /** Employees who could learn it, fastest first (ties: most capacity, then id). */
  learners: Learner[];
  /** Employees able to get there in less than the from-scratch time. */
  withHeadStart: number;
}

/** Employees who could learn `skillId` fastest: one scan of the employees' skills (O(skill claims)). */
export function upskill(
  engine: GapEngine,
  graph: SkillGraph,
  skillId: string,
  options: UpskillOptions = {},
): UpskillResult | null {
  engine.ensure();
  const s = engine.snap;
  const target = s.skills.find(skillId);
  const paths = pathsTo(graph, skillId);
  if (target < 0 && !paths) return null;
  const params = options.params ?? DEFAULT_SOURCING;
  const level = Math.max(1, Math.min(5, options.level ?? (target >= 0 ? engine.requiredLevel(target) : 3)));
  const scratch = params.weeksPerLevel * level;
  const costs = paths
    ? costsBySkillCode(engine, graph, paths)
    : new Float64Array(s.skillCount).fill(Infinity);
  const top = Math.max(1, options.top ?? 10);
  const best: { o: number; e: Effort }[] = [];
  let headStart = 0;
  const tCap = engine.tCap;
  // Is (weeks, o) before b in the ranking: fewer weeks, then more capacity, then the smaller id.
  const before = (weeks: number, o: number, b: { o: number; e: Effort }) =>
    weeks < b.e.weeks - 1e-9 ||
    (Math.abs(weeks - b.e.weeks) <= 1e-9 &&
      ((tCap[o] ?? 0) > (tCap[b.o] ?? 0) ||
        ((tCap[o] ?? 0) === (tCap[b.o] ?? 0) && s.tId[o]! < s.tId[b.o]!)));
  for (let o = 0; o < s.nT; o++) {
    if (!s.tAlive[o] || s.tSource[o] !== 0) continue;
    if (!effortOf(engine, o, target, level, costs, params)) continue;
    const weeks = scratchEffort.weeks;
    if (weeks < scratch - 1e-9) headStart++;
    // Most employees are slower than the current top: one comparison and on.
    if (best.length >= top && weeks > best[best.length - 1]!.e.weeks + 1e-9) continue;
    if (best.length < top || before(weeks, o, best[best.length - 1]!)) {
      let i = best.length;
      while (i > 0 && before(weeks, o, best[i - 1]!)) i--;
      best.splice(i, 0, { o, e: { ...scratchEffort } });
      if (best.length > top) best.pop();
    }
  }
  const learners: Learner[] = best.map(({ o, e }) => {
    const fromId = e.fromCode >= 0 ? s.skills.names[e.fromCode]! : null;
    let plan: LearningStep[] = [];
    if (fromId === skillId)
      plan = [{ skillId, from: skillId, transfer: e.fromLevel / level, weeks: round1(e.weeks) }];
    else if (fromId && paths)
      plan = learningPath(graph, paths, fromId, scratch * (params.levelFactor[e.fromLevel] ?? 1));
    else plan = [{ skillId, from: '', transfer: 0, weeks: round1(scratch) }];
    return {
      talentId: s.tId[o]!,
      currentLevel: e.current,
      effortWeeks: round1(e.weeks),
      from: fromId ? { skillId: fromId, level: e.fromLevel } : null,
      plan,
      dailyCost: s.tCost[o]!,
      capacity: round1(engine.tCap[o] ?? 0),
    };
  });
  return {
    skillId,
    domain:
      target >= 0
        ? s.domains.names[s.skillDomain[target]!]!
        : graph.index.has(skillId)
          ? (s.tax.byId.get(skillId)?.domain ?? 'unknown')
          : 'unknown',
    requiredLevel: level,
    fromScratchWeeks: scratch,
    holders:
      target >= 0
        ? { employee: engine.holdersAt(target, level, [0]), freelance: engine.holdersAt(target, level, [1]) }
        : { employee: 0, freelance: 0 },
    learners,
    withHeadStart: headStart,
  };
}

// ------------------------------------------------------------------------------------ train/borrow/hire

export type SourcingAction = 'train' | 'borrow' | 'hire';

export interface SourcingOption {
  action: SourcingAction;
  /** Weeks until someone can do the work. */
  weeks: number;
  /** Share of the shortage it covers in time (1 − weeks / duration, at least 0). */
  covers: number;
  dailyRate: number;
  setupCost: number;
  /** Set-up plus the covered person-days at the daily rate. */
  cost: number;
  costPerPersonDay: number | null;
  available: boolean;
  /** Why it is (not) available, or how it is done: rendered by `sourcing-messages.ts`. */
  note: Message;
}

export interface Recommendation {
  skillId: string;
  shortage: number;
  durationWeeks: number;
  /** Open projects with this skill as a must-have: what closing the gap unblocks. */
  unblocks: number;
  action: SourcingAction;
  options: SourcingOption[];
}

/** Best training effort from the (skill, level) holder counts: no talent scan. */
function bestTrainingEffort(
  engine: GapEngine,
  target: number,
  level: number,
  costs: Float64Array,
  params: SourcingParams,
): { weeks: number; dailyCost: number } | null {
  const scratch = params.weeksPerLevel * level;
  let best = Infinity;
  let cost = params.defaultInternalCost;
  for (let sk = 0; sk < engine.skillCount; sk++) {
    for (let lv = 1; lv <= 5; lv++) {
      const i = (sk * LEVELS + lv) * 2;
      const n = engine.holders[i]!;
      if (n <= 0) continue;
      let w: number;
      if (sk === target) {
        if (lv >= level) continue;
        w = (level - lv) * params.weeksPerLevel;
      } else {
        const c = costs[sk]!;
        if (c === Infinity) continue;
        w = c * scratch * (params.levelFactor[lv] ?? 1);
      }
      if (w < best) {
        best = w;
        cost = engine.costSum[i]! / n;
      }
    }
  }
  if (engine.talents[0]! <= 0) return null;
  if (best === Infinity || best > scratch) best = scratch;
  return { weeks: best, dailyCost: cost };
}

function domainFreelanceRate(engine: GapEngine, domain: number): number | null {
  const s = engine.snap;
  let c = 0;
  let n = 0;
  for (let sk = 0; sk < engine.skillCount; sk++) {
    if (s.skillDomain[sk] !== domain) continue;
    for (let lv = 1; lv <= 5; lv++) {
      const i = (sk * LEVELS + lv) * 2 + 1;
      c += engine.costSum[i]!;
      n += engine.holders[i]!;
    }
  }
  return n > 0 ? c / n : null;
}

export function recommend(
  engine: GapEngine,
  graph: SkillGraph,
  skillId: string,
  shortage: number,
  params: SourcingParams = DEFAULT_SOURCING,
): Recommendation | null {
  engine.ensure();
  const s = engine.snap;
  const sk = s.skills.find(skillId);
  if (sk < 0) return null;
  const level = engine.requiredLevel(sk);
  const durationWeeks = Math.max(1, engine.demandDuration(sk) / 5);
  const paths = pathsTo(graph, skillId);
  const costs = paths
    ? costsBySkillCode(engine, graph, paths)
    : new Float64Array(s.skillCount).fill(Infinity);
  const covers = (weeks: number) => Math.max(0, 1 - weeks / durationWeeks);
  const option = (
    action: SourcingAction,
    weeks: number,
    rate: number,
    setup: number,
    available: boolean,
    note: Message,
  ): SourcingOption => {
    const f = covers(weeks);
    const cost = setup + shortage * f * rate;
    return {
      action,
      weeks: round1(weeks),
      covers: round3(f),
      dailyRate: Math.round(rate),
      setupCost: Math.round(setup),
      cost: Math.round(cost),
      costPerPersonDay: shortage * f > 0 ? Math.round(cost / (shortage * f)) : null,
      available,
      note,
    };
  };
  // Train.
  const tr = bestTrainingEffort(engine, sk, level, costs, params);
  const train = tr
    ? option(
        'train',
        tr.weeks,
        tr.dailyCost,
        tr.weeks * (params.trainingDaysPerWeek * tr.dailyCost + params.trainingFeePerWeek),
        true,
        { key: 'sourcing.train.best', params: { weeks: round1(tr.weeks) } },
      )
    : option('train', Infinity, params.defaultInternalCost, 0, false, {
        key: 'sourcing.train.none',
        params: {},
      });
  // Borrow.
  const poolRate = engine.meanCostAt(sk, level, [1]);
  const inPool = engine.holdersAt(sk, level, [1]);
  const rate = poolRate ?? domainFreelanceRate(engine, s.skillDomain[sk]!) ?? params.defaultFreelanceRate;
  const borrow = option(
    'borrow',
    inPool > 0 ? params.freelanceLeadWeeks : params.marketLeadWeeks,
    rate,
    0,
    true,
    inPool > 0
      ? { key: 'sourcing.borrow.pool', params: { count: inPool, level } }
      : { key: 'sourcing.borrow.market', params: {} },
  );
  // Hire.
  const internal = engine.meanCostAt(sk, 1, [0]) ?? tr?.dailyCost ?? params.defaultInternalCost;
  const hireOk = shortage >= params.hireMinPersonDays;
  const hire = option(
    'hire',
    params.hiringLeadWeeks,
    internal,
    params.hiringFee,
    hireOk,
    hireOk
      ? { key: 'sourcing.hire.lasting', params: {} }
      : { key: 'sourcing.hire.tooSmall', params: { minPersonDays: params.hireMinPersonDays } },
  );
  const options = [train, borrow, hire];
  const usable = options.filter((o) => o.available && o.covers > 0);
  const timely = usable.filter((o) => o.covers >= params.timelyShare);
  const pool = timely.length ? timely : usable;
  const pick =
    [...pool].sort((a, b) =>
      timely.length
        ? (a.costPerPersonDay ?? Infinity) - (b.costPerPersonDay ?? Infinity) || a.weeks - b.weeks
        : b.covers - a.covers || (a.costPerPersonDay ?? Infinity) - (b.costPerPersonDay ?? Infinity),
    )[0] ?? borrow;
  return {
    skillId,
    shortage: round1(shortage),
    durationWeeks: round1(durationWeeks),
    unblocks: engine.nOpenMust[sk]!,
    action: pick.action,
    options,
  };
}

// ----------------------------------------------------------------------------------- whole-gap plan

export interface PlanAssignment {
  talentId: string;
  skillId: string;
  effortWeeks: number;
  from: { skillId: string; level: number } | null;
  /** Person-days of the shortage this person covers once trained (their window capacity, at most). */
  covers: number;
}

export interface TrainingPlan {
  people: number;
  assignments: PlanAssignment[];
  shortageBefore: number;
  shortageCovered: number;
  /** Share of the shortage the assignments close. */
  shareOfShortage: number;
  /** Share of the open demand covered by the pool, before and after the training. */
  coverageBefore: number;
  coverageAfter: number;
  summary: string;
}

/**
 * Whom to train on what: for the gap skills with the largest shortages, the fastest learners of each (one
 * scan of the employees), then a greedy choice of `people` (person, skill) pairs, each time the one closing
 * the most shortage per week of training (min(remaining shortage, their capacity) / weeks); a person is
 * trained on one skill.
 */
interface Pick {
  j: number;
  c: { o: number; e: Effort; cap: number };
  gain: number;
  value: number;
}

export function trainingPlan(
  engine: GapEngine,
  graph: SkillGraph,
  options: {
    people?: number;
    skills?: number;
    source?: SourceFilter;
    params?: SourcingParams;
    maxWeeks?: number;
  } = {},
): TrainingPlan {
  engine.ensure();
  const s = engine.snap;
  const params = options.params ?? DEFAULT_SOURCING;
  const people = Math.max(1, options.people ?? 5);
  const report = gapReport(engine, { top: options.skills ?? 10, source: options.source ?? 'all' });
  const gaps = report.rows.filter((r) => r.shortage > 0);
  const sources = sourceCodes(options.source ?? 'all');
  let totalShortage = 0;
  let totalDemand = 0;
  for (let sk = 0; sk < engine.skillCount; sk++) {
    const d = engine.dOpen[sk]! / MILLI;
    if (d <= 0) continue;
    totalDemand += d;
    totalShortage += engine.shortage(sk, sources);
  }
  const targets = gaps.map((g) => {
    const code = s.skills.find(g.skillId);
    const paths = pathsTo(graph, g.skillId);
    return {
      id: g.skillId,
      code,
      level: g.requiredLevel,
      shortage: g.shortage,
      costs: paths ? costsBySkillCode(engine, graph, paths) : new Float64Array(s.skillCount).fill(Infinity),
    };
  });
  const maxWeeks = options.maxWeeks ?? Infinity;
  const perTarget = Math.max(people * 3, 10);
  const cands: { o: number; e: Effort; cap: number }[][] = targets.map(() => []);
  for (let o = 0; o < s.nT; o++) {
    if (!s.tAlive[o] || s.tSource[o] !== 0) continue;
    const cap = engine.tCap[o] ?? 0;
    if (cap <= 0) continue;
    for (let j = 0; j < targets.length; j++) {
      const t = targets[j]!;
      if (!effortOf(engine, o, t.code, t.level, t.costs, params)) continue;
      const weeks = scratchEffort.weeks;
      if (weeks > maxWeeks) continue;
      const list = cands[j]!;
      const last = list[list.length - 1];
      if (last && list.length >= perTarget && weeks > last.e.weeks + 1e-9) continue;
      const better = (a: { e: Effort; cap: number }) =>
        weeks < a.e.weeks - 1e-9 || (Math.abs(weeks - a.e.weeks) <= 1e-9 && cap > a.cap);
      if (list.length < perTarget || better(last!)) {
        let i = list.length;
        while (i > 0 && better(list[i - 1]!)) i--;
        list.splice(i, 0, { o, e: { ...scratchEffort }, cap });
        if (list.length > perTarget) list.pop();
      }
    }
  }
  const remaining = targets.map((t) => t.shortage);
  const used = new Set<number>();
  const assignments: PlanAssignment[] = [];
  for (let k = 0; k < people; k++) {
    let pick: Pick | null = null;
    targets.forEach((_, j) => {
      for (const c of cands[j]!) {
        if (used.has(c.o)) continue;
        const gain = Math.min(remaining[j]!, c.cap);
        if (gain <= 0) continue;
        // Shortage closed per week of training (a week at least, so topping up a level is not free).
        const value = gain / Math.max(1, c.e.weeks);
        if (!pick || value > pick.value + 1e-9) pick = { j, c, gain, value };
      }
    });
    if (!pick) break;
    const { j, c, gain } = pick as Pick;
    used.add(c.o);
    remaining[j] = remaining[j]! - gain;
    assignments.push({
      talentId: s.tId[c.o]!,
      skillId: targets[j]!.id,
      effortWeeks: round1(c.e.weeks),
      from: c.e.fromCode >= 0 ? { skillId: s.skills.names[c.e.fromCode]!, level: c.e.fromLevel } : null,
      covers: round1(gain),
    });
  }
  const covered = assignments.reduce((n, a) => n + a.covers, 0);
  const shareOfShortage = totalShortage > 0 ? round3(covered / totalShortage) : 0;
  const coverageBefore = totalDemand > 0 ? round3((totalDemand - totalShortage) / totalDemand) : 1;
  const coverageAfter = totalDemand > 0 ? round3((totalDemand - totalShortage + covered) / totalDemand) : 1;
  const skillsNamed = [...new Set(assignments.map((a) => a.skillId))].join(', ');
  return {
    people: assignments.length,
    assignments,
    shortageBefore: round1(totalShortage),
    shortageCovered: round1(covered),
    shareOfShortage,
    coverageBefore,
    coverageAfter,
    summary: assignments.length
      ? `Training these ${assignments.length} people on ${skillsNamed} closes ${Math.round(shareOfShortage * 100)} % of the shortage: the pool then covers ${Math.round(coverageAfter * 100)} % of the open demand (${Math.round(coverageBefore * 100)} % today).`
      : 'No employee can close the gap by training.',
  };
}

/**
 * The skills-gap report: demand (open projects) against supply (the pool), per skill, per domain, and
 * the headline — the share of the N most demanded skills that nobody in the pool holds.
 *
 * Definitions (README "Skills gap"):
 * - demand of a skill = person-days of the open projects' work on it (definitions.ts), in the window;
 * - required level = the demand-weighted mean of the levels the open projects ask for, rounded;
 * - supply = capacity in person-days over the window of the talents holding the skill at the required
 *   level or above (a talent's capacity counts for each skill they hold);
 * - ratio = supply / demand; FTE = person-days / working days;
 * - shortage = the open demand the holders cannot meet, level by level: a holder at level l can take
 *   demand asking for l or less, so shortage = max(0, max over l of (demand asking l or more − capacity
 *   of holders at l or more)) — it can be positive with enough holders overall but too few at the level;
 * - headline: the N skills with the most open demand (ties by id); "absent" = no talent of the chosen
 *   sources holds it at any level. Also per domain, industry and function (top N of that group's demand);
 * - domain scarcity = unmet share = Σ shortage / Σ demand of the domain's skills; specialists = talents
 *   holding a skill of the domain at SPECIALIST_LEVEL or above.
 */
import { MILLI } from './definitions.js';
import type { GroupBy } from './definitions.js';
import type { GapEngine } from './gap-engine.js';

export type SourceFilter = 'employee' | 'freelance' | 'all';

export function sourceCodes(source: SourceFilter): number[] {
  return source === 'employee' ? [0] : source === 'freelance' ? [1] : [0, 1];
}

export interface GapOptions {
  /** Rows of the shortage ranking to return (default 20). */
  top?: number;
  /** N of the headline (default 10). */
  headlineTop?: number;
  source?: SourceFilter;
  by?: GroupBy | null;
}

export interface SupplySide {
  holders: number;
  personDays: number;
}

export interface GapRow {
  skillId: string;
  domain: string;
  /** Rank by open demand, from 1. */
  demandRank: number;
  demand: number;
  demandFte: number;
  requiredLevel: number;
  openProjects: number;
  mustProjects: number;
  /** Talents of the chosen sources holding the skill at the required level or above. */
  holders: number;
  /** …at any level. */
  holdersAnyLevel: number;
  supply: number;
  supplyFte: number;
  /** supply / demand; null without demand. */
  ratio: number | null;
  shortage: number;
  shortageFte: number;
  employees: SupplySide;
  freelancers: SupplySide;
}

export interface Headline {
  top: number;
  /** The N most demanded skills, most demanded first. */
  skills: string[];
  /** Of them, held by no employee / by no one (employees and freelancers). */
  absentEmployees: string[];
  absentAll: string[];
  shareAbsentEmployees: number;
  shareAbsentAll: number;
}

export interface GroupGap {
  group: string;
  demand: number;
  shortage: number;
  /** Σ shortage / Σ demand; 0 without demand. */
  unmetShare: number;
  headline: Headline;
}

export interface DomainGap extends GroupGap {
  specialists: { employee: number; freelance: number };
  specialistFte: { employee: number; freelance: number };
}

export interface GapReport {
  window: { from: string; to: string; workingDays: number; auto: boolean };
  source: SourceFilter;
  openProjects: number;
  historicalProjects: number;
  talents: { employee: number; freelance: number };
  /** Total open demand and total shortage (person-days), and their ratio. */
  demand: number;
  shortage: number;
  unmetShare: number;
  headline: Headline;
  /** Rows with open demand, by shortage (largest first), then demand, then id. */
  rows: GapRow[];
  /** Every domain with demand, scarcest (highest unmet share) first. */
  domains: DomainGap[];
  /** Present when `by` is industry or function (domain is always there). */
  groups: GroupGap[] | null;
  by: GroupBy | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Skill codes by open demand (largest first, ties by id), with the demand per code from `demand`. */
export function rankByDemand(engine: GapEngine, demand: Float64Array, offset = 0): number[] {
  const ids = engine.snap.skills.names;
  const out: number[] = [];
  for (let sk = 0; sk < engine.skillCount; sk++) if (demand[offset + sk]! > 0) out.push(sk);
  out.sort((a, b) => demand[offset + b]! - demand[offset + a]! || (ids[a]! < ids[b]! ? -1 : 1));
  return out;
}

function headlineOf(engine: GapEngine, ranked: readonly number[], n: number): Headline {
  const ids = engine.snap.skills.names;
  const top = ranked.slice(0, n);
  const absentEmployees = top.filter((sk) => engine.holdersAt(sk, 1, [0]) === 0).map((sk) => ids[sk]!);
  const absentAll = top.filter((sk) => engine.holdersAt(sk, 1, [0, 1]) === 0).map((sk) => ids[sk]!);
  return {
    top: n,
    skills: top.map((sk) => ids[sk]!),
    absentEmployees,
    absentAll,
    shareAbsentEmployees: top.length ? round3(absentEmployees.length / top.length) : 0,
    shareAbsentAll: top.length ? round3(absentAll.length / top.length) : 0,
  };
}

/** Per-skill demand, supply (at the required level) and shortage (level by level), person-days. */
export function skillGap(
  engine: GapEngine,
  sk: number,
  sources: readonly number[],
): { demand: number; supply: number; shortage: number } {
  const demand = engine.dOpen[sk]! / MILLI;
  const supply = engine.capacityAt(sk, engine.requiredLevel(sk), sources);
  return { demand, supply, shortage: engine.shortage(sk, sources) };
}

function groupGap(
  engine: GapEngine,
  group: string,
  skills: readonly number[],
  sources: readonly number[],
  headline: Headline,
): GroupGap {
  let demand = 0;
  let shortage = 0;
  for (const sk of skills) {
    const g = skillGap(engine, sk, sources);
    demand += g.demand;
    shortage += g.shortage;
  }
  return {
    group,
    demand: round1(demand),
    shortage: round1(shortage),
    unmetShare: demand > 0 ? round3(shortage / demand) : 0,
    headline,
  };
}

export function gapRow(
  engine: GapEngine,
  sk: number,
  sources: readonly number[],
  demandRank: number,
): GapRow {
  const s = engine.snap;
  const wd = Math.max(1, engine.windowWorkingDays);
  const level = engine.requiredLevel(sk);
  const { demand, supply, shortage } = skillGap(engine, sk, sources);
  return {
    skillId: s.skills.names[sk]!,
    domain: s.domains.names[s.skillDomain[sk]!]!,
    demandRank,
    demand: round1(demand),
    demandFte: round3(demand / wd),
    requiredLevel: level,
    openProjects: engine.nOpen[sk]!,
    mustProjects: engine.nOpenMust[sk]!,
    holders: engine.holdersAt(sk, level, sources),
    holdersAnyLevel: engine.holdersAt(sk, 1, sources),
    supply: round1(supply),
    supplyFte: round3(supply / wd),
    ratio: demand > 0 ? round3(supply / demand) : null,
    shortage: round1(shortage),
    shortageFte: round3(shortage / wd),
    employees: {
      holders: engine.holdersAt(sk, level, [0]),
      personDays: round1(engine.capacityAt(sk, level, [0])),
    },
    freelancers: {
      holders: engine.holdersAt(sk, level, [1]),
      personDays: round1(engine.capacityAt(sk, level, [1])),
    },
  };
}

/** The full report. Cost: O(skills × groups) over the engine's aggregates (after its one pass). */
export function gapReport(engine: GapEngine, options: GapOptions = {}): GapReport {
  engine.ensure();
  const s = engine.snap;
  const source = options.source ?? 'all';
  const sources = sourceCodes(source);
  const n = Math.max(1, options.headlineTop ?? 10);
  const ranked = rankByDemand(engine, engine.dOpen);
  const rank = new Map(ranked.map((sk, i) => [sk, i + 1]));
  const headline = headlineOf(engine, ranked, n);

  const rows = ranked.map((sk) => gapRow(engine, sk, sources, rank.get(sk) ?? 0));
  rows.sort((a, b) => b.shortage - a.shortage || b.demand - a.demand || (a.skillId < b.skillId ? -1 : 1));
  let demand = 0;
  let shortage = 0;
  for (const sk of ranked) {
    const g = skillGap(engine, sk, sources);
    demand += g.demand;
    shortage += g.shortage;
  }

  // Domains: every domain with open demand.
  const wd = Math.max(1, engine.windowWorkingDays);
  const domains: DomainGap[] = [];
  for (let d = 0; d < s.domains.size; d++) {
    const members = ranked.filter((sk) => s.skillDomain[sk] === d);
    if (!members.length) continue;
    const g = groupGap(engine, s.domains.names[d]!, members, sources, headlineOf(engine, members, n));
    domains.push({
      ...g,
      specialists: { employee: engine.specCount[d * 2]!, freelance: engine.specCount[d * 2 + 1]! },
      specialistFte: {
        employee: round3(engine.specCap[d * 2]! / wd),
        freelance: round3(engine.specCap[d * 2 + 1]! / wd),
      },
    });
  }
  domains.sort((a, b) => b.unmetShare - a.unmetShare || b.demand - a.demand || (a.group < b.group ? -1 : 1));

  let groups: GroupGap[] | null = null;
  const by = options.by ?? null;
  if (by === 'industry' || by === 'function') {
    const dict = by === 'industry' ? s.industries : s.functions;
    const table = by === 'industry' ? engine.dOpenInd : engine.dOpenFn;
    const nSk = engine.skillCount;
    groups = [];
    for (let g = 0; g < dict.size; g++) {
      const ranking = rankByDemand(engine, table, g * nSk);
      if (!ranking.length) continue;
      let gd = 0;
      let gs = 0;
      for (const sk of ranking) {
        const part = table[g * nSk + sk]! / MILLI;
        const whole = skillGap(engine, sk, sources);
        gd += part;
        // The group's share of the skill's shortage, in proportion to its share of the demand.
        gs += whole.demand > 0 ? (whole.shortage * part) / whole.demand : 0;
      }
      groups.push({
        group: dict.names[g]!,
        demand: round1(gd),
        shortage: round1(gs),
        unmetShare: gd > 0 ? round3(gs / gd) : 0,
        headline: headlineOf(engine, ranking, n),
      });
    }
    groups.sort((a, b) => b.demand - a.demand || (a.group < b.group ? -1 : 1));
  } else if (by === 'domain') groups = domains;

  return {
    window: engine.window(),
    source,
    openProjects: engine.openProjects,
    historicalProjects: engine.histProjects,
    talents: { employee: engine.talents[0]!, freelance: engine.talents[1]! },
    demand: round1(demand),
    shortage: round1(shortage),
    unmetShare: demand > 0 ? round3(shortage / demand) : 0,
    headline,
    rows: rows.slice(0, Math.max(0, options.top ?? 20)),
    domains,
    groups,
    by,
  };
}

/** Historical and open demand of every skill (person-days and project counts), most demanded first. */
export interface DemandRow {
  skillId: string;
  domain: string;
  open: number;
  openProjects: number;
  historical: number;
  historicalProjects: number;
}

export function demandTable(engine: GapEngine): DemandRow[] {
  engine.ensure();
  const s = engine.snap;
  const out: DemandRow[] = [];
  for (let sk = 0; sk < engine.skillCount; sk++) {
    if (engine.nOpen[sk] === 0 && engine.nHist[sk] === 0) continue;
    out.push({
      skillId: s.skills.names[sk]!,
      domain: s.domains.names[s.skillDomain[sk]!]!,
      open: round1(engine.dOpen[sk]! / MILLI),
      openProjects: engine.nOpen[sk]!,
      historical: round1(engine.dHist[sk]! / MILLI),
      historicalProjects: engine.nHist[sk]!,
    });
  }
  out.sort((a, b) => b.open - a.open || b.historical - a.historical || (a.skillId < b.skillId ? -1 : 1));
  return out;
}

/**
 * How a project's requirements are covered: by a staffed or proposed team (its members' skills), or, when no
 * team is given, by the pool as a whole through a supply summary (for each skill, how many people hold it at
 * each level). The summary is built once per pool and makes readiness cheap: no ranking of the pool per
 * project. "Covered by the pool" reads as "the best candidate for this requirement holds it at level", which
 * is what the top-ranked candidate per requirement would bring; it says nothing of their availability.
 */
import type { HeldSkill, Requirement } from '../matching/types.js';
import { levelFit, MUST_MULTIPLIER } from '../matching/score-candidate.js';
import type { AdjacentSource } from '../taxonomy/adjacency.js';
import { CORE_DOMAINS, type Domain } from '../taxonomy/types.js';
import type { CoverVia, DomainCoverage, RequirementCover } from './types.js';

export interface TeamMember {
  id: string;
  skills: readonly HeldSkill[];
}

/** One row of the pool's supply: `count` people hold `skillId` at exactly `level`. */
export interface SupplyRow {
  skillId: string;
  level: number;
  count: number;
}

export interface SupplySummary {
  talents: number;
  medianDailyCost: number | null;
  /** skill id → people holding it at level ≥ L, at index L (1–5); index 0 is everyone holding it. */
  atLeast: ReadonlyMap<string, readonly number[]>;
}

export function buildSupply(
  rows: Iterable<SupplyRow>,
  talents: number,
  medianDailyCost: number | null,
): SupplySummary {
  const exact = new Map<string, number[]>();
  for (const r of rows) {
    const level = Math.min(5, Math.max(1, Math.round(r.level)));
    let a = exact.get(r.skillId);
    if (!a) exact.set(r.skillId, (a = [0, 0, 0, 0, 0, 0]));
    a[level] = (a[level] ?? 0) + r.count;
  }
  const atLeast = new Map<string, number[]>();
  for (const [id, a] of exact) {
    const c = [0, 0, 0, 0, 0, 0];
    let run = 0;
    for (let l = 5; l >= 1; l--) c[l] = run += a[l] ?? 0;
    c[0] = c[1] ?? 0;
    atLeast.set(id, c);
  }
  return { talents, medianDailyCost, atLeast };
}

/** The supply rows of an in-memory pool (benchmarks, tests); storage computes them with one GROUP BY. */
export function supplyRowsOf(members: Iterable<{ skills: readonly HeldSkill[] }>): SupplyRow[] {
  const counts = new Map<string, number>();
  for (const m of members)
    for (const s of m.skills) {
      const k = `${s.skillId}\u0000${s.level}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  return [...counts].map(([k, count]) => {
    const [skillId = '', level = '0'] = k.split('\u0000');
    return { skillId, level: Number(level), count };
  });
}

function maxLevel(supply: SupplySummary, skillId: string): number {
  const c = supply.atLeast.get(skillId);
  if (!c) return 0;
  for (let l = 5; l >= 1; l--) if ((c[l] ?? 0) > 0) return l;
  return 0;
}

type DomainOf = (skillId: string) => Domain | null;

function cover(
  r: Requirement,
  domainOf: DomainOf,
  best: { credit: number; via: CoverVia },
): RequirementCover {
  return {
    skillId: r.skillId,
    domain: domainOf(r.skillId),
    requiredLevel: r.level,
    must: r.must,
    weight: r.weight,
    credit: best.credit,
    via: best.via,
  };
}

/**
 * Credit per requirement from a team: the best member's exact skill (level fit), else the best adjacent skill
 * (transfer × level fit), as in matching. Ties go to the exact skill, then to the first member in id order.
 */
export function coverFromTeam(
  reqs: readonly Requirement[],
  members: readonly TeamMember[],
  adjacency: ReadonlyMap<string, readonly AdjacentSource[]>,
  domainOf: DomainOf,
): RequirementCover[] {
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const held = sorted.map((m) => ({ id: m.id, skills: new Map(m.skills.map((s) => [s.skillId, s.level])) }));
  return reqs.map((r) => {
    let best: { credit: number; via: CoverVia } = { credit: 0, via: { kind: 'none' } };
    for (const m of held) {
      const level = m.skills.get(r.skillId);
      if (level !== undefined) {
        const credit = levelFit(level, r.level);
        if (credit > best.credit || (credit === best.credit && best.via.kind !== 'exact'))
          best = { credit, via: { kind: 'exact', level, by: m.id, holders: null } };
      }
    }
    for (const m of held) {
      for (const src of adjacency.get(r.skillId) ?? []) {
        if (src.weight <= best.credit) break;
        const level = m.skills.get(src.from);
        if (level === undefined) continue;
        const credit = src.weight * levelFit(level, r.level);
        if (credit > best.credit)
          best = { credit, via: { kind: 'adjacent', from: src.from, level, transfer: src.weight, by: m.id } };
      }
    }
    return cover(r, domainOf, best);
  });
}

/** Credit per requirement from the pool's supply: what the best-placed person in the pool would bring. */
export function coverFromSupply(
  reqs: readonly Requirement[],
  supply: SupplySummary,
  adjacency: ReadonlyMap<string, readonly AdjacentSource[]>,
  domainOf: DomainOf,
): RequirementCover[] {
  return reqs.map((r) => {
    let best: { credit: number; via: CoverVia } = { credit: 0, via: { kind: 'none' } };
    const top = maxLevel(supply, r.skillId);
    if (top > 0) {
      const credit = levelFit(top, r.level);
      const holders = supply.atLeast.get(r.skillId)?.[Math.min(5, Math.max(1, r.level))] ?? 0;
      best = { credit, via: { kind: 'exact', level: top, by: null, holders } };
    }
    for (const src of adjacency.get(r.skillId) ?? []) {
      if (src.weight <= best.credit) break;
      const level = maxLevel(supply, src.from);
      if (level === 0) continue;
      const credit = src.weight * levelFit(level, r.level);
      if (credit > best.credit)
        best = { credit, via: { kind: 'adjacent', from: src.from, level, transfer: src.weight, by: null } };
    }
    return cover(r, domainOf, best);
  });
}

const importance = (c: RequirementCover) => c.weight * (c.must ? MUST_MULTIPLIER : 1);

/** Coverage of each core domain the project requires, in CORE_DOMAINS order. */
export function domainCoverage(covers: readonly RequirementCover[]): DomainCoverage[] {
  const out: DomainCoverage[] = [];
  for (const domain of CORE_DOMAINS) {
    const mine = covers.filter((c) => c.domain === domain);
    if (mine.length === 0) continue;
    let total = 0;
    let got = 0;
    for (const c of mine) {
      total += importance(c);
      got += importance(c) * c.credit;
    }
    out.push({
      domain,
      requirements: mine.length,
      coverage: total > 0 ? got / total : 0,
      gaps: mine.filter((c) => c.credit < 1).map((c) => c.skillId),
    });
  }
  return out;
}

/** Importance-weighted mean credit over any requirements (used when no core domain is required). */
export function overallCoverage(covers: readonly RequirementCover[]): number {
  let total = 0;
  let got = 0;
  for (const c of covers) {
    total += importance(c);
    got += importance(c) * c.credit;
  }
  return total > 0 ? got / total : 0;
}

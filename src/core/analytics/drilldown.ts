/**
 * Traceability: the records behind a gap figure. For a skill, the open projects whose demand makes its
 * demand (with each one's person-days, level and must) and the talents whose capacity makes its supply
 * (at the required level or above, with each one's level and capacity). Sums of the returned parts equal
 * the report's figures (up to the rounding of each part to 0.1 person-day).
 */
import { MILLI } from './definitions.js';
import type { GapEngine } from './gap-engine.js';
import { sourceCodes, type SourceFilter } from './gaps.js';

export interface DemandRecord {
  projectId: string;
  status: string;
  personDays: number;
  level: number;
  must: boolean;
}

export interface SupplyRecord {
  talentId: string;
  source: 'employee' | 'freelance';
  level: number;
  capacity: number;
}

export interface GapRecords {
  skillId: string;
  requiredLevel: number;
  window: { from: string; to: string };
  demand: { total: number; count: number; records: DemandRecord[] };
  supply: { total: number; count: number; records: SupplyRecord[] };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function gapRecords(
  engine: GapEngine,
  skillId: string,
  options: { source?: SourceFilter; limit?: number; minLevel?: number } = {},
): GapRecords | null {
  engine.ensure();
  const s = engine.snap;
  const sk = s.skills.find(skillId);
  if (sk < 0) return null;
  const limit = Math.max(0, options.limit ?? 200);
  const level = options.minLevel ?? engine.requiredLevel(sk);
  const sources = sourceCodes(options.source ?? 'all');
  const w = engine.window();
  // Demand: open projects requiring the skill, clipped to the window as the engine does.
  const demand: DemandRecord[] = [];
  let dTotal = 0;
  let dCount = 0;
  for (let p = 0; p < s.nP; p++) {
    if (!s.pAlive[p] || !s.isOpen(p)) continue;
    for (let k = s.pRqStart[p]!, end = s.pRqStart[p + 1]!; k < end; k++) {
      if (s.rqSkill[k] !== sk) continue;
      const share = engine.clipShare(p);
      const d = share === 1 ? s.rqMilli[k]! : Math.round(s.rqMilli[k]! * share);
      if (d <= 0 && !engine.auto) continue;
      dTotal += d;
      dCount++;
      if (demand.length < limit)
        demand.push({
          projectId: s.pId[p]!,
          status: s.statusOf(p),
          personDays: round1(d / MILLI),
          level: s.rqLevel[k]!,
          must: s.rqMust[k] === 1,
        });
    }
  }
  demand.sort((a, b) => b.personDays - a.personDays || (a.projectId < b.projectId ? -1 : 1));
  // Supply: holders at the level or above, with their capacity in the window.
  const supply: SupplyRecord[] = [];
  let sTotal = 0;
  let sCount = 0;
  for (let o = 0; o < s.nT; o++) {
    if (!s.tAlive[o] || !sources.includes(s.tSource[o]!)) continue;
    const lv = s.levelOf(o, sk);
    if (lv < level || lv === 0) continue;
    const cap = engine.tCap[o] ?? 0;
    sTotal += cap;
    sCount++;
    if (supply.length < limit)
      supply.push({
        talentId: s.tId[o]!,
        source: s.tSource[o] === 1 ? 'freelance' : 'employee',
        level: lv,
        capacity: round1(cap),
      });
  }
  supply.sort((a, b) => b.capacity - a.capacity || (a.talentId < b.talentId ? -1 : 1));
  return {
    skillId,
    requiredLevel: level,
    window: { from: w.from, to: w.to },
    demand: { total: round1(dTotal / MILLI), count: dCount, records: demand },
    supply: { total: round1(sTotal), count: sCount, records: supply },
  };
}

/**
 * Which candidates the team model considers. Everybody available when the pool is small enough; otherwise
 * the top of several rankings of the available candidates, merged by their best position in any of them
 * (all the firsts, then all the seconds, …; ties by id) up to `max`: for each requirement, the holders at
 * the required level by match score and by cost on the project; everyone by match score; the employees by
 * cost (for the mix rules). With 25 requirements and max 500, that is about the top 9 of each. The team
 * is optimal over the shortlist, which keeps, per requirement, the people an optimal team draws on.
 */
import type { Requirement } from '../matching/types.js';
import type { TeamCandidate } from './types.js';
import { availableDays, projectWindow } from './working-days.js';

export interface ShortlistOptions {
  /** At most this many candidates in all (plus one unavailable holder per otherwise uncovered requirement). */
  max: number;
  defaultDaysPerWeek?: number;
}

export const DEFAULT_SHORTLIST: ShortlistOptions = { max: 500 };

const byId = (a: TeamCandidate, b: TeamCandidate) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function shortlistForTeam(
  reqs: readonly Requirement[],
  candidates: readonly TeamCandidate[],
  startDate: string,
  endDate: string,
  options: ShortlistOptions = DEFAULT_SHORTLIST,
): TeamCandidate[] {
  const window = projectWindow(startDate, endDate);
  const cost = new Map<string, number>();
  const available: TeamCandidate[] = [];
  const away: TeamCandidate[] = [];
  for (const c of candidates) {
    const days = availableDays(c.availability, window, options.defaultDaysPerWeek);
    if (days > 0) {
      cost.set(c.id, c.dailyCost * days);
      available.push(c);
    } else away.push(c);
  }
  const holds = (c: TeamCandidate, r: Requirement) =>
    c.skills.some((s) => s.skillId === r.skillId && s.level >= r.level);
  // Keep one unavailable holder for a requirement no available candidate covers, so the
  // team can say "nobody available" rather than "nobody holds it".
  const explain = reqs.flatMap((r) => {
    if (available.some((c) => holds(c, r))) return [];
    const h = away.filter((c) => holds(c, r)).sort((a, b) => b.score - a.score || byId(a, b))[0];
    return h ? [h] : [];
  });
  if (available.length <= options.max) return [...available, ...explain].sort(byId);

  const byScore = (a: TeamCandidate, b: TeamCandidate) => b.score - a.score || byId(a, b);
  const byCost = (a: TeamCandidate, b: TeamCandidate) =>
    (cost.get(a.id) ?? 0) - (cost.get(b.id) ?? 0) || byId(a, b);
  const lists: TeamCandidate[][] = [];
  for (const r of reqs) {
    const holders = available.filter((c) => holds(c, r));
    lists.push([...holders].sort(byScore));
    lists.push(holders.sort(byCost));
  }
  lists.push([...available].sort(byScore));
  lists.push(available.filter((c) => c.source === 'employee').sort(byCost));
  const best = new Map<string, { c: TeamCandidate; pos: number }>();
  for (const list of lists)
    list.forEach((c, pos) => {
      const seen = best.get(c.id);
      if (!seen || pos < seen.pos) best.set(c.id, { c, pos });
    });
  const chosen = [...best.values()]
    .sort((a, b) => a.pos - b.pos || byId(a.c, b.c))
    .slice(0, options.max)
    .map((e) => e.c);
  return [...chosen, ...explain].sort(byId);
}

import type { AdjacentSource } from '../taxonomy/adjacency.js';
import { DEFAULT_WEIGHTS, effectiveWeights, scoreCandidate } from './score-candidate.js';
import type { Candidate, Match, Requirement, ScoreWeights, TalentSource } from './types.js';

export interface RankOptions {
  top: number;
  source?: TalentSource | 'all';
  /** Exclude candidates who lack an exact must-have skill. */
  requireMust?: boolean;
  weights?: ScoreWeights;
}

/** Order of a ranking: score, best first; ties by talent id so the same pool always ranks the same way. */
export function compareMatches(a: Match, b: Match): number {
  return b.score - a.score || (a.talentId < b.talentId ? -1 : a.talentId > b.talentId ? 1 : 0);
}

/** Ranks candidates for a project's requirements by scoring each one (exhaustive, exact). */
export function rankCandidates(
  candidates: Iterable<Candidate>,
  reqs: readonly Requirement[],
  adjacency: ReadonlyMap<string, readonly AdjacentSource[]>,
  options: RankOptions,
): Match[] {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const shares = effectiveWeights(reqs);
  const musts = reqs.filter((r) => r.must).map((r) => r.skillId);
  const out: Match[] = [];
  for (const c of candidates) {
    if (options.source && options.source !== 'all' && c.source !== options.source) continue;
    if (options.requireMust && musts.length > 0) {
      const ids = new Set(c.skills.map((s) => s.skillId));
      if (!musts.every((m) => ids.has(m))) continue;
    }
    out.push(scoreCandidate(c, reqs, shares, adjacency, weights));
  }
  out.sort(compareMatches);
  return out.slice(0, Math.max(0, options.top));
}

import type { AdjacentSource } from '../taxonomy/adjacency.js';
import type { Domain } from '../taxonomy/types.js';
import {
  compileFilters,
  passesFilters,
  profileFacts,
  projectProfile,
  type MatchFilters,
  type ProjectProfileInput,
} from './profile.js';
import { DEFAULT_WEIGHTS, scoreCandidate, scoringContext } from './score-candidate.js';
import type { Candidate, Match, Requirement, ScoreWeights } from './types.js';

export interface RankOptions {
  top: number;
  filters?: MatchFilters;
  /** Exclude candidates who lack an exact must-have skill (default true). */
  requireMust?: boolean;
  weights?: ScoreWeights;
}

/** The project as ranking reads it. */
export interface RankProject extends ProjectProfileInput {
  requirements: readonly Requirement[];
}

/** What ranking needs from the taxonomy. */
export interface RankTaxonomy {
  adjacency: ReadonlyMap<string, readonly AdjacentSource[]>;
  domainOf: (skillId: string) => Domain | undefined;
}

/**
 * Order of a ranking: score, best first; ties by talent id (code-unit order) so the same pool always ranks
 * the same way.
 */
export function compareMatches(a: Match, b: Match): number {
  return b.score - a.score || (a.talentId < b.talentId ? -1 : a.talentId > b.talentId ? 1 : 0);
}

/** Ranks candidates for a project by scoring each one (exhaustive, exact): the reference for the index. */
export function rankCandidates(
  candidates: Iterable<Candidate>,
  project: RankProject,
  taxonomy: RankTaxonomy,
  options: RankOptions,
): Match[] {
  const ctx = scoringContext(
    project.requirements,
    taxonomy.adjacency,
    options.weights ?? DEFAULT_WEIGHTS,
    projectProfile(project),
  );
  const filters = compileFilters(options.filters);
  const musts = project.requirements.filter((r) => r.must).map((r) => r.skillId);
  const requireMust = options.requireMust ?? true;
  const out: Match[] = [];
  for (const c of candidates) {
    if (requireMust && musts.length > 0) {
      const ids = new Set(c.skills.map((s) => s.skillId));
      if (!musts.every((m) => ids.has(m))) continue;
    }
    const facts = profileFacts(c, taxonomy.domainOf);
    if (!passesFilters(c, facts, filters)) continue;
    out.push(scoreCandidate(c, facts, ctx));
  }
  out.sort(compareMatches);
  return out.slice(0, Math.max(0, options.top));
}

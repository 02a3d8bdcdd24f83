import { rankCandidates, type RankOptions } from '../core/matching/rank-candidates.js';
import { DEFAULT_WEIGHTS } from '../core/matching/score-candidate.js';
import type { Match, ScoreWeights } from '../core/matching/types.js';
import type { Project } from '../core/model.js';
import { DEFAULT_ORG, type Store } from './ports.js';
import type { ProjectsService } from './projects.service.js';
import type { TaxonomyService } from './taxonomy.service.js';

export interface MatchResult {
  project: Project;
  /** Candidates considered after filters. */
  considered: number;
  weights: ScoreWeights;
  matches: Match[];
}

export class MatchingService {
  constructor(
    private readonly store: Store,
    private readonly taxonomy: TaxonomyService,
    private readonly projects: ProjectsService,
  ) {}

  async matchProject(projectId: string, options: RankOptions, orgId = DEFAULT_ORG): Promise<MatchResult> {
    const project = await this.projects.get(projectId, orgId);
    const { adjacency } = await this.taxonomy.get();
    const talents = await this.store.talents.listAll(orgId);
    const matches = rankCandidates(talents, project.requirements, adjacency, options);
    const considered = talents.filter(
      (t) => !options.source || options.source === 'all' || t.source === options.source,
    ).length;
    return { project, considered, weights: options.weights ?? DEFAULT_WEIGHTS, matches };
  }
}

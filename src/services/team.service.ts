import { DomainError } from '../core/errors.js';
import { rankCandidates } from '../core/matching/rank-candidates.js';
import { DEFAULT_WEIGHTS } from '../core/matching/score-candidate.js';
import type { ScoreWeights } from '../core/matching/types.js';
import type { Project } from '../core/model.js';
import { composeTeam, DEFAULT_TIME_LIMIT_SECONDS } from '../core/teams/compose-team.js';
import type { MilpSolver } from '../core/teams/milp.js';
import { DEFAULT_SHORTLIST, shortlistForTeam } from '../core/teams/shortlist.js';
import type { TeamCandidate, TeamProposal, TeamRules } from '../core/teams/types.js';
import { loadHighsSolver } from './highs-solver.js';
import { DEFAULT_ORG, type Store } from './ports.js';
import type { ProjectsService } from './projects.service.js';
import type { Domain } from '../core/taxonomy/types.js';
import type { TaxonomyService } from './taxonomy.service.js';

/** What a caller may set; anything left out comes from the project (see `rulesFor`). */
export interface TeamRequest {
  maxSize?: number;
  budget?: number;
  minEmployees?: number;
  maxFreelancers?: number;
}

export interface TeamResult {
  project: Project;
  /** Talents in the pool, and how many of them the model considered. */
  pool: number;
  shortlisted: number;
  proposal: TeamProposal;
}

export interface TeamServiceOptions {
  /** Loads the MILP solver; resolves to null (greedy fallback) if it cannot be loaded. */
  loadSolver?: () => Promise<MilpSolver>;
  timeLimitSeconds?: number;
  /** At most this many candidates in the model. */
  maxShortlist?: number;
  /**
   * The organization's score weights (MatchingService.getWeights), so a member's score is the one the
   * match list shows; the defaults without it.
   */
  weightsOf?: (orgId: string) => Promise<ScoreWeights>;
}

export const MAX_TEAM_SIZE = 50;

/**
 * The rules of a request, defaults from the project: max size is the project's total role headcount when
 * it names roles, else one person per requirement (never binding for coverage); the budget is the
 * project's; no mix rule.
 */
export function rulesFor(project: Project, req: TeamRequest): TeamRules {
  const headcount = project.roles.reduce((s, r) => s + r.headcount, 0);
  const maxSize =
    req.maxSize ?? Math.min(MAX_TEAM_SIZE, Math.max(1, headcount || project.requirements.length));
  const rules: TeamRules = {
    maxSize,
    budget: req.budget ?? project.budget,
    minEmployees: req.minEmployees ?? 0,
    maxFreelancers: req.maxFreelancers ?? null,
  };
  if (!Number.isInteger(rules.maxSize) || rules.maxSize < 1 || rules.maxSize > MAX_TEAM_SIZE)
    throw new DomainError(
      'invalid_input',
      `maxSize must be a whole number from 1 to ${MAX_TEAM_SIZE}`,
      'maxSize',
    );
  if (rules.budget !== null && !(rules.budget >= 0))
    throw new DomainError('invalid_input', 'budget must be a number of euros ≥ 0', 'budget');
  if (!Number.isInteger(rules.minEmployees) || rules.minEmployees < 0)
    throw new DomainError('invalid_input', 'minEmployees must be a whole number ≥ 0', 'minEmployees');
  if (rules.minEmployees > rules.maxSize)
    throw new DomainError(
      'invalid_input',
      `minEmployees (${rules.minEmployees}) cannot exceed maxSize (${rules.maxSize})`,
      'minEmployees',
    );
  if (rules.maxFreelancers !== null && (!Number.isInteger(rules.maxFreelancers) || rules.maxFreelancers < 0))
    throw new DomainError('invalid_input', 'maxFreelancers must be a whole number ≥ 0', 'maxFreelancers');
  return rules;
}

/**
 * Team composition for a project: ranks the pool, shortlists (see core/teams/shortlist.ts), and composes
 * the cheapest team covering every requirement within the rules, with the strongest and most internal
 * alternatives. The solver is loaded once per process; if it cannot be loaded the greedy team is returned,
 * flagged as such, with its gap to a bound.
 */
export class TeamService {
  private readonly loadSolver: () => Promise<MilpSolver>;
  private readonly timeLimitSeconds: number;
  private readonly maxShortlist: number;
  private readonly weightsOf: (orgId: string) => Promise<ScoreWeights>;

  constructor(
    private readonly store: Store,
    private readonly taxonomy: TaxonomyService,
    private readonly projects: ProjectsService,
    options: TeamServiceOptions = {},
  ) {
    this.loadSolver = options.loadSolver ?? loadHighsSolver;
    this.timeLimitSeconds = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
    this.maxShortlist = options.maxShortlist ?? DEFAULT_SHORTLIST.max;
    this.weightsOf = options.weightsOf ?? (async () => DEFAULT_WEIGHTS);
  }

  async compose(projectId: string, request: TeamRequest = {}, orgId = DEFAULT_ORG): Promise<TeamResult> {
    const project = await this.projects.get(projectId, orgId);
    const rules = rulesFor(project, request);
    const { adjacency, taxonomy } = await this.taxonomy.get();
    const domains = new Map<string, Domain>(taxonomy.skills.map((s) => [s.id, s.domain]));
    const weights = await this.weightsOf(orgId);
    const talents = await this.store.talents.listAll(orgId);
    // Everyone is scored, must-haves or not: a member lacking one may still cover other requirements.
    const ranked = rankCandidates(
      talents,
      project,
      { adjacency, domainOf: (id) => domains.get(id) },
      { top: talents.length, requireMust: false, weights },
    );
    const score = new Map(ranked.map((m) => [m.talentId, m.score]));
    const candidates: TeamCandidate[] = talents.map((t) => ({
      id: t.id,
      name: t.name,
      source: t.source,
      skills: t.skills,
      dailyCost: t.dailyCost,
      availability: t.availability,
      score: score.get(t.id) ?? 0,
    }));
    const shortlist = shortlistForTeam(project.requirements, candidates, project.startDate, project.endDate, {
      max: this.maxShortlist,
    });
    const solver = await this.loadSolver().catch(() => null);
    const proposal = composeTeam(
      project.requirements,
      shortlist,
      {
        rules,
        startDate: project.startDate,
        endDate: project.endDate,
        timeLimitSeconds: this.timeLimitSeconds,
      },
      solver,
    );
    return { project, pool: talents.length, shortlisted: shortlist.length, proposal };
  }
}

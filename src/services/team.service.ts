import { DomainError } from '../core/errors.js';
import type { Project } from '../core/model.js';
import { composeTeam, DEFAULT_TIME_LIMIT_SECONDS } from '../core/teams/compose-team.js';
import type { MilpSolver } from '../core/teams/milp.js';
import { DEFAULT_SHORTLIST, shortlistForTeam } from '../core/teams/shortlist.js';
import type { TeamCandidate, TeamProposal, TeamRules } from '../core/teams/types.js';
import { loadHighsSolver } from './highs-solver.js';
import type { MatchingService, TeamPoolSizes } from './matching.service.js';
import { DEFAULT_ORG } from './ports.js';
import type { ProjectsService } from './projects.service.js';

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
   * How much of the ranking the shortlist is drawn from (MatchingService.teamPool): by default the top
   * 4 × maxShortlist of the project's ranking and the top 50 holders of each requirement.
   */
  pool?: TeamPoolSizes;
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
 * Team composition for a project: takes the candidates from the matching index (MatchingService.teamPool:
 * the top of the project's ranking and of each requirement's holders, with the organization's weights, so a
 * member's score is the one the match list shows; the pool is never read from storage), shortlists them
 * (see core/teams/shortlist.ts), and composes the cheapest team covering every requirement within the
 * rules, with the strongest and most internal alternatives. The solver is loaded once per process; if it
 * cannot be loaded the greedy team is returned, flagged as such, with its gap to a bound.
 *
 * The shortlist's per-requirement cheapest holders are sought within that pool, not the whole pool: the
 * score's budget part already favours the affordable, and a pool of thousands leaves the model its
 * choice; a pool no larger than `pool.top` is taken whole.
 */
export class TeamService {
  private readonly loadSolver: () => Promise<MilpSolver>;
  private readonly timeLimitSeconds: number;
  private readonly maxShortlist: number;
  private readonly pool: TeamPoolSizes;

  constructor(
    private readonly projects: ProjectsService,
    private readonly matching: MatchingService,
    options: TeamServiceOptions = {},
  ) {
    this.loadSolver = options.loadSolver ?? loadHighsSolver;
    this.timeLimitSeconds = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
    this.maxShortlist = options.maxShortlist ?? DEFAULT_SHORTLIST.max;
    this.pool = options.pool ?? { top: 4 * this.maxShortlist, perRequirement: 50 };
  }

  async compose(projectId: string, request: TeamRequest = {}, orgId = DEFAULT_ORG): Promise<TeamResult> {
    const project = await this.projects.get(projectId, orgId);
    const rules = rulesFor(project, request);
    const pool = await this.matching.teamPool(project, this.pool, orgId);
    const candidates: TeamCandidate[] = pool.candidates.map(({ candidate: c, score }) => ({
      id: c.id,
      name: c.name,
      source: c.source,
      skills: c.skills,
      dailyCost: c.dailyCost,
      availability: c.availability,
      score,
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
    return { project, pool: pool.size, shortlisted: shortlist.length, proposal };
  }
}

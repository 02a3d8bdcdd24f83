import type { Message } from '../message.js';
import type { HeldSkill, Requirement, TalentSource } from '../matching/types.js';
import type { AvailabilityWindow } from '../model.js';

/** A shortlisted talent as team composition sees them. */
export interface TeamCandidate {
  id: string;
  name: string;
  source: TalentSource;
  skills: readonly HeldSkill[];
  /** Day rate (freelancer) or internal daily cost (employee), in euros. */
  dailyCost: number;
  availability: readonly AvailabilityWindow[];
  /** Match score for the project (from the ranking); shown beside each member. */
  score: number;
}

export interface TeamRules {
  /** At most this many members. */
  maxSize: number;
  /** Total cost ceiling in euros; null: no ceiling. */
  budget: number | null;
  /** At least this many employees. */
  minEmployees: number;
  /** At most this many freelancers; null: no limit. */
  maxFreelancers: number | null;
}

export interface ComposeOptions {
  rules: TeamRules;
  /** Project dates, ISO, both included. */
  startDate: string;
  endDate: string;
  /** Capacity assumed for a candidate with no availability window (default: full time, 5). */
  defaultDaysPerWeek?: number;
  /** Wall-clock budget for all solver calls of one composition, in seconds (default 10). */
  timeLimitSeconds?: number;
  /** Also compute the strongest and the most internal teams (default true). */
  alternatives?: boolean;
}

export type TeamKind = 'cheapest' | 'strongest' | 'most-internal';

export interface TeamMember {
  talentId: string;
  name: string;
  source: TalentSource;
  dailyCost: number;
  /** Days on the project: min(project working days, the member's available days). */
  days: number;
  /** dailyCost × days, rounded to the cent. */
  cost: number;
  score: number;
  /** Required skills this member holds at or above the required level, in requirement order. */
  covers: string[];
}

export interface SkillCoverage {
  skillId: string;
  requiredLevel: number;
  must: boolean;
  /** Members holding the skill at ≥ the required level, best level first, then by id. */
  coveredBy: { talentId: string; level: number }[];
}

export type UncoveredReason =
  /** No shortlisted candidate holds the skill at the required level. */
  | 'nobody-holds-it'
  /** Some do, but none is available during the project. */
  | 'nobody-available'
  /** Covering it would break the team size, the budget or the mix rules. */
  | 'constraints';

export interface UncoveredSkill {
  skillId: string;
  requiredLevel: number;
  must: boolean;
  reason: UncoveredReason;
}

export interface Team {
  kind: TeamKind;
  /** Proved best for its criteria (false: the greedy fallback, or the best found before the time limit). */
  optimal: boolean;
  /** In talent id order. */
  members: TeamMember[];
  cost: number;
  employees: number;
  freelancers: number;
  /**
   * Depth of coverage in [0, 1]: over requirements, weighted by importance (must-haves twice), the best
   * level a member holds divided by 5. Uncovered requirements count 0.
   */
  strength: number;
  /** One entry per requirement, in requirement order. */
  coverage: SkillCoverage[];
  uncovered: UncoveredSkill[];
}

export type SolveMethod = 'milp' | 'greedy';

export interface SolveReport {
  /** How the cheapest team was found: the MILP (optimal or the incumbent at the time limit), or greedy. */
  method: SolveMethod;
  /**
   * 'optimal': proved; 'time_limit': best found when time ran out; 'fallback': the solver was missing or
   * failed and the greedy team is shown; 'infeasible': the rules cannot be met by any team.
   */
  status: 'optimal' | 'time_limit' | 'fallback' | 'infeasible';
  /** (cost − bound) / cost, ≥ 0; 0 when proved optimal; null when no bound is known. */
  gap: number | null;
  /** Lower bound on the cost of a team covering the same skills under the same rules. */
  bound: number | null;
  boundKind: 'mip-dual-bound' | 'lp-relaxation' | 'combinatorial' | null;
  /** Sum of the solver's wall-clock seconds over all solves. */
  seconds: number;
  solves: number;
  /** The greedy weighted set cover's team cost and uncovered count, for comparison. */
  greedy: { cost: number; uncovered: number; feasible: boolean };
  /** Why the solver was not used or stopped, when it was not proved optimal (`team-messages.ts`). */
  note: Message | null;
}

export interface TeamProposal {
  /** Monday-to-Friday days between the project's dates. */
  projectDays: number;
  rules: TeamRules;
  /** Candidates offered, and how many of them have no availability during the project. */
  candidates: number;
  unavailable: number;
  /** False when the rules cannot be met at all (e.g. more employees required than available). */
  feasible: boolean;
  /** The cheapest team: the optimum. */
  team: Team;
  /** Strongest and most internal teams, same coverage; empty when the solver was not available. */
  alternatives: Team[];
  solve: SolveReport;
}

export type { Requirement };

/** Request and response schemas of team composition (POST /api/projects/:id/team, `vivier team --json`). */
import { z } from 'zod';
import { MessageOut, SourceSchema } from './schemas.js';

export const TeamBody = z
  .strictObject({
    maxSize: z.number().int().min(1).max(50).optional().describe('At most this many members.'),
    budget: z
      .number()
      .min(0)
      .optional()
      .describe("Total cost ceiling in euros (default: the project's budget)."),
    minEmployees: z.number().int().min(0).max(50).optional().describe('At least this many employees.'),
    maxFreelancers: z.number().int().min(0).max(50).optional().describe('At most this many freelancers.'),
  })
  // A POST without a body asks for the project's defaults.
  .nullish();

export const TeamMemberOut = z.object({
  talentId: z.string(),
  name: z.string(),
  source: SourceSchema,
  dailyCost: z.number(),
  days: z.number().describe('Days on the project: min(project working days, days available).'),
  cost: z.number().describe('dailyCost × days, in euros.'),
  score: z.number().describe('Match score for the project.'),
  covers: z.array(z.string()).describe('Required skills held at or above the required level.'),
});

export const SkillCoverageOut = z.object({
  skillId: z.string(),
  label: z.string(),
  requiredLevel: z.number().int(),
  must: z.boolean(),
  coveredBy: z.array(z.object({ talentId: z.string(), level: z.number().int() })),
});

export const UncoveredOut = z.object({
  skillId: z.string(),
  label: z.string(),
  requiredLevel: z.number().int(),
  must: z.boolean(),
  reason: z.enum(['nobody-holds-it', 'nobody-available', 'constraints']),
});

export const TeamOut = z.object({
  kind: z.enum(['cheapest', 'strongest', 'most-internal']),
  optimal: z.boolean().describe('Proved best for its criteria.'),
  members: z.array(TeamMemberOut),
  cost: z.number(),
  employees: z.number().int(),
  freelancers: z.number().int(),
  strength: z.number().describe('Importance-weighted best level held per requirement, / 5, in [0, 1].'),
  coverage: z.array(SkillCoverageOut),
  uncovered: z.array(UncoveredOut),
});

export const TeamRulesOut = z.object({
  maxSize: z.number().int(),
  budget: z.number().nullable(),
  minEmployees: z.number().int(),
  maxFreelancers: z.number().int().nullable(),
});

export const TeamResponse = z
  .object({
    projectId: z.string(),
    projectDays: z.number().int().describe('Monday-to-Friday days between the project dates.'),
    rules: TeamRulesOut,
    pool: z.number().int(),
    shortlisted: z.number().int(),
    unavailable: z.number().int().describe('Shortlisted talents with no availability during the project.'),
    feasible: z.boolean().describe('False when no team can meet the rules.'),
    team: TeamOut.describe('The cheapest team covering the most requirements: the optimum.'),
    alternatives: z.array(TeamOut).describe('Strongest and most internal teams at the same coverage.'),
    solve: z.object({
      method: z.enum(['milp', 'greedy']),
      status: z.enum(['optimal', 'time_limit', 'fallback', 'infeasible']),
      gap: z.number().nullable().describe('(cost − bound) / cost.'),
      bound: z.number().nullable(),
      boundKind: z.enum(['mip-dual-bound', 'lp-relaxation', 'combinatorial']).nullable(),
      seconds: z.number(),
      solves: z.number().int(),
      greedy: z.object({ cost: z.number(), uncovered: z.number().int(), feasible: z.boolean() }),
      note: MessageOut.nullable().describe(
        'Why the team is not a proved optimum, in the requested language.',
      ),
    }),
  })
  .meta({ id: 'TeamProposal' });

export type TeamBody = z.infer<typeof TeamBody>;
export type TeamResponse = z.infer<typeof TeamResponse>;
export type TeamOut = z.infer<typeof TeamOut>;

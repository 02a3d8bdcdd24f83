/**
 * Request and response schemas of the HTTP API, shared by the server (validation, OpenAPI) and the web
 * app (types). Validation happens at the edges only; the core trusts its types.
 */
import { z } from 'zod';

export const LangSchema = z.enum(['en', 'fr']);
export const SourceSchema = z.enum(['employee', 'freelance']);

/** A message of the core (`core/message.ts`): its key and parameters for machines, its text for people. */
export const MessageOut = z.object({
  key: z
    .string()
    .describe(
      'Message key (FR/EN catalogues: core/readiness/messages.ts, core/analytics/sourcing-messages.ts, core/teams/team-messages.ts).',
    ),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  text: z.string().describe('The message rendered in the requested language.'),
});

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code: not_found, invalid_input, too_large, …'),
      message: z.string().describe('What went wrong, naming the field where there is one.'),
    }),
  })
  .meta({ id: 'Error' });

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  storage: z.enum(['sqlite', 'postgres']),
  skills: z.number().int(),
  talents: z.number().int(),
  projects: z.number().int(),
});

export const SkillsQuery = z.object({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  lang: LangSchema.default('en'),
});

export const SkillOut = z.object({
  id: z.string(),
  label: z.string(),
  domain: z.string(),
  type: z.string(),
  escoUri: z.string().nullable(),
  matched: z.string().describe('The surface form that matched the query.'),
});

export const SkillsResponse = z.object({ skills: z.array(SkillOut) });

export const ExtractBody = z.object({
  text: z.string().describe('French or English text; empty text gives an empty result.'),
  lang: z.enum(['en', 'fr', 'auto']).default('auto'),
});

export const MentionOut = z.object({
  start: z.number().int(),
  end: z.number().int(),
  surface: z.string(),
  negated: z.boolean(),
  level: z.number().int().nullable(),
});

export const ExtractedSkillOut = z.object({
  id: z.string(),
  label: z.string(),
  domain: z.string(),
  escoUri: z.string().nullable(),
  confidence: z.number(),
  level: z.number().int().nullable(),
  mentions: z.array(MentionOut),
});

export const ExtractResponse = z.object({
  lang: LangSchema,
  skills: z.array(ExtractedSkillOut),
  negated: z.array(ExtractedSkillOut).describe('Skills mentioned only under a negation ("pas de Java").'),
});

export const ProjectSummaryOut = z.object({
  id: z.string(),
  name: z.string(),
  industry: z.string(),
  businessFunction: z.string(),
  archetype: z.string(),
  status: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  requirementCount: z.number().int(),
});

export const ProjectsResponse = z.object({ projects: z.array(ProjectSummaryOut) });

export const IdParams = z.object({ id: z.string().min(1).max(100) });
export const LangQuery = z.object({ lang: LangSchema.default('en') });

export const RequirementOut = z.object({
  skillId: z.string(),
  label: z.string(),
  domain: z.string(),
  level: z.number().int(),
  weight: z.number(),
  must: z.boolean(),
});

export const ProjectResponse = z.object({
  id: z.string(),
  name: z.string(),
  brief: z.string(),
  industry: z.string(),
  businessFunction: z.string(),
  archetype: z.string(),
  status: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  budget: z.number().nullable(),
  language: LangSchema,
  requirements: z.array(RequirementOut),
});

export type ErrorResponse = z.infer<typeof ErrorResponse>;
export type HealthResponse = z.infer<typeof HealthResponse>;
export type SkillsResponse = z.infer<typeof SkillsResponse>;
export type ExtractResponse = z.infer<typeof ExtractResponse>;
export type ProjectsResponse = z.infer<typeof ProjectsResponse>;
export type ProjectResponse = z.infer<typeof ProjectResponse>;
// Matching: matching.schemas.ts.

/**
 * Request and response schemas of the analytics API: skills gap, demand trends (with the article's
 * figures), upskilling and the records behind every figure. Person-days everywhere; FTE = person-days /
 * working days of the window. Definitions: README "Skills gap and trends".
 */
import { z } from 'zod';
import { LangSchema, MessageOut } from './schemas.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .describe('ISO date, YYYY-MM-DD');

export const AnalyticsSourceSchema = z.enum(['employee', 'freelance', 'all']);

export const SkillRef = z.object({ id: z.string(), label: z.string() });

export const GapsQuery = z.object({
  top: z.coerce.number().int().min(0).max(1000).default(20).describe('Rows of the shortage ranking.'),
  headlineTop: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe('N of the headline: the share of the N most demanded skills nobody holds.'),
  by: z.enum(['domain', 'industry', 'function']).optional(),
  source: AnalyticsSourceSchema.default('all').describe(
    'Whose supply counts: employees, freelancers or both.',
  ),
  from: isoDate.optional().describe('Window start (default: the open demand’s horizon).'),
  to: isoDate.optional(),
  lang: LangSchema.default('en'),
});

export const HeadlineOut = z.object({
  top: z.number().int(),
  skills: z.array(SkillRef).describe('The N most demanded skills (open projects), most demanded first.'),
  absentEmployees: z.array(SkillRef).describe('Of them, held by no employee at any level.'),
  absentAll: z.array(SkillRef).describe('Of them, held by no one, freelancers included.'),
  shareAbsentEmployees: z.number(),
  shareAbsentAll: z.number(),
});

const SupplySide = z.object({ holders: z.number().int(), personDays: z.number() });

export const GapRowOut = z.object({
  skillId: z.string(),
  label: z.string(),
  domain: z.string(),
  demandRank: z.number().int(),
  demand: z.number().describe('Open demand in the window, person-days.'),
  demandFte: z.number(),
  requiredLevel: z.number().int(),
  openProjects: z.number().int(),
  mustProjects: z.number().int(),
  holders: z.number().int().describe('Holders at the required level or above (chosen sources).'),
  holdersAnyLevel: z.number().int(),
  supply: z.number().describe('Capacity of those holders in the window, person-days.'),
  supplyFte: z.number(),
  ratio: z.number().nullable().describe('supply / demand'),
  shortage: z.number(),
  shortageFte: z.number(),
  employees: SupplySide,
  freelancers: SupplySide,
});

const GroupGapOut = z.object({
  group: z.string(),
  label: z.string(),
  demand: z.number(),
  shortage: z.number(),
  unmetShare: z.number().describe('shortage / demand'),
  headline: HeadlineOut,
});

export const DomainGapOut = GroupGapOut.extend({
  specialists: z.object({ employee: z.number().int(), freelance: z.number().int() }),
  specialistFte: z.object({ employee: z.number(), freelance: z.number() }),
});

export const SourcingOptionOut = z.object({
  action: z.enum(['train', 'borrow', 'hire']),
  weeks: z.number().nullable().describe('Weeks to capability; null when not possible.'),
  covers: z.number(),
  dailyRate: z.number(),
  setupCost: z.number(),
  cost: z.number(),
  costPerPersonDay: z.number().nullable(),
  available: z.boolean(),
  note: MessageOut.describe('How the option is done, or why it is not available.'),
});

export const RecommendationOut = z.object({
  skillId: z.string(),
  label: z.string(),
  shortage: z.number(),
  durationWeeks: z.number(),
  unblocks: z.number().int().describe('Open projects with this skill as a must-have.'),
  action: z.enum(['train', 'borrow', 'hire']),
  options: z.array(SourcingOptionOut),
  reason: z.string().describe('Why this action, against the other two, in the requested language.'),
});

export const GapsResponse = z
  .object({
    window: z.object({ from: z.string(), to: z.string(), workingDays: z.number().int(), auto: z.boolean() }),
    source: AnalyticsSourceSchema,
    openProjects: z.number().int(),
    historicalProjects: z.number().int(),
    talents: z.object({ employee: z.number().int(), freelance: z.number().int() }),
    demand: z.number(),
    shortage: z.number(),
    unmetShare: z.number(),
    headline: HeadlineOut,
    rows: z.array(GapRowOut),
    domains: z.array(DomainGapOut),
    by: z.enum(['domain', 'industry', 'function']).nullable(),
    groups: z.array(GroupGapOut).nullable(),
    recommendations: z.array(RecommendationOut),
  })
  .meta({ id: 'Gaps' });

export const GapRecordsParams = z.object({ skillId: z.string().min(1).max(200) });
export const GapRecordsQuery = z.object({
  source: AnalyticsSourceSchema.default('all'),
  limit: z.coerce.number().int().min(0).max(10_000).default(200),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const GapRecordsResponse = z.object({
  skillId: z.string(),
  requiredLevel: z.number().int(),
  window: z.object({ from: z.string(), to: z.string() }),
  demand: z.object({
    total: z.number(),
    count: z.number().int(),
    records: z.array(
      z.object({
        projectId: z.string(),
        status: z.string(),
        personDays: z.number(),
        level: z.number().int(),
        must: z.boolean(),
      }),
    ),
  }),
  supply: z.object({
    total: z.number(),
    count: z.number().int(),
    records: z.array(
      z.object({
        talentId: z.string(),
        source: z.enum(['employee', 'freelance']),
        level: z.number().int(),
        capacity: z.number(),
      }),
    ),
  }),
});

export const TrendsQuery = z.object({
  period: z.enum(['year', 'quarter', 'month']).default('year'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  skills: z
    .string()
    .max(2000)
    .optional()
    .describe('Comma-separated skill ids to follow (default: the most required).'),
  top: z.coerce.number().int().min(1).max(100).default(10),
  current: z.string().max(10).optional().describe('Period the emerging skills are measured in.'),
  lang: LangSchema.default('en'),
});

export const TrendPointOut = z.object({
  period: z.string(),
  count: z.number(),
  personDays: z.number(),
  share: z.number(),
  growth: z.number().nullable(),
});

export const TrendSeriesOut = z.object({
  key: z.string(),
  label: z.string(),
  points: z.array(TrendPointOut),
});

export const ArticleOut = z.object({
  growth: z.array(
    z.object({
      id: z.string(),
      measure: z.string(),
      article: z.string(),
      articleRatio: z.number(),
      from: z.object({ period: z.string(), count: z.number() }),
      to: z.object({ period: z.string(), count: z.number() }),
      ratio: z.number().nullable(),
    }),
  ),
  absentSkills: z.object({
    article: z.string(),
    top: z.number().int(),
    skills: z.array(z.string()),
    absentEmployees: z.array(z.string()),
    absentAll: z.array(z.string()),
    shareAbsentEmployees: z.number(),
    shareAbsentAll: z.number(),
  }),
  scarceDomains: z.object({
    article: z.string(),
    domains: z.array(z.object({ domain: z.string(), unmetShare: z.number() })),
  }),
  production: z.object({
    article: z.string(),
    generic: z.object({ closed: z.number().int(), production: z.number().int(), rate: z.number() }),
    vertical: z.object({ closed: z.number().int(), production: z.number().int(), rate: z.number() }),
  }),
});

export const TrendsResponse = z
  .object({
    period: z.enum(['year', 'quarter', 'month']),
    periods: z.array(z.string()),
    measures: z.array(TrendSeriesOut),
    domains: z.array(TrendSeriesOut),
    skills: z.array(TrendSeriesOut),
    emerging: z.array(
      z.object({
        skillId: z.string(),
        label: z.string(),
        domain: z.string(),
        previous: z.object({ period: z.string(), count: z.number(), share: z.number() }),
        current: z.object({ period: z.string(), count: z.number(), share: z.number() }),
        shareGrowth: z.number().nullable(),
      }),
    ),
    article: ArticleOut.describe('The article’s figures, computed from the records.'),
  })
  .meta({ id: 'Trends' });

export const TrendRecordsQuery = z.object({
  measure: z
    .string()
    .min(1)
    .max(200)
    .describe('projects, open-weight, low-code, security, freelance-tech-data, skill:<id> or domain:<id>'),
  period: z.enum(['year', 'quarter', 'month']).default('year'),
  key: z.string().min(4).max(10).describe('The period: 2024, 2024-Q3 or 2024-07.'),
  limit: z.coerce.number().int().min(0).max(10_000).default(1000),
});

export const RecordSetResponse = z.object({
  kind: z.enum(['project', 'talent']),
  total: z.number().int(),
  ids: z.array(z.string()),
});

export const UpskillingQuery = z.object({
  skill: z.string().min(1).max(200),
  top: z.coerce.number().int().min(1).max(200).default(10),
  level: z.coerce.number().int().min(1).max(5).optional(),
  source: z.enum(['employee', 'all']).default('all'),
  lang: LangSchema.default('en'),
});

export const LearningStepOut = z.object({
  skillId: z.string(),
  label: z.string(),
  from: z.string(),
  transfer: z.number(),
  weeks: z.number(),
});

export const UpskillingResponse = z
  .object({
    skill: z.object({ id: z.string(), label: z.string(), domain: z.string() }),
    requiredLevel: z.number().int(),
    fromScratchWeeks: z.number(),
    holders: z.object({ employee: z.number().int(), freelance: z.number().int() }),
    withHeadStart: z.number().int(),
    learners: z.array(
      z.object({
        talentId: z.string(),
        name: z.string(),
        currentLevel: z.number().int(),
        effortWeeks: z.number(),
        from: z.object({ skillId: z.string(), label: z.string(), level: z.number().int() }).nullable(),
        plan: z.array(LearningStepOut),
        dailyCost: z.number(),
        capacity: z.number(),
      }),
    ),
    recommendation: RecommendationOut.nullable(),
  })
  .meta({ id: 'Upskilling' });

export const PlanQuery = z.object({
  people: z.coerce.number().int().min(1).max(100).default(5),
  skills: z.coerce.number().int().min(1).max(100).default(10),
  source: z.enum(['employee', 'all']).default('all'),
  lang: LangSchema.default('en'),
});

export const PlanResponse = z.object({
  people: z.number().int(),
  assignments: z.array(
    z.object({
      talentId: z.string(),
      skillId: z.string(),
      label: z.string(),
      effortWeeks: z.number(),
      from: z.object({ skillId: z.string(), level: z.number().int() }).nullable(),
      covers: z.number(),
    }),
  ),
  shortageBefore: z.number(),
  shortageCovered: z.number(),
  shareOfShortage: z.number(),
  coverageBefore: z.number(),
  coverageAfter: z.number(),
  summary: z.string(),
});

export type GapsResponse = z.infer<typeof GapsResponse>;
export type TrendsResponse = z.infer<typeof TrendsResponse>;
export type UpskillingResponse = z.infer<typeof UpskillingResponse>;
export type PlanResponse = z.infer<typeof PlanResponse>;
export type GapRecordsResponse = z.infer<typeof GapRecordsResponse>;
export type RecordSetResponse = z.infer<typeof RecordSetResponse>;

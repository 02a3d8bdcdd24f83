/**
 * Request and response schemas of matching: GET /api/projects/:id/matches (and `vivier match --json`),
 * GET/PUT /api/settings/matching-weights (and `vivier settings weights --json`).
 *
 * The CLI turns its flags into the same query parameters and validates them with `MatchesQuery`, then both
 * edges call `matchRequest` and the same presenter: one validation, one document (see decision 0004 for the
 * score).
 */
import { z } from 'zod';
import { INDUSTRIES } from '../core/model.js';
import type { MatchFilters } from '../core/matching/profile.js';
import { SCORE_PARTS, type ScorePartName, type ScoreWeights } from '../core/matching/types.js';
import { LangSchema, SourceSchema } from './schemas.js';

// ---------------------------------------------------------------------------------------------------------
// Query

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date: the shape alone would let 2026-02-30 through to the core's date arithmetic. */
function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

const isoDate = z
  .string()
  .refine(isCalendarDate, { error: 'expected a calendar date YYYY-MM-DD' })
  .describe('ISO date, YYYY-MM-DD');

/** "true" / "false" only: a query string has no booleans, and "0" or "yes" are more likely typos. */
const booleanQuery = z
  .enum(['true', 'false'], { error: 'expected true or false' })
  .transform((v) => v === 'true');

/** A comma-separated list ("fr,en") as its items; blanks and surrounding spaces are dropped. */
const commaSeparated = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== ''),
);

const weightParam = (part: ScorePartName) =>
  z.coerce
    .number({ error: 'expected a number ≥ 0' })
    .min(0)
    .optional()
    .describe(
      `Weight of the ${part} part for this request only (others keep the organization's); all are scaled to sum 1.`,
    );

export const MatchSourceSchema = z.enum(['employee', 'freelance', 'all'], {
  error: 'expected one of employee, freelance, all',
});

export const MatchesQuery = z
  .object({
    // One message for every failure of a parameter: it says what is accepted, whatever was sent.
    top: z.coerce
      .number({ error: 'expected a whole number from 1 to 200' })
      .int()
      .min(1)
      .max(200)
      .default(20)
      .describe('How many talents.'),
    source: MatchSourceSchema.default('all').describe('Employees, freelancers or both.'),
    availableFrom: isoDate
      .optional()
      .describe('Availability filter: available on every working day from this date (with availableTo).'),
    availableTo: isoDate.optional().describe('…to this date, both included.'),
    minDays: z.coerce
      .number({ error: 'expected a number of days per week, 0–5' })
      .min(0)
      .max(5)
      .optional()
      .describe('…at this many days per week or more (default 1: available at all).'),
    maxRate: z.coerce
      .number({ error: 'expected a number ≥ 0' })
      .min(0)
      .optional()
      .describe('Day rate (freelance) or internal daily cost (employee) at most this, euros.'),
    languages: commaSeparated
      .pipe(
        z.array(
          z
            .string()
            .regex(/^[a-z]{2}$/i, { error: 'expected ISO 639-1 codes such as fr,en' })
            .transform((l) => l.toLowerCase()),
        ),
      )
      .optional()
      .describe('Speaks every one of these (ISO 639-1, comma-separated: fr,en).'),
    location: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Based in this place (case, accents ignored).'),
    remoteOk: booleanQuery
      .optional()
      .describe('With location: also accept talents who work remotely, wherever they are.'),
    industries: commaSeparated
      .pipe(z.array(z.enum(INDUSTRIES, { error: `expected industries among ${INDUSTRIES.join(', ')}` })))
      .optional()
      .describe('Worked in at least one of these industries (comma-separated).'),
    counterfactuals: z.coerce
      .number({ error: 'expected a whole number from 0 to 10' })
      .int()
      .min(0)
      .max(10)
      .default(3)
      .describe('Counterfactuals per talent: the single changes that would raise the score most.'),
    'w.coverage': weightParam('coverage'),
    'w.levelFit': weightParam('levelFit'),
    'w.adjacency': weightParam('adjacency'),
    'w.vertical': weightParam('vertical'),
    'w.trackRecord': weightParam('trackRecord'),
    'w.availability': weightParam('availability'),
    'w.budget': weightParam('budget'),
    'w.breadth': weightParam('breadth'),
    lang: LangSchema.default('en').describe('Language of the skill labels.'),
  })
  // Parameters that only mean something together: the error names the one that is missing or wrong.
  .superRefine((q, ctx) => {
    if (q.availableFrom !== undefined && q.availableTo === undefined)
      ctx.addIssue({ code: 'custom', path: ['availableTo'], message: 'required with availableFrom' });
    if (q.availableTo !== undefined && q.availableFrom === undefined)
      ctx.addIssue({ code: 'custom', path: ['availableFrom'], message: 'required with availableTo' });
    if (q.availableFrom !== undefined && q.availableTo !== undefined && q.availableTo < q.availableFrom)
      ctx.addIssue({ code: 'custom', path: ['availableTo'], message: 'must not be before availableFrom' });
    if (q.minDays !== undefined && q.availableFrom === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['minDays'],
        message: 'needs an availability window (availableFrom and availableTo)',
      });
    if (q.remoteOk !== undefined && q.location === undefined)
      ctx.addIssue({ code: 'custom', path: ['remoteOk'], message: 'needs a location' });
  });

export type MatchesQueryIn = z.input<typeof MatchesQuery>;
export type MatchesQueryOut = z.output<typeof MatchesQuery>;

/** Days per week asked of an availability window when `minDays` is not given: available at all. */
export const DEFAULT_MIN_DAYS = 1;

/** What the matching service is asked (the service's MatchOptions, structurally). */
export interface MatchRequest {
  top: number;
  filters: MatchFilters;
  weights: Partial<ScoreWeights>;
  counterfactuals: number;
}

/** The validated query as a request to the matching service. Shared by the HTTP route and the CLI. */
export function matchRequest(q: MatchesQueryOut): MatchRequest {
  const filters: MatchFilters = { source: q.source };
  if (q.availableFrom !== undefined && q.availableTo !== undefined)
    filters.available = {
      start: q.availableFrom,
      end: q.availableTo,
      minDaysPerWeek: q.minDays ?? DEFAULT_MIN_DAYS,
    };
  if (q.maxRate !== undefined) filters.maxRate = q.maxRate;
  if (q.languages?.length) filters.languages = q.languages;
  if (q.location !== undefined) filters.location = { place: q.location, remoteOk: q.remoteOk ?? false };
  if (q.industries?.length) filters.industries = q.industries;
  const weights: Partial<ScoreWeights> = {};
  for (const k of SCORE_PARTS) {
    const v = q[`w.${k}`];
    if (v !== undefined) weights[k] = v;
  }
  return { top: q.top, filters, weights, counterfactuals: q.counterfactuals };
}

// ---------------------------------------------------------------------------------------------------------
// Response

const part = (what: string) => z.number().describe(what);

export const ScorePartsOut = z
  .object({
    coverage: part('Required skills held exactly, weighted by importance (must-haves count double).'),
    levelFit: part('How the held levels meet the required ones.'),
    adjacency: part('Partial credit from adjacent skills for missing ones.'),
    vertical: part("Worked in the project's industry and business function."),
    trackRecord: part('Share of past missions that reached production, smoothed.'),
    availability: part("Share of the project's working days the talent can give."),
    budget: part("Daily cost against the project's budget per person-day."),
    breadth: part('Covers several of AI, data, cloud, security, governance.'),
  })
  .meta({ id: 'ScoreParts' });

export const SkillPartsOut = z.object({
  coverage: z.number(),
  levelFit: z.number(),
  adjacency: z.number(),
});

export const ExplanationOut = z.object({
  skillId: z.string(),
  label: z.string(),
  requiredLevel: z.number().int(),
  must: z.boolean(),
  share: z.number().describe("This requirement's share of the project's total importance."),
  brings: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('exact'), level: z.number().int(), evidence: z.string().nullable() }),
    z.object({
      kind: z.literal('adjacent'),
      via: z.string(),
      viaLabel: z.string(),
      level: z.number().int(),
      transfer: z.number().describe('Transfer weight of the taxonomy link, < 1.'),
      credit: z.number().describe('transfer × level fit: the share of the exact skill it earns.'),
    }),
    z.object({ kind: z.literal('none') }),
  ]),
  contributions: SkillPartsOut.describe('What this requirement adds to each skill part.'),
});

export const ProfileOut = z.object({
  vertical: z.object({
    industry: z.string(),
    inIndustry: z.boolean(),
    businessFunction: z.string(),
    inFunction: z.boolean(),
    value: z.number().describe('½ per match: industry, business function.'),
  }),
  trackRecord: z.object({
    missions: z.number().int().describe('Past missions with a known outcome.'),
    production: z.number().int().describe('Of them, reached production.'),
    value: z.number(),
  }),
  availability: z.object({
    availableDays: z.number(),
    workingDays: z.number().int().describe("The project's Monday-to-Friday days."),
    value: z.number(),
  }),
  budget: z.object({
    dailyCost: z.number(),
    targetRate: z.number().nullable().describe('Budget per person-day; null when the project has none.'),
    value: z.number(),
  }),
  breadth: z.object({
    domains: z.array(z.string()).describe('Core domains held at level 3 or above.'),
    value: z.number(),
  }),
});

export const CounterfactualOut = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['raise-level', 'add-skill']),
    skillId: z.string(),
    label: z.string(),
    level: z.number().int(),
    gain: z.number().describe('Score after the change minus the score now.'),
  }),
  z.object({ kind: z.literal('full-availability'), gain: z.number() }),
]);

export const MatchOut = z.object({
  rank: z.number().int(),
  talentId: z.string(),
  name: z.string(),
  source: SourceSchema,
  score: z.number().describe('Sum of the parts, in the order of ScoreParts.'),
  parts: ScorePartsOut,
  explanation: z.array(ExplanationOut),
  profile: ProfileOut,
  counterfactuals: z.array(CounterfactualOut).describe('Best first.'),
});

export const FiltersOut = z.object({
  source: MatchSourceSchema,
  available: z.object({ start: z.string(), end: z.string(), minDaysPerWeek: z.number() }).nullable(),
  maxRate: z.number().nullable(),
  languages: z.array(z.string()),
  location: z.object({ place: z.string(), remoteOk: z.boolean() }).nullable(),
  industries: z.array(z.string()),
});

export const MatchesResponse = z.object({
  projectId: z.string(),
  projectName: z.string(),
  considered: z
    .number()
    .int()
    .describe(
      "Talents of the organization's pool the ranking searched (filters narrow `matches`, not this).",
    ),
  filters: FiltersOut.describe('The filters applied.'),
  weights: ScorePartsOut.describe('The weights used (organization, then this request), summing to 1.'),
  matches: z.array(MatchOut),
});

// ---------------------------------------------------------------------------------------------------------
// Weights settings

const weightBodyField = (part: ScorePartName) =>
  z.number().min(0).optional().describe(`Weight of ${part}, ≥ 0 (missing: the default).`);

export const WeightsBody = z.strictObject({
  coverage: weightBodyField('coverage'),
  levelFit: weightBodyField('levelFit'),
  adjacency: weightBodyField('adjacency'),
  vertical: weightBodyField('vertical'),
  trackRecord: weightBodyField('trackRecord'),
  availability: weightBodyField('availability'),
  budget: weightBodyField('budget'),
  breadth: weightBodyField('breadth'),
});

export const WeightsResponse = z.object({
  weights: ScorePartsOut.describe("The organization's weights, scaled to sum 1."),
  defaults: ScorePartsOut,
});

export type ScorePartsOut = z.infer<typeof ScorePartsOut>;
export type ExplanationOut = z.infer<typeof ExplanationOut>;
export type ProfileOut = z.infer<typeof ProfileOut>;
export type CounterfactualOut = z.infer<typeof CounterfactualOut>;
export type MatchOut = z.infer<typeof MatchOut>;
export type FiltersOut = z.infer<typeof FiltersOut>;
export type MatchesResponse = z.infer<typeof MatchesResponse>;
export type WeightsBody = z.infer<typeof WeightsBody>;
export type WeightsResponse = z.infer<typeof WeightsResponse>;

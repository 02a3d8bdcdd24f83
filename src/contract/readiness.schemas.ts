/**
 * Readiness: request and response schemas, and the presenters that build the responses, shared by the HTTP
 * routes and the CLI's --json so that both print the same document.
 */
import { z } from 'zod';
import type { Calibration } from '../core/readiness/calibrate.js';
import { RISK_THRESHOLDS } from '../core/readiness/factors.js';
import { renderMessage } from '../core/readiness/messages.js';
import {
  FACTOR_IDS,
  RISK_LEVELS,
  type Message,
  type Readiness,
  type RiskLevel,
  type TeamSource,
  type WhatIfChange,
} from '../core/readiness/types.js';
import type { Lang, Taxonomy } from '../core/taxonomy/types.js';
import { LangSchema, MessageOut } from './schemas.js';

/** What the readiness presenter needs (the readiness service's result has this shape). */
export interface ReadinessInput {
  project: { id: string; name: string; status: string };
  readiness: Readiness;
  calibration: Calibration;
  team: { source: TeamSource; members: string[] };
}

export interface ReadinessListInput {
  id: string;
  name: string;
  status: string;
  outcome: string | null;
  score: number;
  risk: RiskLevel;
}

export const ReadinessQuery = z.object({
  lang: LangSchema.default('en'),
  team: z
    .string()
    .max(2000)
    .optional()
    .describe('Talent ids of the staffed or proposed team, comma-separated; without it, the pool stands in.'),
});

const FactorId = z.enum(FACTOR_IDS);
const Risk = z.enum(RISK_LEVELS);

export const FactorWeightsOut = z.object(
  Object.fromEntries(FACTOR_IDS.map((id) => [id, z.number()])) as Record<
    (typeof FACTOR_IDS)[number],
    z.ZodNumber
  >,
);

export const FactorOut = z.object({
  id: FactorId,
  value: z.number().describe('In [0, 1].'),
  weight: z.number().describe('Points the factor is worth; the weights sum to 100.'),
  contribution: z.number().describe('value × weight; the contributions add up to the score.'),
  reason: MessageOut,
});

export const WhatIfOut = z.object({
  id: z.string(),
  gain: z.number().describe('Points the score would gain.'),
  scoreAfter: z.number(),
  message: MessageOut,
});

export const ReadinessResponse = z.object({
  projectId: z.string(),
  name: z.string(),
  status: z.string(),
  score: z.number().describe('0–100, the sum of the factor contributions.'),
  risk: Risk,
  weights: z.object({ source: z.enum(['fitted', 'default']), values: FactorWeightsOut }),
  team: z.object({ source: z.enum(['team', 'pool']), members: z.array(z.string()) }),
  factors: z.array(FactorOut),
  domains: z.array(
    z.object({
      domain: z.string(),
      requirements: z.number().int(),
      coverage: z.number(),
      gaps: z.array(z.object({ skillId: z.string(), label: z.string() })),
    }),
  ),
  best: WhatIfOut.nullable().describe('The single change that raises readiness most.'),
  whatIf: z.array(WhatIfOut),
  productionProbability: z.number().nullable().describe('With fitted weights: the model’s estimate.'),
});

export const ReadinessListResponse = z.object({
  weights: z.object({ source: z.enum(['fitted', 'default']), values: FactorWeightsOut }),
  projects: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.string(),
      outcome: z.string().nullable(),
      score: z.number(),
      risk: Risk,
    }),
  ),
});

export const CalibrationResponse = z.object({
  source: z.enum(['fitted', 'default']),
  reason: MessageOut,
  weights: FactorWeightsOut,
  defaultWeights: FactorWeightsOut,
  n: z.number().int().describe('Past projects with an outcome (production = 1; pilot or stopped = 0).'),
  positives: z.number().int(),
  negatives: z.number().int(),
  minOutcomes: z.number().int(),
  minPerClass: z.number().int(),
  folds: z.number().int(),
  heldOut: z.number().int().describe('Projects scored out of fold; the AUCs are over these.'),
  aucFitted: z.number().nullable(),
  aucDefault: z.number().nullable(),
  model: z.object({ intercept: z.number(), coefficients: FactorWeightsOut }).nullable(),
  riskThresholds: z.object({ low: z.number(), medium: z.number(), high: z.number() }),
});

export type ReadinessResponse = z.infer<typeof ReadinessResponse>;
export type ReadinessListResponse = z.infer<typeof ReadinessListResponse>;
export type CalibrationResponse = z.infer<typeof CalibrationResponse>;

/** Splits `a,b , c` into ids. */
export function parseTeam(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const labeller = (tax: Taxonomy, lang: Lang) => (id: string) => tax.byId.get(id)?.labels[lang].label ?? id;

function presentMessage(m: Message, lang: Lang, label: (id: string) => string): z.infer<typeof MessageOut> {
  return { key: m.key, params: m.params, text: renderMessage(m, lang, label) };
}

export function presentReadiness(tax: Taxonomy, r: ReadinessInput, lang: Lang): ReadinessResponse {
  const label = labeller(tax, lang);
  const change = (c: WhatIfChange) => ({
    id: c.id,
    gain: c.gain,
    scoreAfter: c.scoreAfter,
    message: presentMessage(c.message, lang, label),
  });
  const x = r.readiness;
  return {
    projectId: r.project.id,
    name: r.project.name,
    status: r.project.status,
    score: x.score,
    risk: x.risk,
    weights: { source: r.calibration.source, values: r.calibration.weights },
    team: r.team,
    factors: x.factors.map((f) => ({ ...f, reason: presentMessage(f.reason, lang, label) })),
    domains: x.domains.map((d) => ({
      ...d,
      gaps: d.gaps.map((skillId) => ({ skillId, label: label(skillId) })),
    })),
    best: x.best ? change(x.best) : null,
    whatIf: x.whatIf.map(change),
    productionProbability: x.productionProbability,
  };
}

export function presentReadinessList(
  c: Calibration,
  projects: readonly ReadinessListInput[],
): ReadinessListResponse {
  return { weights: { source: c.source, values: c.weights }, projects: [...projects] };
}

export function presentCalibration(c: Calibration, lang: Lang): CalibrationResponse {
  return {
    ...c,
    reason: presentMessage(c.reason, lang, (id) => id),
    riskThresholds: { ...RISK_THRESHOLDS },
  };
}

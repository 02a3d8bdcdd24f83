import type { Message } from '../message.js';
import type { BuildOrBuy, DataSensitivity } from '../model.js';
import type { Domain } from '../taxonomy/types.js';

/**
 * The factors of a project's readiness, in a fixed order (the order of the calibration's feature vector and
 * of every explanation).
 */
export const FACTOR_IDS = [
  'vertical',
  'team',
  'data',
  'ownership',
  'process',
  'buildOrBuy',
  'scope',
] as const;
export type FactorId = (typeof FACTOR_IDS)[number];

/** Points each factor is worth; they sum to 100 so that a score is in [0, 100]. */
export type FactorWeights = Record<FactorId, number>;

/** A message key with its parameters; `messages.ts` renders it in French or English. */
export type { Message };

/** How a requirement is covered by the staffed team, or by the pool when no team is given. */
export type CoverVia =
  | { kind: 'exact'; level: number; by: string | null; holders: number | null }
  | { kind: 'adjacent'; from: string; level: number; transfer: number; by: string | null }
  | { kind: 'none' };

export interface RequirementCover {
  skillId: string;
  /** The skill's domain; null for a skill the taxonomy does not know. */
  domain: Domain | null;
  requiredLevel: number;
  must: boolean;
  weight: number;
  /** In [0, 1]: 1 when someone holds the skill at the required level, less below it or through an adjacent skill. */
  credit: number;
  via: CoverVia;
}

export type OutcomeKind = 'measurable' | 'kpi' | 'stated' | 'none';

export interface OutcomeEvidence {
  /** measurable: a target with a number (30 %, 2 days, ×2); kpi: an indicator named without a target. */
  kind: OutcomeKind;
  source: 'businessOutcome' | 'brief' | null;
  /** The words that show it, as written. */
  text: string | null;
}

/** Whether the team part comes from a staffed (or proposed) team or from the pool's supply summary. */
export type TeamSource = 'team' | 'pool';

/** Everything readiness is computed from; the what-if changes are edits of these facts. */
export interface ReadinessFacts {
  industry: string | null;
  businessFunction: string | null;
  outcome: OutcomeEvidence;
  covers: RequirementCover[];
  teamSource: TeamSource;
  dataSources: readonly string[];
  sensitivity: DataSensitivity;
  securityOwner: string | null;
  processOwner: string | null;
  buildOrBuy: BuildOrBuy;
  /** Planned duration in months; null when the dates are missing or the end precedes the start. */
  months: number | null;
  budget: number | null;
  headcount: number;
  headcountSource: 'team' | 'roles' | 'estimate';
  /** Euros per person-day used to check the budget (the pool's median daily cost, or a default). */
  dayCost: number;
}

export interface Factor {
  id: FactorId;
  /** In [0, 1]. */
  value: number;
  /** Points the factor is worth. */
  weight: number;
  /** value × weight; the contributions add up to the score. */
  contribution: number;
  reason: Message;
}

export interface DomainCoverage {
  domain: Domain;
  requirements: number;
  /** Importance-weighted mean credit of the domain's requirements, in [0, 1]. */
  coverage: number;
  /** Required skills of the domain not covered at level (credit < 1). */
  gaps: string[];
}

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface ReadinessScore {
  /** In [0, 100]: the sum of the factor contributions. */
  score: number;
  risk: RiskLevel;
  factors: Factor[];
  /** Core domains the project requires, and how well each is covered. */
  domains: DomainCoverage[];
}

export interface WhatIfChange {
  id: string;
  message: Message;
  /** Score after the change minus the score now. */
  gain: number;
  scoreAfter: number;
}

export interface Readiness extends ReadinessScore {
  /** Every candidate change that raises the score, best first. */
  whatIf: WhatIfChange[];
  /** The single change that raises readiness most, or null when none does. */
  best: WhatIfChange | null;
  /** With fitted weights: the model's estimate of the chance to reach production; null with default weights. */
  productionProbability: number | null;
}

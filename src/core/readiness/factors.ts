/**
 * Readiness factors: each turns the facts about a project into a value in [0, 1] with the reason behind it.
 * A factor is worth `weight` points; its contribution is value × weight, and the score is the sum of the
 * contributions, so the explanation always adds up to the score.
 *
 * The hand-set default weights (used until enough past projects have an outcome, see calibrate.ts) follow
 * the article this product comes from: most custom GenAI projects fail for lack of skills (team, 25) and for
 * being generic rather than vertical (vertical, 20); data is the raw material (data, 15); security and
 * governance owners and a business process owner decide whether a pilot is allowed into production
 * (ownership 10, process 10); scope sanity (12) and build-or-buy (8) complete it.
 */
import type { Project } from '../model.js';
import { domainCoverage, overallCoverage } from './coverage.js';
import { monthsBetween } from './dates.js';
import { detectOutcome } from './outcome.js';
import {
  FACTOR_IDS,
  type Factor,
  type FactorId,
  type FactorWeights,
  type Message,
  type ReadinessFacts,
  type ReadinessScore,
  type RequirementCover,
  type RiskLevel,
  type TeamSource,
} from './types.js';

export const DEFAULT_READINESS_WEIGHTS: FactorWeights = {
  vertical: 20,
  team: 25,
  data: 15,
  ownership: 10,
  process: 10,
  buildOrBuy: 8,
  scope: 12,
};

/**
 * Risk by score: ≥ 75 low, ≥ 55 medium, ≥ 35 high, below 35 critical. The same thresholds apply to fitted
 * weights, which are mapped back to the same 0–100 scale.
 */
export const RISK_THRESHOLDS = { low: 75, medium: 55, high: 35 } as const;

export function riskOf(score: number): RiskLevel {
  if (score >= RISK_THRESHOLDS.low) return 'low';
  if (score >= RISK_THRESHOLDS.medium) return 'medium';
  if (score >= RISK_THRESHOLDS.high) return 'high';
  return 'critical';
}

/** Parts of the vertical factor: the industry and function named, and a measurable outcome (most of it). */
export const VERTICAL_PARTS = { industry: 0.15, businessFunction: 0.15, outcome: 0.7 } as const;
export const OUTCOME_CREDIT = { measurable: 1, kpi: 0.5, stated: 0.3, none: 0 } as const;
/** Parts of the data factor: sources named, and sensitive data provided for. */
export const DATA_PARTS = { sources: 0.6, sensitivity: 0.4 } as const;
/** Build or buy: custom builds fail most often (the article's 95 %); buying or building on a bought platform less. */
export const BUILD_OR_BUY_VALUE = { buy: 1, hybrid: 0.75, build: 0.4 } as const;
/** Scope: up to this many required skills is a focused project; at SPRAWLING_SKILLS and beyond, a sprawling one. */
export const FOCUSED_SKILLS = 8;
export const SPRAWLING_SKILLS = 16;
/** A plan of 2 to 12 months is sane; shorter rarely reaches production, longer drifts. */
export const MONTHS_RANGE = { min: 2, max: 12 } as const;
/** Share of their time people give the project, on average, when estimating its cost. */
export const ALLOCATION = 0.6;
/** A budget at BUDGET_OK of the estimated cost or more is sane; at BUDGET_FLOOR or less, not at all. */
export const BUDGET_OK = 0.8;
export const BUDGET_FLOOR = 0.2;
/** Skills one person covers on average, to estimate a headcount when the project names no roles. */
export const SKILLS_PER_PERSON = 3;
/** Euros per person-day when the pool gives no median. */
export const DEFAULT_DAY_COST = 650;
/** About 220 working days a year. */
export const WORKDAYS_PER_MONTH = 220 / 12;

const SENSITIVE = new Set(['confidential', 'personal', 'sensitive']);

const msg = (key: string, params: Message['params'] = {}): Message => ({ key, params });

export interface FactsOptions {
  covers: RequirementCover[];
  teamSource: TeamSource;
  /** Size of the staffed team, when one is given. */
  teamSize?: number;
  dayCost?: number | null;
}

/** The facts about a project that readiness is computed from. */
export function readinessFacts(project: Project, options: FactsOptions): ReadinessFacts {
  const roles = project.roles.reduce((n, r) => n + Math.max(0, r.headcount), 0);
  const headcountSource = options.teamSize ? 'team' : roles > 0 ? 'roles' : 'estimate';
  const headcount =
    headcountSource === 'team'
      ? (options.teamSize ?? 1)
      : headcountSource === 'roles'
        ? roles
        : Math.max(1, Math.ceil(project.requirements.length / SKILLS_PER_PERSON));
  return {
    industry: project.industry || null,
    businessFunction: project.businessFunction || null,
    outcome: detectOutcome(project.businessOutcome, project.brief),
    covers: options.covers,
    teamSource: options.teamSource,
    dataSources: project.dataSources.filter((s) => s.trim() !== ''),
    sensitivity: project.dataSensitivity,
    securityOwner: project.securityOwner?.trim() || null,
    processOwner: project.processOwner?.trim() || null,
    buildOrBuy: project.buildOrBuy,
    months: monthsBetween(project.startDate, project.endDate),
    budget: project.budget,
    headcount,
    headcountSource,
    dayCost: options.dayCost && options.dayCost > 0 ? options.dayCost : DEFAULT_DAY_COST,
  };
}

/** Estimated cost of the plan: headcount × workdays × allocation × day cost. Null without a duration. */
export function estimatedCost(f: ReadinessFacts): number | null {
  if (f.months === null) return null;
  return f.headcount * f.months * WORKDAYS_PER_MONTH * ALLOCATION * f.dayCost;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

function vertical(f: ReadinessFacts): { value: number; reason: Message } {
  const o = f.outcome;
  const value =
    (f.industry ? VERTICAL_PARTS.industry : 0) +
    (f.businessFunction ? VERTICAL_PARTS.businessFunction : 0) +
    VERTICAL_PARTS.outcome * OUTCOME_CREDIT[o.kind];
  const params = { industry: f.industry ?? '—', businessFunction: f.businessFunction ?? '—' };
  const reason =
    o.kind === 'none'
      ? msg('readiness.vertical.none', params)
      : msg(`readiness.vertical.${o.kind}`, { ...params, text: o.text ?? '', source: o.source ?? '' });
  return { value, reason };
}

function team(f: ReadinessFacts): { value: number; reason: Message } {
  const source = f.teamSource;
  if (f.covers.length === 0) return { value: 0, reason: msg('readiness.team.noRequirements', { source }) };
  const domains = domainCoverage(f.covers);
  if (domains.length === 0) {
    const value = overallCoverage(f.covers);
    return { value, reason: msg('readiness.team.noCoreDomain', { source, percent: round(value * 100) }) };
  }
  const value = domains.reduce((s, d) => s + d.coverage, 0) / domains.length;
  const covered = domains.filter((d) => d.coverage >= 1).map((d) => d.domain);
  const short = domains.filter((d) => d.coverage < 1);
  const gaps = short.flatMap((d) => d.gaps);
  return {
    value,
    reason:
      short.length === 0
        ? msg('readiness.team.allCovered', { source, domains: covered.join(', ') })
        : msg('readiness.team.gaps', {
            source,
            covered: covered.length,
            required: domains.length,
            short: short.map((d) => `${d.domain} ${round(d.coverage * 100)} %`).join(', '),
            skills: gaps,
          }),
  };
}

export function sensitivityHandled(f: ReadinessFacts): boolean {
  if (!SENSITIVE.has(f.sensitivity)) return true;
  return (
    f.securityOwner !== null || f.covers.some((c) => c.domain === 'security' || c.domain === 'governance')
  );
}

function data(f: ReadinessFacts): { value: number; reason: Message } {
  const named = f.dataSources.length > 0;
  const handled = sensitivityHandled(f);
  const value = (named ? DATA_PARTS.sources : 0) + (handled ? DATA_PARTS.sensitivity : 0);
  const params = {
    count: f.dataSources.length,
    sources: f.dataSources.slice(0, 5).join(', '),
    sensitivity: f.sensitivity,
  };
  const key = `readiness.data.${named ? 'named' : 'unnamed'}.${handled ? 'handled' : 'unhandled'}`;
  return { value, reason: msg(key, params) };
}

function ownership(f: ReadinessFacts): { value: number; reason: Message } {
  return f.securityOwner
    ? { value: 1, reason: msg('readiness.ownership.named', { owner: f.securityOwner }) }
    : { value: 0, reason: msg('readiness.ownership.missing', { sensitivity: f.sensitivity }) };
}

function process(f: ReadinessFacts): { value: number; reason: Message } {
  return f.processOwner
    ? { value: 1, reason: msg('readiness.process.named', { owner: f.processOwner }) }
    : { value: 0, reason: msg('readiness.process.missing') };
}

function buildOrBuy(f: ReadinessFacts): { value: number; reason: Message } {
  return { value: BUILD_OR_BUY_VALUE[f.buildOrBuy], reason: msg(`readiness.buildOrBuy.${f.buildOrBuy}`) };
}

export interface ScopeParts {
  skills: number;
  duration: number;
  budget: number;
  estimate: number | null;
}

export function scopeParts(f: ReadinessFacts): ScopeParts {
  const n = f.covers.length;
  const skills =
    n === 0 ? 0 : clamp01(1 - Math.max(0, n - FOCUSED_SKILLS) / (SPRAWLING_SKILLS - FOCUSED_SKILLS));
  let duration = 0;
  if (f.months !== null) {
    const m = f.months;
    if (m < MONTHS_RANGE.min) duration = 0.4 + (0.6 * m) / MONTHS_RANGE.min;
    else if (m <= MONTHS_RANGE.max) duration = 1;
    else duration = Math.max(0.2, 1 - (m - MONTHS_RANGE.max) / 15);
  }
  const estimate = estimatedCost(f);
  let budget = 0.5;
  if (f.budget !== null && estimate !== null && estimate > 0) {
    const ratio = f.budget / estimate;
    budget = clamp01((ratio - BUDGET_FLOOR) / (BUDGET_OK - BUDGET_FLOOR));
  } else if (f.budget !== null && f.budget <= 0) budget = 0;
  return { skills, duration, budget, estimate };
}

function scope(f: ReadinessFacts): { value: number; reason: Message } {
  const p = scopeParts(f);
  const value = (p.skills + p.duration + p.budget) / 3;
  return {
    value,
    reason: msg(f.budget === null ? 'readiness.scope.noBudget' : 'readiness.scope', {
      skills: f.covers.length,
      months: f.months === null ? '?' : round(f.months, 1),
      headcount: f.headcount,
      headcountSource: f.headcountSource,
      budget: f.budget === null ? '?' : Math.round(f.budget),
      estimate: p.estimate === null ? '?' : Math.round(p.estimate),
    }),
  };
}

const FACTORS: Record<FactorId, (f: ReadinessFacts) => { value: number; reason: Message }> = {
  vertical,
  team,
  data,
  ownership,
  process,
  buildOrBuy,
  scope,
};

/** The factor values only, in FACTOR_IDS order (the calibration's feature vector). */
export function factorValues(f: ReadinessFacts): number[] {
  return FACTOR_IDS.map((id) => clamp01(FACTORS[id](f).value));
}

/** Scores facts with weights: the contributions add up to the score. */
export function scoreFacts(f: ReadinessFacts, weights: FactorWeights): ReadinessScore {
  const factors: Factor[] = FACTOR_IDS.map((id) => {
    const { value, reason } = FACTORS[id](f);
    const v = clamp01(value);
    return { id, value: v, weight: weights[id], contribution: v * weights[id], reason };
  });
  const score = factors.reduce((s, x) => s + x.contribution, 0);
  return { score, risk: riskOf(score), factors, domains: domainCoverage(f.covers) };
}

/** The score alone (what-if re-scoring, calibration): no explanation built. */
export function scoreOnly(f: ReadinessFacts, weights: FactorWeights): number {
  const v = factorValues(f);
  return FACTOR_IDS.reduce((s, id, i) => s + (v[i] ?? 0) * weights[id], 0);
}

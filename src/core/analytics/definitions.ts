/**
 * The definitions every analytics figure rests on, in one place (the README quotes them). Pure functions
 * of the records: the demo generator uses the same ones, so the figures it is built to show are the ones
 * the analytics compute.
 */
import type { BusinessFunction, Industry, ProjectStatus } from '../model.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { dayOf, workingDays } from './dates.js';

/** Open demand: projects not yet decided. Historical demand: production and stopped projects. */
export const OPEN_STATUSES: readonly ProjectStatus[] = ['idea', 'scoping', 'staffing', 'pilot'];
export const HISTORICAL_STATUSES: readonly ProjectStatus[] = ['production', 'stopped'];
export const isOpenStatus = (s: string): boolean => (OPEN_STATUSES as readonly string[]).includes(s);

/** Demand scopes: open projects, decided projects, or both. */
export const DEMAND_SCOPES = ['open', 'historical', 'all'] as const;
export type DemandScope = (typeof DEMAND_SCOPES)[number];

/** Domains whose skills make a mission "tech and data" (governance, low-code and business do not). */
export const TECH_DATA_DOMAINS: readonly string[] = ['ai', 'data', 'cloud', 'security', 'engineering'];
/** Domains whose must-have skills make a project a "security and compliance" project. */
export const SECURITY_DOMAINS: readonly string[] = ['security', 'governance'];
export const LOWCODE_DOMAIN = 'lowcode';
/** The open-weight LLM family: this skill and every skill below it (Mistral, Llama, …). */
export const OPEN_WEIGHT_ROOT = 'open-weight-llm';

/** A talent "specialises" in a domain, or holds a skill usably, from this level up. */
export const SPECIALIST_LEVEL = 3;

/** Fixed point of demand sums: thousandths of a person-day, so sums are exact whatever their order. */
export const MILLI = 1000;

export interface EffortInput {
  startDate: string;
  endDate: string;
  roles: readonly { headcount: number }[];
}

/** Headcount of a project: the sum of its roles' headcounts, at least 1. */
export function headcountOf(p: { roles: readonly { headcount: number }[] }): number {
  let n = 0;
  for (const r of p.roles) n += Math.max(0, r.headcount);
  return Math.max(1, n);
}

/**
 * A project's effort in person-days: headcount × working days (Monday–Friday) from start to end, both
 * included. A project whose end precedes its start has no effort.
 */
export function projectPersonDays(p: EffortInput): number {
  return headcountOf(p) * workingDays(dayOf(p.startDate), dayOf(p.endDate));
}

/**
 * Demand of each requirement, in thousandths of a person-day: the project's effort shared among its
 * required skills in proportion to their weights (a skill weighing 3 out of 10 is 30 % of the work).
 * Rounded to integers so that every sum of them is exact and independent of the order it is made in.
 */
export function requirementDemandsMilli(
  p: EffortInput & { requirements: readonly { weight: number }[] },
): number[] {
  const effort = projectPersonDays(p);
  let total = 0;
  for (const r of p.requirements) total += Math.max(0, r.weight);
  return p.requirements.map((r) =>
    total > 0 ? Math.round((effort * MILLI * Math.max(0, r.weight)) / total) : 0,
  );
}

/** Vertical: the project names a measurable business outcome and the business process owner it serves. */
export function isVertical(p: { businessOutcome: string | null; processOwner: string | null }): boolean {
  return !!p.businessOutcome?.trim() && !!p.processOwner?.trim();
}

/** Custom: built (or built on a bought base), not bought off the shelf. */
export function isCustom(p: { buildOrBuy: string }): boolean {
  return p.buildOrBuy !== 'buy';
}

/** The open-weight LLM skills of a taxonomy: the root and its descendants through `broader`. */
export function openWeightSkills(tax: Taxonomy): Set<string> {
  const out = new Set<string>();
  if (!tax.byId.has(OPEN_WEIGHT_ROOT)) return out;
  out.add(OPEN_WEIGHT_ROOT);
  for (const s of tax.skills) {
    let cur: string | null = s.broader;
    for (let guard = 0; cur && guard < 64; guard++) {
      if (cur === OPEN_WEIGHT_ROOT) {
        out.add(s.id);
        break;
      }
      cur = tax.byId.get(cur)?.broader ?? null;
    }
  }
  return out;
}

export type DomainOf = (skillId: string) => string;

export function domainLookup(tax: Taxonomy): DomainOf {
  return (id) => tax.byId.get(id)?.domain ?? 'unknown';
}

interface ProjectLike {
  requirements: readonly { skillId: string; must: boolean }[];
}

/** A security and compliance project has at least one must-have skill in security or governance. */
export function isSecurityProject(p: ProjectLike, domainOf: DomainOf): boolean {
  return p.requirements.some((r) => r.must && SECURITY_DOMAINS.includes(domainOf(r.skillId)));
}

/** A low-code project requires (must or nice) at least one low-code skill. */
export function isLowCodeProject(p: ProjectLike, domainOf: DomainOf): boolean {
  return p.requirements.some((r) => domainOf(r.skillId) === LOWCODE_DOMAIN);
}

/** An open-weight LLM project requires (must or nice) at least one open-weight LLM skill. */
export function isOpenWeightProject(p: ProjectLike, openWeight: ReadonlySet<string>): boolean {
  return p.requirements.some((r) => openWeight.has(r.skillId));
}

/** A tech and data mission used at least one skill of a tech or data domain. */
export function isTechDataMission(m: { skills: readonly string[] }, domainOf: DomainOf): boolean {
  return m.skills.some((s) => TECH_DATA_DOMAINS.includes(domainOf(s)));
}

/** Group keys analytics break figures down by. */
export type GroupBy = 'domain' | 'industry' | 'function';
export type GroupKey = string | Industry | BusinessFunction;

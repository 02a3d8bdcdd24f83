/**
 * The non-skill parts of a match score (vertical experience, production track record, availability,
 * budget fit, cross-domain breadth) and the ranking filters.
 *
 * Both the exhaustive ranking (rank-candidates.ts) and the in-memory index (index/) compute these from the
 * same small `ProfileFacts` with the same functions, so a talent's score is the same double either way:
 * the index stores the facts compactly and rebuilds them exactly, it never re-derives a value its own way.
 */
import { DomainError } from '../errors.js';
import { FUNCTIONS, INDUSTRIES, type BusinessFunction, type Industry, type Project } from '../model.js';
import {
  availableDaysIn,
  dayNumber,
  dayWindows,
  projectWindow,
  windowsCover,
  type DayWindow,
  type ProjectWindow,
} from '../teams/working-days.js';
import { normalizeText } from '../text/normalize.js';
import { CORE_DOMAINS, type Domain } from '../taxonomy/types.js';
import { objectArray } from './object-array.js';
import type { Candidate, ProfileExplanation, TalentSource } from './types.js';

/**
 * Track record smoothing: a Beta prior worth `PRIOR_MISSIONS` missions at the production rate
 * `PRIOR_RATE` (the article: most AI projects never reach production). One mission in production gives
 * (1 + 0.6) / (1 + 2) = 0.53, not 100 %; no known outcome gives the prior, 0.3.
 */
export const PRIOR_RATE = 0.3;
export const PRIOR_MISSIONS = 2;

/** A core domain counts towards breadth when a skill of it is held at this level or above. */
export const BREADTH_LEVEL = 3;

/** Mission counts are kept up to this (the index stores them in a byte each). */
export const MAX_MISSIONS = 255;

/** What the non-skill parts read of a talent. Small and fixed-size so the index can keep it per talent. */
export interface ProfileFacts {
  /** Bit i: worked in INDUSTRIES[i] (declared, or a mission in it). */
  industries: number;
  /** Bit i: worked in FUNCTIONS[i]. */
  functions: number;
  /** Missions with a known outcome (≤ MAX_MISSIONS), and those among them that reached production. */
  missions: number;
  production: number;
  dailyCost: number;
  /** Availability windows in day numbers; none: no known restriction. */
  windows: readonly DayWindow[];
  /** Bit i: holds a skill of CORE_DOMAINS[i] at BREADTH_LEVEL or above. */
  domains: number;
}

export const industryBit = (i: Industry): number => 1 << INDUSTRIES.indexOf(i);
export const functionBit = (f: BusinessFunction): number => 1 << FUNCTIONS.indexOf(f);

/** The bit of CORE_DOMAINS that holding `skillId` at `level` adds to `ProfileFacts.domains` (0 for none). */
export function domainBit(
  skillId: string,
  level: number,
  domainOf: (skillId: string) => Domain | undefined,
): number {
  if (!(level >= BREADTH_LEVEL)) return 0;
  const d = domainOf(skillId);
  const k = d === undefined ? -1 : CORE_DOMAINS.indexOf(d);
  return k >= 0 ? 1 << k : 0;
}

/** The facts of a candidate. `domainOf` gives a skill's taxonomy domain (unknown skills count for none). */
export function profileFacts(c: Candidate, domainOf: (skillId: string) => Domain | undefined): ProfileFacts {
  let industries = 0;
  let functions = 0;
  for (const i of c.industries) industries |= industryBit(i);
  for (const f of c.functions) functions |= functionBit(f);
  let missions = 0;
  let production = 0;
  for (const m of c.missions) {
    if (m.industry) industries |= industryBit(m.industry);
    if (m.businessFunction) functions |= functionBit(m.businessFunction);
    if (m.outcome && missions < MAX_MISSIONS) {
      missions++;
      if (m.outcome === 'production') production++;
    }
  }
  // Breadth reads the skills as scoring does: the last claim of a skill wins (an earlier claim at a
  // higher level must not count a domain that the score's own level fit does not see).
  const levels = new Map<string, number>();
  for (const s of c.skills) levels.set(s.skillId, s.level);
  let domains = 0;
  for (const [skillId, level] of levels) domains |= domainBit(skillId, level, domainOf);
  return {
    industries,
    functions,
    missions,
    production,
    dailyCost: c.dailyCost,
    windows: dayWindows(c.availability),
    domains,
  };
}

/** What the non-skill parts read of a project, computed once a query. */
export interface ProjectProfile {
  industry: Industry;
  businessFunction: BusinessFunction;
  industryBit: number;
  functionBit: number;
  window: ProjectWindow;
  /** Budget per person-day (budget / (headcount × working days)); null when the project has no budget. */
  targetRate: number | null;
}

export type ProjectProfileInput = Pick<
  Project,
  'industry' | 'businessFunction' | 'startDate' | 'endDate' | 'budget' | 'roles'
>;

export function projectProfile(p: ProjectProfileInput): ProjectProfile {
  const window = projectWindow(p.startDate, p.endDate);
  const headcount = Math.max(
    1,
    p.roles.reduce((n, r) => n + r.headcount, 0),
  );
  const personDays = headcount * window.workingDays;
  return {
    industry: p.industry,
    businessFunction: p.businessFunction,
    industryBit: industryBit(p.industry),
    functionBit: functionBit(p.businessFunction),
    window,
    targetRate: p.budget !== null && p.budget > 0 && personDays > 0 ? p.budget / personDays : null,
  };
}

/** Values in [0, 1] of the non-skill parts, before weighting. */
export interface ProfileValues {
  vertical: number;
  trackRecord: number;
  availability: number;
  budget: number;
  breadth: number;
}

/** Half for the industry, half for the business function. */
export function verticalValue(f: ProfileFacts, p: ProjectProfile): number {
  return ((f.industries & p.industryBit) !== 0 ? 0.5 : 0) + ((f.functions & p.functionBit) !== 0 ? 0.5 : 0);
}

export function trackRecordValue(f: ProfileFacts): number {
  return (f.production + PRIOR_RATE * PRIOR_MISSIONS) / (f.missions + PRIOR_MISSIONS);
}

/** Share of the project's working days the talent can give (capacity-weighted); 1 for an empty window. */
export function availabilityValue(f: ProfileFacts, p: ProjectProfile): number {
  if (p.window.workingDays === 0) return 1;
  return availableDaysIn(f.windows, p.window) / p.window.workingDays;
}

/** 1 at or under the budget per person-day, falling linearly to 0 at twice it; 1 without a budget. */
export function budgetValue(f: ProfileFacts, p: ProjectProfile): number {
  if (p.targetRate === null || f.dailyCost <= p.targetRate) return 1;
  return Math.max(0, 2 - f.dailyCost / p.targetRate);
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** One core domain is no breadth; each further one adds a third, up to 1 at four or five. */
export function breadthValue(f: ProfileFacts): number {
  return Math.min(1, Math.max(0, popcount(f.domains) - 1) / 3);
}

export function profileValues(f: ProfileFacts, p: ProjectProfile): ProfileValues {
  return {
    vertical: verticalValue(f, p),
    trackRecord: trackRecordValue(f),
    availability: availabilityValue(f, p),
    budget: budgetValue(f, p),
    breadth: breadthValue(f),
  };
}

export function explainProfile(f: ProfileFacts, p: ProjectProfile, v: ProfileValues): ProfileExplanation {
  return {
    vertical: {
      industry: p.industry,
      inIndustry: (f.industries & p.industryBit) !== 0,
      businessFunction: p.businessFunction,
      inFunction: (f.functions & p.functionBit) !== 0,
    },
    trackRecord: { missions: f.missions, production: f.production, value: v.trackRecord },
    availability: {
      availableDays: v.availability * p.window.workingDays,
      workingDays: p.window.workingDays,
      value: v.availability,
    },
    budget: { dailyCost: f.dailyCost, targetRate: p.targetRate, value: v.budget },
    breadth: { domains: CORE_DOMAINS.filter((_, i) => (f.domains >> i) & 1), value: v.breadth },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Filters

/** Who may be ranked at all. Must-have skills are a filter too (see RankOptions.requireMust). */
export interface MatchFilters {
  source?: TalentSource | 'all';
  /** Available on every working day of [start, end] at `minDaysPerWeek` or more (no window: full time). */
  available?: { start: string; end: string; minDaysPerWeek: number };
  /** Day rate or internal daily cost at most this, euros. */
  maxRate?: number;
  /** Speaks every one of these (ISO 639-1). */
  languages?: readonly string[];
  /** Based in `place` (case and accents ignored), or anywhere when `remoteOk` and the talent works remote. */
  location?: { place: string; remoteOk: boolean };
  /** Worked in at least one of these industries. */
  industries?: readonly Industry[];
}

/** Filters checked and turned into what a per-talent test needs. */
export interface CompiledFilters {
  source: TalentSource | 'all';
  available: { window: ProjectWindow; minDaysPerWeek: number } | null;
  maxRate: number | null;
  languages: readonly string[];
  place: string | null;
  remoteOk: boolean;
  industryMask: number;
}

export function foldPlace(place: string): string {
  return normalizeText(place).trim().replace(/\s+/g, ' ');
}

/** Validates the filters; a bad one is an invalid_input error naming it. */
export function compileFilters(f: MatchFilters = {}): CompiledFilters {
  let available: CompiledFilters['available'] = null;
  if (f.available) {
    const start = dayNumber(f.available.start, 'available.start');
    const end = dayNumber(f.available.end, 'available.end');
    if (end < start)
      throw new DomainError('invalid_input', 'available.end: before available.start', 'available.end');
    const min = f.available.minDaysPerWeek;
    if (!(min >= 0 && min <= 5))
      throw new DomainError(
        'invalid_input',
        'available.minDaysPerWeek: expected 0–5',
        'available.minDaysPerWeek',
      );
    available = { window: projectWindow(f.available.start, f.available.end), minDaysPerWeek: min };
  }
  if (f.maxRate !== undefined && !(f.maxRate >= 0))
    throw new DomainError('invalid_input', 'maxRate: expected a number ≥ 0', 'maxRate');
  let industryMask = 0;
  for (const i of f.industries ?? []) {
    if (!INDUSTRIES.includes(i))
      throw new DomainError('invalid_input', `industries: unknown industry "${i}"`, 'industries');
    industryMask |= industryBit(i);
  }
  const place = f.location ? foldPlace(f.location.place) : null;
  // Lower-cased, first occurrence kept, in one array kind whether empty or not (see objectArray).
  const languages = objectArray<string>();
  for (const l of f.languages ?? []) {
    const lower = l.toLowerCase();
    if (!languages.includes(lower)) languages.push(lower);
  }
  return {
    source: f.source ?? 'all',
    available,
    maxRate: f.maxRate ?? null,
    languages,
    place: place === '' ? null : place,
    remoteOk: f.location?.remoteOk ?? false,
    industryMask,
  };
}

/** Whether the windows at `minDaysPerWeek` or more cover every working day of `window`. */
export function coversWindow(
  windows: readonly DayWindow[],
  window: ProjectWindow,
  minDaysPerWeek: number,
): boolean {
  return windowsCover(windows, window, minDaysPerWeek);
}

/** Whether a candidate passes the filters (skills aside). */
export function passesFilters(c: Candidate, f: ProfileFacts, cf: CompiledFilters): boolean {
  if (cf.source !== 'all' && c.source !== cf.source) return false;
  if (cf.maxRate !== null && !(f.dailyCost <= cf.maxRate)) return false;
  if (cf.industryMask !== 0 && (f.industries & cf.industryMask) === 0) return false;
  for (const l of cf.languages) if (!c.languages.some((x) => x.toLowerCase() === l)) return false;
  if (cf.place !== null && foldPlace(c.location) !== cf.place && !(cf.remoteOk && c.remote === 'remote'))
    return false;
  if (cf.available && !coversWindow(f.windows, cf.available.window, cf.available.minDaysPerWeek))
    return false;
  return true;
}

/**
 * Seeded random talents, projects and ranking options for the index's tests: every field that ranking
 * reads varies (duplicate skill claims, missions with and without outcomes, windows that the index keeps
 * in its columns and some it must keep aside, costs that a Float32 holds and some it does not, languages
 * in mixed case, places with accents and spaces), so that an equality test against `rankCandidates` can
 * catch a miss in any part or filter. Test support only: nothing in the product imports it.
 */
import {
  FUNCTIONS,
  INDUSTRIES,
  OUTCOMES,
  REMOTE_PREFERENCES,
  type AvailabilityWindow,
  type BusinessFunction,
  type Industry,
} from '../../model.js';
import type { Rng } from '../../random.js';
import { buildAdjacency, type AdjacentSource } from '../../taxonomy/adjacency.js';
import { BUILTIN_SKILLS } from '../../taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../../taxonomy/taxonomy.js';
import type { Domain } from '../../taxonomy/types.js';
import type { MatchFilters } from '../profile.js';
import type { RankOptions, RankProject, RankTaxonomy } from '../rank-candidates.js';
import { resolveWeights } from '../score-candidate.js';
import type { Candidate, MissionFacts, Requirement, ScoreWeights, TalentSource } from '../types.js';

export const EVIDENCE = ['mission', 'certification', 'cv', 'self', null] as const;
const LANGUAGES = ['fr', 'en', 'de', 'es', 'EN', 'it'];
const PLACES = ['Paris', 'paris ', 'Lyon', 'Montréal', 'Saint  Étienne', 'Berlin'];
const FILTER_PLACES = ['Paris', 'MONTREAL', 'saint étienne', 'Nowhere', ''];

export interface World extends RankTaxonomy {
  skills: string[];
  adjacency: Map<string, AdjacentSource[]>;
  domainOf: (skillId: string) => Domain | undefined;
}

/** The built-in taxonomy's skills and adjacency; pools draw from `width` of them (fewer: more overlap). */
export function builtinWorld(width: number, rng: Rng): World {
  const tax = buildTaxonomy(BUILTIN_SKILLS);
  const adjacency = buildAdjacency(tax);
  const domains = new Map(tax.skills.map((s) => [s.id, s.domain]));
  // Prefer skills that take part in adjacency, so that adjacency credit shows up in the scores.
  const linked = tax.skills.map((s) => s.id).filter((id) => adjacency.has(id));
  const picked = new Set<string>();
  while (picked.size < width) {
    const id = rng.pick(linked);
    picked.add(id);
    for (const src of adjacency.get(id) ?? [])
      if (picked.size < width && rng.chance(0.5)) picked.add(src.from);
  }
  return { skills: [...picked], adjacency, domainOf: (id) => domains.get(id) };
}

/** A Zipf-like draw over the world's skills. */
export function drawSkill(rng: Rng, world: World): string {
  const n = world.skills.length;
  const r = Math.floor(n * Math.pow(rng.next(), 2.5));
  return world.skills[Math.min(n - 1, r)] as string;
}

const pad = (x: number) => String(x).padStart(2, '0');
function randomDate(rng: Rng, fromYear = 2025, toYear = 2026): string {
  return `${rng.int(fromYear, toYear)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}
const sorted = (a: string, b: string): [string, string] => (a <= b ? [a, b] : [b, a]);

function someOf<T>(rng: Rng, items: readonly T[], max: number): T[] {
  const out: T[] = [];
  for (let k = rng.int(0, max); k > 0; k--) {
    const x = rng.pick(items);
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

function randomWindow(rng: Rng): AvailabilityWindow {
  // Mostly what the columns hold (2025–2026, whole or half days), sometimes what they must keep aside.
  const odd = rng.chance(0.05);
  const [start, end] = sorted(randomDate(rng), randomDate(rng));
  return {
    start: odd && rng.chance(0.5) ? randomDate(rng, 1950, 1960) : start,
    end,
    daysPerWeek: odd ? rng.pick([2.25, 7, 1 / 3]) : rng.pick([0, 1, 2.5, 3, 4, 5]),
  };
}

export function makeCandidate(rng: Rng, world: World, id: string): Candidate {
  const skills = [];
  for (let k = rng.int(0, 14); k > 0; k--) {
    // Duplicated claims happen (the last one counts, in scoreCandidate and in the index alike).
    skills.push({ skillId: drawSkill(rng, world), level: rng.int(1, 5), evidence: rng.pick(EVIDENCE) });
  }
  const source: TalentSource = rng.chance(0.6) ? 'employee' : 'freelance';
  const missions: MissionFacts[] = [];
  for (let k = rng.int(0, 6); k > 0; k--) {
    missions.push({
      industry: rng.chance(0.7) ? rng.pick(INDUSTRIES) : null,
      businessFunction: rng.chance(0.7) ? rng.pick(FUNCTIONS) : null,
      outcome: rng.chance(0.8) ? rng.pick(OUTCOMES) : null,
    });
  }
  const availability: AvailabilityWindow[] = [];
  for (let k = rng.pick([0, 0, 1, 1, 2, 3]); k > 0; k--) availability.push(randomWindow(rng));
  return {
    id,
    name: `Talent ${id}`,
    source,
    skills,
    industries: someOf<Industry>(rng, INDUSTRIES, 2),
    functions: someOf<BusinessFunction>(rng, FUNCTIONS, 2),
    missions,
    availability,
    // Whole euros mostly; some costs a Float32 cannot hold.
    dailyCost: rng.chance(0.9) ? 50 * rng.int(6, 30) : rng.int(30000, 120000) / 97,
    languages: someOf(rng, LANGUAGES, 3),
    location: rng.pick(PLACES),
    remote: rng.pick(REMOTE_PREFERENCES),
  };
}

export function makePool(rng: Rng, world: World, n: number): Candidate[] {
  // Ids in scrambled order, so that ordinal order and id order differ (ties go by id).
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const id = `t${String((i * 7919) % 100003).padStart(6, '0')}`;
    out.push(makeCandidate(rng, world, id));
  }
  return out;
}

export function makeRequirements(rng: Rng, world: World): Requirement[] {
  const reqs: Requirement[] = [];
  for (let k = rng.int(1, 12); k > 0; k--) {
    // Unknown skills (no talent holds them) and repeated skills are allowed.
    const skillId = rng.chance(0.05) ? `unknown-${rng.int(1, 3)}` : drawSkill(rng, world);
    reqs.push({ skillId, level: rng.int(1, 5), weight: rng.int(1, 3), must: rng.chance(0.3) });
  }
  return reqs;
}

export function makeProject(rng: Rng, world: World): RankProject {
  const [startDate, endDate] = sorted(randomDate(rng), randomDate(rng));
  return {
    requirements: makeRequirements(rng, world),
    industry: rng.pick(INDUSTRIES),
    businessFunction: rng.pick(FUNCTIONS),
    startDate,
    endDate,
    budget: rng.chance(0.3) ? null : rng.int(5, 400) * 1000,
    roles: Array.from({ length: rng.int(0, 3) }, () => ({ role: 'r', headcount: rng.int(1, 3) })),
  };
}

export function randomFilters(rng: Rng): MatchFilters {
  const f: MatchFilters = {};
  if (rng.chance(0.3)) f.source = rng.pick(['employee', 'freelance', 'all'] as const);
  if (rng.chance(0.2)) {
    const [start, end] = sorted(randomDate(rng), randomDate(rng));
    f.available = { start, end, minDaysPerWeek: rng.pick([0, 1, 2.5, 3, 5]) };
  }
  if (rng.chance(0.25)) f.maxRate = rng.int(4, 16) * 50;
  if (rng.chance(0.2)) f.languages = someOf(rng, ['FR', 'en', 'de', 'pt'], 2);
  if (rng.chance(0.2)) f.location = { place: rng.pick(FILTER_PLACES), remoteOk: rng.chance(0.5) };
  if (rng.chance(0.2)) f.industries = someOf(rng, INDUSTRIES, 3);
  return f;
}

export function randomWeights(rng: Rng): ScoreWeights | undefined {
  const r = rng.next();
  if (r < 0.5) return undefined;
  if (r < 0.8) {
    // An organization's weights: some parts set, some at zero, scaled to sum 1.
    const partial: Partial<ScoreWeights> = {};
    for (const k of [
      'coverage',
      'levelFit',
      'adjacency',
      'vertical',
      'trackRecord',
      'availability',
      'budget',
      'breadth',
    ] as const)
      if (rng.chance(0.4)) partial[k] = rng.pick([0, 0.05, 0.2, 0.5, 1]);
    try {
      return resolveWeights(partial);
    } catch {
      return undefined;
    }
  }
  // Weights as given, not scaled; the non-skill parts heavy.
  return {
    coverage: 0.2,
    levelFit: 0.1,
    adjacency: 0.3,
    vertical: 0.4,
    trackRecord: 0.3,
    availability: 0.5,
    budget: 0.2,
    breadth: 0.3,
  };
}

export function randomOptions(rng: Rng, poolSize: number): RankOptions {
  const options: RankOptions = { top: rng.pick([1, 5, 10, 50, poolSize + 5]) };
  if (rng.chance(0.6)) options.filters = randomFilters(rng);
  const must = rng.next();
  if (must < 0.3) options.requireMust = false;
  else if (must < 0.5) options.requireMust = true;
  const weights = randomWeights(rng);
  if (weights) options.weights = weights;
  return options;
}

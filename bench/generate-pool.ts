/**
 * A fast seeded generator of large talent pools and projects for the benchmarks. The demo generator builds
 * whole `Talent` records from role templates; here we only need `Candidate`s, at a million, in seconds.
 *
 * Shape of the data (so the figures mean something): skill popularity is Zipf-like (a few skills such as
 * Python or SQL are held by a large share of the pool, most by a few percent), and people are specialists:
 * about two thirds of a talent's skills come from one primary domain, the rest from anywhere. Projects are
 * drawn the same way, so a project's skills are correlated with each other as they are in real briefs.
 *
 * The rest of the profile is drawn so that the non-skill parts and the filters separate people as they
 * would in a real pool: one or two declared industries and functions (popular ones more often), 0–8 past
 * missions (more with seniority) mostly in those industries, about a third of them reaching production;
 * availability windows over 2026–2027 for half of the pool (the rest: full time), 1–5 days a week; day
 * rates by source and seniority in tens of euros; French for most, English for many, a few other
 * languages; twenty cities, Paris the most frequent; a remote preference. Projects get an industry, a
 * function, dates in 2026–2027, a budget for most, one to four people, and a third of them a filter.
 *
 * Records share their small parts (skill claims, missions, windows, language lists are drawn from pools
 * of distinct objects), so that a million candidates fit in a benchmark's heap.
 */
import type { MatchFilters } from '../src/core/matching/profile.js';
import type { RankProject } from '../src/core/matching/rank-candidates.js';
import type {
  Candidate,
  HeldSkill,
  MissionFacts,
  Requirement,
  TalentSource,
} from '../src/core/matching/types.js';
import { CITIES, FIRST_NAMES, LAST_NAMES } from '../src/core/demo/demo-vocabulary.js';
import {
  FUNCTIONS,
  INDUSTRIES,
  OUTCOMES,
  REMOTE_PREFERENCES,
  type AvailabilityWindow,
  type BusinessFunction,
  type Industry,
  type Outcome,
} from '../src/core/model.js';
import { createRng, type Rng } from '../src/core/random.js';
import { dayNumber, isoDate } from '../src/core/teams/working-days.js';
import type { Taxonomy } from '../src/core/taxonomy/types.js';

const EVIDENCE = ['mission', 'certification', 'cv', 'self'] as const;
const EVIDENCE_CODES = [0, 1, 2, 3];
/** Zipf exponent of skill popularity. */
const ZIPF = 1;
/** The popularity order is a property of the world, shared by pools and projects whatever their seed. */
const MODEL_SEED = 0x5eed;

/** Weighted sampling by binary search over a cumulative table: O(log n) a draw. */
class Sampler {
  private readonly cum: Float64Array;
  constructor(
    readonly items: readonly number[],
    weights: readonly number[],
  ) {
    this.cum = new Float64Array(items.length);
    let total = 0;
    weights.forEach((w, i) => {
      total += w;
      this.cum[i] = total;
    });
  }
  draw(rng: Rng): number {
    const cum = this.cum;
    const r = rng.next() * (cum[cum.length - 1] ?? 0);
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] ?? 0;
  }
}

interface Model {
  skillIds: string[];
  global: Sampler;
  domains: Sampler[];
  domainPick: Sampler;
}

function buildModel(tax: Taxonomy): Model {
  const rng = createRng(MODEL_SEED);
  const skillIds = tax.skills.map((s) => s.id);
  // Popularity rank: a seeded shuffle, so popular skills are spread over domains.
  const order = skillIds.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const popularity = new Array<number>(skillIds.length).fill(0);
  order.forEach((skill, rank) => (popularity[skill] = 1 / Math.pow(rank + 1, ZIPF)));
  const all = skillIds.map((_, i) => i);
  const global = new Sampler(
    all,
    all.map((i) => popularity[i] ?? 0),
  );
  const domainNames = [...new Set(tax.skills.map((s) => s.domain))];
  const domains = domainNames.map((d) => {
    const members = all.filter((i) => tax.skills[i]?.domain === d);
    return new Sampler(
      members,
      members.map((i) => popularity[i] ?? 0),
    );
  });
  const domainPick = new Sampler(
    domains.map((_, i) => i),
    domains.map((s) => Math.sqrt(s.items.length)),
  );
  return { skillIds, global, domains, domainPick };
}

/** Draws `count` distinct skills: about `focus` of them from the primary domain, the rest from anywhere. */
function drawSkills(rng: Rng, model: Model, count: number, focus: number, seen: Uint8Array): number[] {
  const domain = model.domains[model.domainPick.draw(rng)] as Sampler;
  const out: number[] = [];
  const fromDomain = Math.min(Math.round(count * focus), domain.items.length);
  let guard = 0;
  while (out.length < count && guard++ < count * 50) {
    const s = out.length < fromDomain ? domain.draw(rng) : model.global.draw(rng);
    if (seen[s]) continue;
    seen[s] = 1;
    out.push(s);
  }
  for (const s of out) seen[s] = 0;
  return out;
}

/** Zipf-like weights over a list (the first items most frequent). */
const zipf = (n: number, s = 1) => Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
const INDUSTRY_WEIGHTS = zipf(INDUSTRIES.length, 0.7);
const FUNCTION_WEIGHTS = zipf(FUNCTIONS.length, 0.7);
const CITY_WEIGHTS = zipf(CITIES.length, 1.1);
const OUTCOME_CHOICES: readonly (Outcome | null)[] = [...OUTCOMES, null];
const OUTCOME_WEIGHTS = [3, 4, 2, 1];
const LANGUAGE_CHOICES = ['en', 'de', 'es', 'it', 'nl', 'pt', 'ar'];
const LANGUAGE_ODDS = [0.7, 0.12, 0.12, 0.08, 0.05, 0.04, 0.03];
const DAYS_PER_WEEK = [1, 2, 2.5, 3, 4, 5];
/** Availability windows fall in 2026–2027 (from a Monday), as the generated projects do. */
const WINDOW_START = dayNumber('2026-01-05');
const WINDOW_DAYS = 730;

/** Shares equal small objects between records (a million talents would not fit otherwise), by number. */
class Interner<T> {
  private readonly byKey = new Map<number, T>();
  get(key: number, make: () => T): T {
    let x = this.byKey.get(key);
    if (x === undefined) this.byKey.set(key, (x = make()));
    return x;
  }
}

/** One or two distinct picks by weight. */
function oneOrTwo<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T[] {
  const a = rng.weighted(items, weights);
  if (rng.chance(0.6)) return [a];
  const b = rng.weighted(items, weights);
  return b === a ? [a] : [a, b];
}

/**
 * `n` candidates with 15–25 skills each (20 on average), levels 1–5, and the full profile ranking reads;
 * ids `t0000001`… in order.
 */
export function generatePool(tax: Taxonomy, n: number, seed: number): Candidate[] {
  const rng = createRng(seed);
  const model = buildModel(tax);
  const seen = new Uint8Array(model.skillIds.length);
  const width = String(n).length;
  const claims = new Interner<HeldSkill>();
  const missionPool = new Interner<MissionFacts>();
  const windowPool = new Interner<AvailabilityWindow>();
  const listPool = new Interner<readonly string[]>();
  const out: Candidate[] = new Array<Candidate>(n);
  for (let i = 0; i < n; i++) {
    const seniority = rng.int(1, 5);
    const picked = drawSkills(rng, model, rng.int(15, 25), 0.65, seen);
    const skills: HeldSkill[] = picked.map((s, k) => {
      const skillId = model.skillIds[s] ?? '';
      // Primary-domain skills sit at the talent's seniority, the others a notch lower.
      const level = Math.min(5, Math.max(1, seniority + rng.int(-1, 1) - (k < 13 ? 0 : 1)));
      const e = rng.weighted(EVIDENCE_CODES, [4, 1, 3, 2]);
      return claims.get((s * 8 + level) * 8 + e, () => ({ skillId, level, evidence: EVIDENCE[e] ?? null }));
    });
    const source: TalentSource = rng.chance(0.6) ? 'employee' : 'freelance';
    const industries = oneOrTwo<Industry>(rng, INDUSTRIES, INDUSTRY_WEIGHTS);
    const functions = oneOrTwo<BusinessFunction>(rng, FUNCTIONS, FUNCTION_WEIGHTS);
    const missions: MissionFacts[] = [];
    for (let m = rng.int(0, 2 + seniority); m > 0; m--) {
      const industry = rng.chance(0.7) ? rng.pick(industries) : rng.weighted(INDUSTRIES, INDUSTRY_WEIGHTS);
      const businessFunction = rng.chance(0.7)
        ? rng.pick(functions)
        : rng.weighted(FUNCTIONS, FUNCTION_WEIGHTS);
      const outcome = rng.weighted(OUTCOME_CHOICES, OUTCOME_WEIGHTS);
      const key =
        (INDUSTRIES.indexOf(industry) * 16 + FUNCTIONS.indexOf(businessFunction)) * 8 +
        OUTCOME_CHOICES.indexOf(outcome);
      missions.push(
        missionPool.get(key, () => ({
          industry,
          businessFunction,
          outcome,
        })),
      );
    }
    const availability: AvailabilityWindow[] = [];
    for (let w = rng.weighted([0, 1, 2], [5, 3.5, 1.5]); w > 0; w--) {
      // Windows start on a Monday, in whole weeks: a few hundred distinct ones, shared.
      const from = WINDOW_START + 7 * rng.int(0, WINDOW_DAYS / 7 - 4);
      const to = from + 7 * rng.int(4, 40) - 3;
      const daysPerWeek = rng.pick(DAYS_PER_WEEK);
      availability.push(
        windowPool.get((from * 1024 + (to - from)) * 16 + 2 * daysPerWeek, () => ({
          start: isoDate(from),
          end: isoDate(to),
          daysPerWeek,
        })),
      );
    }
    // Day rates in tens of euros: freelancers above employees' internal cost, both rising with seniority.
    const dailyCost =
      10 *
      Math.round(
        ((source === 'employee' ? 300 + 90 * seniority : 400 + 150 * seniority) * (0.8 + 0.4 * rng.next())) /
          10,
      );
    let langKey = rng.chance(0.85) ? 1 : 0;
    LANGUAGE_CHOICES.forEach((_, k) => {
      if (rng.chance(LANGUAGE_ODDS[k] ?? 0)) langKey |= 2 << k;
    });
    if (langKey === 0) langKey = 2;
    out[i] = {
      id: `t${String(i + 1).padStart(width, '0')}`,
      name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      source,
      skills,
      industries,
      functions,
      missions,
      availability,
      dailyCost,
      languages: listPool.get(langKey, () =>
        ['fr', ...LANGUAGE_CHOICES].filter((_, k) => (langKey >>> k) & 1),
      ),
      location: rng.weighted(CITIES, CITY_WEIGHTS),
      remote: rng.weighted(REMOTE_PREFERENCES, [3, 5, 2]),
    };
  }
  return out;
}

/** A generated query: the project, and the filters its user set (none for two thirds of them). */
export interface BenchQuery {
  project: RankProject;
  filters: MatchFilters;
}

/** Projects of 5–25 weighted requirements, about a third of them must-haves, with the full profile. */
export function generateProjects(tax: Taxonomy, count: number, seed: number): BenchQuery[] {
  const rng = createRng(seed);
  const model = buildModel(tax);
  const seen = new Uint8Array(model.skillIds.length);
  const out: BenchQuery[] = [];
  for (let p = 0; p < count; p++) {
    const picked = drawSkills(rng, model, rng.int(5, 25), 0.6, seen);
    const requirements: Requirement[] = picked.map((s) => ({
      skillId: model.skillIds[s] ?? '',
      level: rng.int(2, 5),
      weight: rng.int(1, 5),
      must: rng.chance(0.3),
    }));
    const start = WINDOW_START + rng.int(0, 540);
    const end = start + rng.int(30, 180);
    const headcount = rng.int(1, 4);
    const project: RankProject = {
      requirements,
      industry: rng.weighted(INDUSTRIES, INDUSTRY_WEIGHTS),
      businessFunction: rng.weighted(FUNCTIONS, FUNCTION_WEIGHTS),
      startDate: isoDate(start),
      endDate: isoDate(end),
      // Around 700 € a person-day, give or take, for most projects.
      budget: rng.chance(0.8)
        ? Math.round(((headcount * ((end - start) * 5)) / 7) * rng.int(400, 1000))
        : null,
      roles: [{ role: 'team', headcount }],
    };
    const filters: MatchFilters = {};
    const kind = rng.int(0, 8);
    if (kind === 0) filters.source = 'employee';
    else if (kind === 1) filters.maxRate = rng.int(6, 12) * 100;
    else if (kind === 2) filters.languages = ['en'];
    else if (kind === 3) filters.location = { place: rng.weighted(CITIES, CITY_WEIGHTS), remoteOk: true };
    else if (kind === 4)
      filters.available = { start: project.startDate, end: project.endDate, minDaysPerWeek: rng.int(1, 3) };
    else if (kind === 5) filters.industries = [project.industry];
    out.push({ project, filters });
  }
  return out;
}

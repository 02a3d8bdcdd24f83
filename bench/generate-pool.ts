/**
 * A fast seeded generator of large talent pools and projects for the benchmarks. The demo generator builds
 * whole `Talent` records from role templates; here we only need `Candidate`s, at a million, in seconds.
 *
 * Shape of the data (so the figures mean something): skill popularity is Zipf-like (a few skills such as
 * Python or SQL are held by a large share of the pool, most by a few percent), and people are specialists:
 * about two thirds of a talent's skills come from one primary domain, the rest from anywhere. Projects are
 * drawn the same way, so a project's skills are correlated with each other as they are in real briefs.
 */
import type { Candidate, HeldSkill, Requirement, TalentSource } from '../src/core/matching/types.js';
import { FIRST_NAMES, LAST_NAMES } from '../src/core/demo/demo-vocabulary.js';
import { createRng, type Rng } from '../src/core/random.js';
import type { Taxonomy } from '../src/core/taxonomy/types.js';

const EVIDENCE = ['mission', 'certification', 'cv', 'self'] as const;
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

/** `n` candidates with 15–25 skills each (20 on average), levels 1–5; ids `t0000001`… in order. */
export function generatePool(tax: Taxonomy, n: number, seed: number): Candidate[] {
  const rng = createRng(seed);
  const model = buildModel(tax);
  const seen = new Uint8Array(model.skillIds.length);
  const width = String(n).length;
  const out: Candidate[] = new Array<Candidate>(n);
  for (let i = 0; i < n; i++) {
    const seniority = rng.int(1, 5);
    const picked = drawSkills(rng, model, rng.int(15, 25), 0.65, seen);
    const skills: HeldSkill[] = picked.map((s, k) => ({
      skillId: model.skillIds[s] ?? '',
      // Primary-domain skills sit at the talent's seniority, the others a notch lower.
      level: Math.min(5, Math.max(1, seniority + rng.int(-1, 1) - (k < 13 ? 0 : 1))),
      evidence: rng.weighted(EVIDENCE, [4, 1, 3, 2]),
    }));
    const source: TalentSource = rng.chance(0.6) ? 'employee' : 'freelance';
    out[i] = {
      id: `t${String(i + 1).padStart(width, '0')}`,
      name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      source,
      skills,
    };
  }
  return out;
}

/** Projects of 5–25 weighted requirements, about a third of them must-haves. */
export function generateProjects(tax: Taxonomy, count: number, seed: number): Requirement[][] {
  const rng = createRng(seed);
  const model = buildModel(tax);
  const seen = new Uint8Array(model.skillIds.length);
  const out: Requirement[][] = [];
  for (let p = 0; p < count; p++) {
    const picked = drawSkills(rng, model, rng.int(5, 25), 0.6, seen);
    out.push(
      picked.map((s) => ({
        skillId: model.skillIds[s] ?? '',
        level: rng.int(2, 5),
        weight: rng.int(1, 5),
        must: rng.chance(0.3),
      })),
    );
  }
  return out;
}

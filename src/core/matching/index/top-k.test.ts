import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../random.js';
import { buildAdjacency, type AdjacentSource } from '../../taxonomy/adjacency.js';
import { BUILTIN_SKILLS } from '../../taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../../taxonomy/taxonomy.js';
import { rankCandidates, type RankOptions } from '../rank-candidates.js';
import type { Candidate, Requirement, TalentSource } from '../types.js';
import { TalentIndex, type TalentIndexOptions } from './talent-index.js';
import { rankWithIndex } from './top-k.js';

// Brute force (`rankCandidates`, which scores every talent) is the reference throughout: the index must
// return the same matches, in the same order, with the same scores and explanations.

const EVIDENCE = ['mission', 'certification', 'cv', 'self', null] as const;

interface World {
  skills: string[];
  adjacency: Map<string, AdjacentSource[]>;
}

/** The built-in taxonomy's skills and adjacency; pools draw from `width` of them (fewer: more overlap). */
function builtinWorld(width: number, seed: number): World {
  const tax = buildTaxonomy(BUILTIN_SKILLS);
  const adjacency = buildAdjacency(tax);
  const rng = createRng(seed);
  // Prefer skills that take part in adjacency, so that adjacency credit shows up in the scores.
  const linked = tax.skills.map((s) => s.id).filter((id) => adjacency.has(id));
  const picked = new Set<string>();
  while (picked.size < width) {
    const id = rng.pick(linked);
    picked.add(id);
    for (const src of adjacency.get(id) ?? [])
      if (picked.size < width && rng.chance(0.5)) picked.add(src.from);
  }
  return { skills: [...picked], adjacency };
}

/** A Zipf-like draw over the world's skills. */
function drawSkill(rng: Rng, world: World): string {
  const n = world.skills.length;
  const r = Math.floor(n * Math.pow(rng.next(), 2.5));
  return world.skills[Math.min(n - 1, r)] as string;
}

function makeCandidate(rng: Rng, world: World, id: string): Candidate {
  const skills = [];
  for (let k = rng.int(0, 14); k > 0; k--) {
    // Duplicated claims happen (the last one counts, in scoreCandidate and in the index alike).
    skills.push({ skillId: drawSkill(rng, world), level: rng.int(1, 5), evidence: rng.pick(EVIDENCE) });
  }
  const source: TalentSource = rng.chance(0.6) ? 'employee' : 'freelance';
  return { id, name: `Talent ${id}`, source, skills };
}

function makePool(rng: Rng, world: World, n: number): Candidate[] {
  // Ids in scrambled order, so that ordinal order and id order differ (ties go by id).
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const id = `t${String((i * 7919) % 100003).padStart(6, '0')}`;
    out.push(makeCandidate(rng, world, id));
  }
  return out;
}

function makeProject(rng: Rng, world: World): Requirement[] {
  const reqs: Requirement[] = [];
  for (let k = rng.int(1, 12); k > 0; k--) {
    // Unknown skills (no talent holds them) and repeated skills are allowed.
    const skillId = rng.chance(0.05) ? `unknown-${rng.int(1, 3)}` : drawSkill(rng, world);
    reqs.push({ skillId, level: rng.int(1, 5), weight: rng.int(1, 3), must: rng.chance(0.3) });
  }
  return reqs;
}

function randomOptions(rng: Rng, poolSize: number): RankOptions {
  const sources = [undefined, 'all', 'employee', 'freelance'] as const;
  const tops = [1, 5, 10, 50, poolSize + 5];
  const options: RankOptions = { top: rng.pick(tops), source: rng.pick(sources) };
  if (rng.chance(0.3)) options.requireMust = true;
  if (rng.chance(0.2)) options.weights = { coverage: 0.3, levelFit: 0.3, adjacency: 0.4 };
  return options;
}

function expectSameRanking(
  index: TalentIndex,
  pool: Iterable<Candidate>,
  reqs: Requirement[],
  adjacency: ReadonlyMap<string, readonly AdjacentSource[]>,
  options: RankOptions,
): void {
  const expected = rankCandidates(pool, reqs, adjacency, options);
  const actual = rankWithIndex(index, reqs, adjacency, options);
  expect(actual.map((m) => [m.talentId, m.score])).toEqual(expected.map((m) => [m.talentId, m.score]));
  expect(actual).toEqual(expected);
}

describe('rankWithIndex', () => {
  const layouts: [string, TalentIndexOptions][] = [
    ['default containers', {}],
    ['all bitmaps', { bitmapDensity: 0 }],
    ['all sorted lists', { bitmapDensity: 1 }],
  ];
  for (const [layout, indexOptions] of layouts) {
    it(`matches brute force on generated pools (${layout})`, () => {
      const rng = createRng(101);
      for (const [width, size] of [
        [12, 1500],
        [40, 3000],
        [120, 3000],
      ] as const) {
        const world = builtinWorld(width, size + width);
        const pool = makePool(rng, world, size);
        const index = TalentIndex.build(pool, indexOptions);
        for (let p = 0; p < 60; p++) {
          expectSameRanking(index, pool, makeProject(rng, world), world.adjacency, randomOptions(rng, size));
        }
      }
    });
  }

  it('matches brute force with the warm start, whatever its sample finds', () => {
    // Pools large enough for the sampled warm start; filters make the sample's estimate often too high,
    // which must send the scan back for an exact second pass.
    const rng = createRng(303);
    for (const width of [8, 60]) {
      const world = builtinWorld(width, 77 + width);
      const pool = makePool(rng, world, 8000);
      const index = TalentIndex.build(pool);
      for (let p = 0; p < 40; p++) {
        const options: RankOptions = {
          top: rng.pick([3, 20, 50, 120]),
          source: rng.pick(['employee', 'freelance', 'all'] as const),
          requireMust: rng.chance(0.5),
        };
        expectSameRanking(index, pool, makeProject(rng, world), world.adjacency, options);
      }
    }
  });

  it('breaks ties by talent id when many talents score the same', () => {
    const rng = createRng(7);
    const world = builtinWorld(4, 3);
    // Four skills, one level: a few distinct scores shared by hundreds of talents each.
    const pool = makePool(rng, world, 2000).map((c) => ({
      ...c,
      skills: c.skills.map((s) => ({ ...s, level: 3 })),
    }));
    // Ids in any order, and in ordinal order (where ties compare ordinals), also after an update.
    const sorted = [...pool].sort((a, b) => (a.id < b.id ? -1 : 1));
    const indexes = [TalentIndex.build(pool), TalentIndex.build(sorted), TalentIndex.build(sorted)];
    const updated = { ...(sorted[5] as Candidate), id: 'a-first' };
    indexes[2]?.upsert(updated);
    const pools = [pool, sorted, [...sorted, updated]];
    for (let p = 0; p < 30; p++) {
      const reqs = makeProject(rng, world);
      for (const top of [1, 7, 50, 400]) {
        indexes.forEach((index, i) =>
          expectSameRanking(index, pools[i] as Candidate[], reqs, world.adjacency, { top }),
        );
      }
    }
  });

  it('follows scoreCandidate on unsorted adjacency lists and custom weights', () => {
    const rng = createRng(11);
    const world = builtinWorld(30, 5);
    // Reverse every source list: scoreCandidate's early exit then stops at different places.
    const reversed = new Map([...world.adjacency].map(([k, v]) => [k, [...v].reverse()]));
    const pool = makePool(rng, world, 2000);
    const index = TalentIndex.build(pool);
    for (let p = 0; p < 40; p++) {
      const options = { top: 20, weights: { coverage: 0.2, levelFit: 0.2, adjacency: 0.6 } };
      expectSameRanking(index, pool, makeProject(rng, world), reversed, options);
    }
  });

  it('handles edge cases like brute force does', () => {
    const rng = createRng(13);
    const world = builtinWorld(20, 9);
    const pool = makePool(rng, world, 500);
    const index = TalentIndex.build(pool);
    const some = makeProject(rng, world);
    const cases: [Requirement[], RankOptions][] = [
      [[], { top: 10 }],
      [some, { top: 0 }],
      [some, { top: -3 }],
      [some, { top: 2.7 }],
      [some, { top: Infinity }],
      [[{ skillId: 'nobody-has-this', level: 3, weight: 1, must: true }], { top: 10 }],
      [[{ skillId: 'nobody-has-this', level: 3, weight: 1, must: true }], { top: 10, requireMust: true }],
      [[{ skillId: world.skills[0] as string, level: 0, weight: 1, must: false }], { top: 5 }],
    ];
    for (const [reqs, options] of cases) expectSameRanking(index, pool, reqs, world.adjacency, options);
    expect(rankWithIndex(TalentIndex.build([]), some, world.adjacency, { top: 5 })).toEqual([]);
  });

  it('sees upserts and removals at the next query, and after compaction', () => {
    const rng = createRng(17);
    const world = builtinWorld(40, 21);
    const initial = makePool(rng, world, 2000);
    const index = TalentIndex.build(initial);
    // The reference pool: a map keeps each id once, the latest version.
    const pool = new Map(initial.map((c) => [c.id, c]));
    let nextId = 200000;
    for (let round = 0; round < 30; round++) {
      for (let change = 0; change < 60; change++) {
        const ids = [...pool.keys()];
        const r = rng.next();
        if (r < 0.35 && ids.length > 0) {
          const id = rng.pick(ids);
          expect(index.remove(id)).toBe(true);
          pool.delete(id);
        } else if (r < 0.7 && ids.length > 0) {
          const c = makeCandidate(rng, world, rng.pick(ids));
          index.upsert(c);
          pool.set(c.id, c);
        } else {
          const c = makeCandidate(rng, world, `n${nextId++}`);
          index.upsert(c);
          pool.set(c.id, c);
        }
      }
      expect(index.remove('never-there')).toBe(false);
      if (round === 20) index.compact();
      expect(index.size).toBe(pool.size);
      for (let p = 0; p < 5; p++) {
        const options = randomOptions(rng, pool.size);
        expectSameRanking(index, pool.values(), makeProject(rng, world), world.adjacency, options);
      }
    }
    // Enough removals trigger compaction by themselves; rankings still agree.
    for (const id of [...pool.keys()].slice(0, Math.floor(pool.size * 0.8))) {
      index.remove(id);
      pool.delete(id);
    }
    expect(index.stats().dead).toBeLessThanOrEqual(index.size + 64);
    for (let p = 0; p < 20; p++) {
      expectSameRanking(index, pool.values(), makeProject(rng, world), world.adjacency, { top: 25 });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../random.js';
import { rankCandidates, type RankOptions, type RankProject } from '../rank-candidates.js';
import type { Candidate } from '../types.js';
import {
  builtinWorld,
  makeCandidate,
  makePool,
  makeProject,
  randomFilters,
  randomOptions,
  randomWeights,
  type World,
} from './random-world.js';
import { TalentIndex, type TalentIndexOptions } from './talent-index.js';
import { rankWithIndex } from './top-k.js';

// Brute force (`rankCandidates`, which scores every talent) is the reference throughout: the index must
// return the same matches, in the same order, with the same scores, parts and explanations.

function expectSameRanking(
  index: TalentIndex,
  pool: Iterable<Candidate>,
  project: RankProject,
  world: World,
  options: RankOptions,
): void {
  const expected = rankCandidates(pool, project, world, options);
  const actual = rankWithIndex(index, project, world, options);
  expect(actual.map((m) => [m.talentId, m.score])).toEqual(expected.map((m) => [m.talentId, m.score]));
  expect(actual).toEqual(expected);
}

describe('rankWithIndex', () => {
  const layouts: [string, Partial<TalentIndexOptions>][] = [
    ['default containers', {}],
    ['all bitmaps', { bitmapDensity: 0 }],
    ['all gap lists', { bitmapDensity: 1 }],
  ];
  for (const [layout, indexOptions] of layouts) {
    it(`matches brute force on generated pools, with filters and weights (${layout})`, () => {
      const rng = createRng(101);
      for (const [width, size] of [
        [12, 1500],
        [40, 3000],
        [120, 3000],
      ] as const) {
        const world = builtinWorld(width, rng);
        const pool = makePool(rng, world, size);
        const index = TalentIndex.build(pool, { domainOf: world.domainOf, ...indexOptions });
        for (let p = 0; p < 40; p++) {
          expectSameRanking(index, pool, makeProject(rng, world), world, randomOptions(rng, size));
        }
      }
    });
  }

  it('matches brute force with the warm start, whatever its sample finds', () => {
    // Pools large enough for the sampled warm start; filters make the sample's estimate often too high,
    // which must send the scan back for an exact second pass.
    const rng = createRng(303);
    for (const width of [8, 60]) {
      const world = builtinWorld(width, rng);
      const pool = makePool(rng, world, 8000);
      const index = TalentIndex.build(pool, { domainOf: world.domainOf });
      for (let p = 0; p < 40; p++) {
        const options: RankOptions = {
          top: rng.pick([3, 20, 50, 120]),
          filters: randomFilters(rng),
          requireMust: rng.chance(0.5),
        };
        const weights = randomWeights(rng);
        if (weights) options.weights = weights;
        expectSameRanking(index, pool, makeProject(rng, world), world, options);
      }
    }
  });

  it('leaves no trace of a query in the next: rare must-haves after rare skills, twice over', () => {
    // Skills held by a handful of talents are walked into the per-index scratch (accumulators and bitmaps)
    // and cleared word by word after the query, rather than wholesale as after the common skills above. A
    // bit left behind would let a talent without a must-have through the next query's must filter.
    const rng = createRng(505);
    const world = builtinWorld(60, rng);
    const pool = makePool(rng, world, 8000);
    const rare = world.skills.slice(0, 6);
    for (const [i, c] of pool.entries()) {
      const skills = c.skills.filter((s) => !rare.includes(s.skillId));
      const skillId = rare[i % rare.length] as string;
      if (i % 997 < 6) skills.push({ skillId, level: rng.int(1, 5), evidence: 'cv' });
      c.skills = skills;
    }
    const index = TalentIndex.build(pool, { domainOf: world.domainOf });
    for (let p = 0; p < 30; p++) {
      const project = makeProject(rng, world);
      const picked = rng.chance(0.5) ? rare.slice(0, 3) : rare.slice(3);
      project.requirements = [
        ...project.requirements,
        ...picked.map((skillId) => ({ skillId, level: rng.int(1, 5), weight: 3, must: rng.chance(0.5) })),
      ];
      expectSameRanking(index, pool, project, world, { top: rng.pick([3, 20]), requireMust: true });
    }
  });

  it('is decided by the non-skill parts when the skills are equal', () => {
    // Every talent holds the same skills at the same level: only vertical experience, track record,
    // availability, budget and breadth separate them, so any bound that overstates or understates one
    // of them changes the top.
    const rng = createRng(5);
    const world = builtinWorld(80, rng);
    const skills = world.skills.slice(0, 4).map((skillId) => ({ skillId, level: 3, evidence: 'cv' }));
    const shared = new Set(world.skills.slice(0, 4));
    // Their other skills differ (so does their breadth), the required ones are the same.
    const pool = makePool(rng, world, 4000).map((c) => ({
      ...c,
      skills: [...c.skills.filter((s) => !shared.has(s.skillId)), ...skills],
    }));
    const index = TalentIndex.build(pool, { domainOf: world.domainOf });
    for (let p = 0; p < 40; p++) {
      const project = makeProject(rng, world);
      project.requirements = skills.map((s) => ({ ...s, weight: 1, must: false }));
      const weights = randomWeights(rng);
      expectSameRanking(index, pool, project, world, {
        top: rng.pick([1, 10, 50]),
        ...(weights && { weights }),
      });
    }
  });

  it('breaks ties by talent id when many talents score the same', () => {
    const rng = createRng(7);
    const world = builtinWorld(4, rng);
    // Four skills, one level, one profile: a few distinct scores shared by hundreds of talents each.
    const same = makeCandidate(rng, world, 'x');
    const pool = makePool(rng, world, 2000).map((c) => ({
      ...same,
      id: c.id,
      name: c.name,
      source: c.source,
      skills: c.skills.map((s) => ({ ...s, level: 3 })),
    }));
    // Ids in any order, and in ordinal order (where ties compare ordinals), also after an update.
    const sorted = [...pool].sort((a, b) => (a.id < b.id ? -1 : 1));
    const domainOf = world.domainOf;
    const indexes = [
      TalentIndex.build(pool, { domainOf }),
      TalentIndex.build(sorted, { domainOf }),
      TalentIndex.build(sorted, { domainOf }),
    ];
    const updated = { ...(sorted[5] as Candidate), id: 'a-first' };
    indexes[2]?.upsert(updated);
    const pools = [pool, [...sorted, updated]];
    for (let p = 0; p < 12; p++) {
      const project = makeProject(rng, world);
      for (const top of [1, 7, 50, 400]) {
        const options = { top, requireMust: false };
        const [expected, withUpdate] = pools.map((x) => rankCandidates(x, project, world, options));
        // Ties there are: far fewer distinct scores than talents.
        if (top === 400) expect(new Set(expected?.map((m) => m.score)).size).toBeLessThan(100);
        indexes.forEach((index, i) =>
          expect(rankWithIndex(index, project, world, options)).toEqual(i < 2 ? expected : withUpdate),
        );
      }
    }
  });

  it('keeps the talents at the very bound: scores that equal their bounds, ties at the K-th score', () => {
    // Here every talent's score equals the scan's bound of it (required skills held at level 5 or not at
    // all, no adjacency, only parts bounded exactly: coverage, level fit, vertical, breadth, budget), and
    // hundreds of talents tie at each score, the K-th among them. The other tests' talents mostly sit
    // far below their bounds, so a bound that under-estimates by a unit or two of the slack (a rounding
    // the wrong way, an off-by-one in the missed units, a block or word bound short of a term) drops
    // nobody there; here it drops a talent that ties the K-th score and changes the result.
    const rng = createRng(404);
    const base = builtinWorld(40, rng);
    const world: World = { ...base, adjacency: new Map() };
    // Dense required skills (bitmaps, the word adders) and rare ones (gap lists, the accumulators).
    const dense = base.skills.slice(0, 5);
    const rare = base.skills.slice(5, 8);
    const pool = makePool(rng, base, 5000).map((c, i) => ({
      ...c,
      skills: [
        ...c.skills.filter((s) => !dense.includes(s.skillId) && !rare.includes(s.skillId)),
        ...dense.filter(() => rng.chance(0.5)).map((skillId) => ({ skillId, level: 5, evidence: 'cv' })),
        ...rare.filter(() => i % 50 === 0).map((skillId) => ({ skillId, level: 5, evidence: 'cv' })),
      ],
    }));
    const zero = {
      coverage: 0,
      levelFit: 0,
      adjacency: 0,
      vertical: 0,
      trackRecord: 0,
      availability: 0,
      budget: 0,
      breadth: 0,
    };
    const weightings = [
      { ...zero, coverage: 1 },
      { ...zero, coverage: 0.6, levelFit: 0.4 },
      { ...zero, coverage: 0.5, vertical: 0.3, breadth: 0.2 },
      { ...zero, coverage: 0.7, budget: 0.3 },
    ];
    const indexes = [undefined, 0].map((bitmapDensity) =>
      TalentIndex.build(pool, {
        domainOf: world.domainOf,
        ...(bitmapDensity !== undefined && { bitmapDensity }),
      }),
    );
    const tops = [1, 40, 300, 1200];
    let cases = 0;
    let tied = 0;
    for (let p = 0; p < 20; p++) {
      const project = makeProject(rng, world);
      const skills = rng.chance(0.5) ? [...dense, ...rare] : dense;
      project.requirements = skills.map((skillId) => ({
        skillId,
        level: rng.int(1, 5),
        weight: rng.int(1, 2),
        must: false,
      }));
      const weights = weightings[p % weightings.length] as (typeof weightings)[number];
      // Brute force once, one past the largest K: its first K are the top K (the order is total).
      const all = rankCandidates(pool, project, world, { top: 1201, weights });
      for (const top of tops) {
        const expected = all.slice(0, top);
        // How often the K-th score is shared by a talent left out (to the last bits, which the order of
        // additions may change): ties must be common for this test to mean anything.
        cases++;
        if (Math.abs((all[top]?.score ?? -1) - (all[top - 1]?.score ?? NaN)) < 1e-12) tied++;
        for (const index of indexes)
          expect(rankWithIndex(index, project, world, { top, weights })).toEqual(expected);
      }
    }
    expect(tied).toBeGreaterThan(cases / 2);
  });

  it('follows scoreCandidate on unsorted adjacency lists and custom weights', () => {
    const rng = createRng(11);
    const world = builtinWorld(30, rng);
    // Reverse every source list: scoreCandidate's early exit then stops at different places.
    const reversed: World = {
      ...world,
      adjacency: new Map([...world.adjacency].map(([k, v]) => [k, [...v].reverse()])),
    };
    const pool = makePool(rng, world, 2000);
    const index = TalentIndex.build(pool, { domainOf: world.domainOf });
    for (let p = 0; p < 40; p++) {
      const weights = {
        coverage: 0.2,
        levelFit: 0.2,
        adjacency: 0.6,
        vertical: 0.1,
        trackRecord: 0,
        availability: 0.1,
        budget: 0,
        breadth: 0.05,
      };
      expectSameRanking(index, pool, makeProject(rng, world), reversed, { top: 20, weights });
    }
  });

  it('scores everyone when a weight is negative (no bound holds then)', () => {
    const rng = createRng(12);
    const world = builtinWorld(30, rng);
    const pool = makePool(rng, world, 1500);
    const index = TalentIndex.build(pool, { domainOf: world.domainOf });
    for (let p = 0; p < 10; p++) {
      const weights = {
        coverage: 0.4,
        levelFit: 0.25,
        adjacency: 0.1,
        vertical: -0.3,
        trackRecord: 0.05,
        availability: -0.2,
        budget: 0.03,
        breadth: -0.1,
      };
      expectSameRanking(index, pool, makeProject(rng, world), world, {
        top: 30,
        weights,
        requireMust: false,
      });
    }
  });

  it('handles edge cases and bad input like brute force does', () => {
    const rng = createRng(13);
    const world = builtinWorld(20, rng);
    const pool = makePool(rng, world, 500);
    const index = TalentIndex.build(pool, { domainOf: world.domainOf });
    const some = makeProject(rng, world);
    const nobody = [{ skillId: 'nobody-has-this', level: 3, weight: 1, must: true }];
    const cases: [RankProject, RankOptions][] = [
      [{ ...some, requirements: [] }, { top: 10 }],
      [some, { top: 0 }],
      [some, { top: -3 }],
      [some, { top: 2.7 }],
      [some, { top: Infinity }],
      [some, { top: NaN }],
      [{ ...some, requirements: nobody }, { top: 10 }],
      [
        { ...some, requirements: nobody },
        { top: 10, requireMust: false },
      ],
      [
        { ...some, requirements: [{ skillId: world.skills[0] as string, level: 0, weight: 1, must: false }] },
        { top: 5 },
      ],
      [{ ...some, budget: 0 }, { top: 5 }],
      [{ ...some, startDate: some.endDate }, { top: 5 }],
      [some, { top: 50, filters: { maxRate: 0 } }],
      [some, { top: 50, filters: { location: { place: '  ', remoteOk: false } } }],
      [
        some,
        { top: 50, filters: { available: { start: '2025-03-01', end: '2025-03-01', minDaysPerWeek: 0 } } },
      ],
    ];
    for (const [project, options] of cases) expectSameRanking(index, pool, project, world, options);
    expect(
      rankWithIndex(TalentIndex.build([], { domainOf: world.domainOf }), some, world, { top: 5 }),
    ).toEqual([]);
    // Invalid input fails the same way, even when there is nothing to rank.
    const empty = TalentIndex.build([], { domainOf: world.domainOf });
    const bad: [RankProject, RankOptions][] = [
      [{ ...some, endDate: '2020-01-01', startDate: '2021-01-01' }, { top: 5 }],
      [some, { top: 0, filters: { maxRate: -1 } }],
      [
        some,
        { top: 5, filters: { available: { start: '2025-02-01', end: '2025-01-01', minDaysPerWeek: 1 } } },
      ],
      [some, { top: 5, filters: { industries: ['space' as never] } }],
    ];
    for (const [project, options] of bad) {
      expect(() => rankCandidates(pool, project, world, options)).toThrow();
      expect(() => rankWithIndex(index, project, world, options)).toThrow();
      expect(() => rankWithIndex(empty, project, world, options)).toThrow();
    }
  });

  it('sees upserts and removals at the next query, and after compaction', () => {
    const rng = createRng(17);
    const world = builtinWorld(40, rng);
    const initial = makePool(rng, world, 2000);
    const index = TalentIndex.build(initial, { domainOf: world.domainOf });
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
        expectSameRanking(
          index,
          pool.values(),
          makeProject(rng, world),
          world,
          randomOptions(rng, pool.size),
        );
      }
    }
    // Enough removals trigger compaction by themselves; rankings still agree.
    for (const id of [...pool.keys()].slice(0, Math.floor(pool.size * 0.8))) {
      index.remove(id);
      pool.delete(id);
    }
    expect(index.stats().dead).toBeLessThanOrEqual(index.size + 64);
    for (let p = 0; p < 20; p++) {
      expectSameRanking(index, pool.values(), makeProject(rng, world), world, randomOptions(rng, pool.size));
    }
  });

  it('refuses a record ranking would refuse, and changes nothing then', () => {
    const rng = createRng(19);
    const world = builtinWorld(10, rng);
    const pool = makePool(rng, world, 50);
    const index = TalentIndex.build(pool, { domainOf: world.domainOf });
    const first = pool[0] as Candidate;
    const badDate = { ...first, availability: [{ start: '2025-13-01', end: '2025-12-31', daysPerWeek: 3 }] };
    expect(() => index.upsert(badDate)).toThrow();
    expect(() => index.upsert({ ...first, dailyCost: NaN })).toThrow();
    expect(index.get(first.id)).toEqual(index.get(first.id));
    expect(index.size).toBe(50);
    expectSameRanking(index, pool, makeProject(rng, world), world, { top: 50, requireMust: false });
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { buildAdjacency } from '../taxonomy/adjacency.js';
import { BUILTIN_SKILLS } from '../taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../taxonomy/taxonomy.js';
import { rankCandidates, type RankProject, type RankTaxonomy } from './rank-candidates.js';
import { DEFAULT_WEIGHTS, levelFit, sumParts } from './score-candidate.js';
import { SCORE_PARTS, type Candidate } from './types.js';

const tax = buildTaxonomy(BUILTIN_SKILLS);
const domains = new Map(tax.skills.map((s) => [s.id, s.domain]));
const taxonomy: RankTaxonomy = { adjacency: buildAdjacency(tax), domainOf: (id) => domains.get(id) };
const project: RankProject = {
  requirements: [
    { skillId: 'python', level: 4, weight: 3, must: true },
    { skillId: 'open-weight-llm', level: 3, weight: 2, must: false },
    { skillId: 'kubernetes', level: 3, weight: 1, must: false },
  ],
  industry: 'banking',
  businessFunction: 'finance',
  startDate: '2026-03-02',
  endDate: '2026-03-27',
  budget: 40000,
  roles: [{ role: 'ml', headcount: 2 }],
};
const cand = (id: string, source: Candidate['source'], skills: [string, number][]): Candidate => ({
  id,
  name: id,
  source,
  skills: skills.map(([skillId, level]) => ({ skillId, level, evidence: 'mission' })),
  industries: [],
  functions: [],
  missions: [],
  availability: [],
  dailyCost: 500,
  languages: ['fr'],
  location: 'Paris',
  remote: 'hybrid',
});

describe('rankCandidates', () => {
  it('scores a profile that has everything at the maximum of every part', () => {
    const best: Candidate = {
      ...cand('a', 'employee', [
        ['python', 5],
        ['open-weight-llm', 3],
        ['kubernetes', 4],
        ['cybersecurity', 3],
        ['gdpr', 3],
      ]),
      industries: ['banking'],
      functions: ['finance'],
      // Many missions in production: the smoothed track record tends to 1 without reaching it.
      missions: Array.from({ length: 300 }, () => ({
        industry: null,
        businessFunction: null,
        outcome: 'production' as const,
      })),
    };
    const [m] = rankCandidates([best], project, taxonomy, { top: 1 });
    for (const part of SCORE_PARTS)
      if (part !== 'trackRecord' && part !== 'adjacency')
        expect(m!.parts[part]).toBeCloseTo(DEFAULT_WEIGHTS[part], 12);
    expect(m!.parts.adjacency).toBe(0);
    expect(m!.profile.trackRecord).toMatchObject({ missions: 255, production: 255 });
    // Everything but adjacency (nothing left to earn there) and the track record's smoothing.
    const expected = 1 - DEFAULT_WEIGHTS.adjacency - DEFAULT_WEIGHTS.trackRecord * (1 - 255.6 / 257);
    expect(m!.score).toBeCloseTo(expected, 12);
  });

  it('explains every requirement and the parts add up to the score', () => {
    const [m] = rankCandidates(
      [
        cand('b', 'freelance', [
          ['python', 2],
          ['mistral', 4],
        ]),
      ],
      project,
      taxonomy,
      { top: 1 },
    );
    expect(m!.explanation.map((e) => e.skillId)).toEqual(['python', 'open-weight-llm', 'kubernetes']);
    const py = m!.explanation[0]!;
    expect(py.brings).toEqual({ kind: 'exact', level: 2, evidence: 'mission' });
    // Must-haves count double: python weight 3×2 over 6+2+1.
    expect(py.share).toBeCloseTo(6 / 9, 12);
    expect(py.contributions.levelFit).toBeCloseTo(DEFAULT_WEIGHTS.levelFit * (6 / 9) * levelFit(2, 4), 12);
    const llm = m!.explanation[1]!;
    expect(llm.brings.kind).toBe('adjacent');
    if (llm.brings.kind === 'adjacent') {
      expect(llm.brings.via).toBe('mistral');
      expect(llm.brings.credit).toBeGreaterThan(0);
      expect(llm.brings.credit).toBeLessThan(1);
    }
    expect(m!.explanation[2]!.brings).toEqual({ kind: 'none' });
    expect(m!.score).toBe(sumParts(m!.parts));
    for (const part of ['coverage', 'levelFit', 'adjacency'] as const) {
      const fromExplanation = m!.explanation.reduce((a, e) => a + e.contributions[part], 0);
      expect(fromExplanation).toBeCloseTo(m!.parts[part], 12);
    }
    // The non-skill parts: no vertical, the prior track record, full time, within budget, one domain.
    expect(m!.profile.vertical).toMatchObject({ inIndustry: false, inFunction: false });
    expect(m!.profile.trackRecord.value).toBeCloseTo(0.3, 12);
    expect(m!.profile.availability).toEqual({ availableDays: 20, workingDays: 20, value: 1 });
    // 40,000 € for 2 people × 20 days: 1,000 € a person-day.
    expect(m!.profile.budget).toEqual({ dailyCost: 500, targetRate: 1000, value: 1 });
    expect(m!.parts.breadth).toBe(0);
  });

  it('adjacent credit is always below the exact skill', () => {
    const exact = rankCandidates([cand('x', 'employee', [['open-weight-llm', 5]])], project, taxonomy, {
      top: 1,
      requireMust: false,
    })[0]!;
    const adjacent = rankCandidates([cand('y', 'employee', [['mistral', 5]])], project, taxonomy, {
      top: 1,
      requireMust: false,
    })[0]!;
    expect(adjacent.parts.adjacency).toBeGreaterThan(0);
    expect(adjacent.score).toBeLessThan(exact.score);
  });

  it('breaks ties by talent id, requires must-haves by default, and filters', () => {
    const pool = [
      cand('t3', 'employee', [['python', 4]]),
      cand('t1', 'freelance', [['python', 4]]),
      cand('t2', 'employee', [['python', 4]]),
      cand('t4', 'employee', [['kubernetes', 5]]),
    ];
    const ids = (options: Parameters<typeof rankCandidates>[3]) =>
      rankCandidates(pool, project, taxonomy, options).map((m) => m.talentId);
    expect(ids({ top: 10 })).toEqual(['t1', 't2', 't3']);
    expect(ids({ top: 10, requireMust: false })).toEqual(['t1', 't2', 't3', 't4']);
    expect(ids({ top: 10, filters: { source: 'employee' } })).toEqual(['t2', 't3']);
    expect(ids({ top: 10, filters: { maxRate: 499 } })).toEqual([]);
    expect(
      ids({ top: 10, filters: { languages: ['FR'], location: { place: ' paris', remoteOk: false } } }),
    ).toEqual(['t1', 't2', 't3']);
    expect(ids({ top: 2 })).toHaveLength(2);
  });

  it('is deterministic and sorted on a random pool', () => {
    const rng = createRng(11);
    const all = tax.skills.map((s) => s.id);
    const pool: Candidate[] = Array.from({ length: 300 }, (_, i) =>
      cand(
        `t${i}`,
        rng.chance(0.5) ? 'employee' : 'freelance',
        Array.from({ length: 8 }, () => [rng.pick(all), rng.int(1, 5)] as [string, number]),
      ),
    );
    const a = rankCandidates(pool, project, taxonomy, { top: 50, requireMust: false });
    const b = rankCandidates([...pool].reverse(), project, taxonomy, { top: 50, requireMust: false });
    expect(a).toEqual(b);
    expect(a).toHaveLength(50);
    for (let i = 1; i < a.length; i++) expect(a[i - 1]!.score).toBeGreaterThanOrEqual(a[i]!.score);
  });
});

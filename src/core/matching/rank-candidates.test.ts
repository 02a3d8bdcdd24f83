import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { buildAdjacency } from '../taxonomy/adjacency.js';
import { BUILTIN_SKILLS } from '../taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../taxonomy/taxonomy.js';
import { rankCandidates } from './rank-candidates.js';
import { DEFAULT_WEIGHTS, levelFit } from './score-candidate.js';
import type { Candidate, Requirement } from './types.js';

const tax = buildTaxonomy(BUILTIN_SKILLS);
const adjacency = buildAdjacency(tax);
const reqs: Requirement[] = [
  { skillId: 'python', level: 4, weight: 3, must: true },
  { skillId: 'open-weight-llm', level: 3, weight: 2, must: false },
  { skillId: 'kubernetes', level: 3, weight: 1, must: false },
];
const cand = (id: string, source: Candidate['source'], skills: [string, number][]): Candidate => ({
  id,
  name: id,
  source,
  skills: skills.map(([skillId, level]) => ({ skillId, level, evidence: 'mission' })),
});

describe('rankCandidates', () => {
  it('scores an exact, complete profile at the maximum', () => {
    const [m] = rankCandidates(
      [
        cand('a', 'employee', [
          ['python', 5],
          ['open-weight-llm', 3],
          ['kubernetes', 4],
        ]),
      ],
      reqs,
      adjacency,
      { top: 1 },
    );
    expect(m!.score).toBeCloseTo(DEFAULT_WEIGHTS.coverage + DEFAULT_WEIGHTS.levelFit, 12);
    expect(m!.parts.adjacency).toBe(0);
  });

  it('explains every requirement and the parts add up to the score', () => {
    const [m] = rankCandidates(
      [
        cand('b', 'freelance', [
          ['python', 2],
          ['mistral', 4],
        ]),
      ],
      reqs,
      adjacency,
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
    const sumParts = m!.parts.coverage + m!.parts.levelFit + m!.parts.adjacency;
    expect(m!.score).toBe(sumParts);
    for (const part of ['coverage', 'levelFit', 'adjacency'] as const) {
      const fromExplanation = m!.explanation.reduce((a, e) => a + e.contributions[part], 0);
      expect(fromExplanation).toBeCloseTo(m!.parts[part], 12);
    }
  });

  it('adjacent credit is always below the exact skill', () => {
    const exact = rankCandidates([cand('x', 'employee', [['open-weight-llm', 5]])], reqs, adjacency, {
      top: 1,
    })[0]!;
    const adjacent = rankCandidates([cand('y', 'employee', [['mistral', 5]])], reqs, adjacency, {
      top: 1,
    })[0]!;
    expect(adjacent.score).toBeGreaterThan(0);
    expect(adjacent.score).toBeLessThan(exact.score);
  });

  it('breaks ties by talent id and filters by source and must-haves', () => {
    const pool = [
      cand('t3', 'employee', [['python', 4]]),
      cand('t1', 'freelance', [['python', 4]]),
      cand('t2', 'employee', [['python', 4]]),
      cand('t4', 'employee', [['kubernetes', 5]]),
    ];
    expect(rankCandidates(pool, reqs, adjacency, { top: 10 }).map((m) => m.talentId)).toEqual([
      't1',
      't2',
      't3',
      't4',
    ]);
    expect(
      rankCandidates(pool, reqs, adjacency, { top: 10, source: 'employee' }).map((m) => m.talentId),
    ).toEqual(['t2', 't3', 't4']);
    expect(
      rankCandidates(pool, reqs, adjacency, { top: 10, requireMust: true }).map((m) => m.talentId),
    ).toEqual(['t1', 't2', 't3']);
    expect(rankCandidates(pool, reqs, adjacency, { top: 2 })).toHaveLength(2);
  });

  it('is deterministic and sorted on a random pool', () => {
    const rng = createRng(11);
    const ids = tax.skills.map((s) => s.id);
    const pool: Candidate[] = Array.from({ length: 300 }, (_, i) =>
      cand(
        `t${i}`,
        rng.chance(0.5) ? 'employee' : 'freelance',
        Array.from({ length: 8 }, () => [rng.pick(ids), rng.int(1, 5)] as [string, number]),
      ),
    );
    const a = rankCandidates(pool, reqs, adjacency, { top: 50 });
    const b = rankCandidates([...pool].reverse(), reqs, adjacency, { top: 50 });
    expect(a).toEqual(b);
    for (let i = 1; i < a.length; i++) expect(a[i - 1]!.score).toBeGreaterThanOrEqual(a[i]!.score);
  });
});

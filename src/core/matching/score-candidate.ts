import type { AdjacentSource } from '../taxonomy/adjacency.js';
import type {
  Candidate,
  HeldSkill,
  Match,
  Requirement,
  RequirementExplanation,
  ScoreWeights,
} from './types.js';

/**
 * Default part weights; they sum to 1 so a score is in [0, 1]. Coverage dominates: holding the skill
 * matters more than the level held; adjacent skills only ever earn part of what the exact skill would.
 */
export const DEFAULT_WEIGHTS: ScoreWeights = { coverage: 0.5, levelFit: 0.35, adjacency: 0.15 };

/** Must-have requirements count this many times their weight ("must-haves first"). */
export const MUST_MULTIPLIER = 2;

/** How well a held level meets a required one: 1 at or above, proportionally less below. */
export function levelFit(held: number, required: number): number {
  return held >= required ? 1 : Math.max(0, held / required);
}

export function effectiveWeights(reqs: readonly Requirement[]): number[] {
  const raw = reqs.map((r) => r.weight * (r.must ? MUST_MULTIPLIER : 1));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => (total > 0 ? w / total : 0));
}

/**
 * Scores one candidate. The score is the sum of the parts, and each part is the sum of the per-requirement
 * contributions shown in the explanation, so the explanation always adds up to the score.
 */
export function scoreCandidate(
  candidate: Candidate,
  reqs: readonly Requirement[],
  shares: readonly number[],
  adjacency: ReadonlyMap<string, readonly AdjacentSource[]>,
  weights: ScoreWeights,
): Match {
  const held = new Map<string, HeldSkill>();
  for (const s of candidate.skills) held.set(s.skillId, s);
  const parts: ScoreWeights = { coverage: 0, levelFit: 0, adjacency: 0 };
  const explanation: RequirementExplanation[] = [];
  reqs.forEach((r, i) => {
    const share = shares[i] ?? 0;
    const exact = held.get(r.skillId);
    const contributions: ScoreWeights = { coverage: 0, levelFit: 0, adjacency: 0 };
    let brings: RequirementExplanation['brings'] = { kind: 'none' };
    if (exact) {
      contributions.coverage = weights.coverage * share;
      contributions.levelFit = weights.levelFit * share * levelFit(exact.level, r.level);
      brings = { kind: 'exact', level: exact.level, evidence: exact.evidence };
    } else {
      // Best adjacent skill held; sources are pre-sorted by transfer weight so ties resolve by id.
      let bestCredit = 0;
      for (const src of adjacency.get(r.skillId) ?? []) {
        if (src.weight <= bestCredit) break;
        const h = held.get(src.from);
        if (!h) continue;
        const credit = src.weight * levelFit(h.level, r.level);
        if (credit > bestCredit) {
          bestCredit = credit;
          brings = { kind: 'adjacent', via: src.from, level: h.level, transfer: src.weight, credit };
        }
      }
      contributions.adjacency = weights.adjacency * share * bestCredit;
    }
    parts.coverage += contributions.coverage;
    parts.levelFit += contributions.levelFit;
    parts.adjacency += contributions.adjacency;
    explanation.push({
      skillId: r.skillId,
      requiredLevel: r.level,
      must: r.must,
      share,
      brings,
      contributions,
    });
  });
  return {
    talentId: candidate.id,
    name: candidate.name,
    source: candidate.source,
    score: parts.coverage + parts.levelFit + parts.adjacency,
    parts,
    explanation,
  };
}

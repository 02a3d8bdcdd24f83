import { DomainError } from '../errors.js';
import type { AdjacentSource } from '../taxonomy/adjacency.js';
import { objectArray } from './object-array.js';
import { explainProfile, profileValues, type ProfileFacts, type ProjectProfile } from './profile.js';
import {
  SCORE_PARTS,
  type HeldSkill,
  type Match,
  type Requirement,
  type RequirementExplanation,
  type ScoredTalent,
  type ScoreWeights,
  type SkillContributions,
} from './types.js';

/**
 * Default part weights; they sum to 1 so a score is in [0, 1]. The skills decide (three quarters of the
 * score): holding the skill matters more than the level held, and adjacent skills only ever earn part of
 * what the exact skill would. The rest separates people who have the skills: experience of the same
 * industry and function first, then whether they can actually give the project their days, whether their
 * past projects reached production, then cost and breadth. Organizations can set their own (see
 * `resolveWeights`).
 */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  coverage: 0.4,
  levelFit: 0.25,
  adjacency: 0.1,
  vertical: 0.08,
  trackRecord: 0.05,
  availability: 0.06,
  budget: 0.03,
  breadth: 0.03,
};

/**
 * Weights from a partial set: missing parts keep their default, then all are scaled to sum to 1 so scores
 * stay comparable across organizations. Negative, non-finite or all-zero weights are refused.
 */
export function resolveWeights(partial: Partial<ScoreWeights> = {}): ScoreWeights {
  const w = { ...DEFAULT_WEIGHTS };
  for (const k of SCORE_PARTS) {
    const v = partial[k];
    if (v === undefined) continue;
    if (!(Number.isFinite(v) && v >= 0))
      throw new DomainError('invalid_input', `weights.${k}: expected a number ≥ 0, got ${v}`, `weights.${k}`);
    w[k] = v;
  }
  const total = SCORE_PARTS.reduce((a, k) => a + w[k], 0);
  if (!(total > 0)) throw new DomainError('invalid_input', 'weights: at least one must be > 0', 'weights');
  for (const k of SCORE_PARTS) w[k] = w[k] / total;
  return w;
}

/**
 * A skill without adjacent sources: an empty list in the kind of a filled one (see objectArray), so that
 * the loops over sources keep one map.
 */
export const NO_SOURCES: readonly AdjacentSource[] = objectArray<AdjacentSource>();

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

/** Everything scoring needs that is the same for every candidate of a query. */
export interface ScoringContext {
  reqs: readonly Requirement[];
  /** effectiveWeights(reqs). */
  shares: readonly number[];
  adjacency: ReadonlyMap<string, readonly AdjacentSource[]>;
  weights: ScoreWeights;
  project: ProjectProfile;
}

export function scoringContext(
  reqs: readonly Requirement[],
  adjacency: ReadonlyMap<string, readonly AdjacentSource[]>,
  weights: ScoreWeights,
  project: ProjectProfile,
): ScoringContext {
  return { reqs, shares: effectiveWeights(reqs), adjacency, weights, project };
}

/**
 * Scores one candidate. The score is the sum of the parts in SCORE_PARTS order; each skill part is the sum
 * of the per-requirement contributions shown in the explanation, and each other part is its weight times
 * a value computed from `facts` (profile.ts), so the explanation always adds up to the score.
 */
export function scoreCandidate(candidate: ScoredTalent, facts: ProfileFacts, ctx: ScoringContext): Match {
  const { reqs, shares, adjacency, weights } = ctx;
  const held = new Map<string, HeldSkill>();
  for (const s of candidate.skills) held.set(s.skillId, s);
  let coverage = 0;
  let level = 0;
  let adjacent = 0;
  const explanation: RequirementExplanation[] = [];
  reqs.forEach((r, i) => {
    const share = shares[i] ?? 0;
    const exact = held.get(r.skillId);
    const contributions: SkillContributions = { coverage: 0, levelFit: 0, adjacency: 0 };
    let brings: RequirementExplanation['brings'] = { kind: 'none' };
    if (exact) {
      contributions.coverage = weights.coverage * share;
      contributions.levelFit = weights.levelFit * share * levelFit(exact.level, r.level);
      brings = { kind: 'exact', level: exact.level, evidence: exact.evidence };
    } else {
      // Best adjacent skill held; sources are pre-sorted by transfer weight so ties resolve by id.
      let bestCredit = 0;
      for (const src of adjacency.get(r.skillId) ?? NO_SOURCES) {
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
    coverage += contributions.coverage;
    level += contributions.levelFit;
    adjacent += contributions.adjacency;
    explanation.push({
      skillId: r.skillId,
      requiredLevel: r.level,
      must: r.must,
      share,
      brings,
      contributions,
    });
  });
  const v = profileValues(facts, ctx.project);
  const parts: ScoreWeights = {
    coverage,
    levelFit: level,
    adjacency: adjacent,
    vertical: weights.vertical * v.vertical,
    trackRecord: weights.trackRecord * v.trackRecord,
    availability: weights.availability * v.availability,
    budget: weights.budget * v.budget,
    breadth: weights.breadth * v.breadth,
  };
  return {
    talentId: candidate.id,
    name: candidate.name,
    source: candidate.source,
    score: sumParts(parts),
    parts,
    explanation,
    profile: explainProfile(facts, ctx.project, v),
  };
}

/** The score from its parts, always in SCORE_PARTS order (the index adds them the same way). */
export function sumParts(p: ScoreWeights): number {
  return (
    p.coverage + p.levelFit + p.adjacency + p.vertical + p.trackRecord + p.availability + p.budget + p.breadth
  );
}

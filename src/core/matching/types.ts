import type { AvailabilityWindow, BusinessFunction, Industry, Outcome, RemotePreference } from '../model.js';

export type TalentSource = 'employee' | 'freelance';

export interface Requirement {
  skillId: string;
  /** Required level, 1–5. */
  level: number;
  /** Relative importance, > 0. */
  weight: number;
  must: boolean;
}

export interface HeldSkill {
  skillId: string;
  level: number;
  /** Where the claim comes from: mission, certification, cv, self. */
  evidence: string | null;
}

/** What scoring reads of a past mission (a `Mission` of the model fits). */
export interface MissionFacts {
  industry: Industry | null;
  businessFunction: BusinessFunction | null;
  outcome: Outcome | null;
}

/**
 * What ranking reads of a talent. A `Talent` of the model fits as is; the index keeps a compact copy and
 * rebuilds an equivalent candidate (see profile.ts: every non-skill part reads `ProfileFacts`, which both
 * compute the same way).
 */
export interface Candidate {
  id: string;
  name: string;
  source: TalentSource;
  skills: readonly HeldSkill[];
  /** Declared industries and business functions worked in (missions add theirs). */
  industries: readonly Industry[];
  functions: readonly BusinessFunction[];
  missions: readonly MissionFacts[];
  /** Availability windows; none means no known restriction (full time). */
  availability: readonly AvailabilityWindow[];
  /** Day rate (freelance) or internal daily cost (employee), euros. */
  dailyCost: number;
  /** ISO 639-1 codes. */
  languages: readonly string[];
  location: string;
  remote: RemotePreference;
}

/** What scoring reads of a candidate besides its `ProfileFacts` (see scoreCandidate). */
export type ScoredTalent = Pick<Candidate, 'id' | 'name' | 'source' | 'skills'>;

/** The score's named parts. Each is a weight × a value in [0, 1]; the parts add up to the score. */
export interface ScoreWeights {
  /** Required skills held exactly, weighted by importance (must-haves count double). */
  coverage: number;
  /** How the held level meets the required one. */
  levelFit: number;
  /** Partial credit from adjacent skills (broader/related links and their transfer weights). */
  adjacency: number;
  /** Worked in the project's industry and business function (declared or through missions). */
  vertical: number;
  /** Share of past missions that reached production, smoothed. */
  trackRecord: number;
  /** Share of the project's working days the talent can give. */
  availability: number;
  /** Day rate against the project's budget per person-day. */
  budget: number;
  /** Covers several of AI, data, cloud, security, governance. */
  breadth: number;
}

export type ScorePartName = keyof ScoreWeights;

/** The order in which parts are summed into the score (a fixed order keeps the double reproducible). */
export const SCORE_PARTS: readonly ScorePartName[] = [
  'coverage',
  'levelFit',
  'adjacency',
  'vertical',
  'trackRecord',
  'availability',
  'budget',
  'breadth',
];

/** The skill parts: computed per requirement. */
export type SkillPartName = 'coverage' | 'levelFit' | 'adjacency';
export type SkillContributions = Pick<ScoreWeights, SkillPartName>;

export interface RequirementExplanation {
  skillId: string;
  requiredLevel: number;
  must: boolean;
  /** This requirement's share of the project's total importance, in (0, 1]. */
  share: number;
  brings:
    | { kind: 'exact'; level: number; evidence: string | null }
    | { kind: 'adjacent'; via: string; level: number; transfer: number; credit: number }
    | { kind: 'none' };
  /** What this requirement adds to each skill part; summed over requirements they give those parts. */
  contributions: SkillContributions;
}

/** What the non-skill parts were computed from, for the explanation. */
export interface ProfileExplanation {
  vertical: {
    industry: Industry;
    inIndustry: boolean;
    businessFunction: BusinessFunction;
    inFunction: boolean;
  };
  trackRecord: { missions: number; production: number; value: number };
  availability: { availableDays: number; workingDays: number; value: number };
  budget: { dailyCost: number; targetRate: number | null; value: number };
  breadth: { domains: string[]; value: number };
}

/** A single change to the talent's profile and what it would add to the score. */
export interface Counterfactual {
  kind: 'raise-level' | 'add-skill' | 'full-availability';
  /** The skill concerned (raise-level, add-skill). */
  skillId?: string;
  /** The level it would take (raise-level, add-skill). */
  level?: number;
  /** Score after the change minus the score now (> 0). */
  gain: number;
}

export interface Match {
  talentId: string;
  name: string;
  source: TalentSource;
  score: number;
  parts: ScoreWeights;
  explanation: RequirementExplanation[];
  profile: ProfileExplanation;
}

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

export interface Candidate {
  id: string;
  name: string;
  source: TalentSource;
  skills: readonly HeldSkill[];
}

export interface ScoreWeights {
  coverage: number;
  levelFit: number;
  adjacency: number;
}

export type ScorePartName = keyof ScoreWeights;

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
  /** What this requirement adds to each part; summed over requirements they give the parts. */
  contributions: ScoreWeights;
}

export interface Match {
  talentId: string;
  name: string;
  source: TalentSource;
  score: number;
  parts: ScoreWeights;
  explanation: RequirementExplanation[];
}

/**
 * 'business': industry and business-function knowledge, product, project and change management.
 * 'general': imported ESCO concepts, outside the domains of AI projects (ESCO has no such grouping).
 */
export const DOMAINS = [
  'ai',
  'data',
  'cloud',
  'security',
  'governance',
  'lowcode',
  'engineering',
  'business',
  'general',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** The five domains AI projects fail on; cross-domain breadth counts these. */
export const CORE_DOMAINS: readonly Domain[] = ['ai', 'data', 'cloud', 'security', 'governance'];

export const SKILL_TYPES = ['skill', 'knowledge', 'tool', 'certification'] as const;
export type SkillType = (typeof SKILL_TYPES)[number];

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

export interface SkillLabels {
  /** Preferred label. */
  label: string;
  /** Other surface forms in this language (acronyms, spellings, inflections not derivable by rule). */
  aliases: string[];
}

export interface Skill {
  id: string;
  domain: Domain;
  type: SkillType;
  labels: Record<Lang, SkillLabels>;
  /** Surface forms that are the same in every language (product names, acronyms). */
  names: string[];
  broader: string | null;
  /** Transfer weight in (0, 1): how much knowing this skill helps with the target one. */
  related: Record<string, number>;
  /** Short or common-word names (R, Go, C, Excel…) are only recognised with supporting context. */
  ambiguous: boolean;
  escoUri: string | null;
}

export interface Taxonomy {
  skills: readonly Skill[];
  byId: ReadonlyMap<string, Skill>;
}

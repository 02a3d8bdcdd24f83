/**
 * The shape of a built-in skill definition and the one-line builder the data files use.
 * See builtin-skills.ts for provenance and licence.
 */
import type { Domain, SkillType } from '../types.js';

export interface SkillDef {
  /** Stable kebab-case id; never renamed once shipped (projects and profiles store it). */
  id: string;
  domain: Domain;
  type: SkillType;
  /** Preferred English label. */
  en: string;
  /** Preferred French label. */
  fr: string;
  /** Names that are the same in every language (products, acronyms). */
  names?: string[];
  /** Other English surface forms: spellings, acronyms expanded, common phrasings in briefs and CVs. */
  enAliases?: string[];
  /** Other French surface forms, including feminine and plural forms not derivable by rule. */
  frAliases?: string[];
  /** The more general skill this one specialises (Mistral → open-weight LLMs). */
  broader?: string;
  /** Target skill id → transfer weight in (0, 1): how much knowing this skill helps with that one. */
  related?: Record<string, number>;
  /** Short or common-word names (R, Go, Make…): recognised only with supporting context. */
  ambiguous?: boolean;
  /** ESCO v1.1.1 skill concept URI, only where ESCO has the same concept. */
  esco?: string;
}

export type SkillExtra = Omit<SkillDef, 'id' | 'domain' | 'type' | 'en' | 'fr'>;

/** A builder bound to one domain: `s(id, type, en, fr, { … })`, one call a skill. */
export function skillBuilder(
  domain: Domain,
): (id: string, type: SkillType, en: string, fr: string, extra?: SkillExtra) => SkillDef {
  return (id, type, en, fr, extra = {}) => ({ id, domain, type, en, fr, ...extra });
}

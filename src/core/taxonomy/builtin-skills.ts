/**
 * The built-in Vivier taxonomy: AI-era skills for enterprise AI projects, with French and English labels.
 *
 * Provenance and licence: authored by the Vivier authors for this project and released under Apache-2.0,
 * like the code. Where ESCO v1.1.1 has the same concept, a skill's `esco` field holds the ESCO concept URI;
 * those URIs reference ESCO © European Union (reuse authorised with attribution, Commission Decision
 * 2011/833/EU). No ESCO data is copied here: ESCO itself is not shipped and is imported on request.
 *
 * Layout: one file per domain under ./data (ai, data, cloud, security, governance, lowcode, engineering,
 * business), one `s()` call per skill; this file concatenates them. Ids are stable: projects and profiles
 * store them, so a skill is never renamed, only relabelled. `related` maps a skill id to a transfer weight in
 * (0, 1): how much knowing this skill helps with that one. Validation (unique ids, resolvable links, no
 * broader cycles, no surface form shared by two unambiguous skills, well-formed ESCO URIs) runs whenever the
 * taxonomy is built and in taxonomy.test.ts.
 */
import { AI_SKILLS } from './data/ai.js';
import { BUSINESS_SKILLS } from './data/business.js';
import { CLOUD_SKILLS } from './data/cloud.js';
import { DATA_SKILLS } from './data/data.js';
import type { SkillDef } from './data/define.js';
import { ENGINEERING_SKILLS } from './data/engineering.js';
import { GOVERNANCE_SKILLS } from './data/governance.js';
import { LOWCODE_SKILLS } from './data/lowcode.js';
import { SECURITY_SKILLS } from './data/security.js';

export type { SkillDef } from './data/define.js';

export const BUILTIN_TAXONOMY_VERSION = '2026.12.0';

export const BUILTIN_SKILLS: readonly SkillDef[] = [
  ...AI_SKILLS,
  ...DATA_SKILLS,
  ...CLOUD_SKILLS,
  ...SECURITY_SKILLS,
  ...GOVERNANCE_SKILLS,
  ...LOWCODE_SKILLS,
  ...ENGINEERING_SKILLS,
  ...BUSINESS_SKILLS,
];

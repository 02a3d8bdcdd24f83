/**
 * ESCO (European Skills, Competences, Qualifications and Occupations) as Vivier stores it: ids derived
 * from concept URIs, the records an import produces, and the transfer weights given to ESCO's
 * skill→skill relations. Pure data and rules; reading the CSV download is the import service's job.
 *
 * ESCO © European Union, reuse authorised with attribution (Decision 2011/833/EU). ESCO is not shipped
 * with Vivier: it is imported on request from the user's own download.
 */
import type { SkillType } from '../taxonomy/types.js';

export const ESCO_BASE = 'http://data.europa.eu/esco/';

/** Id prefix of every ESCO concept stored by Vivier. Built-in ids are kebab-case and never contain ':'. */
export const ESCO_ID_PREFIX = 'esco:';

/**
 * Vivier id of an ESCO concept: `esco:` + the URI's path after the ESCO base, with the pillar name dropped
 * for skills and occupations (their UUIDs are unique): `…/esco/skill/<uuid>` → `esco:<uuid>`,
 * `…/esco/occupation/<uuid>` → `esco:<uuid>`, `…/esco/isco/C2511` → `esco:isco/C2511`,
 * `…/esco/isced-f/0613` → `esco:isced-f/0613`. Returns null for a URI outside ESCO.
 */
export function escoIdFromUri(uri: string): string | null {
  if (!uri.startsWith(ESCO_BASE)) return null;
  const path = uri.slice(ESCO_BASE.length);
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(path)) return null;
  const m = /^(?:skill|occupation)\/([0-9a-f-]{36})$/.exec(path);
  return ESCO_ID_PREFIX + (m ? (m[1] as string) : path);
}

export const isEscoId = (id: string): boolean => id.startsWith(ESCO_ID_PREFIX);

/** `…/esco/skill/<uuid>` */
export const isEscoSkillUri = (uri: string): boolean =>
  /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/.test(uri);
/** `…/esco/occupation/<uuid>` */
export const isEscoOccupationUri = (uri: string): boolean =>
  /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/.test(uri);

export type EscoRelationType = 'essential' | 'optional';

/**
 * Transfer weight of an ESCO skill→skill relation (`skillSkillRelations.csv`: an original skill lists a
 * related skill as essential or optional to it). Stored as `skill_relation(from = original, to = related)`:
 * practising the original skill means practising an essential related skill often (0.5 of its credit), an
 * optional one sometimes (0.25). Both stay below the built-in narrower→broader credit (0.7): ESCO relations
 * are looser than a hierarchy.
 */
export const ESCO_RELATION_WEIGHT: Readonly<Record<EscoRelationType, number>> = {
  essential: 0.5,
  optional: 0.25,
};

/** ESCO `skillType` → Vivier skill type. ESCO has only the two; a few concepts leave it empty. */
export function escoSkillType(raw: string): SkillType {
  return raw.trim() === 'knowledge' ? 'knowledge' : 'skill';
}

/** Label kinds: ESCO's preferred term, its alternative labels, and hidden labels (misspellings, old forms). */
export type EscoLabelKind = 'preferred' | 'alias' | 'hidden';

export interface EscoLabel {
  /** ISO 639-1 code as in the file name (`skills_fr.csv` → 'fr'). */
  lang: string;
  kind: EscoLabelKind;
  label: string;
}

export interface EscoText {
  lang: string;
  text: string;
}

export interface EscoSkillRecord {
  id: string;
  uri: string;
  type: SkillType;
  /** The first broader concept that is itself a skill (the full hierarchy is in `broader`). */
  broaderId: string | null;
  labels: EscoLabel[];
  descriptions: EscoText[];
}

export interface EscoOccupationRecord {
  id: string;
  uri: string;
  /** ISCO-08 unit group code (4 digits), from the occupation's `iscoGroup` column. */
  iscoCode: string | null;
  /** ESCO code (ISCO code + '.' + ordinal). */
  code: string | null;
  labels: EscoLabel[];
  descriptions: EscoText[];
}

export type EscoGroupKind = 'skill-group' | 'isco-group';

/** Grouping concepts: skill groups of the skills hierarchy, ISCO groups above occupations. */
export interface EscoGroupRecord {
  id: string;
  uri: string;
  kind: EscoGroupKind;
  code: string | null;
  labels: EscoLabel[];
  descriptions: EscoText[];
}

export interface EscoOccupationSkill {
  occupationId: string;
  skillId: string;
  relation: EscoRelationType;
}

export interface EscoSkillRelation {
  fromId: string;
  toId: string;
  relation: EscoRelationType;
  weight: number;
}

/** A broader link of either pillar: skill → skill or group, occupation → occupation or ISCO group, … */
export interface EscoBroader {
  id: string;
  broaderId: string;
}

/** Everything one import writes, in one transaction. */
export interface EscoDataset {
  skills: EscoSkillRecord[];
  occupations: EscoOccupationRecord[];
  groups: EscoGroupRecord[];
  occupationSkills: EscoOccupationSkill[];
  skillRelations: EscoSkillRelation[];
  broader: EscoBroader[];
  /** Languages that have at least one label. */
  languages: string[];
}

/** Splits an ESCO label list: one per line in the main files, ' | ' in collections, '|' in label exports. */
export function splitLabels(raw: string): string[] {
  if (!raw) return [];
  const out: string[] = [];
  for (const part of raw.split(/\r?\n|\|/)) {
    const t = part.trim();
    if (t) out.push(t);
  }
  return out;
}

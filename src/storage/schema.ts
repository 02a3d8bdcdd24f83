/**
 * Table types. Portable columns only: text ids and ISO timestamps made by the app, JSON as text,
 * booleans as 0/1 integers, so the same queries run on SQLite and PostgreSQL.
 */
export interface OrganizationTable {
  id: string;
  name: string;
  created_at: string;
}

export interface SkillTable {
  id: string;
  domain: string;
  type: string;
  broader_id: string | null;
  esco_uri: string | null;
  ambiguous: number;
  /** 'vivier' for the built-in taxonomy; 'esco' for an imported concept. */
  origin: string;
}

export interface SkillLabelTable {
  skill_id: string;
  /** 'en', 'fr', or '*' for names shared by every language. */
  lang: string;
  /** 'preferred' or 'alias'. */
  kind: string;
  label: string;
}

export interface SkillRelationTable {
  from_id: string;
  to_id: string;
  weight: number;
}

export interface TalentTable {
  id: string;
  org_id: string;
  external_id: string | null;
  source: string;
  name: string;
  headline: string;
  location: string;
  daily_cost: number;
  email: string | null;
  phone: string | null;
  occupation_id: string | null;
  remote: string;
  /** JSON array of ISO 639-1 codes. */
  languages: string;
  /** JSON arrays of industry and business function ids. */
  industries: string;
  functions: string;
  consent_at: string | null;
  retain_until: string | null;
  created_at: string;
  updated_at: string;
  /**
   * JSON lists of positional tuples (migration 0005; src/core/import/packed-talent.ts): skills by id
   * `[skillId, level, evidence, years, lastUsed, evidenceDetail]`, availability `[start, end, daysPerWeek]`,
   * missions `[title, organization, start, end, industry, businessFunction, outcome, [skillId…]]`.
   */
  skills: string;
  availability: string;
  missions: string;
}

export interface ProjectTable {
  id: string;
  org_id: string;
  name: string;
  brief: string;
  industry: string;
  business_function: string;
  archetype: string;
  status: string;
  start_date: string;
  end_date: string;
  budget: number | null;
  language: string;
  external_id: string | null;
  /** JSON array of { role, headcount }. */
  roles: string;
  data_sensitivity: string;
  build_or_buy: string;
  outcome: string | null;
  business_outcome: string | null;
  process_owner: string | null;
  security_owner: string | null;
  /** JSON array of names. */
  data_sources: string;
  created_at: string;
  updated_at: string;
}

export interface ProjectStatusEventTable {
  project_id: string;
  seq: number;
  status: string;
  at: string;
}

export interface ProjectSkillTable {
  project_id: string;
  skill_id: string;
  level: number;
  weight: number;
  must: number;
}

export interface AuditEventTable {
  id: string;
  org_id: string;
  /** Position in the organization's chain, from 1. */
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface SkillDescriptionTable {
  skill_id: string;
  lang: string;
  description: string;
}

export interface OccupationTable {
  id: string;
  uri: string | null;
  isco_code: string | null;
  code: string | null;
  /** 'esco' for an imported ESCO occupation. */
  origin: string;
}

export interface OccupationLabelTable {
  occupation_id: string;
  lang: string;
  /** 'preferred', 'alias' or 'hidden'. */
  kind: string;
  label: string;
}

export interface OccupationDescriptionTable {
  occupation_id: string;
  lang: string;
  description: string;
}

export interface OccupationSkillTable {
  occupation_id: string;
  skill_id: string;
  /** 'essential' or 'optional'. */
  relation: string;
}

export interface EscoGroupTable {
  id: string;
  uri: string;
  /** 'skill-group' or 'isco-group'. */
  kind: string;
  code: string | null;
}

export interface EscoGroupLabelTable {
  group_id: string;
  lang: string;
  kind: string;
  label: string;
}

export interface EscoGroupDescriptionTable {
  group_id: string;
  lang: string;
  description: string;
}

export interface EscoBroaderTable {
  concept_id: string;
  broader_id: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** A batched import in progress: how far it has committed (migration 0004). */
export interface ImportCheckpointTable {
  org_id: string;
  /** 'talents' or 'projects'. */
  kind: string;
  /** SHA-256 of the file's bytes: a changed file is a new import. */
  file_hash: string;
  file_name: string;
  /** Last line of the file whose batch is committed. */
  last_line: number;
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  started_at: string;
  updated_at: string;
}

export interface Database {
  meta: MetaTable;
  organization: OrganizationTable;
  skill: SkillTable;
  skill_label: SkillLabelTable;
  skill_relation: SkillRelationTable;
  talent: TalentTable;
  project: ProjectTable;
  project_skill: ProjectSkillTable;
  project_status_event: ProjectStatusEventTable;
  audit_event: AuditEventTable;
  import_checkpoint: ImportCheckpointTable;
  skill_description: SkillDescriptionTable;
  occupation: OccupationTable;
  occupation_label: OccupationLabelTable;
  occupation_description: OccupationDescriptionTable;
  occupation_skill: OccupationSkillTable;
  esco_group: EscoGroupTable;
  esco_group_label: EscoGroupLabelTable;
  esco_group_description: EscoGroupDescriptionTable;
  esco_broader: EscoBroaderTable;
}

/**
 * One import record, from its decoded form to what the second pass writes: validation (the record schema,
 * then the taxonomy and the keys) and the layout of a valid record kept between the passes (in memory, or
 * as fields of the spool).
 */
import { normalizeProject, normalizeTalent } from '../core/import/canonical.js';
import { packTalent, type PackedTalent } from '../core/import/packed-talent.js';
import type { Decoded, FieldIssue } from '../core/import/types.js';
import type { Project, Talent } from '../core/model.js';
import { checkTalentRecord } from '../contract/talent-record-check.js';
import { fieldIssues, ProjectRecord, TalentRecord } from '../contract/talents.schemas.js';
import type { SpoolField } from './import-spool.js';

/** The taxonomy as validation needs it: which skill ids exist. */
export interface SkillIds {
  has(id: string): boolean;
}

export interface Validated<R> {
  record: R | null;
  given: boolean;
  issues: FieldIssue[];
}

/** A native talent record: the hand-written check first, zod for anything it does not pass. */
export function validateTalent(
  decoded: Decoded,
  skills: SkillIds,
  rename: (f: string) => string,
): Validated<Talent> {
  if (decoded.issues.length > 0) return { record: null, given: false, issues: decoded.issues };
  const issues: FieldIssue[] = [];
  // The check passes nearly every record of a large import at a fraction of zod's cost; zod decides (and
  // words the message) for anything else.
  let t = checkTalentRecord(decoded.value);
  if (!t) {
    const r = TalentRecord.safeParse(decoded.value);
    if (!r.success) return { record: null, given: false, issues: fieldIssues(r.error, rename) };
    t = r.data;
  }
  const seen = new Set<string>();
  for (let i = 0; i < t.skills.length; i++) {
    const id = (t.skills[i] as TalentRecord['skills'][number]).skillId;
    if (!skills.has(id))
      issues.push({ field: rename(`skills[${i}].skillId`), message: `unknown skill "${id}"` });
    else if (seen.has(id))
      issues.push({ field: rename(`skills[${i}].skillId`), message: `"${id}" is listed twice` });
    seen.add(id);
  }
  for (let i = 0; i < t.missions.length; i++) {
    const held = (t.missions[i] as TalentRecord['missions'][number]).skills;
    for (let j = 0; j < held.length; j++)
      if (!skills.has(held[j] as string))
        issues.push({
          field: rename(`missions[${i}].skills[${j}]`),
          message: `unknown skill "${held[j] as string}"`,
        });
  }
  if (t.id === undefined && t.externalId === null && t.email === null)
    issues.push({
      field: rename('externalId'),
      message: 'a record needs an id, an external id or an e-mail to be recognised on a later import',
    });
  if (issues.length > 0) return { record: null, given: false, issues };
  const talent: Talent = { ...t, id: t.id ?? '', email: t.email === null ? null : t.email.toLowerCase() };
  return { record: normalizeTalent(talent), given: t.id !== undefined, issues };
}

export function validateProject(
  decoded: Decoded,
  skills: SkillIds,
  rename: (f: string) => string,
): Validated<Project> {
  if (decoded.issues.length > 0) return { record: null, given: false, issues: decoded.issues };
  const issues: FieldIssue[] = [];
  const r = ProjectRecord.safeParse(decoded.value);
  if (!r.success) return { record: null, given: false, issues: fieldIssues(r.error, rename) };
  const p = r.data;
  const seen = new Set<string>();
  p.requirements.forEach((q, i) => {
    if (!skills.has(q.skillId))
      issues.push({ field: rename(`requirements[${i}].skillId`), message: `unknown skill "${q.skillId}"` });
    else if (seen.has(q.skillId))
      issues.push({
        field: rename(`requirements[${i}].skillId`),
        message: `"${q.skillId}" is listed twice`,
      });
    seen.add(q.skillId);
  });
  if (p.id === undefined && p.externalId === null)
    issues.push({
      field: rename('externalId'),
      message: 'a record needs an id or an external id to be recognised on a later import',
    });
  if (issues.length > 0) return { record: null, given: false, issues };
  const project: Project = {
    ...p,
    id: p.id ?? '',
    statusHistory: p.statusHistory.length > 0 ? p.statusHistory : [{ status: p.status, at: p.startDate }],
  };
  return { record: normalizeProject(project), given: p.id !== undefined, issues };
}

/** A valid talent, packed (its id is the one given, or '' until the second pass matches or derives it). */
export interface ValidTalent {
  line: number;
  given: boolean;
  id: string;
  packed: PackedTalent;
}
export interface ValidProject {
  line: number;
  given: boolean;
  project: Project;
}
export type Valid = ValidTalent | ValidProject;

export const isTalent = (v: Valid): v is ValidTalent => 'packed' in v;

/** A validated record, kept for the second pass. */
export function toValid(line: number, given: boolean, record: Talent | Project): Valid {
  return 'source' in record
    ? { line, given, id: record.id, packed: packTalent(record) }
    : { line, given, project: record };
}

/** A valid record as spool fields, and back (talents: the packed fields; projects: their JSON). */
export function toFields(v: Valid): SpoolField[] {
  if (!isTalent(v)) return [v.line, v.given ? 1 : 0, JSON.stringify(v.project)];
  const p = v.packed;
  return [
    v.line,
    v.given ? 1 : 0,
    v.id,
    p.externalId,
    p.source,
    p.name,
    p.email,
    p.phone,
    p.headline,
    p.occupationId,
    p.location,
    p.remote,
    p.dailyCost,
    p.consentAt,
    p.retainUntil,
    p.languages,
    p.industries,
    p.functions,
    p.skills,
    p.availability,
    p.missions,
  ];
}

export function fromFields(f: SpoolField[]): Valid {
  const line = f[0] as number;
  const given = f[1] === 1;
  if (f.length === 3) return { line, given, project: JSON.parse(f[2] as string) as Project };
  const packed: PackedTalent = {
    externalId: f[3] as string | null,
    source: f[4] as PackedTalent['source'],
    name: f[5] as string,
    email: f[6] as string | null,
    phone: f[7] as string | null,
    headline: f[8] as string,
    occupationId: f[9] as string | null,
    location: f[10] as string,
    remote: f[11] as PackedTalent['remote'],
    dailyCost: f[12] as number,
    consentAt: f[13] as string | null,
    retainUntil: f[14] as string | null,
    languages: f[15] as string,
    industries: f[16] as string,
    functions: f[17] as string,
    skills: f[18] as string,
    availability: f[19] as string,
    missions: f[20] as string,
  };
  return { line, given, id: f[2] as string, packed };
}

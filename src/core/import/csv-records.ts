/**
 * The documented CSV columns for talents and projects (README "Import formats"), both ways: a row of cells
 * to a candidate record (validated afterwards by the record schema, like any other format), and a record
 * to a row. Lists are `|`-separated; a skill is `name-or-id:level[:evidence]`, a requirement
 * `name-or-id:level:weight[:must]`, an availability window `start..end:days-per-week`.
 */
import type { Project, Talent } from '../model.js';
import { unneutralizeCell } from './csv-cells.js';
import { resolveSkillName, type SkillNameIndex } from './skill-names.js';
import type { Decoded, FieldIssue } from './types.js';

export const TALENT_CSV_COLUMNS = [
  'id',
  'external_id',
  'source',
  'name',
  'email',
  'phone',
  'headline',
  'location',
  'remote',
  'languages',
  'daily_cost',
  'skills',
  'industries',
  'functions',
  'availability',
  'consent_at',
  'retain_until',
] as const;

export const PROJECT_CSV_COLUMNS = [
  'id',
  'external_id',
  'name',
  'brief',
  'industry',
  'business_function',
  'archetype',
  'status',
  'start_date',
  'end_date',
  'budget',
  'language',
  'requirements',
  'data_sensitivity',
  'build_or_buy',
  'outcome',
  'business_outcome',
  'process_owner',
  'security_owner',
  'data_sources',
] as const;

/** Record field → CSV column, to name the column in a validation message. */
export const CSV_COLUMN_OF: Record<string, string> = {
  externalId: 'external_id',
  dailyCost: 'daily_cost',
  consentAt: 'consent_at',
  retainUntil: 'retain_until',
  businessFunction: 'business_function',
  startDate: 'start_date',
  endDate: 'end_date',
  dataSensitivity: 'data_sensitivity',
  buildOrBuy: 'build_or_buy',
  businessOutcome: 'business_outcome',
  processOwner: 'process_owner',
  securityOwner: 'security_owner',
  dataSources: 'data_sources',
  statusHistory: 'status',
};

/** Header cell → column name: trimmed, lower case, spaces and dashes as underscores. */
export const normalizeHeader = (h: string): string =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

type Row = Readonly<Record<string, string | undefined>>;

const cell = (row: Row, column: string): string => unneutralizeCell((row[column] ?? '').trim());
const optional = (row: Row, column: string): string | null => {
  const v = cell(row, column);
  return v === '' ? null : v;
};
const list = (row: Row, column: string): string[] =>
  cell(row, column)
    .split('|')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** "1 250,50" or "1250.5" → 1250.5; anything else is an issue. */
function number(row: Row, column: string, issues: FieldIssue[], required: boolean): number | null {
  const raw = cell(row, column);
  if (raw === '') {
    if (required) issues.push({ field: column, message: 'expected a number, got nothing' });
    return null;
  }
  let s = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (!s.includes('.') && /^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) {
    issues.push({ field: column, message: `expected a number, got "${raw}"` });
    return null;
  }
  return Number(s);
}

function skillRef(index: SkillNameIndex, name: string, column: string, issues: FieldIssue[]): string | null {
  const id = resolveSkillName(index, name);
  if (id === null) issues.push({ field: column, message: `"${name}" is not a skill of the taxonomy` });
  return id;
}

export interface TalentCsvDefaults {
  /** Used when the file has no `source` column or the cell is empty. */
  source?: 'employee' | 'freelance';
}

export function talentFromCsvRow(row: Row, index: SkillNameIndex, defaults: TalentCsvDefaults = {}): Decoded {
  const issues: FieldIssue[] = [];
  const skills = list(row, 'skills').map((entry) => {
    const parts = entry.split(':').map((p) => p.trim());
    const [name = '', level, evidence] = parts;
    const skillId = skillRef(index, name, 'skills', issues) ?? name;
    const lv = level === undefined || level === '' ? null : Number(level);
    if (lv === null || !Number.isInteger(lv))
      issues.push({ field: 'skills', message: `"${entry}": expected name:level with a level 1–5` });
    return {
      skillId,
      level: lv ?? 0,
      evidence: evidence === undefined || evidence === '' ? null : evidence,
    };
  });
  const availability = list(row, 'availability').map((entry) => {
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2}):(\d+(?:\.\d+)?)$/.exec(entry);
    if (!m) {
      issues.push({ field: 'availability', message: `"${entry}": expected start..end:days-per-week` });
      return null;
    }
    return { start: m[1], end: m[2], daysPerWeek: Number(m[3]) };
  });
  const email = optional(row, 'email');
  const value = {
    ...(optional(row, 'id') !== null ? { id: optional(row, 'id') } : {}),
    externalId: optional(row, 'external_id'),
    source: optional(row, 'source') ?? defaults.source ?? '',
    name: cell(row, 'name'),
    email: email === null ? null : email.toLowerCase(),
    phone: optional(row, 'phone'),
    headline: cell(row, 'headline'),
    location: cell(row, 'location'),
    remote: optional(row, 'remote') ?? 'hybrid',
    languages: list(row, 'languages').map((l) => l.toLowerCase()),
    dailyCost: number(row, 'daily_cost', issues, true),
    skills,
    industries: list(row, 'industries'),
    functions: list(row, 'functions'),
    availability: availability.filter((a) => a !== null),
    consentAt: optional(row, 'consent_at'),
    retainUntil: optional(row, 'retain_until'),
  };
  return { value, issues, warnings: [] };
}

export function talentToCsvCells(t: Talent): (string | number | null)[] {
  return [
    t.id,
    t.externalId,
    t.source,
    t.name,
    t.email,
    t.phone,
    t.headline,
    t.location,
    t.remote,
    t.languages.join('|'),
    t.dailyCost,
    t.skills.map((s) => `${s.skillId}:${s.level}${s.evidence ? `:${s.evidence}` : ''}`).join('|'),
    t.industries.join('|'),
    t.functions.join('|'),
    t.availability.map((a) => `${a.start}..${a.end}:${a.daysPerWeek}`).join('|'),
    t.consentAt,
    t.retainUntil,
  ];
}

export function projectFromCsvRow(row: Row, index: SkillNameIndex): Decoded {
  const issues: FieldIssue[] = [];
  const requirements = list(row, 'requirements').map((entry) => {
    const [name = '', level, weight, must] = entry.split(':').map((p) => p.trim());
    const skillId = skillRef(index, name, 'requirements', issues) ?? name;
    const lv = Number(level);
    const w = weight === undefined || weight === '' ? 1 : Number(weight);
    if (!Number.isInteger(lv) || !Number.isFinite(w) || (must !== undefined && !/^(must|nice|)$/.test(must)))
      issues.push({
        field: 'requirements',
        message: `"${entry}": expected name:level[:weight[:must|nice]]`,
      });
    return { skillId, level: lv, weight: w, must: must === 'must' };
  });
  const status = optional(row, 'status') ?? 'idea';
  const startDate = cell(row, 'start_date');
  const value = {
    ...(optional(row, 'id') !== null ? { id: optional(row, 'id') } : {}),
    externalId: optional(row, 'external_id'),
    name: cell(row, 'name'),
    brief: cell(row, 'brief'),
    industry: cell(row, 'industry'),
    businessFunction: cell(row, 'business_function'),
    archetype: cell(row, 'archetype'),
    status,
    statusHistory: [{ status, at: startDate }],
    outcome: optional(row, 'outcome'),
    startDate,
    endDate: cell(row, 'end_date'),
    budget: number(row, 'budget', issues, false),
    language: optional(row, 'language') ?? 'en',
    requirements,
    roles: [],
    dataSensitivity: optional(row, 'data_sensitivity') ?? 'internal',
    buildOrBuy: optional(row, 'build_or_buy') ?? 'build',
    businessOutcome: optional(row, 'business_outcome'),
    processOwner: optional(row, 'process_owner'),
    securityOwner: optional(row, 'security_owner'),
    dataSources: list(row, 'data_sources'),
  };
  return { value, issues, warnings: [] };
}

export function projectToCsvCells(p: Project): (string | number | null)[] {
  return [
    p.id,
    p.externalId,
    p.name,
    p.brief,
    p.industry,
    p.businessFunction,
    p.archetype,
    p.status,
    p.startDate,
    p.endDate,
    p.budget,
    p.language,
    p.requirements.map((r) => `${r.skillId}:${r.level}:${r.weight}:${r.must ? 'must' : 'nice'}`).join('|'),
    p.dataSensitivity,
    p.buildOrBuy,
    p.outcome,
    p.businessOutcome,
    p.processOwner,
    p.securityOwner,
    p.dataSources.join('|'),
  ];
}

/**
 * A CSV row updating a stored talent: what CSV has no column for (missions, occupation, and the years,
 * last use and evidence text of a skill it still lists) is kept from the stored profile, so re-importing a
 * CSV export changes nothing and a spreadsheet edit never wipes a mission history.
 */
export function mergeCsvTalent(stored: Talent, incoming: Talent): Talent {
  const held = new Map(stored.skills.map((s) => [s.skillId, s]));
  return {
    ...incoming,
    occupationId: incoming.occupationId ?? stored.occupationId,
    missions: stored.missions,
    skills: incoming.skills.map((s) => {
      const old = held.get(s.skillId);
      if (!old) return s;
      return {
        ...s,
        evidence: s.evidence ?? old.evidence,
        years: s.years ?? old.years,
        lastUsed: s.lastUsed ?? old.lastUsed,
        evidenceDetail: s.evidenceDetail ?? old.evidenceDetail,
      };
    }),
  };
}

/** The same for projects: roles are kept, and the status history grows only when the status changed. */
export function mergeCsvProject(stored: Project, incoming: Project, today: string): Project {
  const last = stored.statusHistory[stored.statusHistory.length - 1];
  return {
    ...incoming,
    roles: stored.roles,
    statusHistory:
      last?.status === incoming.status
        ? stored.statusHistory
        : [...stored.statusHistory, { status: incoming.status, at: today }],
  };
}

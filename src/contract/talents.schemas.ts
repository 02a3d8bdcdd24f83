/**
 * The talent and project records as files carry them (the native JSONL format: one record per line, the
 * same shape as `Talent` / `Project`), and the HTTP schemas of the talent routes and the import route.
 * Optional fields may be left out of a line and take the defaults below; unknown fields are refused so a
 * misspelt column never passes silently.
 */
import { z } from 'zod';
import type { FieldIssue } from '../core/import/types.js';
import {
  ARCHETYPES,
  BUILD_OR_BUY,
  DATA_SENSITIVITIES,
  EVIDENCE_KINDS,
  FUNCTIONS,
  INDUSTRIES,
  OUTCOMES,
  PROJECT_STATUSES,
  REMOTE_PREFERENCES,
} from '../core/model.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' });
const level = z.literal([1, 2, 3, 4, 5], { error: 'expected a level 1, 2, 3, 4 or 5' });
const text = (max: number) => z.string().max(max);

export const TalentSkillRecord = z.strictObject({
  skillId: z.string().min(1).max(300),
  level,
  evidence: z.enum(EVIDENCE_KINDS).nullable().default(null),
  years: z.number().min(0).max(80).nullable().default(null),
  lastUsed: isoDate.nullable().default(null),
  evidenceDetail: text(2000).nullable().default(null),
});

export const AvailabilityRecord = z.strictObject({
  start: isoDate,
  end: isoDate,
  daysPerWeek: z.number().min(0).max(7),
});

export const MissionRecord = z.strictObject({
  title: z.string().min(1).max(300),
  organization: text(300).nullable().default(null),
  start: isoDate,
  end: isoDate.nullable().default(null),
  industry: z.enum(INDUSTRIES).nullable().default(null),
  businessFunction: z.enum(FUNCTIONS).nullable().default(null),
  skills: z.array(z.string().min(1).max(300)).max(500).default([]),
  outcome: z.enum(OUTCOMES).nullable().default(null),
});

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { error: 'expected letters, digits and . _ : - only' });

/** One talent: a line of the native JSONL format. `id` may be left out: it is then derived from a key. */
export const TalentRecord = z.strictObject({
  id: id.optional(),
  externalId: text(200).min(1).nullable().default(null),
  source: z.enum(['employee', 'freelance'], { error: 'expected employee or freelance' }),
  name: z.string().min(1, { error: 'required' }).max(300),
  email: z
    .string()
    .max(320)
    .regex(/^[^\s@]+@[^\s@]+$/, { error: 'expected an e-mail address' })
    .nullable()
    .default(null),
  phone: text(60).nullable().default(null),
  headline: text(300).default(''),
  occupationId: text(300).nullable().default(null),
  location: text(300).default(''),
  remote: z.enum(REMOTE_PREFERENCES).default('hybrid'),
  languages: z.array(z.string().regex(/^[a-z]{2}$/, { error: 'expected an ISO 639-1 code' })).default([]),
  dailyCost: z.number({ error: 'expected a number' }).min(0).max(1_000_000),
  skills: z.array(TalentSkillRecord).max(1000).default([]),
  industries: z.array(z.enum(INDUSTRIES)).default([]),
  functions: z.array(z.enum(FUNCTIONS)).default([]),
  availability: z.array(AvailabilityRecord).max(100).default([]),
  missions: z.array(MissionRecord).max(500).default([]),
  consentAt: isoDate.nullable().default(null),
  retainUntil: isoDate.nullable().default(null),
});
export type TalentRecord = z.output<typeof TalentRecord>;

export const RequirementRecord = z.strictObject({
  skillId: z.string().min(1).max(300),
  level,
  weight: z.number().positive().max(100),
  must: z.boolean(),
});

/** One project: a line of the native JSONL format. */
export const ProjectRecord = z.strictObject({
  id: id.optional(),
  externalId: text(200).min(1).nullable().default(null),
  name: z.string().min(1, { error: 'required' }).max(300),
  brief: text(200_000).default(''),
  industry: z.enum(INDUSTRIES),
  businessFunction: z.enum(FUNCTIONS),
  archetype: z.enum(ARCHETYPES),
  status: z.enum(PROJECT_STATUSES),
  statusHistory: z
    .array(z.strictObject({ status: z.enum(PROJECT_STATUSES), at: isoDate }))
    .max(100)
    .default([]),
  outcome: z.enum(OUTCOMES).nullable().default(null),
  startDate: isoDate,
  endDate: isoDate,
  budget: z.number().min(0).nullable().default(null),
  language: z.enum(['en', 'fr']).default('en'),
  requirements: z.array(RequirementRecord).max(500).default([]),
  roles: z
    .array(z.strictObject({ role: z.string().min(1).max(200), headcount: z.number().int().min(1).max(1000) }))
    .max(100)
    .default([]),
  dataSensitivity: z.enum(DATA_SENSITIVITIES).default('internal'),
  buildOrBuy: z.enum(BUILD_OR_BUY).default('build'),
  businessOutcome: text(2000).nullable().default(null),
  processOwner: text(300).nullable().default(null),
  securityOwner: text(300).nullable().default(null),
  dataSources: z.array(text(300)).max(200).default([]),
});
export type ProjectRecord = z.output<typeof ProjectRecord>;

const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc === '' ? String(p) : `${acc}.${String(p)}`),
    '',
  );

/** zod issues → field issues with short messages ("dailyCost: expected a number"). */
export function fieldIssues(error: z.ZodError, rename: (field: string) => string = (f) => f): FieldIssue[] {
  return error.issues.slice(0, 20).map((i) => {
    const field = rename(pathText(i.path)) || '(record)';
    if (i.code === 'unrecognized_keys')
      return {
        field: field === '(record)' ? i.keys.join(', ') : `${field}.${i.keys.join(', ')}`,
        message: 'unknown field',
      };
    if (i.code === 'invalid_type') {
      if (/received undefined$/.test(i.message)) return { field, message: 'required' };
      if (!i.message.startsWith('Invalid input')) return { field, message: i.message };
      return { field, message: `expected ${/^[aeiou]/.test(i.expected) ? 'an' : 'a'} ${i.expected}` };
    }
    if (i.code === 'invalid_value' && i.message.startsWith('Invalid option'))
      return { field, message: `expected one of ${i.values.map(String).join(', ')}` };
    return { field, message: i.message.replace(/^Invalid input: /, '') };
  });
}

// ---- HTTP ------------------------------------------------------------------------------------------------

export const ImportFormat = z.enum(['jsonl', 'csv', 'jsonresume']);

export const ImportQuery = z.object({
  format: ImportFormat.optional().describe('Required with a raw body unless its content type says it.'),
  dryRun: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false)
    .describe('Validate and report, write nothing.'),
  skipInvalid: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false)
    .describe('Import the valid records of a file that has rejected ones.'),
  source: z.enum(['employee', 'freelance']).optional().describe('For JSON Resume and CSV without a source.'),
  name: z.string().min(1).max(200).default('upload').describe('File name used in reject messages.'),
});

export const ImportBody = z
  .object({
    format: ImportFormat,
    content: z.string().describe('The file content: JSON Lines, CSV, or a JSON Resume document.'),
  })
  .or(z.string().describe('Raw text/csv, application/x-ndjson or application/jsonl body'));

export const RejectOut = z.object({
  file: z.string(),
  line: z.number().int(),
  field: z.string(),
  message: z.string(),
});

export const ImportSummaryOut = z
  .object({
    file: z.string(),
    kind: z.enum(['talents', 'projects']),
    format: z.string(),
    fileHash: z.string(),
    dryRun: z.boolean(),
    records: z.number().int().describe('Records read (blank lines excluded).'),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    imported: z.boolean().describe('False when rejects stopped the file (no --skip-invalid) or on dry run.'),
    rejects: z.array(RejectOut).describe('At most the first 1,000.'),
    warnings: z.array(RejectOut).describe('At most the first 1,000: skills not in the taxonomy, …'),
  })
  .meta({ id: 'ImportSummary' });

export const TalentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  contact: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false)
    .describe('Show e-mail and phone. A placeholder until roles decide who may see contact details.'),
});

export const TalentQuery = TalentsQuery.pick({ contact: true });

export const TalentSummaryOut = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  source: z.enum(['employee', 'freelance']),
  name: z.string(),
  headline: z.string(),
  location: z.string(),
  dailyCost: z.number(),
  skillCount: z.number().int(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
});

export const TalentsResponse = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  talents: z.array(TalentSummaryOut),
});

export const TalentOut = TalentRecord.extend({
  id: z.string(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
}).meta({ id: 'Talent' });

export type ImportSummaryOut = z.infer<typeof ImportSummaryOut>;
export type TalentsResponse = z.infer<typeof TalentsResponse>;
export type TalentOut = z.infer<typeof TalentOut>;

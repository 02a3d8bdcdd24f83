/**
 * Imports of talents and projects from JSON Lines (the native format), CSV and JSON Resume.
 *
 * Two passes over the file. The first reads and validates every record (and hashes the bytes) without
 * writing: a file with rejected records is not imported unless `skipInvalid`, so a bad line at the end
 * never leaves the start half-imported. The second writes:
 * - a file of at most `batchSize` records in one transaction (the records are kept from the first pass);
 * - a larger file in batches of `batchSize`, each batch in one transaction together with a checkpoint row
 *   (file hash, last committed line, counts). An interrupted import leaves whole batches only, and
 *   `resume` goes on after the last committed line; the checkpoint is removed in the last batch's
 *   transaction.
 * Records are recognised by external id, then e-mail (talents), then id; a record whose content equals the
 * stored one is "unchanged" and not written, so importing the same file again changes nothing.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../core/errors.js';
import { normalizeProject, normalizeTalent, sameProject, sameTalent } from '../core/import/canonical.js';
import {
  CSV_COLUMN_OF,
  mergeCsvProject,
  mergeCsvTalent,
  PROJECT_CSV_COLUMNS,
  projectFromCsvRow,
  TALENT_CSV_COLUMNS,
  talentFromCsvRow,
} from '../core/import/csv-records.js';
import { talentFromJsonResume } from '../core/import/json-resume.js';
import { KeySet } from '../core/import/key-set.js';
import { buildSkillNameIndex, type SkillNameIndex } from '../core/import/skill-names.js';
import type { Decoded, FieldIssue } from '../core/import/types.js';
import type { Project, Talent } from '../core/model.js';
import type { Taxonomy } from '../core/taxonomy/types.js';
import { fieldIssues, ProjectRecord, TalentRecord } from '../contract/talents.schemas.js';
import type { AuditService } from './audit.service.js';
import type { Clock } from './clock.js';
import {
  csvRecords,
  jsonlRecords,
  resumeRecords,
  type ImportSource,
  type RawRecord,
} from './import-readers.js';
import { DEFAULT_ORG, type ImportCheckpoint, type KeyRow, type Store } from './ports.js';
import type { LoadedTaxonomy, TaxonomyService } from './taxonomy.service.js';

export type ImportKind = 'talents' | 'projects';
export type ImportFormat = 'jsonl' | 'csv' | 'jsonresume';

export const IMPORT_LIMITS = {
  /** Largest JSONL or CSV file. */
  maxBytes: 8 * 1024 ** 3,
  /** Largest JSON Resume file (parsed whole). */
  maxResumeBytes: 20 * 1024 ** 2,
  /** Most records in one file. */
  maxRows: 10_000_000,
  /** Longest line (JSONL) or record (CSV). */
  maxLineBytes: 1024 ** 2,
  /** Records per transaction in a batched import; a file with no more is imported in one. */
  batchSize: 5_000,
  /** Rejects and warnings kept in the summary (all are counted). */
  maxReported: 1_000,
} as const;

export interface ImportProgress {
  phase: 'validate' | 'write';
  done: number;
  total: number;
  unit: 'bytes' | 'rows';
}

export interface ImportOptions {
  kind: ImportKind;
  format: ImportFormat;
  orgId?: string;
  actor?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  /** Go on after the last committed line of an interrupted import of this same file. */
  resume?: boolean;
  /** Drop the checkpoint of an interrupted import of this file and start again. */
  restart?: boolean;
  batchSize?: number;
  maxRows?: number;
  maxBytes?: number;
  /** employee or freelance, for records that do not say (JSON Resume, CSV without a source column). */
  source?: 'employee' | 'freelance';
  onProgress?: (p: ImportProgress) => void;
  /** Called after each committed batch of a batched import. */
  onCheckpoint?: (c: { line: number; records: number }) => void;
}

export interface ImportIssue {
  file: string;
  line: number;
  field: string;
  message: string;
}

export interface ImportSummary {
  file: string;
  kind: ImportKind;
  format: ImportFormat;
  fileHash: string;
  dryRun: boolean;
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** False when nothing was written: rejects without skipInvalid, or a dry run. */
  imported: boolean;
  rejects: ImportIssue[];
  warnings: ImportIssue[];
}

interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

type Valid = { line: number; record: Talent | Project; given: boolean };

/** Renames record fields to the names a CSV file or a JSON Resume uses, for messages. */
function renamer(format: ImportFormat): (field: string) => string {
  if (format === 'csv')
    return (f) => {
      const top = (f.split(/[.[]/)[0] ?? f) as string;
      return CSV_COLUMN_OF[top] ?? top;
    };
  if (format === 'jsonresume')
    return (f) =>
      f
        .replace(/^missions\[(\d+)\]\.title/, 'work[$1].position')
        .replace(/^missions/, 'work')
        .replace(/^(name|email|phone)$/, 'basics.$1')
        .replace(/^headline$/, 'basics.label')
        .replace(
          /^(source|dailyCost|externalId|remote|industries|functions|availability|consentAt|retainUntil)/,
          'meta.vivier.$1',
        );
  return (f) => f;
}

const deriveId = (prefix: string, orgId: string, key: string): string =>
  `${prefix}-${createHash('sha256').update(`${orgId}\u0000${key}`).digest('hex').slice(0, 16)}`;

export class ImportService {
  constructor(
    private readonly store: Store,
    private readonly taxonomy: TaxonomyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private namesCache: { tax: Taxonomy; names: SkillNameIndex } | null = null;

  private async names(): Promise<LoadedTaxonomy & { names: SkillNameIndex }> {
    const loaded = await this.taxonomy.get();
    if (this.namesCache?.tax !== loaded.taxonomy)
      this.namesCache = { tax: loaded.taxonomy, names: buildSkillNameIndex(loaded.taxonomy) };
    return { ...loaded, names: this.namesCache.names };
  }

  /** Validates one decoded record: the record schema, then the taxonomy and the keys. */
  private validate(
    kind: ImportKind,
    decoded: Decoded,
    tax: Taxonomy,
    rename: (f: string) => string,
  ): { record: Talent | Project | null; given: boolean; issues: FieldIssue[] } {
    if (decoded.issues.length > 0) return { record: null, given: false, issues: decoded.issues };
    const issues: FieldIssue[] = [];
    if (kind === 'talents') {
      const r = TalentRecord.safeParse(decoded.value);
      if (!r.success) return { record: null, given: false, issues: fieldIssues(r.error, rename) };
      const t = r.data;
      const seen = new Set<string>();
      t.skills.forEach((s, i) => {
        if (!tax.byId.has(s.skillId))
          issues.push({ field: rename(`skills[${i}].skillId`), message: `unknown skill "${s.skillId}"` });
        else if (seen.has(s.skillId))
          issues.push({ field: rename(`skills[${i}].skillId`), message: `"${s.skillId}" is listed twice` });
        seen.add(s.skillId);
      });
      t.missions.forEach((m, i) =>
        m.skills.forEach((id, j) => {
          if (!tax.byId.has(id))
            issues.push({ field: rename(`missions[${i}].skills[${j}]`), message: `unknown skill "${id}"` });
        }),
      );
      if (t.id === undefined && t.externalId === null && t.email === null)
        issues.push({
          field: rename('externalId'),
          message: 'a record needs an id, an external id or an e-mail to be recognised on a later import',
        });
      if (issues.length > 0) return { record: null, given: false, issues };
      const talent: Talent = { ...t, id: t.id ?? '', email: t.email === null ? null : t.email.toLowerCase() };
      return { record: normalizeTalent(talent), given: t.id !== undefined, issues };
    }
    const r = ProjectRecord.safeParse(decoded.value);
    if (!r.success) return { record: null, given: false, issues: fieldIssues(r.error, rename) };
    const p = r.data;
    const seen = new Set<string>();
    p.requirements.forEach((q, i) => {
      if (!tax.byId.has(q.skillId))
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

  private records(
    source: ImportSource,
    chunks: AsyncIterable<Buffer>,
    options: ImportOptions,
    loaded: LoadedTaxonomy & { names: SkillNameIndex },
  ): AsyncIterable<RawRecord[]> {
    const { kind, format } = options;
    if (format === 'jsonl') return jsonlRecords(chunks, IMPORT_LIMITS.maxLineBytes, source.name);
    if (format === 'csv') {
      const talents = kind === 'talents';
      return csvRecords(chunks, {
        name: source.name,
        columns: talents ? TALENT_CSV_COLUMNS : PROJECT_CSV_COLUMNS,
        required: talents
          ? ['name', 'daily_cost', ...(options.source ? [] : ['source'])]
          : ['name', 'industry', 'business_function', 'archetype', 'start_date', 'end_date'],
        maxRecordBytes: IMPORT_LIMITS.maxLineBytes,
        decode: talents
          ? (row) => talentFromCsvRow(row, loaded.names, { source: options.source })
          : (row) => projectFromCsvRow(row, loaded.names),
      });
    }
    if (kind !== 'talents')
      throw new DomainError('unsupported', 'JSON Resume describes people: use it for talents', 'format');
    return resumeRecords(chunks, source.name, IMPORT_LIMITS.maxResumeBytes, (resume) =>
      talentFromJsonResume(resume, {
        tax: loaded.taxonomy,
        matcher: loaded.matcher,
        names: loaded.names,
        source: options.source,
      }),
    );
  }

  async import(source: ImportSource, options: ImportOptions): Promise<ImportSummary> {
    const orgId = options.orgId ?? DEFAULT_ORG;
    const batchSize = Math.max(1, options.batchSize ?? IMPORT_LIMITS.batchSize);
    const maxRows = options.maxRows ?? IMPORT_LIMITS.maxRows;
    const maxBytes = options.maxBytes ?? IMPORT_LIMITS.maxBytes;
    if (source.size !== null && source.size > maxBytes)
      throw new DomainError(
        'too_large',
        `${source.name}: ${source.size} bytes; the limit is ${maxBytes} bytes`,
        source.name,
      );
    const loaded = await this.names();
    const tax = loaded.taxonomy;
    const rename = renamer(options.format);
    const summary: ImportSummary = {
      file: source.name,
      kind: options.kind,
      format: options.format,
      fileHash: '',
      dryRun: options.dryRun ?? false,
      records: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      imported: false,
      rejects: [],
      warnings: [],
    };
    const report = (list: ImportIssue[], line: number, i: FieldIssue) => {
      if (list.length < IMPORT_LIMITS.maxReported)
        list.push({ file: source.name, line, field: i.field, message: i.message });
    };

    // ---- pass 1: read, validate, hash; keep the records when the file fits in one batch.
    const identity = source.identity?.();
    const hash = createHash('sha256');
    let bytes = 0;
    const total = source.size ?? 0;
    const progress = options.onProgress;
    let lastProgress = 0;
    const tapped = (async function* () {
      for await (const chunk of source.open()) {
        bytes += chunk.length;
        if (bytes > maxBytes)
          throw new DomainError(
            'too_large',
            `${source.name}: larger than the limit of ${maxBytes} bytes`,
            source.name,
          );
        hash.update(chunk);
        if (progress && bytes - lastProgress >= 1 << 22) {
          lastProgress = bytes;
          progress({ phase: 'validate', done: bytes, total: Math.max(total, bytes), unit: 'bytes' });
        }
        yield chunk;
      }
    })();
    const keys = new KeySet();
    const rejectedLines: number[] = [];
    let kept: Valid[] | null = [];
    let valid = 0;
    for await (const group of this.records(source, tapped, options, loaded)) {
      for (const { line, decoded } of group) {
        summary.records++;
        if (summary.records > maxRows)
          throw new DomainError(
            'too_large',
            `${source.name}: more than ${maxRows} records; the limit is ${maxRows}`,
            source.name,
          );
        for (const w of decoded.warnings) report(summary.warnings, line, w);
        const v = this.validate(options.kind, decoded, tax, rename);
        let issues = v.issues;
        if (v.record && issues.length === 0) {
          const dup = this.duplicateOf(keys, v.record, v.given, line, rename);
          if (dup) issues = [dup];
        }
        if (!v.record || issues.length > 0) {
          summary.rejected++;
          rejectedLines.push(line);
          for (const i of issues.slice(0, 3)) report(summary.rejects, line, i);
          continue;
        }
        valid++;
        if (kept) {
          kept.push({ line, record: v.record, given: v.given });
          if (kept.length > batchSize) kept = null;
        }
      }
    }
    // Small files show no progress at all; a large one ends its bar at 100 %.
    if (lastProgress > 0) progress?.({ phase: 'validate', done: bytes, total: bytes, unit: 'bytes' });
    summary.fileHash = hash.digest('hex');
    if (summary.rejected > 0 && !options.skipInvalid) return summary;

    // ---- pass 2: classify (dry run) or write.
    const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
    const at = this.clock.now();
    const actor = options.actor ?? 'cli';
    const finish = () => {
      summary.inserted = counts.inserted;
      summary.updated = counts.updated;
      summary.unchanged = counts.unchanged;
      summary.rejected += counts.rejected;
      return summary;
    };
    const onBatchRejects = (issues: { line: number; issue: FieldIssue }[]) => {
      for (const r of issues) report(summary.rejects, r.line, r.issue);
    };

    if (summary.dryRun) {
      const batches = kept ? [kept] : this.revalidated(source, options, loaded, rejectedLines, 0, batchSize);
      for await (const batch of batches)
        onBatchRejects(await this.processBatch(this.store, orgId, batch, counts, at, false, options.format));
      return finish();
    }

    const auditDetail = (extra: Record<string, unknown>) => ({
      file: source.name,
      fileHash: summary.fileHash,
      format: options.format,
      ...extra,
    });

    if (kept) {
      const batch = kept;
      await this.store.transaction(async (tx) => {
        onBatchRejects(await this.processBatch(tx, orgId, batch, counts, at, true, options.format));
        await this.audit.record(tx, {
          orgId,
          actor,
          action: `${options.kind}.import`,
          entityType: 'import',
          entityId: summary.fileHash,
          detail: auditDetail({
            ...counts,
            records: summary.records,
            rejected: summary.rejected + counts.rejected,
          }),
        });
      });
      summary.imported = true;
      return finish();
    }

    // Batched: resume from a checkpoint of this very file, or refuse to silently start over.
    const checkpoint = await this.store.imports.getCheckpoint(orgId, options.kind, summary.fileHash);
    let after = 0;
    if (checkpoint) {
      if (options.restart) await this.store.imports.deleteCheckpoint(orgId, options.kind, summary.fileHash);
      else if (options.resume) {
        after = checkpoint.lastLine;
        counts.inserted = checkpoint.inserted;
        counts.updated = checkpoint.updated;
        counts.unchanged = checkpoint.unchanged;
      } else
        throw new DomainError(
          'conflict',
          `${source.name}: an interrupted import of this file committed up to line ${checkpoint.lastLine}; run again with --resume to go on, or --restart to start over`,
          source.name,
        );
    }
    if (identity !== undefined && source.identity?.() !== identity)
      throw new DomainError(
        'conflict',
        `${source.name}: the file changed while it was being imported`,
        source.name,
      );
    const startedAt = checkpoint && options.resume ? checkpoint.startedAt : at;
    let done = counts.inserted + counts.updated + counts.unchanged;
    let pending: Valid[] | null = null;
    const commit = async (batch: Valid[], last: boolean) => {
      const lastLine = batch.length > 0 ? (batch[batch.length - 1] as Valid).line : after;
      await this.store.transaction(async (tx) => {
        const before = { ...counts };
        onBatchRejects(await this.processBatch(tx, orgId, batch, counts, at, true, options.format));
        const cp: ImportCheckpoint = {
          orgId,
          kind: options.kind,
          fileHash: summary.fileHash,
          fileName: source.name,
          lastLine,
          records: counts.inserted + counts.updated + counts.unchanged,
          inserted: counts.inserted,
          updated: counts.updated,
          unchanged: counts.unchanged,
          rejected: summary.rejected + counts.rejected,
          startedAt,
          updatedAt: this.clock.now(),
        };
        if (last) await tx.imports.deleteCheckpoint(orgId, options.kind, summary.fileHash);
        else await tx.imports.saveCheckpoint(cp);
        await this.audit.record(tx, {
          orgId,
          actor,
          action: `${options.kind}.import.batch`,
          entityType: 'import',
          entityId: summary.fileHash,
          detail: auditDetail({
            lastLine,
            inserted: counts.inserted - before.inserted,
            updated: counts.updated - before.updated,
            unchanged: counts.unchanged - before.unchanged,
            complete: last,
          }),
        });
      });
      done += batch.length;
      if (lastProgress > 0) progress?.({ phase: 'write', done, total: valid, unit: 'rows' });
      if (!last) options.onCheckpoint?.({ line: lastLine, records: done });
    };
    // Hold one batch back so that the last one commits together with the removal of the checkpoint.
    for await (const batch of this.revalidated(source, options, loaded, rejectedLines, after, batchSize)) {
      if (pending) await commit(pending, false);
      pending = batch;
    }
    await commit(pending ?? [], true);
    if (identity !== undefined && source.identity?.() !== identity)
      throw new DomainError(
        'conflict',
        `${source.name}: the file changed while it was being imported`,
        source.name,
      );
    summary.imported = true;
    return finish();
  }

  /** A second pass: the valid records after line `after`, in batches (rejected lines were found in pass 1). */
  private async *revalidated(
    source: ImportSource,
    options: ImportOptions,
    loaded: LoadedTaxonomy & { names: SkillNameIndex },
    rejectedLines: readonly number[],
    after: number,
    batchSize: number,
  ): AsyncGenerator<Valid[]> {
    const rename = renamer(options.format);
    let r = 0;
    let batch: Valid[] = [];
    for await (const group of this.records(source, source.open(), options, loaded)) {
      for (const { line, decoded } of group) {
        while (r < rejectedLines.length && (rejectedLines[r] as number) < line) r++;
        if (rejectedLines[r] === line || line <= after) continue;
        const v = this.validate(options.kind, decoded, loaded.taxonomy, rename);
        if (!v.record)
          throw new DomainError(
            'conflict',
            `${source.name}:${line}: the file changed while it was being imported`,
            source.name,
          );
        batch.push({ line, record: v.record, given: v.given });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Records the keys of a record; a key already used by an earlier line of the file is a reject. */
  private duplicateOf(
    keys: KeySet,
    record: Talent | Project,
    given: boolean,
    line: number,
    rename: (f: string) => string,
  ): FieldIssue | null {
    const candidates: [string, string][] = [];
    if (record.externalId !== null) candidates.push(['externalId', `x\u0000${record.externalId}`]);
    if ('email' in record && record.email !== null) candidates.push(['email', `e\u0000${record.email}`]);
    if (given) candidates.push(['id', `i\u0000${record.id}`]);
    for (const [field, key] of candidates) {
      const first = keys.add(key, line);
      if (first !== 0)
        return {
          field: rename(field),
          message: `same ${field === 'externalId' ? 'external id' : field} as line ${first}`,
        };
    }
    return null;
  }

  /** Matches a batch to stored records, counts, and writes the new and the changed ones. */
  private async processBatch(
    store: Store,
    orgId: string,
    batch: readonly Valid[],
    counts: Counts,
    at: string,
    write: boolean,
    format: ImportFormat,
  ): Promise<{ line: number; issue: FieldIssue }[]> {
    const csv = format === 'csv';
    if (batch.length === 0) return [];
    const talents = 'source' in (batch[0] as Valid).record;
    const keys = { ids: [] as string[], externalIds: [] as string[], emails: [] as string[] };
    for (const v of batch) {
      const r = v.record;
      if (r.externalId !== null) keys.externalIds.push(r.externalId);
      if ('email' in r && r.email !== null) keys.emails.push(r.email);
      if (v.given) keys.ids.push(r.id);
    }
    const rows: KeyRow[] = talents
      ? await store.imports.findTalentKeys(orgId, keys)
      : await store.imports.findProjectKeys(orgId, { ...keys, emails: [] });
    const byExternal = new Map<string, string>();
    const byEmail = new Map<string, string>();
    const byId = new Set<string>();
    for (const r of rows) {
      byId.add(r.id);
      if (r.externalId !== null) byExternal.set(r.externalId, r.id);
      if (r.email !== null) {
        const held = byEmail.get(r.email);
        if (held === undefined || r.id < held) byEmail.set(r.email, r.id);
      }
    }
    const rejects: { line: number; issue: FieldIssue }[] = [];
    const targets: { v: Valid; id: string; existing: boolean }[] = [];
    const taken = new Map<string, number>();
    for (const v of batch) {
      const r = v.record;
      const email = 'email' in r ? r.email : null;
      const matched =
        (r.externalId !== null ? byExternal.get(r.externalId) : undefined) ??
        (email !== null ? byEmail.get(email) : undefined) ??
        (v.given && byId.has(r.id) ? r.id : undefined);
      const id =
        matched ??
        (v.given
          ? r.id
          : deriveId(
              talents ? 'tal' : 'prj',
              orgId,
              r.externalId !== null ? `x:${r.externalId}` : `e:${email}`,
            ));
      const first = taken.get(id);
      if (first !== undefined) {
        counts.rejected++;
        rejects.push({
          line: v.line,
          issue: { field: 'id', message: `designates the same record as line ${first}` },
        });
        continue;
      }
      taken.set(id, v.line);
      targets.push({ v, id, existing: matched !== undefined });
    }
    const existingIds = targets.filter((t) => t.existing).map((t) => t.id);
    const toWrite: (Talent | Project)[] = [];
    if (talents) {
      const stored = new Map((await store.imports.getTalents(orgId, existingIds)).map((t) => [t.id, t]));
      for (const t of targets) {
        const old = stored.get(t.id);
        const incoming = { ...(t.v.record as Talent), id: t.id };
        const rec = csv && old ? normalizeTalent(mergeCsvTalent(old, incoming)) : incoming;
        if (!old) counts.inserted++;
        else if (sameTalent(old, rec)) {
          counts.unchanged++;
          continue;
        } else counts.updated++;
        toWrite.push(rec);
      }
      if (write) await store.imports.writeTalents(orgId, toWrite as Talent[], at, new Set(existingIds));
    } else {
      for (const t of targets) {
        const old = t.existing ? await store.projects.get(orgId, t.id) : null;
        const incoming = { ...(t.v.record as Project), id: t.id };
        const rec = csv && old ? mergeCsvProject(old, incoming, at.slice(0, 10)) : incoming;
        if (!old) counts.inserted++;
        else if (sameProject(old, rec)) {
          counts.unchanged++;
          continue;
        } else counts.updated++;
        toWrite.push(rec);
      }
      if (write) await store.projects.upsertMany(orgId, toWrite as Project[], at);
    }
    return rejects;
  }
}

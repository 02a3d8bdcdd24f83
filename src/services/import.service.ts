/**
 * Imports of talents and projects from JSON Lines (the native format), CSV and JSON Resume.
 *
 * Every record is read, validated (a file with rejected records is not imported unless `skipInvalid`) and
 * recognised by external id, then e-mail (talents), then id; a record whose content equals the stored one
 * is "unchanged" and not written, so importing the same file again changes nothing. Two ways to write:
 *
 * - **Streamed** (the default): one pass, one transaction. Records are matched and written as they are read
 *   (SUB_BATCH at a time) in a transaction that commits once the whole file is read without a reject: a bad
 *   line at the end rolls the whole file back, an interrupted import leaves nothing and is run again. A
 *   large JSON Lines file of talents is read in a worker thread (import-line-worker.ts) while this thread
 *   writes: on two cores the reading and the writing overlap. docs/decisions/0007-streamed-imports.md.
 * - **Batched** (`batchSize`, `resume`, `restart`): two passes. The first reads and validates every record
 *   (and hashes the bytes) without writing, keeping the valid ones (in memory for a small source, else in a
 *   spool file, import-spool.ts, talents in their packed stored form). The second writes them in batches
 *   of `batchSize`, each in one transaction together with a checkpoint row (file hash, last committed line,
 *   counts): an interrupted import leaves whole batches only, and `resume` goes on after the last
 *   committed line; the checkpoint is removed in the last batch's transaction. For files too large to
 *   redo, or when other writers must not wait for a whole file.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { talentLineOfBytes } from '../contract/packed-fields.js';
import type { PackedLine } from '../contract/talent-line.js';
import { SkillTable } from '../contract/talent-line-bytes.js';
import { DomainError } from '../core/errors.js';
import { normalizeTalent, sameProject, sameTalent } from '../core/import/canonical.js';
import { packTalent, samePacked, unpackTalent, type PackedTalentRow } from '../core/import/packed-talent.js';
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
import type { Decoded, FieldIssue } from '../core/import/types.js';
import type { Project, Talent } from '../core/model.js';
import type { Taxonomy } from '../core/taxonomy/types.js';
import type { AuditService } from './audit.service.js';
import type { Clock } from './clock.js';
import {
  csvRecords,
  jsonlRecords,
  resumeRecords,
  type ImportSource,
  type RawRecord,
} from './import-readers.js';
import {
  fromFields,
  isTalent,
  toFields,
  toValid,
  validateProject,
  validateTalent,
  type Valid,
  type ValidProject,
  type ValidTalent,
} from './import-records.js';
import { LineReaders } from './import-line-worker.js';
import { Spool } from './import-spool.js';
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
  /** Records per transaction in a batched import (`resume`/`restart` without a `batchSize`). */
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
  /**
   * Worker threads reading a JSON Lines file of talents (import-line-worker.ts); 0: read in this thread.
   * Default: for a file of WORKER_MIN_BYTES or more, one per core, at least one, at most MAX_READERS.
   */
  readerWorkers?: number;
  /** Bytes a block of the reader workers (tests cut small blocks to put lines across their edges). */
  readerBlockBytes?: number;
  /** Called after each committed batch of a batched import. */
  onCheckpoint?: (c: { line: number; records: number }) => void;
  /**
   * Sources of at most this many bytes keep their valid records in memory between the two passes; larger
   * ones (and sources of unknown size) spool them to a temporary file. Default KEEP_BYTES (4 MiB).
   */
  keepBytes?: number;
  /**
   * Streamed imports of sources of this many bytes or more (or of unknown size) run as a bulk transaction
   * (Store.transaction's `bulk`: on SQLite, a rollback journal when no other connection is open).
   * Default BULK_BYTES (8 MiB).
   */
  bulkBytes?: number;
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

/**
 * JSON Lines files of talents from this size are read in a worker thread: starting one costs tens of
 * milliseconds compiled (about a second under tsx), what ≈ 2,000 profiles take to read.
 */
const WORKER_MIN_BYTES = 8 * 1024 ** 2;
/**
 * Reader workers at most. On two cores two readers beside the writer beat one (the writer waited on a single
 * reader); past a few, the one writer is the limit.
 */
const MAX_READERS = 3;
const defaultReaders = () => Math.min(MAX_READERS, Math.max(1, availableParallelism()));

/**
 * Streamed imports from this size write in a bulk transaction: below it (about 2,000 profiles) the gain is a
 * few milliseconds, and other connections would wait for nothing.
 */
const BULK_BYTES = 8 * 1024 ** 2;
/** Sources up to this size keep their valid records in memory between the passes; larger ones spool them. */
const KEEP_BYTES = 4 * 1024 ** 2;

/**
 * Records matched and written together within a batch. A batch of 5,000 read whole from the spool was
 * held across several young-generation collections and promoted, which cost more GC than its own work.
 */
const SUB_BATCH = 250;
/**
 * Records a group holds when nothing is looked up (a first import into an empty organization). Groups of
 * 250 are kept where keys are looked up (decision 0007: a lookup of 1,000 e-mails planned as a scan on
 * PostgreSQL); without lookups, fewer and larger COPYs: a million talents into PostgreSQL at
 * 28,130–28,792/s against 26,232–27,206/s in groups of 250 (alternated runs), SQLite unchanged.
 */
const FIRST_LOAD_GROUP = 1_000;
/**
 * Takes a valid record; a promise only when it writes (once a group is full), so that the reader awaits
 * once a group, not once a record.
 */
type OnValid = (item: Valid) => Promise<void> | undefined;

/** Takes records from a sequence of groups, any number at a time. */
class Feed {
  private group: Valid[] = [];
  private at = 0;

  constructor(private readonly groups: AsyncIterator<Valid[]>) {}

  /** The next `n` records, fewer only when the sequence ends. */
  async take(n: number): Promise<Valid[]> {
    const out: Valid[] = [];
    while (out.length < n) {
      if (this.at >= this.group.length) {
        const r = await this.groups.next();
        if (r.done) break;
        this.group = r.value;
        this.at = 0;
        continue;
      }
      const k = Math.min(n - out.length, this.group.length - this.at);
      for (let i = 0; i < k; i++) out.push(this.group[this.at + i] as Valid);
      this.at += k;
    }
    return out;
  }
}

/** The lines of the spooled records, in order (4 bytes each), to count those left after a checkpoint. */
class LineList {
  private lines = new Int32Array(1024);
  private size = 0;

  push(line: number): void {
    if (this.size === this.lines.length) {
      const bigger = new Int32Array(this.lines.length * 2);
      bigger.set(this.lines);
      this.lines = bigger;
    }
    this.lines[this.size++] = line;
  }

  countAbove(line: number): number {
    let n = 0;
    for (let i = 0; i < this.size; i++) if ((this.lines[i] as number) > line) n++;
    return n;
  }
}

/** Adds an issue to a summary's list, up to IMPORT_LIMITS.maxReported (all are counted elsewhere). */
function reportIssue(list: ImportIssue[], file: string, line: number, i: FieldIssue): void {
  if (list.length < IMPORT_LIMITS.maxReported) list.push({ file, line, field: i.field, message: i.message });
}

/** The keys the records of a file have used so far, one set per kind (no prefixed copy of each key). */
class FileKeys {
  readonly externalIds = new KeySet();
  readonly emails = new KeySet();
  readonly ids = new KeySet();
}

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

/** The byte-level fast path's skill table, built once per taxonomy. */
const skillTables = new WeakMap<Taxonomy, SkillTable>();
function skillTableOf(tax: Taxonomy): SkillTable {
  let t = skillTables.get(tax);
  if (!t) skillTables.set(tax, (t = new SkillTable([...tax.byId.keys()])));
  return t;
}

/** Rows an import writes from which it refreshes the planner's statistics (ImportStore.refreshStatistics). */
const ANALYZE_AFTER_ROWS = 10_000;

const deriveId = (prefix: string, orgId: string, key: string): string =>
  `${prefix}-${createHash('sha256').update(`${orgId}\u0000${key}`).digest('hex').slice(0, 16)}`;

export class ImportService {
  constructor(
    private readonly store: Store,
    private readonly taxonomy: TaxonomyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Validates one decoded record: the record schema, then the taxonomy and the keys. */
  private validate(
    kind: ImportKind,
    decoded: Decoded,
    tax: Taxonomy,
    rename: (f: string) => string,
  ): { record: Talent | Project | null; given: boolean; issues: FieldIssue[] } {
    return kind === 'talents'
      ? validateTalent(decoded, tax.byId, rename)
      : validateProject(decoded, tax.byId, rename);
  }

  private records(
    source: ImportSource,
    chunks: AsyncIterable<Buffer>,
    options: ImportOptions,
    loaded: LoadedTaxonomy,
  ): AsyncIterable<RawRecord<PackedLine>[]> {
    const { kind, format } = options;
    if (format === 'jsonl')
      // Talent lines as this application writes them are checked and packed in one pass over their bytes
      // (talent-line-bytes.ts).
      return jsonlRecords(
        chunks,
        IMPORT_LIMITS.maxLineBytes,
        source.name,
        kind === 'talents' ? talentLineOfBytes(skillTableOf(loaded.taxonomy)) : undefined,
      );
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
    const maxRows = options.maxRows ?? IMPORT_LIMITS.maxRows;
    const maxBytes = options.maxBytes ?? IMPORT_LIMITS.maxBytes;
    if (source.size !== null && source.size > maxBytes)
      throw new DomainError(
        'too_large',
        `${source.name}: ${source.size} bytes; the limit is ${maxBytes} bytes`,
        source.name,
      );
    const loaded = await this.taxonomy.get();
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
    const report = (list: ImportIssue[], line: number, i: FieldIssue) =>
      reportIssue(list, source.name, line, i);
    // Batches with checkpoints (two passes) when asked for, or to go on with / drop an interrupted one.
    const batched = options.batchSize !== undefined || options.resume === true || options.restart === true;
    // A large file of talents in JSON Lines is read in a worker thread, beside the writes (import-line-worker.ts).
    const inWorker =
      options.format === 'jsonl' &&
      options.kind === 'talents' &&
      source.path !== undefined &&
      source.size !== null &&
      (options.readerWorkers === undefined ? source.size >= WORKER_MIN_BYTES : options.readerWorkers > 0);

    // ---- reading: read, validate, hash; each valid record goes to `onValid`, each reject to `onReject`.
    const identity = source.identity?.();
    const hash = createHash('sha256');
    let bytes = 0;
    const total = source.size ?? 0;
    const progress = options.onProgress;
    // A streamed import writes as it reads: its one phase is the write, in bytes of the file.
    const readPhase: ImportProgress['phase'] = !batched && !summary.dryRun ? 'write' : 'validate';
    let lastProgress = 0;
    const tapped = (async function* () {
      // JSON Lines is read into one reused buffer (readLines copies what it keeps); CSV and JSON Resume
      // readers may hold on to chunks, so they get fresh ones.
      const chunks = options.format === 'jsonl' && source.openReusing ? source.openReusing() : source.open();
      for await (const chunk of chunks) {
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
          progress({ phase: readPhase, done: bytes, total: Math.max(total, bytes), unit: 'bytes' });
        }
        yield chunk;
      }
    })();
    const keys = new FileKeys();
    /**
     * Every skill the kept talents hold: rows are written as packed here, and have their skills checked
     * against the taxonomy per transaction from this set (a few hundred ids, not 20 a talent).
     */
    const skills = new Set<string>();
    let valid = 0;
    /** Counts a record read (non-blank line); past the limit the import stops. */
    const counted = () => {
      summary.records++;
      if (summary.records > maxRows)
        throw new DomainError(
          'too_large',
          `${source.name}: more than ${maxRows} records; the limit is ${maxRows}`,
          source.name,
        );
    };
    /** Whether a valid record is to be kept (not once a reject has doomed the file). */
    const keeping = () => {
      valid++;
      return summary.rejected === 0 || options.skipInvalid === true;
    };
    /** The records of `groups`, checked: each valid one to `onValid`, each invalid one to `reject`. */
    const readGroups = async (
      groups: AsyncIterable<RawRecord<PackedLine>[]>,
      onValid: OnValid,
      reject: (line: number, issues: readonly FieldIssue[]) => Promise<void>,
    ) => {
      for await (const group of groups) {
        for (const raw of group) {
          const line = raw.line;
          counted();
          if (raw.prepared) {
            // Checked and packed by the reader: only the keys are left to check against earlier lines.
            const { id, packed, skillIds } = raw.prepared;
            // Before the key check: the worker reader sends each skill once, with whichever record first
            // held it. The taxonomy's own string: an id cut from the line may keep the whole line alive.
            for (const s of skillIds) if (!skills.has(s)) skills.add(tax.byId.get(s)?.id ?? s);
            const dup = this.duplicateKeys(keys, packed.externalId, packed.email, id ?? null, line, rename);
            if (dup) {
              await reject(line, [dup]);
              continue;
            }
            if (!keeping()) continue;
            const writing = onValid({ line, given: id !== undefined, id: id ?? '', packed });
            if (writing) await writing;
            continue;
          }
          const decoded = raw.decoded;
          for (const w of decoded.warnings) report(summary.warnings, line, w);
          const v = this.validate(options.kind, decoded, tax, rename);
          let issues = v.issues;
          if (v.record && issues.length === 0) {
            const r = v.record;
            const dup = this.duplicateKeys(
              keys,
              r.externalId,
              'email' in r ? r.email : null,
              v.given ? r.id : null,
              line,
              rename,
            );
            if (dup) issues = [dup];
          }
          if (!v.record || issues.length > 0) {
            await reject(line, issues);
            continue;
          }
          if (!keeping()) continue;
          if ('skills' in v.record) for (const s of v.record.skills) skills.add(s.skillId);
          const writing = onValid(toValid(line, v.given, v.record));
          if (writing) await writing;
        }
      }
    };
    const read = async (onValid: OnValid, onReject: () => Promise<void>): Promise<void> => {
      const reject = async (line: number, issues: readonly FieldIssue[]) => {
        summary.rejected++;
        for (const i of issues.slice(0, 3)) report(summary.rejects, line, i);
        await onReject();
      };
      const worker = inWorker
        ? new LineReaders(
            {
              path: source.path as string,
              name: source.name,
              size: source.size ?? 0,
              maxLineBytes: IMPORT_LIMITS.maxLineBytes,
              maxBytes,
              skills: [...tax.byId.keys()],
              readers: options.readerWorkers ?? defaultReaders(),
              blockBytes: options.readerBlockBytes,
            },
            (done) => {
              lastProgress = done;
              progress?.({ phase: readPhase, done, total: Math.max(total, done), unit: 'bytes' });
            },
          )
        : null;
      try {
        await readGroups(
          worker ? worker.groups() : this.records(source, tapped, options, loaded),
          onValid,
          reject,
        );
        if (worker) ({ bytes, hash: summary.fileHash } = worker.result);
        else summary.fileHash = hash.digest('hex');
      } finally {
        worker?.close();
      }
      // Small files show no progress at all; a large one ends its bar at 100 %.
      if (lastProgress > 0) progress?.({ phase: readPhase, done: bytes, total: bytes, unit: 'bytes' });
    };
    const unchangedFile = () => {
      if (identity !== undefined && source.identity?.() !== identity)
        throw new DomainError(
          'conflict',
          `${source.name}: the file changed while it was being imported`,
          source.name,
        );
    };

    if (!batched) return this.streamed(source, options, orgId, summary, read, unchangedFile, skills);

    // ---- batched, pass 1: keep the valid records (in memory up to one batch, else spooled).
    const batchSize = Math.max(1, options.batchSize ?? IMPORT_LIMITS.batchSize);
    // A source that may be large is spooled from its first record: keeping thousands of records in
    // memory first would teach V8 that what this pass allocates survives (allocation-site pretenuring), and
    // every record after them would then be allocated straight into the old generation (measured: a third
    // more CPU for the whole import, most of it in garbage collection).
    const large = source.size === null || source.size > (options.keepBytes ?? KEEP_BYTES);
    let kept: Valid[] | null = large ? null : [];
    let spool: Spool | null = null;
    const spooledLines = new LineList();
    try {
      if (large) spool = await Spool.create();
      await read(
        async (item) => {
          if (kept) {
            kept.push(item);
            if (kept.length > batchSize) {
              spool = await Spool.create();
              for (const k of kept) {
                await spool.append(toFields(k));
                spooledLines.push(k.line);
              }
              kept = null;
            }
          } else if (spool) {
            await spool.append(toFields(item));
            spooledLines.push(item.line);
          }
        },
        async () => {
          if (!options.skipInvalid && (kept || spool)) {
            // This file will not be written: stop keeping its records, go on reporting.
            kept = null;
            await spool?.close();
            spool = null;
          }
        },
      );
      if (summary.rejected > 0 && !options.skipInvalid) return summary;
      unchangedFile();
      return await this.write(
        source,
        options,
        orgId,
        batchSize,
        summary,
        kept,
        spool,
        spooledLines,
        valid,
        skills,
        () => (lastProgress > 0 ? progress : undefined),
      );
    } finally {
      await spool?.close();
    }
  }

  /**
   * One pass, one transaction: each valid record is matched and written as it is read, SUB_BATCH at a time,
   * inside a transaction that commits only once the whole file has been read without a reject (or with
   * `skipInvalid`): all or nothing, and nothing is read twice or kept between passes. An interrupted import
   * leaves nothing behind and is simply run again. A dry run matches the same way and writes nothing.
   */
  private async streamed(
    source: ImportSource,
    options: ImportOptions,
    orgId: string,
    summary: ImportSummary,
    read: (onValid: OnValid, onReject: () => Promise<void>) => Promise<void>,
    unchangedFile: () => void,
    skills: Set<string>,
  ): Promise<ImportSummary> {
    const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
    const at = this.clock.now();
    // Stored ids designated by a record of the file (a hash set: a million ids would be ≈ 100 MB as strings).
    const taken = new KeySet();
    const doomed = () => (summary.rejected > 0 || counts.rejected > 0) && options.skipInvalid !== true;
    const bulk = source.size === null || source.size >= (options.bulkBytes ?? BULK_BYTES);
    const run = async (store: Store, write: boolean) => {
      // The first import into an empty organization has nothing to match: no key lookups (a query a
      // group). On SQLite the transaction's snapshot makes it certain (a writer committing meanwhile fails
      // this transaction's first write); on PostgreSQL a concurrent import could add a record meanwhile,
      // which the lookups, taking no lock, would not exclude either.
      const stored =
        (options.kind === 'talents' ? await store.talents.count(orgId) : await store.projects.count(orgId)) >
        0;
      const elsewhere = await store.imports.heldElsewhere(orgId, options.kind);
      // A large first load into an empty pool builds its secondary keys once at the end (decision 0010).
      // Nothing is stored, so no lookup needs them meanwhile.
      const rebuild =
        write && bulk && options.kind === 'talents' && !stored ? await store.imports.deferTalentKeys() : null;
      const groupSize = stored ? SUB_BATCH : FIRST_LOAD_GROUP;
      let group: Valid[] = [];
      const flush = async () => {
        const g = group;
        group = [];
        for (const r of await this.processBatch(
          store,
          orgId,
          g,
          counts,
          at,
          write,
          options.format,
          taken,
          skills,
          stored,
          elsewhere,
          // PostgreSQL stores a group while the next is read and matched.
          true,
        ))
          reportIssue(summary.rejects, source.name, r.line, r.issue);
      };
      await read(
        (item) => {
          if (doomed()) return;
          group.push(item);
          return group.length >= groupSize ? flush() : undefined;
        },
        async () => {
          if (doomed()) group = [];
        },
      );
      if (!doomed() && group.length > 0) await flush();
      await store.imports.settleWrites();
      if (!doomed()) await rebuild?.();
    };
    const finish = (imported: boolean) => {
      summary.rejected += counts.rejected;
      // A file with rejects changes nothing, dry run or not (as in a batched import): no partial counts.
      if (doomed()) return summary;
      summary.inserted = counts.inserted;
      summary.updated = counts.updated;
      summary.unchanged = counts.unchanged;
      summary.imported = imported;
      return summary;
    };
    if (summary.dryRun) {
      await run(this.store, false);
      return finish(false);
    }
    const rolledBack = new Error('rolled back: the file has rejected records');
    const asBulk = { bulk };
    try {
      await this.store.transaction(async (tx) => {
        await run(tx, true);
        if (doomed()) throw rolledBack;
        unchangedFile();
        // This file is in whole now: an interrupted batched import of it has nothing left to resume.
        await tx.imports.deleteCheckpoint(orgId, options.kind, summary.fileHash);
        await this.audit.record(tx, {
          orgId,
          actor: options.actor ?? 'cli',
          action: `${options.kind}.import`,
          entityType: 'import',
          entityId: summary.fileHash,
          detail: {
            file: source.name,
            fileHash: summary.fileHash,
            format: options.format,
            ...counts,
            records: summary.records,
            rejected: summary.rejected + counts.rejected,
          },
        });
      }, asBulk);
    } catch (e) {
      if (e !== rolledBack) throw e;
      return finish(false);
    }
    await this.refreshStatistics(options.kind, counts);
    return finish(true);
  }

  /** Pass 2: classify (dry run) or write the valid records of pass 1. */
  private async write(
    source: ImportSource,
    options: ImportOptions,
    orgId: string,
    batchSize: number,
    summary: ImportSummary,
    kept: Valid[] | null,
    spool: Spool | null,
    spooledLines: LineList,
    valid: number,
    skills: Set<string>,
    progressOf: () => ImportOptions['onProgress'],
  ): Promise<ImportSummary> {
    const report = (line: number, i: FieldIssue) => reportIssue(summary.rejects, source.name, line, i);
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
    /** The kept records after line `after`, in order. */
    const feed = (after: number): Feed =>
      new Feed(
        (async function* () {
          if (kept) {
            const rest = kept.filter((v) => v.line > after);
            if (rest.length > 0) yield rest;
            return;
          }
          for await (const group of spool?.read(SUB_BATCH) ?? []) {
            const rest = group.map(fromFields).filter((v) => v.line > after);
            if (rest.length > 0) yield rest;
          }
        })(),
      );
    const remaining = (after: number) =>
      kept ? kept.filter((v) => v.line > after).length : spooledLines.countAbove(after);
    // Read once: a record another organization adds during the import with one of this file's ids is
    // refused by the writers at the latest (an error; nothing of the other organization is overwritten).
    const elsewhere = await this.store.imports.heldElsewhere(orgId, options.kind);
    /**
     * One batch: `size` records taken from `records`, processed SUB_BATCH at a time (what is read from the
     * spool dies young instead of being held for the whole batch) but matched as one batch (`taken`).
     */
    const runBatch = async (store: Store, records: Feed, size: number, write: boolean) => {
      const taken = new KeySet();
      let lastLine = 0;
      for (let left = size; left > 0;) {
        const group = await records.take(Math.min(SUB_BATCH, left));
        if (group.length === 0) break;
        left -= group.length;
        lastLine = (group[group.length - 1] as Valid).line;
        for (const r of await this.processBatch(
          store,
          orgId,
          group,
          counts,
          at,
          write,
          options.format,
          taken,
          skills,
          true,
          elsewhere,
        ))
          report(r.line, r.issue);
      }
      return lastLine;
    };

    if (summary.dryRun) {
      const records = feed(0);
      for (let left = remaining(0); left > 0; left -= batchSize)
        await runBatch(this.store, records, Math.min(batchSize, left), false);
      return finish();
    }

    const auditDetail = (extra: Record<string, unknown>) => ({
      file: source.name,
      fileHash: summary.fileHash,
      format: options.format,
      ...extra,
    });

    if (valid <= batchSize) {
      await this.store.transaction(async (tx) => {
        await runBatch(tx, feed(0), valid, true);
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
      await this.refreshStatistics(options.kind, counts);
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
    const startedAt = checkpoint && options.resume ? checkpoint.startedAt : at;
    const progress = progressOf();
    let done = counts.inserted + counts.updated + counts.unchanged;
    const records = feed(after);
    // The last batch commits together with the removal of the checkpoint (a file with nothing left to
    // write still commits that, in one empty batch).
    let left = remaining(after);
    do {
      const size = Math.min(batchSize, left);
      left -= size;
      const last = left === 0;
      let lastLine = after;
      await this.store.transaction(async (tx) => {
        const before = { ...counts };
        lastLine = (await runBatch(tx, records, size, true)) || after;
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
      done += size;
      progress?.({ phase: 'write', done, total: valid, unit: 'rows' });
      if (!last) options.onCheckpoint?.({ line: lastLine, records: done });
      after = lastLine;
    } while (left > 0);
    summary.imported = true;
    await this.refreshStatistics(options.kind, counts);
    return finish();
  }

  /** After an import that wrote ANALYZE_AFTER_ROWS rows or more: the planner's statistics refreshed. */
  private async refreshStatistics(kind: ImportKind, counts: Counts): Promise<void> {
    if (counts.inserted + counts.updated < ANALYZE_AFTER_ROWS) return;
    // The rows are committed: statistics left stale (autovacuum refreshes them in time) are no reason to
    // report the import as failed.
    await this.store.imports.refreshStatistics(kind).catch(() => undefined);
  }

  /** Records the keys of a record; a key already used by an earlier line of the file is a reject. */
  private duplicateKeys(
    keys: FileKeys,
    externalId: string | null,
    email: string | null,
    givenId: string | null,
    line: number,
    rename: (f: string) => string,
  ): FieldIssue | null {
    // In this order, each recorded until one was used before (as one list of keys would be).
    let field = '';
    let first = 0;
    if (externalId !== null && (first = keys.externalIds.add(externalId, line)) !== 0) field = 'externalId';
    else if (email !== null && (first = keys.emails.add(email, line)) !== 0) field = 'email';
    else if (givenId !== null && (first = keys.ids.add(givenId, line)) !== 0) field = 'id';
    if (first === 0) return null;
    return {
      field: rename(field),
      message: `same ${field === 'externalId' ? 'external id' : field} as line ${first}`,
    };
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
    /** Stored ids already designated by a record of this batch (or file), and by which line. */
    taken: KeySet,
    /** Every skill the import's talents hold (see import()); CSV merges add those they keep. */
    skills: Set<string>,
    /** False when the organization held no record of this kind when the transaction began. */
    stored = true,
    /** False when no other organization held a record of this kind (ImportStore.heldElsewhere). */
    elsewhere = true,
    /** The write may still be running on return (see ImportStore.writePackedTalents); the caller settles. */
    defer = false,
  ): Promise<{ line: number; issue: FieldIssue }[]> {
    if (batch.length === 0) return [];
    const talents = isTalent(batch[0] as Valid);
    const keyOf = (v: Valid) =>
      isTalent(v)
        ? { id: v.id, externalId: v.packed.externalId, email: v.packed.email }
        : { id: v.project.id, externalId: v.project.externalId, email: null };
    const keys = { ids: [] as string[], externalIds: [] as string[], emails: [] as string[] };
    for (const v of batch) {
      const k = keyOf(v);
      if (k.externalId !== null) keys.externalIds.push(k.externalId);
      if (k.email !== null) keys.emails.push(k.email);
      if (v.given) keys.ids.push(k.id);
    }
    const rows: KeyRow[] = !stored
      ? []
      : talents
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
    const designated = batch.map((v) => {
      const k = keyOf(v);
      const matched =
        (k.externalId !== null ? byExternal.get(k.externalId) : undefined) ??
        (k.email !== null ? byEmail.get(k.email) : undefined) ??
        (v.given && byId.has(k.id) ? k.id : undefined);
      const id =
        matched ??
        (v.given
          ? k.id
          : deriveId(
              talents ? 'tal' : 'prj',
              orgId,
              k.externalId !== null ? `x:${k.externalId}` : `e:${k.email}`,
            ));
      return { id, matched: matched !== undefined };
    });
    // Ids are unique across organizations: a new record must not take another organization's id (its
    // row would be overwritten, or this one silently not written). Asked only when another one holds any.
    const fresh = elsewhere ? designated.filter((d) => !d.matched).map((d) => d.id) : [];
    const foreign =
      fresh.length > 0
        ? new Set(await store.imports.idsHeldElsewhere(orgId, talents ? 'talents' : 'projects', fresh))
        : null;
    for (let i = 0; i < batch.length; i++) {
      const v = batch[i] as Valid;
      const { id, matched } = designated[i] as { id: string; matched: boolean };
      if (foreign?.has(id)) {
        counts.rejected++;
        rejects.push({
          line: v.line,
          issue: { field: 'id', message: `"${id}" belongs to another organization` },
        });
        continue;
      }
      const first = taken.add(id, v.line);
      if (first !== 0) {
        counts.rejected++;
        rejects.push({
          line: v.line,
          issue: { field: 'id', message: `designates the same record as line ${first}` },
        });
        continue;
      }
      targets.push({ v, id, existing: matched });
    }
    const existingIds = targets.filter((t) => t.existing).map((t) => t.id);
    if (talents) {
      const toWrite = await this.classifyTalents(store, orgId, targets, existingIds, counts, format, skills);
      // Into a table empty when the transaction began, every row is new: the writer need not look them up.
      const fresh = !stored && !elsewhere;
      if (write) await store.imports.writePackedTalents(orgId, toWrite, at, skills, { defer, fresh });
    } else {
      const toWrite: Project[] = [];
      for (const t of targets) {
        const old = t.existing ? await store.projects.get(orgId, t.id) : null;
        const incoming = { ...(t.v as ValidProject).project, id: t.id };
        const rec = format === 'csv' && old ? mergeCsvProject(old, incoming, at.slice(0, 10)) : incoming;
        if (!old) counts.inserted++;
        else if (sameProject(old, rec)) {
          counts.unchanged++;
          continue;
        } else counts.updated++;
        toWrite.push(rec);
      }
      if (write) await store.projects.upsertMany(orgId, toWrite, at);
    }
    return rejects;
  }

  /**
   * Counts a batch of talents as inserted, updated or unchanged; returns those to write, packed. An
   * unchanged record is found by comparing packed forms (text equality, no unpacking); when the texts
   * differ the talents are compared field by field, since a stored row packed by an earlier version
   * (migration 0005) may spell the same content differently. New and changed records are written as the
   * first pass packed them; only a CSV row merged with the stored talent is packed again.
   */
  private async classifyTalents(
    store: Store,
    orgId: string,
    targets: readonly { v: Valid; id: string; existing: boolean }[],
    existingIds: readonly string[],
    counts: Counts,
    format: ImportFormat,
    skills: Set<string>,
  ): Promise<PackedTalentRow[]> {
    const stored = existingIds.length > 0 ? await store.imports.getPackedTalents(orgId, existingIds) : null;
    const toWrite: PackedTalentRow[] = [];
    for (const t of targets) {
      const { packed } = t.v as ValidTalent;
      const old = stored?.get(t.id);
      if (!old) {
        counts.inserted++;
        toWrite.push({ id: t.id, packed });
        continue;
      }
      if (format === 'csv') {
        // A CSV row keeps what CSV has no column for (missions, a skill's years and evidence text).
        const was = unpackTalent(t.id, old);
        const rec = normalizeTalent(mergeCsvTalent(was, unpackTalent(t.id, packed)));
        if (sameTalent(was, rec)) counts.unchanged++;
        else {
          counts.updated++;
          for (const s of rec.skills) skills.add(s.skillId);
          toWrite.push({ id: t.id, packed: packTalent(rec) });
        }
        continue;
      }
      if (samePacked(old, packed)) {
        counts.unchanged++;
        continue;
      }
      if (sameTalent(unpackTalent(t.id, old), unpackTalent(t.id, packed))) counts.unchanged++;
      else {
        counts.updated++;
        toWrite.push({ id: t.id, packed });
      }
    }
    return toWrite;
  }
}

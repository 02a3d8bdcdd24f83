/**
 * Reading a large JSON Lines file of talents in a worker thread, beside the thread that writes them.
 *
 * The first half of an import's CPU is reading: hashing the bytes, decoding each line and checking and
 * packing it (talent-line.ts); the other half is matching and writing the rows. On two cores the halves
 * overlap: the worker (import-line.worker.ts) reads the file itself and runs the very reader the import
 * runs in one thread (`jsonlRecords` with `packTalentLine`), and sends its records in order, in groups:
 * a packed record as its fields in one string (FIELD_SEP between fields), a record the fast path left
 * alone as the reader decoded it (the full path words its errors here, as in one thread). Each group the
 * consumer takes sends back a credit; the worker stops when `inFlight` groups are out, so it never runs
 * more than a few groups ahead (memory stays bounded whatever the file).
 *
 * The worker also hashes the bytes (the file hash keys checkpoints and the audit) and enforces the byte
 * limit; the consumer counts records, checks keys and writes, exactly as with the in-thread reader.
 */
import { Worker } from 'node:worker_threads';
import type { PackedLine } from '../contract/talent-line.js';
import { DomainError, type DomainErrorCode } from '../core/errors.js';
import type { PackedTalent } from '../core/import/packed-talent.js';
import type { Decoded } from '../core/import/types.js';
import type { RawRecord } from './import-readers.js';

/** Groups the worker may have sent and the consumer not yet taken. */
const IN_FLIGHT = 4;

/** Between the fields of a packed record. The fast path admits no control character in any token. */
export const FIELD_SEP = '\u0000';
/** A null field. */
export const NULL_FIELD = '\u0001';

/** What the worker is started with. */
export interface LineWorkerData {
  path: string;
  name: string;
  maxLineBytes: number;
  maxBytes: number;
  /** The taxonomy's skill ids (what `packTalentLine` checks skills against). */
  skills: string[];
  inFlight: number;
  /** Under tsx (TypeScript sources): the worker module, loaded by src/tsx-worker.boot.mjs. */
  module?: string;
}

/** Records of consecutive lines, in order. */
export interface EncodedGroup {
  lines: number[];
  /** Per record: as the reader decoded it (the full path's), or null for the next packed record. */
  decoded: (Decoded | null)[];
  /** The packed records' fields (FIELDS of them each), joined by FIELD_SEP. */
  packed: string;
  /** Skill ids no earlier record of the file held (every skill of the file is sent once). */
  newSkills: string[];
}

export type LineWorkerMessage =
  | { group: EncodedGroup }
  | { progress: number }
  | { end: { hash: string; bytes: number } }
  | { error: { code: DomainErrorCode | null; message: string; field?: string } };

/** The fields of a packed record, in their order in EncodedGroup.packed. */
const FIELDS = [
  'externalId',
  'source',
  'name',
  'email',
  'phone',
  'headline',
  'occupationId',
  'location',
  'remote',
  'dailyCost',
  'consentAt',
  'retainUntil',
  'languages',
  'industries',
  'functions',
  'skills',
  'availability',
  'missions',
] as const satisfies readonly (keyof PackedTalent)[];
/** The id, then FIELDS. */
const RECORD_FIELDS = 1 + FIELDS.length;

const field = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? NULL_FIELD : typeof v === 'number' ? String(v) : v;

/** A packed record's fields, appended to `out` (joined by the caller). */
export function encodePacked(p: PackedLine, out: string[]): void {
  out.push(field(p.id));
  const t = p.packed;
  for (const f of FIELDS) out.push(field(t[f]));
}

const text = (s: string): string | null => (s === NULL_FIELD ? null : s);

/** A group's records, as the in-thread reader would have given them. */
export function decodeGroup(group: EncodedGroup): RawRecord<PackedLine>[] {
  const parts = group.packed === '' ? [] : group.packed.split(FIELD_SEP);
  const out: RawRecord<PackedLine>[] = [];
  let at = 0;
  let newSkills: string[] = group.newSkills;
  for (let i = 0; i < group.lines.length; i++) {
    const line = group.lines[i] as number;
    const decoded = group.decoded[i];
    if (decoded) {
      out.push({ line, decoded });
      continue;
    }
    const f = (k: number) => parts[at + k] as string;
    const id = f(0);
    const packed: PackedTalent = {
      externalId: text(f(1)),
      source: f(2) as PackedTalent['source'],
      name: f(3),
      email: text(f(4)),
      phone: text(f(5)),
      headline: f(6),
      occupationId: text(f(7)),
      location: f(8),
      remote: f(9) as PackedTalent['remote'],
      dailyCost: Number(f(10)),
      consentAt: text(f(11)),
      retainUntil: text(f(12)),
      languages: f(13),
      industries: f(14),
      functions: f(15),
      skills: f(16),
      availability: f(17),
      missions: f(18),
    };
    at += RECORD_FIELDS;
    // The group's new skills ride on its first packed record: the import adds a record's skill ids to
    // the set it checks against the taxonomy, whatever becomes of the record.
    out.push({
      line,
      decoded: null,
      prepared: { id: id === NULL_FIELD ? undefined : id, packed, skillIds: newSkills },
    });
    newSkills = NO_SKILLS;
  }
  return out;
}

const NO_SKILLS: string[] = [];

/** The consumer's side: groups in order, the file's hash and size at the end. */
export class LineWorker {
  private readonly worker: Worker;
  private readonly queue: LineWorkerMessage[] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private ended: { hash: string; bytes: number } | null = null;

  constructor(
    data: Omit<LineWorkerData, 'inFlight' | 'module'>,
    private readonly onProgress: (bytes: number) => void,
  ) {
    const full: LineWorkerData = { ...data, inFlight: IN_FLIGHT };
    // Compiled (dist/), the worker is the .js beside this module; from the TypeScript sources a tiny .mjs
    // registers tsx first (worker threads do not inherit the parent's loader).
    if (import.meta.url.endsWith('.js'))
      this.worker = new Worker(new URL('./import-line.worker.js', import.meta.url), { workerData: full });
    else {
      full.module = new URL('./import-line.worker.ts', import.meta.url).href;
      this.worker = new Worker(new URL('../tsx-worker.boot.mjs', import.meta.url), { workerData: full });
    }
    this.worker.on('message', (m: LineWorkerMessage) => {
      if ('progress' in m) this.onProgress(m.progress);
      else this.queue.push(m);
      this.wake?.();
    });
    this.worker.on('error', (e: Error) => {
      this.failure ??= e;
      this.wake?.();
    });
    this.worker.on('exit', (code) => {
      this.failure ??= new Error(
        `the import reader worker stopped (exit code ${code}) before the file's end`,
      );
      this.wake?.();
    });
  }

  /** The file's records, in groups, in order. */
  async *groups(): AsyncGenerator<RawRecord<PackedLine>[]> {
    for (;;) {
      while (this.queue.length === 0) {
        if (this.failure) throw this.failure;
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
      }
      const m = this.queue.shift() as LineWorkerMessage;
      if ('end' in m) {
        this.ended = m.end;
        return;
      }
      if ('error' in m) {
        const e = m.error;
        throw e.code ? new DomainError(e.code, e.message, e.field) : new Error(e.message);
      }
      if ('group' in m) {
        this.worker.postMessage(1);
        yield decodeGroup(m.group);
      }
    }
  }

  /** The sha256 (hex) and size of the file, once `groups` has ended. */
  get result(): { hash: string; bytes: number } {
    if (!this.ended) throw new Error('the import reader worker has not finished');
    return this.ended;
  }

  close(): void {
    void this.worker.terminate();
  }
}

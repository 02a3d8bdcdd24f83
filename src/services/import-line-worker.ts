/**
 * Reading a large JSON Lines file of talents in worker threads, beside the thread that writes them.
 *
 * The larger part of an import's CPU is reading: hashing the bytes, decoding each line and checking and
 * packing it (talent-line.ts); the rest is matching and writing the rows, which one thread must do (one
 * writer). So the readers are workers (import-line.worker.ts), each running the very reader an in-thread
 * import runs (`jsonlRecords` with the byte-level `packTalentBytes`) on its share of the file: the file is
 * cut into blocks (BLOCK_BYTES), dealt round-robin, and the consumer takes them back in order, block after
 * block, numbering lines from the counts of the blocks before. Packed records travel as the bytes the fast
 * path wrote, in a buffer transferred with the group; a record the fast path left alone, as the reader
 * decoded it (the full path words its errors here, as in one thread). Each group taken sends its reader a
 * credit; a reader stops when IN_FLIGHT groups are out, so none runs more than a few blocks ahead (memory
 * stays bounded).
 *
 * Reader 0 also hashes the whole file in order (the file hash keys checkpoints and the audit) and enforces
 * the byte limit; the consumer counts records, checks keys and writes, exactly as with the in-thread reader.
 */
import { packedLineAt } from '../contract/packed-fields.js';
import type { PackedLine } from '../contract/talent-line.js';
import { RECORD_FIELDS } from '../contract/talent-line-bytes.js';
import { DomainError, type DomainErrorCode } from '../core/errors.js';
import type { Decoded } from '../core/import/types.js';
import { WorkerInbox } from '../worker-inbox.js';
import type { RawRecord } from './import-readers.js';

/** Groups a reader may have sent and the consumer not yet taken. */
const IN_FLIGHT = 4;
/**
 * Bytes a block: ≈ 270 profiles, a group or two. Small enough that a reader's window of IN_FLIGHT groups
 * spans blocks of its own ahead of the one the consumer is taking, so the readers work at once.
 */
export const BLOCK_BYTES = 1 << 20;
/** Progress is told every this many bytes. */
const PROGRESS_BYTES = 1 << 22;

/** What the worker is started with. */
export interface LineWorkerData {
  path: string;
  /** The file's size when the import started: the blocks are cut from it. */
  size: number;
  /** This reader's number, and how many there are: reader i takes blocks i, i + readers, … */
  index: number;
  readers: number;
  blockBytes: number;
  name: string;
  maxLineBytes: number;
  maxBytes: number;
  /** The taxonomy's skill ids (the fast path's SkillTable, in this order). */
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
  /**
   * The packed records' fields (RECORD_FIELDS each) as talent-line-bytes.ts wrote them, and the end of each
   * field: their own buffers, transferred, not copied, to the consumer.
   */
  bytes: Uint8Array;
  ends: Int32Array;
  /** Skill ids no earlier record of the file held (every skill of the file is sent once). */
  newSkills: string[];
}

export type LineWorkerMessage =
  | { group: EncodedGroup }
  /** The end of a block, with the number of lines it holds (blank ones included). */
  | { blockEnd: { block: number; lines: number } }
  /** The reader has no block left; reader 0 gives the file's hash and size. */
  | { end: { hash: string; bytes: number } | null }
  | {
      error: {
        code: DomainErrorCode | null;
        message: string;
        field?: string;
        /** An error about a line: its number as the block's reader counted it, to be made the file's. */
        at?: { line: number; shift: number };
      };
    };

/** A group's records, as the in-thread reader would have given them (`before`: lines of earlier blocks). */
export function decodeGroup(group: EncodedGroup, before = 0): RawRecord<PackedLine>[] {
  const bytes = Buffer.from(group.bytes.buffer, group.bytes.byteOffset, group.bytes.byteLength);
  const out: RawRecord<PackedLine>[] = [];
  let k = 0;
  let newSkills: string[] = group.newSkills;
  for (let i = 0; i < group.lines.length; i++) {
    const line = before + (group.lines[i] as number);
    const decoded = group.decoded[i];
    if (decoded) {
      out.push({ line, decoded });
      continue;
    }
    // The group's new skills ride on its first packed record: the import adds a record's skill ids to
    // the set it checks against the taxonomy, whatever becomes of the record.
    out.push({ line, decoded: null, prepared: packedLineAt(bytes, group.ends, k, newSkills) });
    k += RECORD_FIELDS;
    newSkills = NO_SKILLS;
  }
  return out;
}

const NO_SKILLS: string[] = [];

/** One reader worker: its messages in order, and credits back. */
class Reader {
  private readonly inbox: WorkerInbox<LineWorkerMessage>;

  constructor(data: LineWorkerData) {
    this.inbox = new WorkerInbox(import.meta.url, 'import-line.worker', data, 'an import reader worker');
  }

  next(): Promise<LineWorkerMessage> {
    return this.inbox.next();
  }

  credit(): void {
    this.inbox.worker.postMessage(1);
  }

  close(): void {
    this.inbox.close();
  }
}

/** The consumer's side: the file's records in order, its hash and size at the end. */
export class LineReaders {
  private readonly readers: Reader[] = [];
  private ended: { hash: string; bytes: number } | null = null;

  constructor(
    private readonly data: Pick<
      LineWorkerData,
      'path' | 'name' | 'size' | 'maxLineBytes' | 'maxBytes' | 'skills'
    > & {
      readers: number;
      blockBytes?: number;
    },
    private readonly onProgress: (bytes: number) => void,
  ) {
    const blockBytes = data.blockBytes ?? BLOCK_BYTES;
    for (let index = 0; index < data.readers; index++)
      this.readers.push(new Reader({ ...data, blockBytes, index, inFlight: IN_FLIGHT }));
  }

  /** The file's records, in groups, in order. */
  async *groups(): AsyncGenerator<RawRecord<PackedLine>[]> {
    const blockBytes = this.data.blockBytes ?? BLOCK_BYTES;
    let before = 0;
    let told = 0;
    blocks: for (let b = 0; ; b++) {
      const reader = this.readers[b % this.readers.length] as Reader;
      for (;;) {
        const m = await reader.next();
        if ('group' in m) {
          reader.credit();
          yield decodeGroup(m.group, before);
        } else if ('blockEnd' in m) {
          before += m.blockEnd.lines;
          const done = Math.min(this.data.size, (b + 1) * blockBytes);
          if (done - told >= PROGRESS_BYTES) this.onProgress((told = done));
          break;
        } else if ('end' in m) {
          if (m.end) this.ended = m.end;
          break blocks;
        } else throw this.failure(m.error, before);
      }
    }
    // Reader 0 ends last: it hashes the file to its end after its last block.
    while (!this.ended) {
      const m = await (this.readers[0] as Reader).next();
      if ('end' in m) this.ended = m.end;
      else if ('error' in m) throw this.failure(m.error, before);
    }
  }

  /** A reader's error as the in-thread reader would have thrown it (its line the file's). */
  private failure(e: Extract<LineWorkerMessage, { error: unknown }>['error'], before: number): Error {
    if (!e.code) return new Error(e.message);
    if (!e.at) return new DomainError(e.code, e.message, e.field);
    const name = this.data.name;
    const line = before + e.at.line - e.at.shift;
    return new DomainError(
      e.code,
      e.message.replace(`${name}:${e.at.line}:`, `${name}:${line}:`),
      `${name}:${line}`,
    );
  }

  /** The sha256 (hex) and size of the file, once `groups` has ended. */
  get result(): { hash: string; bytes: number } {
    if (!this.ended) throw new Error('the import reader workers have not finished');
    return this.ended;
  }

  close(): void {
    for (const r of this.readers) r.close();
  }
}

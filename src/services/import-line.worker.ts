/**
 * One of the import's talent line readers, run in a worker thread (see import-line-worker.ts). The file is
 * cut into blocks of `blockBytes`; reader `index` of `readers` takes blocks index, index + readers, … . A
 * block holds the lines that start in it: it begins after the first newline at or after its first byte
 * minus one, and ends with the newline of the last line starting in it. Each block's lines go through the
 * same reader and fast path as an in-thread import (`jsonlRecords`, `packTalentBytes`), numbered from 1
 * within the block; the consumer adds the lines of the blocks before. Reader 0 also hashes the whole file,
 * in order, as it goes. At most `inFlight` groups are out at a time.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { FieldOut, packTalentBytes, SkillTable } from '../contract/talent-line-bytes.js';
import { DomainError } from '../core/errors.js';
import type { Decoded } from '../core/import/types.js';
import { jsonlRecords } from './import-readers.js';
import type { EncodedGroup, LineWorkerData, LineWorkerMessage } from './import-line-worker.js';

const port = parentPort;
if (!port) throw new Error('import-line.worker.ts runs as a worker thread only');
const data = workerData as LineWorkerData;

/** Records a message holds at most: fewer messages for the same work. */
const RECORDS_PER_MESSAGE = 256;
const NEWLINE = 0x0a;

let credits = data.inFlight;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});

const post = (m: LineWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

async function send(group: EncodedGroup): Promise<void> {
  while (credits === 0) {
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
  credits--;
  post({ group }, [group.bytes.buffer as ArrayBuffer, group.ends.buffer as ArrayBuffer]);
}

/** Reads `length` bytes at `position` (fewer at the end of the file). */
async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

/** Reader 0's running hash of the file, fed in order up to a position. */
class FileHash {
  private readonly hash = createHash('sha256');
  private readonly buf = Buffer.allocUnsafe(1 << 20);
  bytes = 0;

  constructor(private readonly fh: FileHandle) {}

  /** Hashes up to `end` (Infinity: to the end of the file, even past the size it had at the start). */
  async upTo(end: number): Promise<void> {
    while (this.bytes < end) {
      const want = Math.min(this.buf.length, end - this.bytes);
      const { bytesRead } = await this.fh.read(this.buf, 0, want, this.bytes);
      if (bytesRead === 0) return;
      this.bytes += bytesRead;
      if (this.bytes > data.maxBytes)
        throw new DomainError(
          'too_large',
          `${data.name}: larger than the limit of ${data.maxBytes} bytes`,
          data.name,
        );
      this.hash.update(this.buf.subarray(0, bytesRead));
    }
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * The bytes of block `b`'s lines, and how many lines it holds. A block after the first starts with the
 * newline before its first line (so a first line starting with a byte-order mark keeps it, as it would in
 * one thread): that empty line is numbered 1, so its lines are `shift` ahead; null when no line starts in it.
 */
async function block(
  fh: FileHandle,
  b: number,
): Promise<{ bytes: Buffer; lines: number; shift: number } | null> {
  const from = b * data.blockBytes;
  const to = Math.min(data.size, from + data.blockBytes);
  const at = b === 0 ? 0 : from - 1;
  // The block, and room for its last line to end; read more while it does not.
  let buf = await readAt(fh, at, to - at + (1 << 16));
  let start = 0;
  if (b > 0) {
    start = buf.indexOf(NEWLINE);
    // Its first line starts after that newline, and must start before the next block.
    if (start < 0 || at + start + 1 >= to) return null;
  }
  let end = buf.indexOf(NEWLINE, Math.max(start + 1, to - 1 - at));
  while (end < 0 && buf.length < to - at + data.maxLineBytes + 2) {
    const more = await readAt(fh, at + buf.length, 1 << 16);
    if (more.length === 0) break;
    const searched = buf.length;
    buf = Buffer.concat([buf, more]);
    end = buf.indexOf(NEWLINE, searched);
  }
  const bytes = buf.subarray(start, end < 0 ? buf.length : end + 1);
  let lines = 0;
  for (let i = bytes.indexOf(NEWLINE); i >= 0; i = bytes.indexOf(NEWLINE, i + 1)) lines++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE) lines++;
  // The leading newline of a later block is a line of its own, not one of the file's.
  return { bytes, lines: b > 0 ? lines - 1 : lines, shift: b > 0 ? 1 : 0 };
}

async function* once(buf: Buffer): AsyncGenerator<Buffer> {
  yield buf;
}

const table = new SkillTable(data.skills);
/** Skills (by their index in `table`) sent already: each crosses once, with the first record holding it. */
const seen = new Uint8Array(data.skills.length);
/** The packed records of the group being filled. */
const out = new FieldOut();
let newSkills: string[] = [];

/** The byte-level fast path, writing into `out`; the record's new skills noted. */
function prepare(buf: Buffer, start: number, end: number): true | null {
  if (!packTalentBytes(buf, start, end, table, out)) return null;
  for (let i = 0; i < out.skillCount; i++) {
    const k = out.skills[i] as number;
    if (seen[k] === 0) {
      seen[k] = 1;
      newSkills.push(table.ids[k] as string);
    }
  }
  return true;
}

/** Reads block `b`, sends its records in groups, then its line count. */
async function readBlock(fh: FileHandle, b: number): Promise<void> {
  const got = await block(fh, b);
  if (!got) {
    post({ blockEnd: { block: b, lines: 0 } });
    return;
  }
  const { shift } = got;
  let lines: number[] = [];
  let decoded: (Decoded | null)[] = [];
  const flush = async () => {
    if (lines.length === 0) return;
    // Copies of the used parts: their buffers are transferred, `out` is reused.
    const group: EncodedGroup = {
      lines,
      decoded,
      bytes: out.bytes.slice(0, out.used),
      ends: out.ends.slice(0, out.fields),
      newSkills,
    };
    lines = [];
    decoded = [];
    newSkills = [];
    out.reset();
    await send(group);
  };
  try {
    const records = jsonlRecords<true>(once(got.bytes), data.maxLineBytes, data.name, prepare);
    for await (const group of records) {
      for (const r of group) {
        lines.push(r.line - shift);
        decoded.push(r.prepared ? null : r.decoded);
      }
      if (lines.length >= RECORDS_PER_MESSAGE) await flush();
    }
  } catch (e) {
    // The block's records before the failure first: the consumer meets them in file order.
    await flush();
    const line =
      e instanceof DomainError && e.field?.startsWith(`${data.name}:`)
        ? Number(e.field.slice(data.name.length + 1))
        : NaN;
    throw Object.assign(e as Error, {
      blockLine: Number.isInteger(line) ? { line, shift } : undefined,
    });
  }
  await flush();
  post({ blockEnd: { block: b, lines: got.lines } });
}

const fh = await open(data.path, 'r');
try {
  const hash = data.index === 0 ? new FileHash(fh) : null;
  for (let b = data.index; b * data.blockBytes < data.size; b += data.readers) {
    // Reader 0 hashes ahead of what it reads: up to the end of the blocks the others read meanwhile.
    await hash?.upTo((b + data.readers) * data.blockBytes);
    await readBlock(fh, b);
  }
  await hash?.upTo(Infinity);
  post({ end: hash ? { hash: hash.digest(), bytes: hash.bytes } : null });
} catch (e) {
  const at = (e as { blockLine?: { line: number; shift: number } }).blockLine;
  post({
    error:
      e instanceof DomainError
        ? { code: e.code, message: e.message, field: e.field, at }
        : { code: null, message: e instanceof Error ? e.message : String(e) },
  });
} finally {
  await fh.close();
}

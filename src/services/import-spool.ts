/**
 * The records an import validated in its first pass, kept on disk for its second: a file of length-prefixed
 * fields, written and read back in order, 1 MiB at a time. Reading them back costs a fraction of parsing
 * and validating the source again (JSON.parse and the record checks are most of an import's CPU), and what
 * the second pass writes is by construction what the first pass validated and hashed.
 *
 * The file lives in the system's temporary directory and is unlinked as soon as it is open (where the
 * system allows it), so an import killed with -9 leaves nothing behind; otherwise it is removed on close.
 *
 * A record is a list of fields, each a string, a number or null:
 *   u16 field count, then per field: 0x00 (null) | 0x01 u32 length + UTF-16LE code units (string) |
 *   0x02 f64 (number)
 * Strings are kept as UTF-16, V8's own representation: writing and reading them is a copy, where UTF-8
 * costs a transcoding each way (3.5 times the CPU for the French text of a profile), for twice the bytes.
 */
import { mkdtemp, open, rm, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type SpoolField = string | number | null;

const CHUNK = 1 << 20;
const NULL = 0;
const STRING = 1;
const NUMBER = 2;

export class Spool {
  private buf = Buffer.allocUnsafe(CHUNK);
  private at = 0;
  private written = 0;
  private removed = false;
  /** Records appended so far. */
  count = 0;

  private constructor(
    private readonly fh: FileHandle,
    private readonly dir: string,
    private readonly path: string,
  ) {}

  static async create(): Promise<Spool> {
    const dir = await mkdtemp(join(tmpdir(), 'vivier-import-'));
    const path = join(dir, 'records.spool');
    const fh = await open(path, 'w+');
    const spool = new Spool(fh, dir, path);
    try {
      await unlink(path);
      await rm(dir, { recursive: true, force: true });
      spool.removed = true;
    } catch {
      // A system that cannot unlink an open file (Windows): removed by close() instead.
    }
    return spool;
  }

  async append(fields: readonly SpoolField[]): Promise<void> {
    const need = encodedSize(fields);
    if (this.at + need > this.buf.length) {
      await this.flush();
      if (need > this.buf.length) this.buf = Buffer.allocUnsafe(need);
    }
    this.at = encodeInto(this.buf, this.at, fields);
    this.count++;
  }

  private async flush(): Promise<void> {
    if (this.at === 0) return;
    await this.fh.write(this.buf, 0, this.at, this.written);
    this.written += this.at;
    this.at = 0;
  }

  /** Every record appended, in order, in groups of at most `size`. Call once all are appended. */
  async *read(size: number): AsyncGenerator<SpoolField[][]> {
    await this.flush();
    let carry: Buffer | null = null;
    let position = 0;
    let group: SpoolField[][] = [];
    while (position < this.written) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, this.written - position));
      const { bytesRead } = await this.fh.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const data: Buffer = carry
        ? Buffer.concat([carry, chunk.subarray(0, bytesRead)])
        : chunk.subarray(0, bytesRead);
      let at = 0;
      for (;;) {
        const end = recordEnd(data, at);
        if (end < 0) break;
        group.push(decode(data, at));
        at = end;
        if (group.length >= size) {
          yield group;
          group = [];
        }
      }
      carry = at < data.length ? Buffer.from(data.subarray(at)) : null;
    }
    if (carry) throw new Error('import spool: truncated record');
    if (group.length > 0) yield group;
  }

  async close(): Promise<void> {
    await this.fh.close();
    if (!this.removed) await rm(this.dir, { recursive: true, force: true });
  }
}

/** Where the record starting at `at` ends, or -1 when `data` does not hold all of it. */
function recordEnd(data: Buffer, at: number): number {
  if (at + 2 > data.length) return -1;
  const n = data.readUInt16LE(at);
  at += 2;
  for (let i = 0; i < n; i++) {
    if (at + 1 > data.length) return -1;
    const tag = data[at++];
    if (tag === NUMBER) at += 8;
    else if (tag === STRING) {
      if (at + 4 > data.length) return -1;
      at += 4 + data.readUInt32LE(at);
    }
    if (at > data.length) return -1;
  }
  return at;
}

function decode(data: Buffer, at: number): SpoolField[] {
  const n = data.readUInt16LE(at);
  at += 2;
  const out = new Array<SpoolField>(n);
  for (let i = 0; i < n; i++) {
    const tag = data[at++];
    if (tag === NULL) out[i] = null;
    else if (tag === NUMBER) {
      out[i] = data.readDoubleLE(at);
      at += 8;
    } else {
      const len = data.readUInt32LE(at);
      out[i] = data.toString('utf16le', at + 4, at + 4 + len);
      at += 4 + len;
    }
  }
  return out;
}

/** Bytes a record may take (strings counted at their UTF-16 size). */
function encodedSize(fields: readonly SpoolField[]): number {
  let need = 2;
  for (const f of fields) need += typeof f === 'string' ? 5 + 2 * f.length : 9;
  return need;
}

/** Writes a record into `buf` at `at` (room for encodedSize(fields) bytes); returns where it ends. */
function encodeInto(buf: Buffer, at: number, fields: readonly SpoolField[]): number {
  buf.writeUInt16LE(fields.length, at);
  at += 2;
  for (const f of fields) {
    if (f === null) buf[at++] = NULL;
    else if (typeof f === 'number') {
      buf[at++] = NUMBER;
      buf.writeDoubleLE(f, at);
      at += 8;
    } else {
      buf[at] = STRING;
      const n = buf.write(f, at + 5, 'utf16le');
      buf.writeUInt32LE(n, at + 1);
      at += 5 + n;
    }
  }
  return at;
}

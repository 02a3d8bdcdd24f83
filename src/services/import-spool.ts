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
 *   u32 record bytes, u16 field count, per field 0x00 (null) | 0x01 u32 length (string) | 0x02 f64 (number),
 *   then the text of every string field, one after the other, as UTF-16LE code units.
 * Strings are kept as UTF-16, V8's own representation: writing and reading them is a copy, where UTF-8
 * costs a transcoding each way (3.5 times the CPU for the French text of a profile), for twice the bytes.
 * And a record's strings are one text: read back with one copy, then cut (substring costs no copy), where a
 * read per field cost three times as much.
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
    // One buffer, refilled in place: the unread tail of a read moves to its front (records are decoded
    // into strings, so nothing refers to the buffer once a record is read).
    let data = Buffer.allocUnsafe(CHUNK);
    let have = 0;
    let position = 0;
    let group: SpoolField[][] = [];
    while (position < this.written) {
      if (have === data.length) {
        // A record larger than the buffer: a larger buffer.
        const bigger = Buffer.allocUnsafe(data.length * 2);
        data.copy(bigger, 0, 0, have);
        data = bigger;
      }
      const { bytesRead } = await this.fh.read(data, have, data.length - have, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      have += bytesRead;
      let at = 0;
      for (;;) {
        const end = recordEnd(data, at, have);
        if (end < 0) break;
        group.push(decode(data, at));
        at = end;
        if (group.length >= size) {
          yield group;
          group = [];
        }
      }
      if (at > 0) {
        data.copy(data, 0, at, have);
        have -= at;
      }
    }
    if (have > 0) throw new Error('import spool: truncated record');
    if (group.length > 0) yield group;
  }

  async close(): Promise<void> {
    await this.fh.close();
    if (!this.removed) await rm(this.dir, { recursive: true, force: true });
  }
}

/** Where the record starting at `at` ends, or -1 when the first `have` bytes of `data` do not hold it. */
function recordEnd(data: Buffer, at: number, have: number): number {
  if (at + 4 > have) return -1;
  const end = at + data.readUInt32LE(at);
  return end <= have ? end : -1;
}

function decode(data: Buffer, at: number): SpoolField[] {
  const end = at + data.readUInt32LE(at);
  const n = data.readUInt16LE(at + 4);
  at += 6;
  // The header first, to find where the text starts.
  let textStart = at;
  for (let i = 0; i < n; i++) {
    const tag = data[textStart++];
    textStart += tag === NUMBER ? 8 : tag === STRING ? 4 : 0;
  }
  const text = data.toString('utf16le', textStart, end);
  const out = new Array<SpoolField>(n);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const tag = data[at++];
    if (tag === NULL) out[i] = null;
    else if (tag === NUMBER) {
      out[i] = data.readDoubleLE(at);
      at += 8;
    } else {
      const len = data.readUInt32LE(at);
      at += 4;
      out[i] = text.substring(offset, offset + len);
      offset += len;
    }
  }
  return out;
}

/** Bytes a record may take. */
function encodedSize(fields: readonly SpoolField[]): number {
  let need = 6;
  for (const f of fields) need += typeof f === 'string' ? 5 + 2 * f.length : 9;
  return need;
}

/** Writes a record into `buf` at `at` (room for encodedSize(fields) bytes); returns where it ends. */
function encodeInto(buf: Buffer, start: number, fields: readonly SpoolField[]): number {
  buf.writeUInt16LE(fields.length, start + 4);
  let at = start + 6;
  let text = '';
  for (const f of fields) {
    if (f === null) buf[at++] = NULL;
    else if (typeof f === 'number') {
      buf[at++] = NUMBER;
      buf.writeDoubleLE(f, at);
      at += 8;
    } else {
      buf[at++] = STRING;
      buf.writeUInt32LE(f.length, at);
      at += 4;
      text += f;
    }
  }
  at += buf.write(text, at, 'utf16le');
  buf.writeUInt32LE(at - start, start);
  return at;
}

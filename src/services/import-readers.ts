/**
 * Reading import files as streams of records, each with the line it starts on: JSON Lines split by a
 * byte-level line splitter (bounded line length, exact line of invalid UTF-8), CSV through csv-parse
 * (`;` or `,` detected from the header, BOM or not, quoted cells across lines), and JSON Resume documents
 * (one object, or an array of them). Nothing here reads a file whole, except a JSON Resume document, which
 * has its own size limit.
 */
import { parse } from 'csv-parse';
import { isUtf8 } from 'node:buffer';
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { DomainError } from '../core/errors.js';
import { normalizeHeader } from '../core/import/csv-records.js';
import type { Decoded } from '../core/import/types.js';

export interface ImportSource {
  /** The file name shown in messages (`talents.csv:14: …`). */
  name: string;
  /** Bytes, when known before reading. */
  size: number | null;
  /** The content from its first byte; called once per pass over the file. */
  open(): AsyncIterable<Buffer>;
  /**
   * The same content in chunks that share one buffer: a chunk is valid until the next one is asked for.
   * For readers that copy what they keep (the JSON Lines reader does): no fresh memory per chunk, which
   * on a large file saves a page fault every 4 KiB read.
   */
  openReusing?(): AsyncIterable<Buffer>;
  /** The file's path, for a source read from a file (a worker thread may open it itself). */
  path?: string;
  /** Size and modification time: a file that changes between two passes is refused. */
  identity?(): string;
}

export function fileSource(path: string): ImportSource {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new DomainError('invalid_input', `${path}: not a file`, path);
    size = st.size;
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('not_found', `${path}: no such file`, path);
  }
  return {
    name: basename(path),
    path,
    size,
    open: () => createReadStream(path, { highWaterMark: 1 << 20 }),
    openReusing: async function* () {
      const fh = await open(path, 'r');
      try {
        const buf = Buffer.allocUnsafe(1 << 20);
        for (;;) {
          const { bytesRead } = await fh.read(buf, 0, buf.length, null);
          if (bytesRead === 0) return;
          yield buf.subarray(0, bytesRead);
        }
      } finally {
        await fh.close();
      }
    },
    identity: () => {
      const st = statSync(path);
      return `${st.size}:${st.mtimeMs}`;
    },
  };
}

export function textSource(name: string, content: string | Buffer): ImportSource {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    size: buf.length,
    open: async function* () {
      yield buf;
    },
  };
}

/**
 * A record read from a file: decoded (a candidate for validation), or already `prepared` by a fast path
 * the caller gave the reader (see jsonlRecords).
 */
export type RawRecord<F = never> =
  { line: number; decoded: Decoded; prepared?: undefined } | { line: number; decoded: null; prepared: F };

const issue = (field: string, message: string): Decoded => ({
  value: null,
  issues: [{ field, message }],
  warnings: [],
});

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A fast path tried on a line's bytes before it is decoded: buf[start, end) is the line, valid UTF-8, without
 * its newline or final CR. What it returns (not null) stands for the record; null leaves the line to the
 * full path (decoded, JSON.parse, the record check), which decides and words any reject.
 */
export type PrepareBytes<F> = (buf: Buffer, start: number, end: number) => F | null;

/** A line read: prepared by the fast path, or its text (null: not valid UTF-8). */
export interface Line<F> {
  line: number;
  text: string | null;
  prepared: F | null;
}
const NEWLINE = 0x0a;

/** A line of `buf` as text, or null when it is not valid UTF-8 (a final CR is dropped). */
function decodeLine(buf: Buffer, start: number, end: number): string | null {
  if (end > start && buf[end - 1] === 0x0d) end--;
  const text = buf.toString('utf8', start, end);
  if (text.includes('\ufffd')) {
    try {
      UTF8.decode(buf.subarray(start, end));
    } catch {
      return null;
    }
  }
  return text;
}

/**
 * Lines per group: enough to keep the per-group overhead (an await) negligible, few enough that the
 * records parsed from a group die young. A group per 1 MiB chunk (≈ 270 profiles) kept ≈ 4 MB of parsed
 * objects alive across each young-generation collection, which promoted them all and tripled GC time.
 */
const LINES_PER_GROUP = 64;

/**
 * Lines of a byte stream, in groups of at most LINES_PER_GROUP, decoded as the consumer asks for them.
 * A line longer than `maxLineBytes` is an error naming it; a UTF-8 BOM at the start is dropped.
 */
export async function* readLines<F = never>(
  chunks: AsyncIterable<Buffer>,
  maxLineBytes: number,
  name: string,
  prepareBytes?: PrepareBytes<F>,
): AsyncGenerator<Line<F>[]> {
  let carry: Buffer | null = null;
  let line = 0;
  let first = true;
  // Whether the bytes being split are valid UTF-8 (checked once a chunk): prepareBytes is only given those.
  let utf8 = false;
  // Decoded line 1 loses a BOM the first chunk did not hold whole (a first read of one or two bytes).
  const decode = (buf: Buffer, start: number, end: number): Line<F> => {
    if (prepareBytes && utf8) {
      const stop = end > start && buf[end - 1] === 0x0d ? end - 1 : end;
      // Line 1 starting with a byte-order mark is left to the text path, which drops it.
      if (line !== 1 || buf[start] !== 0xef) {
        const prepared = prepareBytes(buf, start, stop);
        if (prepared !== null) return { line, text: null, prepared };
      }
    }
    const text = decodeLine(buf, start, end);
    return {
      line,
      text: line === 1 && text?.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
      prepared: null,
    };
  };
  const tooLong = (at: number) =>
    new DomainError('too_large', `${name}:${at}: line is longer than ${maxLineBytes} bytes`, `${name}:${at}`);
  for await (const chunk0 of chunks) {
    let chunk = chunk0;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    let out: Line<F>[] = [];
    let start = 0;
    if (carry) {
      // Only the line that spans the two chunks is joined: copying whole chunks cost fresh memory (and
      // its page faults) for every chunk read.
      const nl = chunk.indexOf(NEWLINE);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        if (carry.length > maxLineBytes) throw tooLong(line + 1);
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
      carry = null;
      line++;
      if (joined.length > maxLineBytes) throw tooLong(line);
      utf8 = prepareBytes !== undefined && isUtf8(joined);
      out.push(decode(joined, 0, joined.length));
      start = nl + 1;
    }
    // One check for the chunk's whole lines (simdutf: far below the cost of a line's scan).
    utf8 = prepareBytes !== undefined && isUtf8(chunk.subarray(start, chunk.lastIndexOf(NEWLINE) + 1));
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl < 0) break;
      line++;
      if (nl - start > maxLineBytes) throw tooLong(line);
      out.push(decode(chunk, start, nl));
      start = nl + 1;
      if (out.length >= LINES_PER_GROUP) {
        yield out;
        out = [];
      }
    }
    if (start < chunk.length) {
      if (chunk.length - start > maxLineBytes) throw tooLong(line + 1);
      carry = Buffer.from(chunk.subarray(start));
    }
    if (out.length > 0) yield out;
  }
  if (carry && carry.length > 0) {
    line++;
    utf8 = prepareBytes !== undefined && isUtf8(carry);
    yield [decode(carry, 0, carry.length)];
  }
}

/** One line of JSON Lines (null: not UTF-8) as a candidate record; null for a blank line. */
function decodeJsonLine(text: string | null): Decoded | null {
  if (text === null) return issue('(line)', 'invalid UTF-8');
  if (text.trim() === '') return null;
  try {
    return { value: JSON.parse(text) as unknown, issues: [], warnings: [] };
  } catch (e) {
    return issue('(line)', `invalid JSON: ${(e as Error).message}`);
  }
}

/**
 * JSON Lines: one JSON object per line; blank lines are skipped. `prepareBytes`, when given, is tried on
 * each line's bytes first (see PrepareBytes): what it returns (not null) stands for the record, and the
 * line is neither decoded nor parsed.
 */
export async function* jsonlRecords<F = never>(
  chunks: AsyncIterable<Buffer>,
  maxLineBytes: number,
  name: string,
  prepareBytes?: PrepareBytes<F>,
): AsyncGenerator<RawRecord<F>[]> {
  for await (const group of readLines(chunks, maxLineBytes, name, prepareBytes)) {
    const out: RawRecord<F>[] = [];
    for (const { line, text, prepared } of group) {
      if (prepared !== null) {
        out.push({ line, decoded: null, prepared });
        continue;
      }
      const decoded = decodeJsonLine(text);
      if (decoded) out.push({ line, decoded });
    }
    if (out.length > 0) yield out;
  }
}

/** `;` when the header line has more semicolons than commas (outside quotes), else `,`. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export interface CsvRecordsOptions {
  name: string;
  /** Every column a file may have; another header is an error (a misspelt column never passes). */
  columns: readonly string[];
  /** Columns the header must have. */
  required: readonly string[];
  maxRecordBytes: number;
  /** Turns a row (cells by column) into a candidate record. */
  decode: (row: Record<string, string>) => Decoded;
}

/** CSV with a header row; each record's line is the line it starts on (the header is line 1). */
export async function* csvRecords(
  chunks: AsyncIterable<Buffer>,
  options: CsvRecordsOptions,
): AsyncGenerator<RawRecord[]> {
  // Read up to the end of the header line to choose the delimiter, then parse everything.
  const it = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    head.push(r.value);
    headBytes += r.value.length;
    if (r.value.includes(NEWLINE) || headBytes > options.maxRecordBytes) break;
  }
  const prefix = Buffer.concat(head);
  const firstLine = prefix.toString('utf8', 0, Math.min(prefix.length, 65_536)).split('\n')[0] ?? '';
  const delimiter = detectDelimiter(firstLine.replace(/^\ufeff/, ''));
  const all = Readable.from(
    (async function* () {
      yield prefix;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    })(),
  );
  const parser = all.pipe(
    parse({
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      max_record_size: options.maxRecordBytes,
    }),
  );
  let header: string[] | null = null;
  let lastLine = 0;
  let out: RawRecord[] = [];
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      const line = lastLine + 1;
      lastLine = info.lines;
      if (record.length === 1 && (record[0] ?? '').trim() === '') continue;
      if (header === null) {
        header = record.map(normalizeHeader);
        const unknown = header.filter((h) => !options.columns.includes(h));
        if (unknown.length > 0)
          throw new DomainError(
            'invalid_input',
            `${options.name}:1: unknown column ${unknown.map((u) => `"${u}"`).join(', ')}; the columns are ${options.columns.join(', ')}`,
            `${options.name}:1`,
          );
        const missing = options.required.filter((c) => !header?.includes(c));
        if (missing.length > 0)
          throw new DomainError(
            'invalid_input',
            `${options.name}:1: missing column ${missing.map((m) => `"${m}"`).join(', ')}`,
            `${options.name}:1`,
          );
        continue;
      }
      if (record.length !== header.length) {
        out.push({
          line,
          decoded: issue('(row)', `expected ${header.length} cells, got ${record.length}`),
        });
      } else {
        const row: Record<string, string> = {};
        header.forEach((h, i) => (row[h] = record[i] ?? ''));
        out.push({ line, decoded: options.decode(row) });
      }
      if (out.length >= 500) {
        yield out;
        out = [];
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const msg = (e as Error).message;
    throw new DomainError(
      'invalid_input',
      `${options.name}:${lastLine + 1}: ${msg}`,
      `${options.name}:${lastLine + 1}`,
    );
  }
  if (header === null)
    throw new DomainError(
      'invalid_input',
      `${options.name}: no header row (the file is empty)`,
      options.name,
    );
  if (out.length > 0) yield out;
}

/** A JSON Resume document (an object) or an array of them; record n is the n-th résumé. */
export async function* resumeRecords(
  chunks: AsyncIterable<Buffer>,
  name: string,
  maxBytes: number,
  decode: (resume: unknown) => Decoded,
): AsyncGenerator<RawRecord[]> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of chunks) {
    size += c.length;
    if (size > maxBytes)
      throw new DomainError('too_large', `${name}: a JSON Resume file is limited to ${maxBytes} bytes`, name);
    parts.push(c);
  }
  let text: string;
  try {
    text = UTF8.decode(Buffer.concat(parts));
  } catch {
    throw new DomainError('invalid_input', `${name}: invalid UTF-8`, name);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new DomainError('invalid_input', `${name}: invalid JSON: ${(e as Error).message}`, name);
  }
  const list = Array.isArray(doc) ? doc : [doc];
  yield list.map((r, i) => ({ line: i + 1, decoded: decode(r) }));
}

/**
 * The JSON Lines fast path of talent-line.ts on the line's bytes. A reader thread decoding each 3.6 KB line
 * to a string (≈ 5 µs), matching it with regular expressions (≈ 18 µs) and encoding the packed fields back
 * to UTF-8 for the writer spends most of its time on text it only copies: here the line is scanned once, as
 * bytes, and the packed fields are written as bytes, mostly ranges of the line itself.
 *
 * It must answer exactly as `packTalentLine` does (true where that returns a packed line, with the same
 * fields byte for byte; false where it returns null), so it follows those regular expressions one by one;
 * test/import-talent-line-bytes.test.ts compares the two on mutated lines. The points where bytes differ
 * from UTF-16 text:
 * - a 4-byte UTF-8 sequence is a surrogate pair in the string, which no token admits: such a line is false;
 * - without those, a token's length in UTF-16 units is its number of bytes that are not continuation bytes;
 * - and UTF-8 byte order would be code point order, but skills are sorted by a rank precomputed from the
 *   ids in JS string order, which is what `Array.prototype.sort` gives.
 *
 * Measured side by side (bench/talent-line-bytes.bench.ts, CPU time, 20 skills a line of 3.8 KB): ≈ 15–20
 * µs a line against ≈ 37–56 for decoding, packTalentLine and encoding the fields, on a loaded two-core
 * machine: 0.36–0.42 of it. What is left is spread thin: literal keys ≈ 20 %, writing the fields ≈ 30 %
 * (≈ 250 short ranges a line), string tokens ≈ 15 %, skill lookups and the sort ≈ 10 %.
 */
import { EVIDENCE_KINDS, FUNCTIONS, INDUSTRIES, OUTCOMES, REMOTE_PREFERENCES } from '../core/model.js';
import { EMAIL } from './talent-record-check.js';

type View = DataView<ArrayBufferLike>;
const encoder = new TextEncoder();
// ignoreBOM: a leading U+FEFF is part of the value (and \s, which EMAIL refuses).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const bytesOf = (s: string): Uint8Array => encoder.encode(s);

/** The taxonomy's skill ids, for lookups by bytes: index i is ids[i] (as given). */
export class SkillTable {
  readonly ids: readonly string[];
  /** Per index, the id's position among the ids in JS string order (equal ids, equal ranks). */
  readonly rank: Int32Array;
  // Open addressing over the ids' bytes, so that a lookup builds no string.
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly starts: Int32Array;
  /** Index + 1 of the id in each slot, 0 when free. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(ids: readonly string[]) {
    this.ids = ids;
    const n = ids.length;
    const encoded = ids.map(bytesOf);
    this.starts = new Int32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      this.starts[i] = total;
      total += (encoded[i] as Uint8Array).length;
    }
    this.starts[n] = total;
    this.bytes = new Uint8Array(total);
    for (let i = 0; i < n; i++) this.bytes.set(encoded[i] as Uint8Array, this.starts[i] as number);
    this.view = new DataView(this.bytes.buffer);
    let size = 16;
    while (size < n * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < n; i++) {
      const s = this.starts[i] as number;
      const e = this.starts[i + 1] as number;
      if (this.findIn(this.view, this.bytes, s, e) >= 0) continue;
      let h = hash(this.view, this.bytes, s, e) & this.mask;
      while (this.slots[h] !== 0) h = (h + 1) & this.mask;
      this.slots[h] = i + 1;
    }
    const order = ids
      .map((_, i) => i)
      .sort((a, b) => {
        const x = ids[a] as string;
        const y = ids[b] as string;
        return x < y ? -1 : x > y ? 1 : 0;
      });
    this.rank = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const i = order[r] as number;
      const prev = order[r - 1];
      this.rank[i] = r > 0 && ids[prev as number] === ids[i] ? (this.rank[prev as number] as number) : r;
    }
  }

  /** Whether `id` is one of the ids (so that the table is also packTalentLine's KnownSkills). */
  has(id: string): boolean {
    const bytes = bytesOf(id);
    return this.find(bytes, 0, bytes.length) >= 0;
  }

  /** The index of the skill id whose UTF-8 bytes are buf[start, end), or -1. */
  find(buf: Uint8Array, start: number, end: number): number {
    return this.findIn(new DataView(buf.buffer, buf.byteOffset, buf.byteLength), buf, start, end);
  }

  /** find, with `view` over `buf` (the scanner's, made once per buffer): four bytes a read. */
  findIn(view: DataView, buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    const bytes = this.bytes;
    const own = this.view;
    const starts = this.starts;
    for (let h = hash(view, buf, start, end) & this.mask; ; h = (h + 1) & this.mask) {
      const slot = this.slots[h] as number;
      if (slot === 0) return -1;
      const s = starts[slot - 1] as number;
      if ((starts[slot] as number) - s !== len) continue;
      let k = 0;
      while (k + 4 <= len && own.getInt32(s + k, true) === view.getInt32(start + k, true)) k += 4;
      while (k < len && bytes[s + k] === buf[start + k]) k++;
      if (k === len) return slot - 1;
    }
  }
}

/** A hash of the bytes, by 32-bit words (each product folded down: the slot is taken from the low bits). */
function hash(view: DataView, buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    h = Math.imul(h ^ view.getInt32(i, true), 0x01000193);
    h ^= h >>> 15;
  }
  for (; i < end; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
  return h ^ (h >>> 15);
}

/** Where records are written: fields' bytes one after another; `ends[k]` is the end offset of field k. */
export class FieldOut {
  /** Grows (reallocated, doubling) as needed. */
  bytes = new Uint8Array(1 << 16);
  /** Bytes written. */
  used = 0;
  ends = new Int32Array(1024);
  /** Fields written. */
  fields = 0;
  /** Skill indexes (SkillTable) of the last record written, in the order of its packed skills list. */
  skills = new Int32Array(64);
  skillCount = 0;

  reset(): void {
    this.used = 0;
    this.fields = 0;
  }

  /** Room for `bytes` more bytes and `fields` more fields. */
  reserve(bytes: number, fields: number): void {
    if (this.used + bytes > this.bytes.length) {
      let size = this.bytes.length * 2;
      while (size < this.used + bytes) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    if (this.fields + fields > this.ends.length) {
      let size = this.ends.length * 2;
      while (size < this.fields + fields) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.ends.subarray(0, this.fields));
      this.ends = grown;
    }
  }
}

/** Fields per record, in this order (the same as FIELDS in src/services/import-line-worker.ts, id first). */
export const RECORD_FIELDS = 19;

// ---------------------------------------------------------------------------------------------------------
// Scanning. Each step takes a position and gives the position after what it matched, or -1: no object a
// token (a line has some 300), the bounds the writing needs go to typed arrays allocated once.

/** Byte classes of a string token's bytes: 0 plain, 1 the closing quote, 2 refused, 3 continuation. */
const CLASS = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) CLASS[c] = 2;
CLASS[0x22] = 1;
CLASS[0x5c] = 2;
for (let c = 0x80; c < 0xc0; c++) CLASS[c] = 3;
// A 4-byte sequence is a surrogate pair in UTF-16, which CHAR refuses.
for (let c = 0xf0; c < 0x100; c++) CLASS[c] = 2;

/**
 * A string token at p of `min`..`max` UTF-16 units (CHAR of talent-line.ts); its value is buf[p + 1,
 * returned - 1). Four bytes at a time while they are plain ASCII (10 % less than a byte loop over the
 * whole scan); the word holding the closing quote, a refused or a non-ASCII byte is then taken bytewise.
 */
function str(buf: Uint8Array, d: View, p: number, end: number, min: number, max: number): number {
  if (buf[p] !== 0x22) return -1;
  let q = p + 1;
  let cont = 0;
  for (;;) {
    while (q + 4 <= end) {
      const w = d.getInt32(q, true);
      const quote = w ^ 0x22222222;
      const slash = w ^ 0x5c5c5c5c;
      // Exact tests for "some byte is": ≥ 0x80 (w), < 0x20, 0x22, 0x5c (bytes all below 0x80 otherwise).
      const special =
        w | ((w - 0x20202020) & ~w) | ((quote - 0x01010101) & ~quote) | ((slash - 0x01010101) & ~slash);
      if ((special & 0x80808080) !== 0) break;
      q += 4;
    }
    if (q >= end) return -1;
    const k = CLASS[buf[q] as number] as number;
    if (k !== 0) {
      if (k === 1) break;
      if (k === 2) return -1;
      cont++;
    }
    q++;
  }
  const units = q - p - 1 - cont;
  if (units < min || units > max) return -1;
  return q + 1;
}

/** `null`: token bounds are set to -1. */
function isNull(buf: Uint8Array, p: number): boolean {
  return buf[p] === 0x6e && buf[p + 1] === 0x75 && buf[p + 2] === 0x6c && buf[p + 3] === 0x6c;
}

/** null or a string of 0..max units. */
function optStr(buf: Uint8Array, d: View, p: number, end: number, max: number): number {
  if (isNull(buf, p) && p + 4 <= end) {
    return p + 4;
  }
  return str(buf, d, p, end, 0, max);
}

/** Whether the literal's bytes, but its first, are at p + 1, p + 2, …: compares of constants. */
type Rest = (buf: Uint8Array, d: View, p: number) => boolean;

/**
 * A literal. Its bytes after the first are compared by a function made for its length, four at a time
 * against the words as constants it closes over (a loop over arrays of words and offsets: 5 % more over
 * the whole scan; a byte loop, 10 % more).
 */
class Lit {
  readonly bytes: Uint8Array;
  readonly n: number;
  readonly first: number;
  readonly rest: Rest;
  constructor(text: string) {
    this.bytes = bytesOf(text);
    const n = (this.n = this.bytes.length);
    this.first = this.bytes[0] as number;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, n);
    const word = (at: number) => view.getInt32(at, true);
    const b = (i: number) => this.bytes[i] as number;
    // Words from byte 1; the last one overlaps the one before when the length is not 1 + 4k.
    const m = n - 1;
    if (m === 0) this.rest = () => true;
    else if (m < 4) {
      const [b1, b2, b3] = [b(1), b(2), b(3)];
      this.rest =
        m === 1
          ? (buf, _d, p) => buf[p + 1] === b1
          : m === 2
            ? (buf, _d, p) => buf[p + 1] === b1 && buf[p + 2] === b2
            : (buf, _d, p) => buf[p + 1] === b1 && buf[p + 2] === b2 && buf[p + 3] === b3;
    } else {
      const offsets: number[] = [];
      for (let i = 1; i + 4 <= n; i += 4) offsets.push(i);
      if (m % 4 !== 0) offsets.push(n - 4);
      const [o0 = 0, o1 = 0, o2 = 0, o3 = 0, o4 = 0] = offsets;
      const [w0, w1, w2, w3, w4] = [word(o0), word(o1), word(o2), word(o3), word(o4)];
      if (offsets.length > 5) throw new Error(`literal too long: ${text}`);
      this.rest = [
        (_b: Uint8Array, d: View, p: number) => d.getInt32(p + o0, true) === w0,
        (_b: Uint8Array, d: View, p: number) =>
          d.getInt32(p + o0, true) === w0 && d.getInt32(p + o1, true) === w1,
        (_b: Uint8Array, d: View, p: number) =>
          d.getInt32(p + o0, true) === w0 &&
          d.getInt32(p + o1, true) === w1 &&
          d.getInt32(p + o2, true) === w2,
        (_b: Uint8Array, d: View, p: number) =>
          d.getInt32(p + o0, true) === w0 &&
          d.getInt32(p + o1, true) === w1 &&
          d.getInt32(p + o2, true) === w2 &&
          d.getInt32(p + o3, true) === w3,
        (_b: Uint8Array, d: View, p: number) =>
          d.getInt32(p + o0, true) === w0 &&
          d.getInt32(p + o1, true) === w1 &&
          d.getInt32(p + o2, true) === w2 &&
          d.getInt32(p + o3, true) === w3 &&
          d.getInt32(p + o4, true) === w4,
      ][offsets.length - 1] as Rest;
    }
  }
}

/** The literal `lit` at p. */
function lit(buf: Uint8Array, d: View, p: number, end: number, lit: Lit): number {
  return p + lit.n <= end && buf[p] === lit.first && lit.rest(buf, d, p) ? p + lit.n : -1;
}

/**
 * One of a few literals, picked by their byte at `k` (the first letter) before comparing: an industries
 * list compared against each of the ten in turn cost more than the rest of its line.
 */
class Choice {
  readonly by: Lit[][];
  constructor(
    readonly k: number,
    alts: readonly Lit[],
  ) {
    this.by = Array.from({ length: 256 }, () => [] as Lit[]);
    for (const a of alts) (this.by[a.bytes[k] as number] as Lit[]).push(a);
  }
}

/** One of the choice's literals at p. */
function oneOf(buf: Uint8Array, d: View, p: number, end: number, choice: Choice): number {
  if (p + choice.k >= end) return -1;
  const alts = choice.by[buf[p + choice.k] as number] as Lit[];
  for (let i = 0; i < alts.length; i++) {
    const q = lit(buf, d, p, end, alts[i] as Lit);
    if (q >= 0) return q;
  }
  return -1;
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;

/** `"\d{4}-\d{2}-\d{2}"` at p. */
function date(buf: Uint8Array, p: number, end: number): number {
  if (p + 12 > end || buf[p] !== 0x22 || buf[p + 5] !== 0x2d || buf[p + 8] !== 0x2d || buf[p + 11] !== 0x22)
    return -1;
  return isDigit(buf[p + 1]) &&
    isDigit(buf[p + 2]) &&
    isDigit(buf[p + 3]) &&
    isDigit(buf[p + 4]) &&
    isDigit(buf[p + 6]) &&
    isDigit(buf[p + 7]) &&
    isDigit(buf[p + 9]) &&
    isDigit(buf[p + 10])
    ? p + 12
    : -1;
}

/** null or a date. */
function optDate(buf: Uint8Array, p: number, end: number): number {
  if (p + 4 <= end && isNull(buf, p)) return p + 4;
  return date(buf, p, end);
}

/** Digits from p (at least one), or -1. */
function digits(buf: Uint8Array, p: number, end: number): number {
  if (p >= end || !isDigit(buf[p])) return -1;
  p++;
  while (p < end && isDigit(buf[p])) p++;
  return p;
}

/**
 * NUMBER of talent-line.ts at p. Scanning greedily gives what the regular expression does, since what may
 * follow a number (`,` `}`) cannot continue it.
 */
function num(buf: Uint8Array, p: number, end: number): number {
  if (buf[p] === 0x2d) p++;
  p = digits(buf, p, end);
  if (p < 0) return -1;
  if (buf[p] === 0x2e && p < end) {
    p = digits(buf, p + 1, end);
    if (p < 0) return -1;
  }
  if ((buf[p] === 0x65 || buf[p] === 0x45) && p < end) {
    p++;
    if ((buf[p] === 0x2b || buf[p] === 0x2d) && p < end) p++;
    p = digits(buf, p, end);
  }
  return p;
}

/**
 * canonical() of talent-line.ts on buf[s, e), a NUMBER. Plain integers (the common case) are decided on the
 * bytes; anything else is decoded (a short token) and checked as talent-line.ts checks it.
 */
function canonical(buf: Uint8Array, s: number, e: number, min: number, max: number): boolean {
  const n = e - s;
  if (n <= 9 && (buf[s] !== 0x30 || n === 1)) {
    let v = 0;
    let i = s;
    for (; i < e; i++) {
      const c = buf[i] as number;
      if (c < 0x30 || c > 0x39) break;
      v = v * 10 + c - 0x30;
    }
    if (i === e) return v >= min && v <= max;
  }
  let token = '';
  for (let i = s; i < e; i++) token += String.fromCharCode(buf[i] as number);
  const v = Number(token);
  return v >= min && v <= max && String(v) === token;
}

/** A list of items at p (`[`, items separated by commas, `]`); `item` gives the position after one. */
function list(
  buf: Uint8Array,
  d: View,
  p: number,
  end: number,
  item: (buf: Uint8Array, d: View, p: number, end: number) => number,
): number {
  if (buf[p] !== 0x5b || p >= end) return -1;
  p++;
  if (buf[p] === 0x5d && p < end) return p + 1;
  for (;;) {
    p = item(buf, d, p, end);
    if (p < 0 || p >= end) return -1;
    const c = buf[p];
    if (c === 0x5d) return p + 1;
    if (c !== 0x2c) return -1;
    p++;
  }
}

const quoted = (values: readonly string[]) =>
  new Choice(
    1,
    values.map((v) => new Lit(`"${v}"`)),
  );
const INDUSTRY = quoted(INDUSTRIES);
const FUNCTION = quoted(FUNCTIONS);
const EVIDENCE = quoted(EVIDENCE_KINDS);
const OUTCOME = quoted(OUTCOMES);
const REMOTE = new Choice(
  0,
  REMOTE_PREFERENCES.map((v) => new Lit(v)),
);
const SOURCE = new Choice(
  0,
  ['employee', 'freelance'].map((v) => new Lit(v)),
);
const NULL = new Choice(0, [new Lit('null')]);
const optIndustry = (buf: Uint8Array, d: View, p: number, end: number) =>
  buf[p] === 0x6e ? oneOf(buf, d, p, end, NULL) : oneOf(buf, d, p, end, INDUSTRY);
const optFunction = (buf: Uint8Array, d: View, p: number, end: number) =>
  buf[p] === 0x6e ? oneOf(buf, d, p, end, NULL) : oneOf(buf, d, p, end, FUNCTION);
const industry = (buf: Uint8Array, d: View, p: number, end: number) => oneOf(buf, d, p, end, INDUSTRY);
const businessFunction = (buf: Uint8Array, d: View, p: number, end: number) =>
  oneOf(buf, d, p, end, FUNCTION);
const language = (buf: Uint8Array, d: View, p: number, end: number) => {
  if (p + 4 > end || buf[p] !== 0x22 || buf[p + 3] !== 0x22) return -1;
  const a = buf[p + 1] as number;
  const b = buf[p + 2] as number;
  return a >= 0x61 && a <= 0x7a && b >= 0x61 && b <= 0x7a ? p + 4 : -1;
};

const L = {
  open: new Lit('{'),
  id: new Lit('"id":'),
  externalId: new Lit('"externalId":'),
  source: new Lit(',"source":"'),
  name: new Lit('","name":'),
  email: new Lit(',"email":'),
  phone: new Lit(',"phone":'),
  headline: new Lit(',"headline":'),
  occupationId: new Lit(',"occupationId":'),
  location: new Lit(',"location":'),
  remote: new Lit(',"remote":"'),
  languages: new Lit('","languages":'),
  dailyCost: new Lit(',"dailyCost":'),
  skills: new Lit(',"skills":['),
  skillId: new Lit('{"skillId":'),
  level: new Lit(',"level":'),
  evidence: new Lit(',"evidence":'),
  years: new Lit(',"years":'),
  lastUsed: new Lit(',"lastUsed":'),
  evidenceDetail: new Lit(',"evidenceDetail":'),
  industries: new Lit('],"industries":'),
  functions: new Lit(',"functions":'),
  availability: new Lit(',"availability":['),
  start: new Lit('{"start":'),
  end: new Lit(',"end":'),
  daysPerWeek: new Lit(',"daysPerWeek":'),
  missions: new Lit('],"missions":['),
  title: new Lit('{"title":'),
  organization: new Lit(',"organization":'),
  missionStart: new Lit(',"start":'),
  industry: new Lit(',"industry":'),
  businessFunction: new Lit(',"businessFunction":'),
  missionSkills: new Lit(',"skills":'),
  outcome: new Lit(',"outcome":'),
  consentAt: new Lit('],"consentAt":'),
  retainUntil: new Lit(',"retainUntil":'),
};

const MAX_SKILLS = 1000;
const MAX_WINDOWS = 100;
const MAX_MISSIONS = 500;
const MAX_HELD = 500;

// Token bounds of the record being scanned, written out once the whole line has matched (the packed fields
// come in another order than the line's). HEAD: pairs of [start, end) per field, -1 for null.
const H_ID = 0;
const H_EXTERNAL = 2;
const H_SOURCE = 4;
const H_NAME = 6;
const H_EMAIL = 8;
const H_PHONE = 10;
const H_HEADLINE = 12;
const H_OCCUPATION = 14;
const H_LOCATION = 16;
const H_REMOTE = 18;
const H_LANGUAGES = 20;
const H_DAILY = 22;
const H_INDUSTRIES = 24;
const H_FUNCTIONS = 26;
const H_CONSENT = 28;
const H_RETAIN = 30;
const head = new Int32Array(32);
/** Per skill: id, evidence, years, lastUsed, detail (pairs), then the level's offset. */
const SKILL_STRIDE = 11;
const skillTok = new Int32Array(MAX_SKILLS * SKILL_STRIDE);
const skillIndex = new Int32Array(MAX_SKILLS);
/** Skill numbers in rank order, and their ranks (beside, not looked up through the order). */
const skillOrder = new Int32Array(MAX_SKILLS);
const orderRank = new Int32Array(MAX_SKILLS);
/** Per window: start, end, days (pairs). */
const windowTok = new Int32Array(MAX_WINDOWS * 6);
/** Per mission: title, organization, start, end, industry, function, outcome, held list (inner; pairs). */
const MISSION_STRIDE = 16;
const missionTok = new Int32Array(MAX_MISSIONS * MISSION_STRIDE);
/** The lowercased e-mail when it is not ASCII. */
let emailBytes: Uint8Array | null = null;

/** The e-mail's value buf[s, e): EMAIL, and whether it is ASCII (lowercased on the bytes when written). */
function emailOk(buf: Uint8Array, s: number, e: number): boolean {
  emailBytes = null;
  let at = -1;
  for (let i = s; i < e; i++) {
    const c = buf[i] as number;
    if (c >= 0x80) {
      const value = decoder.decode(buf.subarray(s, e));
      if (!EMAIL.test(value)) return false;
      emailBytes = encoder.encode(value.toLowerCase());
      return true;
    }
    // The other white space of \s is a control character, already refused.
    if (c === 0x20) return false;
    if (c === 0x40) {
      if (at >= 0) return false;
      at = i;
    }
  }
  return at > s && at < e - 1;
}

let lastGiven: Uint8Array | null = null;
/** The line's buffer as a DataView, for reads of four bytes at once. */
let dv: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(8));
let lastPlain: Uint8Array = new Uint8Array(0);
/**
 * `buf` as a plain Uint8Array over the same memory (made once per buffer given). A Buffer is a subclass:
 * with both kinds reaching the same functions (the literals and the skill table are plain) their element
 * reads go polymorphic, and a Buffer's subarray is slower to make.
 */
function plain(buf: Uint8Array): Uint8Array {
  if (buf === lastGiven) return lastPlain;
  lastGiven = buf;
  lastPlain =
    Object.getPrototypeOf(buf) === Uint8Array.prototype
      ? buf
      : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  return lastPlain;
}

/**
 * Scans the line buf[start, end) (no newline, no final CR, no BOM: the caller strips them; the caller has
 * checked that these bytes are valid UTF-8). Returns true exactly when `packTalentLine(text, known)` returns
 * a non-null result for text = the line decoded, where known = the SkillTable's ids; then it has appended the
 * record's RECORD_FIELDS fields to `out`, each field's bytes being exactly the UTF-8 encoding of: id (or a
 * single byte 0x01 when the line has none), externalId, source, name, email, phone, headline, occupationId,
 * location, remote, String(dailyCost), consentAt, retainUntil, languages, industries, functions, skills,
 * availability, missions as packTalentLine's result gives them, a null value being the single byte 0x01;
 * and out.skills/skillCount hold the SkillTable indexes of `skillIds` (in packTalentLine's order). Returns
 * false otherwise, with `out.used`/`out.fields` as they were before the call.
 */
export function packTalentBytes(
  buf: Uint8Array,
  start: number,
  end: number,
  skills: SkillTable,
  out: FieldOut,
): boolean {
  buf = plain(buf);
  // The view as a parameter all the way down: a module variable costs a context load and a hole check.
  const d = dv;
  emailBytes = null;
  let p = lit(buf, d, start, end, L.open);
  if (p < 0) return false;
  // (?:"id":ID_TEXT,)? — a present but invalid id fails the line, as "externalId" cannot match there.
  const afterId = lit(buf, d, p, end, L.id);
  if (afterId >= 0) {
    p = idText(buf, afterId, end);
    if (p < 0 || buf[p] !== 0x2c) return false;
    head[H_ID] = afterId + 1;
    head[H_ID + 1] = p - 1;
    p++;
  } else head[H_ID] = -1;
  p = lit(buf, d, p, end, L.externalId);
  if (p < 0) return false;
  if (isNull(buf, p) && p + 4 <= end) {
    head[H_EXTERNAL] = -1;
    p += 4;
  } else {
    head[H_EXTERNAL] = p + 1;
    p = str(buf, d, p, end, 1, 200);
    if (p < 0) return false;
    head[H_EXTERNAL + 1] = p - 1;
  }
  p = lit(buf, d, p, end, L.source);
  if (p < 0) return false;
  head[H_SOURCE] = p;
  p = oneOf(buf, d, p, end, SOURCE);
  if (p < 0) return false;
  head[H_SOURCE + 1] = p;
  p = lit(buf, d, p, end, L.name);
  if (p < 0) return false;
  head[H_NAME] = p + 1;
  if ((p = str(buf, d, p, end, 1, 300)) < 0) return false;
  head[H_NAME + 1] = p - 1;
  p = lit(buf, d, p, end, L.email);
  if (p < 0) return false;
  head[H_EMAIL] = buf[p] === 0x6e ? -1 : p + 1;
  if ((p = optStr(buf, d, p, end, 320)) < 0) return false;
  head[H_EMAIL + 1] = p - 1;
  p = lit(buf, d, p, end, L.phone);
  if (p < 0) return false;
  head[H_PHONE] = buf[p] === 0x6e ? -1 : p + 1;
  if ((p = optStr(buf, d, p, end, 60)) < 0) return false;
  head[H_PHONE + 1] = p - 1;
  p = lit(buf, d, p, end, L.headline);
  if (p < 0) return false;
  head[H_HEADLINE] = p + 1;
  if ((p = str(buf, d, p, end, 0, 300)) < 0) return false;
  head[H_HEADLINE + 1] = p - 1;
  p = lit(buf, d, p, end, L.occupationId);
  if (p < 0) return false;
  head[H_OCCUPATION] = buf[p] === 0x6e ? -1 : p + 1;
  if ((p = optStr(buf, d, p, end, 300)) < 0) return false;
  head[H_OCCUPATION + 1] = p - 1;
  p = lit(buf, d, p, end, L.location);
  if (p < 0) return false;
  head[H_LOCATION] = p + 1;
  if ((p = str(buf, d, p, end, 0, 300)) < 0) return false;
  head[H_LOCATION + 1] = p - 1;
  p = lit(buf, d, p, end, L.remote);
  if (p < 0) return false;
  head[H_REMOTE] = p;
  p = oneOf(buf, d, p, end, REMOTE);
  if (p < 0) return false;
  head[H_REMOTE + 1] = p;
  p = lit(buf, d, p, end, L.languages);
  if (p < 0) return false;
  head[H_LANGUAGES] = p;
  p = list(buf, d, p, end, language);
  if (p < 0) return false;
  head[H_LANGUAGES + 1] = p;
  p = lit(buf, d, p, end, L.dailyCost);
  if (p < 0) return false;
  head[H_DAILY] = p;
  p = num(buf, p, end);
  if (p < 0) return false;
  head[H_DAILY + 1] = p;
  p = lit(buf, d, p, end, L.skills);
  if (p < 0) return false;
  const emailS = head[H_EMAIL] as number;
  if (emailS >= 0 && !emailOk(buf, emailS, head[H_EMAIL + 1] as number)) return false;
  if (!canonical(buf, head[H_DAILY] as number, head[H_DAILY + 1] as number, 0, 1_000_000)) return false;
  if (head[H_ID] === -1 && head[H_EXTERNAL] === -1 && emailS === -1) return false;

  // Skills.
  let nSkills = 0;
  if (buf[p] !== 0x5d || p >= end)
    for (;;) {
      if (nSkills >= MAX_SKILLS) return false;
      const t = nSkills * SKILL_STRIDE;
      p = skill(buf, d, p, end, t);
      if (p < 0) return false;
      // Checked once matched, as talent-line.ts does (the outcome is the same in any order).
      const index = skills.findIn(d, buf, skillTok[t] as number, skillTok[t + 1] as number);
      if (index < 0) return false;
      const yS = skillTok[t + 4] as number;
      const yE = skillTok[t + 5] as number;
      if (!(yE - yS === 4 && isNull(buf, yS)) && !canonical(buf, yS, yE, 0, 80)) return false;
      // Insertion by rank: lists are short, and mostly sorted already.
      const rank = skills.rank[index] as number;
      skillIndex[nSkills] = index;
      let i = nSkills;
      while (i > 0 && (orderRank[i - 1] as number) > rank) {
        skillOrder[i] = skillOrder[i - 1] as number;
        orderRank[i] = orderRank[i - 1] as number;
        i--;
      }
      // A skill listed twice is a reject.
      if (i > 0 && orderRank[i - 1] === rank) return false;
      skillOrder[i] = nSkills;
      orderRank[i] = rank;
      nSkills++;
      if (buf[p] !== 0x2c || p >= end) break;
      p++;
    }

  // From the end of the skills to the availability.
  p = lit(buf, d, p, end, L.industries);
  if (p < 0) return false;
  head[H_INDUSTRIES] = p;
  p = list(buf, d, p, end, industry);
  if (p < 0) return false;
  head[H_INDUSTRIES + 1] = p;
  p = lit(buf, d, p, end, L.functions);
  if (p < 0) return false;
  head[H_FUNCTIONS] = p;
  p = list(buf, d, p, end, businessFunction);
  if (p < 0) return false;
  head[H_FUNCTIONS + 1] = p;
  p = lit(buf, d, p, end, L.availability);
  if (p < 0) return false;

  let nWindows = 0;
  if (buf[p] !== 0x5d || p >= end)
    for (;;) {
      if (nWindows >= MAX_WINDOWS) return false;
      const t = nWindows * 6;
      p = lit(buf, d, p, end, L.start);
      if (p < 0) return false;
      windowTok[t] = p;
      p = date(buf, p, end);
      if (p < 0) return false;
      windowTok[t + 1] = p;
      p = lit(buf, d, p, end, L.end);
      if (p < 0) return false;
      windowTok[t + 2] = p;
      p = date(buf, p, end);
      if (p < 0) return false;
      windowTok[t + 3] = p;
      p = lit(buf, d, p, end, L.daysPerWeek);
      if (p < 0) return false;
      windowTok[t + 4] = p;
      p = num(buf, p, end);
      if (p < 0 || buf[p] !== 0x7d || p >= end) return false;
      windowTok[t + 5] = p;
      if (!canonical(buf, windowTok[t + 4] as number, p, 0, 7)) return false;
      p++;
      nWindows++;
      if (buf[p] !== 0x2c || p >= end) break;
      p++;
    }
  p = lit(buf, d, p, end, L.missions);
  if (p < 0) return false;

  let nMissions = 0;
  if (buf[p] !== 0x5d || p >= end)
    for (;;) {
      if (nMissions >= MAX_MISSIONS) return false;
      const t = nMissions * MISSION_STRIDE;
      p = mission(buf, d, p, end, t, skills);
      if (p < 0) return false;
      nMissions++;
      if (buf[p] !== 0x2c || p >= end) break;
      p++;
    }

  p = lit(buf, d, p, end, L.consentAt);
  if (p < 0) return false;
  head[H_CONSENT] = p;
  p = optDate(buf, p, end);
  if (p < 0) return false;
  head[H_CONSENT + 1] = p;
  p = lit(buf, d, p, end, L.retainUntil);
  if (p < 0) return false;
  head[H_RETAIN] = p;
  p = optDate(buf, p, end);
  if (p < 0) return false;
  head[H_RETAIN + 1] = p;
  if (p !== end - 1 || buf[p] !== 0x7d) return false;

  write(buf, end - start, nSkills, nWindows, nMissions, out);
  return true;
}

/** One skill object at p, its tokens' bounds to skillTok[t…]: the position after it, or -1. */
function skill(buf: Uint8Array, d: View, p: number, end: number, t: number): number {
  p = lit(buf, d, p, end, L.skillId);
  if (p < 0) return -1;
  skillTok[t] = p + 1;
  if ((p = str(buf, d, p, end, 1, 300)) < 0) return -1;
  skillTok[t + 1] = p - 1;
  p = lit(buf, d, p, end, L.level);
  if (p < 0 || p >= end) return -1;
  const level = buf[p] as number;
  if (level < 0x31 || level > 0x35) return -1;
  skillTok[t + 10] = p;
  p = lit(buf, d, p + 1, end, L.evidence);
  if (p < 0) return -1;
  skillTok[t + 2] = p;
  p = buf[p] === 0x6e ? oneOf(buf, d, p, end, NULL) : oneOf(buf, d, p, end, EVIDENCE);
  if (p < 0) return -1;
  skillTok[t + 3] = p;
  p = lit(buf, d, p, end, L.years);
  if (p < 0) return -1;
  skillTok[t + 4] = p;
  if (p + 4 <= end && isNull(buf, p)) p += 4;
  else {
    p = num(buf, p, end);
    if (p < 0) return -1;
  }
  skillTok[t + 5] = p;
  p = lit(buf, d, p, end, L.lastUsed);
  if (p < 0) return -1;
  skillTok[t + 6] = p;
  p = optDate(buf, p, end);
  if (p < 0) return -1;
  skillTok[t + 7] = p;
  p = lit(buf, d, p, end, L.evidenceDetail);
  if (p < 0) return -1;
  skillTok[t + 8] = p;
  p = optStr(buf, d, p, end, 2000);
  if (p < 0 || buf[p] !== 0x7d || p >= end) return -1;
  skillTok[t + 9] = p;
  return p + 1;
}

/** One mission object at p, its tokens' bounds to missionTok[t…]: the position after it, or -1. */
function mission(buf: Uint8Array, d: View, p: number, end: number, t: number, skills: SkillTable): number {
  p = lit(buf, d, p, end, L.title);
  if (p < 0) return -1;
  missionTok[t] = p;
  p = str(buf, d, p, end, 1, 300);
  if (p < 0) return -1;
  missionTok[t + 1] = p;
  p = lit(buf, d, p, end, L.organization);
  if (p < 0) return -1;
  missionTok[t + 2] = p;
  p = optStr(buf, d, p, end, 300);
  if (p < 0) return -1;
  missionTok[t + 3] = p;
  p = lit(buf, d, p, end, L.missionStart);
  if (p < 0) return -1;
  missionTok[t + 4] = p;
  p = date(buf, p, end);
  if (p < 0) return -1;
  missionTok[t + 5] = p;
  p = lit(buf, d, p, end, L.end);
  if (p < 0) return -1;
  missionTok[t + 6] = p;
  p = optDate(buf, p, end);
  if (p < 0) return -1;
  missionTok[t + 7] = p;
  p = lit(buf, d, p, end, L.industry);
  if (p < 0) return -1;
  missionTok[t + 8] = p;
  p = optIndustry(buf, d, p, end);
  if (p < 0) return -1;
  missionTok[t + 9] = p;
  p = lit(buf, d, p, end, L.businessFunction);
  if (p < 0) return -1;
  missionTok[t + 10] = p;
  p = optFunction(buf, d, p, end);
  if (p < 0) return -1;
  missionTok[t + 11] = p;
  p = lit(buf, d, p, end, L.missionSkills);
  if (p < 0) return -1;
  const heldS = p;
  p = heldList(buf, d, p, end, skills);
  if (p < 0) return -1;
  missionTok[t + 14] = heldS + 1;
  missionTok[t + 15] = p - 1;
  p = lit(buf, d, p, end, L.outcome);
  if (p < 0) return -1;
  missionTok[t + 12] = p;
  p = buf[p] === 0x6e ? oneOf(buf, d, p, end, NULL) : oneOf(buf, d, p, end, OUTCOME);
  if (p < 0 || buf[p] !== 0x7d || p >= end) return -1;
  missionTok[t + 13] = p;
  return p + 1;
}

/** ID_TEXT's string at p: `"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}"`. */
function idText(buf: Uint8Array, p: number, end: number): number {
  if (buf[p] !== 0x22) return -1;
  let q = p + 1;
  const first = buf[q];
  if (first === undefined || ID_CHAR[first] !== 1) return -1;
  q++;
  while (q < end && ID_CHAR[buf[q] as number] !== 0) q++;
  if (q >= end || buf[q] !== 0x22 || q - p - 1 > 100) return -1;
  return q + 1;
}
/** 1 for [A-Za-z0-9], 2 for [._:-]. */
const ID_CHAR = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) ID_CHAR[c] = 1;
  else if (/[._:-]/.test(ch)) ID_CHAR[c] = 2;
}

/**
 * A mission's list of held skill ids at p, each a known skill, at most MAX_HELD (the list as MISSION
 * matches it, then HELD and `known.has` on each id: checked together, with the same outcome).
 */
function heldList(buf: Uint8Array, d: View, p: number, end: number, skills: SkillTable): number {
  if (buf[p] !== 0x5b || p >= end) return -1;
  p++;
  if (buf[p] === 0x5d && p < end) return p + 1;
  for (let count = 0; ; count++) {
    const at = p;
    p = str(buf, d, p, end, 1, 300);
    if (p < 0 || p >= end || count >= MAX_HELD || skills.findIn(d, buf, at + 1, p - 1) < 0) return -1;
    const c = buf[p];
    if (c === 0x5d) return p + 1;
    if (c !== 0x2c) return -1;
    p++;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Writing.

/** Long ranges by `set`, short ones four bytes a step (a `set` needs a view made first). */
function copy(
  o: Uint8Array,
  od: DataView<ArrayBufferLike>,
  at: number,
  buf: Uint8Array,
  d: DataView<ArrayBufferLike>,
  s: number,
  e: number,
): number {
  const n = e - s;
  if (n >= COPY_SET) {
    o.set(buf.subarray(s, e), at);
    return at + n;
  }
  let i = 0;
  for (; i + 4 <= n; i += 4) od.setInt32(at + i, d.getInt32(s + i, true), true);
  for (; i < n; i++) o[at + i] = buf[s + i] as number;
  return at + n;
}
const COPY_SET = 256;

/** The output's bytes as a DataView (made again when they grow). */
let lastOut: Uint8Array | null = null;
let lastOutView: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(8));

/** A head token (pair k of `head`) as a field, or 0x01 when null: where the field ends. */
function token(
  o: Uint8Array,
  od: DataView<ArrayBufferLike>,
  at: number,
  buf: Uint8Array,
  d: DataView<ArrayBufferLike>,
  k: number,
): number {
  const s = head[k] as number;
  if (s < 0) {
    o[at] = 0x01;
    return at + 1;
  }
  return copy(o, od, at, buf, d, s, head[k + 1] as number);
}

/** A date or null token as a field: the date's value, or 0x01. */
function dateValue(
  o: Uint8Array,
  od: DataView<ArrayBufferLike>,
  at: number,
  buf: Uint8Array,
  d: DataView<ArrayBufferLike>,
  k: number,
): number {
  const s = head[k] as number;
  if (head[k + 1] === s + 4) {
    o[at] = 0x01;
    return at + 1;
  }
  return copy(o, od, at, buf, d, s + 1, (head[k + 1] as number) - 1);
}

// Locals throughout: a module variable costs a context load and a hole check at each use.
function write(
  buf: Uint8Array,
  lineBytes: number,
  nSkills: number,
  nWindows: number,
  nMissions: number,
  out: FieldOut,
): void {
  // The packed fields are the line's tokens with fewer keys and quotes around them; only a non-ASCII
  // e-mail, lowercased, may take more bytes than it did.
  out.reserve(lineBytes + (emailBytes === null ? 0 : emailBytes.length) + RECORD_FIELDS, RECORD_FIELDS);
  const o = out.bytes;
  if (o !== lastOut) {
    lastOut = o;
    lastOutView = new DataView(o.buffer, o.byteOffset, o.byteLength);
  }
  const od = lastOutView;
  const d = dv;
  const ends = out.ends;
  let f = out.fields;
  let at = out.used;
  at = token(o, od, at, buf, d, H_ID);
  ends[f++] = at;
  at = token(o, od, at, buf, d, H_EXTERNAL);
  ends[f++] = at;
  at = token(o, od, at, buf, d, H_SOURCE);
  ends[f++] = at;
  at = token(o, od, at, buf, d, H_NAME);
  ends[f++] = at;
  if (emailBytes !== null) {
    o.set(emailBytes, at);
    at += emailBytes.length;
    ends[f++] = at;
  } else if (head[H_EMAIL] === -1) {
    o[at++] = 0x01;
    ends[f++] = at;
  } else {
    for (let i = head[H_EMAIL] as number, e = head[H_EMAIL + 1] as number; i < e; i++) {
      const c = buf[i] as number;
      o[at++] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    }
    ends[f++] = at;
  }
  at = token(o, od, at, buf, d, H_PHONE);
  ends[f++] = at;
  at = token(o, od, at, buf, d, H_HEADLINE);
  ends[f++] = at;
  at = token(o, od, at, buf, d, H_OCCUPATION);
  ends[f++] = at;
  at = token(o, od, at, buf, d, H_LOCATION);
  ends[f++] = at;
  at = token(o, od, at, buf, d, H_REMOTE);
  ends[f++] = at;
  at = token(o, od, at, buf, d, H_DAILY);
  ends[f++] = at;
  at = dateValue(o, od, at, buf, d, H_CONSENT);
  ends[f++] = at;
  at = dateValue(o, od, at, buf, d, H_RETAIN);
  ends[f++] = at;
  at = token(o, od, at, buf, d, H_LANGUAGES);
  ends[f++] = at;
  at = token(o, od, at, buf, d, H_INDUSTRIES);
  ends[f++] = at;
  at = token(o, od, at, buf, d, H_FUNCTIONS);
  ends[f++] = at;

  // Skills: [["id",level,evidence,years,lastUsed,detail],…] in rank order.
  if (out.skills.length < nSkills) out.skills = new Int32Array(Math.max(nSkills, out.skills.length * 2));
  const indexes = out.skills;
  o[at++] = 0x5b;
  for (let r = 0; r < nSkills; r++) {
    const k = skillOrder[r] as number;
    const t = k * SKILL_STRIDE;
    indexes[r] = skillIndex[k] as number;
    if (r > 0) o[at++] = 0x2c;
    o[at++] = 0x5b;
    at = copy(o, od, at, buf, d, (skillTok[t] as number) - 1, (skillTok[t + 1] as number) + 1);
    o[at++] = 0x2c;
    o[at++] = buf[skillTok[t + 10] as number] as number;
    for (let j = 2; j < 10; j += 2) {
      o[at++] = 0x2c;
      at = copy(o, od, at, buf, d, skillTok[t + j] as number, skillTok[t + j + 1] as number);
    }
    o[at++] = 0x5d;
  }
  o[at++] = 0x5d;
  ends[f++] = at;
  out.skillCount = nSkills;

  // Availability: [[start,end,days],…].
  o[at++] = 0x5b;
  for (let w = 0; w < nWindows; w++) {
    const t = w * 6;
    if (w > 0) o[at++] = 0x2c;
    o[at++] = 0x5b;
    for (let j = 0; j < 6; j += 2) {
      if (j > 0) o[at++] = 0x2c;
      at = copy(o, od, at, buf, d, windowTok[t + j] as number, windowTok[t + j + 1] as number);
    }
    o[at++] = 0x5d;
  }
  o[at++] = 0x5d;
  ends[f++] = at;

  // Missions: [[title,organization,start,end,industry,function,outcome,[held…]],…].
  o[at++] = 0x5b;
  for (let m = 0; m < nMissions; m++) {
    const t = m * MISSION_STRIDE;
    if (m > 0) o[at++] = 0x2c;
    o[at++] = 0x5b;
    for (let j = 0; j < 14; j += 2) {
      at = copy(o, od, at, buf, d, missionTok[t + j] as number, missionTok[t + j + 1] as number);
      o[at++] = 0x2c;
    }
    o[at++] = 0x5b;
    at = copy(o, od, at, buf, d, missionTok[t + 14] as number, missionTok[t + 15] as number);
    o[at++] = 0x5d;
    o[at++] = 0x5d;
  }
  o[at++] = 0x5d;
  ends[f++] = at;

  out.used = at;
  out.fields = f;
}

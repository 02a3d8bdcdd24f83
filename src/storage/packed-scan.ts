/**
 * Reading the packed JSON texts of a talent row (src/core/import/packed-talent.ts) in place, for the
 * candidate read (candidate-codec.ts, `CandidateEncoder.encodeRow`): the strings ranking keeps are turned
 * into codes from their character positions (`SubstringCodes`), without making a JS string for each skill
 * id of each talent, and whatever ranking does not read is stepped over.
 *
 * The scanners accept only the exact text JSON.stringify writes (no whitespace, no escape in a string they
 * keep, a JSON number where one is expected) and report anything else by setting `scan.at` to -1; the
 * caller then reads the row through JSON.parse, so the result is JSON.parse's either way.
 */

/** Where the scan is in the text; -1 once the text is not in the expected form. */
export const scan = { at: 0 };

export const QUOTE = 34;
export const COMMA = 44;
export const OPEN = 91;
export const CLOSE = 93;
const BACKSLASH = 92;
const MINUS = 45;
const DOT = 46;
const LOWER_N = 110;
const LOWER_E = 101;
const UPPER_E = 69;
const PLUS = 43;

/** The code of a null string (a string's code is ≥ 0). */
export const NULL_CODE = -1;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Codes of strings met as character ranges of texts: a small open-addressing table over a hash computed
 * while scanning, checked character by character, in front of `codeOf` (called once for each distinct
 * string, with the string sliced out).
 */
export class SubstringCodes {
  private hashes = new Int32Array(1 << 12);
  private codes = new Int32Array(1 << 12).fill(-1);
  private strings: string[] = new Array<string>(1 << 12);
  private size = 0;

  constructor(private readonly codeOf: (s: string) => number) {}

  /**
   * The code of `t.slice(a, b)`; -1 with `scan.at` = -1 when that holds a backslash or a raw control
   * character (a string held here has none, so a match needs no check).
   */
  get(t: string, a: number, b: number): number {
    const h = keyOf(t, a, b);
    const mask = this.codes.length - 1;
    for (let i = (h ^ (h >>> 15)) & mask; ; i = (i + 1) & mask) {
      const code = this.codes[i] as number;
      if (code < 0) {
        for (let j = a; j < b; j++) {
          const c = t.charCodeAt(j);
          if (c === BACKSLASH || c < 32) return (scan.at = -1);
        }
        return this.add(i, t.slice(a, b), h);
      }
      if (this.hashes[i] === h && same(this.strings[i] as string, t, a, b)) return code;
    }
  }

  private add(slot: number, s: string, h: number): number {
    const code = this.codeOf(s);
    this.hashes[slot] = h;
    this.codes[slot] = code;
    this.strings[slot] = s;
    if (++this.size * 2 > this.codes.length) this.grow();
    return code;
  }

  private grow(): void {
    const { hashes, codes, strings } = this;
    const n = codes.length * 2;
    this.hashes = new Int32Array(n);
    this.codes = new Int32Array(n).fill(-1);
    this.strings = new Array<string>(n);
    for (let i = 0; i < codes.length; i++) {
      if ((codes[i] as number) < 0) continue;
      const h = hashes[i] as number;
      let j = (h ^ (h >>> 15)) & (n - 1);
      while ((this.codes[j] as number) >= 0) j = (j + 1) & (n - 1);
      this.hashes[j] = h;
      this.codes[j] = codes[i] as number;
      this.strings[j] = strings[i] as string;
    }
  }
}

/** Whether `s` is `t.slice(a, b)` (a loop: startsWith costs more on strings this short). */
function same(s: string, t: string, a: number, b: number): boolean {
  if (s.length !== b - a) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== t.charCodeAt(a + i)) return false;
  return true;
}

/** A hash of `t.slice(a, b)` from its length and three of its characters (no loop over it). */
function keyOf(t: string, a: number, b: number): number {
  const n = b - a;
  if (n === 0) return 0;
  const h = Math.imul(n, 0x9e3779b1) ^ Math.imul(t.charCodeAt(a), 0x85ebca6b);
  return (
    (h ^ Math.imul(t.charCodeAt(b - 1), 0xc2b2ae35) ^ Math.imul(t.charCodeAt(a + (n >>> 1)), 0x27d4eb2f)) | 0
  );
}

/**
 * The code of the string at `scan.at` (a quote), `scan.at` then past it; -1 with `scan.at` = -1 when it
 * holds an escape or a raw control character (JSON.parse decodes or refuses those) or does not end.
 */
export function stringCode(t: string, codes: SubstringCodes): number {
  const a = scan.at + 1;
  if (t.charCodeAt(a - 1) !== QUOTE) return (scan.at = -1);
  // The closing quote by indexOf (a fast search); an escaped quote before it is an escape, refused below.
  const b = t.indexOf('"', a);
  if (b < 0) return (scan.at = -1);
  scan.at = b + 1;
  return codes.get(t, a, b);
}

/** As stringCode, or NULL_CODE for the literal null. */
export function optStringCode(t: string, codes: SubstringCodes): number {
  if (t.charCodeAt(scan.at) === LOWER_N) {
    skipNull(t);
    return NULL_CODE;
  }
  return stringCode(t, codes);
}

/** Steps over the literal null at `scan.at`. */
function skipNull(t: string): void {
  const i = scan.at;
  scan.at =
    t.charCodeAt(i + 1) === 117 && t.charCodeAt(i + 2) === 108 && t.charCodeAt(i + 3) === 108 ? i + 4 : -1;
}

/** The end of the JSON number at `i`, or -1. */
function numberEnd(t: string, i: number): number {
  let j = i;
  if (t.charCodeAt(j) === MINUS) j++;
  if (t.charCodeAt(j) === 48) j++;
  else if (isDigit(t.charCodeAt(j))) while (isDigit(t.charCodeAt(j))) j++;
  else return -1;
  if (t.charCodeAt(j) === DOT) {
    if (!isDigit(t.charCodeAt(++j))) return -1;
    while (isDigit(t.charCodeAt(j))) j++;
  }
  const e = t.charCodeAt(j);
  if (e === LOWER_E || e === UPPER_E) {
    const s = t.charCodeAt(++j);
    if (s === PLUS || s === MINUS) j++;
    if (!isDigit(t.charCodeAt(j))) return -1;
    while (isDigit(t.charCodeAt(j))) j++;
  }
  return j;
}

/** The JSON number at `scan.at` (a lone digit without slicing), `scan.at` then past it; NaN if none. */
export function number(t: string): number {
  const i = scan.at;
  const c = t.charCodeAt(i);
  const next = t.charCodeAt(i + 1);
  if (isDigit(c) && !isDigit(next) && next !== DOT && next !== LOWER_E && next !== UPPER_E) {
    scan.at = i + 1;
    return c - 48;
  }
  const end = numberEnd(t, i);
  if (end < 0) {
    scan.at = -1;
    return NaN;
  }
  scan.at = end;
  return Number(t.slice(i, end));
}

/** Steps over a string from its opening quote at `i` (escapes allowed); the index past it, or -1. */
function skipString(t: string, i: number): number {
  for (let j = i + 1; j < t.length;) {
    const d = t.charCodeAt(j++);
    if (d === QUOTE) return j;
    if (d === BACKSLASH) j++;
    else if (d < 32) return -1;
  }
  return -1;
}

/** Steps over one scalar (a string, null, a number); `scan.at` then past it, or -1. */
export function skipScalar(t: string): void {
  const c = t.charCodeAt(scan.at);
  if (c === QUOTE) scan.at = skipString(t, scan.at);
  else if (c === LOWER_N) skipNull(t);
  else scan.at = numberEnd(t, scan.at);
}

/** Steps over the rest of a tuple of scalars, `, x, y]`, past its closing bracket. */
export function skipRest(t: string): void {
  // What packTalent writes after a skill's evidence when it has no years, last use or detail.
  if (t.startsWith(',null,null,null]', scan.at)) {
    scan.at += 16;
    return;
  }
  while (scan.at >= 0 && t.charCodeAt(scan.at) === COMMA) {
    scan.at++;
    skipScalar(t);
  }
  if (scan.at >= 0 && t.charCodeAt(scan.at) === CLOSE) scan.at++;
  else scan.at = -1;
}

/** Steps over `char` at `scan.at`, or sets it to -1. */
export function expect(t: string, char: number): void {
  if (scan.at >= 0 && t.charCodeAt(scan.at) === char) scan.at++;
  else scan.at = -1;
}

/**
 * A list of strings, `["a","b"]`: each one's code to `out`, the count returned; -1 (`scan.at` = -1) when
 * the text is not in that form. Starts at `scan.at`.
 */
export function stringList(t: string, codes: SubstringCodes, out: (code: number) => void): number {
  expect(t, OPEN);
  if (scan.at < 0) return -1;
  if (t.charCodeAt(scan.at) === CLOSE) {
    scan.at++;
    return 0;
  }
  for (let n = 1; ; n++) {
    const code = stringCode(t, codes);
    if (scan.at < 0) return -1;
    out(code);
    const c = t.charCodeAt(scan.at++);
    if (c === CLOSE) return n;
    if (c !== COMMA) return (scan.at = -1);
  }
}

/**
 * Accent- and case-folding that keeps one output character per input UTF-16 unit, so that an offset
 * in the folded text is the same offset in the original: spans found on folded text point into the
 * user's text without a mapping table.
 */
const FOLD: Record<string, string> = {};
const PAIRS: [string, string][] = [
  ['àáâãäåā', 'a'],
  ['çćč', 'c'],
  ['èéêëēėę', 'e'],
  ['ìíîïī', 'i'],
  ['ñń', 'n'],
  ['òóôõöøō', 'o'],
  ['ùúûüū', 'u'],
  ['ýÿ', 'y'],
  ['œ', 'o'],
  ['æ', 'a'],
  ['ß', 's'],
  ['’‘`´', "'"],
  ['‐‑‒–—', '-'],
  ['\u00a0\u202f', ' '],
];
for (const [chars, to] of PAIRS) for (const ch of chars) FOLD[ch] = to;

export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  // toLowerCase can change length for a few characters (e.g. 'İ'); fall back per character then.
  const src =
    lower.length === text.length
      ? lower
      : [...text].map((c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
  // Every folded character is outside printable ASCII except the backtick: replace only those.
  return src.replace(FOLDABLE, (ch) => FOLD[ch] ?? ch);
}

const FOLDABLE = /[^\t\n\r -_a-~]/g;

/** `foldedCodes()` value of a UTF-16 unit that cannot be folded on its own (see there). */
export const UNFOLDABLE = -1;

let foldTable: Int32Array | null = null;

/**
 * `normalizeText` as a table, one UTF-16 unit at a time, for scanners that must not build a folded copy of
 * the text: entry `c` is the code `normalizeText` gives unit `c`. A unit whose folding depends on more than
 * itself is UNFOLDABLE, and a text containing one must go through `normalizeText`: surrogates (an astral
 * letter is lower-cased as a pair), units whose lower case is longer (İ; `normalizeText` then takes its
 * per-character path) and Σ (lower-cased to ς at the end of a word). Built on first use (65,536 entries).
 */
export function foldedCodes(): Int32Array {
  if (foldTable) return foldTable;
  const table = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || lower.length !== 1) table[c] = UNFOLDABLE;
    else table[c] = (FOLD[lower] ?? lower).charCodeAt(0);
  }
  foldTable = table;
  return table;
}

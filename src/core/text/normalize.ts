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

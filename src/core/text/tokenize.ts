import { normalizeText } from './normalize.js';

export interface Token {
  /** Folded and lightly stemmed form used for matching. */
  key: string;
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
}

// Symbols that belong to skill names (C++, C#, .NET, CI/CD, R&D); hyphens and apostrophes are separators
// so that "fine-tuning" = "fine tuning" and "l'IA" yields "ia".
const SYMBOLS = new Set(['+', '#', '.', '/', '&']);
const isWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) ||
  (c >= 48 && c <= 57) ||
  (c >= 0xe0 && c <= 0x24f && c !== 0xf7) ||
  (c >= 0x370 && c <= 0x3ff);

/**
 * Light stemming shared by dictionary and text: plural -s/-x, French gendered endings. It only has to
 * map variants of one word to one key, the same way on both sides; it need not produce real words.
 */
export function stemWord(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  let x = w;
  if (x.endsWith('trices')) x = x.slice(0, -6) + 'teur';
  else if (x.endsWith('trice')) x = x.slice(0, -5) + 'teur';
  else if (x.endsWith('euses')) x = x.slice(0, -5) + 'eur';
  else if (x.endsWith('euse')) x = x.slice(0, -4) + 'eur';
  else if (x.endsWith('iennes')) x = x.slice(0, -6) + 'ien';
  else if (x.endsWith('ienne')) x = x.slice(0, -5) + 'ien';
  else if (x.endsWith('aux') && x.length > 4) x = x.slice(0, -3) + 'al';
  else if (
    (x.endsWith('s') || x.endsWith('x')) &&
    !x.endsWith('ss') &&
    !x.endsWith('us') &&
    !x.endsWith('is')
  ) {
    x = x.slice(0, -1);
  }
  if (x.endsWith('e') && x.length > 4) x = x.slice(0, -1);
  return x;
}

/** Tokens of a text with original offsets. Sentence punctuation is kept as tokens (key '.', ';'…) as boundaries. */
export function tokenize(text: string): Token[] {
  const folded = normalizeText(text);
  const tokens: Token[] = [];
  let i = 0;
  const n = folded.length;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(folded.charCodeAt(j))) j++;
      tokens.push({ key: stemWord(folded.slice(i, j)), start: i, end: j });
      i = j;
      continue;
    }
    const ch = folded[i] as string;
    if (
      SYMBOLS.has(ch) ||
      ch === ';' ||
      ch === ',' ||
      ch === ':' ||
      ch === '!' ||
      ch === '?' ||
      ch === '(' ||
      ch === ')'
    ) {
      tokens.push({ key: ch, start: i, end: i + 1 });
    }
    i++;
  }
  return tokens;
}

/** Keys of a dictionary form, tokenized exactly like text. */
export function formKeys(form: string): string[] {
  return tokenize(form).map((t) => t.key);
}

/** What `stemCodes` appends to the kept prefix: `STEM_ENDINGS[code & 7]`. */
export const STEM_ENDINGS = ['', 'teur', 'eur', 'ien', 'al'] as const;

const endsWith = (w: ArrayLike<number>, n: number, s: string): boolean => {
  if (n < s.length) return false;
  for (let i = 1; i <= s.length; i++) if (w[n - i] !== s.charCodeAt(s.length - i)) return false;
  return true;
};

/**
 * `stemWord` on character codes, for scanners that do not build a string per word: the stem of the word
 * `w[0…n)` is `w[0…code >> 3)` followed by `STEM_ENDINGS[code & 7]`. Keep the two in step (a test compares
 * them on every ending).
 */
export function stemCodes(w: ArrayLike<number>, n: number): number {
  if (n <= 3) return n << 3;
  for (let i = 0; i < n; i++) {
    const c = w[i] as number;
    if (c >= 48 && c <= 57) return n << 3;
  }
  return stemLetters(w, n);
}

/**
 * `stemCodes` for a word of more than three characters known to have no digit: a scanner that saw its
 * characters need not look for digits again.
 */
export function stemLetters(w: ArrayLike<number>, n: number): number {
  // stemWord's rules in its order, grouped by the last letter they need (s, e or x).
  const last = w[n - 1];
  if (last === 115) {
    const before = w[n - 2];
    // -trices, -euses and -iennes all end in -es.
    if (before === 101) {
      if (endsWith(w, n, 'trices')) return ((n - 6) << 3) | 1;
      if (endsWith(w, n, 'euses')) return ((n - 5) << 3) | 2;
      if (endsWith(w, n, 'iennes')) return ((n - 6) << 3) | 3;
    }
    // -s, but not -ss, -us, -is; then a final -e.
    if (before === 115 || before === 117 || before === 105) return n << 3;
    return (n - 1 > 4 && w[n - 2] === 101 ? n - 2 : n - 1) << 3;
  }
  if (last === 101) {
    if (endsWith(w, n, 'trice')) return ((n - 5) << 3) | 1;
    if (endsWith(w, n, 'euse')) return ((n - 4) << 3) | 2;
    if (endsWith(w, n, 'ienne')) return ((n - 5) << 3) | 3;
    return (n > 4 ? n - 1 : n) << 3;
  }
  if (last === 120) {
    if (n > 4 && endsWith(w, n, 'aux')) return ((n - 3) << 3) | 4;
    // -x dropped; then a final -e.
    return (n - 1 > 4 && w[n - 2] === 101 ? n - 2 : n - 1) << 3;
  }
  return n << 3;
}

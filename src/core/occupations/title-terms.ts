/**
 * How a job title is cut into retrieval terms, on both sides (occupation forms at build time, titles at
 * query time), so the two always agree: folded words without function words, their light stems
 * (src/core/text), stem bigrams, and character trigrams of the folded words packed into one number.
 *
 * The title linker resolves a query's terms to ids through a lexicon built from the forms' own words
 * (link-titles.ts); these functions are the reference it must reproduce, and what the forms and
 * `titleVector` use.
 */
import { normalizeText } from '../text/normalize.js';
import { STOPWORDS } from '../text/stopwords.js';
import { stemWord } from '../text/tokenize.js';

/** Letters and digits of folded text (Latin with diacritics, Greek); anything else separates words. */
export function isTitleWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    (c >= 0xe0 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x24f) ||
    (c >= 0x370 && c <= 0x3ff)
  );
}

/**
 * `normalizeText` one UTF-16 unit at a time, for units below U+0370 (−1 where folding changes the length).
 * Below U+0370, lower-casing a text is lower-casing each unit (the one contextual rule, final sigma, is
 * Greek), so a title made of such units folds here exactly as `normalizeText` folds it whole.
 */
export const FOLD_LIMIT = 0x370;
export const FOLD_CODES: Int32Array = (() => {
  const table = new Int32Array(FOLD_LIMIT);
  for (let c = 0; c < FOLD_LIMIT; c++) {
    const f = normalizeText(String.fromCharCode(c));
    table[c] = f.length === 1 ? f.charCodeAt(0) : -1;
  }
  return table;
})();

/** '#' pads a word at both ends so first and last letters make their own trigrams. */
const PAD = 35;

/**
 * Three characters in one number, so a trigram is a key without building a string: word characters and
 * the pad are below U+0400, 10 bits each, so the key takes 30 bits and stays a small integer (no boxed
 * number in a map, cheap to hash).
 */
export function trigramKey(a: number, b: number, c: number): number {
  return (a << 20) | (b << 10) | c;
}

/** Calls `emit` with the key of each trigram of `#word#`, left to right (repeats included). */
export function forEachTrigram(word: string, emit: (key: number) => void): void {
  const n = word.length + 2;
  if (n < 3) return;
  const at = (i: number) => (i === 0 || i === n - 1 ? PAD : word.charCodeAt(i - 1));
  for (let i = 0; i + 3 <= n; i++) emit(trigramKey(at(i), at(i + 1), at(i + 2)));
}

/** Folded content words of a title and their stems, in order (function words dropped on either form). */
export function titleWords(text: string): { folded: string[]; stems: string[] } {
  const folded: string[] = [];
  const stems: string[] = [];
  const s = normalizeText(text);
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isTitleWordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isTitleWordChar(s.charCodeAt(j))) j++;
    const w = s.slice(i, j);
    i = j;
    const stem = stemWord(w);
    if (STOPWORDS.has(stem) || STOPWORDS.has(w)) continue;
    folded.push(w);
    stems.push(stem);
  }
  return { folded, stems };
}

/** Separator of the two stems of a bigram term: never inside a stem (not a word character). */
export const BIGRAM_JOIN = '_';
/** Weight of a stem bigram against 1 for a stem: order helps, but a title's words matter most. */
export const BIGRAM_WEIGHT = 0.5;

/**
 * The two views of a title as bags: stems (1 each) and stem bigrams (BIGRAM_WEIGHT each), in order of
 * first appearance; trigram keys of the folded words (1 each).
 */
export function titleBags(text: string): { words: Map<string, number>; grams: Map<number, number> } {
  const { folded, stems } = titleWords(text);
  const words = new Map<string, number>();
  for (let i = 0; i < stems.length; i++) {
    const w = stems[i]!;
    words.set(w, (words.get(w) ?? 0) + 1);
    if (i > 0) {
      const bi = `${stems[i - 1]!}${BIGRAM_JOIN}${w}`;
      words.set(bi, (words.get(bi) ?? 0) + BIGRAM_WEIGHT);
    }
  }
  const grams = new Map<number, number>();
  for (const w of folded) forEachTrigram(w, (k) => grams.set(k, (grams.get(k) ?? 0) + 1));
  return { words, grams };
}

/** Removes gender and inclusive-writing markers of job ads: "(h/f)", "H/F", "(m/w/d)", "(f/h/x)". */
export function cleanTitle(title: string): string {
  return title
    .replace(/[([]\s*[hfmwdx]\s*(?:[/|-]\s*[hfmwdx]\s*){1,3}[)\]]/gi, ' ')
    .replace(/(^|\s)[hfmwx]\s*\/\s*[hfmwx](?:\s*\/\s*[hfmwdx])?(?=\s|$)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What every marker `cleanTitle` removes contains: an opening bracket then a letter, or a letter then a slash. */
const MAY_HAVE_MARKER = /[([]\s*[hfmwdx]|[hfmwx]\s*\//i;

/**
 * The same words as `cleanTitle`'s for retrieval, cheaper: spacing does not change words, and a title
 * without the start of a marker ("Accrocheur / Accrocheuse") is used as it is.
 */
export function cleanTitleForTerms(title: string): string {
  return MAY_HAVE_MARKER.test(title) ? cleanTitle(title) : title;
}

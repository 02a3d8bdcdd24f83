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
 * The word view of a title as (term, weight) entries, in order: each stem (1), then its bigram with the
 * previous stem (BIGRAM_WEIGHT). Repeats are kept (callers sum them).
 */
export function wordTermEntries(stems: readonly string[]): [string, number][] {
  const out: [string, number][] = [];
  for (let i = 0; i < stems.length; i++) {
    out.push([stems[i]!, 1]);
    if (i > 0) out.push([`${stems[i - 1]!}${BIGRAM_JOIN}${stems[i]!}`, BIGRAM_WEIGHT]);
  }
  return out;
}

/**
 * The two views of a title as bags: its word terms (`wordTermEntries`), in order of first appearance;
 * trigram keys of the folded words (1 each).
 */
export function titleBags(text: string): { words: Map<string, number>; grams: Map<number, number> } {
  const { folded, stems } = titleWords(text);
  const words = new Map<string, number>();
  for (const [k, w] of wordTermEntries(stems)) words.set(k, (words.get(k) ?? 0) + w);
  const grams = new Map<number, number>();
  for (const w of folded) forEachTrigram(w, (k) => grams.set(k, (grams.get(k) ?? 0) + 1));
  return { words, grams };
}

/**
 * Two words are the masculine and feminine forms of one title word ("agent"/"agente",
 * "contrôleur"/"contrôleuse", "animateur"/"animatrice", "acteur"/"actrice"): they share a start of at
 * least 4 letters (3 when both have 5 or more) and differ by at most 3 letters after it on the shorter.
 * "production/fabrication", "CI/CD" or "dev/devops" are not.
 */
export function isGenderPair(a: string, b: string): boolean {
  // Lower case is enough: both forms of a word carry the same accents (and this runs per query).
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const short = Math.min(x.length, y.length);
  let p = 0;
  while (p < short && x.charCodeAt(p) === y.charCodeAt(p)) p++;
  if (p < short - 3) return false;
  return p >= 4 || (p >= 3 && short >= 5);
}

/** A letter or digit of a raw title (Latin letters with or without diacritics, and beyond: a title's words). */
function isRawWordCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)
  );
}

/** Start and end of each word of `text` between `from` and `to`, flat: [start0, end0, start1, end1, …]. */
function wordBounds(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  let i = from;
  while (i < to) {
    while (i < to && !isRawWordCode(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && isRawWordCode(text.charCodeAt(i))) i++;
    out.push(start, i);
  }
  return out;
}

/**
 * Drops the feminine repeat of a gendered title written "masculine / feminine" with the complement once
 * ("Agent / Agente de sûreté" → "Agent de sûreté", "Attaché commercial / Attachée commerciale bancaire"
 * → "Attaché commercial bancaire"). Kept as it is, the repeat doubles the head word's weight and its
 * trigrams, so the title matches a bare one-word form ("agent") better than the form that has its
 * complement. The words right after a slash are dropped when each is the gender pair of the word at the
 * same place before it (the most such words, at most those of the part before the slash).
 */
function collapseGenderedRepeat(title: string): string {
  let out = title;
  for (let slash = out.indexOf('/'); slash >= 0; slash = out.indexOf('/', slash + 1)) {
    const left = wordBounds(out, out.lastIndexOf('/', slash - 1) + 1, slash);
    const next = out.indexOf('/', slash + 1);
    const right = wordBounds(out, slash + 1, next < 0 ? out.length : next);
    const nl = left.length / 2;
    for (let k = Math.min(nl, right.length / 2); k >= 1; k--) {
      let same = true;
      for (let i = 0; i < k && same; i++)
        same = isGenderPair(
          out.slice(left[2 * (nl - k + i)]!, left[2 * (nl - k + i) + 1]!),
          out.slice(right[2 * i]!, right[2 * i + 1]!),
        );
      if (!same) continue;
      out = `${out.slice(0, slash)} ${out.slice(right[2 * k - 1]!)}`;
      break;
    }
  }
  return out;
}

/**
 * An exclusion clause names other occupations ("Geoscientists, Except Hydrologists and Geographers"):
 * its words would pull the title towards exactly what it is not. From the clause to the end is dropped.
 */
const EXCLUSION = /\s*[,;(\u2013-]\s*(?:except|excluding|other than|sauf|hors|à l['\u2019]exception)\b.*$/iu;

/**
 * Seniority and contract words of job ads ("Senior", "Jr.", "confirmée", "(CDI)", "temps partiel"): they
 * say how the job is held, not what it is, and a form that happens to contain one ("senior food safety
 * specialist") would otherwise outrank the plain occupation. Words that do name an occupation
 * ("trainee", "apprenti", "stage manager", "interim manager") are left alone.
 */
const NOISE_WORDS =
  'senior|junior|sr|jr|confirm[ée]e?s?|exp[ée]riment[ée]e?s?|d[ée]butante?s?|cdi|cdd|alternance|full[- ]time|part[- ]time|temps (?:plein|partiel)';
const NOISE_PATTERN = `(^|[^\\p{L}\\p{N}])(?:${NOISE_WORDS})(?=$|[^\\p{L}\\p{N}])`;
const NOISE = new RegExp(NOISE_PATTERN, 'giu');
const NOISE_TEST = new RegExp(NOISE_PATTERN, 'iu');

/**
 * Removes gender and inclusive-writing markers of job ads ("(h/f)", "H/F", "(m/w/d)", "(f/h/x)"), the
 * feminine repeat of a "masculine / feminine" title, an exclusion clause, and seniority and contract
 * words (unless nothing else is left).
 */
export function cleanTitle(title: string): string {
  // Each step only where its pattern can start: most titles need none, and this runs per query.
  let t = MARKER_START.test(title)
    ? title
        .replace(/[([]\s*[hfmwdx]\s*(?:[/|:-]\s*[hfmwdx]\s*){1,3}[)\]]/gi, ' ')
        .replace(/(^|\s)[hfmwx]\s*\/\s*[hfmwx](?:\s*\/\s*[hfmwdx])?(?=\s|$)/gi, ' ')
    : title;
  if (t.includes('/')) t = collapseGenderedRepeat(t);
  t = t.replace(EXCLUSION, '');
  if (NOISE_TEST.test(t)) {
    // What removing the words leaves behind: empty brackets, a dangling dash or full stop ("Sr. …").
    const denoised = t
      .replace(NOISE, '$1 ')
      .replace(/[([]\s*[)\]]/g, ' ')
      .replace(/^[\s.,;:\u2013-]+|[\s.,;:\u2013-]+$/g, '');
    if (/[\p{L}\p{N}]/u.test(denoised)) t = denoised;
  }
  return t.replace(/\s+/g, ' ').trim();
}

/** Where a gender marker can start: an opening bracket then a letter, or a letter then a slash. */
const MARKER_START = /[([]\s*[hfmwdx]|[hfmwx]\s*\//i;

/**
 * What every change `cleanTitle` makes needs: an opening bracket then a letter, a slash, a separator
 * then an exclusion word, or a seniority or contract word.
 */
const MAY_NEED_CLEANING = new RegExp(
  `[([]\\s*[hfmwdx]|/|[,;(\\u2013-]\\s*(?:except|excluding|other|sauf|hors|à l)|(?:^|[^\\p{L}\\p{N}])(?:${NOISE_WORDS})(?=$|[^\\p{L}\\p{N}])`,
  'iu',
);

/**
 * The same words as `cleanTitle`'s for retrieval, cheaper: spacing does not change words, and a title
 * that cannot need cleaning ("Chef de projet") is used as it is.
 */
export function cleanTitleForTerms(title: string): string {
  return MAY_NEED_CLEANING.test(title) ? cleanTitle(title) : title;
}

import type { Lang } from '../taxonomy/types.js';
import { CodeDict, HASH_START, hashStep } from './code-dict.js';

const FR_WORDS =
  'le la les des du de un une et est sont pour dans avec sur nous vous qui que au aux ce cette ces pas sans ou être avoir notre nos votre vos leur leurs il elle ils en par plus mais très aussi';
const EN_WORDS =
  'the a an and is are for in with on we you who that this these not without or be have our your their it they by more but very also of to will';

/** The function words of both languages, and which language each belongs to (1 French, 2 English). */
const WORDS = new CodeDict();
const SIDE: number[] = [];
/**
 * A bit per value of a word's short hash (shortHash), set for the function words: most words of a text
 * are not one, and this says so without a lookup.
 */
const MAYBE = new Uint32Array(4096 / 32);
const shortHash = (h: number): number => (h ^ (h >>> 12) ^ (h >>> 24)) & 4095;
for (const [words, side] of [
  [FR_WORDS, 1],
  [EN_WORDS, 2],
] as const) {
  for (const w of words.split(' ')) {
    const id = WORDS.add(w);
    SIDE[id] = (SIDE[id] ?? 0) | side;
    let h = HASH_START;
    for (let i = 0; i < w.length; i++) h = hashStep(h, w.charCodeAt(i));
    const bit = shortHash(h);
    MAYBE[bit >>> 5] = (MAYBE[bit >>> 5] as number) | (1 << (bit & 31));
  }
}
const LONGEST = Math.max(...`${FR_WORDS} ${EN_WORDS}`.split(' ').map((w) => w.length));

/** Characters of a word here (lower case); the apostrophe joins an elision to its word. */
const WORD_CHARS = "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùüÿœ'";
const APOSTROPHE = 39;
const IS_WORD = 0x10000;

let table: Int32Array | null = null;
/**
 * Per UTF-16 unit: its lower case | IS_WORD if that is a word character; -1 where lower-casing makes the
 * unit longer (İ).
 */
function lowerCodes(): Int32Array {
  if (table) return table;
  const t = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    t[c] = lower.length !== 1 ? -1 : lower.charCodeAt(0) | (WORD_CHARS.includes(lower) ? IS_WORD : 0);
  }
  table = t;
  return t;
}

const segment = new Uint16Array(LONGEST);

/** 1 French, 2 English, 0 neither: the word `segment[0…n)`, whose running hash is `h`. */
function sideOf(n: number, h: number): number {
  if (n > LONGEST) return 0;
  const bit = shortHash(h);
  if (((MAYBE[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return 0;
  const id = WORDS.find(segment, n, '');
  return id < 0 ? 0 : (SIDE[id] as number);
}

/**
 * French or English from function words. Ties and texts with no function word default to `fallback`:
 * short inputs such as a job title carry too little signal to override the caller's hint.
 *
 * Words are runs of WORD_CHARS in the lower-cased text; in a run with apostrophes, the word is what
 * follows the first one ("l'équipe" → "équipe"). One pass over the character codes, without splitting the
 * text: lower-casing one unit at a time is the same as lower-casing the text except for units that grow
 * (İ) or depend on their neighbours (Σ, astral letters), and of those only İ can become a word character,
 * so a text with one takes the string path.
 */
export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  const lower = lowerCodes();
  let fr = 0;
  let en = 0;
  let inWord = false;
  let apostrophes = 0;
  let n = 0;
  let h = HASH_START;
  for (let i = 0; i < text.length; i++) {
    const c = lower[text.charCodeAt(i)] as number;
    if (c < 0) return detectLanguageOfString(text, fallback);
    if (c & IS_WORD) {
      inWord = true;
      if (c === (APOSTROPHE | IS_WORD)) {
        // The word starts after the first apostrophe and ends at the second.
        if (++apostrophes === 1) {
          n = 0;
          h = HASH_START;
        }
      } else if (apostrophes < 2) {
        // A word longer than the longest function word is not one: its letters need no keeping.
        if (n < LONGEST) {
          segment[n] = c & 0xffff;
          h = hashStep(h, c & 0xffff);
        }
        n++;
      }
    } else if (inWord) {
      const side = sideOf(n, h);
      fr += side & 1;
      en += side >> 1;
      inWord = false;
      apostrophes = 0;
      n = 0;
      h = HASH_START;
    }
  }
  if (inWord) {
    const side = sideOf(n, h);
    fr += side & 1;
    en += side >> 1;
  }
  return fr === en ? fallback : fr > en ? 'fr' : 'en';
}

const FR = new Set(FR_WORDS.split(' '));
const EN = new Set(EN_WORDS.split(' '));

/** The same on a lower-cased copy of the text, split into words. */
function detectLanguageOfString(text: string, fallback: Lang): Lang {
  let fr = 0;
  let en = 0;
  for (const w of text.toLowerCase().split(/[^a-zàâçéèêëîïôûùüÿœ']+/)) {
    const word = w.includes("'") ? (w.split("'")[1] ?? w) : w;
    if (FR.has(word)) fr++;
    if (EN.has(word)) en++;
  }
  if (fr === en) return fallback;
  return fr > en ? 'fr' : 'en';
}

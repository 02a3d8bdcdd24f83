import type { Lang } from '../taxonomy/types.js';
import { textCodes } from './text-codes.js';

const FR_WORDS =
  'le la les des du de un une et est sont pour dans avec sur nous vous qui que au aux ce cette ces pas sans ou être avoir notre nos votre vos leur leurs il elle ils en par plus mais très aussi';
const EN_WORDS =
  'the a an and is are for in with on we you who that this these not without or be have our your their it they by more but very also of to will';

/**
 * Per UTF-16 unit, what the detector reads of its lower case: the letter's code in a function word
 * (1–26 for a–z, 27 ê, 28 è: all the letters the function words use), OTHER_LETTER for another word
 * character, APOSTROPHE, 0 for a separator, or GROWS where lower-casing makes the unit longer (İ).
 */
const OTHER_LETTER = 29;
const APOSTROPHE = 30;
const GROWS = 31;
/** Characters of a word here (lower case); the apostrophe joins an elision to its word. */
const WORD_CHARS = "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùüÿœ'";
const FUNCTION_LETTERS = 'abcdefghijklmnopqrstuvwxyzêè';

let table: Uint8Array | null = null;
function letterCodes(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length !== 1) t[c] = GROWS;
    else if (lower === "'") t[c] = APOSTROPHE;
    else if (FUNCTION_LETTERS.includes(lower)) t[c] = FUNCTION_LETTERS.indexOf(lower) + 1;
    else if (WORD_CHARS.includes(lower)) t[c] = OTHER_LETTER;
  }
  table = t;
  return t;
}

/**
 * A word of function-word letters is packed five bits a letter: its first six letters in `key` (an int32,
 * the length told by the leading letter, never 0), a seventh in `seventh` (0 for a shorter word): unique,
 * so that a function word is found by its key without keeping its letters.
 */
const LONGEST = 7;
const SLOTS = 256;
const slotKey = new Int32Array(SLOTS);
const slotSeventh = new Int8Array(SLOTS);
/** 1 French, 2 English, 3 both, 0 an empty slot. */
const slotSide = new Uint8Array(SLOTS);
const slotOf = (key: number, seventh: number): number => Math.imul(key ^ (seventh << 25), 0x9e3779b1) >>> 24;

for (const [words, side] of [
  [FR_WORDS, 1],
  [EN_WORDS, 2],
] as const) {
  for (const w of words.split(' ')) {
    if (w.length > LONGEST) throw new Error(`function word longer than ${LONGEST} letters: ${w}`);
    let key = 0;
    let seventh = 0;
    for (let i = 0; i < w.length; i++) {
      const code = FUNCTION_LETTERS.indexOf(w[i] as string) + 1;
      if (i < 6) key = key * 32 + code;
      else seventh = code;
    }
    let s = slotOf(key, seventh);
    while (slotSide[s] !== 0 && (slotKey[s] !== key || slotSeventh[s] !== seventh)) s = (s + 1) & (SLOTS - 1);
    slotKey[s] = key;
    slotSeventh[s] = seventh;
    slotSide[s] = (slotSide[s] as number) | side;
  }
}

/** 1 French, 2 English, 0 neither: the packed word. */
function sideOf(key: number, seventh: number): number {
  for (let s = slotOf(key, seventh); ; s = (s + 1) & (SLOTS - 1)) {
    const side = slotSide[s] as number;
    if (side === 0 || (slotKey[s] === key && slotSeventh[s] === seventh)) return side;
  }
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
  return detectLanguageOfCodes(text, textCodes(text), fallback);
}

/** `detectLanguage` for a caller that has the text's code units from `textCodes` already. */
export function detectLanguageOfCodes(text: string, units: Uint16Array, fallback: Lang = 'en'): Lang {
  const codes = letterCodes();
  let fr = 0;
  let en = 0;
  let inWord = false;
  let apostrophes = 0;
  // Letters of the word so far (more than LONGEST once it cannot be a function word), and its packing.
  let n = 0;
  let key = 0;
  let seventh = 0;
  for (let i = 0; i < text.length; i++) {
    const d = codes[units[i] as number] as number;
    if (d === 0) {
      if (inWord) {
        if (n <= LONGEST) {
          const side = sideOf(key, seventh);
          fr += side & 1;
          en += side >> 1;
        }
        inWord = false;
        apostrophes = 0;
        n = 0;
        key = 0;
        seventh = 0;
      }
      continue;
    }
    if (d === GROWS) return detectLanguageOfString(text, fallback);
    inWord = true;
    if (d === APOSTROPHE) {
      // The word starts after the first apostrophe and ends at the second.
      if (++apostrophes === 1) {
        n = 0;
        key = 0;
        seventh = 0;
      }
    } else if (apostrophes < 2) {
      if (d === OTHER_LETTER) n = LONGEST + 1;
      else if (n < 6) key = key * 32 + d;
      else if (n === 6) seventh = d;
      n++;
    }
  }
  if (inWord && n <= LONGEST) {
    const side = sideOf(key, seventh);
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

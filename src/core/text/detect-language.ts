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
  const tally = new LanguageTally();
  for (let i = 0; i < text.length; i++)
    if (!tally.unit(units[i] as number)) return detectLanguageOfString(text, fallback);
  return tally.result(fallback);
}

/** Whether a UTF-16 unit's lower case is a letter a–z (what `LanguageTally.letters` takes). */
export const isPlainLetter = (c: number): boolean => {
  const d = letterCodes()[c] as number;
  return d >= 1 && d <= 26;
};
/** Whether a UTF-16 unit is the apostrophe (what `LanguageTally.apostrophe` takes). */
export const isApostrophe = (c: number): boolean => letterCodes()[c] === APOSTROPHE;

/**
 * The function-word counts of `detectLanguageOfCodes`, fed one unit at a time (`unit`), or by a scanner
 * that reads the text's words itself, word by word (`letters`) and separator by separator (`apostrophe`,
 * `separator`): the counts are the same as long as it gives every unit of the text, in order, to one of
 * them. `result` then says the language.
 */
export class LanguageTally {
  private fr = 0;
  private en = 0;
  private inWord = false;
  private apostrophes = 0;
  // Letters of the word so far (more than LONGEST once it cannot be a function word), and its packing.
  private n = 0;
  private key = 0;
  private seventh = 0;

  /** Reads unit `c`; false if it grows when lower-cased (İ): then only the string path is right. */
  unit(c: number): boolean {
    const d = letterCodes()[c] as number;
    if (d === 0) this.separator();
    else if (d === GROWS) return false;
    else if (d === APOSTROPHE) this.apostrophe();
    else this.letter(d);
    return true;
  }

  /** A unit that is neither a word character nor the apostrophe: the end of a word. */
  separator(): void {
    if (!this.inWord) return;
    if (this.n <= LONGEST) {
      const side = sideOf(this.key, this.seventh);
      this.fr += side & 1;
      this.en += side >> 1;
    }
    this.inWord = false;
    this.apostrophes = 0;
    this.n = 0;
    this.key = 0;
    this.seventh = 0;
  }

  /** The apostrophe: the word starts after the first one and ends at the second. */
  apostrophe(): void {
    this.inWord = true;
    if (++this.apostrophes === 1) {
      this.n = 0;
      this.key = 0;
      this.seventh = 0;
    }
  }

  /** `len` units whose lower case is a letter a–z, given as the codes 97–122 of those letters. */
  letters(codes: Uint16Array, len: number): void {
    this.inWord = true;
    if (this.apostrophes >= 2) return;
    let n = this.n;
    if (n + len > LONGEST) {
      this.n = LONGEST + 1;
      return;
    }
    // `letter` on each, in locals: none is OTHER_LETTER, and the word stays within LONGEST letters.
    let key = this.key;
    for (let i = 0; i < len; i++, n++) {
      const d = (codes[i] as number) - 96;
      if (n < 6) key = key * 32 + d;
      else this.seventh = d;
    }
    this.key = key;
    this.n = n;
  }

  private letter(d: number): void {
    this.inWord = true;
    if (this.apostrophes >= 2) return;
    if (d === OTHER_LETTER) this.n = LONGEST + 1;
    else if (this.n < 6) this.key = this.key * 32 + d;
    else if (this.n === 6) this.seventh = d;
    this.n++;
  }

  /** The language, once every unit was read; ties and no function word give `fallback`. */
  result(fallback: Lang): Lang {
    this.separator();
    return this.fr === this.en ? fallback : this.fr > this.en ? 'fr' : 'en';
  }
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

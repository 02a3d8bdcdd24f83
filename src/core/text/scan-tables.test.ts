import { describe, expect, it } from 'vitest';
import { CodeDict } from './code-dict.js';
import { detectLanguage } from './detect-language.js';
import { foldedCodes, normalizeText, UNFOLDABLE } from './normalize.js';
import { STEM_ENDINGS, stemCodes, stemWord } from './tokenize.js';

const codes = (w: string) => Uint16Array.from(w, (ch) => ch.charCodeAt(0));

describe('foldedCodes', () => {
  it('folds every unit as normalizeText does, alone and between letters', () => {
    const table = foldedCodes();
    let unfoldable = 0;
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const f = table[c] as number;
      if (f === UNFOLDABLE) {
        unfoldable++;
        continue;
      }
      const ch = String.fromCharCode(c);
      if (normalizeText(ch).charCodeAt(0) !== f || normalizeText(`A${ch}b`).charCodeAt(1) !== f)
        wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    // Surrogates, Σ and the few units whose lower case is longer.
    expect(unfoldable).toBeGreaterThan(0x800);
    expect(unfoldable).toBeLessThan(0x800 + 10);
    expect(table['Σ'.charCodeAt(0)]).toBe(UNFOLDABLE);
    expect(table['İ'.charCodeAt(0)]).toBe(UNFOLDABLE);
  });
});

describe('stemCodes', () => {
  it('gives stemWord on every ending it knows, and on words it leaves alone', () => {
    const endings = ['trices', 'trice', 'euses', 'euse', 'iennes', 'ienne', 'aux', 'ss', 'us', 'is'];
    const tails = [...endings, 's', 'x', 'e', 'es', 'ex', 'ees', 'a', 'r', ''];
    const stems = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', 'e', 'ee', 'data', 'mod', 'x2', 'é'];
    for (const stem of stems)
      for (const tail of tails) {
        const w = stem + tail;
        if (w.length === 0) continue;
        const code = stemCodes(codes(w), w.length);
        expect(w.slice(0, code >> 3) + (STEM_ENDINGS[code & 7] as string), w).toBe(stemWord(w));
      }
  });
});

describe('CodeDict', () => {
  it('gives dense ids and finds words from their codes, short (packed) or long (hashed)', () => {
    const dict = new CodeDict();
    const words = [
      '',
      'a',
      'ab',
      'python',
      'kubernetes',
      'abcdefghij',
      'abcdefghijk',
      'c++',
      'données',
      'x9',
    ];
    for (let i = 0; i < 5000; i++) words.push(`w${i.toString(36)}`, `mot${i}`, 'z'.repeat(1 + (i % 12)) + i);
    const unique = [...new Set(words)];
    unique.forEach((w, i) => expect(dict.add(w)).toBe(i));
    expect(dict.size).toBe(unique.length);
    const wrong = unique.filter(
      (w, i) =>
        dict.add(w) !== i ||
        dict.get(w) !== i ||
        dict.word(i) !== w ||
        dict.find(codes(w), w.length, '') !== i ||
        dict.findLetters(codes(w), w.length, '', /^[a-z]*$/.test(w)) !== i,
    );
    expect(wrong).toEqual([]);
    // A word found as a prefix and a tail, as the scanner looks up a stem and its ending.
    expect(dict.find(codes('administr'), 9, 'teur')).toBe(-1);
    const id = dict.add('administrateur');
    expect(dict.find(codes('administrXX'), 9, 'ateur')).toBe(id);
    // findLetters packs the codes and the tail as find does, across the six letters of its first part.
    for (const w of ['abcdefghij', 'kubernetes', 'python', 'ab', 'abcdefg']) {
      const id = dict.add(w);
      for (let cut = 0; cut <= w.length; cut++)
        expect(dict.findLetters(codes(w), cut, w.slice(cut), true), `${w} ${cut}`).toBe(id);
    }
    for (const w of ['b', 'pythons', 'abcdefghijkl', 'c+', 'donnees', 'zz']) expect(dict.get(w)).toBe(-1);
    // A short word remembered as absent (the recent-words table) is found once added.
    for (const w of ['zq', 'qzq', 'pythonx']) {
      expect(dict.find(codes(w), w.length, '')).toBe(-1);
      const added = dict.add(w);
      expect(dict.find(codes(w), w.length, '')).toBe(added);
      expect(dict.findLetters(codes(w), w.length, '', true)).toBe(added);
    }
  });

  it('finds a word from letters known to be a–z (or not) as find does', () => {
    const dict = new CodeDict();
    const words = ['data', 'administrateur', 'abcdefghij', 'abcdefghijk', 'données', 'x9', 'c++', 'a'];
    for (const w of words) dict.add(w);
    const isAz = (w: string) => /^[a-z]*$/.test(w);
    for (const w of [...words, 'datum', 'abcdefghijkl', 'donnee'])
      for (let cut = 0; cut <= w.length; cut++) {
        const head = w.slice(0, cut);
        const tail = w.slice(cut);
        if (!isAz(tail)) continue;
        expect(dict.findLetters(codes(head), cut, tail, isAz(head)), w).toBe(
          dict.find(codes(w), w.length, ''),
        );
      }
  });
});

/** The original detectLanguage, on a lower-cased copy split into words: the reference. */
function detectBySplitting(text: string, fallback: 'fr' | 'en' = 'en'): 'fr' | 'en' {
  const FR = new Set(
    'le la les des du de un une et est sont pour dans avec sur nous vous qui que au aux ce cette ces pas sans ou être avoir notre nos votre vos leur leurs il elle ils en par plus mais très aussi'.split(
      ' ',
    ),
  );
  const EN = new Set(
    'the a an and is are for in with on we you who that this these not without or be have our your their it they by more but very also of to will'.split(
      ' ',
    ),
  );
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

describe('detectLanguage', () => {
  it('counts words as splitting the lower-cased text does', () => {
    const texts = [
      "L'équipe est TRÈS motivée et c'est pour l'IA",
      "the team's data and l'ETL d'abord'e",
      'Être ou ne pas être: THE question',
      'İstanbul: le la les the a', // İ grows when lower-cased: the string path
      'ΣΟΦΙΑ and the Σ of la',
      "''l'' 'the' a'b'c le",
      'x'.repeat(40) + ' the',
    ];
    // And random strings over an alphabet of function-word letters, apostrophes and separators.
    const alphabet = "aeilnorst'’ ÉéèÊêTHEÀàœ-.İΣ\n";
    let seed = 7;
    for (let n = 0; n < 300; n++) {
      let s = '';
      for (let i = 0; i < 40; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += alphabet[seed % alphabet.length];
      }
      texts.push(s);
    }
    for (const t of texts) {
      expect(detectLanguage(t), t).toBe(detectBySplitting(t));
      expect(detectLanguage(t, 'fr'), t).toBe(detectBySplitting(t, 'fr'));
    }
  });
});

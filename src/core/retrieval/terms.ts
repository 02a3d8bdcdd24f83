/**
 * Retrieval terms of a text: stemmed content words (src/core/text), their bigrams, and character
 * n-grams of the folded words. Shared by the skill ranker and the occupation linker so documents and
 * queries are cut the same way.
 */
import { normalizeText } from '../text/normalize.js';
import { STOPWORDS } from '../text/stopwords.js';
import { tokenize } from '../text/tokenize.js';

const isWordKey = (k: string): boolean => /[a-z0-9\u00e0-\u024f\u0370-\u03ff]/.test(k) && k.length > 0;

/** Stemmed content words in order (punctuation and function words dropped). */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (!isWordKey(t.key) || STOPWORDS.has(t.key)) continue;
    out.push(t.key);
  }
  return out;
}

/** Adds `weight` per word and per adjacent pair (`a_b`) of the words to `bag`. */
export function addWordTerms(
  bag: Map<string, number>,
  words: readonly string[],
  weight = 1,
  bigramWeight = weight,
): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    bag.set(w, (bag.get(w) ?? 0) + weight);
    if (i > 0 && bigramWeight > 0) {
      const bi = `${words[i - 1] as string}_${w}`;
      bag.set(bi, (bag.get(bi) ?? 0) + bigramWeight);
    }
  }
}

/** Folded words of a text for character n-grams (letters and digits only, no stemming). */
export function foldedWords(text: string): string[] {
  return normalizeText(text)
    .split(/[^a-z0-9\u00e0-\u024f\u0370-\u03ff]+/)
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
}

/** Adds the character n-grams of each word, padded with '#' at both ends (`#de`, `dev`, …, `er#`). */
export function addCharGrams(bag: Map<string, number>, words: readonly string[], n = 3, weight = 1): void {
  for (const w of words) {
    const s = `#${w}#`;
    if (s.length <= n) {
      const g = `~${s}`;
      bag.set(g, (bag.get(g) ?? 0) + weight);
      continue;
    }
    for (let i = 0; i + n <= s.length; i++) {
      const g = s.slice(i, i + n);
      bag.set(g, (bag.get(g) ?? 0) + weight);
    }
  }
}

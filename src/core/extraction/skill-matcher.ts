import { isEscoId } from '../esco/esco.js';
import { surfaceForms } from '../taxonomy/taxonomy.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { STOPWORDS } from '../text/stopwords.js';
import { formKeys } from '../text/tokenize.js';

/** One dictionary entry: a surface form of a skill, as token keys. */
export interface DictEntry {
  skillId: string;
  form: string;
  /** Needs supporting context (a short or common-word name). */
  ambiguous: boolean;
  /** Must match the original text's letter case (acronyms such as "R", "Go", "SAS"). */
  caseSensitive: boolean;
}

interface TrieNode {
  /** Allocated on first child: most nodes of a 100k-form trie are leaves. */
  next: Map<string, TrieNode> | null;
  entries: DictEntry[];
}

export interface SkillMatcher {
  root: TrieNode;
  size: number;
}

const NO_ENTRIES: DictEntry[] = [];
const newNode = (): TrieNode => ({ next: null, entries: NO_ENTRIES });

/**
 * An ESCO single-word label is matched literally only if it is distinctive: this many ESCO skills at most
 * have the word in one of their labels (photogrammetry, criminology), or the label is written like a name
 * (an acronym, mixed case, a digit or a symbol: ERM, KDevelop, M41, C++).
 */
export const ESCO_DISTINCTIVE_WORD_MAX_SKILLS = 10;

/** Token keys are words, or single punctuation characters (see tokenize). */
const isWordKey = (k: string): boolean => {
  if (k.length > 1) return true;
  const c = k.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c >= 0xe0;
};

/**
 * How literal matching treats an ESCO form. ESCO's 110k labels include many generic words ("guide",
 * "interview", "gold", "communication") that would flood extraction with false positives, so:
 * - a label of two content words or more ("manage staff", "use Microsoft Office") matches literally;
 * - a single word matches literally only if distinctive (see ESCO_DISTINCTIVE_WORD_MAX_SKILLS), and then
 *   case-sensitively if written with a capital (Rage, Absorb: product names that are also common words);
 * - any other single word is not matched literally: the implicit ranker still finds the skill, unspanned.
 */
function escoFormRule(
  form: string,
  keys: readonly string[],
  wordSkillCount: ReadonlyMap<string, number>,
): { skip: boolean; caseSensitive: boolean } {
  const content = keys.filter((k) => isWordKey(k) && !STOPWORDS.has(k));
  if (content.length === 0) return { skip: true, caseSensitive: false };
  const letters = form.replace(/[^A-Za-z]/g, '');
  if (content.length >= 2) return { skip: false, caseSensitive: letters.length <= 2 };
  const nameLike = /[A-Z].*[A-Z]|[a-z][A-Z]|\d|[+#]/.test(form);
  const rare = (wordSkillCount.get(content[0] as string) ?? 0) <= ESCO_DISTINCTIVE_WORD_MAX_SKILLS;
  if (!nameLike && !rare) return { skip: true, caseSensitive: false };
  return { skip: false, caseSensitive: /[A-Z]/.test(form) };
}

/** For each content word, how many ESCO skills have it in one of their labels. */
function escoWordSkillCounts(tax: Taxonomy, keysOf: (form: string) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const skill of tax.skills) {
    if (!isEscoId(skill.id)) continue;
    const words = new Set<string>();
    for (const form of surfaceForms(skill)) for (const k of keysOf(form)) if (isWordKey(k)) words.add(k);
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

/**
 * A token trie over every surface form of the taxonomy. Forms of an ambiguous skill that are short
 * (≤ 4 letters) or a single common word are flagged so the extractor asks for context before trusting them.
 * ESCO forms follow `escoFormRule`.
 */
export function buildSkillMatcher(tax: Taxonomy): SkillMatcher {
  const root = newNode();
  let size = 0;
  let wordSkillCount: Map<string, number> | null = null;
  // ESCO forms are cut twice (word counts, then the trie): cut each once.
  const cache = new Map<string, string[]>();
  const keysOf = (form: string): string[] => {
    let k = cache.get(form);
    if (!k) cache.set(form, (k = formKeys(form)));
    return k;
  };
  for (const skill of tax.skills) {
    const seen = new Set<string>();
    const esco = isEscoId(skill.id);
    if (esco && !wordSkillCount) wordSkillCount = escoWordSkillCounts(tax, keysOf);
    for (const form of surfaceForms(skill)) {
      const keys = esco ? keysOf(form) : formKeys(form);
      if (keys.length === 0) continue;
      const sig = keys.join(' ');
      if (seen.has(sig)) continue;
      seen.add(sig);
      const singleWord =
        keys.length === 1 || (keys.length <= 3 && form.replace(/[^A-Za-z]/g, '').length <= 2);
      let ambiguous = skill.ambiguous && singleWord;
      let caseSensitive = ambiguous || form.replace(/[^A-Za-z]/g, '').length <= 2;
      if (esco) {
        const rule = escoFormRule(form, keys, wordSkillCount ?? new Map());
        if (rule.skip) continue;
        ambiguous = false;
        caseSensitive = rule.caseSensitive;
      }
      let node = root;
      for (const k of keys) {
        node.next ??= new Map();
        let child = node.next.get(k);
        if (!child) {
          child = newNode();
          node.next.set(k, child);
        }
        node = child;
      }
      if (node.entries === NO_ENTRIES) node.entries = [];
      node.entries.push({ skillId: skill.id, form, ambiguous, caseSensitive });
      size++;
    }
  }
  return { root, size };
}

export interface RawMatch {
  /** Token index range [from, to). */
  from: number;
  to: number;
  entries: DictEntry[];
}

/** Longest match at each position, left to right, non-overlapping. */
export function findMatches(matcher: SkillMatcher, keys: readonly string[]): RawMatch[] {
  const out: RawMatch[] = [];
  let i = 0;
  while (i < keys.length) {
    let node: TrieNode | undefined = matcher.root;
    let best: RawMatch | null = null;
    for (let j = i; j < keys.length; j++) {
      node = node.next?.get(keys[j] as string);
      if (!node) break;
      if (node.entries.length > 0) best = { from: i, to: j + 1, entries: node.entries };
    }
    if (best) {
      out.push(best);
      i = best.to;
    } else i++;
  }
  return out;
}

import { surfaceForms } from '../taxonomy/taxonomy.js';
import type { Taxonomy } from '../taxonomy/types.js';
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
  next: Map<string, TrieNode>;
  entries: DictEntry[];
}

export interface SkillMatcher {
  root: TrieNode;
  size: number;
}

const newNode = (): TrieNode => ({ next: new Map(), entries: [] });

/**
 * A token trie over every surface form of the taxonomy. Forms of an ambiguous skill that are short
 * (≤ 4 letters) or a single common word are flagged so the extractor asks for context before trusting them.
 */
export function buildSkillMatcher(tax: Taxonomy): SkillMatcher {
  const root = newNode();
  let size = 0;
  for (const skill of tax.skills) {
    const seen = new Set<string>();
    for (const form of surfaceForms(skill)) {
      const keys = formKeys(form);
      if (keys.length === 0) continue;
      const sig = keys.join(' ');
      if (seen.has(sig)) continue;
      seen.add(sig);
      const singleWord =
        keys.length === 1 || (keys.length <= 3 && form.replace(/[^A-Za-z]/g, '').length <= 2);
      const ambiguous = skill.ambiguous && singleWord;
      const caseSensitive = ambiguous || form.replace(/[^A-Za-z]/g, '').length <= 2;
      let node = root;
      for (const k of keys) {
        let child = node.next.get(k);
        if (!child) {
          child = newNode();
          node.next.set(k, child);
        }
        node = child;
      }
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
      node = node.next.get(keys[j] as string);
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

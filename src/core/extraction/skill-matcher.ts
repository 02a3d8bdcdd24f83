import { isEscoId } from '../esco/esco.js';
import { surfaceForms } from '../taxonomy/taxonomy.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { CodeDict } from '../text/code-dict.js';
import { isApostrophe, isPlainLetter, LanguageTally } from '../text/detect-language.js';
import { foldedCodes, normalizeText, UNFOLDABLE } from '../text/normalize.js';
import { STOPWORDS } from '../text/stopwords.js';
import { textCodes } from '../text/text-codes.js';
import { STEM_ENDINGS, stemCodes, stemLetters } from '../text/tokenize.js';
import { CUE, cueWords } from './cues.js';

/** One dictionary entry: a surface form of a skill, as token keys. */
export interface DictEntry {
  skillId: string;
  form: string;
  /** Needs supporting context (a short or common-word name). */
  ambiguous: boolean;
  /** Must match the original text's letter case (acronyms such as "R", "Go", "SAS"). */
  caseSensitive: boolean;
}

/**
 * A token trie over every surface form of the taxonomy, flattened for a scan that makes no string per
 * token: a text's words are looked up by their character codes in `words` (every token key of the
 * dictionary and every cue word; id 0 stands for any other word), and the trie walks on word ids.
 */
export interface SkillMatcher {
  /** Number of dictionary entries. */
  size: number;
  /** Token keys (as `tokenize` makes them) with dense ids; id 0 is the empty key, which no token has. */
  words: CodeDict;
  /** Per word id: CUE flags. */
  cues: Uint8Array;
  /** Per word id: the level (1–5) a level word suggests, else 0. */
  levels: Int8Array;
  /** Per word id: the value of a one- or two-digit number, else -1. */
  numbers: Int8Array;
  /**
   * Per word id: the node a form starting with that word reaches, as a node reference (see NODE), or -1.
   */
  rootChild: Int32Array;
  /**
   * The other edges, children of a node side by side: those of node k are the (word, node reference)
   * pairs kids[2·first[k] …] up to kids[2·first[k + 1]], sorted by word. About 12 bytes an edge, so the
   * walk stays in a few MB (a hash table of the edges took 16 MB and a cache miss a step).
   */
  first: Int32Array;
  kids: Int32Array;
  /**
   * One bit per hash of (node, word), set for every edge out of a root child: most words that follow a
   * first word lead nowhere, and this small table says so without a search of the node's children.
   */
  edgeBits: Uint32Array;
  edgeBitMask: number;
  /**
   * The same edges (out of a root child) in a hash table, slot `pairSlot(edgeHash(node, word)) & pairMask`
   * then the next ones: (node + 1, word, node reference, unused) per slot, 0 for an empty one. A word that
   * passes edgeBits finds its child in one or two slots of one cache line, where a search of the root
   * child's children (about fifty, the most common first words having the most) read several.
   */
  pairs: Int32Array;
  pairMask: number;
  /** Word id of each one-character token (SYMBOLS), by character code. */
  symbols: Int32Array;
  /** Per node: the entries of the forms that end there, or undefined. */
  entries: (DictEntry[] | undefined)[];
  /**
   * The same entries flattened for the extractor, which reads them for every match: those of node k are
   * entryList[entryStart[k] …] up to entryStart[k + 1], with their skill (an index into skillIds) and
   * ENTRY flags in typed arrays side by side, so that most matches never touch an entry object.
   */
  entryStart: Int32Array;
  entryList: DictEntry[];
  entrySkill: Int32Array;
  entryFlags: Uint8Array;
  /** The taxonomy's skill ids, in its order: what entrySkill indexes. */
  skillIds: string[];
}

/** DictEntry fields as bits of `entryFlags`; LONG_FORM: the form has more than four characters. */
export const ENTRY = { AMBIGUOUS: 1, CASE_SENSITIVE: 2, LONG_FORM: 4 } as const;

/**
 * A node reference: node × 4 | HAS_ENTRIES (a form ends there) | HAS_CHILDREN (a longer form goes on), so
 * that a walk learns both without reading more memory.
 */
export const NODE = { HAS_ENTRIES: 1, HAS_CHILDREN: 2, SHIFT: 2 } as const;

/** Word id of every token key the dictionary lacks. */
export const UNKNOWN_WORD = 0;

/**
 * An ESCO single-word label is matched literally only if it is distinctive: this many ESCO skills at most
 * have the word in one of their labels (photogrammetry, criminology), or the label is written like a name
 * (an acronym, mixed case, a digit or a symbol: ERM, KDevelop, M41, C++).
 */
export const ESCO_DISTINCTIVE_WORD_MAX_SKILLS = 10;

/** The characters `tokenize` keeps as one-character tokens. */
const SYMBOLS = '+#./&;,:!?()';

/** Token keys are words, or single punctuation characters (see tokenize). */
const isWordKey = (k: string): boolean => {
  if (k.length > 1) return true;
  const c = k.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c >= 0xe0;
};

/** Number of ASCII letters in a form (the letters a case-sensitive match compares). */
function asciiLetters(form: string): number {
  let n = 0;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) n++;
  }
  return n;
}

/**
 * How literal matching treats an ESCO form. ESCO's 110k labels include many generic words ("guide",
 * "interview", "gold", "communication") that would flood extraction with false positives, so:
 * - a label of two content words or more ("manage staff", "use Microsoft Office") matches literally;
 * - a single word matches literally only if distinctive (see ESCO_DISTINCTIVE_WORD_MAX_SKILLS), and then
 *   case-sensitively if written with a capital (Rage, Absorb: product names that are also common words);
 * - any other single word is not matched literally: the implicit ranker still finds the skill, unspanned.
 * `keys` are word ids; `content[id]` says whether a key is a content word (a word, not a stopword).
 */
function escoFormRule(
  form: string,
  keys: Int32Array,
  content: Uint8Array,
  wordSkillCount: Int32Array,
): { skip: boolean; caseSensitive: boolean } {
  let contentWords = 0;
  let first = -1;
  for (const k of keys)
    if (content[k]) {
      if (contentWords++ === 0) first = k;
    }
  if (contentWords === 0) return { skip: true, caseSensitive: false };
  if (contentWords >= 2) return { skip: false, caseSensitive: asciiLetters(form) <= 2 };
  const nameLike = /[A-Z].*[A-Z]|[a-z][A-Z]|\d|[+#]/.test(form);
  const rare = (wordSkillCount[first] as number) <= ESCO_DISTINCTIVE_WORD_MAX_SKILLS;
  if (!nameLike && !rare) return { skip: true, caseSensitive: false };
  return { skip: false, caseSensitive: /[A-Z]/.test(form) };
}

/** Sorts the (word, child) pairs kids[2·from …] up to kids[2·to] by word (few: insertion sort). */
function sortPairs(kids: Int32Array, from: number, to: number): void {
  if (to - from > 16) {
    const pairs: [number, number][] = [];
    for (let e = from; e < to; e++) pairs.push([kids[2 * e] as number, kids[2 * e + 1] as number]);
    pairs.sort((x, y) => x[0] - y[0]);
    pairs.forEach(([w, c], i) => kids.set([w, c], 2 * (from + i)));
    return;
  }
  for (let e = from + 1; e < to; e++) {
    const w = kids[2 * e] as number;
    const c = kids[2 * e + 1] as number;
    let f = e - 1;
    for (; f >= from && (kids[2 * f] as number) > w; f--) {
      kids[2 * f + 2] = kids[2 * f] as number;
      kids[2 * f + 3] = kids[2 * f + 1] as number;
    }
    kids[2 * f + 2] = w;
    kids[2 * f + 3] = c;
  }
}

/** Hash of edge (node, word): its slot while building is `edgeHash & edgeMask`, its bit `& edgeBitMask`. */
const edgeHash = (node: number, word: number): number => {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(word, 0x85ebca6b);
  return h ^ (h >>> 15);
};

/** A pairs slot from an edgeHash, mixed again: not the bits edgeBits uses, which a word passing it shares. */
const pairSlot = (h: number): number => Math.imul(h ^ (h >>> 16), 0x45d9f3b) ^ (h >>> 7);

/**
 * Builds the matcher: every surface form of the taxonomy, cut into token keys exactly as `formKeys` cuts
 * them. Forms of an ambiguous skill that are short (≤ 4 letters) or a single common word are flagged so
 * the extractor asks for context before trusting them. ESCO forms follow `escoFormRule`.
 */
export function buildSkillMatcher(tax: Taxonomy): SkillMatcher {
  const words = new CodeDict();
  words.add('');
  const cueOf = cueWords();
  for (const k of cueOf.keys()) words.add(k);
  // Every one-character token has an id, in the dictionary or not (the scanner relies on it).
  for (const ch of SYMBOLS) words.add(ch);
  // One- and two-digit numbers ("5 ans de") are read by value.
  for (let v = 0; v < 100; v++) {
    words.add(String(v));
    if (v < 10) words.add(`0${v}`);
  }

  // Pass 1: every form cut into word ids, in the order of the skills and their forms.
  const allForms: string[][] = tax.skills.map((s) => surfaceForms(s));
  let keyIds = new Int32Array(1 << 16);
  let keyCount = 0;
  const formEnds: number[] = [];
  for (const forms of allForms)
    for (const form of forms) {
      const ids = formWords(words, form);
      if (keyCount + ids.length > keyIds.length) {
        const grown = new Int32Array(Math.max(keyIds.length * 2, keyCount + ids.length));
        grown.set(keyIds);
        keyIds = grown;
      }
      keyIds.set(ids, keyCount);
      keyCount += ids.length;
      formEnds.push(keyCount);
    }

  // Per word: is it a word (not punctuation), and a content word (not a stopword either)?
  const wordKey = new Uint8Array(words.size);
  const content = new Uint8Array(words.size);
  for (let id = 1; id < words.size; id++) {
    const k = words.word(id);
    wordKey[id] = isWordKey(k) ? 1 : 0;
    content[id] = wordKey[id] && !STOPWORDS.has(k) ? 1 : 0;
  }

  // For each word, how many ESCO skills have it in one of their labels.
  const wordSkillCount = new Int32Array(words.size);
  const lastSkill = new Int32Array(words.size).fill(-1);
  let f = 0;
  tax.skills.forEach((skill, s) => {
    const esco = isEscoId(skill.id);
    for (let j = 0; j < (allForms[s] as string[]).length; j++, f++) {
      if (!esco) continue;
      for (let p = f > 0 ? (formEnds[f - 1] as number) : 0; p < (formEnds[f] as number); p++) {
        const w = keyIds[p] as number;
        if (wordKey[w] && lastSkill[w] !== s) {
          lastSkill[w] = s;
          wordSkillCount[w] = (wordSkillCount[w] as number) + 1;
        }
      }
    }
  });

  // Pass 2: the trie.
  const rootChild = new Int32Array(words.size).fill(-1);
  // Edges under construction: open addressing on (node, word), four int32 per slot (node + 1, word,
  // child, unused); laid out by parent below.
  let edges = new Int32Array(4 << 16);
  let edgeMask = (1 << 16) - 1;
  let edgeCount = 0;
  const entries: (DictEntry[] | undefined)[] = [undefined];
  const childOf = (node: number, word: number): number => {
    if (node === 0) {
      let child = rootChild[word] as number;
      if (child < 0) {
        child = entries.length;
        entries.push(undefined);
        rootChild[word] = child;
      }
      return child;
    }
    let s = edgeHash(node, word) & edgeMask;
    for (; edges[s * 4] !== 0; s = (s + 1) & edgeMask)
      if (edges[s * 4] === node + 1 && edges[s * 4 + 1] === word) return edges[s * 4 + 2] as number;
    const child = entries.length;
    entries.push(undefined);
    edges[s * 4] = node + 1;
    edges[s * 4 + 1] = word;
    edges[s * 4 + 2] = child;
    if (++edgeCount * 2 > edgeMask + 1) {
      // Rehash into a table twice the size.
      const old = edges;
      edgeMask = edgeMask * 2 + 1;
      edges = new Int32Array((edgeMask + 1) * 4);
      for (let o = 0; o < old.length; o += 4) {
        if (old[o] === 0) continue;
        let t = edgeHash((old[o] as number) - 1, old[o + 1] as number) & edgeMask;
        while (edges[t * 4] !== 0) t = (t + 1) & edgeMask;
        edges.set(old.subarray(o, o + 4), t * 4);
      }
    }
    return child;
  };

  let size = 0;
  f = 0;
  tax.skills.forEach((skill, s) => {
    const esco = isEscoId(skill.id);
    const seen = new Set<string>();
    for (const form of allForms[s] as string[]) {
      const keys = keyIds.subarray(f > 0 ? formEnds[f - 1] : 0, formEnds[f]);
      f++;
      if (keys.length === 0) continue;
      const sig = keys.join(' ');
      if (seen.has(sig)) continue;
      seen.add(sig);
      const letters = asciiLetters(form);
      const singleWord = keys.length === 1 || (keys.length <= 3 && letters <= 2);
      let ambiguous = skill.ambiguous && singleWord;
      let caseSensitive = ambiguous || letters <= 2;
      if (esco) {
        const rule = escoFormRule(form, keys, content, wordSkillCount);
        if (rule.skip) continue;
        ambiguous = false;
        caseSensitive = rule.caseSensitive;
      }
      let node = 0;
      for (const k of keys) node = childOf(node, k);
      (entries[node] ??= []).push({ skillId: skill.id, form, ambiguous, caseSensitive });
      size++;
    }
  });

  // Child node numbers become node references; children are laid out by parent, sorted by word; the bit
  // table marks every edge out of a root child.
  const first = new Int32Array(entries.length + 1);
  const ref = (node: number): number =>
    (node << NODE.SHIFT) |
    (entries[node] ? NODE.HAS_ENTRIES : 0) |
    ((first[node + 1] as number) > (first[node] as number) ? NODE.HAS_CHILDREN : 0);
  for (let o = 0; o < edges.length; o += 4) {
    const parent = (edges[o] as number) - 1;
    if (parent >= 0) first[parent + 1] = (first[parent + 1] as number) + 1;
  }
  for (let k = 0; k < entries.length; k++) first[k + 1] = (first[k + 1] as number) + (first[k] as number);
  const fill = first.slice(0, entries.length);
  const kids = new Int32Array(2 * edgeCount);
  for (let o = 0; o < edges.length; o += 4) {
    if (edges[o] === 0) continue;
    const parent = (edges[o] as number) - 1;
    const at = fill[parent] as number;
    fill[parent] = at + 1;
    kids[2 * at] = edges[o + 1] as number;
    kids[2 * at + 1] = edges[o + 2] as number;
  }
  for (let k = 1; k < entries.length; k++) sortPairs(kids, first[k] as number, first[k + 1] as number);
  for (let e = 0; e < edgeCount; e++) kids[2 * e + 1] = ref(kids[2 * e + 1] as number);
  for (let w = 0; w < rootChild.length; w++) {
    const child = rootChild[w] as number;
    if (child >= 0) rootChild[w] = ref(child);
  }
  const firstWord = new Uint8Array(entries.length);
  for (const child of rootChild) if (child >= 0) firstWord[child >> NODE.SHIFT] = 1;
  let secondWords = 0;
  for (let k = 1; k < entries.length; k++)
    if (firstWord[k]) secondWords += (first[k + 1] as number) - (first[k] as number);
  // Eight bits an edge: about one word in nine that leads nowhere still needs a search.
  let edgeBitMask = 31;
  while (edgeBitMask + 1 < secondWords * 8) edgeBitMask = edgeBitMask * 2 + 1;
  const edgeBits = new Uint32Array((edgeBitMask + 1) / 32);
  for (let k = 1; k < entries.length; k++) {
    if (!firstWord[k]) continue;
    for (let e = first[k] as number; e < (first[k + 1] as number); e++) {
      const bit = edgeHash(k, kids[2 * e] as number) & edgeBitMask;
      edgeBits[bit >>> 5] = (edgeBits[bit >>> 5] as number) | (1 << (bit & 31));
    }
  }

  let pairMask = 15;
  while (pairMask + 1 < secondWords * 2) pairMask = pairMask * 2 + 1;
  const pairs = new Int32Array(4 * (pairMask + 1));
  for (let k = 1; k < entries.length; k++) {
    if (!firstWord[k]) continue;
    for (let e = first[k] as number; e < (first[k + 1] as number); e++) {
      const word = kids[2 * e] as number;
      let s = pairSlot(edgeHash(k, word)) & pairMask;
      while (pairs[4 * s] !== 0) s = (s + 1) & pairMask;
      pairs[4 * s] = k + 1;
      pairs[4 * s + 1] = word;
      pairs[4 * s + 2] = kids[2 * e + 1] as number;
    }
  }

  const cues = new Uint8Array(words.size);
  const levels = new Int8Array(words.size);
  const numbers = new Int8Array(words.size).fill(-1);
  for (const [k, cue] of cueOf) {
    const id = words.get(k);
    cues[id] = cue.flags;
    levels[id] = cue.level;
  }
  for (let v = 0; v < 100; v++) {
    numbers[words.get(String(v))] = v;
    if (v < 10) numbers[words.get(`0${v}`)] = v;
  }
  const symbols = new Int32Array(128);
  for (const ch of SYMBOLS) symbols[ch.charCodeAt(0)] = words.get(ch);
  return {
    ...flattenEntries(tax, entries),
    size,
    words,
    cues,
    levels,
    numbers,
    rootChild,
    first,
    kids,
    edgeBits,
    edgeBitMask,
    pairs,
    pairMask,
    symbols,
    entries,
  };
}

/** The entries of every node as SkillMatcher's flat arrays (entryStart, entryList, entrySkill…). */
function flattenEntries(
  tax: Taxonomy,
  entries: readonly (DictEntry[] | undefined)[],
): Pick<SkillMatcher, 'entryStart' | 'entryList' | 'entrySkill' | 'entryFlags' | 'skillIds'> {
  const skillIds = tax.skills.map((s) => s.id);
  const skillIndex = new Map(skillIds.map((id, i) => [id, i]));
  const entryStart = new Int32Array(entries.length + 1);
  const entryList: DictEntry[] = [];
  for (let k = 0; k < entries.length; k++) {
    for (const e of entries[k] ?? []) entryList.push(e);
    entryStart[k + 1] = entryList.length;
  }
  const entrySkill = new Int32Array(entryList.length);
  const entryFlags = new Uint8Array(entryList.length);
  entryList.forEach((e, i) => {
    entrySkill[i] = skillIndex.get(e.skillId) as number;
    entryFlags[i] =
      (e.ambiguous ? ENTRY.AMBIGUOUS : 0) |
      (e.caseSensitive ? ENTRY.CASE_SENSITIVE : 0) |
      (e.form.length > 4 ? ENTRY.LONG_FORM : 0);
  });
  return { entryStart, entryList, entrySkill, entryFlags, skillIds };
}

/** Every surface form the matcher holds (deduplicated), for peers that match the same dictionary. */
export function matcherForms(matcher: SkillMatcher): string[] {
  const forms = new Set<string>();
  for (const list of matcher.entries) if (list) for (const e of list) forms.add(e.form);
  return [...forms];
}

// ---------------------------------------------------------------------------------------------------------
// Scanning: `tokenize` without strings.

/** Character classes, as `tokenize` sees a folded character: part of a word (a digit too), or a symbol. */
const WORD = 1;
const DIGIT = 2;
const SYMBOL = 4;
/** A word character other than a–z (a digit, an accented or Greek letter): the word has no packed form. */
const NOT_AZ = 8;
/**
 * For language detection (LanguageTally), on a text's units as written: a word character whose lower case
 * is not a letter a–z (a digit, é, ê…), so that the detector's words differ from the scanner's there; the
 * apostrophe, which joins the detector's words and separates the scanner's.
 */
const DETECT_SPECIAL = 16;
const APOSTROPHE = 32;
const CLASS_SHIFT = 16;

function charClass(c: number): number {
  if (c >= 48 && c <= 57) return WORD | DIGIT | NOT_AZ;
  if (c >= 97 && c <= 122) return WORD;
  if ((c >= 0xe0 && c <= 0x24f && c !== 0xf7) || (c >= 0x370 && c <= 0x3ff)) return WORD | NOT_AZ;
  return SYMBOLS.includes(String.fromCharCode(c)) ? SYMBOL : 0;
}

interface ScanTables {
  /** Per UTF-16 unit of a text as written: folded code | class << 16, or -1 if it cannot be folded alone. */
  folding: Int32Array;
  /** The same for a text already folded by normalizeText. */
  folded: Int32Array;
}
let scanTables: ScanTables | null = null;

function tables(): ScanTables {
  if (scanTables) return scanTables;
  const fold = foldedCodes();
  const folding = new Int32Array(0x10000);
  const folded = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c] as number;
    let cls = f === UNFOLDABLE ? 0 : charClass(f);
    if (cls & WORD && !isPlainLetter(c)) cls |= DETECT_SPECIAL;
    if (isApostrophe(c)) cls |= APOSTROPHE;
    folding[c] = f === UNFOLDABLE ? -1 : f | (cls << CLASS_SHIFT);
    folded[c] = c | (charClass(c) << CLASS_SHIFT);
  }
  scanTables = { folding, folded };
  return scanTables;
}

/** The tokens of a text: word ids, offsets into the text, and sentence numbers. */
export interface TokenScan {
  /** Number of tokens; the arrays may be longer. */
  count: number;
  words: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Sentence number: how many boundary tokens (. ; ! ? ( )) come before the token. */
  sentences: Int32Array;
  /** Whether the `LanguageTally` given to scanTokens read the whole text (else detect the language apart). */
  tallied: boolean;
}

// Reused from call to call (extraction is synchronous): a text needs no allocation but its results.
const scratch: TokenScan = {
  count: 0,
  words: new Int32Array(1024),
  starts: new Int32Array(1024),
  ends: new Int32Array(1024),
  sentences: new Int32Array(1024),
  tallied: false,
};
/** The folded codes of the word being read. */
let letters = new Uint16Array(1024);

/**
 * The tokens of `text` exactly as `tokenize` cuts and keys them, without a folded copy of the text or a
 * string per token: each character is folded and classed through a table, each word stemmed on its codes
 * (`stemCodes`) and looked up in the matcher's words by the codes of its stem. A text with a
 * character that cannot be folded alone (İ, Σ, astral letters: rare) is folded by normalizeText first.
 * The same pass feeds `tally` every unit of the text, for language detection, except on that rare path
 * (`tallied` false then). The arrays returned are reused by the next call.
 */
export function scanTokens(
  matcher: SkillMatcher,
  text: string,
  units: Uint16Array = textCodes(text),
  tally: LanguageTally = new LanguageTally(),
): TokenScan {
  const t = tables();
  if (scratch.words.length < text.length) {
    const size = Math.max(text.length, scratch.words.length * 2);
    scratch.words = new Int32Array(size);
    scratch.starts = new Int32Array(size);
    scratch.ends = new Int32Array(size);
    scratch.sentences = new Int32Array(size);
    letters = new Uint16Array(size);
  }
  let count = scan(matcher, text.length, units, t.folding, tally);
  scratch.tallied = count >= 0;
  if (count < 0) {
    const folded = normalizeText(text);
    count = scan(matcher, folded.length, textCodes(folded), t.folded, new LanguageTally());
  }
  scratch.count = count;
  return scratch;
}

/**
 * Tokens of the text of `n` code units `units` read through `table` into the scratch arrays, every unit
 * told to `tally` (read only if `table` is `folding`); -1 on a character it cannot fold.
 */
function scan(
  matcher: SkillMatcher,
  n: number,
  units: Uint16Array,
  table: Int32Array,
  tally: LanguageTally,
): number {
  const { words, starts, ends, sentences } = scratch;
  const { cues, symbols } = matcher;
  const dict = matcher.words;
  // The word buffer as a constant: a module variable is read again at every use in the loop.
  const codes = letters;
  let count = 0;
  let sentence = 0;
  let i = 0;
  while (i < n) {
    const v = table[units[i] as number] as number;
    if (v < 0) return -1;
    const cls = v >>> CLASS_SHIFT;
    if (cls & WORD) {
      const start = i;
      let len = 0;
      let digits = 0;
      let c = v;
      do {
        digits |= c;
        codes[len++] = c & 0xffff;
        if (++i === n) break;
        c = table[units[i] as number] as number;
        if (c < 0) return -1;
      } while ((c >>> CLASS_SHIFT) & WORD);
      // Most words are letters a–z as written, which the tally takes folded; it reads the others unit by unit.
      if (digits & (DETECT_SPECIAL << CLASS_SHIFT))
        for (let k = start; k < i; k++) tally.unit(units[k] as number);
      else tally.letters(codes, len);
      let id: number;
      // Short words and words with a digit are their own stem; the word is hashed once its stem is known,
      // over the letters kept (stemming removes only letters a–z, so a word that has another keeps it).
      const az = (digits & (NOT_AZ << CLASS_SHIFT)) === 0;
      if (len <= 3 || digits & (DIGIT << CLASS_SHIFT)) id = dict.findLetters(codes, len, '', az);
      else {
        const stem = stemLetters(codes, len);
        id = dict.findLetters(codes, stem >> 3, STEM_ENDINGS[stem & 7] as string, az);
      }
      words[count] = id < 0 ? UNKNOWN_WORD : id;
      starts[count] = start;
      ends[count] = i;
      sentences[count++] = sentence;
      continue;
    }
    if (cls & APOSTROPHE) tally.apostrophe();
    else tally.separator();
    if (cls & SYMBOL) {
      const id = symbols[v & 0x7f] as number;
      words[count] = id;
      starts[count] = i;
      ends[count] = i + 1;
      sentences[count++] = sentence;
      if ((cues[id] as number) & CUE.BOUNDARY) sentence++;
    }
    i++;
  }
  return count;
}

/**
 * The token keys of a form, as word ids (`formKeys`, adding keys the dictionary lacks): the same cut as
 * `scan`, building a string only for a new key.
 */
function formWords(dict: CodeDict, form: string): number[] {
  const t = tables();
  let text = form;
  let table = t.folding;
  for (let i = 0; i < form.length; i++)
    if ((table[form.charCodeAt(i)] as number) < 0) {
      text = normalizeText(form);
      table = t.folded;
      break;
    }
  if (letters.length < text.length) letters = new Uint16Array(text.length);
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    const v = table[text.charCodeAt(i)] as number;
    const cls = v >>> CLASS_SHIFT;
    if (cls & WORD) {
      let len = 0;
      let c = v;
      do {
        letters[len++] = c & 0xffff;
        if (++i === text.length) break;
        c = table[text.charCodeAt(i)] as number;
      } while ((c >>> CLASS_SHIFT) & WORD);
      const stem = stemCodes(letters, len);
      const keep = stem >> 3;
      const ending = STEM_ENDINGS[stem & 7] as string;
      let id = dict.find(letters, keep, ending);
      if (id < 0) id = dict.add(String.fromCharCode(...letters.subarray(0, keep)) + ending);
      out.push(id);
      continue;
    }
    if (cls & SYMBOL) out.push(dict.add(String.fromCharCode(v & 0xffff)));
    i++;
  }
  return out;
}

export interface RawMatch {
  /** Token index range [from, to). */
  from: number;
  to: number;
  /** The node where the form ends: its entries are also entryList[entryStart[node] …]. */
  node: number;
  entries: DictEntry[];
}

/** The node reference of `node`'s child by `word`, or -1: a search of its children, sorted by word. */
function child(first: Int32Array, kids: Int32Array, node: number, word: number): number {
  let lo = first[node] as number;
  let hi = first[node + 1] as number;
  while (hi - lo > 8) {
    const mid = (lo + hi) >> 1;
    if ((kids[2 * mid] as number) < word) lo = mid + 1;
    else hi = mid + 1;
  }
  for (; lo < hi; lo++) {
    const w = kids[2 * lo] as number;
    if (w === word) return kids[2 * lo + 1] as number;
    if (w > word) return -1;
  }
  return -1;
}

/** The node reference of root child `node`'s child by `word` (hashed as `h`), or -1: a probe of pairs. */
function pairChild(pairs: Int32Array, pairMask: number, h: number, node: number, word: number): number {
  for (let s = pairSlot(h) & pairMask; ; s = (s + 1) & pairMask) {
    const key = pairs[4 * s] as number;
    if (key === 0) return -1;
    if (key === node + 1 && pairs[4 * s + 1] === word) return pairs[4 * s + 2] as number;
  }
}

/** Longest match at each position, left to right, non-overlapping. */
export function findMatches(matcher: SkillMatcher, scan: TokenScan): RawMatch[] {
  const { rootChild, first, kids, edgeBits, edgeBitMask, pairs, pairMask, entries } = matcher;
  const words = scan.words;
  const n = scan.count;
  const out: RawMatch[] = [];
  let i = 0;
  while (i < n) {
    let ref = rootChild[words[i] as number] as number;
    if (ref < 0) {
      i++;
      continue;
    }
    let best = ref & NODE.HAS_ENTRIES ? ref >> NODE.SHIFT : -1;
    let to = i + 1;
    for (let j = i + 1; j < n && ref & NODE.HAS_CHILDREN; j++) {
      const word = words[j] as number;
      if (word === UNKNOWN_WORD) break;
      const node = ref >> NODE.SHIFT;
      if (j === i + 1) {
        const h = edgeHash(node, word);
        const bit = h & edgeBitMask;
        if (((edgeBits[bit >>> 5] as number) & (1 << (bit & 31))) === 0) break;
        ref = pairChild(pairs, pairMask, h, node, word);
      } else ref = child(first, kids, node, word);
      if (ref < 0) break;
      if (ref & NODE.HAS_ENTRIES) {
        best = ref >> NODE.SHIFT;
        to = j + 1;
      }
    }
    if (best >= 0) {
      out.push({ from: i, to, node: best, entries: entries[best] as DictEntry[] });
      i = to;
    } else i++;
  }
  return out;
}

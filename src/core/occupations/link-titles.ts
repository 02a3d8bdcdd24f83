/**
 * Job title → occupation linking, lexical and cross-lingual through the concept.
 *
 * Every surface form of every occupation (preferred and alternative labels, in every language present,
 * gendered "masc/fem" labels split in two) is one document. A title is compared with each form by
 * TF-IDF cosine over two views, mixed: stemmed content words and their bigrams (exact vocabulary) and
 * character trigrams of the folded words (inflections, compounds, spelling variants). An occupation
 * scores as its best form, so a French title linked through a French label returns the same concept (and
 * URI) as its English equivalent. Between equal scores the occupation whose preferred label matched comes
 * first: ESCO lists many titles as an alternative label of a neighbouring occupation too.
 *
 * Candidates are the forms sharing a word or a rarer trigram with the title, ranked by that partial
 * score; the best `top + 20` (at least 30) are scored exactly on both views.
 *
 * Speed (≥ 20,000 titles/s with the full ESCO; `npm run bench -- titles`), with the scores of the
 * straightforward implementation (maps of terms, `tfidfQuery`, an accumulator; see the tests): the title is folded and
 * cut in one pass over its characters, and each word is found in a lexicon of the forms' own words that
 * holds its stem's term id and its trigrams' term ids (no stemming, no string keys, no trigram hashing for
 * a known word; words the forms never use take the slow path to the same terms). Query weights, partial
 * scores and candidates live in typed arrays reused by every query. Each form's terms and weights sit in
 * one run of memory, and the candidates' runs are read once before they are scored so that their cache
 * misses overlap. Building indexes 40,000 forms from flat arrays (form-index.ts), not one map per form.
 */
import {
  forwardIndex,
  type ForwardIndex,
  type SparseIndex,
  type TermBag,
} from '../retrieval/sparse-index.js';
import { STOPWORDS } from '../text/stopwords.js';
import { normalizeText } from '../text/normalize.js';
import { stemWord } from '../text/tokenize.js';
import {
  BIGRAM_JOIN,
  BIGRAM_WEIGHT,
  cleanTitleForTerms,
  FOLD_CODES,
  FOLD_LIMIT,
  forEachTrigram,
  isTitleWordChar,
  titleBags,
  titleWords,
  wordTermEntries,
} from './title-terms.js';
import { FlatBags, flatTfidfIndex } from './form-index.js';
import { selectCandidates, type SelectScratch } from './select-candidates.js';
import { HASH_START, hashStep, WordTable } from './word-table.js';

export { cleanTitle } from './title-terms.js';

export interface OccupationLabel {
  lang: string;
  /** 'preferred', 'alias' or 'hidden'. */
  kind: string;
  label: string;
}

export interface OccupationConcept {
  id: string;
  uri: string | null;
  labels: readonly OccupationLabel[];
}

export interface OccupationLink {
  id: string;
  uri: string | null;
  /** Preferred label in the requested language, else in the language of the form that matched. */
  label: string;
  /** Cosine similarity of the title with the best form, in [0, 1]. */
  score: number;
  /** The surface form that matched best. */
  matched: string;
}

export interface TitleLinkerOptions {
  /** Share of the word view in the score; the rest is the character view. */
  wordWeight?: number;
  /**
   * Candidate forms come from the title's words and its rarer character trigrams (found in at most this
   * share of forms); candidates are then scored exactly on both views.
   */
  candidateGramShare?: number;
}

/**
 * The forms' folded words, each with the term id of its stem in the word view and the term ids of its
 * trigrams in the character view (repeats kept, in order): a query resolves a known word in one lookup.
 */
export interface TitleLexicon {
  readonly entries: WordTable;
  readonly stemTerm: Int32Array;
  readonly gramStart: Int32Array;
  readonly gramTerms: Int32Array;
  /** Stem bigrams by first stem (CSR over word term ids): second stem ids ascending, and the bigram's id. */
  readonly bigramStart: Int32Array;
  readonly bigramSecond: Int32Array;
  readonly bigramTerm: Int32Array;
}

export interface TitleLinker {
  readonly concepts: readonly OccupationConcept[];
  readonly formCount: number;
  /** Form index → concept index, form text, form language; 1 for a form of a preferred label. */
  readonly formConcept: Int32Array;
  readonly formText: readonly string[];
  readonly formLang: readonly string[];
  readonly formPreferred: Uint8Array;
  readonly words: SparseIndex;
  readonly grams: SparseIndex<number>;
  /** Both views of each form in one run: word term t, then gram term g as words.size + g; pre-weighted. */
  readonly forms: FormTerms;
  readonly wordWeight: number;
  readonly candidateGramPostings: number;
  /** Concept index → language → preferred label. */
  readonly preferred: readonly ReadonlyMap<string, string>[];
  /** The same as a table: languages, each form's language index, and concept × language → label. */
  readonly langs: readonly string[];
  readonly formLangIndex: Uint16Array;
  readonly preferredTable: readonly (string | undefined)[];
  /** Concept index → rank of its id in code-unit order (ties between equal scores go to the lower id). */
  readonly idRank: Int32Array;
  readonly lexicon: TitleLexicon;
  /** Scratch space, reused by every query of this linker (a linker serves one query at a time). */
  readonly scratch: QueryScratch;
}

/** Per-query working memory, allocated once per linker. */
export interface QueryScratch extends SelectScratch {
  /**
   * Query weights by slot (word term t at 1 + t, gram term g after the words, as in `FormTerms`), zero
   * between queries. Slot 0 stays 0: a form's term outside the query reads it and adds exactly 0.
   */
  readonly q: Float64Array;
  /** The same slots as a bitset (one bit per slot of `q`): zero between queries. */
  readonly inQuery: Int32Array;
  /** Term frequencies in the title, per known word term and gram term; zero between queries. */
  readonly wordTf: Float64Array;
  readonly gramTf: Float64Array;
  /** Terms in order of first appearance: a known term id, or −1 − slot for a term the index lacks. */
  readonly wordOrder: number[];
  readonly gramOrder: number[];
  /** Terms the index lacks (they still count in the query's norm): slot → key and frequency. */
  readonly unknownWords: UnknownTerms<string | number>;
  readonly unknownGrams: UnknownTerms<number>;
  /** Where the prefetch pass leaves its result (so it is not optimised away). */
  touch: number;
  /** The folded word being scanned (grown for a longer word). */
  word: Uint16Array;
  /** The title's stems in order: a word term id, or −1 for a stem the index lacks (with its text). */
  readonly stemIds: number[];
  readonly stemText: (string | null)[];
  /** Partial scores of the forms touched by the candidate step, the forms in order of first touch. */
  readonly scores: Float64Array;
  readonly touched: Int32Array;
  /** Best score and form per concept (−1: untouched), and the concepts touched. */
  readonly best: Float64Array;
  readonly bestForm: Int32Array;
  readonly conceptsTouched: Int32Array;
  readonly heap: number[];
}

/** "directeur technique/directrice technique" → both forms; a label without such a split stays whole. */
export function splitGenderedLabel(label: string): string[] {
  const parts = label.split('/').map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => p.replace(/[^\p{L}]/gu, '').length < 3)) return [label];
  return parts;
}

/**
 * What the linker rescores a candidate form with, in one run of memory per form (a candidate costs a
 * few neighbouring cache lines, not one per array): at `start[f]`, the form's concept, its term count n,
 * then n pairs (query slot, weight as float32 bits): word term t at slot 1 + t, gram term g at
 * 1 + (word vocabulary size) + g (slot 0 is no term's: see `QueryScratch.q`); each weight pre-multiplied by
 * its view's share.
 */
export interface FormTerms {
  readonly start: Int32Array;
  readonly data: Int32Array;
  /** The same memory as `data`, read as float32 (the weights). */
  readonly weights: Float32Array;
}

function formTerms(
  w: ForwardIndex,
  g: ForwardIndex,
  shift: number,
  formConcept: Int32Array,
  wordWeight: number,
): FormTerms {
  const n = w.docStart.length - 1;
  const start = new Int32Array(n + 1);
  for (let d = 0; d < n; d++)
    start[d + 1] =
      start[d]! + 2 + 2 * (w.docStart[d + 1]! - w.docStart[d]! + g.docStart[d + 1]! - g.docStart[d]!);
  const data = new Int32Array(start[n]!);
  const weights = new Float32Array(data.buffer);
  for (let d = 0; d < n; d++) {
    let at = start[d]!;
    data[at++] = formConcept[d]!;
    data[at++] = (start[d + 1]! - start[d]! - 2) / 2;
    for (let i = w.docStart[d]!; i < w.docStart[d + 1]!; i++, at += 2) {
      data[at] = 1 + w.docTerms[i]!;
      weights[at + 1] = w.docWeights[i]! * wordWeight;
    }
    for (let i = g.docStart[d]!; i < g.docStart[d + 1]!; i++, at += 2) {
      data[at] = 1 + shift + g.docTerms[i]!;
      weights[at + 1] = g.docWeights[i]! * (1 - wordWeight);
    }
  }
  return { start, data, weights };
}

/** The lexicon of the forms' folded words (see TitleLexicon); `stems` maps each folded word to its stem. */
function buildLexicon(
  stems: ReadonlyMap<string, string>,
  words: SparseIndex,
  grams: SparseIndex<number>,
): TitleLexicon {
  const entries = new WordTable();
  const stemList: number[] = [];
  const gramStart: number[] = [0];
  const gramList: number[] = [];
  for (const [w, stem] of stems) {
    // Every word of an indexed form has its stem and trigrams in the index; keep the lexicon honest if not.
    const stemId = words.termIds.get(stem) ?? -1;
    const ids: number[] = [];
    forEachTrigram(w, (k) => ids.push(grams.termIds.get(k) ?? -1));
    if (stemId < 0 || ids.some((id) => id < 0) || entries.add(w) !== stemList.length) continue;
    stemList.push(stemId);
    gramList.push(...ids);
    gramStart.push(gramList.length);
  }
  const vocab = words.termIds.size;
  const pairs: [number, number, number][] = [];
  for (const [term, id] of words.termIds) {
    const cut = term.indexOf(BIGRAM_JOIN);
    if (cut < 0) continue;
    const a = words.termIds.get(term.slice(0, cut));
    const b = words.termIds.get(term.slice(cut + 1));
    if (a !== undefined && b !== undefined) pairs.push([a, b, id]);
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const bigramStart = new Int32Array(vocab + 1);
  for (const [a] of pairs) bigramStart[a + 1]! += 1;
  for (let t = 0; t < vocab; t++) bigramStart[t + 1]! += bigramStart[t]!;
  return {
    entries,
    stemTerm: Int32Array.from(stemList),
    gramStart: Int32Array.from(gramStart),
    gramTerms: Int32Array.from(gramList),
    bigramStart,
    bigramSecond: Int32Array.from(pairs, (p) => p[1]),
    bigramTerm: Int32Array.from(pairs, (p) => p[2]),
  };
}

function newScratch(
  formCount: number,
  conceptCount: number,
  wordVocab: number,
  gramVocab: number,
): QueryScratch {
  return {
    q: new Float64Array(1 + wordVocab + gramVocab),
    inQuery: new Int32Array(((1 + wordVocab + gramVocab) >>> 5) + 1),
    wordTf: new Float64Array(wordVocab),
    gramTf: new Float64Array(gramVocab),
    wordOrder: [],
    gramOrder: [],
    unknownWords: new UnknownTerms(),
    unknownGrams: new UnknownTerms(),
    touch: 0,
    word: new Uint16Array(64),
    stemIds: [],
    stemText: [],
    scores: new Float64Array(formCount),
    touchedScores: new Float64Array(formCount),
    touched: new Int32Array(formCount),
    chosen: new Int32Array(formCount),
    values: new Float64Array(formCount),
    best: new Float64Array(conceptCount),
    bestForm: new Int32Array(conceptCount).fill(-1),
    conceptsTouched: new Int32Array(conceptCount),
    heap: [],
  };
}

export function buildTitleLinker(
  concepts: readonly OccupationConcept[],
  options: TitleLinkerOptions = {},
): TitleLinker {
  const formConcept: number[] = [];
  const formText: string[] = [];
  const formLang: string[] = [];
  const formPreferred: number[] = [];
  // The same bags as `titleBags` (`wordTermEntries`; trigrams 1), laid end to end.
  const wordBags = new FlatBags<string>();
  const gramBags = new FlatBags<number>();
  const stemOf = new Map<string, string>();
  concepts.forEach((c, ci) => {
    const seen = new Set<string>();
    for (const l of c.labels) {
      for (const form of splitGenderedLabel(l.label)) {
        const { folded, stems } = titleWords(form);
        if (stems.length === 0) continue;
        const entries = wordTermEntries(stems);
        // A form whose words repeat another form of the concept in the same language adds nothing.
        const sig = `${l.lang}\u0000${[...new Set(entries.map(([k]) => k))].sort().join(' ')}`;
        if (seen.has(sig)) continue;
        seen.add(sig);
        formConcept.push(ci);
        formText.push(form);
        formLang.push(l.lang);
        formPreferred.push(l.kind === 'preferred' ? 1 : 0);
        for (const [k, tf] of entries) wordBags.add(k, tf);
        wordBags.end();
        for (const w of folded) forEachTrigram(w, (key) => gramBags.add(key, 1));
        gramBags.end();
        folded.forEach((w, i) => stemOf.set(w, stems[i]!));
      }
    }
  });
  const formCount = formText.length;
  const words = flatTfidfIndex(wordBags);
  const grams = flatTfidfIndex(gramBags);
  const wordWeight = options.wordWeight ?? 0.5;
  const conceptOf = Int32Array.from(formConcept);
  const order = concepts.map((_, i) => i);
  order.sort((a, b) => {
    const x = concepts[a]!.id;
    const y = concepts[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const idRank = new Int32Array(concepts.length);
  order.forEach((c, rank) => {
    // Equal ids share a rank, so neither is "lower" than the other.
    const prev = order[rank - 1];
    idRank[c] = prev !== undefined && concepts[prev]!.id === concepts[c]!.id ? idRank[prev]! : rank;
  });
  const preferred = concepts.map((c) => {
    const m = new Map<string, string>();
    for (const l of c.labels) if (l.kind === 'preferred' && !m.has(l.lang)) m.set(l.lang, l.label);
    return m;
  });
  const langs = [...new Set(['en', ...formLang, ...preferred.flatMap((m) => [...m.keys()])])];
  const preferredTable = preferred.flatMap((m) => langs.map((l) => m.get(l)));
  return {
    concepts,
    formCount,
    formConcept: conceptOf,
    formText,
    formLang,
    formPreferred: Uint8Array.from(formPreferred),
    words,
    grams,
    forms: formTerms(forwardIndex(words), forwardIndex(grams), words.termIds.size, conceptOf, wordWeight),
    wordWeight,
    candidateGramPostings: Math.max(20, Math.floor(formCount * (options.candidateGramShare ?? 0.005))),
    preferred,
    langs,
    formLangIndex: Uint16Array.from(formLang, (l) => langs.indexOf(l)),
    preferredTable,
    idRank,
    lexicon: buildLexicon(stemOf, words, grams),
    scratch: newScratch(formCount, concepts.length, words.termIds.size, grams.termIds.size),
  };
}

// ------------------------------------------------------------------------------------------ query terms

/**
 * The few terms of a title the index lacks, in order of first appearance, with their frequencies. A title
 * has a handful: a scan finds them; a map takes over for long texts.
 */
export class UnknownTerms<K> {
  readonly keys: K[] = [];
  readonly tf: number[] = [];
  private map: Map<K, number> | null = null;

  /** Adds `tf` to `key`; returns its slot if the key is new, else −1. */
  add(key: K, tf: number): number {
    const slot = this.map ? (this.map.get(key) ?? -1) : this.keys.indexOf(key);
    if (slot >= 0) {
      this.tf[slot]! += tf;
      return -1;
    }
    this.keys.push(key);
    this.tf.push(tf);
    if (this.map) this.map.set(key, this.keys.length - 1);
    else if (this.keys.length > 32) this.map = new Map(this.keys.map((k, i) => [k, i]));
    return this.keys.length - 1;
  }

  clear(): void {
    if (this.keys.length === 0) return;
    this.keys.length = 0;
    this.tf.length = 0;
    this.map = null;
  }
}

/**
 * Adds `tf` to a word-view term (a known id ≥ 0, else the unknown `key`: a stem's text, a bigram's text,
 * or for a bigram of two known stems a number made of their ids), keeping first-appearance order.
 */
function addWordTerm(s: QueryScratch, id: number, key: string | number | null, tf: number): void {
  if (id >= 0) {
    if (s.wordTf[id] === 0) s.wordOrder.push(id);
    s.wordTf[id]! += tf;
    return;
  }
  const slot = s.unknownWords.add(key!, tf);
  if (slot >= 0) s.wordOrder.push(-1 - slot);
}

function addGramTerm(s: QueryScratch, id: number, key: number): void {
  if (id >= 0) {
    if (s.gramTf[id] === 0) s.gramOrder.push(id);
    s.gramTf[id]! += 1;
    return;
  }
  const slot = s.unknownGrams.add(key, 1);
  if (slot >= 0) s.gramOrder.push(-1 - slot);
}

/** Word text of a word-view term id, for the rare unknown bigram of known stems (built lazily). */
const termTextCache = new WeakMap<SparseIndex, string[]>();
function termText(index: SparseIndex, id: number): string {
  let texts = termTextCache.get(index);
  if (!texts) {
    texts = new Array<string>(index.termIds.size);
    for (const [t, i] of index.termIds) texts[i] = t;
    termTextCache.set(index, texts);
  }
  return texts[id]!;
}

/** The bigram term id of two known stems, or −1 (binary search in the first stem's row). */
function bigramId(lex: TitleLexicon, a: number, b: number): number {
  let lo = lex.bigramStart[a]!;
  let hi = lex.bigramStart[a + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = lex.bigramSecond[mid]!;
    if (x === b) return lex.bigramTerm[mid]!;
    if (x < b) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Adds one folded word of the title (`codes[0 … n)`, hashed `h`; `text` from `start` to `end` is its
 * unfolded text if `folded`, else its folded text): its stem, bigram and trigrams.
 */
function addQueryWord(
  linker: TitleLinker,
  codes: Uint16Array,
  n: number,
  h: number,
  text: string,
  start: number,
  end: number,
  folded: boolean,
): void {
  const s = linker.scratch;
  const lex = linker.lexicon;
  const e = lex.entries.find(codes, n, h);
  let stemId: number;
  let stem: string | null = null;
  if (e >= 0) {
    stemId = lex.stemTerm[e]!;
    for (let k = lex.gramStart[e]!; k < lex.gramStart[e + 1]!; k++) addGramTerm(s, lex.gramTerms[k]!, 0);
  } else {
    // A word no form uses: stem it and look its terms up (its stem may still be known: "ingénieures").
    const w = folded ? text.slice(start, end) : normalizeText(text.slice(start, end));
    stem = stemWord(w);
    if (STOPWORDS.has(stem) || STOPWORDS.has(w)) return;
    stemId = linker.words.termIds.get(stem) ?? -1;
    forEachTrigram(w, (key) => addGramTerm(s, linker.grams.termIds.get(key) ?? -1, key));
  }
  addWordTerm(s, stemId, stem, 1);
  const prev = s.stemIds.length - 1;
  if (prev >= 0) {
    const a = s.stemIds[prev]!;
    const id = a >= 0 && stemId >= 0 ? bigramId(lex, a, stemId) : -1;
    const key =
      id >= 0
        ? null
        : a >= 0 && stemId >= 0
          ? a * linker.words.termIds.size + stemId
          : `${a >= 0 ? termText(linker.words, a) : s.stemText[prev]!}${BIGRAM_JOIN}${
              stemId >= 0 ? termText(linker.words, stemId) : stem!
            }`;
    addWordTerm(s, id, key, BIGRAM_WEIGHT);
  }
  s.stemIds.push(stemId);
  s.stemText.push(stem);
}

/**
 * Fills the scratch with the title's terms (the same bags as `titleBags`, as ids) and its unit-length
 * TF-IDF weights in `q`; returns false when the title has no word.
 */
function queryTerms(linker: TitleLinker, title: string): boolean {
  const s = linker.scratch;
  const text = cleanTitleForTerms(title);
  const n = text.length;
  // Fold unit by unit when every unit allows it (FOLD_CODES), else fold the whole text first.
  let folded: string | null = null;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= FOLD_LIMIT || FOLD_CODES[c]! < 0) {
      folded = normalizeText(text);
      break;
    }
  }
  const src = folded ?? text;
  const m = src.length;
  let buf = s.word;
  let len = 0;
  let h = HASH_START;
  for (let i = 0; i <= m; i++) {
    const c = i === m ? 32 : folded === null ? FOLD_CODES[src.charCodeAt(i)]! : src.charCodeAt(i);
    if (isTitleWordChar(c)) {
      if (len === buf.length) {
        const grown = new Uint16Array(buf.length * 2);
        grown.set(buf);
        buf = s.word = grown;
      }
      buf[len++] = c;
      h = hashStep(h, c);
      continue;
    }
    if (len > 0) addQueryWord(linker, buf, len, h, src, i - len, i, folded !== null);
    len = 0;
    h = HASH_START;
  }
  if (s.stemIds.length === 0) return false;
  // TF-IDF weights, (1 + ln tf) × idf (unknown terms: the largest idf), the vector scaled to unit length
  // per view; summed in order of first appearance.
  weigh(s, s.wordOrder, s.wordTf, s.unknownWords.tf, linker.words, 1);
  weigh(s, s.gramOrder, s.gramTf, s.unknownGrams.tf, linker.grams, 1 + linker.words.termIds.size);
  return true;
}

/**
 * TF-IDF weights of one view into `q` from slot `offset`: (1 + ln tf) × idf (a term the index lacks: the
 * largest idf), the vector scaled to unit length, summed in order of first appearance (as `tfidfQuery`).
 * Also marks the known terms in the query's bitset.
 */
function weigh(
  s: QueryScratch,
  termOrder: readonly number[],
  tfs: Float64Array,
  unknownTf: readonly number[],
  index: SparseIndex<unknown>,
  offset: number,
): void {
  const q = s.q;
  const unseenIdf = Math.log(index.docCount + 1) + 1;
  let norm = 0;
  for (let k = 0; k < termOrder.length; k++) {
    const t = termOrder[k]!;
    let w: number;
    if (t >= 0) {
      // (1 + ln 1) × idf is idf exactly: most terms occur once.
      const tf = tfs[t]!;
      w = tf === 1 ? index.idf[t]! : (1 + Math.log(tf)) * index.idf[t]!;
      q[offset + t] = w;
      s.inQuery[(offset + t) >>> 5]! |= 1 << ((offset + t) & 31);
    } else w = (1 + Math.log(unknownTf[-1 - t]!)) * unseenIdf;
    norm += w * w;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < termOrder.length; k++) {
    const t = termOrder[k]!;
    if (t >= 0) q[offset + t] = q[offset + t]! * scale;
  }
}

/** Zeroes what `queryTerms` wrote. */
function clearQuery(linker: TitleLinker): void {
  const s = linker.scratch;
  const gramBase = 1 + linker.words.termIds.size;
  for (const t of s.wordOrder) {
    if (t < 0) continue;
    s.wordTf[t] = 0;
    s.q[1 + t] = 0;
    s.inQuery[(1 + t) >>> 5] = 0;
  }
  for (const t of s.gramOrder) {
    if (t < 0) continue;
    s.gramTf[t] = 0;
    s.q[gramBase + t] = 0;
    s.inQuery[(gramBase + t) >>> 5] = 0;
  }
  s.wordOrder.length = 0;
  s.gramOrder.length = 0;
  s.stemIds.length = 0;
  s.stemText.length = 0;
  s.unknownWords.clear();
  s.unknownGrams.clear();
}

/** Adds `f × weight` along a term's postings; returns the new count of touched forms. */
function accumulate(
  index: SparseIndex<unknown>,
  term: number,
  f: number,
  s: QueryScratch,
  count: number,
): number {
  const docs = index.postDocs;
  const ws = index.postWeights;
  const { scores, touched } = s;
  const to = index.postStart[term + 1]!;
  for (let i = index.postStart[term]!; i < to; i++) {
    const d = docs[i]!;
    // Weights and query weights are positive: a zero score is an untouched form.
    if (scores[d] === 0) touched[count++] = d;
    scores[d]! += f * ws[i]!;
  }
  return count;
}

/**
 * The `top` occupations for a title, best first (ties by id). `lang` picks the language of the returned
 * labels; without it, the language of the matching form is used.
 */
export function linkTitle(linker: TitleLinker, title: string, top = 20, lang?: string): OccupationLink[] {
  if (top <= 0 || !queryTerms(linker, title)) {
    clearQuery(linker);
    return [];
  }
  const s = linker.scratch;
  const { q, inQuery, best, bestForm, conceptsTouched } = s;
  const gramBase = 1 + linker.words.termIds.size;
  const ww = linker.wordWeight;
  // 1. Candidates: forms sharing a word or a rarer trigram with the title (partial scores).
  let count = 0;
  for (const t of s.wordOrder) if (t >= 0) count = accumulate(linker.words, t, q[1 + t]! * ww, s, count);
  const gp = linker.grams.postStart;
  for (const t of s.gramOrder)
    if (t >= 0 && gp[t + 1]! - gp[t]! <= linker.candidateGramPostings)
      count = accumulate(linker.grams, t, q[gramBase + t]! * (1 - ww), s, count);
  if (count === 0)
    for (const t of s.gramOrder)
      if (t >= 0) count = accumulate(linker.grams, t, q[gramBase + t]! * (1 - ww), s, count);
  // Keep the best `keep` forms by partial score; ties at the threshold go to the forms touched first (many
  // forms share a partial score), and so does a best form among equal scores.
  const keep = Math.max(30, top + 20);
  const candidateCount = selectCandidates(s.scores, s.touched, count, keep, s);
  // 2. Exact cosine of each candidate on both views, best form per concept.
  const { start, data, weights } = linker.forms;
  const preferred = linker.formPreferred;
  const candidates = s.chosen;
  // Touch every candidate's block first: these reads do not depend on each other, so their cache misses
  // overlap instead of being paid one candidate at a time behind the scoring loop's branches.
  let touch = 0;
  for (let i = 0; i < candidateCount; i++) {
    // The block's end comes from `start`, not from the block: no read here waits for another's miss.
    const f = candidates[i]!;
    const end = start[f + 1]! - 1;
    for (let k = start[f]!; k < end; k += 16) touch |= data[k]!;
    touch |= data[end]!;
  }
  s.touch = touch;
  let conceptCount = 0;
  for (let i = 0; i < candidateCount; i++) {
    const f = candidates[i]!;
    const at = start[f]!;
    const c = data[at]!;
    const end = start[f + 1]!;
    let sc = 0;
    // Most of a form's terms are not the title's. The bitset (small, cached) tells which are; the others
    // read slot 0 (always 0, cached) and add exactly 0, as 1 × q × w is q × w. No branch: whether a term
    // is the title's is hard to predict.
    for (let k = at + 2; k < end; k += 2) {
      const t = data[k]!;
      sc += q[t & -((inQuery[t >>> 5]! >>> (t & 31)) & 1)]! * weights[k + 1]!;
    }
    if (bestForm[c] === -1) {
      conceptsTouched[conceptCount++] = c;
      best[c] = sc;
      bestForm[c] = f;
    } else if (sc > best[c]! || (sc === best[c] && preferred[f]! > preferred[bestForm[c]!]!)) {
      best[c] = sc;
      bestForm[c] = f;
    }
  }
  clearQuery(linker);
  // 3. The `top` concepts by score (insertion into a sorted list of at most `top`). Between equal scores,
  // a concept whose own preferred label matched comes before one matched through an alternative label
  // that both share ("chemical engineer" is an alternative label of "chemist"), then the lower id.
  const heap = s.heap;
  heap.length = 0;
  const idRank = linker.idRank;
  const before = (a: number, b: number): boolean => {
    const x = best[a]!;
    const y = best[b]!;
    if (x !== y) return x > y;
    const pa = preferred[bestForm[a]!]!;
    const pb = preferred[bestForm[b]!]!;
    return pa !== pb ? pa > pb : idRank[a]! < idRank[b]!;
  };
  for (let k = 0; k < conceptCount; k++) {
    const c = conceptsTouched[k]!;
    if (heap.length === top && !before(c, heap[top - 1]!)) continue;
    let i = heap.length < top ? heap.length : top - 1;
    if (heap.length < top) heap.push(c);
    while (i > 0 && before(c, heap[i - 1]!)) {
      heap[i] = heap[i - 1]!;
      i--;
    }
    heap[i] = c;
  }
  // Labels: in `lang`, else in the language of the form that matched, else English, else the form.
  const { langs, preferredTable, formLangIndex } = linker;
  const nl = langs.length;
  const asked = lang ? langs.indexOf(lang) : -1;
  const out: OccupationLink[] = new Array<OccupationLink>(heap.length);
  for (let k = 0; k < heap.length; k++) {
    const c = heap[k]!;
    const concept = linker.concepts[c]!;
    const f = bestForm[c]!;
    const label =
      (asked >= 0 ? preferredTable[c * nl + asked] : undefined) ??
      preferredTable[c * nl + formLangIndex[f]!] ??
      preferredTable[c * nl] ??
      linker.formText[f]!;
    out[k] = {
      id: concept.id,
      uri: concept.uri,
      label,
      score: Math.min(1, Math.round(best[c]! * 1e6) / 1e6),
      matched: linker.formText[f]!,
    };
  }
  for (let k = 0; k < conceptCount; k++) {
    const c = conceptsTouched[k]!;
    best[c] = 0;
    bestForm[c] = -1;
  }
  return out;
}

// --------------------------------------------------------------------------------- title similarity

/**
 * The linker's representation of a title: its word and character TF-IDF vectors (unit length each),
 * keyed by term, for title-to-title similarity (`titleSimilarity`).
 */
export interface TitleVector {
  words: Map<string, number>;
  grams: Map<number, number>;
}

export function titleVector(linker: TitleLinker, title: string): TitleVector {
  const bags = titleBags(cleanTitleForTerms(title));
  const toMap = <K>(index: SparseIndex<K>, bag: TermBag<K>): Map<K, number> => {
    const m = new Map<K, number>();
    // Terms unknown to the index get the highest idf; keep them so two rare titles can still match.
    let norm = 0;
    const unseenIdf = Math.log(index.docCount + 1) + 1;
    for (const [term, tf] of bag) {
      const id = index.termIds.get(term);
      const w = (1 + Math.log(tf)) * (id === undefined ? unseenIdf : index.idf[id]!);
      m.set(term, w);
      norm += w * w;
    }
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [k, v] of m) m.set(k, v * s);
    return m;
  };
  return { words: toMap(linker.words, bags.words), grams: toMap(linker.grams, bags.grams) };
}

export function titleSimilarity(linker: TitleLinker, a: TitleVector, b: TitleVector): number {
  const dot = <K>(x: Map<K, number>, y: Map<K, number>): number => {
    const [small, large] = x.size <= y.size ? [x, y] : [y, x];
    let s = 0;
    for (const [k, v] of small) s += v * (large.get(k) ?? 0);
    return s;
  };
  return linker.wordWeight * dot(a.words, b.words) + (1 - linker.wordWeight) * dot(a.grams, b.grams);
}

/**
 * Job title → occupation linking, lexical and cross-lingual through the concept.
 *
 * Every surface form of every occupation (preferred and alternative labels, in every language present,
 * gendered "masc/fem" labels split in two) is one document. A title is compared with each form by
 * TF-IDF cosine over two views, mixed: stemmed content words (exact vocabulary) and character trigrams
 * of the folded words (inflections, compounds, spelling variants). An occupation scores as its best form,
 * so a French title linked through a French label returns the same concept (and URI) as its English
 * equivalent. The index is built once; a query touches only the postings of its own terms.
 */
import {
  Accumulator,
  buildTfidfIndex,
  forwardIndex,
  kthLargest,
  tfidfQuery,
  type ForwardIndex,
  type SparseIndex,
  type TermBag,
} from '../retrieval/sparse-index.js';
import { addCharTrigramKeys, addWordTerms, shortTextWords } from '../retrieval/terms.js';

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

export interface TitleLinker {
  readonly concepts: readonly OccupationConcept[];
  readonly formCount: number;
  /** Form index → concept index, form text, form language. */
  readonly formConcept: Int32Array;
  readonly formText: readonly string[];
  readonly formLang: readonly string[];
  readonly words: SparseIndex;
  readonly grams: SparseIndex<number>;
  /** Both views of each form in one run: word term t, then gram term g as words.size + g; pre-weighted. */
  readonly forms: ForwardIndex;
  readonly wordWeight: number;
  readonly candidateGramPostings: number;
  /** Scratch space, reused by every query of this linker (a linker serves one query at a time). */
  readonly acc: Accumulator;
  readonly best: Float64Array;
  readonly bestForm: Int32Array;
  /** Query weights over both vocabularies (words first), zero between queries. */
  readonly q: Float64Array;
  readonly scratch: Float64Array;
  /** Concept index → language → preferred label. */
  readonly preferred: readonly ReadonlyMap<string, string>[];
  readonly wordScratch: Map<string, number>;
  readonly gramScratch: Map<number, number>;
}

/** Removes gender and inclusive-writing markers of job ads: "(h/f)", "H/F", "(m/w/d)", "(f/h/x)". */
export function cleanTitle(title: string): string {
  return title
    .replace(/[([]\s*[hfmwdx]\s*(?:[/|-]\s*[hfmwdx]\s*){1,3}[)\]]/gi, ' ')
    .replace(/(^|\s)[hfmwx]\s*\/\s*[hfmwx](?:\s*\/\s*[hfmwdx])?(?=\s|$)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "directeur technique/directrice technique" → both forms; a label without such a split stays whole. */
export function splitGenderedLabel(label: string): string[] {
  const parts = label.split('/').map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => p.replace(/[^\p{L}]/gu, '').length < 3)) return [label];
  return parts;
}

/** The two views of a title: stemmed words and bigrams, and character trigrams of the folded words. */
function titleBags(
  text: string,
  words: Map<string, number> = new Map(),
  grams: Map<number, number> = new Map(),
): { words: Map<string, number>; grams: Map<number, number> } {
  const { folded, stems } = shortTextWords(text);
  addWordTerms(words, stems, 1, 0.5);
  addCharTrigramKeys(grams, folded);
  return { words, grams };
}

/** One forward run per form (fewer cache misses when rescoring): words, then grams shifted by `shift`. */
function combinedForward(w: ForwardIndex, g: ForwardIndex, shift: number, wordWeight: number): ForwardIndex {
  const n = w.docStart.length - 1;
  const docStart = new Int32Array(n + 1);
  for (let d = 0; d < n; d++)
    docStart[d + 1] =
      docStart[d]! + (w.docStart[d + 1]! - w.docStart[d]!) + (g.docStart[d + 1]! - g.docStart[d]!);
  const docTerms = new Int32Array(docStart[n]!);
  const docWeights = new Float32Array(docStart[n]!);
  for (let d = 0; d < n; d++) {
    let at = docStart[d]!;
    for (let i = w.docStart[d]!; i < w.docStart[d + 1]!; i++, at++) {
      docTerms[at] = w.docTerms[i]!;
      docWeights[at] = w.docWeights[i]! * wordWeight;
    }
    for (let i = g.docStart[d]!; i < g.docStart[d + 1]!; i++, at++) {
      docTerms[at] = shift + g.docTerms[i]!;
      docWeights[at] = g.docWeights[i]! * (1 - wordWeight);
    }
  }
  return { docStart, docTerms, docWeights };
}

export function buildTitleLinker(
  concepts: readonly OccupationConcept[],
  options: TitleLinkerOptions = {},
): TitleLinker {
  const formConcept: number[] = [];
  const formText: string[] = [];
  const formLang: string[] = [];
  const wordBags: TermBag[] = [];
  const gramBags: TermBag<number>[] = [];
  concepts.forEach((c, ci) => {
    const seen = new Set<string>();
    for (const l of c.labels) {
      for (const form of splitGenderedLabel(l.label)) {
        const { words, grams } = titleBags(form);
        const sig = `${l.lang}\u0000${[...words.keys()].sort().join(' ')}`;
        if (words.size === 0 || seen.has(sig)) continue;
        seen.add(sig);
        formConcept.push(ci);
        formText.push(form);
        formLang.push(l.lang);
        wordBags.push(words);
        gramBags.push(grams);
      }
    }
  });
  const formCount = formText.length;
  const words = buildTfidfIndex(wordBags);
  const grams = buildTfidfIndex(gramBags);
  const wordWeight = options.wordWeight ?? 0.5;
  return {
    concepts,
    formCount,
    formConcept: Int32Array.from(formConcept),
    formText,
    formLang,
    words,
    grams,
    forms: combinedForward(forwardIndex(words), forwardIndex(grams), words.termIds.size, wordWeight),
    wordWeight,
    candidateGramPostings: Math.max(20, Math.floor(formCount * (options.candidateGramShare ?? 0.005))),
    acc: new Accumulator(formCount),
    best: new Float64Array(concepts.length),
    bestForm: new Int32Array(concepts.length).fill(-1),
    q: new Float64Array(words.termIds.size + grams.termIds.size),
    scratch: new Float64Array(formCount),
    wordScratch: new Map(),
    gramScratch: new Map(),
    preferred: concepts.map((c) => {
      const m = new Map<string, string>();
      for (const l of c.labels) if (l.kind === 'preferred' && !m.has(l.lang)) m.set(l.lang, l.label);
      return m;
    }),
  };
}

/**
 * The `top` occupations for a title, best first (ties by id). `lang` picks the language of the returned
 * labels; without it, the language of the matching form is used.
 */
export function linkTitle(linker: TitleLinker, title: string, top = 20, lang?: string): OccupationLink[] {
  const text = cleanTitle(title);
  if (!text || top <= 0) return [];
  const { acc, best, bestForm, formConcept, q: qAll } = linker;
  const shift = linker.words.termIds.size;
  const ww = linker.wordWeight;
  linker.wordScratch.clear();
  linker.gramScratch.clear();
  const bags = titleBags(text, linker.wordScratch, linker.gramScratch);
  const wq = tfidfQuery(linker.words, bags.words);
  const gq = tfidfQuery(linker.grams, bags.grams);
  // 1. Candidates: forms sharing a word or a rarer trigram with the title (partial scores).
  for (const q of wq) acc.add(linker.words, q, ww);
  for (const q of gq) acc.add(linker.grams, q, 1 - ww, linker.candidateGramPostings);
  if (acc.touched().length === 0) for (const q of gq) acc.add(linker.grams, q, 1 - ww);
  let candidates = acc.touched();
  const keep = Math.max(30, top + 20);
  if (candidates.length > keep) {
    const scratch = linker.scratch;
    for (let i = 0; i < candidates.length; i++) scratch[i] = acc.scores[candidates[i]!]!;
    const threshold = kthLargest(scratch, candidates.length, keep);
    // Above the threshold, then ties at it up to `keep` (many forms share a partial score).
    const chosen: number[] = [];
    for (let i = 0; i < candidates.length; i++)
      if (acc.scores[candidates[i]!]! > threshold) chosen.push(candidates[i]!);
    for (let i = 0; i < candidates.length && chosen.length < keep; i++)
      if (acc.scores[candidates[i]!]! === threshold) chosen.push(candidates[i]!);
    candidates = Int32Array.from(chosen);
  }
  // 2. Exact cosine of each candidate on both views, best form per concept.
  for (const q of wq) qAll[q.termId] = q.weight;
  for (const q of gq) qAll[shift + q.termId] = q.weight;
  const { docStart, docTerms, docWeights } = linker.forms;
  const touchedConcepts: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const f = candidates[i]!;
    const c = formConcept[f]!;
    let s = 0;
    for (let k = docStart[f]!; k < docStart[f + 1]!; k++) s += qAll[docTerms[k]!]! * docWeights[k]!;
    if (bestForm[c] === -1) {
      touchedConcepts.push(c);
      best[c] = s;
      bestForm[c] = f;
    } else if (s > best[c]!) {
      best[c] = s;
      bestForm[c] = f;
    }
  }
  for (const q of wq) qAll[q.termId] = 0;
  for (const q of gq) qAll[shift + q.termId] = 0;
  const heap: number[] = [];
  const better = (a: number, b: number): boolean =>
    best[a]! > best[b]! || (best[a] === best[b] && linker.concepts[a]!.id < linker.concepts[b]!.id);
  for (const c of touchedConcepts) {
    if (heap.length === top && !better(c, heap[heap.length - 1]!)) continue;
    let i = heap.length < top ? heap.length : top - 1;
    if (heap.length < top) heap.push(c);
    while (i > 0 && better(c, heap[i - 1]!)) {
      heap[i] = heap[i - 1]!;
      i--;
    }
    heap[i] = c;
  }
  const out: OccupationLink[] = heap.map((c) => {
    const concept = linker.concepts[c]!;
    const f = bestForm[c]!;
    const names = linker.preferred[c]!;
    const label =
      (lang ? names.get(lang) : undefined) ??
      names.get(linker.formLang[f]!) ??
      names.get('en') ??
      linker.formText[f]!;
    return {
      id: concept.id,
      uri: concept.uri,
      label,
      score: Math.min(1, Math.round(best[c]! * 1e6) / 1e6),
      matched: linker.formText[f]!,
    };
  });
  for (const c of touchedConcepts) {
    best[c] = 0;
    bestForm[c] = -1;
  }
  acc.reset();
  return out;
}

/**
 * The linker's representation of a title: its word and character TF-IDF vectors (unit length each),
 * keyed by term, for title-to-title similarity (`titleSimilarity`).
 */
export interface TitleVector {
  words: Map<string, number>;
  grams: Map<number, number>;
}

export function titleVector(linker: TitleLinker, title: string): TitleVector {
  const bags = titleBags(cleanTitle(title));
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

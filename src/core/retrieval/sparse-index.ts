/**
 * A small inverted index over weighted terms, for lexical retrieval (BM25, TF-IDF cosine). Documents are
 * bags of terms with (possibly fractional) frequencies; postings keep one precomputed weight per (term,
 * document), so a query only adds `queryWeight × postingWeight` along the postings of its terms.
 */

/** Term → (weighted) frequency. Terms are strings, or numbers (hashed character n-grams). */
export type TermBag<K = string> = ReadonlyMap<K, number>;

export interface SparseIndex<K = string> {
  readonly docCount: number;
  readonly termIds: ReadonlyMap<K, number>;
  /** Inverse document frequency of each term id. */
  readonly idf: Float64Array;
  /** Postings of term t are positions postStart[t] … postStart[t + 1] − 1 of postDocs / postWeights. */
  readonly postStart: Int32Array;
  /** Document ids, ascending within a term. */
  readonly postDocs: Int32Array;
  readonly postWeights: Float32Array;
}

/** Postings in one flat layout (few, large allocations: building over 100k documents stays fast). */
interface Collected<K> {
  termIds: Map<K, number>;
  df: Int32Array;
  postStart: Int32Array;
  postDocs: Int32Array;
  /** Raw term frequencies, same positions as postDocs. */
  postTf: Float64Array;
}

function collect<K>(bags: readonly TermBag<K>[]): Collected<K> {
  const termIds = new Map<K, number>();
  let dfList: number[] = [];
  let total = 0;
  for (const bag of bags) {
    for (const [term, tf] of bag) {
      if (!(tf > 0)) continue;
      let id = termIds.get(term);
      if (id === undefined) {
        id = dfList.length;
        termIds.set(term, id);
        dfList.push(0);
      }
      dfList[id]! += 1;
      total++;
    }
  }
  const df = Int32Array.from(dfList);
  dfList = [];
  const postStart = new Int32Array(df.length + 1);
  for (let t = 0; t < df.length; t++) postStart[t + 1] = postStart[t]! + df[t]!;
  const fill = postStart.slice(0, df.length);
  const postDocs = new Int32Array(total);
  const postTf = new Float64Array(total);
  bags.forEach((bag, d) => {
    for (const [term, tf] of bag) {
      if (!(tf > 0)) continue;
      const t = termIds.get(term) as number;
      const at = fill[t]!++;
      postDocs[at] = d;
      postTf[at] = tf;
    }
  });
  return { termIds, df, postStart, postDocs, postTf };
}

export interface Bm25Options {
  k1?: number;
  b?: number;
}

/** Okapi BM25 weights: idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)), len = sum of a bag's tfs. */
export function buildBm25Index<K = string>(
  bags: readonly TermBag<K>[],
  options: Bm25Options = {},
): SparseIndex<K> {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const lengths = new Float64Array(bags.length);
  bags.forEach((bag, d) => {
    let n = 0;
    for (const tf of bag.values()) if (tf > 0) n += tf;
    lengths[d] = n;
  });
  const avg = lengths.reduce((a, x) => a + x, 0) / Math.max(1, lengths.length) || 1;
  const { termIds, df, postStart, postDocs, postTf } = collect(bags);
  const n = bags.length;
  const idf = new Float64Array(df.length);
  const postWeights = new Float32Array(postDocs.length);
  for (let t = 0; t < df.length; t++) {
    idf[t] = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));
    for (let i = postStart[t]!; i < postStart[t + 1]!; i++) {
      const tf = postTf[i]!;
      const norm = k1 * (1 - b + (b * lengths[postDocs[i]!]!) / avg);
      postWeights[i] = (idf[t]! * (tf * (k1 + 1))) / (tf + norm);
    }
  }
  return { docCount: n, termIds, idf, postStart, postDocs, postWeights };
}

/**
 * TF-IDF with sublinear tf, each document vector scaled to unit length: a query vector built with
 * `tfidfQuery` and unit length too makes the accumulated score the cosine similarity.
 */
export function buildTfidfIndex<K = string>(bags: readonly TermBag<K>[]): SparseIndex<K> {
  const { termIds, df, postStart, postDocs, postTf } = collect(bags);
  const n = bags.length;
  const idf = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) idf[t] = Math.log((n + 1) / (df[t]! + 1)) + 1;
  const norms = new Float64Array(n);
  const postWeights = new Float32Array(postDocs.length);
  for (let t = 0; t < df.length; t++) {
    for (let i = postStart[t]!; i < postStart[t + 1]!; i++) {
      const w = (1 + Math.log(postTf[i]!)) * idf[t]!;
      postWeights[i] = w;
      norms[postDocs[i]!]! += w * w;
    }
  }
  for (let i = 0; i < postDocs.length; i++)
    postWeights[i] = postWeights[i]! / Math.sqrt(norms[postDocs[i]!]! || 1);
  return { docCount: n, termIds, idf, postStart, postDocs, postWeights };
}

export interface QueryTerm {
  termId: number;
  weight: number;
}

/** BM25 query: each known term once per occurrence (weight = its count in the query). */
export function bm25Query<K>(index: SparseIndex<K>, bag: TermBag<K>): QueryTerm[] {
  const out: QueryTerm[] = [];
  for (const [term, tf] of bag) {
    const termId = index.termIds.get(term);
    if (termId !== undefined && tf > 0) out.push({ termId, weight: tf });
  }
  return out;
}

/** TF-IDF query vector of unit length over the index's vocabulary (unknown terms still count in the norm). */
export function tfidfQuery<K>(index: SparseIndex<K>, bag: TermBag<K>): QueryTerm[] {
  const out: QueryTerm[] = [];
  let norm = 0;
  const unseenIdf = Math.log(index.docCount + 1) + 1;
  for (const [term, tf] of bag) {
    if (!(tf > 0)) continue;
    const termId = index.termIds.get(term);
    const w = (1 + Math.log(tf)) * (termId === undefined ? unseenIdf : index.idf[termId]!);
    norm += w * w;
    if (termId !== undefined) out.push({ termId, weight: w });
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const q of out) q.weight *= scale;
  return out;
}

/**
 * Reusable score accumulator over an index's documents: add query terms, read the touched documents,
 * reset. Allocated once per index so a query allocates (almost) nothing.
 */
export class Accumulator {
  readonly scores: Float64Array;
  private readonly mark: Uint8Array;
  private touchedIds: Int32Array;
  private touchedCount = 0;

  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.mark = new Uint8Array(size);
    this.touchedIds = new Int32Array(Math.min(size, 1024));
  }

  /** Adds `scale × weight` of the term's postings; postings longer than `maxPostings` are skipped. */
  add<K>(index: SparseIndex<K>, q: QueryTerm, scale = 1, maxPostings = Infinity): void {
    const from = index.postStart[q.termId]!;
    const to = index.postStart[q.termId + 1]!;
    if (to - from > maxPostings) return;
    const docs = index.postDocs;
    const ws = index.postWeights;
    const f = q.weight * scale;
    const scores = this.scores;
    const mark = this.mark;
    for (let i = from; i < to; i++) {
      const d = docs[i]!;
      if (mark[d] === 0) {
        mark[d] = 1;
        if (this.touchedCount === this.touchedIds.length) {
          const grown = new Int32Array(Math.min(this.scores.length, this.touchedIds.length * 2));
          grown.set(this.touchedIds);
          this.touchedIds = grown;
        }
        this.touchedIds[this.touchedCount++] = d;
      }
      scores[d]! += f * ws[i]!;
    }
  }

  /** Documents touched since the last reset (a view; valid until the next add or reset). */
  touched(): Int32Array {
    return this.touchedIds.subarray(0, this.touchedCount);
  }

  reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const d = this.touchedIds[i]!;
      this.scores[d] = 0;
      this.mark[d] = 0;
    }
    this.touchedCount = 0;
  }
}

/** The `k` best entries of (id, score) pairs, best first, ties by id (sorts `items` in place). */
export function topK<T extends { score: number; id: string }>(items: T[], k: number): T[] {
  items.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return items.slice(0, k);
}

/** The same weights document-major: the terms of document d are docStart[d] … docStart[d + 1] − 1. */
export interface ForwardIndex {
  readonly docStart: Int32Array;
  readonly docTerms: Int32Array;
  readonly docWeights: Float32Array;
}

export function forwardIndex<K>(index: SparseIndex<K>): ForwardIndex {
  const n = index.docCount;
  const docStart = new Int32Array(n + 1);
  for (let i = 0; i < index.postDocs.length; i++) docStart[index.postDocs[i]! + 1]! += 1;
  for (let d = 0; d < n; d++) docStart[d + 1]! += docStart[d]!;
  const fill = docStart.slice(0, n);
  const docTerms = new Int32Array(index.postDocs.length);
  const docWeights = new Float32Array(index.postDocs.length);
  const terms = index.postStart.length - 1;
  for (let t = 0; t < terms; t++) {
    for (let i = index.postStart[t]!; i < index.postStart[t + 1]!; i++) {
      const at = fill[index.postDocs[i]!]!++;
      docTerms[at] = t;
      docWeights[at] = index.postWeights[i]!;
    }
  }
  return { docStart, docTerms, docWeights };
}

/** The k-th largest value of `values[0 … n−1]` (1-based k; −Infinity if n < k). Reorders `values`. */
export function kthLargest(values: Float64Array, n: number, k: number): number {
  if (k > n || k <= 0) return -Infinity;
  let lo = 0;
  let hi = n - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const tmp = values[i]!;
        values[i] = values[j]!;
        values[j] = tmp;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

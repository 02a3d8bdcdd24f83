/**
 * The occupation forms' TF-IDF indexes, built from bags laid end to end in flat arrays instead of one map
 * per form: 40,000 forms then make a few large arrays rather than 80,000 small maps for the collector to
 * chase. Term ids, postings and weights are exactly those `buildTfidfIndex` (src/core/retrieval) gives for
 * the same bags in the same order (same first-appearance ids, same arithmetic in the same order).
 */
import type { SparseIndex } from '../retrieval/sparse-index.js';

/** Term bags of many documents, one after another; a term's id is its order of first appearance. */
export class FlatBags<K> {
  readonly termIds = new Map<K, number>();
  /** Entries of document d: docStart[d] … docStart[d + 1] − 1, each a term id and its frequency. */
  readonly terms: number[] = [];
  readonly tfs: number[] = [];
  readonly docStart: number[] = [0];
  /** Term id → the document that last used it, and its entry there (merges repeats in a document). */
  private readonly lastDoc: number[] = [];
  private readonly lastEntry: number[] = [];

  /** Adds `tf` to `key` in the open document (a new entry the first time, in order). */
  add(key: K, tf: number): void {
    let id = this.termIds.get(key);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(key, id);
      this.lastDoc.push(-1);
      this.lastEntry.push(-1);
    }
    const doc = this.docStart.length - 1;
    if (this.lastDoc[id] === doc) {
      this.tfs[this.lastEntry[id]!]! += tf;
      return;
    }
    this.lastDoc[id] = doc;
    this.lastEntry[id] = this.terms.length;
    this.terms.push(id);
    this.tfs.push(tf);
  }

  /** Closes the open document. */
  end(): void {
    this.docStart.push(this.terms.length);
  }

  get docCount(): number {
    return this.docStart.length - 1;
  }
}

/**
 * TF-IDF with sublinear tf, each document vector of unit length (as `buildTfidfIndex`): weight =
 * (1 + ln tf) × idf, idf = ln((n + 1) / (df + 1)) + 1, then divided by the document's norm.
 */
export function flatTfidfIndex<K>(bags: FlatBags<K>): SparseIndex<K> {
  const n = bags.docCount;
  const vocab = bags.termIds.size;
  const { terms, tfs, docStart } = bags;
  const df = new Int32Array(vocab);
  for (const t of terms) df[t]! += 1;
  const postStart = new Int32Array(vocab + 1);
  for (let t = 0; t < vocab; t++) postStart[t + 1] = postStart[t]! + df[t]!;
  const fill = postStart.slice(0, vocab);
  const postDocs = new Int32Array(terms.length);
  const postTf = new Float64Array(terms.length);
  for (let d = 0; d < n; d++)
    for (let e = docStart[d]!; e < docStart[d + 1]!; e++) {
      const at = fill[terms[e]!]!++;
      postDocs[at] = d;
      postTf[at] = tfs[e]!;
    }
  const idf = new Float64Array(vocab);
  for (let t = 0; t < vocab; t++) idf[t] = Math.log((n + 1) / (df[t]! + 1)) + 1;
  const norms = new Float64Array(n);
  const postWeights = new Float32Array(postDocs.length);
  for (let t = 0; t < vocab; t++) {
    for (let i = postStart[t]!; i < postStart[t + 1]!; i++) {
      const w = (1 + Math.log(postTf[i]!)) * idf[t]!;
      postWeights[i] = w;
      norms[postDocs[i]!]! += w * w;
    }
  }
  for (let i = 0; i < postDocs.length; i++)
    postWeights[i] = postWeights[i]! / Math.sqrt(norms[postDocs[i]!]! || 1);
  return { docCount: n, termIds: bags.termIds, idf, postStart, postDocs, postWeights };
}

/**
 * The title linker's candidate step (link-titles.ts): of the forms a title touched, the best `keep` by
 * partial score, without sorting them all (a title touches hundreds of forms and keeps a few dozen).
 */
import { kthLargest } from '../retrieval/sparse-index.js';

/** Working memory of at least as many entries as there are forms. */
export interface SelectScratch {
  readonly chosen: Int32Array;
  readonly values: Float64Array;
  readonly touchedScores: Float64Array;
}

/**
 * Moves the best `keep` of the `count` forms in `touched` (their partial scores in `scores`) to
 * `s.chosen`, in touch order: those above the keep-th largest score, then ties at it until `keep` (many
 * forms share a partial score: ties go to the forms touched first). Returns how many were chosen. Zeroes
 * the scores of all touched forms for the next title, and reuses `touched` as working memory.
 */
export function selectCandidates(
  scores: Float64Array,
  touched: Int32Array,
  count: number,
  keep: number,
  s: SelectScratch,
): number {
  const { chosen, values, touchedScores } = s;
  if (count <= keep) {
    for (let i = 0; i < count; i++) {
      const d = touched[i]!;
      chosen[i] = d;
      scores[d] = 0;
    }
    return count;
  }
  // The keep-th largest of a prefix is at most the keep-th largest of all: select on the prefix, then in
  // one pass (which also clears the scores) keep only the forms at or above its answer, in touch order,
  // and select again among those (a few dozen, not hundreds).
  const prefix = Math.min(count, 2 * keep);
  for (let i = 0; i < prefix; i++) values[i] = scores[touched[i]!]!;
  const floor = kthLargest(values, prefix, keep);
  let above = 0;
  for (let i = 0; i < count; i++) {
    const d = touched[i]!;
    const v = scores[d]!;
    scores[d] = 0;
    if (v >= floor) {
      touched[above] = d;
      touchedScores[above++] = v;
    }
  }
  for (let i = 0; i < above; i++) values[i] = touchedScores[i]!;
  const threshold = kthLargest(values, above, keep);
  let c = 0;
  for (let i = 0; i < above; i++) if (touchedScores[i]! > threshold) chosen[c++] = touched[i]!;
  for (let i = 0; i < above && c < keep; i++) if (touchedScores[i] === threshold) chosen[c++] = touched[i]!;
  return c;
}

import { describe, expect, it } from 'vitest';
import { selectCandidates } from './select-candidates.js';

/** Deterministic pseudo-random numbers (a test must fail the same way twice). */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

/**
 * The same choice by sorting: all forms in touch order if there are at most `keep`; else the best `keep`
 * by score, ties to the forms touched first, listed in touch order, those above the lowest kept score
 * first, then the kept ties at it.
 */
function reference(scoreOf: Map<number, number>, touched: number[], keep: number): number[] {
  if (touched.length <= keep) return touched;
  const ranked = touched.map((d, i) => ({ d, i, v: scoreOf.get(d)! }));
  ranked.sort((a, b) => b.v - a.v || a.i - b.i);
  const kept = ranked.slice(0, keep);
  const lowest = kept[kept.length - 1]?.v ?? 0;
  const byTouch = kept.sort((a, b) => a.i - b.i);
  return [...byTouch.filter((x) => x.v > lowest), ...byTouch.filter((x) => x.v === lowest)].map((x) => x.d);
}

describe('selectCandidates', () => {
  const forms = 500;
  const scratch = {
    chosen: new Int32Array(forms),
    values: new Float64Array(forms),
    touchedScores: new Float64Array(forms),
  };

  for (const [count, keep, levels] of [
    [10, 30, 0], // fewer than kept: all, in touch order
    [200, 40, 0], // distinct scores
    [300, 40, 5], // a few score levels: many ties at the threshold
    [120, 40, 1], // all equal
    [400, 120, 50],
  ] as const)
    it(`keeps the best ${keep} of ${count} touched forms (${levels || 'distinct'} score levels)`, () => {
      const next = rng(count * 31 + keep);
      const scores = new Float64Array(forms);
      const order = Array.from({ length: forms }, (_, i) => i).sort(() => next() - 0.5);
      const touched = order.slice(0, count);
      const scoreOf = new Map<number, number>();
      for (const d of touched) {
        const v = levels ? 1 + Math.floor(next() * levels) / 8 : 1 + next();
        scores[d] = v;
        scoreOf.set(d, v);
      }
      const n = selectCandidates(scores, Int32Array.from(touched), count, keep, scratch);
      expect(Array.from(scratch.chosen.subarray(0, n))).toEqual(reference(scoreOf, touched, keep));
      // Every touched form's score is cleared for the next title.
      expect(scores.every((v) => v === 0)).toBe(true);
    });
});

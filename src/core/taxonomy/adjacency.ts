import type { Taxonomy } from './types.js';

export interface AdjacentSource {
  /** The skill a person holds. */
  from: string;
  /** Share of a required skill's credit that holding `from` earns, in (0, 1). */
  weight: number;
}

/** Credit for holding a narrower skill when the broader one is required (Mistral → open-weight LLMs). */
export const NARROWER_TO_BROADER = 0.7;
/** Credit for holding the broader skill when a narrower one is required (machine learning → deep learning). */
export const BROADER_TO_NARROWER = 0.4;

/**
 * For each skill, the skills that transfer to it and how much: explicit `related` weights, and the broader
 * links in both directions. Where several links join the same pair, the strongest wins. Sources are sorted
 * by weight, then id, so that the best adjacent skill is found first and ties break the same way every time.
 */
export function buildAdjacency(tax: Taxonomy): Map<string, AdjacentSource[]> {
  const best = new Map<string, Map<string, number>>();
  const add = (from: string, to: string, w: number) => {
    if (from === to) return;
    let m = best.get(to);
    if (!m) best.set(to, (m = new Map()));
    if ((m.get(from) ?? 0) < w) m.set(from, w);
  };
  for (const s of tax.skills) {
    for (const [to, w] of Object.entries(s.related)) add(s.id, to, w);
    if (s.broader) {
      add(s.id, s.broader, NARROWER_TO_BROADER);
      add(s.broader, s.id, BROADER_TO_NARROWER);
    }
  }
  const out = new Map<string, AdjacentSource[]>();
  for (const [to, m] of best) {
    const list = [...m].map(([from, weight]) => ({ from, weight }));
    list.sort((a, b) => b.weight - a.weight || (a.from < b.from ? -1 : 1));
    out.set(to, list);
  }
  return out;
}

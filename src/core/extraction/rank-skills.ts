/**
 * Ranked skills for a text: the skills it names (literal matches of the extractor, with spans) first,
 * then implicit candidates from lexical retrieval over the taxonomy's labels and descriptions, so that a
 * sentence that does not name a skill still gets a ranked list ("took care of the accounts" → accounting).
 *
 * Retrieval is BM25 over stemmed content words and their bigrams. A skill's document mixes fields with
 * weights: preferred labels (×3), alternative labels (×1 per label containing the term, at most 2), and
 * descriptions (×0.5 per occurrence, at most 3). Scores: a literal match scores in [0.5, 1) — 0.5 plus its
 * confidence and retrieval relevance —, an implicit candidate in (0, 0.5), so literal always ranks first.
 */
import { isEscoId } from '../esco/esco.js';
import {
  Accumulator,
  bm25Query,
  buildBm25Index,
  type SparseIndex,
  type TermBag,
} from '../retrieval/sparse-index.js';
import { addWordTerms, contentWords } from '../retrieval/terms.js';
import type { Taxonomy } from '../taxonomy/types.js';
import type { Extraction } from './extract-skills.js';

export interface SkillRetriever {
  readonly index: SparseIndex;
  /** Document index → skill id. */
  readonly skillIds: readonly string[];
  /** Skill id → the id reported for it: a built-in skill stands for the ESCO concept it points at. */
  readonly canonical: ReadonlyMap<string, string>;
  readonly acc: Accumulator;
}

const PREFERRED_WEIGHT = 3;
const ALIAS_WEIGHT = 1;
const ALIAS_CAP = 2;
const DESCRIPTION_WEIGHT = 0.5;
const DESCRIPTION_CAP = 3;
/** BM25 score at which an implicit candidate reaches half of its range (0.25). */
const HALF_SCORE = 8;

/** Words and bigrams; `bigrams: false` for descriptions (their bigrams would triple the vocabulary). */
function termsOf(text: string, bigrams = true): Map<string, number> {
  const bag = new Map<string, number>();
  addWordTerms(bag, contentWords(text), 1, bigrams ? 1 : 0);
  return bag;
}

function addCapped(
  bag: Map<string, number>,
  texts: readonly string[],
  weight: number,
  cap: number,
  perText: 'presence' | 'count',
) {
  const counts = new Map<string, number>();
  for (const t of texts) {
    for (const [term, n] of termsOf(t, perText === 'presence'))
      counts.set(term, (counts.get(term) ?? 0) + (perText === 'count' ? n : 1));
  }
  for (const [term, n] of counts) bag.set(term, (bag.get(term) ?? 0) + weight * Math.min(cap, n));
}

/**
 * Builds the retrieval index over every skill of the taxonomy. `descriptions` maps a skill id to its
 * descriptions (any language); skills without one are indexed on their labels alone.
 */
export function buildSkillRetriever(
  tax: Taxonomy,
  descriptions: ReadonlyMap<string, readonly string[]> = new Map(),
): SkillRetriever {
  const bags: TermBag[] = [];
  const skillIds: string[] = [];
  const builtinByUri = new Map<string, string>();
  for (const s of tax.skills) if (!isEscoId(s.id) && s.escoUri) builtinByUri.set(s.escoUri, s.id);
  const canonical = new Map<string, string>();
  for (const s of tax.skills) {
    const bag = new Map<string, number>();
    const preferred = [...new Set([s.labels.en.label, s.labels.fr.label])];
    addCapped(bag, preferred, PREFERRED_WEIGHT, 1, 'presence');
    addCapped(
      bag,
      [...s.labels.en.aliases, ...s.labels.fr.aliases, ...s.names],
      ALIAS_WEIGHT,
      ALIAS_CAP,
      'presence',
    );
    addCapped(bag, descriptions.get(s.id) ?? [], DESCRIPTION_WEIGHT, DESCRIPTION_CAP, 'count');
    bags.push(bag);
    skillIds.push(s.id);
    if (isEscoId(s.id) && s.escoUri) {
      const builtin = builtinByUri.get(s.escoUri);
      if (builtin) canonical.set(s.id, builtin);
    }
  }
  return {
    index: buildBm25Index(bags, { k1: 1.2, b: 0.5 }),
    skillIds,
    canonical,
    acc: new Accumulator(bags.length),
  };
}

export interface RankedSkill {
  skillId: string;
  score: number;
  /** Character spans of the literal mentions; empty for an implicit candidate. */
  spans: [number, number][];
  literal: boolean;
}

/** BM25 scores of every skill retrieved for the text. */
export function retrieveSkills(retriever: SkillRetriever, text: string): Map<string, number> {
  const { acc, index } = retriever;
  for (const q of bm25Query(index, termsOf(text))) acc.add(index, q);
  const out = new Map<string, number>();
  for (const d of acc.touched()) out.set(retriever.skillIds[d] as string, acc.scores[d] as number);
  acc.reset();
  return out;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Literal matches (non-negated skills of `extraction`) then implicit candidates, best first, at most `top`.
 * A skill reported twice (a built-in skill and the ESCO concept it points at) is reported once, under the
 * built-in id, with the better score and all spans.
 */
export function rankSkills(
  retriever: SkillRetriever,
  text: string,
  extraction: Extraction,
  top = 20,
): RankedSkill[] {
  if (top <= 0 || text.trim() === '') return [];
  const relevance = retrieveSkills(retriever, text);
  const rel = (id: string): number => {
    const s = relevance.get(id) ?? 0;
    return s / (s + HALF_SCORE);
  };
  const canon = (id: string): string => retriever.canonical.get(id) ?? id;
  const byId = new Map<string, RankedSkill>();
  const put = (r: RankedSkill) => {
    const id = canon(r.skillId);
    const prev = byId.get(id);
    if (!prev) {
      byId.set(id, { ...r, skillId: id });
      return;
    }
    prev.score = Math.max(prev.score, r.score);
    prev.literal ||= r.literal;
    for (const sp of r.spans)
      if (!prev.spans.some(([a, b]) => a === sp[0] && b === sp[1])) prev.spans.push(sp);
  };
  for (const s of extraction.skills) {
    put({
      skillId: s.skillId,
      score: round(0.5 + 0.5 * (0.8 * s.confidence + 0.2 * rel(s.skillId)) - 1e-6),
      spans: s.mentions.map((m) => [m.start, m.end] as [number, number]),
      literal: true,
    });
  }
  const negated = new Set(extraction.negated.map((s) => canon(s.skillId)));
  for (const [id, s] of relevance) {
    if (negated.has(canon(id))) continue;
    put({ skillId: id, score: round((0.5 * s) / (s + HALF_SCORE)), spans: [], literal: false });
  }
  const all = [...byId.values()];
  for (const r of all) r.spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  all.sort(
    (a, b) =>
      Number(b.literal) - Number(a.literal) ||
      b.score - a.score ||
      (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0),
  );
  return all.slice(0, top);
}

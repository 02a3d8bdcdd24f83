/**
 * Brief classification: the industry, business function and archetype of a project brief (French or
 * English), each with the words that decided it.
 *
 * A lexicon of weighted cue phrases per class (brief-cues.ts, optionally widened with the taxonomy's
 * business skills) is matched on the brief's tokens (src/core/text: folded, lightly stemmed, offsets into
 * the original text), longest phrase first within a field. A class scores the weights of its cues, a cue
 * repeated counting less each time (1, ½, ¼). The best class is chosen only when it reaches MIN_SCORE (one
 * cue that names the class, or two typical ones) and beats the next one; otherwise the field stays null
 * with confidence 0 — the classifier never guesses. The other classes that scored come back as
 * runners-up, with their own evidence.
 */
import {
  ARCHETYPES,
  FUNCTIONS,
  INDUSTRIES,
  type Archetype,
  type BusinessFunction,
  type Industry,
} from '../model.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { STOPWORDS } from '../text/stopwords.js';
import { tokenize } from '../text/tokenize.js';
import {
  ARCHETYPE_CUES,
  BLOCKERS,
  FUNCTION_CUES,
  FUNCTION_SKILL_ROOTS,
  INDUSTRY_CUES,
  INDUSTRY_SKILL_ROOTS,
  type CueLevels,
} from './brief-cues.js';

/** A class is chosen from this score up: one cue naming it (3), or two typical ones (2 + 2), … */
export const MIN_SCORE = 2;
/** Credit of the 1st, 2nd and 3rd occurrence of one cue (later ones add nothing). */
const REPEAT_CREDIT = [1, 0.5, 0.25];
/** Weight of a taxonomy skill's labels as cues: the root skill of a class, and the skills under it. */
const ROOT_SKILL_WEIGHT = 2;
const SKILL_WEIGHT = 1;

export interface BriefEvidence {
  /** The words of the brief, as written. */
  phrase: string;
  /** Character offsets [start, end) into the brief. */
  span: [number, number];
  /** What this occurrence added to the class's score. */
  weight: number;
  /** The lexicon entry (or taxonomy label) it matched. */
  cue: string;
}

export interface ClassScore<T extends string> {
  value: T;
  score: number;
  evidence: BriefEvidence[];
}

export interface BriefField<T extends string> {
  /** The class, or null when no class reaches MIN_SCORE or two classes tie. */
  value: T | null;
  /** In [0, 1]: how strong the evidence is (1 − e^(−score/3)) times the lead over the runner-up. */
  confidence: number;
  score: number;
  /** The words that decided it (empty when value is null), in text order. */
  evidence: BriefEvidence[];
  /** The other classes with some evidence, best first (at most 3). */
  runnersUp: ClassScore<T>[];
}

export interface BriefClassification {
  industry: BriefField<Industry>;
  businessFunction: BriefField<BusinessFunction>;
  archetype: BriefField<Archetype>;
}

// ------------------------------------------------------------------------------------------ lexicon

interface CueToken {
  key: string;
  /** The token as it must be written (a short capitalised word), or null for any case. */
  exact: string | null;
}

interface Cue {
  text: string;
  tokens: CueToken[];
  /** Class index → weight; empty for a blocker. */
  weights: Map<number, number>;
}

interface FieldCues {
  values: readonly string[];
  /** First token key → cues starting with it, longest first. */
  byFirst: Map<string, Cue[]>;
}

export interface BriefCues {
  industry: FieldCues;
  businessFunction: FieldCues;
  archetype: FieldCues;
}

interface Token {
  key: string;
  start: number;
  end: number;
}

/** A short word in capitals ("IT", "RH", "AI", "5G"): an acronym, matched only as written. */
const isAcronym = (s: string): boolean => /^[A-Z0-9]{2,4}$/.test(s) && /[A-Z]/.test(s);

/**
 * The tokens that take part in matching: function words are dropped (on cue and text alike), except a
 * function word written as an acronym ("IT" is not "it").
 */
function matchTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const t of tokenize(text)) {
    if (STOPWORDS.has(t.key) && !isAcronym(text.slice(t.start, t.end))) continue;
    out.push(t);
  }
  return out;
}

function cueTokens(phrase: string): CueToken[] {
  return matchTokens(phrase).map((t) => {
    const written = phrase.slice(t.start, t.end);
    return { key: t.key, exact: isAcronym(written) ? written : null };
  });
}

class FieldBuilder {
  private readonly cues = new Map<string, Cue>();

  constructor(readonly values: readonly string[]) {}

  add(phrase: string, cls: number, weight: number): void {
    const tokens = cueTokens(phrase);
    if (tokens.length === 0) return;
    const sig = tokens.map((t) => t.exact ?? t.key).join('\u0000');
    let cue = this.cues.get(sig);
    if (!cue) {
      cue = { text: phrase, tokens, weights: new Map() };
      this.cues.set(sig, cue);
    }
    // The same words listed twice for a class (by hand and through the taxonomy) keep the larger weight.
    if (cls >= 0) cue.weights.set(cls, Math.max(cue.weights.get(cls) ?? 0, weight));
  }

  addLevels(levels: CueLevels, cls: number): void {
    for (const w of [3, 2, 1] as const) for (const phrase of levels[w] ?? []) this.add(phrase, cls, w);
  }

  build(): FieldCues {
    const byFirst = new Map<string, Cue[]>();
    for (const cue of this.cues.values()) {
      const first = cue.tokens[0]!.key;
      const list = byFirst.get(first) ?? [];
      list.push(cue);
      byFirst.set(first, list);
    }
    for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    return { values: this.values, byFirst };
  }
}

/** Skill id → the ids of the skills directly under it. */
function childrenOf(taxonomy: Taxonomy): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const s of taxonomy.skills) {
    if (!s.broader) continue;
    const list = children.get(s.broader);
    if (list) list.push(s.id);
    else children.set(s.broader, [s.id]);
  }
  return children;
}

/** The skills at or under `roots` (through `broader`), each with its depth (0 for a root). */
function skillsUnder(
  taxonomy: Taxonomy,
  children: ReadonlyMap<string, string[]>,
  roots: readonly string[],
): Map<string, number> {
  const depth = new Map<string, number>();
  const queue = roots.filter((r) => taxonomy.byId.has(r));
  for (const r of queue) depth.set(r, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const c of children.get(id) ?? [])
      if (!depth.has(c)) {
        depth.set(c, depth.get(id)! + 1);
        queue.push(c);
      }
  }
  return depth;
}

function addSkillCues(
  field: FieldBuilder,
  taxonomy: Taxonomy,
  children: ReadonlyMap<string, string[]>,
  roots: Record<string, readonly string[]>,
): void {
  field.values.forEach((value, cls) => {
    for (const [id, depth] of skillsUnder(taxonomy, children, roots[value] ?? [])) {
      const skill = taxonomy.byId.get(id)!;
      // Short or common-word names (ambiguous skills) need context the classifier does not check.
      if (skill.ambiguous) continue;
      const weight = depth === 0 ? ROOT_SKILL_WEIGHT : SKILL_WEIGHT;
      for (const l of Object.values(skill.labels))
        for (const phrase of [l.label, ...l.aliases]) field.add(phrase, cls, weight);
      for (const phrase of skill.names) field.add(phrase, cls, weight);
    }
  });
}

/**
 * The compiled lexicon: the hand-written cues, plus the labels of the taxonomy's industry and function
 * skills when a taxonomy is given (an ESCO import adds nothing here: only built-in business skills sit
 * under the roots).
 */
export function compileBriefCues(taxonomy?: Taxonomy): BriefCues {
  const industry = new FieldBuilder(INDUSTRIES);
  const fn = new FieldBuilder(FUNCTIONS);
  const archetype = new FieldBuilder(ARCHETYPES);
  INDUSTRIES.forEach((v, i) => industry.addLevels(INDUSTRY_CUES[v], i));
  FUNCTIONS.forEach((v, i) => fn.addLevels(FUNCTION_CUES[v], i));
  ARCHETYPES.forEach((v, i) => archetype.addLevels(ARCHETYPE_CUES[v], i));
  if (taxonomy) {
    const children = childrenOf(taxonomy);
    addSkillCues(industry, taxonomy, children, INDUSTRY_SKILL_ROOTS);
    addSkillCues(fn, taxonomy, children, FUNCTION_SKILL_ROOTS);
  }
  // Blockers last: a blocker that is also a cue of the field stays a cue (its weights are kept).
  for (const p of BLOCKERS.industry) industry.add(p, -1, 0);
  for (const p of BLOCKERS.function) fn.add(p, -1, 0);
  for (const p of BLOCKERS.archetype) archetype.add(p, -1, 0);
  return { industry: industry.build(), businessFunction: fn.build(), archetype: archetype.build() };
}

let builtinCues: BriefCues | null = null;
/** The hand-written lexicon alone, compiled once. */
export function defaultBriefCues(): BriefCues {
  builtinCues ??= compileBriefCues();
  return builtinCues;
}

// ------------------------------------------------------------------------------------------ matching

interface Hit {
  cue: Cue;
  start: number;
  end: number;
}

/** Longest cue at each position, left to right, without overlaps. */
function findCues(text: string, tokens: readonly Token[], field: FieldCues): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length;) {
    let matched: Cue | null = null;
    for (const cue of field.byFirst.get(tokens[i]!.key) ?? []) {
      if (i + cue.tokens.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < cue.tokens.length && ok; k++) {
        const want = cue.tokens[k]!;
        const t = tokens[i + k]!;
        ok = t.key === want.key && (want.exact === null || text.slice(t.start, t.end) === want.exact);
      }
      if (ok) {
        matched = cue;
        break;
      }
    }
    if (!matched) {
      i++;
      continue;
    }
    const last = tokens[i + matched.tokens.length - 1]!;
    hits.push({ cue: matched, start: tokens[i]!.start, end: last.end });
    i += matched.tokens.length;
  }
  return hits;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

function decide<T extends string>(text: string, tokens: readonly Token[], field: FieldCues): BriefField<T> {
  const scores = new Float64Array(field.values.length);
  const evidence: BriefEvidence[][] = field.values.map(() => []);
  const seen = new Map<string, number>();
  for (const hit of findCues(text, tokens, field)) {
    for (const [cls, weight] of hit.cue.weights) {
      const key = `${cls}\u0000${hit.cue.text}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const credit = weight * (REPEAT_CREDIT[n] ?? 0);
      if (credit === 0) continue;
      scores[cls]! += credit;
      evidence[cls]!.push({
        phrase: text.slice(hit.start, hit.end),
        span: [hit.start, hit.end],
        weight: credit,
        cue: hit.cue.text,
      });
    }
  }
  const ranked = field.values
    .map((_, i) => i)
    .filter((i) => scores[i]! > 0)
    .sort((a, b) => scores[b]! - scores[a]! || a - b);
  const classScore = (i: number): ClassScore<T> => ({
    value: field.values[i] as T,
    score: round(scores[i]!),
    evidence: evidence[i]!,
  });
  const best = ranked[0];
  const s1 = best === undefined ? 0 : scores[best]!;
  const s2 = ranked[1] === undefined ? 0 : scores[ranked[1]]!;
  if (best === undefined || s1 < MIN_SCORE || s1 === s2)
    return {
      value: null,
      confidence: 0,
      score: 0,
      evidence: [],
      runnersUp: ranked.slice(0, 3).map(classScore),
    };
  return {
    value: field.values[best] as T,
    confidence: round((1 - Math.exp(-s1 / 3)) * ((s1 - s2) / s1)),
    score: round(s1),
    evidence: evidence[best]!,
    runnersUp: ranked.slice(1, 4).map(classScore),
  };
}

/** The industry, business function and archetype of a brief; an empty text decides nothing. */
export function classifyBrief(text: string, cues: BriefCues = defaultBriefCues()): BriefClassification {
  const tokens = matchTokens(text);
  return {
    industry: decide<Industry>(text, tokens, cues.industry),
    businessFunction: decide<BusinessFunction>(text, tokens, cues.businessFunction),
    archetype: decide<Archetype>(text, tokens, cues.archetype),
  };
}

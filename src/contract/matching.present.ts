/**
 * Presenters of matching: the service's result → the contract's documents, skill labels in the asked
 * language. The HTTP route and `vivier match --json` both call `presentMatches` with the request both built
 * through `matchRequest`, so `curl …/matches` and the CLI print the same document.
 */
import type { MatchFilters } from '../core/matching/profile.js';
import type { Counterfactual, Match, ScoreWeights } from '../core/matching/types.js';
import type { Lang, Taxonomy } from '../core/taxonomy/types.js';
import type {
  CounterfactualOut,
  ExplanationOut,
  FiltersOut,
  MatchesResponse,
  MatchOut,
  ProfileOut,
  WeightsResponse,
} from './matching.schemas.js';

/** A skill's label in `lang`; its id when the taxonomy does not know it (an id is still readable). */
export type LabelOf = (skillId: string) => string;

export const labelLookup =
  (tax: Taxonomy, lang: Lang): LabelOf =>
  (id) =>
    tax.byId.get(id)?.labels[lang].label ?? id;

/** What the presenter reads of a ranking (the matching service's MatchResult fits). */
export interface RankingLike {
  project: { id: string; name: string };
  considered: number;
  weights: ScoreWeights;
  matches: readonly (Match & { counterfactuals: readonly Counterfactual[] })[];
}

function presentExplanation(e: Match['explanation'][number], label: LabelOf): ExplanationOut {
  return {
    skillId: e.skillId,
    label: label(e.skillId),
    requiredLevel: e.requiredLevel,
    must: e.must,
    share: e.share,
    brings: e.brings.kind === 'adjacent' ? { ...e.brings, viaLabel: label(e.brings.via) } : e.brings,
    contributions: { ...e.contributions },
  };
}

function presentProfile(p: Match['profile']): ProfileOut {
  return {
    // The value is shown beside the flags so the part reads as weight × value like the others; it is the
    // same ½ + ½ as profile.ts's verticalValue.
    vertical: { ...p.vertical, value: (p.vertical.inIndustry ? 0.5 : 0) + (p.vertical.inFunction ? 0.5 : 0) },
    trackRecord: { ...p.trackRecord },
    availability: { ...p.availability },
    budget: { ...p.budget },
    breadth: { domains: [...p.breadth.domains], value: p.breadth.value },
  };
}

export function presentCounterfactual(c: Counterfactual, label: LabelOf): CounterfactualOut {
  if (c.kind === 'full-availability') return { kind: c.kind, gain: c.gain };
  const skillId = c.skillId ?? '';
  return { kind: c.kind, skillId, label: label(skillId), level: c.level ?? 0, gain: c.gain };
}

export function presentMatch(
  m: Match & { counterfactuals: readonly Counterfactual[] },
  rank: number,
  label: LabelOf,
): MatchOut {
  return {
    rank,
    talentId: m.talentId,
    name: m.name,
    source: m.source,
    score: m.score,
    parts: { ...m.parts },
    explanation: m.explanation.map((e) => presentExplanation(e, label)),
    profile: presentProfile(m.profile),
    counterfactuals: m.counterfactuals.map((c) => presentCounterfactual(c, label)),
  };
}

export function presentFilters(f: MatchFilters): FiltersOut {
  return {
    source: f.source ?? 'all',
    available: f.available ? { ...f.available } : null,
    maxRate: f.maxRate ?? null,
    languages: [...(f.languages ?? [])],
    location: f.location ? { ...f.location } : null,
    industries: [...(f.industries ?? [])],
  };
}

export function presentMatches(r: RankingLike, filters: MatchFilters, label: LabelOf): MatchesResponse {
  return {
    projectId: r.project.id,
    projectName: r.project.name,
    considered: r.considered,
    filters: presentFilters(filters),
    weights: { ...r.weights },
    matches: r.matches.map((m, i) => presentMatch(m, i + 1, label)),
  };
}

export function presentWeights(weights: ScoreWeights, defaults: ScoreWeights): WeightsResponse {
  return { weights: { ...weights }, defaults: { ...defaults } };
}

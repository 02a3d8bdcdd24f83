/**
 * Presenters: domain results → the contract's response shapes. The HTTP routes and the CLI's --json both
 * use them, so `curl …/matches` and `vivier match --json` print the same document.
 */
import type { Extraction, ExtractedSkill } from '../core/extraction/extract-skills.js';
import type { Match, ScoreWeights } from '../core/matching/types.js';
import type { Project } from '../core/model.js';
import type { Lang, Taxonomy } from '../core/taxonomy/types.js';
import type {
  ExplanationOut,
  ExtractResponse,
  MatchesResponse,
  MatchOut,
  ProjectResponse,
} from './schemas.js';

const labelOf = (tax: Taxonomy, id: string, lang: Lang): string => tax.byId.get(id)?.labels[lang].label ?? id;

function presentExtracted(tax: Taxonomy, s: ExtractedSkill, lang: Lang): ExtractResponse['skills'][number] {
  const skill = tax.byId.get(s.skillId);
  return {
    id: s.skillId,
    label: labelOf(tax, s.skillId, lang),
    domain: skill?.domain ?? 'unknown',
    escoUri: skill?.escoUri ?? null,
    confidence: s.confidence,
    level: s.level,
    mentions: s.mentions,
  };
}

export function presentExtraction(tax: Taxonomy, x: Extraction): ExtractResponse {
  return {
    lang: x.lang,
    skills: x.skills.map((s) => presentExtracted(tax, s, x.lang)),
    negated: x.negated.map((s) => presentExtracted(tax, s, x.lang)),
  };
}

export function presentProject(tax: Taxonomy, p: Project, lang: Lang): ProjectResponse {
  return {
    ...p,
    requirements: p.requirements.map((r) => ({
      skillId: r.skillId,
      label: labelOf(tax, r.skillId, lang),
      domain: tax.byId.get(r.skillId)?.domain ?? 'unknown',
      level: r.level,
      weight: r.weight,
      must: r.must,
    })),
  };
}

export function presentMatch(tax: Taxonomy, m: Match, rank: number, lang: Lang): MatchOut {
  return {
    rank,
    talentId: m.talentId,
    name: m.name,
    source: m.source,
    score: m.score,
    parts: m.parts,
    explanation: m.explanation.map((e): ExplanationOut => ({
      skillId: e.skillId,
      label: labelOf(tax, e.skillId, lang),
      requiredLevel: e.requiredLevel,
      must: e.must,
      share: e.share,
      brings:
        e.brings.kind === 'adjacent' ? { ...e.brings, viaLabel: labelOf(tax, e.brings.via, lang) } : e.brings,
      contributions: e.contributions,
    })),
  };
}

export function presentMatches(
  tax: Taxonomy,
  projectId: string,
  considered: number,
  weights: ScoreWeights,
  matches: readonly Match[],
  lang: Lang,
): MatchesResponse {
  return {
    projectId,
    considered,
    weights,
    matches: matches.map((m, i) => presentMatch(tax, m, i + 1, lang)),
  };
}

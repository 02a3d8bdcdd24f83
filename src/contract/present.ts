/**
 * Presenters: domain results → the contract's response shapes. The HTTP routes and the CLI's --json both
 * use them, so an endpoint and its CLI command print the same document (matching: matching.present.ts).
 */
import type { Extraction, ExtractedSkill } from '../core/extraction/extract-skills.js';
import type { Project } from '../core/model.js';
import type { Lang, Taxonomy } from '../core/taxonomy/types.js';
import type { ExtractResponse, ProjectResponse } from './schemas.js';

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

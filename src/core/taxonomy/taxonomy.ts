import { DomainError } from '../errors.js';
import { normalizeText } from '../text/normalize.js';
import { formKeys } from '../text/tokenize.js';
import type { SkillDef } from './builtin-skills.js';
import type { Lang, Skill, Taxonomy } from './types.js';

/** Builds the taxonomy from its source definitions, refusing any that would make a broken graph. */
export function buildTaxonomy(defs: readonly SkillDef[]): Taxonomy {
  const problems = validateSkillDefs(defs);
  if (problems.length > 0) {
    throw new DomainError(
      'invalid_input',
      `taxonomy is invalid: ${problems.slice(0, 5).join('; ')}`,
      'taxonomy',
    );
  }
  const skills: Skill[] = defs.map((d) => ({
    id: d.id,
    domain: d.domain,
    type: d.type,
    labels: {
      en: { label: d.en, aliases: d.enAliases ?? [] },
      fr: { label: d.fr, aliases: d.frAliases ?? [] },
    },
    names: d.names ?? [],
    broader: d.broader ?? null,
    related: d.related ?? {},
    ambiguous: d.ambiguous ?? false,
    escoUri: d.esco ?? null,
  }));
  return { skills, byId: new Map(skills.map((sk) => [sk.id, sk])) };
}

/** `http://data.europa.eu/esco/skill/<uuid>`, the only form of ESCO reference a built-in skill carries. */
export const ESCO_SKILL_URI =
  /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every surface form a definition declares: labels and aliases of both languages, and shared names. */
export function defSurfaceForms(d: SkillDef): string[] {
  return [d.en, d.fr, ...(d.enAliases ?? []), ...(d.frAliases ?? []), ...(d.names ?? [])];
}

/** The key two surface forms are compared by: their tokens as the extractor's dictionary sees them. */
export function surfaceKey(form: string): string {
  return formKeys(form).join(' ');
}

/**
 * Every problem found, each naming the skill: kebab-case unique ids, both labels, non-empty aliases,
 * well-formed ESCO URIs, links that resolve, weights in (0,1), no broader cycles, and no surface form shared
 * by two skills unless one of them is ambiguous (the extractor would otherwise report both for one mention).
 */
export function validateSkillDefs(defs: readonly SkillDef[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const d of defs) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(d.id)) problems.push(`skill "${d.id}": id must be kebab-case`);
    if (ids.has(d.id)) problems.push(`skill "${d.id}": duplicate id`);
    ids.add(d.id);
    if (!d.en.trim() || !d.fr.trim()) problems.push(`skill "${d.id}": missing en or fr label`);
    if (d.esco !== undefined && !ESCO_SKILL_URI.test(d.esco)) {
      problems.push(
        `skill "${d.id}": esco "${d.esco}" is not an ESCO skill URI (http://data.europa.eu/esco/skill/<uuid>)`,
      );
    }
  }
  // Every alias must say something; a surface form shared across skills is allowed only when one side is
  // ambiguous (it needs context anyway).
  const owners = new Map<string, { id: string; form: string; ambiguous: boolean }[]>();
  for (const d of defs) {
    const seen = new Set<string>();
    const aliases = new Set([...(d.names ?? []), ...(d.enAliases ?? []), ...(d.frAliases ?? [])]);
    for (const form of defSurfaceForms(d)) {
      const key = surfaceKey(form);
      if (!key && aliases.has(form)) problems.push(`skill "${d.id}": empty alias "${form}"`);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let list = owners.get(key);
      if (!list) owners.set(key, (list = []));
      list.push({ id: d.id, form, ambiguous: d.ambiguous ?? false });
    }
  }
  for (const list of owners.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as (typeof list)[number];
        const b = list[j] as (typeof list)[number];
        if (!a.ambiguous && !b.ambiguous) {
          problems.push(
            `skill "${b.id}": surface form "${b.form}" is also a form of "${a.id}" ("${a.form}")`,
          );
        }
      }
    }
  }
  const byId = new Map(defs.map((d) => [d.id, d]));
  for (const d of defs) {
    if (d.broader !== undefined && !byId.has(d.broader)) {
      problems.push(`skill "${d.id}": broader "${d.broader}" does not exist`);
    }
    for (const [target, w] of Object.entries(d.related ?? {})) {
      if (!byId.has(target)) problems.push(`skill "${d.id}": related "${target}" does not exist`);
      if (target === d.id) problems.push(`skill "${d.id}": related to itself`);
      if (!(w > 0 && w < 1))
        problems.push(`skill "${d.id}": transfer weight to "${target}" must be in (0, 1)`);
    }
    // Walk up the broader chain: a cycle would make "broader" meaningless and loop any traversal.
    const seen = new Set<string>([d.id]);
    let cur = d.broader;
    while (cur !== undefined) {
      if (seen.has(cur)) {
        problems.push(`skill "${d.id}": broader chain has a cycle through "${cur}"`);
        break;
      }
      seen.add(cur);
      cur = byId.get(cur)?.broader;
    }
  }
  return problems;
}

export function skillLabel(skill: Skill, lang: Lang): string {
  return skill.labels[lang].label;
}

/** All surface forms of a skill: preferred labels and aliases of both languages, and shared names. */
export function surfaceForms(skill: Skill): string[] {
  return [
    skill.labels.en.label,
    skill.labels.fr.label,
    ...skill.labels.en.aliases,
    ...skill.labels.fr.aliases,
    ...skill.names,
  ];
}

export interface SkillSearchHit {
  skill: Skill;
  /** The surface form that matched best. */
  matched: string;
  score: number;
}

/**
 * Prefix and substring search over every surface form, accent- and case-insensitive. Ranked by how
 * much of the form the query covers (exact > prefix > substring), then by id for a stable order.
 */
/** Every surface form of every skill, folded once per taxonomy (a query then only scans strings). */
interface SearchForm {
  skill: number;
  form: string;
  folded: string;
}
const searchForms = new WeakMap<Taxonomy, SearchForm[]>();

function formsOf(tax: Taxonomy): SearchForm[] {
  let forms = searchForms.get(tax);
  if (!forms) {
    forms = [];
    tax.skills.forEach((skill, i) => {
      for (const form of surfaceForms(skill)) forms?.push({ skill: i, form, folded: normalizeText(form) });
    });
    searchForms.set(tax, forms);
  }
  return forms;
}

export function searchSkills(tax: Taxonomy, query: string, limit: number): SkillSearchHit[] {
  const q = normalizeText(query).trim();
  if (!q)
    return tax.skills.slice(0, limit).map((skill) => ({ skill, matched: skill.labels.en.label, score: 0 }));
  // Best form per skill; forms of a skill are consecutive, first best wins as before.
  const best = new Map<number, { form: string; score: number }>();
  for (const { skill, form, folded } of formsOf(tax)) {
    const at = folded.indexOf(q);
    if (at < 0) continue;
    const score = (folded === q ? 2 : at === 0 ? 1 : 0.5) + q.length / folded.length;
    const prev = best.get(skill);
    if (!prev || score > prev.score) best.set(skill, { form, score });
  }
  const hits: SkillSearchHit[] = [];
  for (const [i, b] of best) {
    const skill = tax.skills[i];
    if (skill) hits.push({ skill, matched: b.form, score: b.score });
  }
  hits.sort((a, b) => b.score - a.score || (a.skill.id < b.skill.id ? -1 : 1));
  return hits.slice(0, limit);
}

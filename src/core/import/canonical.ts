import type { Project, Talent, TalentSkill } from '../model.js';

const bySkill = (a: { skillId: string }, b: { skillId: string }) =>
  a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0;

/** The stored order of a talent's parts: skills by id (as storage reads them back), the rest as given. */
export function normalizeTalent(t: Talent): Talent {
  const sorted = t.skills.every((s, i) => i === 0 || bySkill(t.skills[i - 1] as TalentSkill, s) < 0)
    ? t.skills
    : [...t.skills].sort(bySkill);
  return sorted === t.skills ? t : { ...t, skills: sorted };
}

/** Requirements in the order storage reads them back: must-haves first, then weight, then id. */
export function normalizeProject(p: Project): Project {
  const requirements = [...p.requirements].sort(
    (a, b) => Number(b.must) - Number(a.must) || b.weight - a.weight || (a.skillId < b.skillId ? -1 : 1),
  );
  return { ...p, requirements };
}

/** Canonical text of any JSON value (object keys sorted), so that equal content compares equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Same content, field by field (the stored order of lists included). */
export const sameTalent = (a: Talent, b: Talent): boolean =>
  canonicalJson(normalizeTalent(a)) === canonicalJson(normalizeTalent(b));

export const sameProject = (a: Project, b: Project): boolean =>
  canonicalJson(normalizeProject(a)) === canonicalJson(normalizeProject(b));

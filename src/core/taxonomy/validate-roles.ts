import type { RoleDef } from './data/roles.js';
import { surfaceKey } from './taxonomy.js';

/** `http://data.europa.eu/esco/occupation/<uuid>` */
export const ESCO_OCCUPATION_URI =
  /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every title a role declares: preferred titles and aliases of both languages. */
export function roleTitles(r: RoleDef): string[] {
  return [r.en, r.fr, ...(r.enAliases ?? []), ...(r.frAliases ?? [])];
}

/**
 * Every problem found, each naming the role: kebab-case unique ids, both titles, non-empty aliases, at least
 * one skill and every skill known, no skill listed twice, well-formed ESCO occupation URIs, and no title
 * shared by two roles (a job title must normalise to one role).
 */
export function validateRoleDefs(roles: readonly RoleDef[], skillIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const titleOwner = new Map<string, { id: string; title: string }>();
  for (const r of roles) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(r.id)) problems.push(`role "${r.id}": id must be kebab-case`);
    if (ids.has(r.id)) problems.push(`role "${r.id}": duplicate id`);
    ids.add(r.id);
    if (!r.en.trim() || !r.fr.trim()) problems.push(`role "${r.id}": missing en or fr title`);
    for (const alias of [...(r.enAliases ?? []), ...(r.frAliases ?? [])]) {
      if (!alias.trim()) problems.push(`role "${r.id}": empty alias`);
    }
    if (r.skills.length === 0) problems.push(`role "${r.id}": no skills`);
    const seen = new Set<string>();
    for (const skill of r.skills) {
      if (!skillIds.has(skill)) problems.push(`role "${r.id}": skill "${skill}" does not exist`);
      if (seen.has(skill)) problems.push(`role "${r.id}": skill "${skill}" listed twice`);
      seen.add(skill);
    }
    if (r.escoOccupation !== undefined && !ESCO_OCCUPATION_URI.test(r.escoOccupation)) {
      problems.push(
        `role "${r.id}": escoOccupation "${r.escoOccupation}" is not an ESCO occupation URI ` +
          '(http://data.europa.eu/esco/occupation/<uuid>)',
      );
    }
    const own = new Set<string>();
    for (const title of roleTitles(r)) {
      const key = surfaceKey(title);
      if (!key || own.has(key)) continue;
      own.add(key);
      const other = titleOwner.get(key);
      if (other) problems.push(`role "${r.id}": title "${title}" is also a title of "${other.id}"`);
      else titleOwner.set(key, { id: r.id, title });
    }
  }
  return problems;
}

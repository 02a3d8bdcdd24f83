import type { Requirement, TalentSource } from '../matching/types.js';
import {
  FUNCTIONS,
  INDUSTRIES,
  type Project,
  type ProjectStatus,
  type Talent,
  type TalentSkill,
} from '../model.js';
import { createRng, type Rng } from '../random.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { ARCHETYPE_TEMPLATES, CITIES, FIRST_NAMES, LAST_NAMES, ROLES } from './demo-vocabulary.js';

export interface DemoOptions {
  talents: number;
  projects: number;
  seed: number;
  /** Share of employees in the pool, the rest freelancers. */
  employeeShare?: number;
}

export interface Demo {
  talents: Talent[];
  projects: Project[];
}

const EVIDENCE = ['mission', 'certification', 'cv', 'self'] as const;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function makeTalent(rng: Rng, i: number, source: TalentSource): Talent {
  const role = rng.weighted(
    ROLES,
    ROLES.map((r) => (source === 'employee' ? r.employeeShare : r.freelanceShare)),
  );
  const skills: TalentSkill[] = [];
  const seniority = rng.int(1, 5);
  const add = (skillId: string, base: number) => {
    if (skills.some((s) => s.skillId === skillId)) return;
    const level = Math.min(5, Math.max(1, base + rng.int(-1, 1)));
    skills.push({
      skillId,
      level,
      evidence: rng.weighted(EVIDENCE, [4, 1, 3, 2]),
      years: level + rng.int(0, 3),
      lastUsed: null,
      evidenceDetail: null,
    });
  };
  for (const id of role.core) add(id, Math.max(2, seniority));
  const extras = rng.int(2, Math.min(6, role.optional.length));
  for (let k = 0; k < extras; k++) add(rng.pick(role.optional), seniority - 1);
  skills.sort((a, b) => (a.skillId < b.skillId ? -1 : 1));
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  // Freelance day rates run above internal cost; seniority moves both.
  const dailyCost =
    Math.round((role.dailyCost * (0.75 + 0.1 * seniority) * (source === 'freelance' ? 1.15 : 0.85)) / 10) *
    10;
  return {
    id: `tal-${pad(i + 1, 6)}`,
    externalId: null,
    source,
    name: `${first} ${last}`,
    email: null,
    phone: null,
    headline: rng.chance(0.5) ? role.title.fr : role.title.en,
    occupationId: null,
    location: rng.pick(CITIES),
    remote: rng.weighted(['onsite', 'hybrid', 'remote'] as const, [2, 5, 3]),
    languages: rng.chance(0.7) ? ['fr', 'en'] : ['fr'],
    dailyCost,
    skills,
    industries: [rng.pick(INDUSTRIES)],
    functions: [rng.pick(FUNCTIONS)],
    availability: [{ start: '2025-01-01', end: '2026-12-31', daysPerWeek: rng.pick([1, 2, 3, 4, 5]) }],
    missions: [],
    consentAt: null,
    retainUntil: null,
  };
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

function makeProject(rng: Rng, i: number, tax: Taxonomy): Project {
  const tpl = rng.pick(ARCHETYPE_TEMPLATES);
  const industry = rng.pick(INDUSTRIES);
  const businessFunction = rng.pick(FUNCTIONS);
  const lang = rng.chance(0.6) ? 'fr' : 'en';
  const requirements: Requirement[] = tpl.must.map((skillId) => ({
    skillId,
    level: rng.int(3, 4),
    weight: rng.int(3, 5),
    must: true,
  }));
  const niceCount = rng.int(2, Math.min(5, tpl.nice.length));
  for (let k = 0; k < niceCount; k++) {
    const skillId = rng.pick(tpl.nice);
    if (requirements.some((r) => r.skillId === skillId)) continue;
    requirements.push({ skillId, level: rng.int(2, 4), weight: rng.int(1, 3), must: false });
  }
  const year = rng.weighted([2022, 2023, 2024, 2025], [1, 2, 5, 4]);
  const month = rng.int(1, 12);
  const months = rng.int(2, 9);
  const endMonth0 = month - 1 + months;
  const status: ProjectStatus = rng.weighted(
    ['idea', 'scoping', 'staffing', 'pilot', 'production', 'stopped'] as const,
    [1, 2, 3, 2, 2, 2],
  );
  const labels = requirements.map((r) => tax.byId.get(r.skillId)?.labels[lang].label ?? r.skillId);
  const name = `${tpl.name[lang]} — ${industry} / ${businessFunction}`;
  const brief =
    lang === 'fr'
      ? `Projet ${tpl.name.fr.toLowerCase()} pour la fonction ${businessFunction} (secteur ${industry}). Compétences attendues : ${labels.join(', ')}.`
      : `${tpl.name.en} project for ${businessFunction} in ${industry}. Skills needed: ${labels.join(', ')}.`;
  const startDate = isoDate(year, month, rng.int(1, 28));
  return {
    id: `prj-${pad(i + 1, 5)}`,
    externalId: null,
    name,
    brief,
    industry,
    businessFunction,
    archetype: tpl.archetype,
    status,
    statusHistory: [{ status, at: startDate }],
    outcome: status === 'production' || status === 'stopped' ? status : null,
    startDate,
    endDate: isoDate(year + Math.floor(endMonth0 / 12), (endMonth0 % 12) + 1, rng.int(1, 28)),
    budget: rng.chance(0.8) ? rng.int(4, 60) * 5000 : null,
    language: lang,
    requirements,
    roles: [],
    dataSensitivity: 'internal',
    buildOrBuy: 'build',
    businessOutcome: null,
    processOwner: null,
    securityOwner: null,
    dataSources: [],
  };
}

/** A deterministic demo pool and project list: the same options give the same records, byte for byte. */
export function generateDemo(tax: Taxonomy, options: DemoOptions): Demo {
  const rng = createRng(options.seed);
  const employeeShare = options.employeeShare ?? 0.6;
  const talents: Talent[] = [];
  for (let i = 0; i < options.talents; i++) {
    talents.push(makeTalent(rng, i, rng.chance(employeeShare) ? 'employee' : 'freelance'));
  }
  const projects: Project[] = [];
  for (let i = 0; i < options.projects; i++) projects.push(makeProject(rng, i, tax));
  return { talents, projects };
}

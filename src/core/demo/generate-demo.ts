/**
 * A deterministic demo pool and project history that tells the story of the article (seed/article-fr.txt)
 * when the analytics (src/core/analytics) compute it from the records:
 *
 * - AI projects started per year: 20 : 40 : 132 : 58 (2022 : 2023 : 2024 : 2025, per 250 projects), so
 *   demand 2024/2023 = 3.3 (+230 %);
 * - projects needing open-weight LLM skills (Mistral, Llama, open-weight LLMs): 3 in 2023, 24 in 2024 (×8);
 * - low-code projects 10 → 14 (+40 %); security and compliance projects (a must-have in security or
 *   governance) 20 → 27 (+35 %);
 * - freelance tech and data missions started per year: 10 : 13 : 17 : 12 per 10 freelancers with a tech or
 *   data role, so 2024/2022 = 1.7 (+70 %);
 * - of the 10 most demanded skills of the open projects, 4 are held by no employee (40 %) and 1 by no one
 *   at all (the freelancers close 3 of the 4): the generator ranks the open demand of the projects it has
 *   just made (with the analytics' own definition) and leaves those skills out of the profiles;
 * - closed custom projects: generic ones reach production 1 time in 20 (the MIT 95 % failure rate),
 *   vertical ones (a business outcome and a process owner) 9 times in 20.
 *
 * Counts come from exact quotas (shuffled decks), not from luck: at the sizes of DEMO_SIZES every ratio is
 * exact whatever the seed. Other sizes round the quotas (largest remainders), so ratios are close.
 *
 * `streamDemo` yields the records in chunks (projects first, then talents) so a million talents never sit
 * in memory at once; `generateDemo` collects them. The same options give the same records, byte for byte.
 */
import {
  OPEN_WEIGHT_ROOT,
  SECURITY_DOMAINS,
  TECH_DATA_DOMAINS,
  isOpenStatus,
  openWeightSkills,
  requirementDemandsMilli,
} from '../analytics/definitions.js';
import { addDays, dayOf, isoOfDay } from '../analytics/dates.js';
import type { Requirement, TalentSource } from '../matching/types.js';
import {
  FUNCTIONS,
  INDUSTRIES,
  type Archetype,
  type AvailabilityWindow,
  type BusinessFunction,
  type DataSensitivity,
  type EvidenceKind,
  type Industry,
  type Mission,
  type Outcome,
  type Project,
  type ProjectRole,
  type ProjectStatus,
  type StatusChange,
  type Talent,
  type TalentSkill,
} from '../model.js';
import { createRng, type Rng } from '../random.js';
import type { Lang, Taxonomy } from '../taxonomy/types.js';
import {
  ARCHETYPE_TEMPLATES,
  CERTIFICATIONS,
  CITIES,
  CLIENTS,
  DATA_SOURCES,
  DEMO_COMPANY,
  FIRST_NAMES,
  FUNCTION_LABELS,
  GENERIC_NAMES,
  INDUSTRY_LABELS,
  LAST_NAMES,
  OUTCOMES_BY_FUNCTION,
  PLATFORM_CLOUD,
  PLATFORM_DATA,
  PLATFORM_SECURITY,
  PROCESS_OWNER_TITLES,
  ROLES,
  SECURITY_MUSTS,
  SECURITY_OWNER_TITLES,
  type ArchetypeTemplate,
  type RoleTemplate,
} from './demo-vocabulary.js';

export interface DemoOptions {
  talents: number;
  projects: number;
  seed: number;
  /** Share of employees in the pool, the rest freelancers (default 0.6, dealt 6 in every 10). */
  employeeShare?: number;
  /** The demo's "today": open projects are open on that date (default DEMO_AS_OF). */
  asOf?: string;
}

export interface Demo {
  talents: Talent[];
  projects: Project[];
}

/** Size presets: `small` is what `npm start` seeds; `large` is for the benchmarks. */
export const DEMO_SIZES = {
  small: { talents: 300, projects: 250 },
  medium: { talents: 20_000, projects: 2_000 },
  large: { talents: 1_000_000, projects: 100_000 },
} as const;
export type DemoSize = keyof typeof DEMO_SIZES;
export const DEMO_SIZE_NAMES = Object.keys(DEMO_SIZES) as DemoSize[];

export function demoOptionsFor(size: DemoSize, seed: number): DemoOptions {
  return { ...DEMO_SIZES[size], seed };
}

/** The article is from 2025: the demo's history runs 2022–2025 and its "today" is mid-2025. */
export const DEMO_AS_OF = '2025-06-30';
/** The headline is designed for the 10 most demanded skills of the open projects. */
export const DEMO_HEADLINE_TOP = 10;
/** Of them, absent from the employees, and absent from everyone. */
export const DEMO_ABSENT_EMPLOYEE = 4;
export const DEMO_ABSENT_ALL = 1;

interface YearPlan {
  year: number;
  projects: number;
  openWeight: number;
  lowCode: number;
  security: number;
  /** Projects of the year still open at DEMO_AS_OF. */
  open: number;
  /** Share of the year's projects that need data, cloud and security platform skills as must-haves. */
  platform: number;
}

/** Per 250 projects (the `small` size; the others are whole multiples). */
const YEAR_PLAN: readonly YearPlan[] = [
  { year: 2022, projects: 20, openWeight: 0, lowCode: 6, security: 12, open: 0, platform: 0.15 },
  { year: 2023, projects: 40, openWeight: 3, lowCode: 10, security: 20, open: 0, platform: 0.2 },
  { year: 2024, projects: 132, openWeight: 24, lowCode: 14, security: 27, open: 12, platform: 0.4 },
  { year: 2025, projects: 58, openWeight: 20, lowCode: 12, security: 32, open: 54, platform: 0.7 },
];

/** Freelance tech and data missions started per year, per 10 freelancers with a tech or data role. */
const FREELANCE_MISSIONS_PER_10: readonly [number, number][] = [
  [2022, 10],
  [2023, 13],
  [2024, 17],
  [2025, 12],
];

type Category = 'generic-custom' | 'vertical-custom' | 'bought';
/** Closed projects, dealt 5 generic custom, 3 vertical custom and 1 bought in every 9. */
const CATEGORY_DECK: Category[] = [
  ...Array<Category>(5).fill('generic-custom'),
  ...Array<Category>(3).fill('vertical-custom'),
  'bought',
];
const deckOf = (p: number, pi: number, s: number): Outcome[] => [
  ...Array<Outcome>(p).fill('production'),
  ...Array<Outcome>(pi).fill('pilot'),
  ...Array<Outcome>(s).fill('stopped'),
];
/** Outcomes of closed projects: generic custom 1 in 20 in production, vertical custom 9 in 20. */
const OUTCOME_DECKS: Record<Category, Outcome[]> = {
  'generic-custom': deckOf(1, 7, 12),
  'vertical-custom': deckOf(9, 6, 5),
  bought: deckOf(4, 3, 3),
};

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A shuffled deck dealt card by card, reshuffled when empty: exact proportions over every full deck. */
class Deck<T> {
  private order: T[] = [];
  private next = 0;
  constructor(
    private readonly cards: readonly T[],
    private readonly rng: Rng,
  ) {}
  draw(): T {
    if (this.next >= this.order.length) {
      this.order = shuffle(this.rng, [...this.cards]);
      this.next = 0;
    }
    return this.order[this.next++] as T;
  }
}

function shuffle<T>(rng: Rng, a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  return a;
}

/** Splits `total` in proportion to `weights`, whole numbers summing to `total` (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]!.i]! += 1;
  return out;
}

/** `k` distinct slots of [0, n), chosen at random, as a 0/1 array. */
function chooseSlots(rng: Rng, n: number, k: number): Uint8Array {
  const marks = new Uint8Array(n);
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const take = Math.min(n, Math.max(0, k));
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rng.next() * (n - i));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
    marks[idx[i]!] = 1;
  }
  return marks;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]+/g, '')
    .toLowerCase();

/** What the generator knows of the taxonomy: which skills exist, their domains and labels. */
class SkillBook {
  readonly openWeight: Set<string>;
  constructor(readonly tax: Taxonomy) {
    this.openWeight = openWeightSkills(tax);
  }
  has(id: string): boolean {
    return this.tax.byId.has(id);
  }
  domain(id: string): string {
    return this.tax.byId.get(id)?.domain ?? 'unknown';
  }
  label(id: string, lang: Lang): string {
    return this.tax.byId.get(id)?.labels[lang].label ?? id;
  }
  isTech(id: string): boolean {
    return TECH_DATA_DOMAINS.includes(this.domain(id));
  }
  isSecurity(id: string): boolean {
    return SECURITY_DOMAINS.includes(this.domain(id));
  }
  isLowCode(id: string): boolean {
    return this.domain(id) === 'lowcode';
  }
}

interface ProjectFlags {
  openWeight: boolean;
  lowCode: boolean;
  security: boolean;
  platform: boolean;
}

/** Facts about the generated demo that the design guarantees (tests and the README quote them). */
export interface DemoFacts {
  asOf: string;
  /** The skills among the 10 most demanded of the open projects that no employee holds. */
  absentFromEmployees: string[];
  /** …and those no one holds. */
  absentFromAll: string[];
  talents: number;
  projects: number;
}

export type DemoChunk = { kind: 'projects'; items: Project[] } | { kind: 'talents'; items: Talent[] };

// ---------------------------------------------------------------------------------------------- projects

interface ProjectSlot {
  index: number;
  year: number;
  startDay: number;
  flags: ProjectFlags;
  open: boolean;
  category: Category;
  outcome: Outcome | null;
}

const OPEN_STATUS_CARDS: ProjectStatus[] = ['idea', 'scoping', 'staffing', 'pilot'];

/** `k` distinct items at random (a partial Fisher–Yates shuffle of a copy). */
function pickDistinct<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const a = items.slice();
  const n = Math.max(0, Math.min(k, a.length));
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (a.length - i));
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  a.length = n;
  return a;
}

function buildRequirements(
  rng: Rng,
  book: SkillBook,
  tpl: ArchetypeTemplate,
  flags: ProjectFlags,
  industry: Industry,
): Requirement[] {
  const reqs = new Map<string, Requirement>();
  const add = (skillId: string, must: boolean, level: number, weight: number) => {
    if (!book.has(skillId)) return;
    if (book.isLowCode(skillId) && !flags.lowCode) return;
    if (book.openWeight.has(skillId) && !flags.openWeight) return;
    // Only security and compliance projects have a must-have in security or governance.
    const m = must && (flags.security || !book.isSecurity(skillId));
    // Platform skills are asked at expert level more often; low-code at working level.
    if (m && PLATFORM.has(skillId) && level === 3 && rng.chance(0.5)) level = 4;
    if (book.isLowCode(skillId) || book.domain(skillId) === 'governance') level = Math.min(level, 3);
    const prev = reqs.get(skillId);
    if (prev) {
      if (m && !prev.must)
        reqs.set(skillId, { skillId, must: true, level: Math.max(level, prev.level), weight });
      return;
    }
    reqs.set(
      skillId,
      m
        ? { skillId, must: true, level, weight }
        : { skillId, must: false, level: Math.min(level, 3), weight: Math.min(weight, 2) },
    );
  };
  const mustLevel = () => rng.int(3, 4);
  const mustWeight = () => rng.int(3, 5);
  const niceLevel = () => rng.int(2, 3);
  const niceWeight = () => rng.int(1, 2);
  for (const id of tpl.must) add(id, true, mustLevel(), mustWeight());
  for (const id of pickDistinct(rng, tpl.nice, rng.int(2, 4))) add(id, false, niceLevel(), niceWeight());
  if (flags.openWeight) {
    const family = ['mistral', 'llama', OPEN_WEIGHT_ROOT].filter((id) => book.openWeight.has(id));
    const pick = rng.weighted(
      family,
      family.map((id) => (id === 'mistral' ? 3 : id === 'llama' ? 2 : 1)),
    );
    if (pick) add(pick, rng.chance(0.6), mustLevel(), mustWeight());
    if (!tpl.must.includes('llm')) add('llm', false, niceLevel(), niceWeight());
  }
  if (flags.lowCode && tpl.archetype !== 'low-code-workflow') {
    add(rng.pick(['low-code', 'n8n', 'power-platform']), rng.chance(0.5), mustLevel(), mustWeight());
  }
  if (flags.security && ![...reqs.values()].some((r) => r.must && book.isSecurity(r.skillId))) {
    const musts = SECURITY_MUSTS[industry].filter((id) => book.has(id) && book.isSecurity(id));
    add(rng.pick(musts.length ? musts : ['gdpr']), true, mustLevel(), mustWeight());
  }
  if (flags.security && rng.chance(0.8))
    add(pickWeighted(rng, PLATFORM_SECURITY), true, mustLevel(), mustWeight());
  if (flags.platform) {
    add(pickWeighted(rng, PLATFORM_DATA), true, mustLevel(), mustWeight());
    add(pickWeighted(rng, PLATFORM_CLOUD), true, mustLevel(), mustWeight());
    add(pickWeighted(rng, PLATFORM_SECURITY), true, mustLevel(), rng.int(2, 4));
  } else if (rng.chance(0.5)) {
    add(
      pickWeighted(rng, [...PLATFORM_DATA, ...PLATFORM_CLOUD, ...PLATFORM_SECURITY]),
      false,
      niceLevel(),
      niceWeight(),
    );
  }
  // GDPR and the AI Act are nice-to-haves of most projects (they are must-haves of the security ones).
  if (rng.chance(0.3)) add(rng.pick(['gdpr', 'ai-act', 'data-governance']), false, niceLevel(), niceWeight());
  const out = [...reqs.values()];
  if (!out.some((r) => r.must) && out[0]) out[0] = { ...out[0], must: true };
  return out;
}

const PLATFORM = new Set([...PLATFORM_DATA, ...PLATFORM_CLOUD, ...PLATFORM_SECURITY].map(([id]) => id));

function pickWeighted(rng: Rng, items: readonly [string, number][]): string {
  return rng.weighted(
    items.map(([id]) => id),
    items.map(([, w]) => w),
  );
}

function archetypeFor(rng: Rng, flags: ProjectFlags): Archetype {
  if (flags.lowCode) return flags.openWeight && rng.chance(0.5) ? 'agents' : 'low-code-workflow';
  if (flags.security && !flags.openWeight && rng.chance(0.45)) return 'security-compliance';
  if (flags.openWeight)
    return rng.weighted(['assistant-rag', 'agents', 'document-processing'] as const, [5, 3, 2]);
  return rng.weighted(
    ['assistant-rag', 'document-processing', 'prediction', 'agents'] as const,
    [4, 3, 3, 2],
  );
}

function sensitivityFor(rng: Rng, industry: Industry, fn: BusinessFunction): DataSensitivity {
  if (industry === 'healthcare') return 'sensitive';
  if (fn === 'hr') return 'personal';
  if (industry === 'banking' || industry === 'insurance')
    return rng.weighted(['confidential', 'personal'] as const, [1, 1]);
  return rng.weighted(['public', 'internal', 'confidential', 'personal'] as const, [1, 4, 3, 2]);
}

const roleById = new Map(ROLES.map((r) => [r.id, r]));

function teamFor(rng: Rng, tpl: ArchetypeTemplate, flags: ProjectFlags, lang: Lang): ProjectRole[] {
  const counts = new Map<string, number>();
  for (const t of tpl.team) {
    const n = rng.int(t.min, t.max);
    if (n > 0) counts.set(t.role, (counts.get(t.role) ?? 0) + n);
  }
  if (flags.platform) {
    counts.set('cloud-architect', (counts.get('cloud-architect') ?? 0) + 1);
    if (rng.chance(0.5)) counts.set('data-engineer', (counts.get('data-engineer') ?? 0) + 1);
  }
  if (flags.security) counts.set('security-engineer', Math.max(1, counts.get('security-engineer') ?? 0));
  if (!counts.size) counts.set('project-manager', 1);
  return [...counts].map(([id, headcount]) => ({ role: roleById.get(id)?.title[lang] ?? id, headcount }));
}

function statusHistoryFor(
  rng: Rng,
  startDay: number,
  endDay: number,
  status: ProjectStatus,
  outcome: Outcome | null,
  asOfDay: number,
): StatusChange[] {
  const at = (d: number) => isoOfDay(d);
  const idea = startDay - rng.int(45, 120);
  const scoping = idea + rng.int(10, 30);
  const staffing = Math.max(scoping + 5, startDay - rng.int(0, 15));
  const pilot = Math.max(staffing + 5, startDay + Math.floor((endDay - startDay) * 0.4));
  const chain: StatusChange[] = [];
  const push = (s: ProjectStatus, d: number) => {
    const prev = chain.at(-1);
    const day = prev ? Math.max(d, dayOf(prev.at) + 1) : d;
    chain.push({ status: s, at: at(day) });
  };
  if (outcome) {
    push('idea', idea);
    push('scoping', scoping);
    push('staffing', staffing);
    if (outcome === 'stopped') push('stopped', endDay);
    else {
      push('pilot', pilot);
      push(outcome === 'production' ? 'production' : 'stopped', endDay);
    }
    return chain;
  }
  // Open: the chain up to the current status, every date on or before "today".
  const steps: [ProjectStatus, number][] = [
    ['idea', idea],
    ['scoping', scoping],
    ['staffing', staffing],
    ['pilot', pilot],
  ];
  const upto = OPEN_STATUS_CARDS.indexOf(status);
  for (let k = 0; k <= upto; k++) {
    const [s, d] = steps[k]!;
    push(s, Math.min(d, asOfDay - (upto - k) * 3));
  }
  return chain;
}

function joinLabels(ids: string[], book: SkillBook, lang: Lang): string {
  return ids.map((id) => book.label(id, lang)).join(', ');
}

function briefFor(
  p: Omit<Project, 'brief' | 'name'>,
  tpl: ArchetypeTemplate,
  vertical: boolean,
  book: SkillBook,
): string {
  const lang = p.language;
  const must = p.requirements.filter((r) => r.must).map((r) => r.skillId);
  const nice = p.requirements.filter((r) => !r.must).map((r) => r.skillId);
  const ind = INDUSTRY_LABELS[p.industry][lang];
  const fn = FUNCTION_LABELS[p.businessFunction][lang];
  const team = p.roles.map((r) => `${r.headcount} × ${r.role}`).join(', ');
  const budget = p.budget === null ? null : `${String(p.budget).replace(/\B(?=(\d{3})+$)/g, ' ')} €`;
  if (lang === 'fr') {
    const parts = vertical
      ? [
          `Secteur ${ind}, fonction ${fn}. Nous voulons mettre en production ${tpl.what.fr} pour les équipes ${fn}.`,
          `Objectif mesurable : ${p.businessOutcome}.`,
          `Responsable du processus : ${p.processOwner}.`,
        ]
      : [
          `Projet transverse (${ind}) : ${tpl.what.fr}, pour tous les collaborateurs, sans périmètre métier arrêté.`,
        ];
    parts.push(`Compétences indispensables : ${joinLabels(must, book, 'fr')}.`);
    if (nice.length) parts.push(`Souhaitées : ${joinLabels(nice, book, 'fr')}.`);
    if (p.dataSources.length) parts.push(`Données : ${p.dataSources.join(', ')}.`);
    parts.push(`Équipe : ${team}. Du ${p.startDate} au ${p.endDate}.`);
    if (budget) parts.push(`Budget : ${budget}.`);
    if (p.buildOrBuy === 'buy') parts.push('Solution du marché à intégrer.');
    return parts.join(' ');
  }
  const parts = vertical
    ? [
        `${ind[0]!.toUpperCase()}${ind.slice(1)}, ${fn}. We want ${tpl.what.en} in production for the ${fn} teams.`,
        `Measurable outcome: ${p.businessOutcome}.`,
        `Process owner: ${p.processOwner}.`,
      ]
    : [
        `Company-wide project (${ind}): ${tpl.what.en}, for every employee, with no business scope agreed yet.`,
      ];
  parts.push(`Must-have skills: ${joinLabels(must, book, 'en')}.`);
  if (nice.length) parts.push(`Nice to have: ${joinLabels(nice, book, 'en')}.`);
  if (p.dataSources.length) parts.push(`Data: ${p.dataSources.join(', ')}.`);
  parts.push(`Team: ${team}. From ${p.startDate} to ${p.endDate}.`);
  if (budget) parts.push(`Budget: ${budget}.`);
  if (p.buildOrBuy === 'buy') parts.push('An off-the-shelf product to integrate.');
  return parts.join(' ');
}

function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

function makeProject(rng: Rng, book: SkillBook, slot: ProjectSlot, asOfDay: number, width: number): Project {
  const { flags } = slot;
  const archetype = archetypeFor(rng, flags);
  const tpl = ARCHETYPE_TEMPLATES.find((t) => t.archetype === archetype) ?? ARCHETYPE_TEMPLATES[0]!;
  const industry = rng.pick(INDUSTRIES);
  const vertical = slot.category === 'vertical-custom' || (slot.category === 'bought' && rng.chance(0.5));
  const businessFunction: BusinessFunction = vertical
    ? rng.pick(FUNCTIONS)
    : rng.weighted(
        FUNCTIONS,
        FUNCTIONS.map((f) => (f === 'it' ? 6 : 1)),
      );
  const language: Lang = rng.chance(0.65) ? 'fr' : 'en';
  const requirements = buildRequirements(rng, book, tpl, flags, industry);
  const roles = teamFor(rng, tpl, flags, language);
  const buildOrBuy = slot.category === 'bought' ? 'buy' : rng.chance(0.7) ? 'build' : 'hybrid';

  // Dates: closed projects end before "today"; open ones are running or planned.
  const startDay = slot.startDay;
  let endDay = startDay + rng.int(75, 330);
  let status: ProjectStatus;
  if (slot.outcome) {
    if (slot.outcome === 'stopped') endDay = startDay + rng.int(30, 150);
    endDay = Math.min(endDay, asOfDay - rng.int(1, 20));
    if (endDay <= startDay + 20) endDay = Math.min(startDay + 21, asOfDay - 1);
    status = slot.outcome === 'production' ? 'production' : 'stopped';
  } else {
    if (endDay <= asOfDay) endDay = asOfDay + rng.int(30, 240);
    const lead = startDay - asOfDay;
    status =
      lead > 60
        ? rng.weighted(['idea', 'scoping'] as const, [1, 1])
        : lead > -30
          ? rng.weighted(['scoping', 'staffing'] as const, [1, 2])
          : rng.weighted(['staffing', 'pilot'] as const, [1, 3]);
  }
  const statusHistory = statusHistoryFor(rng, startDay, endDay, status, slot.outcome, asOfDay);

  const headcount = roles.reduce((n, r) => n + r.headcount, 0);
  const months = Math.max(1, (endDay - startDay) / 30.4);
  const budget = rng.chance(0.9)
    ? Math.round(
        (headcount * months * 21 * 650 * (buildOrBuy === 'buy' ? 0.6 : 1) * (0.85 + rng.next() * 0.4)) / 5000,
      ) * 5000
    : null;
  const n = rng.int(15, 45);
  const businessOutcome =
    vertical || rng.chance(0.15)
      ? OUTCOMES_BY_FUNCTION[businessFunction][language].replace('{n}', String(n))
      : null;
  const ownerTitle = PROCESS_OWNER_TITLES[businessFunction][language];
  const processOwner =
    vertical || (!businessOutcome && rng.chance(0.25)) ? `${personName(rng)} (${ownerTitle})` : null;
  const securityOwner = rng.chance(vertical ? 0.75 : 0.3)
    ? `${personName(rng)} (${rng.pick(SECURITY_OWNER_TITLES)[language]})`
    : null;
  const dataSources = rng.chance(vertical ? 0.9 : 0.4)
    ? pickDistinct(rng, DATA_SOURCES[industry], rng.int(1, 3))
    : [];

  const base: Omit<Project, 'brief' | 'name'> = {
    id: `prj-${pad(slot.index + 1, width)}`,
    externalId: null,
    industry,
    businessFunction,
    archetype,
    status,
    statusHistory,
    outcome: slot.outcome,
    startDate: isoOfDay(startDay),
    endDate: isoOfDay(endDay),
    budget,
    language,
    requirements,
    roles,
    dataSensitivity: sensitivityFor(rng, industry, businessFunction),
    buildOrBuy,
    businessOutcome,
    processOwner,
    securityOwner,
    dataSources,
  };
  const name = vertical
    ? `${tpl.name[language]} — ${FUNCTION_LABELS[businessFunction][language]} (${INDUSTRY_LABELS[industry][language]})`
    : `${rng.pick(GENERIC_NAMES)[language]} (${INDUSTRY_LABELS[industry][language]})`;
  return { ...base, name, brief: briefFor(base, tpl, vertical, book) };
}

/** Start days of a year's projects, sorted; the 2025 ones run to the end of that year. */
function startDays(rng: Rng, year: number, n: number): Int32Array {
  const from = dayOf(`${year}-01-02`);
  const to = dayOf(`${year}-12-20`);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = from + Math.floor(rng.next() * (to - from + 1));
  return out.sort();
}

// ----------------------------------------------------------------------------------------------- talents

/** Which skills of the open demand's top N to leave out, preferring the article's scarce domains. */
function chooseAbsent(
  book: SkillBook,
  openDemand: Map<string, number>,
): { employee: string[]; all: string[]; top: string[] } {
  const ranked = [...openDemand].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const top = ranked.slice(0, DEMO_HEADLINE_TOP);
  const core = new Set(ROLES.flatMap((r) => r.core));
  const priority: Record<string, number> = { security: 0, cloud: 1, data: 2, governance: 3, ai: 4 };
  const candidates = top
    .map((id, rank) => ({ id, rank, p: priority[book.domain(id)] ?? 5, core: core.has(id) ? 1 : 0 }))
    .sort((a, b) => a.core - b.core || a.p - b.p || a.rank - b.rank);
  const employee = candidates.slice(0, Math.min(DEMO_ABSENT_EMPLOYEE, top.length)).map((c) => c.id);
  return { employee, all: employee.slice(0, DEMO_ABSENT_ALL), top };
}

interface PoolPlan {
  /** Skills some talents must hold (so that only the designed ones are absent), by talent index. */
  forced: Map<number, string[]>;
  sources: Uint8Array;
  roles: Uint8Array;
  /** Index among the freelancers with a tech or data role, or -1. */
  techIndex: Int32Array;
  techFreelancers: number;
  /** Years of the freelance tech and data missions; slot k goes to tech freelancer k mod techFreelancers. */
  missionYears: Uint16Array;
}

function planPool(
  rng: Rng,
  book: SkillBook,
  n: number,
  employeeShare: number,
  present: { employee: string[]; freelance: string[] },
): PoolPlan {
  const sources = new Uint8Array(n);
  const roles = new Uint8Array(n);
  const techIndex = new Int32Array(n).fill(-1);
  const perTen = Math.max(0, Math.min(10, Math.round(employeeShare * 10)));
  const block: number[] = [...Array<number>(perTen).fill(0), ...Array<number>(10 - perTen).fill(1)];
  const deckFor = (source: TalentSource) =>
    new Deck(
      ROLES.flatMap((r, i) =>
        Array<number>(source === 'employee' ? r.employeeShare : r.freelanceShare).fill(i),
      ),
      rng,
    );
  const decks = { employee: deckFor('employee'), freelance: deckFor('freelance') };
  const techRole = ROLES.map((r) => r.core.some((id) => book.has(id) && book.isTech(id)));
  let tf = 0;
  let order: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) order = shuffle(rng, [...block]);
    const src = order[i % 10] ?? 0;
    sources[i] = src;
    const role = src === 0 ? decks.employee.draw() : decks.freelance.draw();
    roles[i] = role;
    if (src === 1 && techRole[role]) techIndex[i] = tf++;
  }
  // One employee (and one freelancer) at random holds each top skill that is meant to be present.
  const forced = new Map<number, string[]>();
  for (const [src, ids] of [
    [0, present.employee],
    [1, present.freelance],
  ] as const) {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (sources[i] === src) members.push(i);
    if (!members.length) continue;
    for (const id of ids) {
      const who = members[Math.floor(rng.next() * members.length)]!;
      forced.set(who, [...(forced.get(who) ?? []), id]);
    }
  }
  const u = tf === 0 ? 0 : Math.max(1, Math.floor(tf / 10));
  const years: number[] = [];
  for (const [y, k] of FREELANCE_MISSIONS_PER_10) for (let j = 0; j < k * u; j++) years.push(y);
  return {
    forced,
    sources,
    roles,
    techIndex,
    techFreelancers: tf,
    missionYears: Uint16Array.from(shuffle(rng, years)),
  };
}

const EVIDENCE_OTHER: EvidenceKind[] = ['cv', 'self'];

function makeTalent(
  rng: Rng,
  book: SkillBook,
  plan: PoolPlan,
  i: number,
  absent: ReadonlySet<string>,
  rare: ReadonlySet<string>,
  asOfDay: number,
  width: number,
): Talent {
  const source: TalentSource = plan.sources[i] === 0 ? 'employee' : 'freelance';
  const role = ROLES[plan.roles[i] ?? 0] as RoleTemplate;
  const seniority = rng.weighted([1, 2, 3, 4, 5], [1, 3, 4, 3, 1]);
  const levels = new Map<string, number>();
  const add = (id: string, level: number, forced = false) => {
    if (!book.has(id) || absent.has(id) || levels.has(id)) return;
    // The skills the employees lack are scarce on the market too: most freelancers lack them as well.
    if (!forced && rare.has(id) && !rng.chance(0.35)) return;
    levels.set(id, Math.min(5, Math.max(1, level)));
  };
  for (const id of role.core) add(id, Math.max(2, seniority + rng.int(-1, 1)));
  for (const id of pickDistinct(rng, role.optional, rng.int(2, Math.min(6, role.optional.length))))
    add(id, seniority - 1 + rng.int(-1, 1));
  // Some people reach across domains (the profiles the article says recruiters now look for).
  if (rng.chance(0.25)) add(rng.pick(rng.pick(ROLES).optional), rng.int(1, 3));
  for (const id of plan.forced.get(i) ?? []) add(id, rng.int(3, 4), true);
  const held = [...levels.keys()];
  const techHeld = held.filter((id) => book.isTech(id));
  const otherHeld = held.filter((id) => !book.isTech(id));

  // Missions.
  const missions: Mission[] = [];
  const lang: Lang = rng.chance(0.5) ? 'fr' : 'en';
  const mission = (startDay: number, org: string | null, skills: string[]): void => {
    const industry = rng.pick(INDUSTRIES);
    const fn = rng.pick(FUNCTIONS);
    const endDay = startDay + rng.int(60, 240);
    const ongoing = endDay > asOfDay;
    const arche = rng.pick(ARCHETYPE_TEMPLATES);
    missions.push({
      title: `${role.title[lang]} — ${arche.name[lang]}`,
      organization: org ?? rng.pick(CLIENTS[industry]),
      start: isoOfDay(startDay),
      end: ongoing ? null : isoOfDay(endDay),
      industry,
      businessFunction: fn,
      skills: [...new Set(skills)].sort(),
      outcome: ongoing ? null : rng.weighted(['production', 'pilot', 'stopped'] as const, [4, 3, 3]),
    });
  };
  const dayIn = (year: number) => {
    const from = dayOf(`${year}-01-01`);
    const to = Math.min(dayOf(`${year}-12-31`), asOfDay);
    return from + Math.floor(rng.next() * (to - from + 1));
  };
  const ti = plan.techIndex[i] ?? -1;
  if (source === 'freelance' && ti >= 0) {
    const tf = plan.techFreelancers;
    for (let k = ti; k < plan.missionYears.length; k += tf) {
      const first = rng.pick(techHeld.length ? techHeld : held);
      mission(dayIn(plan.missionYears[k]!), null, [first, ...pickDistinct(rng, held, rng.int(1, 3))]);
    }
  } else if (source === 'freelance') {
    // Freelancers without a tech or data role: missions on their other skills only.
    if (otherHeld.length)
      for (const y of [2022, 2023, 2024, 2025])
        mission(dayIn(y), null, pickDistinct(rng, otherHeld, rng.int(1, 3)));
  } else {
    const k = rng.int(1, 3);
    for (let j = 0; j < k; j++)
      mission(dayIn(rng.int(2021, 2025)), DEMO_COMPANY, pickDistinct(rng, held, rng.int(1, 3)));
  }
  missions.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

  // Evidence: a mission that used the skill first, then a certificate, then the CV or a self-declaration.
  const lastUse = new Map<string, Mission>();
  for (const m of missions) for (const id of m.skills) lastUse.set(id, m);
  const skills: TalentSkill[] = held.sort().map((skillId) => {
    const level = levels.get(skillId) ?? 1;
    const last = lastUse.get(skillId);
    let evidence: EvidenceKind;
    let evidenceDetail: string | null;
    if (last) {
      evidence = 'mission';
      evidenceDetail = `${last.title} (${last.organization ?? DEMO_COMPANY}, ${last.start.slice(0, 4)})`;
    } else if (CERTIFICATIONS[skillId] && rng.chance(0.5)) {
      evidence = 'certification';
      evidenceDetail = CERTIFICATIONS[skillId] ?? null;
    } else {
      evidence = rng.pick(EVIDENCE_OTHER);
      evidenceDetail = evidence === 'cv' ? `CV: ${book.label(skillId, lang)}` : null;
    }
    const lastUsed = last ? (last.end ?? isoOfDay(asOfDay)) : isoOfDay(asOfDay - rng.int(0, 900));
    return {
      skillId,
      level,
      evidence,
      years: Math.max(1, level + rng.int(-1, 3) + (seniority > 3 ? 2 : 0)),
      lastUsed,
      evidenceDetail,
    };
  });

  const industries = [
    ...new Set(missions.map((m) => m.industry).filter((x): x is Industry => x !== null)),
  ].sort();
  const functions = [
    ...new Set(missions.map((m) => m.businessFunction).filter((x): x is BusinessFunction => x !== null)),
  ].sort();
  if (!industries.length) industries.push(rng.pick(INDUSTRIES));
  if (!functions.length) functions.push(rng.pick(FUNCTIONS));

  // Availability from mid-2024 to the end of 2027, in one to three windows.
  const availability: AvailabilityWindow[] = [];
  let from = dayOf('2024-07-01');
  const end = dayOf('2027-12-31');
  const windows = rng.int(1, 3);
  for (let w = 0; w < windows; w++) {
    const to = w === windows - 1 ? end : Math.min(end - 1, from + rng.int(90, 400));
    const daysPerWeek =
      source === 'employee'
        ? rng.weighted([0, 1, 2, 3, 4, 5], [1, 2, 4, 4, 2, 1])
        : rng.weighted([0, 2, 3, 4, 5], [2, 1, 2, 3, 4]);
    availability.push({ start: isoOfDay(from), end: isoOfDay(to), daysPerWeek });
    if (to >= end) break;
    from = to + 1;
  }

  const first = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const dailyCost =
    Math.round((role.dailyCost * (0.75 + 0.1 * seniority) * (source === 'freelance' ? 1.15 : 0.85)) / 10) *
    10;
  const consentDay = missions[0] ? dayOf(missions[0].start) : asOfDay - rng.int(30, 700);
  const consentAt = source === 'freelance' ? isoOfDay(Math.min(consentDay, asOfDay)) : null;
  const extraLang = rng.chance(0.15) ? [rng.pick(['de', 'es', 'it', 'nl', 'pt', 'pl'])] : [];
  return {
    id: `tal-${pad(i + 1, width)}`,
    externalId: null,
    source,
    name: `${first} ${lastName}`,
    email: `${fold(first)}.${fold(lastName)}${i + 1}@${source === 'employee' ? 'vivier-demo.example' : 'example.org'}`,
    phone: rng.chance(0.3) ? `+33 1 99 00 ${pad(rng.int(0, 99), 2)} ${pad(rng.int(0, 99), 2)}` : null,
    headline: role.title[lang],
    occupationId: null,
    location: rng.pick(CITIES),
    remote: rng.weighted(
      ['onsite', 'hybrid', 'remote'] as const,
      source === 'freelance' ? [1, 4, 5] : [3, 6, 1],
    ),
    languages: ['fr', ...(rng.chance(0.75) ? ['en'] : []), ...extraLang],
    dailyCost,
    skills,
    industries,
    functions,
    availability,
    missions,
    consentAt,
    retainUntil: consentAt ? addDays(consentAt, 3 * 365) : null,
  };
}

// --------------------------------------------------------------------------------------------- the whole

/**
 * The demo in chunks: every project first (in id order, by year), then every talent (in id order). Memory
 * stays bounded by the chunk size plus a few bytes a talent for the plan. Returns the design's facts.
 */
export function* streamDemo(
  tax: Taxonomy,
  options: DemoOptions,
  chunkSize = 5_000,
): Generator<DemoChunk, DemoFacts, void> {
  const book = new SkillBook(tax);
  const asOf = options.asOf ?? DEMO_AS_OF;
  const asOfDay = dayOf(asOf);
  const planRng = createRng(options.seed ^ 0x0a5eed01);
  const projectRng = createRng(options.seed ^ 0x0b5eed02);
  const talentRng = createRng(options.seed ^ 0x0c5eed03);

  // Projects, year by year.
  const nProjects = Math.max(0, Math.floor(options.projects));
  const perYear = apportion(
    nProjects,
    YEAR_PLAN.map((y) => y.projects),
  );
  const pWidth = Math.max(5, String(nProjects).length);
  // Closed 2022–2024 projects are dealt from one deck (exact shares); the others from another.
  const categories = new Deck(CATEGORY_DECK, planRng);
  const otherCategories = new Deck(CATEGORY_DECK, planRng);
  const outcomeDecks = {
    'generic-custom': new Deck(OUTCOME_DECKS['generic-custom'], planRng),
    'vertical-custom': new Deck(OUTCOME_DECKS['vertical-custom'], planRng),
    bought: new Deck(OUTCOME_DECKS.bought, planRng),
  };
  const openDemand = new Map<string, number>();
  let index = 0;
  let chunk: Project[] = [];
  for (let y = 0; y < YEAR_PLAN.length; y++) {
    const plan = YEAR_PLAN[y]!;
    const n = perYear[y] ?? 0;
    if (n === 0) continue;
    const scale = (k: number) => Math.round((n * k) / plan.projects);
    const ow = chooseSlots(planRng, n, scale(plan.openWeight));
    const lc = chooseSlots(planRng, n, scale(plan.lowCode));
    const sec = chooseSlots(planRng, n, scale(plan.security));
    const plat = chooseSlots(planRng, n, Math.round(n * plan.platform));
    const days = startDays(planRng, plan.year, n);
    // Which of the year's projects are still open: the latest starts, then at random among the rest.
    const openCount = scale(plan.open);
    const openMarks = new Uint8Array(n);
    if (openCount >= n) openMarks.fill(1);
    else if (openCount > 0) {
      const lateFrom = Math.max(0, n - openCount * 2);
      const late = chooseSlots(planRng, n - lateFrom, openCount);
      for (let k = 0; k < late.length; k++) openMarks[lateFrom + k] = late[k]!;
    }
    if (plan.year === 2025 && openCount < n) {
      // The few 2025 projects already stopped started early in the year.
      openMarks.fill(1);
      const early = chooseSlots(planRng, Math.min(n, Math.max(1, Math.floor(n / 3))), n - openCount);
      for (let k = 0; k < early.length; k++) if (early[k]) openMarks[k] = 0;
    }
    for (let k = 0; k < n; k++) {
      const open = openMarks[k] === 1;
      // Closed 2022–2024 projects come from the exact deck; the few stopped in 2025 were bought products.
      const category: Category = open
        ? otherCategories.draw()
        : plan.year < 2025
          ? categories.draw()
          : 'bought';
      const outcome: Outcome | null = open
        ? null
        : plan.year === 2025
          ? 'stopped'
          : outcomeDecks[category].draw();
      const slot: ProjectSlot = {
        index: index++,
        year: plan.year,
        startDay: Math.min(days[k]!, open ? days[k]! : asOfDay - 40),
        flags: {
          openWeight: ow[k] === 1,
          lowCode: lc[k] === 1,
          security: sec[k] === 1,
          platform: plat[k] === 1,
        },
        open,
        category,
        outcome,
      };
      const p = makeProject(projectRng, book, slot, asOfDay, pWidth);
      if (isOpenStatus(p.status)) {
        const d = requirementDemandsMilli(p);
        p.requirements.forEach((r, j) =>
          openDemand.set(r.skillId, (openDemand.get(r.skillId) ?? 0) + (d[j] ?? 0)),
        );
      }
      chunk.push(p);
      if (chunk.length >= chunkSize) {
        yield { kind: 'projects', items: chunk };
        chunk = [];
      }
    }
  }
  if (chunk.length) yield { kind: 'projects', items: chunk };

  // Talents: the plan first (sources, roles, freelance missions), then each profile in order.
  const absent = chooseAbsent(book, openDemand);
  const absentEmployee = new Set(absent.employee);
  const absentAll = new Set(absent.all);
  const none = new Set<string>();
  const nTalents = Math.max(0, Math.floor(options.talents));
  const pool = planPool(planRng, book, nTalents, options.employeeShare ?? 0.6, {
    employee: absent.top.filter((id) => !absentEmployee.has(id)),
    freelance: absent.top.filter((id) => !absentAll.has(id)),
  });
  const tWidth = Math.max(6, String(nTalents).length);
  let talents: Talent[] = [];
  for (let i = 0; i < nTalents; i++) {
    const employee = pool.sources[i] === 0;
    talents.push(
      makeTalent(
        talentRng,
        book,
        pool,
        i,
        employee ? absentEmployee : absentAll,
        employee ? none : absentEmployee,
        asOfDay,
        tWidth,
      ),
    );
    if (talents.length >= chunkSize) {
      yield { kind: 'talents', items: talents };
      talents = [];
    }
  }
  if (talents.length) yield { kind: 'talents', items: talents };
  return {
    asOf,
    absentFromEmployees: absent.employee,
    absentFromAll: absent.all,
    talents: nTalents,
    projects: nProjects,
  };
}

/** A deterministic demo pool and project list: the same options give the same records, byte for byte. */
export function generateDemo(tax: Taxonomy, options: DemoOptions): Demo & { facts: DemoFacts } {
  const talents: Talent[] = [];
  const projects: Project[] = [];
  const it = streamDemo(tax, options, 10_000);
  for (;;) {
    const r = it.next();
    if (r.done) return { talents, projects, facts: r.value };
    if (r.value.kind === 'projects') for (const p of r.value.items) projects.push(p);
    else for (const t of r.value.items) talents.push(t);
  }
}

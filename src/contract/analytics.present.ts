/**
 * Presenters of the analytics: core results → the contract's documents, with labels in the asked
 * language. The HTTP routes and the CLI's --json use the same functions, so both print the same document.
 */
import type { ArticleFigures } from '../core/analytics/article.js';
import type { GapReport, GroupGap, Headline } from '../core/analytics/gaps.js';
import type { TrendReport } from '../core/analytics/trends.js';
import type {
  Recommendation,
  SourcingOption,
  TrainingPlan,
  UpskillResult,
} from '../core/analytics/upskilling.js';
import { renderSourcingMessage, sourcingReason } from '../core/analytics/sourcing-messages.js';
import { FUNCTION_LABELS, INDUSTRY_LABELS } from '../core/demo/demo-vocabulary.js';
import type { Lang, Taxonomy } from '../core/taxonomy/types.js';
import type { GapsResponse, PlanResponse, TrendsResponse, UpskillingResponse } from './analytics.schemas.js';

const skillLabel = (tax: Taxonomy, id: string, lang: Lang): string =>
  tax.byId.get(id)?.labels[lang].label ?? id;
const ref = (tax: Taxonomy, lang: Lang) => (id: string) => ({ id, label: skillLabel(tax, id, lang) });

const DOMAIN_LABELS: Record<string, { en: string; fr: string }> = {
  ai: { en: 'AI and GenAI', fr: 'IA et IA générative' },
  data: { en: 'data', fr: 'data' },
  cloud: { en: 'cloud', fr: 'cloud' },
  security: { en: 'security', fr: 'sécurité' },
  governance: { en: 'governance and compliance', fr: 'gouvernance et conformité' },
  lowcode: { en: 'low-code', fr: 'low-code' },
  engineering: { en: 'software engineering', fr: 'ingénierie logicielle' },
  business: { en: 'business', fr: 'métier' },
};

export function groupLabel(kind: 'domain' | 'industry' | 'function', key: string, lang: Lang): string {
  const table: Record<string, { en: string; fr: string }> =
    kind === 'domain' ? DOMAIN_LABELS : kind === 'industry' ? INDUSTRY_LABELS : FUNCTION_LABELS;
  return table[key]?.[lang] ?? key;
}

const MEASURE_LABELS: Record<string, { en: string; fr: string }> = {
  projects: { en: 'AI projects started', fr: 'projets IA démarrés' },
  'open-weight': { en: 'projects needing open-weight LLMs', fr: 'projets demandant des LLM open source' },
  'low-code': { en: 'low-code projects', fr: 'projets low-code' },
  security: { en: 'security and compliance projects', fr: 'projets sécurité et conformité' },
  'freelance-tech-data': { en: 'freelance tech and data missions', fr: 'missions freelance tech et data' },
};

function presentHeadline(tax: Taxonomy, h: Headline, lang: Lang): GapsResponse['headline'] {
  const r = ref(tax, lang);
  return {
    top: h.top,
    skills: h.skills.map(r),
    absentEmployees: h.absentEmployees.map(r),
    absentAll: h.absentAll.map(r),
    shareAbsentEmployees: h.shareAbsentEmployees,
    shareAbsentAll: h.shareAbsentAll,
  };
}

function presentOption(
  o: SourcingOption,
  lang: Lang,
): GapsResponse['recommendations'][number]['options'][number] {
  return {
    ...o,
    weeks: Number.isFinite(o.weeks) ? o.weeks : null,
    note: { ...o.note, text: renderSourcingMessage(o.note, lang) },
  };
}

export function presentRecommendation(
  tax: Taxonomy,
  r: Recommendation,
  lang: Lang,
): GapsResponse['recommendations'][number] {
  return {
    ...r,
    label: skillLabel(tax, r.skillId, lang),
    options: r.options.map((o) => presentOption(o, lang)),
    reason: sourcingReason(r, lang),
  };
}

function presentGroup(
  tax: Taxonomy,
  kind: 'domain' | 'industry' | 'function',
  g: GroupGap,
  lang: Lang,
): NonNullable<GapsResponse['groups']>[number] {
  return { ...g, label: groupLabel(kind, g.group, lang), headline: presentHeadline(tax, g.headline, lang) };
}

export function presentGaps(
  tax: Taxonomy,
  r: { report: GapReport; recommendations: readonly Recommendation[] },
  lang: Lang,
): GapsResponse {
  const { report } = r;
  const by = report.by;
  return {
    window: report.window,
    source: report.source,
    openProjects: report.openProjects,
    historicalProjects: report.historicalProjects,
    talents: report.talents,
    demand: report.demand,
    shortage: report.shortage,
    unmetShare: report.unmetShare,
    headline: presentHeadline(tax, report.headline, lang),
    rows: report.rows.map((row) => ({ ...row, label: skillLabel(tax, row.skillId, lang) })),
    domains: report.domains.map((d) => ({
      ...presentGroup(tax, 'domain', d, lang),
      specialists: d.specialists,
      specialistFte: d.specialistFte,
    })),
    by,
    groups: report.groups && by ? report.groups.map((g) => presentGroup(tax, by, g, lang)) : null,
    recommendations: r.recommendations.map((x) => presentRecommendation(tax, x, lang)),
  };
}

export function presentTrends(
  tax: Taxonomy,
  t: TrendReport,
  article: ArticleFigures,
  lang: Lang,
): TrendsResponse {
  return {
    period: t.period,
    periods: t.periods,
    measures: t.measures.map((s) => ({ ...s, label: MEASURE_LABELS[s.key]?.[lang] ?? s.key })),
    domains: t.domains.map((s) => ({ ...s, label: groupLabel('domain', s.key, lang) })),
    skills: t.skills.map((s) => ({ ...s, label: skillLabel(tax, s.key, lang) })),
    emerging: t.emerging.map((e) => ({ ...e, label: skillLabel(tax, e.skillId, lang) })),
    article,
  };
}

export function presentUpskilling(
  tax: Taxonomy,
  r: { upskill: UpskillResult; recommendation: Recommendation | null; names: Record<string, string> },
  lang: Lang,
): UpskillingResponse {
  const u = r.upskill;
  return {
    skill: { id: u.skillId, label: skillLabel(tax, u.skillId, lang), domain: u.domain },
    requiredLevel: u.requiredLevel,
    fromScratchWeeks: u.fromScratchWeeks,
    holders: u.holders,
    withHeadStart: u.withHeadStart,
    learners: u.learners.map((l) => ({
      talentId: l.talentId,
      name: r.names[l.talentId] ?? l.talentId,
      currentLevel: l.currentLevel,
      effortWeeks: l.effortWeeks,
      from: l.from ? { ...l.from, label: skillLabel(tax, l.from.skillId, lang) } : null,
      plan: l.plan.map((s) => ({ ...s, label: skillLabel(tax, s.skillId, lang) })),
      dailyCost: l.dailyCost,
      capacity: l.capacity,
    })),
    recommendation: r.recommendation ? presentRecommendation(tax, r.recommendation, lang) : null,
  };
}

export function presentPlan(tax: Taxonomy, p: TrainingPlan, lang: Lang): PlanResponse {
  return { ...p, assignments: p.assignments.map((a) => ({ ...a, label: skillLabel(tax, a.skillId, lang) })) };
}

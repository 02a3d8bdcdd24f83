/**
 * The article's figures (seed/article-fr.txt), computed from the records — never printed from constants.
 * Each figure names its measure and periods so that `measureRecords` returns the records behind it.
 *
 * - "la demande de projets IA a bondi de 230 %": AI projects started in 2024 / in 2023;
 * - "Mistral, dont la demande a été multipliée par huit": projects requiring an open-weight LLM skill
 *   (open-weight LLMs and every skill below it: Mistral, Llama…), 2024 / 2023;
 * - "low-code … a progressé de 40 %": projects requiring a low-code skill, 2024 / 2023;
 * - "projets liés à la sécurité et à la conformité, en hausse de 35 %": projects with a must-have security
 *   or governance skill, 2024 / 2023;
 * - "freelances … tech et data a bondi de 70 %": missions started by freelancers using at least one tech
 *   or data skill (ai, data, cloud, security, engineering domains), 2024 / 2022;
 * - "40 % des compétences les plus demandées ne figurent pas dans le vivier": share of the 10 most
 *   demanded skills of the open projects that no employee holds (and that no one holds, freelancers
 *   included);
 * - "pénurie … de spécialistes cloud, sécurité et data": the domains with the highest unmet share of open
 *   demand (gaps.ts);
 * - "95 % des projets développés sur mesure échouent avant la production", and vertical beats generic:
 *   share of closed custom projects (built or hybrid, with an outcome) that reached production, generic
 *   ones against vertical ones (a business outcome and a process owner).
 */
import type { Period } from './dates.js';
import {
  FLAG_CUSTOM,
  FLAG_LOWCODE,
  FLAG_OPEN_WEIGHT,
  FLAG_SECURITY,
  FLAG_VERTICAL,
  type AnalyticsSnapshot,
} from './snapshot.js';
import type { GapEngine } from './gap-engine.js';
import { gapReport, type Headline } from './gaps.js';
import { MEASURES, measureTable, periodIndex, periodLabel, type Measure } from './trends.js';

export interface GrowthFigure {
  id: 'ai-projects' | 'open-weight-llm' | 'low-code' | 'security-compliance' | 'freelance-tech-data';
  measure: Measure;
  article: string;
  /** The article's value as a ratio (3.3 for +230 %, 8 for ×8…). */
  articleRatio: number;
  from: { period: string; count: number };
  to: { period: string; count: number };
  /** to / from; null when `from` is 0. */
  ratio: number | null;
}

export interface OutcomeRate {
  closed: number;
  production: number;
  rate: number;
}

export interface ArticleFigures {
  growth: GrowthFigure[];
  /** The gap report's headline, with the article's claim beside it. */
  absentSkills: Headline & { article: string };
  scarceDomains: { article: string; domains: { domain: string; unmetShare: number }[] };
  production: { article: string; generic: OutcomeRate; vertical: OutcomeRate };
}

const GROWTH: {
  id: GrowthFigure['id'];
  measure: Measure;
  article: string;
  articleRatio: number;
  from: number;
  to: number;
}[] = [
  {
    id: 'ai-projects',
    measure: 'projects',
    article: 'En 2024, la demande de projets IA a bondi de 230 %.',
    articleRatio: 3.3,
    from: 2023,
    to: 2024,
  },
  {
    id: 'open-weight-llm',
    measure: 'open-weight',
    article: 'Mistral, dont la demande a été multipliée par huit.',
    articleRatio: 8,
    from: 2023,
    to: 2024,
  },
  {
    id: 'low-code',
    measure: 'low-code',
    article: 'Le low-code et le no-code, dont l’usage a progressé de 40 %.',
    articleRatio: 1.4,
    from: 2023,
    to: 2024,
  },
  {
    id: 'security-compliance',
    measure: 'security',
    article: 'Les projets liés à la sécurité et à la conformité, en hausse de 35 %.',
    articleRatio: 1.35,
    from: 2023,
    to: 2024,
  },
  {
    id: 'freelance-tech-data',
    measure: 'freelance-tech-data',
    article: 'Entre 2022 et 2024, la demande pour leurs compétences en tech et data a bondi de 70 %.',
    articleRatio: 1.7,
    from: 2022,
    to: 2024,
  },
];

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function articleFigures(engine: GapEngine, headlineTop = 10): ArticleFigures {
  engine.ensure();
  const snap = engine.snap;
  const table = measureTable(snap, 'year');
  const countIn = (m: Measure, year: number) => {
    const i = year - table.first;
    return i >= 0 && i < table.length ? table.counts[m][i]! : 0;
  };
  const growth: GrowthFigure[] = GROWTH.map((g) => {
    const a = countIn(g.measure, g.from);
    const b = countIn(g.measure, g.to);
    return {
      id: g.id,
      measure: g.measure,
      article: g.article,
      articleRatio: g.articleRatio,
      from: { period: String(g.from), count: a },
      to: { period: String(g.to), count: b },
      ratio: a > 0 ? round3(b / a) : null,
    };
  });
  const gaps = gapReport(engine, { headlineTop, top: 0, source: 'all' });
  const h = gaps.headline;
  // Closed custom projects: generic against vertical.
  const rate = (vertical: boolean): OutcomeRate => {
    let closed = 0;
    let production = 0;
    for (let p = 0; p < snap.nP; p++) {
      if (!snap.pAlive[p]) continue;
      const f = snap.pFlags[p]!;
      if (!(f & FLAG_CUSTOM) || ((f & FLAG_VERTICAL) !== 0) !== vertical) continue;
      const outcome = snap.outcomeOf(p);
      if (!outcome) continue;
      closed++;
      if (outcome === 'production') production++;
    }
    return { closed, production, rate: closed ? round3(production / closed) : 0 };
  };
  return {
    growth,
    absentSkills: {
      article: '40 % des compétences les plus demandées ne figurent pas dans le vivier actuel.',
      top: h.top,
      skills: h.skills,
      absentEmployees: h.absentEmployees,
      absentAll: h.absentAll,
      shareAbsentEmployees: h.shareAbsentEmployees,
      shareAbsentAll: h.shareAbsentAll,
    },
    scarceDomains: {
      article: 'La pénurie persistante de spécialistes cloud, sécurité et data.',
      domains: gaps.domains.map((d) => ({ domain: d.group, unmetShare: d.unmetShare })),
    },
    production: {
      article: '95 % des projets développés sur mesure échouent avant même d’atteindre la production.',
      generic: rate(false),
      vertical: rate(true),
    },
  };
}

export interface RecordSet {
  kind: 'project' | 'talent';
  total: number;
  ids: string[];
}

/** The records behind one point of a trend: projects started in the period (or freelancers' missions). */
export function measureRecords(
  snap: AnalyticsSnapshot,
  measure: Measure | `skill:${string}` | `domain:${string}`,
  periodKey: string,
  period: Period,
  limit = 1000,
): RecordSet {
  const ids: string[] = [];
  let total = 0;
  const matchPeriod = (day: number) => periodLabel(periodIndex(day, period), period) === periodKey;
  if (measure === 'freelance-tech-data') {
    for (let o = 0; o < snap.nT; o++) {
      if (!snap.tAlive[o] || snap.tSource[o] !== 1) continue;
      for (let m = snap.tMsStart[o]!, end = snap.tMsStart[o + 1]!; m < end; m++) {
        if (!snap.msTech[m] || !matchPeriod(snap.msDay[m]!)) continue;
        // One entry a mission: a talent appears once per matching mission.
        total++;
        if (ids.length < limit) ids.push(snap.tId[o]!);
      }
    }
    return { kind: 'talent', total, ids };
  }
  const skill = measure.startsWith('skill:') ? snap.skills.find(measure.slice(6)) : -2;
  const domain = measure.startsWith('domain:') ? snap.domains.find(measure.slice(7)) : -2;
  const flag = (MEASURES as readonly string[]).includes(measure)
    ? {
        projects: 0,
        'open-weight': FLAG_OPEN_WEIGHT,
        'low-code': FLAG_LOWCODE,
        security: FLAG_SECURITY,
        'freelance-tech-data': 0,
      }[measure as Measure]
    : 0;
  for (let p = 0; p < snap.nP; p++) {
    if (!snap.pAlive[p] || !matchPeriod(snap.pStart[p]!)) continue;
    if (flag && !(snap.pFlags[p]! & flag)) continue;
    if (skill !== -2 || domain !== -2) {
      let hit = false;
      for (let k = snap.pRqStart[p]!, end = snap.pRqStart[p + 1]!; k < end && !hit; k++) {
        const sk = snap.rqSkill[k]!;
        hit = skill !== -2 ? sk === skill : snap.skillDomain[sk] === domain;
      }
      if (!hit) continue;
    }
    total++;
    if (ids.length < limit) ids.push(snap.pId[p]!);
  }
  return { kind: 'project', total, ids };
}

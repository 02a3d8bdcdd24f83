/**
 * Demand over time. A project's demand is counted in the period it starts (year, quarter or month of its
 * start date): the count measure (projects requiring a skill, or a skill of a domain) and person-days
 * (definitions.ts). Growth is period over period, on counts. Emerging skills grow fast from a small base:
 * their share of the period's projects at least doubles (minGrowth) from at most 5 % (maxBaseShare), with
 * at least 3 projects (minCount) in the current period — or they appear from nothing with that many.
 *
 * Measures (the article's): all AI projects; open-weight LLM projects; low-code projects; security and
 * compliance projects; freelance tech and data missions (started in the period by freelancers, using at
 * least one tech or data skill).
 *
 * One pass over the projects' requirements and two over the freelancers' missions: about 40 ms for 100,000
 * projects and a million talents (npm run bench -- analytics).
 */
import { civilFromDays, dayOf, type Period } from './dates.js';
import { FLAG_LOWCODE, FLAG_OPEN_WEIGHT, FLAG_SECURITY, type AnalyticsSnapshot } from './snapshot.js';
import { MILLI } from './definitions.js';

export const MEASURES = ['projects', 'open-weight', 'low-code', 'security', 'freelance-tech-data'] as const;
export type Measure = (typeof MEASURES)[number];

export interface TrendOptions {
  period?: Period;
  /** ISO dates bounding the projects' start dates (both included). */
  from?: string;
  to?: string;
  /** Skills to follow; default the `topSkills` most required over the range. */
  skills?: string[];
  topSkills?: number;
  /** The period the emerging skills are measured in (default: the last one with projects). */
  current?: string;
  emerging?: { minCount?: number; maxBaseShare?: number; minGrowth?: number };
}

export interface TrendPoint {
  period: string;
  /** Projects started in the period (requiring the skill, or a skill of the domain, for those series). */
  count: number;
  personDays: number;
  /** count / projects started in the period. */
  share: number;
  /** Growth of `count` over the previous period; null when that was 0 (or for the first period). */
  growth: number | null;
}

export interface TrendSeries {
  key: string;
  points: TrendPoint[];
}

export interface EmergingSkill {
  skillId: string;
  domain: string;
  previous: { period: string; count: number; share: number };
  current: { period: string; count: number; share: number };
  /** Growth of the share; null when it starts from nothing. */
  shareGrowth: number | null;
}

export interface TrendReport {
  period: Period;
  periods: string[];
  measures: TrendSeries[];
  domains: TrendSeries[];
  skills: TrendSeries[];
  emerging: EmergingSkill[];
}

/** Period number of a day (comparable, consecutive) and its key. */
export function periodIndex(day: number, period: Period): number {
  const { y, m } = civilFromDays(day);
  return period === 'year' ? y : period === 'quarter' ? y * 4 + Math.floor((m - 1) / 3) : y * 12 + (m - 1);
}

export function periodLabel(index: number, period: Period): string {
  if (period === 'year') return String(index);
  if (period === 'quarter') return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  const m = (index % 12) + 1;
  return `${Math.floor(index / 12)}-${m < 10 ? '0' : ''}${m}`;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Counts per period of the article's measures, over every period with data (the basis of the figures). */
export interface MeasureTable {
  period: Period;
  first: number;
  length: number;
  counts: Record<Measure, Float64Array>;
  personDays: Float64Array;
}

interface Tables extends MeasureTable {
  skillCount: Float64Array;
  skillPd: Float64Array;
  domainCount: Float64Array;
  domainPd: Float64Array;
}

function dayBound(iso: string | undefined, fallback: number): number {
  if (!iso) return fallback;
  const d = dayOf(iso);
  return Number.isFinite(d) ? d : fallback;
}

function tables(
  snap: AnalyticsSnapshot,
  period: Period,
  fromDay: number,
  toDay: number,
  perSkill: boolean,
): Tables {
  // The day range with data (projects and the freelancers' tech and data missions), then a day → period
  // lookup table, so that no record needs date arithmetic.
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let p = 0; p < snap.nP; p++) {
    if (!snap.pAlive[p]) continue;
    const d = snap.pStart[p]!;
    if (d < fromDay || d > toDay) continue;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  // Missions are read twice (bounds, then counts) rather than copied: at a million talents a growing
  // JS array of their days costs more than a second read of the typed arrays.
  const { nT, tAlive, tSource, tMsStart, msTech, msDay } = snap;
  for (let o = 0; o < nT; o++) {
    if (!tAlive[o] || tSource[o] !== 1) continue;
    for (let m = tMsStart[o]!, end = tMsStart[o + 1]!; m < end; m++) {
      if (!msTech[m]) continue;
      const d = msDay[m]!;
      if (d < fromDay || d > toDay) continue;
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
  }
  const empty = minDay > maxDay;
  const first = empty ? 0 : periodIndex(minDay, period);
  const length = empty ? 0 : periodIndex(maxDay, period) - first + 1;
  const slot = new Int32Array(empty ? 0 : maxDay - minDay + 1);
  for (let d = minDay, i = 0; i < slot.length; d++, i++) slot[i] = periodIndex(d, period) - first;
  const nSk = perSkill ? snap.skillCount : 0;
  const nD = perSkill ? snap.domains.size : 0;
  const t: Tables = {
    period,
    first,
    length,
    counts: {
      projects: new Float64Array(length),
      'open-weight': new Float64Array(length),
      'low-code': new Float64Array(length),
      security: new Float64Array(length),
      'freelance-tech-data': new Float64Array(length),
    },
    personDays: new Float64Array(length),
    skillCount: new Float64Array(length * nSk),
    skillPd: new Float64Array(length * nSk),
    domainCount: new Float64Array(length * nD),
    domainPd: new Float64Array(length * nD),
  };
  if (!length) return t;
  const freelance = t.counts['freelance-tech-data'];
  for (let o = 0; o < nT; o++) {
    if (!tAlive[o] || tSource[o] !== 1) continue;
    for (let m = tMsStart[o]!, end = tMsStart[o + 1]!; m < end; m++) {
      if (!msTech[m]) continue;
      const d = msDay[m]!;
      if (d < fromDay || d > toDay) continue;
      freelance[slot[d - minDay]!]! += 1;
    }
  }
  // Domain stamps: a project counts once per domain.
  const stamp = new Int32Array(nD).fill(-1);
  const { nP, pAlive, pStart, pFlags, pRqStart, rqMilli, rqSkill, skillDomain } = snap;
  const { projects, security } = t.counts;
  const openWeight = t.counts['open-weight'];
  const lowCode = t.counts['low-code'];
  const { personDays, skillCount, skillPd, domainCount, domainPd } = t;
  for (let p = 0; p < nP; p++) {
    if (!pAlive[p]) continue;
    const d = pStart[p]!;
    if (d < fromDay || d > toDay) continue;
    const i = slot[d - minDay]!;
    const f = pFlags[p]!;
    projects[i]! += 1;
    if (f & FLAG_OPEN_WEIGHT) openWeight[i]! += 1;
    if (f & FLAG_LOWCODE) lowCode[i]! += 1;
    if (f & FLAG_SECURITY) security[i]! += 1;
    for (let k = pRqStart[p]!, end = pRqStart[p + 1]!; k < end; k++) {
      const pd = rqMilli[k]! / MILLI;
      personDays[i]! += pd;
      if (!perSkill) continue;
      const sk = rqSkill[k]!;
      skillCount[i * nSk + sk]! += 1;
      skillPd[i * nSk + sk]! += pd;
      const dom = skillDomain[sk]!;
      domainPd[i * nD + dom]! += pd;
      if (stamp[dom] !== p) {
        stamp[dom] = p;
        domainCount[i * nD + dom]! += 1;
      }
    }
  }
  return t;
}

/** The article's measures per period, without the per-skill tables (cheap). */
export function measureTable(snap: AnalyticsSnapshot, period: Period = 'year'): MeasureTable {
  return tables(snap, period, -Infinity, Infinity, false);
}

function series(
  key: string,
  periods: readonly string[],
  count: (i: number) => number,
  pd: (i: number) => number,
  total: (i: number) => number,
): TrendSeries {
  const points: TrendPoint[] = periods.map((period, i) => {
    const c = count(i);
    const prev = i > 0 ? count(i - 1) : 0;
    const all = total(i);
    return {
      period,
      count: c,
      personDays: round1(pd(i)),
      share: all > 0 ? round3(c / all) : 0,
      growth: i > 0 && prev > 0 ? round3((c - prev) / prev) : null,
    };
  });
  return { key, points };
}

export function trendReport(snap: AnalyticsSnapshot, options: TrendOptions = {}): TrendReport {
  const period = options.period ?? 'year';
  const t = tables(snap, period, dayBound(options.from, -Infinity), dayBound(options.to, Infinity), true);
  const periods = Array.from({ length: t.length }, (_, i) => periodLabel(t.first + i, period));
  const nSk = snap.skillCount;
  const nD = snap.domains.size;
  const projects = (i: number) => t.counts.projects[i]!;
  const measures = MEASURES.map((m) =>
    series(
      m,
      periods,
      (i) => t.counts[m][i]!,
      (i) => (m === 'projects' ? t.personDays[i]! : 0),
      m === 'freelance-tech-data' ? (i) => t.counts[m][i]! : projects,
    ),
  );
  const domains: TrendSeries[] = [];
  for (let d = 0; d < nD; d++) {
    let any = 0;
    for (let i = 0; i < t.length; i++) any += t.domainCount[i * nD + d]!;
    if (!any) continue;
    domains.push(
      series(
        snap.domains.names[d]!,
        periods,
        (i) => t.domainCount[i * nD + d]!,
        (i) => t.domainPd[i * nD + d]!,
        projects,
      ),
    );
  }
  // Skills: those asked for, else the most required over the range.
  let codes: number[];
  if (options.skills?.length) codes = options.skills.map((id) => snap.skills.find(id)).filter((c) => c >= 0);
  else {
    const totals: { sk: number; n: number }[] = [];
    for (let sk = 0; sk < nSk; sk++) {
      let n = 0;
      for (let i = 0; i < t.length; i++) n += t.skillCount[i * nSk + sk]!;
      if (n > 0) totals.push({ sk, n });
    }
    const ids = snap.skills.names;
    totals.sort((a, b) => b.n - a.n || (ids[a.sk]! < ids[b.sk]! ? -1 : 1));
    codes = totals.slice(0, options.topSkills ?? 10).map((x) => x.sk);
  }
  const skills = codes.map((sk) =>
    series(
      snap.skills.names[sk]!,
      periods,
      (i) => t.skillCount[i * nSk + sk]!,
      (i) => t.skillPd[i * nSk + sk]!,
      projects,
    ),
  );

  // Emerging skills in the current period against the previous one.
  const emerging: EmergingSkill[] = [];
  let cur = options.current ? periods.indexOf(options.current) : -1;
  if (cur < 0) for (let i = t.length - 1; i >= 0 && cur < 0; i--) if (t.counts.projects[i]! > 0) cur = i;
  if (cur > 0) {
    const minCount = options.emerging?.minCount ?? 3;
    const maxBase = options.emerging?.maxBaseShare ?? 0.05;
    const minGrowth = options.emerging?.minGrowth ?? 1;
    const prev = cur - 1;
    const nCur = t.counts.projects[cur]!;
    const nPrev = t.counts.projects[prev]!;
    for (let sk = 0; sk < nSk; sk++) {
      const c = t.skillCount[cur * nSk + sk]!;
      if (c < minCount || nCur === 0) continue;
      const p = t.skillCount[prev * nSk + sk]!;
      const sc = c / nCur;
      const sp = nPrev > 0 ? p / nPrev : 0;
      if (sp > maxBase) continue;
      const growth = sp > 0 ? sc / sp - 1 : null;
      if (growth !== null && growth < minGrowth) continue;
      emerging.push({
        skillId: snap.skills.names[sk]!,
        domain: snap.domains.names[snap.skillDomain[sk]!]!,
        previous: { period: periods[prev]!, count: p, share: round3(sp) },
        current: { period: periods[cur]!, count: c, share: round3(sc) },
        shareGrowth: growth === null ? null : round3(growth),
      });
    }
    emerging.sort(
      (a, b) =>
        (b.shareGrowth ?? Infinity) - (a.shareGrowth ?? Infinity) ||
        b.current.count - a.current.count ||
        (a.skillId < b.skillId ? -1 : 1),
    );
  }
  return { period, periods, measures, domains, skills, emerging };
}

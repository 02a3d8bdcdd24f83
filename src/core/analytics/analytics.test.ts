import { describe, expect, it } from 'vitest';
import type { Project, Talent } from '../model.js';
import type { SkillDef } from '../taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../taxonomy/taxonomy.js';
import { measureRecords, articleFigures } from './article.js';
import {
  addDays,
  dayOf,
  isoOfDay,
  periodKey,
  periodRange,
  previousPeriod,
  weekday,
  workingDays,
} from './dates.js';
import { projectPersonDays, requirementDemandsMilli } from './definitions.js';
import { gapRecords } from './drilldown.js';
import { GapEngine } from './gap-engine.js';
import { demandTable, gapReport } from './gaps.js';
import { buildSkillGraph, learningPath, pathsTo } from './skill-graph.js';
import { buildSnapshot } from './snapshot.js';
import { sourcingReason } from './sourcing-messages.js';
import { trendReport } from './trends.js';
import { DEFAULT_SOURCING, recommend, trainingPlan, upskill } from './upskilling.js';

const def = (id: string, domain: SkillDef['domain'], extra: Partial<SkillDef> = {}): SkillDef => ({
  id,
  domain,
  type: 'skill',
  en: id,
  fr: id,
  ...extra,
});

/** A tiny taxonomy: x → y → z is a cheaper path to z than x → z directly. */
const tax = buildTaxonomy([
  def('a', 'ai', { related: { b: 0.5 } }),
  def('b', 'data'),
  def('c', 'cloud'),
  def('d', 'security'),
  def('lc', 'lowcode'),
  def('open-weight-llm', 'ai'),
  def('mistral', 'ai', { broader: 'open-weight-llm' }),
  def('x', 'engineering', { related: { y: 0.8, z: 0.3 } }),
  def('y', 'engineering', { related: { z: 0.8 } }),
  def('z', 'engineering'),
]);

function talent(
  id: string,
  source: Talent['source'],
  skills: [string, number][],
  dpw: number,
  cost = 500,
): Talent {
  return {
    id,
    externalId: null,
    source,
    name: id,
    email: null,
    phone: null,
    headline: '',
    occupationId: null,
    location: 'Paris',
    remote: 'hybrid',
    languages: ['fr'],
    dailyCost: cost,
    skills: skills.map(([skillId, level]) => ({
      skillId,
      level,
      evidence: 'cv',
      years: null,
      lastUsed: null,
      evidenceDetail: null,
    })),
    industries: [],
    functions: [],
    availability: [{ start: '2024-01-01', end: '2024-12-31', daysPerWeek: dpw }],
    missions: [],
    consentAt: null,
    retainUntil: null,
  };
}

function project(
  id: string,
  status: Project['status'],
  start: string,
  end: string,
  headcount: number,
  reqs: [string, number, number, boolean][],
  extra: Partial<Project> = {},
): Project {
  return {
    id,
    externalId: null,
    name: id,
    brief: '',
    industry: 'banking',
    businessFunction: 'finance',
    archetype: 'assistant-rag',
    status,
    statusHistory: [{ status, at: start }],
    outcome: status === 'production' || status === 'stopped' ? status : null,
    startDate: start,
    endDate: end,
    budget: null,
    language: 'fr',
    requirements: reqs.map(([skillId, level, weight, must]) => ({ skillId, level, weight, must })),
    roles: [{ role: 'engineer', headcount }],
    dataSensitivity: 'internal',
    buildOrBuy: 'build',
    businessOutcome: null,
    processOwner: null,
    securityOwner: null,
    dataSources: [],
    ...extra,
  };
}

// Open: p1 (10 working days × 2 people = 20 person-days: a 15, b 5) and p3 (5 days × 1: c 5).
// Historical: p2 (production, 2023). Window (auto) = 2024-01-01 … 2024-01-12, 10 working days.
const projects = [
  project('p1', 'staffing', '2024-01-01', '2024-01-12', 2, [
    ['a', 3, 3, true],
    ['b', 2, 1, false],
  ]),
  project('p2', 'production', '2023-03-01', '2023-03-31', 1, [['a', 2, 1, true]]),
  project('p3', 'idea', '2024-01-08', '2024-01-12', 1, [['c', 4, 2, true]]),
];
// e1: employee, a at 3, full time → 10 person-days in the window. f1: freelancer, a at 4 and b at 2,
// 3 days a week → 6 person-days. e2: employee, c at 2 (below the level p3 asks), x at 3.
const talents = [
  talent('e1', 'employee', [['a', 3]], 5, 400),
  talent(
    'f1',
    'freelance',
    [
      ['a', 4],
      ['b', 2],
    ],
    3,
    900,
  ),
  talent(
    'e2',
    'employee',
    [
      ['c', 2],
      ['x', 3],
    ],
    5,
    500,
  ),
];

describe('dates', () => {
  it('converts ISO dates and counts working days', () => {
    expect(dayOf('1970-01-01')).toBe(0);
    expect(isoOfDay(dayOf('2024-02-29'))).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(weekday(dayOf('2024-01-01'))).toBe(0); // a Monday
    expect(workingDays(dayOf('2024-01-01'), dayOf('2024-01-12'))).toBe(10);
    expect(workingDays(dayOf('2024-01-06'), dayOf('2024-01-07'))).toBe(0);
    expect(workingDays(dayOf('2024-01-01'), dayOf('2024-12-31'))).toBe(262);
    expect(Number.isNaN(dayOf('not a date'))).toBe(true);
    expect(periodKey('2024-08-15', 'quarter')).toBe('2024-Q3');
    expect(previousPeriod('2024-01')).toBe('2023-12');
    expect(periodRange('2023-Q3', '2024-Q1')).toEqual(['2023-Q3', '2023-Q4', '2024-Q1']);
  });
});

describe('demand', () => {
  it('shares a project’s person-days among its skills by weight', () => {
    const p1 = projects[0]!;
    expect(projectPersonDays(p1)).toBe(20);
    expect(requirementDemandsMilli(p1)).toEqual([15_000, 5_000]);
    const engine = new GapEngine(buildSnapshot(tax, talents, projects));
    const table = demandTable(engine);
    expect(table.find((r) => r.skillId === 'a')).toEqual({
      skillId: 'a',
      domain: 'ai',
      open: 15,
      openProjects: 1,
      historical: 23, // p2: 23 working days in March 2023 × 1 person, one skill
      historicalProjects: 1,
    });
  });
});

describe('gap report', () => {
  const engine = new GapEngine(buildSnapshot(tax, talents, projects));

  it('compares open demand with the capacity of holders at the required level', () => {
    const r = gapReport(engine, { source: 'all', headlineTop: 3 });
    expect(r.window).toEqual({ from: '2024-01-01', to: '2024-01-12', workingDays: 10, auto: true });
    const a = r.rows.find((x) => x.skillId === 'a')!;
    expect(a).toMatchObject({
      demand: 15,
      requiredLevel: 3,
      holders: 2,
      supply: 16,
      shortage: 0,
      ratio: 1.067,
    });
    expect(a.employees).toEqual({ holders: 1, personDays: 10 });
    expect(a.freelancers).toEqual({ holders: 1, personDays: 6 });
    // c: e2 holds it at 2 but level 4 is required: no supply, 5 person-days short.
    const c = r.rows.find((x) => x.skillId === 'c')!;
    expect(c).toMatchObject({
      demand: 5,
      requiredLevel: 4,
      holders: 0,
      holdersAnyLevel: 1,
      supply: 0,
      shortage: 5,
    });
    // b: f1 at 2 = the level asked: 6 person-days for 5 needed.
    expect(r.rows.find((x) => x.skillId === 'b')).toMatchObject({ supply: 6, shortage: 0 });
    expect(r.rows[0]!.skillId).toBe('c'); // the largest shortage first
    expect(r.demand).toBe(25);
    expect(r.shortage).toBe(5);
  });

  it('employees alone: a is short by 5, b by 5', () => {
    const r = gapReport(engine, { source: 'employee' });
    expect(r.rows.find((x) => x.skillId === 'a')).toMatchObject({ supply: 10, shortage: 5 });
    expect(r.rows.find((x) => x.skillId === 'b')).toMatchObject({ supply: 0, shortage: 5 });
  });

  it('headline: the share of the N most demanded skills nobody holds, for any N', () => {
    const r3 = gapReport(engine, { headlineTop: 3 }).headline;
    // a 15, then b 5 and c 5 (ties by id).
    expect(r3.skills).toEqual(['a', 'b', 'c']);
    expect(r3.absentEmployees).toEqual(['b']); // e2 holds c (at level 2): held, even if below the level
    expect(r3.absentAll).toEqual([]);
    expect(r3.shareAbsentEmployees).toBe(0.333);
    const r1 = gapReport(engine, { headlineTop: 1 }).headline;
    expect(r1).toMatchObject({ skills: ['a'], shareAbsentEmployees: 0, shareAbsentAll: 0 });
  });

  it('per domain, industry and function', () => {
    const r = gapReport(engine, { by: 'industry', source: 'all' });
    expect(r.groups).toEqual([
      expect.objectContaining({ group: 'banking', demand: 25, shortage: 5, unmetShare: 0.2 }),
    ]);
    const cloud = r.domains.find((d) => d.group === 'cloud')!;
    expect(cloud).toMatchObject({ demand: 5, shortage: 5, unmetShare: 1 });
    expect(r.domains[0]!.group).toBe('cloud'); // the scarcest first
    // Specialists (level 3+): e1 in ai; f1 in ai; e2 in engineering (x at 3) — not in cloud (c at 2).
    expect(cloud.specialists).toEqual({ employee: 0, freelance: 0 });
    expect(r.domains.find((d) => d.group === 'ai')!.specialists).toEqual({ employee: 1, freelance: 1 });
  });

  it('traces every figure to its records', () => {
    const rec = gapRecords(engine, 'a', { source: 'all' })!;
    expect(rec.demand).toEqual({
      total: 15,
      count: 1,
      records: [{ projectId: 'p1', status: 'staffing', personDays: 15, level: 3, must: true }],
    });
    expect(rec.supply.total).toBe(16);
    expect(rec.supply.records.map((x) => [x.talentId, x.capacity])).toEqual([
      ['e1', 10],
      ['f1', 6],
    ]);
    expect(gapRecords(engine, 'nope')).toBeNull();
  });

  it('an explicit window clips open demand and supply to it', () => {
    const e = new GapEngine(buildSnapshot(tax, talents, projects), { from: '2024-01-08', to: '2024-01-12' });
    const r = gapReport(e, { source: 'all' });
    expect(r.window.workingDays).toBe(5);
    // p1 has 5 of its 10 working days in the window: a 7.5; e1 5 days, f1 3.
    expect(r.rows.find((x) => x.skillId === 'a')).toMatchObject({ demand: 7.5, supply: 8 });
  });
});

describe('incremental updates', () => {
  it('gives the same report as a full recomputation after talent and project changes', () => {
    const snap = buildSnapshot(tax, talents, projects);
    const engine = new GapEngine(snap);
    engine.ensure();
    const steps: (() => void)[] = [
      () => {
        const r = snap.upsertTalent(talent('e3', 'employee', [['c', 4]], 2));
        engine.applyTalent(r.previous, r.ordinal);
      },
      () => {
        const r = snap.upsertTalent(talent('e1', 'employee', [['b', 5]], 5)); // e1 changes skills
        engine.applyTalent(r.previous, r.ordinal);
      },
      () => engine.applyTalent(snap.removeTalent('f1'), -1),
      () => {
        const r = snap.upsertProject(
          project('p4', 'pilot', '2024-01-01', '2024-02-29', 1, [['d', 3, 1, true]], { industry: 'retail' }),
        );
        engine.applyProject(r.previous, r.ordinal); // moves the window: supply recomputed
      },
      () => {
        const r = snap.upsertProject({ ...projects[0]!, status: 'production', outcome: 'production' });
        engine.applyProject(r.previous, r.ordinal);
      },
    ];
    for (const step of steps) {
      step();
      const fresh = new GapEngine(snap);
      for (const source of ['employee', 'all'] as const)
        for (const by of ['industry', 'function'] as const)
          expect(gapReport(engine, { source, by, top: 50 })).toEqual(
            gapReport(fresh, { source, by, top: 50 }),
          );
    }
    const r = gapReport(engine, { top: 50 });
    expect(r.window.to).toBe('2024-02-29');
    expect(r.rows.find((x) => x.skillId === 'a')).toBeUndefined(); // p1 is no longer open
    expect(r.talents).toEqual({ employee: 3, freelance: 0 });
  });

  it('compaction keeps the same figures', () => {
    const snap = buildSnapshot(tax, talents, projects);
    for (let i = 0; i < 5; i++) snap.upsertTalent(talent('e1', 'employee', [['a', 3]], 5, 400));
    const before = gapReport(new GapEngine(snap), { top: 50, by: 'function' });
    const after = gapReport(new GapEngine(snap.compacted()), { top: 50, by: 'function' });
    expect(after).toEqual(before);
  });
});

describe('trends', () => {
  const snap = buildSnapshot(tax, talents, [
    ...projects,
    project('q1', 'idea', '2024-05-01', '2024-06-30', 1, [
      ['mistral', 3, 1, true],
      ['lc', 2, 1, false],
      ['d', 3, 1, true],
    ]),
  ]);

  it('counts projects and person-days per period, with growth', () => {
    const r = trendReport(snap, { period: 'year' });
    expect(r.periods).toEqual(['2023', '2024']);
    const all = r.measures.find((m) => m.key === 'projects')!;
    expect(all.points.map((p) => p.count)).toEqual([1, 3]);
    expect(all.points[1]!.growth).toBe(2);
    for (const k of ['open-weight', 'low-code', 'security'])
      expect(r.measures.find((m) => m.key === k)!.points.map((p) => p.count)).toEqual([0, 1]);
    const a = r.skills.find((s) => s.key === 'a')!;
    expect(a.points).toEqual([
      { period: '2023', count: 1, personDays: 23, share: 1, growth: null },
      { period: '2024', count: 1, personDays: 15, share: 0.333, growth: 0 },
    ]);
    // New in 2024 from nothing: emerging (with minCount 1).
    const em = trendReport(snap, { emerging: { minCount: 1 } }).emerging.map((e) => e.skillId);
    expect(em).toEqual(expect.arrayContaining(['b', 'c', 'd', 'lc', 'mistral']));
    expect(em).not.toContain('a');
    const q = trendReport(snap, { period: 'quarter' });
    expect(q.periods).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
  });

  it('drills down to the projects behind a point', () => {
    expect(measureRecords(snap, 'open-weight', '2024', 'year')).toEqual({
      kind: 'project',
      total: 1,
      ids: ['q1'],
    });
    expect(measureRecords(snap, 'skill:a', '2024-01', 'month').ids).toEqual(['p1']);
    expect(measureRecords(snap, 'domain:cloud', '2024', 'year').ids).toEqual(['p3']);
  });
});

describe('skill graph and upskilling', () => {
  const graph = buildSkillGraph(tax);

  it('finds the cheapest learning path (Dijkstra over transfer weights)', () => {
    const paths = pathsTo(graph, 'z')!;
    const cost = (id: string) => paths.cost[graph.index.get(id)!]!;
    // x → z directly: 1 − 0.3 = 0.7; x → y → z: 0.2 + 0.2 = 0.4.
    expect(cost('x')).toBeCloseTo(0.4, 12);
    expect(cost('y')).toBeCloseTo(0.2, 12);
    expect(cost('a')).toBe(Infinity);
    expect(learningPath(graph, paths, 'x', 12)).toEqual([
      { skillId: 'y', from: 'x', transfer: 0.8, weeks: 2.4 },
      { skillId: 'z', from: 'y', transfer: 0.8, weeks: 2.4 },
    ]);
    // Broader links count: mistral → open-weight-llm at 0.7.
    expect(pathsTo(graph, 'open-weight-llm')!.cost[graph.index.get('mistral')!]).toBeCloseTo(0.3, 12);
  });

  it('ranks the employees who could learn a skill fastest, with their plan', () => {
    const engine = new GapEngine(buildSnapshot(tax, talents, projects));
    const r = upskill(engine, graph, 'z', { level: 3 })!;
    expect(r.fromScratchWeeks).toBe(12);
    // e2 holds x at 3: 0.4 × 12 weeks × 1 (level factor at 3).
    expect(r.learners[0]).toMatchObject({
      talentId: 'e2',
      effortWeeks: 4.8,
      from: { skillId: 'x', level: 3 },
    });
    expect(r.learners[0]!.plan.map((s) => s.skillId)).toEqual(['y', 'z']);
    // e1 starts from scratch.
    expect(r.learners[1]).toMatchObject({ talentId: 'e1', effortWeeks: 12, from: null });
    // b from a (transfer 0.5) for e1 (a at 3): 0.5 × 4 weeks × level 2 = 4 weeks.
    const b = upskill(engine, graph, 'b')!;
    expect(b.requiredLevel).toBe(2);
    expect(b.learners[0]).toMatchObject({ talentId: 'e1', effortWeeks: 4 });
    expect(upskill(engine, graph, 'unknown-skill')).toBeNull();
  });

  it('recommends train, borrow or hire with its reasoning, and a whole-gap plan', () => {
    const engine = new GapEngine(buildSnapshot(tax, talents, projects));
    const c = recommend(engine, graph, 'c', 5)!;
    expect(c.unblocks).toBe(1);
    expect(c.options.map((o) => o.action)).toEqual(['train', 'borrow', 'hire']);
    expect(c.options.find((o) => o.action === 'hire')!.available).toBe(false); // 5 person-days
    // e2 holds c at 2, needs level 4: 2 levels × 4 weeks = 8 weeks on a one-week project: too late.
    expect(c.options.find((o) => o.action === 'train')).toMatchObject({ weeks: 8, covers: 0 });
    expect(c.action).toBe('borrow');
    // The reasoning in both languages, from the same figures; the unavailable hire says why.
    const en = sourcingReason(c, 'en');
    expect(en).toMatch(/^borrow: capable in \d+(\.\d)? weeks/);
    expect(en).toContain('train: 8 weeks, 0 % covered');
    expect(en).toContain(`hire: shortage under ${DEFAULT_SOURCING.hireMinPersonDays} person-days`);
    const fr = sourcingReason(c, 'fr');
    expect(fr).toMatch(/^emprunter : opérationnel en \d+(,\d)? semaines/);
    expect(fr).toContain('former : 8 semaines, 0 % couverts');
    expect(fr).toContain(`recruter : pénurie de moins de ${DEFAULT_SOURCING.hireMinPersonDays} jours-homme`);
    expect(fr).not.toMatch(/\{\w+\}/);
    const plan = trainingPlan(engine, graph, { people: 2, source: 'employee', params: DEFAULT_SOURCING });
    expect(plan.assignments.length).toBeGreaterThan(0);
    expect(plan.shareOfShortage).toBeGreaterThan(0);
    expect(plan.coverageAfter).toBeGreaterThan(plan.coverageBefore);
  });
});

describe('article figures on a hand-made history', () => {
  it('computes ratios from the records', () => {
    const ps: Project[] = [];
    for (let i = 0; i < 10; i++)
      ps.push(project(`a${i}`, 'production', '2023-02-01', '2023-03-01', 1, [['a', 3, 1, true]]));
    for (let i = 0; i < 33; i++)
      ps.push(project(`b${i}`, 'stopped', '2024-02-01', '2024-03-01', 1, [['a', 3, 1, true]]));
    const f = articleFigures(new GapEngine(buildSnapshot(tax, [], ps)));
    expect(f.growth.find((g) => g.id === 'ai-projects')).toMatchObject({
      ratio: 3.3,
      from: { count: 10 },
      to: { count: 33 },
    });
    expect(f.growth.find((g) => g.id === 'open-weight-llm')!.ratio).toBeNull();
    expect(f.production.generic).toEqual({ closed: 43, production: 10, rate: 0.233 });
  });
});

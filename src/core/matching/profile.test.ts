import { describe, expect, it } from 'vitest';
import type { Domain } from '../taxonomy/types.js';
import {
  availabilityValue,
  breadthValue,
  budgetValue,
  compileFilters,
  coversWindow,
  MAX_MISSIONS,
  passesFilters,
  profileFacts,
  profileValues,
  projectProfile,
  trackRecordValue,
  verticalValue,
  type ProfileFacts,
} from './profile.js';
import { counterfactuals } from './counterfactuals.js';
import { DEFAULT_WEIGHTS, scoreCandidate, scoringContext } from './score-candidate.js';
import type { Candidate } from './types.js';

const DOMAINS: Record<string, Domain> = {
  python: 'data',
  llm: 'ai',
  k8s: 'cloud',
  iam: 'security',
  gdpr: 'governance',
  excel: 'business',
};
const domainOf = (id: string): Domain | undefined => DOMAINS[id];

const base: Candidate = {
  id: 't1',
  name: 'Ana',
  source: 'freelance',
  skills: [],
  industries: [],
  functions: [],
  missions: [],
  availability: [],
  dailyCost: 600,
  languages: ['fr', 'EN'],
  location: 'Montréal ',
  remote: 'remote',
};

// 2026-03-02 is a Monday: four weeks of working days, 20.
const project = projectProfile({
  industry: 'banking',
  businessFunction: 'finance',
  startDate: '2026-03-02',
  endDate: '2026-03-29',
  budget: 24000,
  roles: [
    { role: 'x', headcount: 1 },
    { role: 'y', headcount: 1 },
  ],
});

const facts = (c: Partial<Candidate>): ProfileFacts => profileFacts({ ...base, ...c }, domainOf);

describe('profile facts and values', () => {
  it('reads industries and functions declared and through missions, and counts known outcomes', () => {
    const f = facts({
      industries: ['retail'],
      functions: ['hr'],
      missions: [
        { industry: 'banking', businessFunction: null, outcome: 'production' },
        { industry: null, businessFunction: 'finance', outcome: null },
        { industry: null, businessFunction: null, outcome: 'stopped' },
      ],
    });
    expect(f.industries).toBe((1 << 2) | (1 << 0));
    expect(f.functions).toBe((1 << 2) | (1 << 1));
    expect([f.missions, f.production]).toEqual([2, 1]);
    expect(verticalValue(f, project)).toBe(1);
    expect(verticalValue(facts({ industries: ['banking'] }), project)).toBe(0.5);
    expect(verticalValue(facts({}), project)).toBe(0);
    const many = facts({
      missions: Array.from({ length: 400 }, () => ({
        industry: null,
        businessFunction: null,
        outcome: 'production' as const,
      })),
    });
    expect([many.missions, many.production]).toEqual([MAX_MISSIONS, MAX_MISSIONS]);
  });

  it('smooths the track record: no history is 0.3, one success 0.53', () => {
    expect(trackRecordValue(facts({}))).toBeCloseTo(0.3, 12);
    expect(
      trackRecordValue(
        facts({ missions: [{ industry: null, businessFunction: null, outcome: 'production' }] }),
      ),
    ).toBeCloseTo(1.6 / 3, 12);
  });

  it('counts the working days a talent can give, full time without windows', () => {
    expect(project.window.workingDays).toBe(20);
    expect(availabilityValue(facts({}), project)).toBe(1);
    const half = facts({ availability: [{ start: '2026-01-01', end: '2026-12-31', daysPerWeek: 2.5 }] });
    expect(availabilityValue(half, project)).toBe(0.5);
    const twoWeeks = facts({ availability: [{ start: '2026-03-16', end: '2026-06-30', daysPerWeek: 5 }] });
    expect(availabilityValue(twoWeeks, project)).toBe(0.5);
    const away = facts({ availability: [{ start: '2026-05-01', end: '2026-06-30', daysPerWeek: 5 }] });
    expect(availabilityValue(away, project)).toBe(0);
  });

  it('fits the budget per person-day, linearly to nothing at twice it', () => {
    // 24,000 € for 2 people × 20 days: 600 € a person-day.
    expect(project.targetRate).toBe(600);
    expect(budgetValue(facts({ dailyCost: 600 }), project)).toBe(1);
    expect(budgetValue(facts({ dailyCost: 900 }), project)).toBeCloseTo(0.5, 12);
    expect(budgetValue(facts({ dailyCost: 1500 }), project)).toBe(0);
    expect(budgetValue(facts({ dailyCost: 5000 }), { ...project, targetRate: null })).toBe(1);
  });

  it('counts core domains at level 3 or more, the last claim of a skill winning', () => {
    const f = (skills: [string, number][]) =>
      facts({ skills: skills.map(([skillId, level]) => ({ skillId, level, evidence: null })) });
    expect(breadthValue(f([['python', 5]]))).toBe(0);
    expect(
      breadthValue(
        f([
          ['python', 5],
          ['llm', 3],
        ]),
      ),
    ).toBeCloseTo(1 / 3, 12);
    expect(
      breadthValue(
        f([
          ['python', 5],
          ['llm', 3],
          ['k8s', 4],
          ['iam', 3],
          ['gdpr', 3],
        ]),
      ),
    ).toBe(1);
    // Below the level, outside the core domains, or claimed again lower: no domain.
    expect(
      f([
        ['python', 2],
        ['excel', 5],
        ['llm', 4],
        ['llm', 1],
      ]).domains,
    ).toBe(0);
    expect(profileValues(f([]), project)).toEqual({
      vertical: 0,
      trackRecord: 0.3,
      availability: 1,
      budget: 1,
      breadth: 0,
    });
  });
});

describe('filters', () => {
  it('refuses bad filters, naming them', () => {
    expect(() => compileFilters({ maxRate: -1 })).toThrow(/maxRate/);
    expect(() => compileFilters({ industries: ['space' as never] })).toThrow(/industries/);
    expect(() =>
      compileFilters({ available: { start: '2026-02-01', end: '2026-01-01', minDaysPerWeek: 1 } }),
    ).toThrow(/available.end/);
    expect(() =>
      compileFilters({ available: { start: '2026-01-01', end: '2026-02-01', minDaysPerWeek: 6 } }),
    ).toThrow(/minDaysPerWeek/);
  });

  it('passes a talent only when every filter holds', () => {
    const passes = (c: Partial<Candidate>, filters: Parameters<typeof compileFilters>[0]) => {
      const t = { ...base, ...c };
      return passesFilters(t, profileFacts(t, domainOf), compileFilters(filters));
    };
    expect(passes({}, {})).toBe(true);
    expect(passes({}, { source: 'employee' })).toBe(false);
    expect(passes({}, { maxRate: 600 })).toBe(true);
    expect(passes({}, { maxRate: 599 })).toBe(false);
    expect(passes({}, { languages: ['en', 'FR'] })).toBe(true);
    expect(passes({}, { languages: ['de'] })).toBe(false);
    expect(passes({}, { location: { place: 'montreal', remoteOk: false } })).toBe(true);
    expect(passes({ remote: 'hybrid' }, { location: { place: 'Lyon', remoteOk: true } })).toBe(false);
    expect(passes({}, { location: { place: 'Lyon', remoteOk: true } })).toBe(true);
    expect(passes({}, { industries: ['banking'] })).toBe(false);
    expect(
      passes(
        { missions: [{ industry: 'banking', businessFunction: null, outcome: null }] },
        { industries: ['banking', 'retail'] },
      ),
    ).toBe(true);
    const window = { start: '2026-03-02', end: '2026-03-13', minDaysPerWeek: 3 };
    expect(passes({}, { available: window })).toBe(true);
    expect(
      passes(
        { availability: [{ start: '2026-03-02', end: '2026-03-13', daysPerWeek: 2 }] },
        { available: window },
      ),
    ).toBe(false);
    // Two windows that cover every working day between them (the weekend gap does not count).
    const split = [
      { start: '2026-03-02', end: '2026-03-06', daysPerWeek: 3 },
      { start: '2026-03-09', end: '2026-03-20', daysPerWeek: 4 },
    ];
    expect(passes({ availability: split }, { available: window })).toBe(true);
    expect(passes({ availability: split.slice(1) }, { available: window })).toBe(false);
  });

  it('treats a period without working days as covered by any window at the capacity', () => {
    const weekend = compileFilters({
      available: { start: '2026-03-07', end: '2026-03-08', minDaysPerWeek: 2 },
    }).available!;
    expect(coversWindow([], weekend.window, 2)).toBe(true);
    expect(coversWindow([{ start: 20000, end: 20001, daysPerWeek: 1 }], weekend.window, 2)).toBe(true);
  });
});

describe('counterfactuals', () => {
  const talent: Candidate = {
    ...base,
    skills: [
      { skillId: 'python', level: 2, evidence: 'cv' },
      { skillId: 'gdpr', level: 4, evidence: 'cv' },
    ],
    availability: [{ start: '2026-03-16', end: '2026-06-30', daysPerWeek: 5 }],
  };
  const reqs = [
    { skillId: 'python', level: 4, weight: 2, must: true },
    { skillId: 'llm', level: 3, weight: 1, must: false },
    { skillId: 'excel', level: 1, weight: 1, must: false },
  ];
  const ctx = scoringContext(reqs, new Map(), DEFAULT_WEIGHTS, project);
  const f = profileFacts(talent, domainOf);

  it('gives each single change with its exact gain, best first', () => {
    const out = counterfactuals(talent, f, ctx, 10);
    const base0 = scoreCandidate(talent, f, ctx).score;
    expect(out.map((c) => c.kind)).toContain('full-availability');
    for (const c of out) {
      expect(c.gain).toBeGreaterThan(0);
      if (c.kind === 'full-availability')
        expect(c.gain).toBe(scoreCandidate(talent, { ...f, windows: [] }, ctx).score - base0);
    }
    for (let i = 1; i < out.length; i++) expect(out[i - 1]!.gain).toBeGreaterThanOrEqual(out[i]!.gain);
    expect(out.find((c) => c.skillId === 'python')).toMatchObject({ kind: 'raise-level', level: 4 });
    expect(out.find((c) => c.skillId === 'excel')).toMatchObject({ kind: 'add-skill', level: 1 });
    expect(counterfactuals(talent, f, ctx, 2)).toEqual(out.slice(0, 2));
  });

  it('counts a core domain the change brings when it knows the domains', () => {
    // llm at level 3 brings the ai domain: python stays below the level, gdpr is governance: 2 domains.
    const withDomains = counterfactuals(talent, f, ctx, 10, domainOf).find((c) => c.skillId === 'llm')!;
    const without = counterfactuals(talent, f, ctx, 10).find((c) => c.skillId === 'llm')!;
    const changed: Candidate = {
      ...talent,
      skills: [...talent.skills, { skillId: 'llm', level: 3, evidence: null }],
    };
    const rescored = scoreCandidate(changed, profileFacts(changed, domainOf), ctx).score;
    expect(withDomains.gain).toBe(rescored - scoreCandidate(talent, f, ctx).score);
    expect(withDomains.gain - without.gain).toBeCloseTo(DEFAULT_WEIGHTS.breadth / 3, 12);
  });
});

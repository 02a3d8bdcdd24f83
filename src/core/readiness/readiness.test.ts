import { describe, expect, it } from 'vitest';
import type { Requirement } from '../matching/types.js';
import type { Project } from '../model.js';
import { buildAdjacency } from '../taxonomy/adjacency.js';
import { BUILTIN_SKILLS } from '../taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../taxonomy/taxonomy.js';
import { assessReadiness } from './assess.js';
import { buildSupply, coverFromSupply, coverFromTeam, domainCoverage, supplyRowsOf } from './coverage.js';
import { daysFromIso, monthsBetween } from './dates.js';
import { DEFAULT_READINESS_WEIGHTS, readinessFacts, riskOf, scoreFacts, scoreOnly } from './factors.js';
import { renderMessage } from './messages.js';
import { detectOutcome, findMeasurable } from './outcome.js';
import { FACTOR_IDS, type ReadinessFacts } from './types.js';

const tax = buildTaxonomy(BUILTIN_SKILLS);
const adjacency = buildAdjacency(tax);
const domainOf = (id: string) => tax.byId.get(id)?.domain ?? null;
const W = DEFAULT_READINESS_WEIGHTS;

const req = (skillId: string, level = 3, must = true, weight = 3): Requirement => ({
  skillId,
  level,
  weight,
  must,
});

function project(over: Partial<Project> = {}): Project {
  return {
    id: 'p1',
    externalId: null,
    name: 'Claims assistant',
    brief: 'An assistant for claims handlers.',
    industry: 'insurance',
    businessFunction: 'customer-service',
    archetype: 'assistant-rag',
    status: 'scoping',
    statusHistory: [{ status: 'scoping', at: '2025-01-10' }],
    outcome: null,
    startDate: '2025-02-01',
    endDate: '2025-07-31',
    budget: 150_000,
    language: 'en',
    requirements: [req('rag'), req('airflow'), req('kubernetes'), req('gdpr')],
    roles: [{ role: 'ml-engineer', headcount: 2 }],
    dataSensitivity: 'personal',
    buildOrBuy: 'build',
    businessOutcome: 'cut claims handling time by 20%',
    processOwner: 'Head of claims',
    securityOwner: 'CISO',
    dataSources: ['claims database', 'policy documents'],
    ...over,
  };
}

const member = (id: string, skills: [string, number][]) => ({
  id,
  skills: skills.map(([skillId, level]) => ({ skillId, level, evidence: 'mission' })),
});

const fullTeam = [
  member('t1', [
    ['rag', 4],
    ['kubernetes', 3],
  ]),
  member('t2', [
    ['airflow', 4],
    ['gdpr', 3],
  ]),
];

function factsFor(p: Project, team = fullTeam): ReadinessFacts {
  return readinessFacts(p, {
    covers: coverFromTeam(p.requirements, team, adjacency, domainOf),
    teamSource: 'team',
    dayCost: 600,
  });
}

const score = (p: Project, team = fullTeam) => scoreFacts(factsFor(p, team), W).score;

describe('measurable outcome detection', () => {
  it.each([
    ['réduire de 30 % le temps de traitement', 'réduire de 30 %'],
    ['We want to cut handling time by 20%.', 'cut handling time by 20%'],
    ['Objectif : traiter un dossier en 2 jours au lieu de 5', '2 jours'],
    ['Productivité ×2 sur la saisie', '×2'],
    ['diviser par deux le délai de réponse', 'diviser par deux'],
    ['save 3 FTE in back office', 'save 3 FTE'],
    ['économiser 200 k€ par an', 'économiser 200 k€'],
    ['answer in under 2 minutes', '2 minutes'],
    ['10x faster onboarding', '10x'],
    ['Augmenter le taux de conversion de 5 points', 'Augmenter le taux de conversion de 5 points'],
  ])('finds a target in %j', (text, quote) => {
    expect(findMeasurable(text)).toBe(quote);
  });

  it.each([
    'Deploy in 2025 with Llama 3 and GPT-4 on Kubernetes',
    'ISO 27001 and NIS 2 compliance',
    'improve the customer experience',
    'Python3, n8n, K8s',
    'Équipe : 2 × data engineer, 1 × ML engineer. Du 2025-01-02 au 2025-06-30. Budget : 310 000 €.',
    'Team: 3 x ML engineer. A 6-month project, 4 people, budget 150k€.',
    'Sur 9 mois, avec 2 jours de formation.',
    'Budget de 300 000 € sur 6 mois.',
    'To be delivered within 6 months by 3 people.',
  ])('finds none in %j', (text) => {
    expect(findMeasurable(text)).toBeNull();
  });

  it('finds no target in any skill label or name of the taxonomy', () => {
    for (const s of BUILTIN_SKILLS) {
      const text = [s.en, s.fr, ...(s.names ?? []), ...(s.enAliases ?? []), ...(s.frAliases ?? [])].join(
        ', ',
      );
      expect(findMeasurable(text), s.id).toBeNull();
    }
  });

  it('ranks a target above a named indicator above a stated outcome', () => {
    expect(detectOutcome('réduire de 30 % les délais', '')).toMatchObject({
      kind: 'measurable',
      source: 'businessOutcome',
    });
    expect(detectOutcome(null, 'Brief: cut costs by 10%')).toMatchObject({
      kind: 'measurable',
      source: 'brief',
    });
    expect(detectOutcome('suivre le NPS', 'brief')).toMatchObject({ kind: 'kpi', text: 'NPS' });
    expect(detectOutcome('happier customers', 'brief')).toMatchObject({ kind: 'stated' });
    expect(detectOutcome(null, 'a generic chatbot')).toEqual({ kind: 'none', source: null, text: null });
  });
});

describe('dates', () => {
  it('counts days and months without Date', () => {
    expect(daysFromIso('1970-01-01')).toBe(0);
    expect(daysFromIso('2000-03-01')! - daysFromIso('2000-02-28')!).toBe(2);
    expect(daysFromIso('2024-12-31')! - daysFromIso('2024-01-01')!).toBe(365);
    expect(monthsBetween('2025-01-01', '2025-12-31')).toBeCloseTo(12, 1);
    expect(monthsBetween('2025-02-01', '2025-01-01')).toBeNull();
    expect(monthsBetween('nope', '2025-01-01')).toBeNull();
  });
});

describe('coverage', () => {
  it('credits the best member, exactly or through an adjacent skill', () => {
    const covers = coverFromTeam(
      [req('rag', 4), req('mistral', 3), req('gdpr', 3)],
      [member('a', [['rag', 2]]), member('b', [['rag', 4]])],
      adjacency,
      domainOf,
    );
    expect(covers[0]).toMatchObject({ credit: 1, via: { kind: 'exact', by: 'b', level: 4 } });
    expect(covers[2]).toMatchObject({ credit: 0, via: { kind: 'none' } });
    const d = domainCoverage(covers);
    expect(d.map((x) => x.domain)).toEqual(['ai', 'governance']);
    expect(d[1]).toMatchObject({ coverage: 0, gaps: ['gdpr'] });
  });

  it('covers from a supply summary as the best candidate per requirement would', () => {
    const pool = [member('a', [['rag', 2]]), member('b', [['rag', 3]]), member('c', [['airflow', 5]])];
    const supply = buildSupply(supplyRowsOf(pool), 3, 500);
    expect(supply.atLeast.get('rag')).toEqual([2, 2, 2, 1, 0, 0]);
    const reqs = [req('rag', 3), req('airflow', 3), req('kubernetes', 2)];
    const fromSupply = coverFromSupply(reqs, supply, adjacency, domainOf);
    const fromTeam = coverFromTeam(reqs, pool, adjacency, domainOf);
    expect(fromSupply.map((c) => c.credit)).toEqual(fromTeam.map((c) => c.credit));
    expect(fromSupply[0]!.via).toEqual({ kind: 'exact', level: 3, by: null, holders: 1 });
  });
});

describe('readiness factors', () => {
  it('the contributions add up to the score, each value in [0, 1]', () => {
    for (const p of [project(), project({ businessOutcome: null, securityOwner: null, dataSources: [] })]) {
      const r = scoreFacts(factsFor(p), W);
      expect(r.factors.map((f) => f.id)).toEqual([...FACTOR_IDS]);
      expect(r.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(r.score, 12);
      for (const f of r.factors) {
        expect(f.value).toBeGreaterThanOrEqual(0);
        expect(f.value).toBeLessThanOrEqual(1);
        expect(f.contribution).toBeCloseTo(f.value * f.weight, 12);
      }
      expect(scoreOnly(factsFor(p), W)).toBeCloseTo(r.score, 12);
    }
  });

  it('a complete, vertical, staffed project scores high', () => {
    const r = scoreFacts(factsFor(project({ buildOrBuy: 'buy' })), W);
    expect(r.score).toBeCloseTo(100, 6);
    expect(r.risk).toBe('low');
  });

  it('each factor moves the score the right way', () => {
    const base = score(project());
    const worse: [string, Partial<Project> | null, typeof fullTeam | null][] = [
      ['no measurable outcome', { businessOutcome: 'better service' }, null],
      ['no outcome at all', { businessOutcome: null }, null],
      ['no data sources', { dataSources: [] }, null],
      ['no security owner', { securityOwner: null }, null],
      ['no process owner', { processOwner: null }, null],
      [
        'too many skills',
        {
          requirements: [
            ...project().requirements,
            ...'abcdefghijklmn'.split('').map((c) => req(`x-${c}`, 2, false, 1)),
          ],
        },
        null,
      ],
      ['too short', { endDate: '2025-02-20' }, null],
      ['too long', { endDate: '2027-12-31' }, null],
      ['budget far too low', { budget: 5000 }, null],
      ['no budget', { budget: null }, null],
      ['data domain uncovered', null, [fullTeam[0]!, member('t2', [['gdpr', 3]])]],
      [
        'levels below the requirement',
        null,
        [
          member('t1', [
            ['rag', 1],
            ['kubernetes', 1],
          ]),
          member('t2', [
            ['airflow', 1],
            ['gdpr', 1],
          ]),
        ],
      ],
    ];
    for (const [what, over, team] of worse) {
      expect(score(project(over ?? {}), team ?? fullTeam), what).toBeLessThan(base);
    }
    expect(score(project({ buildOrBuy: 'hybrid' }))).toBeGreaterThan(base);
    expect(score(project({ buildOrBuy: 'buy' }))).toBeGreaterThan(score(project({ buildOrBuy: 'hybrid' })));
    // Personal data with no owner and no security/governance skill is not provided for.
    const unowned = project({ securityOwner: null, requirements: [req('rag'), req('airflow')] });
    const publicData = project({
      securityOwner: null,
      requirements: [req('rag'), req('airflow')],
      dataSensitivity: 'public',
    });
    const f1 = scoreFacts(factsFor(unowned), W).factors.find((f) => f.id === 'data')!;
    const f2 = scoreFacts(factsFor(publicData), W).factors.find((f) => f.id === 'data')!;
    expect(f1.value).toBeLessThan(f2.value);
    expect(f1.reason.key).toBe('readiness.data.named.unhandled');
  });

  it('risk levels follow the documented thresholds', () => {
    expect([100, 75, 74.9, 55, 54.9, 35, 34.9, 0].map(riskOf)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });

  it('explains each factor with the data used, in English and French', () => {
    const p = project({ securityOwner: null });
    const r = scoreFacts(factsFor(p, [fullTeam[0]!]), W);
    const label = (id: string) => tax.byId.get(id)?.labels.en.label ?? id;
    const texts = Object.fromEntries(r.factors.map((f) => [f.id, renderMessage(f.reason, 'en', label)]));
    expect(texts.vertical).toContain('cut claims handling time by 20%');
    expect(texts.team).toMatch(/2 of 4 required core domains/);
    expect(texts.team).toContain('Apache Airflow');
    expect(texts.ownership).toContain('personal');
    expect(texts.scope).toMatch(/4 required skills, 5\.9 months, 2 person\(s\)/);
    const fr = renderMessage(r.factors[0]!.reason, 'fr');
    expect(fr).toContain('résultat mesurable');
  });
});

describe('what-if', () => {
  it('picks the change that raises the score most, with the exact gain', () => {
    const p = project({ securityOwner: null });
    const f = factsFor(p);
    const r = assessReadiness(f, W);
    expect(r.best?.id).toBe('name-security-owner');
    expect(r.best!.gain).toBeCloseTo(W.ownership, 9);
    expect(r.best!.scoreAfter).toBeCloseTo(r.score + W.ownership, 9);
    const after = scoreFacts({ ...f, securityOwner: 'someone' }, W).score;
    expect(r.best!.scoreAfter).toBeCloseTo(after, 12);
  });

  it('proposes the domain specialist when a core domain is uncovered', () => {
    const p = project();
    const f = factsFor(p, [fullTeam[0]!, member('t2', [['gdpr', 3]])]);
    const r = assessReadiness(f, W);
    expect(r.best?.id).toBe('cover-data');
    expect(r.best!.message).toEqual({
      key: 'readiness.whatIf.addSpecialist',
      params: { domain: 'data', skills: ['airflow'] },
    });
    expect(r.best!.gain).toBeCloseTo(W.team / 4, 9);
    expect(renderMessage(r.best!.message, 'en')).toBe('add a specialist in data to the team (airflow)');
  });

  it('proposes a measurable outcome when that is what is missing', () => {
    const r = assessReadiness(factsFor(project({ businessOutcome: null })), W);
    expect(r.best?.id).toBe('state-measurable-outcome');
    expect(r.best!.gain).toBeCloseTo(W.vertical * 0.7, 9);
  });

  it('lists every raising change best first, and none for a perfect project', () => {
    const r = assessReadiness(
      factsFor(project({ securityOwner: null, processOwner: null, dataSources: [] })),
      W,
    );
    const gains = r.whatIf.map((c) => c.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    expect(r.whatIf.map((c) => c.id)).toEqual(
      expect.arrayContaining(['name-security-owner', 'name-process-owner', 'name-data-sources']),
    );
    const perfect = assessReadiness(factsFor(project({ buildOrBuy: 'buy' })), W);
    expect(perfect.whatIf).toEqual([]);
    expect(perfect.best).toBeNull();
  });
});

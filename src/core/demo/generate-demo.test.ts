import { describe, expect, it } from 'vitest';
import { articleFigures } from '../analytics/article.js';
import { isOpenStatus, isVertical } from '../analytics/definitions.js';
import { GapEngine } from '../analytics/gap-engine.js';
import { buildSnapshot } from '../analytics/snapshot.js';
import { extractSkills } from '../extraction/extract-skills.js';
import { buildSkillMatcher } from '../extraction/skill-matcher.js';
import { FUNCTIONS, INDUSTRIES } from '../model.js';
import { BUILTIN_SKILLS } from '../taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../taxonomy/taxonomy.js';
import { DEMO_SIZES, demoOptionsFor, generateDemo, streamDemo } from './generate-demo.js';

const tax = buildTaxonomy(BUILTIN_SKILLS);

describe('generateDemo', () => {
  it('is deterministic: same seed, same data; another seed, other data', () => {
    const a = generateDemo(tax, { talents: 200, projects: 20, seed: 42 });
    const b = generateDemo(tax, { talents: 200, projects: 20, seed: 42 });
    const c = generateDemo(tax, { talents: 200, projects: 20, seed: 43 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('makes valid records: both sources, known skills, levels 1–5, dates in order', () => {
    const { talents, projects } = generateDemo(tax, { talents: 300, projects: 40, seed: 7 });
    expect(new Set(talents.map((t) => t.source))).toEqual(new Set(['employee', 'freelance']));
    expect(new Set(talents.map((t) => t.id)).size).toBe(300);
    for (const t of talents) {
      expect(t.skills.length).toBeGreaterThan(0);
      for (const s of t.skills) {
        expect(tax.byId.has(s.skillId)).toBe(true);
        expect(s.level).toBeGreaterThanOrEqual(1);
        expect(s.level).toBeLessThanOrEqual(5);
      }
      for (const w of t.availability) expect(w.start <= w.end).toBe(true);
      for (const m of t.missions) {
        expect(m.end === null || m.start < m.end).toBe(true);
        expect(m.skills.every((s) => t.skills.some((k) => k.skillId === s))).toBe(true);
      }
    }
    for (const p of projects) {
      expect(p.requirements.some((r) => r.must)).toBe(true);
      expect(new Set(p.requirements.map((r) => r.skillId)).size).toBe(p.requirements.length);
      expect(p.startDate < p.endDate).toBe(true);
      expect(p.requirements.every((r) => tax.byId.has(r.skillId))).toBe(true);
      expect(p.statusHistory.at(-1)?.status).toBe(p.status);
      const dates = p.statusHistory.map((h) => h.at);
      expect([...dates].sort()).toEqual(dates);
      expect(p.roles.reduce((n, r) => n + r.headcount, 0)).toBeGreaterThan(0);
      expect(p.outcome === null).toBe(isOpenStatus(p.status));
    }
  });

  it('covers the ten industries, the business functions, and both kinds of project', () => {
    const { talents, projects } = generateDemo(tax, demoOptionsFor('small', 42));
    expect(talents).toHaveLength(DEMO_SIZES.small.talents);
    expect(projects).toHaveLength(DEMO_SIZES.small.projects);
    expect(new Set(projects.map((p) => p.industry))).toEqual(new Set(INDUSTRIES));
    expect(new Set(projects.map((p) => p.businessFunction))).toEqual(new Set(FUNCTIONS));
    expect(new Set(talents.flatMap((t) => t.industries))).toEqual(new Set(INDUSTRIES));
    const vertical = projects.filter(isVertical);
    expect(vertical.length).toBeGreaterThan(50);
    // Vertical projects name their owners and data sources more often than generic ones.
    const share = (ps: typeof projects, f: (p: (typeof projects)[number]) => boolean) =>
      ps.filter(f).length / ps.length;
    const generic = projects.filter((p) => !isVertical(p));
    expect(share(vertical, (p) => p.securityOwner !== null)).toBeGreaterThan(
      share(generic, (p) => p.securityOwner !== null),
    );
    expect(share(vertical, (p) => p.dataSources.length > 0)).toBeGreaterThan(
      share(generic, (p) => p.dataSources.length > 0),
    );
    expect(talents.filter((t) => t.source === 'employee')).toHaveLength(180);
    expect(talents.every((t) => t.dailyCost > 0 && t.availability.length > 0)).toBe(true);
  });

  it('writes briefs the extractor reads back', () => {
    const { projects } = generateDemo(tax, { talents: 0, projects: 60, seed: 3 });
    const matcher = buildSkillMatcher(tax);
    let found = 0;
    let total = 0;
    for (const p of projects) {
      const got = new Set(
        extractSkills(tax, matcher, p.brief, { lang: p.language }).skills.map((s) => s.skillId),
      );
      for (const r of p.requirements) {
        total++;
        if (got.has(r.skillId)) found++;
      }
    }
    expect(found / total).toBeGreaterThan(0.9);
  });

  it('streams in bounded chunks, projects first, the same records as generateDemo', () => {
    const whole = generateDemo(tax, { talents: 1234, projects: 321, seed: 5 });
    const kinds: string[] = [];
    const ids: string[] = [];
    const it = streamDemo(tax, { talents: 1234, projects: 321, seed: 5 }, 100);
    let r = it.next();
    while (!r.done) {
      expect(r.value.items.length).toBeLessThanOrEqual(100);
      kinds.push(r.value.kind);
      for (const x of r.value.items) ids.push(x.id);
      r = it.next();
    }
    expect(kinds.indexOf('talents')).toBe(kinds.lastIndexOf('projects') + 1);
    expect(ids).toEqual([...whole.projects.map((p) => p.id), ...whole.talents.map((t) => t.id)]);
    expect(r.value).toEqual(whole.facts);
  });
});

describe('the demo tells the article, computed by the analytics', () => {
  for (const seed of [42, 7]) {
    it(`small size, seed ${seed}`, () => {
      const demo = generateDemo(tax, demoOptionsFor('small', seed));
      const f = articleFigures(new GapEngine(buildSnapshot(tax, demo.talents, demo.projects)));
      const ratio = (id: string) => f.growth.find((g) => g.id === id)!.ratio!;
      expect(ratio('ai-projects')).toBeGreaterThanOrEqual(3.2); // +230 %
      expect(ratio('ai-projects')).toBeLessThanOrEqual(3.4);
      expect(ratio('open-weight-llm')).toBeCloseTo(8, 1); // ×8
      expect(ratio('low-code')).toBeCloseTo(1.4, 2); // +40 %
      expect(ratio('security-compliance')).toBeCloseTo(1.35, 2); // +35 %
      expect(ratio('freelance-tech-data')).toBeCloseTo(1.7, 2); // +70 % from 2022 to 2024
      // 40 % of the ten most demanded skills absent from the employees; freelancers close part of it.
      expect(f.absentSkills.shareAbsentEmployees).toBe(0.4);
      expect(f.absentSkills.shareAbsentAll).toBe(0.1);
      expect(f.absentSkills.absentEmployees).toEqual(expect.arrayContaining(demo.facts.absentFromEmployees));
      // Cloud, security and data are the scarcest domains.
      expect(new Set(f.scarceDomains.domains.slice(0, 3).map((d) => d.domain))).toEqual(
        new Set(['cloud', 'security', 'data']),
      );
      // 95 % of generic custom projects never reach production; vertical ones do far better.
      expect(f.production.generic.rate).toBe(0.05);
      expect(f.production.vertical.rate).toBe(0.45);
    });
  }
});

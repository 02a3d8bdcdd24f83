import { describe, expect, it } from 'vitest';
import { BUILTIN_SKILLS } from '../taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../taxonomy/taxonomy.js';
import { generateDemo } from './generate-demo.js';

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
    }
    for (const p of projects) {
      expect(p.requirements.some((r) => r.must)).toBe(true);
      expect(new Set(p.requirements.map((r) => r.skillId)).size).toBe(p.requirements.length);
      expect(p.startDate < p.endDate).toBe(true);
      expect(p.requirements.every((r) => tax.byId.has(r.skillId))).toBe(true);
    }
  });
});

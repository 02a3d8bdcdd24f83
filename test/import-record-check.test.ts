/**
 * The hand-written talent record check (src/contract/talent-record-check.ts) against zod's TalentRecord:
 * whatever the check accepts, zod accepts too, with the same output; and the check does accept valid
 * profiles (else it would only cost time). Records are demo profiles, then each mutated one field at a time
 * in the ways a file gets wrong.
 */
import { describe, expect, it } from 'vitest';
import { checkTalentRecord } from '../src/contract/talent-record-check.js';
import { TalentRecord } from '../src/contract/talents.schemas.js';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import { clone, mutations, type Obj } from './support/talent-mutations.js';

describe('talent record check', () => {
  const tax = buildTaxonomy(BUILTIN_SKILLS);
  const talents = generateDemo(tax, { talents: 12, projects: 0, seed: 5 }).talents as unknown as Obj[];

  it('accepts the valid profiles, with zod’s output', () => {
    for (const t of talents) {
      const fast = checkTalentRecord(clone(t));
      expect(fast).not.toBeNull();
      expect(fast).toEqual(TalentRecord.parse(clone(t)));
    }
  });

  it('accepts nothing zod refuses, and returns what zod returns (defaults filled)', () => {
    let accepted = 0;
    let refused = 0;
    for (const base of talents.slice(0, 4)) {
      for (const { what, make } of mutations(base)) {
        const fast = checkTalentRecord(make());
        const z = TalentRecord.safeParse(make());
        if (fast === null) {
          refused++;
          continue;
        }
        accepted++;
        expect(z.success, what).toBe(true);
        expect(fast, what).toEqual(z.data);
      }
    }
    // Both outcomes occur: the mutations do reach the check's refusals and its defaults.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(1000);
  });

  it('fills the defaults of a minimal record as zod does', () => {
    const minimal = { source: 'employee', name: 'Ada', dailyCost: 500, email: 'ada@example.org' };
    expect(checkTalentRecord(clone(minimal))).toEqual(TalentRecord.parse(clone(minimal)));
    const skill = {
      ...minimal,
      skills: [{ skillId: 'python', level: 3 }],
      missions: [{ title: 'T', start: '2024-01-01' }],
    };
    expect(checkTalentRecord(clone(skill))).toEqual(TalentRecord.parse(clone(skill)));
  });
});

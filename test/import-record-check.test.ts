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

type Obj = Record<string, unknown>;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Values that are wrong (or borderline) for one field or another. */
const ODD: unknown[] = [
  null,
  '',
  'x',
  ' ',
  0,
  -0,
  -1,
  0.5,
  2.5,
  3,
  6,
  7,
  7.5,
  80,
  81,
  1e6,
  1e6 + 1,
  Infinity,
  NaN,
  true,
  [],
  [1],
  ['fr'],
  {},
  { a: 1 },
  '2025-13-40',
  '2025-06-30',
  '2025-6-30',
  'a@b',
  'a b@c',
  'x'.repeat(61),
  'x'.repeat(101),
  'x'.repeat(201),
  'x'.repeat(301),
  'x'.repeat(321),
  'x'.repeat(2001),
  'mission',
  'employee',
  'remote',
  'banking',
  'production',
  'id with space',
  '-leading-dash',
  'ok.id:1_2-3',
];

/**
 * Every record obtained by changing one field (top level, or of the first skill, window or mission), as a
 * maker of fresh copies: the check fills defaults in place, so each side gets its own.
 */
function* mutations(base: Obj): Generator<{ what: string; make: () => unknown }> {
  const at = (path: (string | number)[], v: unknown): Obj => {
    const c = clone(base);
    let o: Record<string | number, unknown> = c;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (v === undefined) delete o[last];
    else o[last] = v;
    return c;
  };
  const fields: (string | number)[][] = [];
  for (const k of Object.keys(base)) fields.push([k]);
  fields.push(['unknownField']);
  for (const list of ['skills', 'availability', 'missions'] as const) {
    const first = (base[list] as Obj[] | undefined)?.[0];
    if (!first) continue;
    for (const k of Object.keys(first)) fields.push([list, 0, k]);
    fields.push([list, 0, 'unknownField']);
    fields.push([list, 0]);
  }
  for (const path of fields) {
    yield { what: `${path.join('.')} removed`, make: () => at(path, undefined) };
    // Set after the copy: Infinity and NaN do not survive JSON.
    for (const v of ODD) yield { what: `${path.join('.')} = ${String(v)}`, make: () => at(path, v) };
  }
  const text = `{"__proto__": {"x": 1}, ${JSON.stringify(base).slice(1)}`;
  yield { what: '__proto__ key', make: () => JSON.parse(text) as unknown };
  yield { what: 'not an object', make: () => [clone(base)] };
}

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

/**
 * Talent records gone wrong in the ways a file gets them wrong: each demo profile changed in one field (top
 * level, or of its first skill, window or mission), for the tests that compare a fast path of the import
 * with the full one (import-record-check.test.ts, import-talent-line.test.ts, import-talent-line-bytes.test.ts).
 */
import { generateDemo } from '../../src/core/demo/generate-demo.js';
import type { Taxonomy } from '../../src/core/taxonomy/types.js';

export type Obj = Record<string, unknown>;

/** Demo profiles topped up with skills out of id order, as the benchmark's lines are. */
export function profiles(tax: Taxonomy, n: number, seed: number): Obj[] {
  const ids = tax.skills.map((s) => s.id);
  return generateDemo(tax, { talents: n, projects: 0, seed }).talents.map((t, i) => {
    const held = new Set(t.skills.map((s) => s.skillId));
    const extra = ids.filter((id) => !held.has(id)).slice(i, i + 5);
    return {
      ...t,
      skills: [
        ...extra.map((skillId, k) => ({
          skillId,
          level: 1 + (k % 5),
          evidence: 'self',
          years: k === 0 ? 2.5 : null,
          lastUsed: null,
          evidenceDetail: null,
        })),
        ...t.skills,
      ],
    } as unknown as Obj;
  });
}

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

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
export function* mutations(base: Obj): Generator<{ what: string; make: () => unknown }> {
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

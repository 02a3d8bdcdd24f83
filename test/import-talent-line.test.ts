/**
 * The JSON Lines fast path (src/contract/talent-line.ts) against the full path of an import (JSON.parse,
 * the record check or zod, the taxonomy and key checks, packTalent): whatever line the fast path accepts,
 * the full path accepts too and packs to the very same texts; and the fast path does accept the lines this
 * application writes (else it would only cost time). Lines are demo profiles as JSON.stringify writes them,
 * mutated one field at a time, and then rewritten in the ways another writer spells the same JSON.
 */
import { describe, expect, it } from 'vitest';
import { packTalentLine, type PackedLine } from '../src/contract/talent-line.js';
import type { PackedTalent } from '../src/core/import/packed-talent.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import { toValid, validateTalent, type ValidTalent } from '../src/services/import-records.js';
import { clone, mutations, type Obj, profiles as demoProfiles } from './support/talent-mutations.js';

const tax = buildTaxonomy(BUILTIN_SKILLS);

/** The full path: what an import keeps of the line, or null when it rejects it. */
function full(line: string): { id: string | undefined; packed: PackedTalent; skillIds: string[] } | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const v = validateTalent({ value, issues: [], warnings: [] }, tax.byId, (f) => f);
  if (!v.record) return null;
  const kept = toValid(1, v.given, v.record) as ValidTalent;
  return {
    id: v.given ? kept.id : undefined,
    packed: kept.packed,
    skillIds: v.record.skills.map((s) => s.skillId),
  };
}

/** Compares one line on both paths; returns whether the fast path took it. */
function compare(line: string, what: string): boolean {
  const fast: PackedLine | null = packTalentLine(line, tax.byId);
  if (fast === null) return false;
  const expected = full(line);
  expect(expected, `${what}: accepted by the fast path only`).not.toBeNull();
  // toEqual on the packed texts: the same strings, character for character.
  expect(fast, what).toEqual(expected);
  return true;
}

/** Demo profiles topped up with skills out of id order, as the benchmark's lines are. */
const profiles = (n: number, seed: number): Obj[] => demoProfiles(tax, n, seed);

/** The same JSON spelt otherwise, or made invalid, as text. */
const REWRITES: [string, (line: string) => string][] = [
  ['a space before', (l) => ` ${l}`],
  ['a space after', (l) => `${l} `],
  ['spaces between tokens', (l) => l.replace(/,"/g, ', "')],
  ['an escaped letter', (l) => l.replace('"name":"', '"name":"\\u0041')],
  ['an escaped quote', (l) => l.replace('"name":"', '"name":"\\"')],
  ['an escaped lone surrogate', (l) => l.replace('"name":"', '"name":"\\ud800')],
  ['a lone surrogate', (l) => l.replace('"name":"', '"name":"\ud800')],
  ['an emoji', (l) => l.replace('"name":"', '"name":"\u{1f600}')],
  ['a control character', (l) => l.replace('"name":"', '"name":"\u0001')],
  ['a level as 2.0', (l) => l.replace(/"level":(\d)/, '"level":$1.0')],
  ['a level as 2e0', (l) => l.replace(/"level":(\d)/, '"level":$1e0')],
  ['a daily cost as 750.0', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":$1.0')],
  ['a daily cost as 7.5e2', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":$1e0')],
  ['a daily cost with a leading zero', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":0$1')],
  ['a daily cost of -0', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":-0')],
  ['a daily cost of 612.5', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":612.5')],
  ['years as 2.50', (l) => l.replace('"years":2.5', '"years":2.50')],
  ['a duplicate key', (l) => l.replace('{', '{"name":"X",')],
  ['the source after the name', (l) => l.replace(/("source":"\w+"),("name":"[^"]*")/, '$2,$1')],
  ['a trailing comma', (l) => l.replace('}],"industries"', '},],"industries"')],
  [
    'an upper-case e-mail',
    (l) => l.replace(/"email":"([^"]*)"/, (_m, e: string) => `"email":"${e.toUpperCase()}"`),
  ],
  ['no e-mail', (l) => l.replace(/"email":"[^"]*"/, '"email":null')],
  ['a skill twice', (l) => l.replace(/"skills":\[(\{[^}]*\})/, '"skills":[$1,$1')],
  ['an unknown mission skill', (l) => l.replace(/"skills":\["/, '"skills":["no-such-skill","')],
  ['a mission skill list with a trailing comma', (l) => l.replace(/("skills":\["[^\]]*")\]/, '$1,]')],
  ['another id', (l) => l.replace(/"id":"[^"]*"/, '"id":"tal-x.1"')],
  ['no id', (l) => l.replace(/"id":"[^"]*",/, '')],
  ['an id of 101 characters', (l) => l.replace(/"id":"[^"]*"/, `"id":"${'a'.repeat(101)}"`)],
  ['a second id', (l) => l.replace('{', '{"id":"tal-x.1",')],
  ['a final object', (l) => `${l}{}`],
];

describe('JSON Lines fast path for talents', () => {
  it('takes the lines this application writes, and packs them as the full path does', () => {
    let taken = 0;
    const all = [...profiles(30, 3), ...profiles(30, 4)];
    for (const [i, t] of all.entries()) if (compare(JSON.stringify(t), `profile ${i}`)) taken++;
    expect(taken).toBe(all.length);
  });

  it('takes no line the full path rejects, and packs what it takes exactly as the full path', () => {
    let taken = 0;
    let left = 0;
    for (const base of profiles(4, 7))
      for (const { what, make } of mutations(base)) {
        if (compare(JSON.stringify(make()), what)) taken++;
        else left++;
      }
    // Both outcomes occur: the mutations reach the fast path's refusals and its defaults.
    expect(taken).toBeGreaterThan(100);
    expect(left).toBeGreaterThan(1000);
  });

  it('leaves other spellings of the same JSON to the full path, or packs them the same', () => {
    const outcomes = new Map<string, boolean>();
    for (const base of profiles(6, 9)) {
      const line = JSON.stringify(base);
      for (const [what, rewrite] of REWRITES) {
        const changed = rewrite(line);
        expect(changed, `${what} changes the line`).not.toBe(line);
        outcomes.set(what, (outcomes.get(what) ?? false) || compare(changed, what));
      }
    }
    // Those it does take (same content, canonical spelling), and a sample of those it must leave.
    for (const what of ['an upper-case e-mail', 'a daily cost of 612.5', 'another id', 'no id', 'an emoji'])
      expect(outcomes.get(what), what).toBe(what !== 'an emoji');
    for (const what of ['spaces between tokens', 'an escaped letter', 'a duplicate key', 'a skill twice'])
      expect(outcomes.get(what), what).toBe(false);
  });

  it('sorts skills by code unit, ids sharing their first characters or shorter than three included', () => {
    // The sort compares a key of the first three characters before the ids themselves.
    const ids = ['abd', 'b', 'ab', 'abc', 'a!', 'ab c', 'A', 'abcd', 'a', 'Ab', 'ab!'];
    const known = new Set(ids);
    const skill = (skillId: string) => ({
      skillId,
      level: 2,
      evidence: 'self',
      years: null,
      lastUsed: null,
      evidenceDetail: null,
    });
    const record = (skillIds: string[]) => ({
      id: 'tal-1',
      externalId: null,
      source: 'employee',
      name: 'Ada',
      email: null,
      phone: null,
      headline: '',
      occupationId: null,
      location: '',
      remote: 'hybrid',
      languages: [],
      dailyCost: 500,
      skills: skillIds.map(skill),
      industries: [],
      functions: [],
      availability: [],
      missions: [],
      consentAt: null,
      retainUntil: null,
    });
    const sorted = [...ids].sort();
    const packed = packTalentLine(JSON.stringify(record(ids)), known);
    expect(packed?.skillIds).toEqual(sorted);
    expect(packed?.packed.skills).toBe(JSON.stringify(sorted.map((s) => [s, 2, 'self', null, null, null])));
    // A skill listed twice, beside others sharing its first characters, is left to the full path.
    expect(packTalentLine(JSON.stringify(record([...ids, 'abc'])), known)).toBeNull();
    expect(packTalentLine(JSON.stringify(record(['ab', 'abd', 'ab'])), known)).toBeNull();
  });

  it('packs a minimal record as the full path does (defaults)', () => {
    const minimal = { source: 'employee', name: 'Ada', dailyCost: 500, email: 'ada@example.org' };
    // Absent fields are left to the full path (which fills their defaults); written out, they are taken.
    expect(packTalentLine(JSON.stringify(clone(minimal)), tax.byId)).toBeNull();
    // In the order JSON.stringify writes a Talent.
    const written = {
      externalId: null,
      source: 'employee',
      name: 'Ada',
      email: 'ada@example.org',
      phone: null,
      headline: '',
      occupationId: null,
      location: '',
      remote: 'hybrid',
      languages: [],
      dailyCost: 500,
      skills: [],
      industries: [],
      functions: [],
      availability: [],
      missions: [],
      consentAt: null,
      retainUntil: null,
    };
    const line = JSON.stringify(written);
    expect(compare(line, 'minimal, written out')).toBe(true);
  });
});

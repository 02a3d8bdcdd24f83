import { describe, expect, it } from 'vitest';
import { createRng } from '../../random.js';
import type { Domain } from '../../taxonomy/types.js';
import { profileFacts } from '../profile.js';
import type { Candidate, HeldSkill } from '../types.js';
import { builtinWorld, makeCandidate, makePool } from './random-world.js';
import { decodeList, sortByKey, TalentIndex } from './talent-index.js';

const skill = (skillId: string, level: number, evidence: string | null = 'cv'): HeldSkill => ({
  skillId,
  level,
  evidence,
});

const DOMAINS: Record<string, Domain> = { python: 'data', sql: 'data', rag: 'ai', llm: 'ai', k8s: 'cloud' };
const domainOf = (id: string): Domain | undefined => DOMAINS[id];

/** A 64-bit FNV-1a hash (two 32-bit lanes), fed bytes and strings. */
class Hash {
  private a = 0x811c9dc5;
  private b = 0x01000193;
  byte(x: number): void {
    this.a = Math.imul(this.a ^ x, 0x01000193);
    this.b = Math.imul(this.b ^ x ^ (this.a >>> 16), 0x85ebca6b);
  }
  update(x: string | Uint8Array): void {
    if (typeof x === 'string') for (let i = 0; i < x.length; i++) this.byte(x.charCodeAt(i));
    else for (const b of x) this.byte(b);
  }
  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

/** A hash of everything an index holds that queries read: its view (columns, flags, postings, the
 * dictionaries) and its ids in ordinal order, with the exact costs. */
function indexDigest(index: TalentIndex): string {
  const h = new Hash();
  const put = (x: unknown): void => {
    if (ArrayBuffer.isView(x)) h.update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    else if (Array.isArray(x)) {
      h.update(`[${x.length}`);
      for (const y of x) put(y);
    } else if (x instanceof Map) {
      h.update(`M${x.size}`);
      for (const [k, y] of x) {
        put(k);
        put(y);
      }
    } else h.update(`${typeof x}:${JSON.stringify(x)}`);
  };
  const v = index.view();
  for (const [k, x] of Object.entries(v)) {
    h.update(k);
    if (k !== 'ids') put(x);
  }
  for (let o = 0; o < v.ordinals; o++) h.update(`${v.ids.get(o)}\u0000${index.costAt(o)}\u0000`);
  put(index.stats());
  return h.digest();
}

function talent(id: string, name: string, source: Candidate['source'], skills: HeldSkill[]): Candidate {
  return {
    id,
    name,
    source,
    skills,
    industries: [],
    functions: [],
    missions: [],
    availability: [],
    dailyCost: 500,
    languages: ['fr'],
    location: 'Paris',
    remote: 'hybrid',
  };
}

/** What the index gives back of a talent's skills: each once, at its first place, with its last claim. */
function deduplicated(skills: readonly HeldSkill[]): HeldSkill[] {
  const last = new Map<string, HeldSkill>();
  for (const s of skills) last.set(s.skillId, s);
  return [...new Set(skills.map((s) => s.skillId))].map((id) => last.get(id) as HeldSkill);
}

/** What must round-trip exactly: all but the missions and declared industries, which become facts. */
function expectSameTalent(index: TalentIndex, c: Candidate): void {
  const got = index.get(c.id) as Candidate;
  expect(got).toBeDefined();
  const { skills, missions: _m, industries: _i, functions: _f, availability: _a, ...rest } = got;
  const { skills: s0, missions: _m0, industries: _i0, functions: _f0, availability: _a0, ...rest0 } = c;
  expect(rest).toEqual(rest0);
  expect(skills).toEqual(deduplicated(s0));
  // The facts, read from the index or recomputed from its candidate, are the original's.
  const facts = profileFacts(c, domainOf);
  expect(index.facts(c.id)).toEqual(facts);
  expect(profileFacts(got, domainOf)).toEqual(facts);
}

describe('TalentIndex', () => {
  const pool: Candidate[] = [
    talent('b', 'Bea', 'employee', [skill('python', 4), skill('sql', 2.5, null)]),
    {
      ...talent('a', 'Ana', 'freelance', [skill('sql', 3), skill('rag', 5, 'mission')]),
      industries: ['banking'],
      functions: ['hr', 'it'],
      missions: [
        { industry: 'retail', businessFunction: null, outcome: 'production' },
        { industry: null, businessFunction: 'finance', outcome: null },
        { industry: 'banking', businessFunction: 'it', outcome: 'stopped' },
      ],
      availability: [
        { start: '2025-01-06', end: '2025-03-31', daysPerWeek: 2.5 },
        { start: '1965-01-01', end: '2026-01-01', daysPerWeek: 1 },
      ],
      dailyCost: 612.37,
      languages: ['FR', 'en'],
      location: 'Montréal',
      remote: 'remote',
    },
    { ...talent('é-1', '李雷', 'freelance', [skill('llm', 3, '面试')]), languages: [], location: '' },
    {
      ...talent('c', 'Céline', 'employee', [skill('python', 1), skill('llm', 2), skill('python', 5, 'self')]),
      availability: [{ start: '2025-05-01', end: '2025-04-01', daysPerWeek: 0 }],
    },
  ];

  it('gives back what it was given: skills, cost, languages, place, and the same facts', () => {
    const index = TalentIndex.build(pool, { domainOf });
    expect(index.size).toBe(4);
    for (const c of pool) expectSameTalent(index, c);
    expect(index.get('zz')).toBeUndefined();
    expect(index.has('a')).toBe(true);
    // 612.37 does not fit a Float32, the 1965 window does not fit 16 bits: both kept aside, exactly.
    expect(index.stats().aside).toBe(1);
    // The breadth reads the last claim: Céline's python is at 5, her llm at 2 (ai below the level).
    expect(index.facts('c')?.domains).toBe(0b10);
  });

  it('round-trips random talents exactly, through upserts and compaction', () => {
    const rng = createRng(3);
    const world = builtinWorld(60, rng);
    const many = Array.from({ length: 400 }, (_, i) => makeCandidate(rng, world, `r${i}`));
    const index = TalentIndex.build(many, { domainOf: world.domainOf });
    const check = (c: Candidate) => {
      const got = index.get(c.id) as Candidate;
      expect(index.facts(c.id)).toEqual(profileFacts(c, world.domainOf));
      expect(profileFacts(got, world.domainOf)).toEqual(profileFacts(c, world.domainOf));
      expect([got.dailyCost, got.languages, got.location, got.remote, got.source, got.name]).toEqual([
        c.dailyCost,
        c.languages,
        c.location,
        c.remote,
        c.source,
        c.name,
      ]);
      expect(got.skills).toEqual(deduplicated(c.skills));
    };
    many.forEach(check);
    const changed = many.slice(0, 300).map((c) => makeCandidate(rng, world, c.id));
    changed.forEach((c) => index.upsert(c));
    changed.forEach(check);
    index.compact();
    [...changed, ...many.slice(300)].forEach(check);
  });

  it('keeps the last record of an id given twice to build', () => {
    const twice = [...pool, talent('a', 'Ana 2', 'employee', [skill('go', 2)])];
    const index = TalentIndex.build(twice, { domainOf });
    expect(index.size).toBe(4);
    expectSameTalent(index, twice[4] as Candidate);
    expect(index.stats().dead).toBe(0);
  });

  it('builds the same index one talent at a time as from an array, duplicates included', () => {
    const rng = createRng(5);
    const world = builtinWorld(80, rng);
    // 600 records of 500 ids, out of id order: the later record of an id wins.
    const records = Array.from({ length: 600 }, (_, i) => makeCandidate(rng, world, `r${(i * 7) % 500}`));
    const options = { domainOf: world.domainOf };
    const built = TalentIndex.build(records, options);
    const builder = TalentIndex.builder(options);
    for (const c of records) builder.add(c);
    const streamed = builder.finish();
    function* cursor(): Generator<Candidate> {
      yield* records;
    }
    const fromIterable = TalentIndex.build(cursor(), options);
    const latest = new Map(records.map((c) => [c.id, c]));
    expect(built.size).toBe(500);
    for (const index of [streamed, fromIterable]) {
      expect(index.stats()).toEqual(built.stats());
      expect(index.view()).toEqual(built.view());
      for (const c of latest.values()) expect(index.get(c.id)).toEqual(built.get(c.id));
    }
    for (const c of latest.values()) expect(built.facts(c.id)).toEqual(profileFacts(c, world.domainOf));
    expect(() => builder.add(records[0] as Candidate)).toThrow(/already finished/);
    expect(() => builder.finish()).toThrow(/already finished/);
  });

  it('lays out a random pool exactly as before the build was made cheaper (columns, order, postings)', () => {
    // The digest of the index built by the comparison-sort cluster order and record-by-record copy
    // (commit 28ec7f7), pinned: the cheaper finish must give the same bytes in the same places. Both
    // containers are exercised (density 1/32 and a low one), and duplicate ids (tombstones at finish).
    const rng = createRng(11);
    const world = builtinWorld(120, rng);
    const pool = makePool(rng, world, 3000);
    const records = [...pool, ...pool.slice(0, 200).map((c) => makeCandidate(rng, world, c.id))];
    expect(indexDigest(TalentIndex.build(records, { domainOf: world.domainOf }))).toBe(DIGEST_DEFAULT);
    expect(
      indexDigest(TalentIndex.build(records, { domainOf: world.domainOf, bitmapDensity: 1 / 500 })),
    ).toBe(DIGEST_DENSE);
  });

  it('sorts by key stably (ties keep their order), as a comparison sort does', () => {
    const rng = createRng(3);
    for (const n of [0, 1, 5000]) {
      // Few distinct keys (many ties) over the whole 24-bit range, both 12-bit halves varying.
      const distinct = Array.from({ length: 40 }, () => rng.int(0, 2 ** 24 - 1));
      const keys = Int32Array.from({ length: n }, () => rng.pick(distinct));
      const items = Uint32Array.from({ length: n }, (_, i) => i * 3);
      const expected = [...items.keys()].sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
      expect([...sortByKey(keys, items)]).toEqual(expected.map((i) => items[i]));
    }
  });

  it('numbers talents of one domain next to each other, whatever the id order', () => {
    // Ids alternate between data and AI profiles; the AI skill's holders must end up in one run of ordinals.
    const mixed = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? talent(`m${i}`, '', 'employee', [skill('python', 3), skill('sql', 2)])
        : talent(`m${i}`, '', 'employee', [skill('rag', 3), skill('llm', 2), skill('python', 1)]),
    );
    const index = TalentIndex.build(mixed, { domainOf, bitmapDensity: 1 });
    const v = index.view();
    const holders: number[] = [];
    const rag = v.skillCode.get('rag') as number;
    decodeList(v.lists[rag] as Uint16Array, v.listLength[rag] as number, (o) => holders.push(o));
    expect(holders).toHaveLength(100);
    expect((holders[99] as number) - (holders[0] as number)).toBe(99);
    for (const c of mixed) expect(index.get(c.id)?.skills).toEqual(c.skills);
  });

  it('upserts and removes incrementally, and compacts without losing anyone', () => {
    const index = TalentIndex.build(pool, { domainOf });
    index.upsert(talent('b', 'Bea', 'freelance', [skill('rust', 3)]));
    index.upsert(talent('d', 'Dan', 'employee', []));
    expect(index.remove('c')).toBe(true);
    expect(index.remove('c')).toBe(false);
    expect(index.size).toBe(4);
    expect(index.stats()).toMatchObject({ talents: 4, ordinals: 6, dead: 2 });
    const before = ['a', 'b', 'd', 'é-1'].map((id) => [index.get(id), index.facts(id)]);
    index.compact();
    expect(index.stats()).toMatchObject({ talents: 4, ordinals: 4, dead: 0 });
    expect(['a', 'b', 'd', 'é-1'].map((id) => [index.get(id), index.facts(id)])).toEqual(before);
    expect(index.get('b')?.skills).toEqual([skill('rust', 3)]);
    index.upsert(talent('c', 'Céline', 'employee', [skill('sql', 4)]));
    expect(index.get('c')?.skills).toEqual([skill('sql', 4)]);
  });

  it('recomputes breadth when the taxonomy domains change', () => {
    const index = TalentIndex.build(pool, { domainOf });
    expect(index.facts('b')?.domains).toBe(0b10);
    index.refreshDomains((id) => (id === 'python' ? 'security' : domainOf(id)));
    expect(index.facts('b')?.domains).toBe(0b1000);
    expect(index.facts('a')?.domains).toBe(0b11);
  });

  it('turns a skill list into a bitmap once it gets dense, and survives wide codes', () => {
    const index = TalentIndex.build([], { domainOf, bitmapDensity: 0.25 });
    for (let i = 0; i < 200; i++) {
      index.upsert(talent(`t${i}`, '', 'employee', [skill(i % 2 ? 'x' : `s${i}`, 1)]));
    }
    const stats = index.stats();
    expect(stats.bitmapSkills).toBe(1);
    expect(stats.listSkills).toBe(100);
    expect(index.get('t199')?.skills).toEqual([skill('x', 1)]);
    // More (level, evidence) pairs than a 16-bit code holds: the forward store widens, nothing changes.
    for (let i = 0; i < 40; i++) index.upsert(talent(`w${i}`, '', 'freelance', [skill('x', i / 8, `e${i}`)]));
    expect(index.get('t199')?.skills).toEqual([skill('x', 1)]);
    expect(index.get('w39')?.skills).toEqual([skill('x', 39 / 8, 'e39')]);
  });

  it('keeps gap lists exact across long gaps (escapes)', () => {
    const index = TalentIndex.build([], { domainOf, bitmapDensity: 1 });
    const rare: string[] = [];
    for (let i = 0; i < 140000; i++) {
      const id = `t${String(i).padStart(6, '0')}`;
      const withRare = i === 3 || i === 70000 || i === 139999;
      if (withRare) rare.push(id);
      index.upsert(talent(id, '', 'employee', withRare ? [skill('rare', 2)] : []));
    }
    expect(rare.map((id) => index.get(id)?.skills)).toEqual(rare.map(() => [skill('rare', 2)]));
  });

  it('stays compact: under 150 bytes a talent of twenty skills, ids and names included', () => {
    const rng = createRng(9);
    const world = builtinWorld(400, rng);
    const many: Candidate[] = [];
    for (let i = 0; i < 20000; i++) {
      const skills = [];
      for (let k = 0; k < 20; k++)
        skills.push(skill(world.skills[(i * 31 + k * 17) % 400] as string, 1 + (k % 5)));
      const c = makeCandidate(rng, world, `t${String(i).padStart(6, '0')}`);
      many.push({ ...c, name: `n${i}`, skills });
    }
    const stats = TalentIndex.build(many, { domainOf: world.domainOf }).stats();
    expect(stats.heldSkills).toBe(400000);
    expect(stats.typedArrayBytes / many.length).toBeLessThan(150);
  });
});

const DIGEST_DEFAULT = '6ac7f4569cc27efa';
const DIGEST_DENSE = 'a5c44751325caf04';

/**
 * The byte scanner (src/contract/talent-line-bytes.ts) against the string one (src/contract/talent-line.ts):
 * on every line, packTalentBytes says yes exactly when packTalentLine does, and then writes each packed
 * field as the UTF-8 bytes of packTalentLine's value (0x01 for null), with the skills' table indexes in
 * packTalentLine's order; on no, it leaves the output as it was. Lines are demo profiles, mutated one field
 * at a time (test/support/talent-mutations.ts), rewritten as other writers spell JSON, and given non-ASCII
 * text, 4-byte characters and lengths at their bounds. Each line is scanned inside a larger buffer, between
 * bytes that would extend a match, so that reading past `end` shows.
 */
import { describe, expect, it } from 'vitest';
import { FieldOut, packTalentBytes, RECORD_FIELDS, SkillTable } from '../src/contract/talent-line-bytes.js';
import { fieldsOfPackedLine } from '../src/contract/packed-fields.js';
import { packTalentLine, type PackedLine } from '../src/contract/talent-line.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import { mutations, type Obj, profiles as demoProfiles } from './support/talent-mutations.js';

const tax = buildTaxonomy(BUILTIN_SKILLS);
const table = new SkillTable(tax.skills.map((s) => s.id));
const known = new Set(table.ids);

describe('SkillTable', () => {
  it('finds each id by its bytes, anywhere in a buffer, and no other', () => {
    const ids = ['a', 'ab', 'abc', 'é', '语言', 'x'.repeat(40), ...table.ids.slice(0, 50)];
    const t = new SkillTable(ids);
    for (const [i, id] of ids.entries()) {
      const buf = Buffer.from(`"${id}"`);
      expect(t.find(buf, 1, buf.length - 1), id).toBe(i);
      expect(t.has(id), id).toBe(true);
    }
    for (const other of ['', 'abcd', 'b', 'e', 'x'.repeat(39), '语'])
      expect([t.find(Buffer.from(other), 0, Buffer.byteLength(other)), t.has(other)], other).toEqual([
        -1,
        false,
      ]);
    // Ranks follow JS string order.
    const sorted = [...ids].sort();
    expect(
      Array.from(t.rank, (r, i) => [r, ids[i]])
        .sort((x, y) => (x[0] as number) - (y[0] as number))
        .map((x) => x[1]),
    ).toEqual(sorted);
  });
});

/** The fields packTalentBytes writes, from packTalentLine's result (null for a null value). */
function expectedFields(p: PackedLine): (string | null)[] {
  const fields = fieldsOfPackedLine(p);
  expect(fields).toHaveLength(RECORD_FIELDS);
  return fields;
}

const bytesOf = (v: string | null): Buffer => (v === null ? Buffer.from([1]) : Buffer.from(v, 'utf8'));

/** Bytes around a line in its buffer: each would let a scanner reading past `end` match more. */
const BEFORE = Buffer.from('{"id":"x",');
const AFTER = Buffer.from('}]"0,"x"}');

/** What was written for each record taken, checked again at the end (after the output grew). */
interface Written {
  what: string;
  firstField: number;
  fields: (string | null)[];
}

class Checker {
  readonly out: FieldOut;
  readonly written: Written[] = [];
  taken = 0;
  left = 0;

  constructor(
    readonly skills: SkillTable = table,
    readonly knownIds: ReadonlySet<string> = known,
  ) {
    this.out = new FieldOut();
  }

  /** Compares the two scanners on one line; returns whether it was taken. */
  check(line: string, what: string, after: Uint8Array = AFTER): boolean {
    const bytes = Buffer.from(line, 'utf8');
    // The caller hands over valid UTF-8: what packTalentLine sees is those bytes decoded (a lone surrogate
    // in `line` is U+FFFD in them).
    const expected = packTalentLine(bytes.toString('utf8'), this.knownIds);
    const buf = Buffer.concat([BEFORE, bytes, after]);
    const start = BEFORE.length;
    const end = start + bytes.length;
    const out = this.out;
    const used = out.used;
    const fields = out.fields;
    const taken = packTalentBytes(buf, start, end, this.skills, out);
    if (taken !== (expected !== null))
      expect.fail(`${what}: taken by ${taken ? 'packTalentBytes' : 'packTalentLine'} only`);
    if (expected === null) {
      if (out.used !== used || out.fields !== fields)
        expect.fail(`${what}: output changed on false (${out.used}/${out.fields} for ${used}/${fields})`);
      this.left++;
      return false;
    }
    expect(out.fields, what).toBe(fields + RECORD_FIELDS);
    if (fields > 0) expect(out.ends[fields - 1], what).toBe(used);
    const values = expectedFields(expected);
    this.fieldsMatch(fields, values, what);
    const ids = Array.from(out.skills.subarray(0, out.skillCount), (i) => this.skills.ids[i]);
    expect(ids, `${what}: skill indexes`).toEqual(expected.skillIds);
    this.written.push({ what, firstField: fields, fields: values });
    this.taken++;
    return true;
  }

  fieldsMatch(first: number, values: (string | null)[], what: string): void {
    const out = this.out;
    for (const [k, v] of values.entries()) {
      const s = first + k === 0 ? 0 : (out.ends[first + k - 1] as number);
      const e = out.ends[first + k] as number;
      const got = Buffer.from(out.bytes.buffer, out.bytes.byteOffset + s, e - s);
      const want = bytesOf(v);
      // Buffer.equals first: expect's deep equality on every field of thousands of lines is slow.
      if (!got.equals(want)) expect(got.toString('hex'), `${what}: field ${k}`).toBe(want.toString('hex'));
    }
  }

  /** Every record written is still intact (the output grew meanwhile). */
  recheck(): void {
    for (const w of this.written) this.fieldsMatch(w.firstField, w.fields, `${w.what} (again)`);
  }
}

/** Demo profiles topped up with skills out of id order, as the benchmark's lines are. */
const profiles = (n: number, seed: number): Obj[] => demoProfiles(tax, n, seed);

/** Text rewrites of a line: other spellings, other characters, other numbers. */
const REWRITES: [string, (line: string) => string][] = [
  ['a space before', (l) => ` ${l}`],
  ['a space after', (l) => `${l} `],
  ['spaces between tokens', (l) => l.replace(/,"/g, ', "')],
  ['a tab after a colon', (l) => l.replace('"name":', '"name":\t')],
  ['an escaped letter', (l) => l.replace('"name":"', '"name":"\\u0041')],
  ['an escaped quote', (l) => l.replace('"name":"', '"name":"\\"')],
  ['an escaped slash in a headline', (l) => l.replace('"headline":"', '"headline":"\\/')],
  ['a lone surrogate', (l) => l.replace('"name":"', '"name":"\ud800')],
  ['an emoji in the name', (l) => l.replace('"name":"', '"name":"\u{1f600}')],
  ['an emoji in the location', (l) => l.replace('"location":"', '"location":"\u{1f680}')],
  [
    'an emoji in an evidence detail',
    (l) => l.replace('"evidenceDetail":null', '"evidenceDetail":"ok \u{1f44d}"'),
  ],
  ['a CJK character beyond the BMP', (l) => l.replace('"name":"', '"name":"\u{20000}')],
  ['a control character', (l) => l.replace('"name":"', '"name":"\u0001')],
  ['a DEL character', (l) => l.replace('"name":"', '"name":"\u007f')],
  ['a non-ASCII name', (l) => l.replace(/"name":"[^"]*"/, '"name":"Élodie Ngô — 李小龍"')],
  ['a non-ASCII headline', (l) => l.replace(/"headline":"[^"]*"/, '"headline":"Ingénieure données · 数据"')],
  ['a non-ASCII location', (l) => l.replace(/"location":"[^"]*"/, '"location":"Zürich"')],
  [
    'a non-ASCII evidence detail',
    (l) => l.replace('"evidenceDetail":null', '"evidenceDetail":"Projet réalisé — 完成"'),
  ],
  ['a non-ASCII mission title', (l) => l.replace(/"title":"/, '"title":"Refonte — ')],
  [
    'a non-ASCII organization',
    (l) => l.replace(/"organization":"[^"]*"/, '"organization":"Société Générale"'),
  ],
  ['a no-break space in the name', (l) => l.replace('"name":"', '"name":"\u00a0')],
  [
    'an upper-case e-mail',
    (l) => l.replace(/"email":"([^"]*)"/, (_m, e: string) => `"email":"${e.toUpperCase()}"`),
  ],
  ['a non-ASCII upper-case e-mail', (l) => l.replace(/"email":"[^"]*"/, '"email":"ÉLODIE.NGÔ@EXAMPLE.ORG"')],
  ['an e-mail lowercased longer', (l) => l.replace(/"email":"[^"]*"/, '"email":"İSTANBUL@EXAMPLE.ORG"')],
  ['an e-mail with a no-break space', (l) => l.replace(/"email":"[^"]*"/, '"email":"a\u00a0b@example.org"')],
  ['an e-mail with a BOM', (l) => l.replace(/"email":"[^"]*"/, '"email":"\ufeffab@example.org"')],
  [
    'an e-mail with an ideographic space',
    (l) => l.replace(/"email":"[^"]*"/, '"email":"ab@exa\u3000mple.org"'),
  ],
  ['an e-mail with two @', (l) => l.replace(/"email":"[^"]*"/, '"email":"a@b@c"')],
  ['an e-mail ending with @', (l) => l.replace(/"email":"[^"]*"/, '"email":"ab@"')],
  ['an e-mail starting with @', (l) => l.replace(/"email":"[^"]*"/, '"email":"@ab"')],
  ['an e-mail with a space', (l) => l.replace(/"email":"[^"]*"/, '"email":"a b@c"')],
  ['an empty e-mail', (l) => l.replace(/"email":"[^"]*"/, '"email":""')],
  ['no e-mail', (l) => l.replace(/"email":"[^"]*"/, '"email":null')],
  [
    'no e-mail, id nor external id',
    (l) => l.replace(/"email":"[^"]*"/, '"email":null').replace(/"id":"[^"]*",/, ''),
  ],
  [
    'an external id only',
    (l) =>
      l
        .replace(/"email":"[^"]*"/, '"email":null')
        .replace(/"id":"[^"]*",/, '')
        .replace('"externalId":null', '"externalId":"ext-é1"'),
  ],
  ['an empty external id', (l) => l.replace('"externalId":null', '"externalId":""')],
  ['a level as 2.0', (l) => l.replace(/"level":(\d)/, '"level":$1.0')],
  ['a level of 6', (l) => l.replace(/"level":(\d)/, '"level":6')],
  ['a level of 0', (l) => l.replace(/"level":(\d)/, '"level":0')],
  ['a daily cost as 750.0', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":$1.0')],
  ['a daily cost as 1e3', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":1e3')],
  ['a daily cost as 1E3', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":1E3')],
  ['a daily cost as 1e+3', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":1e+3')],
  ['a daily cost with a leading zero', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":0$1')],
  ['a daily cost of -0', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":-0')],
  ['a daily cost of 0', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":0')],
  ['a daily cost of -1', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":-1')],
  ['a daily cost of 612.5', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":612.5')],
  ['a daily cost of 0.5', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":0.5')],
  ['a daily cost of 1000000', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":1000000')],
  ['a daily cost of 1000001', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":1000001')],
  ['a daily cost of 999999999', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":999999999')],
  ['a daily cost of 1.', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":1.')],
  ['a daily cost of .5', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":.5')],
  ['a daily cost of 1e', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":1e')],
  ['a daily cost of +1', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":+1')],
  ['a daily cost of 0x10', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":0x10')],
  ['a daily cost as a string', (l) => l.replace(/"dailyCost":(\d+)/, '"dailyCost":"$1"')],
  ['years as 2.50', (l) => l.replace('"years":2.5', '"years":2.50')],
  ['years as 1e-7', (l) => l.replace('"years":2.5', '"years":1e-7')],
  ['years as 80', (l) => l.replace('"years":2.5', '"years":80')],
  ['years as 80.5', (l) => l.replace('"years":2.5', '"years":80.5')],
  ['years as -0', (l) => l.replace('"years":2.5', '"years":-0')],
  ['days a week as 7.5', (l) => l.replace(/"daysPerWeek":\d+(\.\d+)?/, '"daysPerWeek":7.5')],
  ['days a week as 0', (l) => l.replace(/"daysPerWeek":\d+(\.\d+)?/, '"daysPerWeek":0')],
  ['days a week as 1E0', (l) => l.replace(/"daysPerWeek":\d+(\.\d+)?/, '"daysPerWeek":1E0')],
  ['days a week as 2.5', (l) => l.replace(/"daysPerWeek":\d+(\.\d+)?/, '"daysPerWeek":2.5')],
  ['a date with letters', (l) => l.replace(/"start":"\d{4}/, '"start":"20x5')],
  ['a short date', (l) => l.replace(/"start":"(\d{4})-(\d{2})/, '"start":"$1-$2-1')],
  ['a consent date', (l) => l.replace('"consentAt":null', '"consentAt":"2025-01-02"')],
  ['a retention date', (l) => l.replace('"retainUntil":null', '"retainUntil":"2031-12-31"')],
  ['a consent of 11 characters', (l) => l.replace('"consentAt":null', '"consentAt":"2025-01-021"')],
  ['a duplicate key', (l) => l.replace('{', '{"name":"X",')],
  ['the source after the name', (l) => l.replace(/("source":"\w+"),("name":"[^"]*")/, '$2,$1')],
  ['a trailing comma in skills', (l) => l.replace('}],"industries"', '},],"industries"')],
  ['a trailing comma in languages', (l) => l.replace(/"languages":\[([^\]]+)\]/, '"languages":[$1,]')],
  ['no languages', (l) => l.replace(/"languages":\[[^\]]*\]/, '"languages":[]')],
  ['a language in upper case', (l) => l.replace(/"languages":\[[^\]]*\]/, '"languages":["FR"]')],
  ['a language of three letters', (l) => l.replace(/"languages":\[[^\]]*\]/, '"languages":["fra"]')],
  ['no skills', (l) => l.replace(/"skills":\[\{.*?\}\],"industries"/, '"skills":[],"industries"')],
  ['no industries', (l) => l.replace(/"industries":\[[^\]]*\]/, '"industries":[]')],
  ['an unknown industry', (l) => l.replace(/"industries":\[[^\]]*\]/, '"industries":["farming"]')],
  ['industries twice', (l) => l.replace(/"industries":\[[^\]]*\]/, '"industries":["banking","banking"]')],
  ['no functions', (l) => l.replace(/"functions":\[[^\]]*\]/, '"functions":[]')],
  ['an industry cut short', (l) => l.replace(/"industries":\[[^\]]*\]/, '"industries":["bank"]')],
  ['no availability', (l) => l.replace(/"availability":\[[^\]]*\]/, '"availability":[]')],
  ['no missions', (l) => l.replace(/"missions":\[.*\],"consentAt"/, '"missions":[],"consentAt"')],
  ['a skill twice', (l) => l.replace(/"skills":\[(\{[^}]*\})/, '"skills":[$1,$1')],
  ['an unknown skill', (l) => l.replace(/"skillId":"[^"]*"/, '"skillId":"no-such-skill"')],
  ['a skill id cut short', (l) => l.replace(/"skillId":"([^"]*)."/, '"skillId":"$1"')],
  ['a skill id with an extra letter', (l) => l.replace(/"skillId":"([^"]*)"/, '"skillId":"$1x"')],
  ['an unknown mission skill', (l) => l.replace(/"skills":\["/, '"skills":["no-such-skill","')],
  ['a mission skill twice', (l) => l.replace(/"skills":\["([^"]*)"/, '"skills":["$1","$1"')],
  ['no mission skills', (l) => l.replace(/"skills":\["[^\]]*\]/, '"skills":[]')],
  ['a mission skill list with a trailing comma', (l) => l.replace(/("skills":\["[^\]]*")\]/, '$1,]')],
  ['an unknown outcome', (l) => l.replace(/"outcome":(null|"[^"]*")/, '"outcome":"done"')],
  ['a null outcome', (l) => l.replace(/"outcome":(null|"[^"]*")/, '"outcome":null')],
  ['an outcome', (l) => l.replace(/"outcome":(null|"[^"]*")/, '"outcome":"pilot"')],
  ['another id', (l) => l.replace(/"id":"[^"]*"/, '"id":"tal-x.1"')],
  ['an id of 100 characters', (l) => l.replace(/"id":"[^"]*"/, `"id":"${'a'.repeat(100)}"`)],
  ['an id of 101 characters', (l) => l.replace(/"id":"[^"]*"/, `"id":"${'a'.repeat(101)}"`)],
  ['an id starting with a dot', (l) => l.replace(/"id":"[^"]*"/, '"id":".a"')],
  ['an id with a non-ASCII letter', (l) => l.replace(/"id":"[^"]*"/, '"id":"tal-é"')],
  ['an empty id', (l) => l.replace(/"id":"[^"]*"/, '"id":""')],
  ['a null id', (l) => l.replace(/"id":"[^"]*"/, '"id":null')],
  ['no id', (l) => l.replace(/"id":"[^"]*",/, '')],
  ['a second id', (l) => l.replace('{', '{"id":"tal-x.1",')],
  ['a final object', (l) => `${l}{}`],
  ['a missing final brace', (l) => l.slice(0, -1)],
  ['a CR at the end', (l) => `${l}\r`],
];

describe('packTalentBytes against packTalentLine', () => {
  it('takes the lines this application writes, with the same fields, several to one output', () => {
    const c = new Checker();
    const all = [...profiles(40, 3), ...profiles(40, 4)];
    for (const [i, t] of all.entries()) c.check(JSON.stringify(t), `profile ${i}`);
    expect(c.taken).toBe(all.length);
    // 80 records of ≈ 3 KB: the output (64 KiB at first) has grown, and kept what it held.
    expect(c.out.bytes.length).toBeGreaterThan(1 << 16);
    c.recheck();
    c.out.reset();
    expect([c.out.used, c.out.fields]).toEqual([0, 0]);
  });

  it('agrees on every line of a profile mutated one field at a time', () => {
    const c = new Checker();
    for (const base of profiles(4, 7))
      for (const { what, make } of mutations(base)) c.check(JSON.stringify(make()), what);
    // Both outcomes occur: the mutations reach refusals and acceptances alike.
    expect(c.taken).toBeGreaterThan(100);
    expect(c.left).toBeGreaterThan(1000);
    c.recheck();
  });

  it('agrees on other spellings, non-ASCII text, 4-byte characters, numbers and lists', () => {
    const c = new Checker();
    const outcomes = new Map<string, boolean>();
    for (const base of profiles(8, 9)) {
      const line = JSON.stringify(base);
      for (const [what, rewrite] of REWRITES) {
        const changed = rewrite(line);
        if (changed === line) continue;
        outcomes.set(what, (outcomes.get(what) ?? false) || c.check(changed, what));
      }
    }
    c.recheck();
    // Both kinds are reached (so the comparisons above are not vacuous).
    const taken = [
      'a non-ASCII name',
      'a non-ASCII evidence detail',
      'a non-ASCII upper-case e-mail',
      'an e-mail lowercased longer',
      'years as 1e-7',
      'no skills',
      'no missions',
      'an external id only',
      'an id of 100 characters',
      'no id',
    ];
    const left = [
      'an emoji in the name',
      'an emoji in an evidence detail',
      'a CJK character beyond the BMP',
      'an e-mail with a no-break space',
      'an e-mail with a BOM',
      'a daily cost as 1e3',
      'a daily cost of -0',
      'a skill twice',
      'an unknown mission skill',
      'an id of 101 characters',
      'a CR at the end',
    ];
    for (const what of taken) expect(outcomes.get(what), what).toBe(true);
    for (const what of left) expect(outcomes.get(what), what).toBe(false);
  });

  it('counts lengths in UTF-16 units: 300 and 301 of 1-, 2- and 3-byte characters', () => {
    const c = new Checker();
    const line = JSON.stringify(profiles(1, 11)[0]);
    const results: boolean[] = [];
    for (const ch of ['a', 'é', '—', '语'])
      for (const n of [0, 1, 300, 301]) {
        const v = ch.repeat(n);
        for (const [key, rest] of [
          ['name', '[^"]*'],
          ['headline', '[^"]*'],
          ['location', '[^"]*'],
          ['phone', '[^"]*'],
          ['title', '[^"]*'],
          ['organization', '[^"]*'],
        ] as const)
          results.push(
            c.check(
              line.replace(new RegExp(`"${key}":(null|"${rest}")`), `"${key}":"${v}"`),
              `${key} ${ch} × ${n}`,
            ),
          );
        results.push(
          c.check(
            line.replace('"evidenceDetail":null', `"evidenceDetail":"${ch.repeat(n * 7)}"`),
            `detail ${ch} × ${n * 7}`,
          ),
        );
        results.push(
          c.check(
            line.replace(/"email":"[^"]*"/, `"email":"${v}@${ch.repeat(318 - n > 0 ? 318 - n : 1)}"`),
            `email ${ch} ${n}`,
          ),
        );
      }
    expect(results).toContain(true);
    expect(results).toContain(false);
    c.recheck();
  });

  it('sorts skills in JS string order, non-ASCII ids included, and refuses one listed twice', () => {
    const ids = [
      'abd',
      'b',
      'ab',
      'abc',
      'a!',
      'ab c',
      'A',
      'abcd',
      'a',
      'Ab',
      'ab!',
      'é',
      'z',
      'Ω',
      '语',
      'ｚ',
      '\ue000',
    ];
    const c = new Checker(new SkillTable(ids), new Set(ids));
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
    expect(c.check(JSON.stringify(record(ids)), 'all')).toBe(true);
    expect(c.check(JSON.stringify(record([...ids].reverse())), 'all reversed')).toBe(true);
    expect(c.check(JSON.stringify(record([])), 'none')).toBe(true);
    expect(c.check(JSON.stringify(record([...ids, 'abc'])), 'abc twice')).toBe(false);
    expect(c.check(JSON.stringify(record(['ab', 'abd', 'ab'])), 'ab twice')).toBe(false);
    expect(c.check(JSON.stringify(record(['语', 'é', '语'])), '语 twice')).toBe(false);
    expect(c.check(JSON.stringify(record(['abe'])), 'unknown')).toBe(false);
    c.recheck();
  });

  it('enforces the list limits: 1000 skills, 100 windows, 500 missions, 500 held skills', () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `s${i}`);
    const c = new Checker(new SkillTable(ids), new Set(ids));
    const base = {
      id: 'tal-1',
      externalId: null,
      source: 'freelance',
      name: 'Ada',
      email: 'ada@example.org',
      phone: null,
      headline: '',
      occupationId: null,
      location: '',
      remote: 'remote',
      languages: ['fr'],
      dailyCost: 500,
      skills: [] as unknown[],
      industries: ['banking'],
      functions: ['it'],
      availability: [] as unknown[],
      missions: [] as unknown[],
      consentAt: null,
      retainUntil: null,
    };
    const skills = (n: number) =>
      ids.slice(0, n).map((skillId) => ({
        skillId,
        level: 3,
        evidence: null,
        years: 1,
        lastUsed: '2024-01-01',
        evidenceDetail: 'x',
      }));
    const windows = (n: number) =>
      Array.from({ length: n }, () => ({ start: '2025-01-01', end: '2025-02-01', daysPerWeek: 2.5 }));
    const missions = (n: number, held: number) =>
      Array.from({ length: n }, () => ({
        title: 'T',
        organization: null,
        start: '2020-01-01',
        end: null,
        industry: 'retail',
        businessFunction: null,
        skills: ids.slice(0, held),
        outcome: 'stopped',
      }));
    const results = [
      c.check(JSON.stringify({ ...base, skills: skills(1000) }), '1000 skills'),
      c.check(JSON.stringify({ ...base, skills: skills(1001) }), '1001 skills'),
      c.check(JSON.stringify({ ...base, availability: windows(100) }), '100 windows'),
      c.check(JSON.stringify({ ...base, availability: windows(101) }), '101 windows'),
      c.check(JSON.stringify({ ...base, missions: missions(500, 1) }), '500 missions'),
      c.check(JSON.stringify({ ...base, missions: missions(501, 1) }), '501 missions'),
      c.check(JSON.stringify({ ...base, missions: missions(1, 500) }), '500 held'),
      c.check(JSON.stringify({ ...base, missions: missions(1, 501) }), '501 held'),
    ];
    expect(results).toEqual([true, false, true, false, true, false, true, false]);
    c.recheck();
  });

  it('reads nothing past the end: every cut of a line is refused', () => {
    const c = new Checker();
    const line = JSON.stringify(profiles(1, 12)[0]).replace(/"name":"[^"]*"/, '"name":"Zoë"');
    const bytes = Buffer.from(line);
    let cuts = 0;
    for (let n = 0; n < bytes.length; n++) {
      // Only cuts between characters: the caller hands over valid UTF-8.
      if (((bytes[n] as number) & 0xc0) === 0x80) continue;
      // The rest of the line follows in the buffer: a scanner reading past `end` would take it.
      expect(c.check(bytes.toString('utf8', 0, n), `cut at ${n}`, bytes.subarray(n))).toBe(false);
      cuts++;
    }
    expect(cuts).toBeGreaterThan(1000);
    expect(c.check(line, 'whole')).toBe(true);
  });

  it('agrees on every one-byte change of a line: each key, bracket, comma and token', () => {
    const c = new Checker();
    const line = JSON.stringify({
      id: 'tal-1',
      externalId: 'ext-1',
      source: 'freelance',
      name: 'Zoë',
      email: 'Zoe@Example.org',
      phone: '+33 1',
      headline: 'Dév',
      occupationId: 'occ-1',
      location: 'Lyon',
      remote: 'onsite',
      languages: ['fr', 'en'],
      dailyCost: 500,
      skills: [
        { skillId: 'sql', level: 2, evidence: 'cv', years: 1.5, lastUsed: '2024-01-01', evidenceDetail: 'é' },
        { skillId: 'python', level: 5, evidence: null, years: null, lastUsed: null, evidenceDetail: null },
      ],
      industries: ['retail', 'media'],
      functions: ['it', 'hr'],
      availability: [{ start: '2025-01-01', end: '2025-02-01', daysPerWeek: 3 }],
      missions: [
        {
          title: 'T',
          organization: 'O',
          start: '2020-01-01',
          end: '2021-01-01',
          industry: 'energy',
          businessFunction: 'legal',
          skills: ['python', 'sql'],
          outcome: 'pilot',
        },
      ],
      consentAt: '2025-01-01',
      retainUntil: '2030-01-01',
    });
    expect(c.check(line, 'whole')).toBe(true);
    const bytes = Buffer.from(line);
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (b >= 0x80) continue;
      // Another byte of the same kind (letter, digit, punctuation), then a few that JSON gives a meaning.
      const others = [b === 0x78 ? 0x79 : 0x78, b === 0x31 ? 0x32 : 0x31, 0x2c, 0x22, 0x20];
      for (const o of others) {
        if (o === b) continue;
        const changed = Buffer.from(bytes);
        changed[i] = o;
        c.check(
          changed.toString('utf8'),
          `byte ${i} (${String.fromCharCode(b)}) as ${String.fromCharCode(o)}`,
        );
      }
    }
    expect(c.taken).toBeGreaterThan(100);
    expect(c.left).toBeGreaterThan(1000);
    c.recheck();
  });

  it('stops at the end of its buffer: a line cut anywhere, with nothing after it', () => {
    const c = new Checker();
    const line = JSON.stringify({
      id: 'tal-1',
      externalId: 'ext-1',
      source: 'employee',
      name: 'Zoë',
      email: 'zoe@example.org',
      phone: null,
      headline: 'Dév',
      occupationId: null,
      location: '',
      remote: 'hybrid',
      languages: ['fr'],
      dailyCost: 500,
      skills: [
        { skillId: 'python', level: 2, evidence: 'cv', years: 1.5, lastUsed: null, evidenceDetail: 'é' },
      ],
      industries: ['retail'],
      functions: ['it'],
      availability: [{ start: '2025-01-01', end: '2025-02-01', daysPerWeek: 3 }],
      missions: [],
      consentAt: '2025-01-01',
      retainUntil: null,
    });
    const bytes = Buffer.from(line);
    for (let n = 0; n < bytes.length; n++) {
      if (((bytes[n] as number) & 0xc0) === 0x80) continue;
      // A buffer of its own, ending with the cut (a scan past it would never stop, or read undefined).
      expect(c.check(bytes.toString('utf8', 0, n), `cut at ${n}`, new Uint8Array(0))).toBe(false);
    }
    expect(c.check(line, 'whole', new Uint8Array(0))).toBe(true);
  });
});

/**
 * Rows an import writes from the bytes its fast path packed (src/core/import/packed-bytes.ts: the lists bound
 * as UTF-8 bytes on SQLite, copied as they are into PostgreSQL's COPY) against rows written from strings:
 * the same talents, one file read by the byte-level fast path and one spelled so that every line takes the
 * full path (JSON.parse, the record check, packTalent), must store the very same texts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import type { PackedTalent } from '../src/core/import/packed-talent.js';
import type { Talent } from '../src/core/model.js';
import type { Context } from '../src/main/create-context.js';
import { textSource } from '../src/services/import-readers.js';
import { DIALECTS, openTestContext } from './support/databases.js';

describe.each(DIALECTS)('rows written from the fast path’s bytes on $name', (dialectCase) => {
  let ctx: Context;
  let talents: Talent[];

  beforeAll(async () => {
    ctx = await openTestContext(dialectCase);
    const { taxonomy } = await ctx.services.taxonomy.get();
    talents = generateDemo(taxonomy, { talents: 120, projects: 0, seed: 33 }).talents;
    // Non-ASCII text in the lists (2- and 3-byte characters), where bytes and strings differ in length.
    const first = talents[0] as Talent;
    const mission = first.missions[0];
    if (mission) mission.title = 'Ingénieure données — 数据 pipeline';
    const skill = first.skills[0];
    if (skill) skill.evidenceDetail = 'Certifiée « Cloud » — été 2024';
  });
  afterAll(() => ctx.close());

  /** Imports `lines` for `org`; returns every stored talent's packed form by id (the org prefix dropped). */
  const stored = async (org: string, lines: string[]): Promise<Map<string, PackedTalent>> => {
    await ctx.store.ensureOrganization(org, org, '2026-01-15T10:00:00.000Z');
    const summary = await ctx.services.imports.import(textSource('t.jsonl', lines.join('\n') + '\n'), {
      kind: 'talents',
      format: 'jsonl',
      orgId: org,
    });
    expect(summary.inserted).toBe(talents.length);
    const ids = talents.map((t) => `${org}-${t.id}`);
    const rows = await ctx.store.imports.getPackedTalents(org, ids);
    return new Map([...rows].map(([id, p]) => [id.slice(org.length + 1), { ...p, ...lists(p) }]));
  };
  // The lists of a packed talent as plain properties (they may be getters).
  const lists = (p: PackedTalent) => ({
    skills: p.skills,
    availability: p.availability,
    missions: p.missions,
  });

  it('stores the same texts as rows packed from strings', async () => {
    const own = (org: string) => talents.map((t) => ({ ...t, id: `${org}-${t.id}` }));
    const fast = await stored(
      'org-bytes',
      own('org-bytes').map((t) => JSON.stringify(t)),
    );
    // Two-space indentation on one line: no fast path takes it, JSON.parse does.
    const slow = await stored(
      'org-text',
      own('org-text').map((t) => JSON.stringify(t, null, 1).replaceAll('\n', '')),
    );
    expect(fast.size).toBe(talents.length);
    expect([...fast.keys()].sort()).toEqual([...slow.keys()].sort());
    for (const [id, p] of fast) expect(p, id).toEqual(slow.get(id));
    expect(fast.get(talents[0]?.id as string)?.missions).toContain('Ingénieure données — 数据 pipeline');
  });
});

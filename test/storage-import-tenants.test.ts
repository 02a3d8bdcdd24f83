/**
 * Ids are unique across organizations. An import into one organization that gives a record the id of
 * another organization's record must refuse that record (file, line, field), never overwrite the other's
 * row nor count it as written while writing nothing; the storage refuses such a write too. On every dialect,
 * streamed and batched, talents and projects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import type { Project, Talent } from '../src/core/model.js';
import type { Context } from '../src/main/create-context.js';
import { AuditService } from '../src/services/audit.service.js';
import { textSource } from '../src/services/import-readers.js';
import { ImportService, type ImportOptions } from '../src/services/import.service.js';
import type { PackedWriteOptions, Store } from '../src/services/ports.js';
import { DIALECTS, fixedClock, openTestContext } from './support/databases.js';
import { importText, jsonl } from './support/imports.js';

const AT = '2026-01-15T10:00:00.000Z';

describe.each(DIALECTS)('ids held by another organization on $name', (dialectCase) => {
  let ctx: Context;
  let talents: Talent[];
  let projects: Project[];
  let orgs = 0;
  /** A fresh pair: `owner` holds the first two talents and the first project, `other` holds nothing. */
  let owner: string;
  let other: string;

  const run = (org: string, content: string, options: Partial<ImportOptions> = {}) =>
    importText(ctx, org, 'file.jsonl', content, options);

  beforeAll(async () => {
    ctx = await openTestContext(dialectCase);
    const { taxonomy } = await ctx.services.taxonomy.get();
    const demo = generateDemo(taxonomy, { talents: 4, projects: 2, seed: 41 });
    // Ids of this test's own, and keys that match nothing across the organizations.
    talents = demo.talents.map((t, i) => ({ ...t, id: `ten-t${i}`, email: null, externalId: null }));
    projects = demo.projects.map((p, i) => ({ ...p, id: `ten-p${i}`, externalId: null }));
  });
  afterAll(() => ctx.close());

  const pair = async (prefix: string) => {
    const n = ++orgs;
    owner = `org-${prefix}-owner-${n}`;
    other = `org-${prefix}-other-${n}`;
    await ctx.store.ensureOrganization(owner, owner, AT);
    await ctx.store.ensureOrganization(other, other, AT);
  };

  /** Talents with this pair's ids (ids are global: each pair has its own). */
  const own = (list: Talent[]) => list.map((t) => ({ ...t, id: `${owner}-${t.id}` }));
  const ownProjects = (list: Project[]) => list.map((p) => ({ ...p, id: `${owner}-${p.id}` }));

  it('knows whether another organization holds records', async () => {
    await pair('held');
    expect(await ctx.store.imports.heldElsewhere(other, 'talents')).toBe(false);
    expect(await run(owner, jsonl(own(talents.slice(0, 2))))).toMatchObject({ inserted: 2 });
    expect(await ctx.store.imports.heldElsewhere(other, 'talents')).toBe(true);
    expect(await ctx.store.imports.heldElsewhere(owner, 'talents')).toBe(false);
    expect(await ctx.store.imports.heldElsewhere(other, 'projects')).toBe(false);
    const ids = own(talents).map((t) => t.id);
    expect((await ctx.store.imports.idsHeldElsewhere(other, 'talents', ids)).sort()).toEqual(ids.slice(0, 2));
    expect(await ctx.store.imports.idsHeldElsewhere(owner, 'talents', ids)).toEqual([]);
  });

  for (const batched of [false, true]) {
    const how = batched ? 'batched' : 'streamed';
    const mode: Partial<ImportOptions> = batched ? { batchSize: 2 } : {};

    it(`talents, ${how}: the record is refused with its line; the other organization's row is untouched`, async () => {
      await pair(`t-${how}`);
      const mine = own(talents);
      expect(await run(owner, jsonl(mine.slice(0, 2)))).toMatchObject({ inserted: 2 });
      const before = await ctx.store.talents.get(owner, mine[1]!.id);
      // Line 2 takes the owner's second id, with another name.
      const file = jsonl([mine[2], { ...mine[1], name: 'Someone Else' }, mine[3]]);

      // Streamed, a reject leaves the file unwritten; batched, it is found while batches commit (as a
      // record designating the same one as an earlier line is): the others are written.
      const refused = await run(other, file, mode);
      expect(refused).toMatchObject(
        batched
          ? { imported: true, inserted: 2, rejected: 1 }
          : { imported: false, inserted: 0, rejected: 1 },
      );
      expect(refused.rejects).toEqual([
        {
          file: 'file.jsonl',
          line: 2,
          field: 'id',
          message: `"${mine[1]!.id}" belongs to another organization`,
        },
      ]);
      expect(await ctx.store.talents.count(other)).toBe(batched ? 2 : 0);

      const skipped = await run(other, file, { ...mode, skipInvalid: true });
      expect(skipped).toMatchObject(
        batched
          ? { imported: true, unchanged: 2, rejected: 1 }
          : { imported: true, inserted: 2, rejected: 1 },
      );
      expect(await ctx.store.talents.count(other)).toBe(2);
      expect(await ctx.store.talents.get(other, mine[1]!.id)).toBeNull();
      expect(await ctx.store.talents.get(owner, mine[1]!.id)).toEqual(before);
      expect(await ctx.store.talents.count(owner)).toBe(2);
    });

    it(`projects, ${how}: the record is refused; the other organization's project is untouched`, async () => {
      await pair(`p-${how}`);
      const mine = ownProjects(projects);
      const opts = { kind: 'projects' as const, ...mode };
      expect(await run(owner, jsonl(mine.slice(0, 1)), { kind: 'projects' })).toMatchObject({ inserted: 1 });
      const before = await ctx.store.projects.get(owner, mine[0]!.id);
      const file = jsonl([mine[1], { ...mine[0], name: 'Taken over' }]);
      const refused = await run(other, file, opts);
      expect(refused).toMatchObject({ imported: batched, rejected: 1 });
      expect(refused.rejects[0]).toMatchObject({ line: 2, field: 'id' });
      expect(await run(other, file, { ...opts, skipInvalid: true })).toMatchObject({
        [batched ? 'unchanged' : 'inserted']: 1,
        rejected: 1,
      });
      expect(await ctx.store.projects.get(owner, mine[0]!.id)).toEqual(before);
      expect(await ctx.store.projects.count(other)).toBe(1);
    });
  }

  it('an import writes its rows as fresh (nothing looked up) only into a table empty in every organization', async () => {
    await pair('fresh-wiring');
    // The options each packed write of the import is given, seen through a store that records them.
    const told: (PackedWriteOptions | undefined)[] = [];
    const recording = (s: Store): Store => ({
      ...s,
      imports: new Proxy(s.imports, {
        get(t, prop) {
          if (prop === 'writePackedTalents')
            return (...a: Parameters<Store['imports']['writePackedTalents']>) => {
              told.push(a[4]);
              return t.writePackedTalents(...a);
            };
          const v: unknown = Reflect.get(t, prop, t);
          return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).bind(t) : v;
        },
      }),
      transaction: (fn, options) => s.transaction((tx) => fn(recording(tx)), options),
    });
    // A database of its own, so that its talent table starts empty.
    const alone = await openTestContext(dialectCase);
    try {
      await alone.store.ensureOrganization(owner, owner, AT);
      await alone.store.ensureOrganization(other, other, AT);
      const imports = new ImportService(
        recording(alone.store),
        alone.services.taxonomy,
        new AuditService(fixedClock()),
        fixedClock(),
      );
      const load = (org: string, list: Talent[]) =>
        imports.import(textSource('f.jsonl', jsonl(list)), { kind: 'talents', format: 'jsonl', orgId: org });
      const mine = own(talents);
      // Fresh into the empty table; not into an organization that holds talents, nor into an empty one
      // while another holds some.
      expect(await load(owner, mine.slice(0, 2))).toMatchObject({ inserted: 2 });
      expect(await load(owner, mine.slice(2, 3))).toMatchObject({ inserted: 1 });
      expect(await load(other, mine.slice(3))).toMatchObject({ inserted: 1 });
      expect(told.map((o) => o?.fresh)).toEqual([true, false, false]);
    } finally {
      await alone.close();
    }
  });

  it('a fresh write looks nothing up: a stored id is an error, never a replaced row', async () => {
    await pair('fresh');
    const mine = own(talents);
    expect(await run(owner, jsonl(mine.slice(0, 1)))).toMatchObject({ inserted: 1 });
    const id = mine[0]!.id;
    const before = await ctx.store.talents.get(owner, id);
    const [packed] = (await ctx.store.imports.getPackedTalents(owner, [id])).values();
    const rows = [{ id, packed: { ...packed!, name: 'Someone Else' } }];
    const write = (org: string) =>
      ctx.store.transaction((tx) => tx.imports.writePackedTalents(org, rows, AT, new Set(), { fresh: true }));
    // PostgreSQL copies fresh rows in without a lookup: the primary key refuses the stored id. The other
    // paths look every row up whatever the caller says: another organization's id is refused as ever.
    const copies = dialectCase.name === 'postgres';
    await expect(write(other)).rejects.toThrow(
      copies
        ? `talent "${id}" was stored by another transaction during this write`
        : `talent "${id}" belongs to another organization`,
    );
    if (copies)
      await expect(write(owner)).rejects.toThrow(`talent "${id}" was stored by another transaction`);
    expect(await ctx.store.talents.get(owner, id)).toEqual(before);
    expect(await ctx.store.talents.count(other)).toBe(0);
  });

  it('the storage refuses to write a talent or a project under another organization’s id', async () => {
    await pair('store');
    const mine = own(talents);
    expect(await run(owner, jsonl(mine.slice(0, 1)))).toMatchObject({ inserted: 1 });
    await expect(
      ctx.store.transaction((tx) => tx.imports.writeTalents(other, [{ ...mine[0]!, name: 'Other' }], AT)),
    ).rejects.toThrow(`talent "${mine[0]!.id}" belongs to another organization`);
    expect((await ctx.store.talents.get(owner, mine[0]!.id))?.name).toBe(mine[0]!.name);
    expect(await ctx.store.talents.count(other)).toBe(0);

    const project = ownProjects(projects)[0]!;
    await ctx.store.transaction((tx) => tx.projects.upsertMany(owner, [project], AT));
    const before = await ctx.store.projects.get(owner, project.id);
    await expect(
      ctx.store.transaction((tx) =>
        tx.projects.upsertMany(other, [{ ...project, name: 'Other', requirements: [] }], AT),
      ),
    ).rejects.toThrow(`project "${project.id}" belongs to another organization`);
    expect(await ctx.store.projects.get(owner, project.id)).toEqual(before);
    expect(await ctx.store.projects.count(other)).toBe(0);
  });
});

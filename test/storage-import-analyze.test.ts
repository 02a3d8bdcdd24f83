/**
 * After a large import PostgreSQL's planner statistics are refreshed (ImportStore.refreshStatistics): without
 * them the re-import of 100,000 freshly imported talents ran at 6,910 talents/s against 9,409–10,873 with
 * them, its key lookups planned for an empty table (docs/decisions/0008-byte-level-import.md). A manual
 * ANALYZE sets `last_analyze` (autovacuum sets `last_autoanalyze`, another column).
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import type { Context } from '../src/main/create-context.js';
import type { Database } from '../src/storage/schema.js';
import { textSource } from '../src/services/import-readers.js';
import { DIALECTS, openTestContext } from './support/databases.js';

const POSTGRES = DIALECTS.filter((d) => d.name !== 'sqlite');

describe.each(POSTGRES)('planner statistics after a large import on $name', (dialectCase) => {
  let ctx: Context & { db: Kysely<Database> };

  beforeAll(async () => {
    ctx = await openTestContext(dialectCase);
  });
  afterAll(() => ctx.close());

  const analysed = async (): Promise<boolean> => {
    const r = await sql<{ at: unknown }>`
      select last_analyze as at from pg_stat_user_tables
      where relname = 'talent' and schemaname = current_schema()`.execute(ctx.db);
    return r.rows[0]?.at !== null && r.rows[0]?.at !== undefined;
  };

  const file = async (n: number, seed: number) => {
    const { taxonomy } = await ctx.services.taxonomy.get();
    const { talents } = generateDemo(taxonomy, { talents: n, projects: 0, seed });
    return talents.map((t) => JSON.stringify({ ...t, id: `${seed}-${t.id}` })).join('\n') + '\n';
  };

  it('is left alone below 10,000 rows written, refreshed from 10,000', async () => {
    const small = await ctx.services.imports.import(textSource('small.jsonl', await file(50, 1)), {
      kind: 'talents',
      format: 'jsonl',
    });
    expect(small.inserted).toBe(50);
    expect(await analysed()).toBe(false);
    const large = await ctx.services.imports.import(textSource('large.jsonl', await file(10_000, 2)), {
      kind: 'talents',
      format: 'jsonl',
    });
    expect(large.inserted).toBe(10_000);
    expect(await analysed()).toBe(true);
  });
});

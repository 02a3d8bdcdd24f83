/**
 * The taxonomy's extraction matcher (≈ 200 ms to build for the built-in taxonomy) and skill name index are
 * built on first use only, once per loaded taxonomy: a JSON Lines import checks skill ids and needs neither,
 * a JSON Resume import does (its keywords are extracted, its skills named).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as SkillMatcherModule from '../src/core/extraction/skill-matcher.js';
import type * as SkillNamesModule from '../src/core/import/skill-names.js';
import { DEFAULT_ORG } from '../src/services/ports.js';
import { DIALECTS, openTestContext } from './support/databases.js';
import { importText, jsonl } from './support/imports.js';

const built = vi.hoisted(() => ({ count: 0, names: 0 }));
vi.mock('../src/core/extraction/skill-matcher.js', async (real) => {
  const actual = await real<typeof SkillMatcherModule>();
  return {
    ...actual,
    buildSkillMatcher: (...args: Parameters<typeof actual.buildSkillMatcher>) => {
      built.count++;
      return actual.buildSkillMatcher(...args);
    },
  };
});

vi.mock('../src/core/import/skill-names.js', async (real) => {
  const actual = await real<typeof SkillNamesModule>();
  return {
    ...actual,
    buildSkillNameIndex: (...args: Parameters<typeof actual.buildSkillNameIndex>) => {
      built.names++;
      return actual.buildSkillNameIndex(...args);
    },
  };
});

const sqlite = DIALECTS[0] as (typeof DIALECTS)[number];

describe('the taxonomy matcher, built on first use', () => {
  beforeEach(() => {
    built.count = 0;
    built.names = 0;
  });

  it('is not built to load the taxonomy, then once however often it is read', async () => {
    const ctx = await openTestContext(sqlite);
    try {
      const loaded = await ctx.services.taxonomy.get();
      expect(loaded.taxonomy.skills.length).toBeGreaterThan(100);
      expect(built.count).toBe(0);
      const first = loaded.matcher;
      expect(loaded.matcher).toBe(first);
      expect((await ctx.services.taxonomy.get()).matcher).toBe(first);
      expect(built.count).toBe(1);
      // A new taxonomy (after an import of one) gets its own.
      ctx.services.taxonomy.invalidate();
      expect((await ctx.services.taxonomy.get()).matcher).not.toBe(first);
      expect(built.count).toBe(2);
    } finally {
      await ctx.close();
    }
  });

  it('is not built by a JSON Lines import, and is by a JSON Resume one', async () => {
    const ctx = await openTestContext(sqlite);
    try {
      const talent = {
        externalId: 'x-1',
        source: 'employee',
        name: 'Léa Martin',
        dailyCost: 500,
        skills: [{ skillId: 'python', level: 4 }],
      };
      const r = await importText(ctx, DEFAULT_ORG, 'pool.jsonl', jsonl([talent]));
      expect(r).toMatchObject({ inserted: 1, rejected: 0 });
      expect(built.count).toBe(0);
      expect(built.names).toBe(0);
      const resume = {
        basics: { name: 'Amira Haddad', email: 'amira@example.org' },
        skills: [{ name: 'SQL' }],
      };
      const j = await importText(ctx, DEFAULT_ORG, 'resume.json', JSON.stringify(resume), {
        format: 'jsonresume',
        source: 'freelance',
      });
      expect(j).toMatchObject({ inserted: 1, rejected: 0 });
      expect(built.count).toBe(1);
      expect(built.names).toBe(1);
    } finally {
      await ctx.close();
    }
  });
});

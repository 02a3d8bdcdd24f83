/**
 * The taxonomy's extraction matcher (≈ 200 ms to build for the built-in taxonomy) is built on first use
 * only, once per loaded taxonomy: a JSON Lines import checks skill ids and never needs it, a JSON Resume
 * import does (its keywords are extracted).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as SkillMatcherModule from '../src/core/extraction/skill-matcher.js';
import { DEFAULT_ORG } from '../src/services/ports.js';
import { DIALECTS, openTestContext } from './support/databases.js';
import { importText, jsonl } from './support/imports.js';

const built = vi.hoisted(() => ({ count: 0 }));
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

const sqlite = DIALECTS[0] as (typeof DIALECTS)[number];

describe('the taxonomy matcher, built on first use', () => {
  beforeEach(() => {
    built.count = 0;
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
    } finally {
      await ctx.close();
    }
  });
});

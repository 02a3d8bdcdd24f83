import { describe, expect, it } from 'vitest';
import type { Skill, Taxonomy } from '../taxonomy/types.js';
import { extractSkills } from './extract-skills.js';
import { buildSkillRetriever, rankSkills } from './rank-skills.js';
import { buildSkillMatcher, ESCO_DISTINCTIVE_WORD_MAX_SKILLS } from './skill-matcher.js';

const esco = (uuid: string, en: string, aliases: string[] = [], fr = en): Skill => ({
  id: `esco:${uuid}`,
  domain: 'general',
  type: 'skill',
  labels: { en: { label: en, aliases }, fr: { label: fr, aliases: [] } },
  names: [],
  broader: null,
  related: {},
  ambiguous: false,
  escoUri: `http://data.europa.eu/esco/skill/${uuid}`,
});

const pythonUri = 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d';
const vivier = (id: string, en: string, fr: string, escoUri: string | null = null): Skill => ({
  id,
  domain: 'engineering',
  type: 'tool',
  labels: { en: { label: en, aliases: [] }, fr: { label: fr, aliases: [] } },
  names: [],
  broader: null,
  related: {},
  ambiguous: false,
  escoUri,
});
// A built-in-like taxonomy of its own, so the test does not depend on the shipped data.
const builtin = { skills: [vivier('python', 'Python', 'Python', pythonUri), vivier('sql', 'SQL', 'SQL')] };
const ESCO_SKILLS: Skill[] = [
  esco('00000000-0000-4000-8000-000000000001', 'manage a team', ['lead a team', 'team management']),
  esco('00000000-0000-4000-8000-000000000002', 'accounting', ['bookkeeping'], 'comptabilité'),
  esco('00000000-0000-4000-8000-000000000003', 'photogrammetry'),
  esco('00000000-0000-4000-8000-000000000004', 'guide visitors', ['guide']),
  // "guide" in the labels of more ESCO skills than the distinctive-word bound.
  ...Array.from({ length: ESCO_DISTINCTIVE_WORD_MAX_SKILLS }, (_, i) =>
    esco(`00000000-0000-4000-8000-1000000000${String(i).padStart(2, '0')}`, `guide group ${i}`),
  ),
  {
    ...esco(pythonUri.split('/').pop() as string, 'Python (computer programming)', ['Python']),
    escoUri: pythonUri,
  },
];
const skills = [...builtin.skills, ...ESCO_SKILLS];
const tax: Taxonomy = { skills, byId: new Map(skills.map((s) => [s.id, s])) };
const matcher = buildSkillMatcher(tax);
const descriptions = new Map([
  [
    'esco:00000000-0000-4000-8000-000000000002',
    ['Record financial transactions, ledgers and the accounts of a company.'],
  ],
]);
const retriever = buildSkillRetriever(tax, descriptions);
const rank = (text: string, top = 10) => rankSkills(retriever, text, extractSkills(tax, matcher, text), top);

describe('ranked skills (literal, then implicit)', () => {
  it('puts literal matches (with spans) above implicit candidates (without)', () => {
    const text = 'You will lead a team and keep the ledgers of the company.';
    const r = rank(text);
    const team = r.find((s) => s.skillId === 'esco:00000000-0000-4000-8000-000000000001');
    expect(team?.literal).toBe(true);
    expect(team?.spans.map(([a, b]) => text.slice(a, b))).toEqual(['lead a team']);
    const accounting = r.find((s) => s.skillId === 'esco:00000000-0000-4000-8000-000000000002');
    expect(accounting).toMatchObject({ literal: false, spans: [] });
    for (const s of r) expect(s.score >= 0.5).toBe(s.literal);
    const firstImplicit = r.findIndex((s) => !s.literal);
    expect(r.slice(firstImplicit).every((s) => !s.literal)).toBe(true);
    expect(r.map((s) => s.score)).toEqual([...r.map((s) => s.score)].sort((a, b) => b - a));
  });

  it('reports a built-in skill and the ESCO concept it points at once, under the built-in id', () => {
    const r = rank('Python and SQL.');
    const python = r.filter(
      (s) => s.skillId === 'python' || s.skillId.endsWith(pythonUri.split('/').pop() as string),
    );
    expect(python).toHaveLength(1);
    expect(python[0]?.skillId).toBe('python');
  });

  it('ESCO single words: distinctive ones match literally, common ones are left to the ranker', () => {
    const lit = (text: string) =>
      rank(text)
        .filter((s) => s.literal)
        .map((s) => s.skillId);
    expect(lit('Experience in photogrammetry.')).toContain('esco:00000000-0000-4000-8000-000000000003');
    // "guide" is not distinctive: no literal match for the single word.
    expect(lit('A short guide to the office.')).not.toContain('esco:00000000-0000-4000-8000-000000000004');
    expect(lit('You will guide visitors.')).toContain('esco:00000000-0000-4000-8000-000000000004');
  });

  it('excludes negated skills, and returns nothing for an empty text', () => {
    expect(rank('No Python here, only photogrammetry.').some((s) => s.skillId === 'python')).toBe(false);
    expect(rank('   ')).toEqual([]);
    expect(rank('photogrammetry', 1)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildTitleLinker,
  cleanTitle,
  linkTitle,
  splitGenderedLabel,
  titleSimilarity,
  titleVector,
  type OccupationConcept,
} from './link-titles.js';

const concept = (id: string, en: string[], fr: string[]): OccupationConcept => ({
  id,
  uri: `http://data.europa.eu/esco/occupation/${id}`,
  labels: [
    ...en.map((label, i) => ({ lang: 'en', kind: i === 0 ? 'preferred' : 'alias', label })),
    ...fr.map((label, i) => ({ lang: 'fr', kind: i === 0 ? 'preferred' : 'alias', label })),
  ],
});

const CONCEPTS = [
  concept(
    'data-engineer',
    ['data engineer', 'big data engineer'],
    ['ingénieur de données/ingénieure de données', 'data engineer'],
  ),
  concept('data-scientist', ['data scientist'], ['data scientist', 'scientifique des données']),
  concept(
    'software-developer',
    ['software developer', 'programmer'],
    ['développeur logiciel/développeuse logiciel', 'programmeur'],
  ),
  concept(
    'nurse',
    ['nurse responsible for general care', 'general nurse'],
    ['infirmier/infirmière en soins généraux'],
  ),
  concept(
    'accountant',
    ['accountant', 'chartered accountant'],
    ['comptable', 'expert-comptable/experte-comptable'],
  ),
];

describe('job title linking', () => {
  const linker = buildTitleLinker(CONCEPTS);

  it('splits gendered labels and cleans gender markers from titles', () => {
    expect(splitGenderedLabel('développeur logiciel/développeuse logiciel')).toEqual([
      'développeur logiciel',
      'développeuse logiciel',
    ]);
    expect(splitGenderedLabel('CI/CD engineer')).toEqual(['CI/CD engineer']);
    expect(cleanTitle('Développeur Java (H/F)')).toBe('Développeur Java');
    expect(cleanTitle('Comptable H/F/X')).toBe('Comptable');
    expect(cleanTitle('Data engineer (m/w/d)')).toBe('Data engineer');
  });

  it('links French and English titles to the same concept, best first', () => {
    expect(linkTitle(linker, 'Développeuse logicielle', 3)[0]?.id).toBe('software-developer');
    expect(linkTitle(linker, 'Senior software developer', 3)[0]?.id).toBe('software-developer');
    expect(linkTitle(linker, 'Infirmière (H/F)', 3)[0]?.id).toBe('nurse');
    expect(linkTitle(linker, 'Experte comptable', 3)[0]?.id).toBe('accountant');
    const de = linkTitle(linker, 'Ingénieure données', 5);
    expect(de[0]?.id).toBe('data-engineer');
    const scores = de.map((l) => l.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('labels in the language asked for, else in the language of the form that matched', () => {
    const fr = linkTitle(linker, 'comptable', 1)[0];
    expect(fr).toMatchObject({ id: 'accountant', label: 'comptable', matched: 'comptable', score: 1 });
    expect(linkTitle(linker, 'comptable', 1, 'en')[0]?.label).toBe('accountant');
  });

  it('respects top, returns nothing for an empty or unknown title, and gives the same answer twice', () => {
    expect(linkTitle(linker, 'data', 2)).toHaveLength(2);
    expect(linkTitle(linker, '', 5)).toEqual([]);
    expect(linkTitle(linker, 'zzzz qqqq', 5)).toEqual([]);
    expect(linkTitle(linker, 'data scientist', 5)).toEqual(linkTitle(linker, 'data scientist', 5));
  });

  it('compares two titles with the same representation', () => {
    const a = titleVector(linker, 'Data Engineer');
    const b = titleVector(linker, 'Big data engineer');
    const c = titleVector(linker, 'Nurse');
    expect(titleSimilarity(linker, a, a)).toBeCloseTo(1, 6);
    expect(titleSimilarity(linker, a, b)).toBeGreaterThan(titleSimilarity(linker, a, c));
  });
});

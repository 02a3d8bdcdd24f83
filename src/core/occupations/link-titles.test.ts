import { describe, expect, it } from 'vitest';
import { buildTfidfIndex, tfidfQuery, type SparseIndex } from '../retrieval/sparse-index.js';
import {
  buildTitleLinker,
  cleanTitle,
  linkTitle,
  splitGenderedLabel,
  titleSimilarity,
  titleVector,
  type OccupationConcept,
} from './link-titles.js';
import { titleBags } from './title-terms.js';

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

  it('links a "masculine / feminine" title, an excluded clause or a seniority word as the plain title', () => {
    const more = buildTitleLinker([
      ...CONCEPTS,
      concept('auctioneer', ['auctioneer'], ['commissaire-priseur/commissaire-priseuse', 'agent']),
      concept('gate-guard', ['gate guard'], ['agent de gardiennage/agente de gardiennage']),
      concept('geologist', ['geologist', 'geoscientist'], []),
      concept('geographer', ['geographer'], []),
      concept('senior-consultant', ['senior consultant'], []),
    ]);
    // The feminine repeat would count "agent" twice and favour the bare form "agent".
    expect(linkTitle(more, 'Agent / Agente de gardiennage', 5)).toEqual(
      linkTitle(more, 'Agent de gardiennage', 5),
    );
    expect(linkTitle(more, 'Agent / Agente de gardiennage', 1)[0]?.score).toBe(1);
    const geo = linkTitle(more, 'Geoscientists, Except Geographers', 5);
    expect(geo).toEqual(linkTitle(more, 'Geoscientists', 5));
    expect(geo[0]?.id).toBe('geologist');
    const senior = linkTitle(more, 'Senior data engineer (CDI)', 5);
    expect(senior).toEqual(linkTitle(more, 'data engineer', 5));
    expect(senior.map((l) => l.id)).not.toContain('senior-consultant');
  });

  it('between equal scores, prefers the occupation whose preferred label matched', () => {
    // "chemical engineer" is also an alternative label of "chemist"; the lower id would win the tie.
    const both = buildTitleLinker([
      concept('a-chemist', ['chemist', 'chemical engineer'], []),
      concept('b-chemical-engineer', ['chemical engineer'], []),
    ]);
    const links = linkTitle(both, 'Chemical Engineers', 2);
    expect(links.map((l) => l.id)).toEqual(['b-chemical-engineer', 'a-chemist']);
    expect(links[0]!.score).toBe(links[1]!.score);
    // Without the shared label, the order by id stands.
    const apart = buildTitleLinker([
      concept('a-chemist', ['chemist', 'chemical engineer'], []),
      concept('b-chemical-engineer', ['chemical engineering specialist', 'chemical engineer'], []),
    ]);
    expect(linkTitle(apart, 'Chemical Engineers', 2).map((l) => l.id)).toEqual([
      'a-chemist',
      'b-chemical-engineer',
    ]);
  });

  it('compares two titles with the same representation', () => {
    const a = titleVector(linker, 'Data Engineer');
    const b = titleVector(linker, 'Big data engineer');
    const c = titleVector(linker, 'Nurse');
    expect(titleSimilarity(linker, a, a)).toBeCloseTo(1, 6);
    expect(titleSimilarity(linker, a, b)).toBeGreaterThan(titleSimilarity(linker, a, c));
  });
});

/**
 * The linker's answer computed the plain way: every form's bags (titleBags), TF-IDF with
 * buildTfidfIndex, the title's unit vectors from tfidfQuery, the exact cosine of every form, an
 * occupation scoring as its best form. With fewer forms than the linker keeps as candidates, the two
 * must agree on every score.
 */
function bruteForce(concepts: readonly OccupationConcept[], title: string, wordWeight = 0.5) {
  const forms: { concept: number; words: Map<string, number>; grams: Map<number, number> }[] = [];
  concepts.forEach((c, ci) => {
    const seen = new Set<string>();
    for (const l of c.labels)
      for (const form of splitGenderedLabel(l.label)) {
        const { words, grams } = titleBags(form);
        const sig = `${l.lang}\u0000${[...words.keys()].sort().join(' ')}`;
        if (words.size === 0 || seen.has(sig)) continue;
        seen.add(sig);
        forms.push({ concept: ci, words, grams });
      }
  });
  const wi = buildTfidfIndex(forms.map((f) => f.words));
  const gi = buildTfidfIndex(forms.map((f) => f.grams));
  const bags = titleBags(cleanTitle(title));
  const dense = <K>(index: SparseIndex<K>, terms: ReturnType<typeof tfidfQuery>) => {
    const perDoc = new Float64Array(index.docCount);
    for (const q of terms)
      for (let i = index.postStart[q.termId]!; i < index.postStart[q.termId + 1]!; i++)
        perDoc[index.postDocs[i]!]! += q.weight * index.postWeights[i]!;
    return perDoc;
  };
  const w = dense(wi, tfidfQuery(wi, bags.words));
  const g = dense(gi, tfidfQuery(gi, bags.grams));
  const best = new Map<string, number>();
  forms.forEach((f, d) => {
    const s = wordWeight * w[d]! + (1 - wordWeight) * g[d]!;
    const id = concepts[f.concept]!.id;
    if (s > 0 && s > (best.get(id) ?? 0)) best.set(id, s);
  });
  return best;
}

describe('job title linking: the fast path gives the plain computation’s scores', () => {
  const linker = buildTitleLinker(CONCEPTS);
  const titles = [
    'Ingénieure données (H/F)',
    'Senior data engineer data engineer',
    // What the title clean-up changes: a feminine repeat, markers, an exclusion clause, contract words.
    'Agent / Agente de données (h/f/x), except data scientist',
    'Développeuse / Développeur confirmée logiciel (CDI)',
    'Développeuses logiciel',
    'infirmière en soins généraux et soins de suite',
    // Words no form uses, alone and around known ones (unknown stems and bigrams still count in the norm).
    'Responsable qualité logiciel embarqué',
    'zzzz data qqqq scientist zzzz',
    // Letters folding does not map one to one (Σ, İ): the whole title is folded first.
    'ΣΟΦΙΑ data scientist İstanbul',
    // A word longer than the scan buffer, and more unknown words than the small list holds.
    `${'x'.repeat(300)} comptable`,
    Array.from({ length: 50 }, (_, i) => `mot${i}`).join(' ') + ' programmer',
  ];
  for (const title of titles)
    it(`"${title.slice(0, 40)}"`, () => {
      const expected = bruteForce(CONCEPTS, title);
      const got = linkTitle(linker, title, 10);
      expect(got.map((l) => l.id).sort()).toEqual([...expected.keys()].sort());
      for (const l of got) expect(l.score).toBeCloseTo(expected.get(l.id)!, 6);
      expect(got.map((l) => l.score)).toEqual([...got.map((l) => l.score)].sort((a, b) => b - a));
    });
});

import { describe, expect, it } from 'vitest';
import { buildTfidfIndex } from '../retrieval/sparse-index.js';
import { normalizeText } from '../text/normalize.js';
import { FlatBags, flatTfidfIndex } from './form-index.js';
import {
  cleanTitle,
  cleanTitleForTerms,
  FOLD_CODES,
  FOLD_LIMIT,
  titleBags,
  titleWords,
} from './title-terms.js';
import { HASH_START, hashStep, WordTable } from './word-table.js';

describe('title terms', () => {
  it('folds one unit at a time below U+0370 exactly as normalizeText folds a whole text', () => {
    let all = '';
    for (let c = 0; c < FOLD_LIMIT; c++) if (FOLD_CODES[c]! >= 0) all += String.fromCharCode(c);
    const folded = normalizeText(all);
    expect(folded.length).toBe(all.length);
    for (let i = 0; i < all.length; i++) expect(FOLD_CODES[all.charCodeAt(i)]).toBe(folded.charCodeAt(i));
    // İ grows when lower-cased: normalizeText keeps it as it is, and so does the table.
    expect(FOLD_CODES[0x130]).toBe(normalizeText('İstanbul').charCodeAt(0));
  });

  it('skips the gender-marker clean-up only where it would not change the words', () => {
    for (const t of [
      'Développeur Java (H/F)',
      'Comptable H/F/X',
      'Data engineer (m/w/d)',
      'Accrocheur / Accrocheuse',
      '[F/H] Chef de projet',
      'Chef h / f',
      'CI/CD engineer',
      'Ingénieur (confirmé)',
      'x/y',
    ])
      expect(titleWords(cleanTitleForTerms(t))).toEqual(titleWords(cleanTitle(t)));
    expect(cleanTitleForTerms('Accrocheur / Accrocheuse')).toBe('Accrocheur / Accrocheuse');
  });

  it('cuts stems, bigrams and trigrams, dropping function words', () => {
    const { words, grams } = titleBags("Chef de l'équipe des ventes");
    expect([...words.keys()]).toEqual(['chef', 'equip', 'chef_equip', 'vent', 'equip_vent']);
    expect(words.get('equip_vent')).toBe(0.5);
    expect(grams.size).toBeGreaterThan(0);
  });
});

describe('flat TF-IDF index', () => {
  it('gives buildTfidfIndex’s term ids, postings and weights for the same bags', () => {
    const docs = [
      [
        ['data', 1],
        ['engineer', 1],
        ['data_engineer', 0.5],
      ],
      [
        ['data', 2],
        ['scientist', 1],
      ],
      [['nurse', 1]],
      [
        ['engineer', 1],
        ['software', 1],
        ['data', 1],
      ],
    ] as [string, number][][];
    const flat = new FlatBags<string>();
    for (const doc of docs) {
      for (const [k, tf] of doc) flat.add(k, tf);
      flat.end();
    }
    const a = flatTfidfIndex(flat);
    const b = buildTfidfIndex(docs.map((d) => new Map(d)));
    expect([...a.termIds]).toEqual([...b.termIds]);
    expect(a.postStart).toEqual(b.postStart);
    expect(a.postDocs).toEqual(b.postDocs);
    expect(a.postWeights).toEqual(b.postWeights);
    expect(a.idf).toEqual(b.idf);
  });

  it('merges a term repeated in one document', () => {
    const flat = new FlatBags<string>();
    flat.add('a', 1);
    flat.add('b', 1);
    flat.add('a', 0.5);
    flat.end();
    flat.add('a', 1);
    flat.end();
    expect(flat.terms).toEqual([0, 1, 0]);
    expect(flat.tfs).toEqual([1.5, 1, 1]);
  });
});

describe('word table', () => {
  it('finds words from their character codes, and only those', () => {
    const table = new WordTable();
    const words = Array.from({ length: 500 }, (_, i) => `mot${i.toString(36)}`);
    words.forEach((w, i) => expect(table.add(w)).toBe(i));
    expect(table.add('mot0')).toBe(0);
    const find = (w: string) => {
      const codes = Uint16Array.from(w, (c) => c.charCodeAt(0));
      let h = HASH_START;
      for (const c of codes) h = hashStep(h, c);
      return table.find(codes, codes.length, h);
    };
    words.forEach((w, i) => expect(find(w)).toBe(i));
    expect(find('mot')).toBe(-1);
    expect(find('motzz')).toBe(-1);
  });
});

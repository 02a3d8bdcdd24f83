import { describe, expect, it } from 'vitest';
import { buildTfidfIndex } from '../retrieval/sparse-index.js';
import { normalizeText } from '../text/normalize.js';
import { FlatBags, flatTfidfIndex } from './form-index.js';
import {
  cleanTitle,
  cleanTitleForTerms,
  FOLD_CODES,
  isGenderPair,
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
      'Agent / Agente de sûreté',
      'Senior Data Engineer (CDI)',
      'Sr. Software Engineer',
      'Geoscientists, Except Hydrologists and Geographers',
      'Seniority analyst',
      'Chef de projet',
    ])
      expect(titleWords(cleanTitleForTerms(t))).toEqual(titleWords(cleanTitle(t)));
    expect(cleanTitleForTerms('Chef de projet')).toBe('Chef de projet');
    expect(cleanTitleForTerms('Seniority analyst')).toBe('Seniority analyst');
  });

  it('tells the masculine and feminine forms of a word from other pairs', () => {
    for (const [a, b] of [
      ['Agent', 'Agente'],
      ['Contrôleur', 'Contrôleuse'],
      ['animateur', 'animatrice'],
      ['Acteur', 'Actrice'],
      ['électricien', 'électricienne'],
      ['Chef', 'Cheffe'],
    ])
      expect(isGenderPair(a!, b!)).toBe(true);
    for (const [a, b] of [
      ['production', 'fabrication'],
      ['CI', 'CD'],
      ['dev', 'devops'],
      ['Electricien', 'Electronicien'],
      ['infrastructure', 'environnement'],
    ])
      expect(isGenderPair(a!, b!)).toBe(false);
  });

  it('keeps a "masculine / feminine" title once, with its complement', () => {
    expect(cleanTitle('Agent / Agente de sûreté')).toBe('Agent de sûreté');
    expect(cleanTitle('Accrocheur / Accrocheuse')).toBe('Accrocheur');
    expect(cleanTitle('Contrôleur électricien / Contrôleuse électricienne')).toBe('Contrôleur électricien');
    expect(cleanTitle('Attaché commercial / Attachée commerciale bancaire')).toBe(
      'Attaché commercial bancaire',
    );
    expect(cleanTitle("Agent / Agente d'administration principal / principale du Trésor")).toBe(
      "Agent d'administration principal du Trésor",
    );
    expect(cleanTitle('Aide-mécanicien / Aide-mécanicienne en montage')).toBe('Aide-mécanicien en montage');
    // Slashes between different words stay: both words say something.
    expect(cleanTitle('Agent / Agente de production/fabrication')).toBe('Agent de production/fabrication');
    expect(cleanTitle('Horticulteur/maraicher (h/f/x)')).toBe('Horticulteur/maraicher');
    expect(cleanTitle('CI/CD engineer')).toBe('CI/CD engineer');
  });

  it('drops exclusion clauses, seniority and contract words, and odd gender markers', () => {
    expect(cleanTitle('Geoscientists, Except Hydrologists and Geographers')).toBe('Geoscientists');
    expect(cleanTitle('Chef de cuisine (sauf restauration collective)')).toBe('Chef de cuisine');
    expect(cleanTitle("Vendeur, à l'exception des produits frais")).toBe('Vendeur');
    expect(cleanTitle('Senior Data Engineer (CDI)')).toBe('Data Engineer');
    expect(cleanTitle('Développeuse confirmée - temps partiel')).toBe('Développeuse');
    expect(cleanTitle('Sr. Software Engineer')).toBe('Software Engineer');
    expect(cleanTitle('Monteur-câbleur (h/f:x)')).toBe('Monteur-câbleur');
    // Words that name the job, or only look like a noise word, stay; so does a title of noise alone.
    expect(cleanTitle('Stage manager')).toBe('Stage manager');
    expect(cleanTitle('Seniority analyst')).toBe('Seniority analyst');
    expect(cleanTitle('Junior')).toBe('Junior');
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

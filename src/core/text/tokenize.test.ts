import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';
import { normalizeText } from './normalize.js';
import { formKeys, stemWord, tokenize } from './tokenize.js';

describe('text', () => {
  it('folds accents and case without moving offsets', () => {
    const s = 'Élodie, ingénieure — Œuvre’s';
    const n = normalizeText(s);
    expect(n.length).toBe(s.length);
    expect(n).toBe("elodie, ingenieure - ouvre's");
  });

  it('keeps offsets of tokens in the original text', () => {
    const s = "L'IA générative et C++ / .NET";
    for (const t of tokenize(s)) expect(t.end).toBeGreaterThan(t.start);
    expect(tokenize(s).map((t) => s.slice(t.start, t.end))).toEqual([
      'L',
      'IA',
      'générative',
      'et',
      'C',
      '+',
      '+',
      '/',
      '.',
      'NET',
    ]);
  });

  it('maps plural and gendered forms to one key', () => {
    expect(stemWord('administratrice')).toBe(stemWord('administrateur'));
    expect(stemWord('administratrices')).toBe(stemWord('administrateurs'));
    expect(stemWord('models')).toBe(stemWord('model'));
    expect(formKeys('Fine-tuning')).toEqual(formKeys('fine tuning'));
    expect(stemWord('sas')).toBe('sas');
  });

  it('detects French and English', () => {
    expect(detectLanguage('Nous recherchons un profil pour la mise en place de notre plateforme')).toBe('fr');
    expect(detectLanguage('We are looking for an engineer to build the platform')).toBe('en');
    expect(detectLanguage('Kubernetes', 'fr')).toBe('fr');
  });
});

import { describe, expect, it } from 'vitest';
import { BUILTIN_SKILLS } from '../taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../taxonomy/taxonomy.js';
import { classifyBrief, compileBriefCues, MIN_SCORE, type BriefEvidence } from './classify-brief.js';

/** The words each evidence span points at, as written in the text. */
const phrases = (text: string, evidence: readonly BriefEvidence[]) =>
  evidence.map((e) => {
    expect(text.slice(e.span[0], e.span[1])).toBe(e.phrase);
    return e.phrase;
  });

describe('brief classification', () => {
  it('classifies a French brief, with spans on the words that decided each field', () => {
    const text =
      'Notre banque veut un assistant conversationnel qui répond aux questions des conseillers du ' +
      'service client sur les crédits immobiliers, à partir de la base de connaissances interne.';
    const r = classifyBrief(text);
    expect(r.industry.value).toBe('banking');
    expect(phrases(text, r.industry.evidence)).toEqual(['banque', 'crédits immobiliers']);
    expect(r.businessFunction.value).toBe('customer-service');
    expect(phrases(text, r.businessFunction.evidence)).toEqual(['service client']);
    expect(r.archetype.value).toBe('assistant-rag');
    expect(phrases(text, r.archetype.evidence)).toEqual([
      'assistant conversationnel',
      'répond aux questions',
      'base de connaissances',
    ]);
    for (const f of [r.industry, r.businessFunction, r.archetype]) {
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.score).toBe(f.evidence.reduce((s, e) => s + e.weight, 0));
    }
  });

  it('classifies an English brief the same way', () => {
    const text =
      'Our insurance claims team receives thousands of scanned documents a week. We want OCR and ' +
      'automatic data extraction to route each claim to the right handler.';
    const r = classifyBrief(text);
    expect(r.industry.value).toBe('insurance');
    expect(phrases(text, r.industry.evidence)).toEqual(['insurance', 'claims', 'claim']);
    expect(r.archetype.value).toBe('document-processing');
    expect(phrases(text, r.archetype.evidence)).toContain('OCR');
    expect(phrases(text, r.archetype.evidence)).toContain('data extraction');
  });

  it('returns nulls with confidence 0 for an empty text or a text without cues', () => {
    for (const text of ['', '   ', 'Nous cherchons une personne motivée pour nous aider.']) {
      const r = classifyBrief(text);
      for (const f of [r.industry, r.businessFunction, r.archetype]) {
        expect(f).toMatchObject({ value: null, confidence: 0, score: 0, evidence: [] });
      }
    }
    expect(classifyBrief('').industry.runnersUp).toEqual([]);
  });

  it('does not decide on one weak cue or on a tie, and lists the candidates as runners-up', () => {
    // "fraude" leans to banking and to insurance alike (weight 1 each): below MIN_SCORE, and tied.
    const weak = classifyBrief('Détection de la fraude.');
    expect(weak.industry.value).toBeNull();
    expect(weak.industry.runnersUp.map((r) => r.value).sort()).toEqual(['banking', 'insurance']);
    expect(weak.industry.runnersUp.every((r) => r.score < MIN_SCORE)).toBe(true);
    const tie = classifyBrief('Un projet pour la banque et pour l’assurance.');
    expect(tie.industry.value).toBeNull();
    expect(tie.industry.runnersUp[0]!.score).toBe(tie.industry.runnersUp[1]!.score);
  });

  it('matches acronyms only in capitals and prefers the longest phrase', () => {
    // "it" is an English word; "IT" names the function.
    expect(classifyBrief('We think it is worth it.').businessFunction.value).toBeNull();
    expect(classifyBrief('A helpdesk assistant for the IT team.').businessFunction.value).toBe('it');
    // "assurance qualité" is quality assurance, not insurance.
    const qa = classifyBrief('Améliorer l’assurance qualité de nos usines.');
    expect(qa.industry.value).toBe('manufacturing');
    expect(qa.industry.runnersUp.map((r) => r.value)).not.toContain('insurance');
  });

  it('counts a repeated cue less each time and ranks the runner-up after the winner', () => {
    const text = 'Hôpital, hôpital, hôpital, hôpital. Les patients de la banque.';
    const r = classifyBrief(text);
    expect(r.industry.value).toBe('healthcare');
    expect(r.industry.evidence.map((e) => e.weight)).toEqual([3, 1.5, 0.75, 2]);
    expect(r.industry.runnersUp[0]).toMatchObject({ value: 'banking', score: 3 });
  });

  it('widens the lexicon with the taxonomy’s business skills', () => {
    const text = 'Industrialiser le calcul des provisions IFRS 9 ECL.';
    expect(classifyBrief(text).industry.value).toBeNull();
    const cues = compileBriefCues(buildTaxonomy(BUILTIN_SKILLS));
    const r = classifyBrief(text, cues);
    // "IFRS 9 ECL" is a name of the credit-risk skill, under banking: a weak cue, so not decisive alone.
    expect(r.industry.value).toBeNull();
    expect(r.industry.runnersUp[0]?.value).toBe('banking');
    expect(phrases(text, r.industry.runnersUp[0]!.evidence)).toEqual(['IFRS 9 ECL']);
  });
});

import { describe, expect, it } from 'vitest';
import { BUILTIN_SKILLS } from '../taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../taxonomy/taxonomy.js';
import { extractSkills } from './extract-skills.js';
import { buildSkillMatcher } from './skill-matcher.js';

const tax = buildTaxonomy(BUILTIN_SKILLS);
const matcher = buildSkillMatcher(tax);
const extract = (text: string, lang?: 'fr' | 'en') => extractSkills(tax, matcher, text, { lang });
const ids = (text: string) => extract(text).skills.map((s) => s.skillId);

describe('extractSkills', () => {
  it('finds skills with spans that point at the original text', () => {
    const text = 'Nous cherchons une experte en génération augmentée par récupération et Kubernetes.';
    const x = extract(text);
    expect(x.lang).toBe('fr');
    const rag = x.skills.find((s) => s.skillId === 'rag');
    expect(rag).toBeDefined();
    const m = rag!.mentions[0]!;
    expect(text.slice(m.start, m.end)).toBe('génération augmentée par récupération');
    expect(m.surface).toBe(text.slice(m.start, m.end));
    expect(ids(text)).toContain('kubernetes');
  });

  it('ignores accents, case, hyphenation and plurals', () => {
    expect(ids('GENERATION AUGMENTEE PAR RECUPERATION')).toContain('rag');
    expect(ids('experience with fine tuning and vector-databases')).toEqual(
      expect.arrayContaining(['llm-fine-tuning', 'vector-database']),
    );
    expect(ids('Large Language Model')).toContain('llm');
  });

  it('reads French elisions', () => {
    expect(ids("Maîtrise de l'apprentissage automatique")).toContain('machine-learning');
  });

  it('accepts an ambiguous short name only with supporting context', () => {
    expect(ids('Go to the meeting and make it happen.')).not.toContain('golang');
    expect(ids('Go to the meeting and make it happen.')).not.toContain('make');
    expect(ids('Back-end en Go et PostgreSQL.')).toContain('golang');
    expect(ids('Programming language: R')).toContain('r-language');
    expect(ids('R&D team')).not.toContain('r-language');
    expect(ids('Je suis à ma place, sa maison.')).not.toContain('sas');
  });

  it('sets negated skills apart', () => {
    const x = extract('Python indispensable, pas de Java. No experience with Kubernetes needed.');
    expect(x.skills.map((s) => s.skillId)).toContain('python');
    expect(x.skills.map((s) => s.skillId)).not.toContain('java');
    expect(x.negated.map((s) => s.skillId)).toEqual(expect.arrayContaining(['java', 'kubernetes']));
  });

  it('does not let a negation cross a sentence or a "but"', () => {
    expect(ids('Pas de télétravail. Python requis.')).toContain('python');
    expect(ids('No remote work, but Python is required')).toContain('python');
  });

  it('reads level cues', () => {
    const level = (text: string, id: string) => extract(text).skills.find((s) => s.skillId === id)?.level;
    expect(level('Expert Terraform', 'terraform')).toBe(5);
    expect(level('Notions de SQL', 'sql')).toBe(1);
    expect(level('5 ans de Python', 'python')).toBe(4);
    expect(level('senior data engineer with Airflow', 'airflow')).toBe(4);
    expect(level('Python', 'python')).toBeNull();
  });

  it('gives an empty result for an empty text and is deterministic', () => {
    expect(extract('').skills).toEqual([]);
    const t = 'RAG, embeddings, Mistral, AI Act, RGPD, Power Apps et n8n.';
    expect(extract(t)).toEqual(extract(t));
    expect(ids(t)).toEqual(['rag', 'embeddings', 'mistral', 'ai-act', 'gdpr', 'power-platform', 'n8n']);
  });
});

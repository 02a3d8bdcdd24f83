/**
 * The talent lines the import benchmarks read: demo talents (generateDemo, a seed per chunk of 10,000, ids
 * renumbered), each topped up to 20 skills from the taxonomy so a line holds what a real profile does
 * (≈ 3.6 KB of JSON), written as `vivier export` writes them (JSON.stringify).
 */
import { generateDemo } from '../src/core/demo/generate-demo.js';
import type { Talent } from '../src/core/model.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';

const SKILLS_PER_TALENT = 20;
const CHUNK = 10_000;

/** `n` talent lines (no newline), a chunk at a time. */
export function* poolLines(n: number): Generator<string[]> {
  const tax = buildTaxonomy(BUILTIN_SKILLS);
  const ids = tax.skills.map((s) => s.id);
  let k = 0;
  for (let from = 0, part = 0; from < n; from += CHUNK, part++) {
    const { talents } = generateDemo(tax, {
      talents: Math.min(CHUNK, n - from),
      projects: 0,
      seed: 1000 + part,
    });
    yield talents.map((t: Talent, i) => {
      const id = `tal-${String(from + i + 1).padStart(8, '0')}`;
      const held = new Set(t.skills.map((s) => s.skillId));
      const skills = [...t.skills];
      while (skills.length < SKILLS_PER_TALENT) {
        const skillId = ids[(k++ * 7919) % ids.length] as string;
        if (held.has(skillId)) continue;
        held.add(skillId);
        skills.push({
          skillId,
          level: 1 + (k % 5),
          evidence: 'self',
          years: null,
          lastUsed: null,
          evidenceDetail: null,
        });
      }
      const email = t.email === null ? null : t.email.replace('@', `.${from + i + 1}@`);
      return JSON.stringify({ ...t, id, email, externalId: null, skills });
    });
  }
}

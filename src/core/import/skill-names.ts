import { surfaceForms } from '../taxonomy/taxonomy.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { formKeys } from '../text/tokenize.js';

/** Taxonomy lookup by written name: every surface form (labels, aliases, names) and the id itself. */
export interface SkillNameIndex {
  byKey: ReadonlyMap<string, string>;
  tax: Taxonomy;
}

const keyOf = (name: string): string => formKeys(name).join(' ');

export function buildSkillNameIndex(tax: Taxonomy): SkillNameIndex {
  const byKey = new Map<string, string>();
  // Ids first so that an id always resolves to itself; the first skill to claim a form keeps it.
  for (const s of tax.skills) byKey.set(`id:${s.id}`, s.id);
  for (const s of tax.skills) {
    for (const form of surfaceForms(s)) {
      const k = keyOf(form);
      if (k !== '' && !byKey.has(k)) byKey.set(k, s.id);
    }
  }
  return { byKey, tax };
}

/** The skill a name denotes (an id, a label or an alias, any case or accent), or null: never a guess. */
export function resolveSkillName(index: SkillNameIndex, name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  if (index.tax.byId.has(trimmed)) return trimmed;
  return index.byKey.get(keyOf(trimmed)) ?? null;
}

/** JSON Resume `level` words (and their French forms) → level 1–5. */
const LEVEL_WORDS: Record<string, number> = {
  master: 5,
  expert: 5,
  experte: 5,
  advanced: 4,
  avance: 4,
  avancee: 4,
  senior: 4,
  confirme: 4,
  confirmee: 4,
  intermediate: 3,
  intermediaire: 3,
  beginner: 1,
  novice: 1,
  debutant: 1,
  debutante: 1,
  junior: 2,
  elementary: 2,
  basic: 2,
};

/** A level from a word ("Advanced"), a number 1–5, or null when it means nothing known. */
export function levelFromWord(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1 && raw <= 5 ? raw : null;
  const w = raw
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (/^[1-5]$/.test(w)) return Number(w);
  return LEVEL_WORDS[w] ?? null;
}

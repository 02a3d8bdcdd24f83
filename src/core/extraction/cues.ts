import { normalizeText } from '../text/normalize.js';
import { stemWord } from '../text/tokenize.js';

/**
 * The words the extractor reads around a mention: sentence boundaries, negation, contrast, supporting
 * context for ambiguous names, level cues. Written plainly here; the matcher gives each one's token key
 * (folded and stemmed, exactly as text tokens are) a bit in its per-word flags, so the extractor tests a
 * flag instead of comparing strings.
 */
export const CUE = {
  BOUNDARY: 1,
  CONTRAST: 2,
  /** A negation on its own ("sans", "without", "no"). */
  NEGATION: 4,
  /** A negation after "pas" ("pas de", "pas d'"). */
  AFTER_PAS: 8,
  PAS: 16,
  /** A word that makes an ambiguous name a skill ("langage R", "Go developer"). */
  CONTEXT: 32,
  /** "5 ans", "5 years". */
  YEAR_UNIT: 64,
} as const;

const BOUNDARY = '. ; ! ? ( )';
const CONTRAST = 'mais but however cependant toutefois';
const NEGATION = 'sans without aucun aucune never jamais no not ni lack lacking';
const AFTER_PAS = 'de d du des le la les';
const PAS = 'pas';
const CONTEXT =
  'langage language languages programming programmation développement development developer développeur outil outils tool tools framework librairie library maîtrise experience expérience compétences skills code stack logiciel software platform plateforme script scripting statistique statistics';
const YEAR_UNITS = 'an ans year years yr yrs année années annees';
const LEVEL_WORDS: readonly (readonly [string, number])[] = [
  ['expert experte expertise lead principal', 5],
  ['senior confirmé confirmée advanced avancé avancée solide strong maîtrise', 4],
  ['intermediate intermédiaire bonne good working', 3],
  ['junior basic bases familiarity', 2],
  ['débutant débutante notions beginner', 1],
];

const key = (w: string): string => stemWord(normalizeText(w));

/** Cue words by token key: their flags, and the level (1–5) a level word suggests. */
export function cueWords(): Map<string, { flags: number; level: number }> {
  const out = new Map<string, { flags: number; level: number }>();
  const mark = (k: string, flags: number, level = 0) => {
    const cue = out.get(k) ?? { flags: 0, level: 0 };
    cue.flags |= flags;
    // A key listed under two levels keeps the last one, as a Map built from the list would.
    if (level > 0) cue.level = level;
    out.set(k, cue);
  };
  // Punctuation is its own key (tokenize keeps it as a one-character token).
  for (const p of BOUNDARY.split(' ')) mark(p, CUE.BOUNDARY);
  for (const [words, flag] of [
    [CONTRAST, CUE.CONTRAST],
    [NEGATION, CUE.NEGATION],
    [AFTER_PAS, CUE.AFTER_PAS],
    [PAS, CUE.PAS],
    [CONTEXT, CUE.CONTEXT],
    [YEAR_UNITS, CUE.YEAR_UNIT],
  ] as const)
    for (const w of words.split(' ')) mark(key(w), flag);
  for (const [words, level] of LEVEL_WORDS) for (const w of words.split(' ')) mark(key(w), 0, level);
  return out;
}

/** A level from a number of years of experience. */
export function levelFromYears(years: number): number {
  if (years >= 8) return 5;
  if (years >= 5) return 4;
  if (years >= 3) return 3;
  if (years >= 1) return 2;
  return 1;
}

import type { Lang, Taxonomy } from '../taxonomy/types.js';
import { detectLanguage } from '../text/detect-language.js';
import { normalizeText } from '../text/normalize.js';
import { stemWord, tokenize, type Token } from '../text/tokenize.js';
import { findMatches, type DictEntry, type SkillMatcher } from './skill-matcher.js';

export interface SkillMention {
  start: number;
  end: number;
  /** The text as written. */
  surface: string;
  negated: boolean;
  /** Level 1–5 suggested by a cue near the mention ("expert", "notions", "5 ans de"), if any. */
  level: number | null;
}

export interface ExtractedSkill {
  skillId: string;
  confidence: number;
  mentions: SkillMention[];
  /** Highest level cue among the mentions, if any. */
  level: number | null;
}

export interface Extraction {
  lang: Lang;
  skills: ExtractedSkill[];
  /** Skills mentioned only under a negation ("pas de Java", "no experience with Go"). */
  negated: ExtractedSkill[];
}

const BOUNDARY = new Set(['.', ';', '!', '?', '(', ')']);
// Cue words are written plainly and stemmed once, exactly as text tokens are.
const stemmed = (words: string): Set<string> =>
  new Set(words.split(' ').map((w) => stemWord(normalizeText(w))));
const CONTRAST = stemmed('mais but however cependant toutefois');
const NEGATION_SINGLE = stemmed('sans without aucun aucune never jamais no not ni lack lacking');
const NEGATION_AFTER_PAS = stemmed('de d du des le la les');
const PAS = stemWord('pas');
const CONTEXT_CUES = stemmed(
  'langage language languages programming programmation développement development developer développeur outil outils tool tools framework librairie library maîtrise experience expérience compétences skills code stack logiciel software platform plateforme script scripting statistique statistics',
);
const LEVEL_WORDS = new Map<string, number>(
  (
    [
      ['expert experte expertise lead principal', 5],
      ['senior confirmé confirmée advanced avancé avancée solide strong maîtrise', 4],
      ['intermediate intermédiaire bonne good working', 3],
      ['junior basic bases familiarity', 2],
      ['débutant débutante notions beginner', 1],
    ] as const
  ).flatMap(([words, level]) =>
    words.split(' ').map((w) => [stemWord(normalizeText(w)), level] as [string, number]),
  ),
);
const YEAR_UNITS = stemmed('an ans year years yr yrs année années annees');

function levelFromYears(years: number): number {
  if (years >= 8) return 5;
  if (years >= 5) return 4;
  if (years >= 3) return 3;
  if (years >= 1) return 2;
  return 1;
}

/** Looks back from token `at` within the clause for negation. */
function isNegated(tokens: readonly Token[], at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 6; i--) {
    const k = (tokens[i] as Token).key;
    if (BOUNDARY.has(k) || CONTRAST.has(k)) return false;
    if (NEGATION_SINGLE.has(k) || k === PAS) return true;
    if (NEGATION_AFTER_PAS.has(k) && tokens[i - 1]?.key === PAS) return true;
  }
  return false;
}

/** Level cue in a small window around the mention, within the clause. */
function levelCue(tokens: readonly Token[], from: number, to: number): number | null {
  let level: number | null = null;
  for (let i = Math.max(0, from - 5); i < Math.min(tokens.length, to + 3); i++) {
    if (i >= from && i < to) continue;
    const k = (tokens[i] as Token).key;
    if (BOUNDARY.has(k)) {
      if (i < from) level = null;
      else break;
      continue;
    }
    const word = LEVEL_WORDS.get(k);
    if (word !== undefined) level = Math.max(level ?? 0, word);
    if (/^\d{1,2}$/.test(k)) {
      const unit = tokens[i + 1]?.key;
      if (unit !== undefined && YEAR_UNITS.has(unit)) {
        level = Math.max(level ?? 0, levelFromYears(Number(k)));
      }
    }
  }
  return level;
}

function caseMatches(text: string, start: number, end: number, form: string): boolean {
  const written = text.slice(start, end).replace(/[^A-Za-z]/g, '');
  const expected = form.replace(/[^A-Za-z]/g, '');
  return written === expected;
}

export interface ExtractOptions {
  lang?: Lang | 'auto';
}

/**
 * Dictionary extraction with spans. An ambiguous name (R, Go, C, SAS, Excel, Spark…) counts only when its
 * case matches and the text supports it: a cue word next to it, or an unambiguous skill in the same sentence.
 */
export function extractSkills(
  tax: Taxonomy,
  matcher: SkillMatcher,
  text: string,
  options: ExtractOptions = {},
): Extraction {
  const lang = options.lang && options.lang !== 'auto' ? options.lang : detectLanguage(text);
  const tokens = tokenize(text);
  const keys = tokens.map((t) => t.key);
  const raw = findMatches(matcher, keys);

  const sentenceOf = new Int32Array(tokens.length);
  let sentence = 0;
  for (let i = 0; i < tokens.length; i++) {
    sentenceOf[i] = sentence;
    if (BOUNDARY.has(keys[i] as string)) sentence++;
  }
  const sentencesWithSure = new Set<number>();
  for (const m of raw)
    if (m.entries.some((e) => !e.ambiguous)) sentencesWithSure.add(sentenceOf[m.from] as number);

  const found = new Map<string, { mentions: SkillMention[]; confidence: number }>();
  for (const m of raw) {
    const start = (tokens[m.from] as Token).start;
    const end = (tokens[m.to - 1] as Token).end;
    const accepted = m.entries.filter((e: DictEntry) => {
      if (e.caseSensitive && !caseMatches(text, start, end, e.form)) return false;
      if (!e.ambiguous) return true;
      const around = [keys[m.from - 1], keys[m.from - 2], keys[m.to], keys[m.to + 1]];
      return (
        around.some((k) => k !== undefined && CONTEXT_CUES.has(k)) ||
        sentencesWithSure.has(sentenceOf[m.from] as number) ||
        levelCue(tokens, m.from, m.to) !== null
      );
    });
    for (const e of accepted) {
      const mention: SkillMention = {
        start,
        end,
        surface: text.slice(start, end),
        negated: isNegated(tokens, m.from),
        level: levelCue(tokens, m.from, m.to),
      };
      const confidence = e.ambiguous ? 0.6 : m.to - m.from > 1 || e.form.length > 4 ? 0.95 : 0.85;
      const entry = found.get(e.skillId);
      if (entry) {
        entry.mentions.push(mention);
        entry.confidence = Math.max(entry.confidence, confidence);
      } else found.set(e.skillId, { mentions: [mention], confidence });
    }
  }

  const skills: ExtractedSkill[] = [];
  const negated: ExtractedSkill[] = [];
  for (const [skillId, { mentions, confidence }] of found) {
    if (!tax.byId.has(skillId)) continue;
    const positive = mentions.filter((mm) => !mm.negated);
    const target = positive.length > 0 ? skills : negated;
    const used = positive.length > 0 ? positive : mentions;
    const levels = used.map((mm) => mm.level).filter((l): l is number => l !== null);
    target.push({
      skillId,
      // A skill named several times is more certainly meant.
      confidence: Math.min(1, confidence + 0.02 * (used.length - 1)),
      mentions: used,
      level: levels.length > 0 ? Math.max(...levels) : null,
    });
  }
  // Order: first mention in the text, then id — stable and readable.
  const order = (a: ExtractedSkill, b: ExtractedSkill) =>
    (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0) || (a.skillId < b.skillId ? -1 : 1);
  skills.sort(order);
  negated.sort(order);
  return { lang, skills, negated };
}

/**
 * A draft profile from the text of a CV: contact details found by pattern, the name and headline only when
 * the first lines plainly are one, and every skill the extractor found with the text span that backs it.
 * Nothing is guessed beyond that: a field not found stays null for a person to fill in.
 */
import type { Extraction } from '../extraction/extract-skills.js';
import type { Lang } from '../taxonomy/types.js';

/** Level given to a skill the CV names without a level cue ("expert", "5 years"…). */
export const CV_DEFAULT_LEVEL = 2;

export interface CvSkill {
  skillId: string;
  level: number;
  /** 'cue' when a level word or a number of years next to a mention gave it; 'default' otherwise. */
  levelFrom: 'cue' | 'default';
  confidence: number;
  evidence: 'cv';
  /** The line of the CV around the first mention: what a reviewer reads to accept the skill. */
  evidenceDetail: string;
  /** Every mention: offsets into the extracted text, and the words as written. */
  mentions: { start: number; end: number; surface: string }[];
}

export interface CvDraft {
  name: string | null;
  email: string | null;
  phone: string | null;
  headline: string | null;
  lang: Lang;
  skills: CvSkill[];
  /** Skills mentioned only under a negation ("no Java"): listed, never held. */
  negated: { skillId: string; surface: string }[];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d(?:[\s.-]?\d){7,13}/;
const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]*$/u;

function looksLikeName(line: string): boolean {
  const words = line.split(/\s+/);
  return (
    line.length <= 60 &&
    words.length >= 2 &&
    words.length <= 5 &&
    words.every((w) => NAME_WORD.test(w) || /^[\p{Lu}]+$/u.test(w))
  );
}

function looksLikeHeadline(line: string): boolean {
  return (
    line.length >= 3 &&
    line.length <= 100 &&
    !EMAIL.test(line) &&
    !PHONE.test(line) &&
    /\p{L}{3,}/u.test(line) &&
    !/[:;]$/.test(line)
  );
}

/** The line containing [start, end), cut to at most `max` characters around the mention. */
export function lineAround(text: string, start: number, end: number, max = 200): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  let to = text.indexOf('\n', end);
  if (to < 0) to = text.length;
  let a = from;
  let b = to;
  if (b - a > max) {
    const room = Math.max(0, max - (end - start));
    a = Math.max(from, start - Math.floor(room / 2));
    b = Math.min(to, a + max);
  }
  return text.slice(a, b).replace(/\s+/g, ' ').trim();
}

export function draftFromCv(text: string, extraction: Extraction): CvDraft {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  const first = lines[0] ?? '';
  const name = looksLikeName(first) ? first : null;
  const second = lines[1] ?? '';
  const headline = name !== null && looksLikeHeadline(second) ? second : null;
  const email = EMAIL.exec(text)?.[0].toLowerCase() ?? null;
  const phoneMatch = PHONE.exec(text.replace(EMAIL, ' '));
  const phone = phoneMatch ? phoneMatch[0].trim() : null;
  const skills: CvSkill[] = extraction.skills.map((s) => {
    const m0 = s.mentions[0];
    return {
      skillId: s.skillId,
      level: s.level ?? CV_DEFAULT_LEVEL,
      levelFrom: s.level === null ? 'default' : 'cue',
      confidence: s.confidence,
      evidence: 'cv',
      evidenceDetail: m0 ? lineAround(text, m0.start, m0.end) : '',
      mentions: s.mentions.map((m) => ({ start: m.start, end: m.end, surface: m.surface })),
    };
  });
  return {
    name,
    email,
    phone,
    headline,
    lang: extraction.lang,
    skills,
    negated: extraction.negated.map((s) => ({ skillId: s.skillId, surface: s.mentions[0]?.surface ?? '' })),
  };
}

import type { Lang, Taxonomy } from '../taxonomy/types.js';
import { detectLanguageOfCodes, LanguageTally } from '../text/detect-language.js';
import { textCodes } from '../text/text-codes.js';
import { CUE, levelFromYears } from './cues.js';
import {
  type DictEntry,
  ENTRY,
  findMatches,
  scanTokens,
  type SkillMatcher,
  type TokenScan,
} from './skill-matcher.js';

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

/** Looks back from token `at` within the clause for negation. */
function isNegated(matcher: SkillMatcher, scan: TokenScan, at: number): boolean {
  const { cues } = matcher;
  const words = scan.words;
  for (let i = at - 1; i >= 0 && i >= at - 6; i--) {
    const cue = cues[words[i] as number] as number;
    if (cue & (CUE.BOUNDARY | CUE.CONTRAST)) return false;
    if (cue & (CUE.NEGATION | CUE.PAS)) return true;
    if (cue & CUE.AFTER_PAS && i > 0 && (cues[words[i - 1] as number] as number) & CUE.PAS) return true;
  }
  return false;
}

/** Level cue in a small window around the mention, within the clause. */
function levelCue(matcher: SkillMatcher, scan: TokenScan, from: number, to: number): number | null {
  const { cues, levels, numbers } = matcher;
  const { words, count } = scan;
  let level: number | null = null;
  for (let i = Math.max(0, from - 5); i < Math.min(count, to + 3); i++) {
    if (i >= from && i < to) continue;
    const w = words[i] as number;
    if ((cues[w] as number) & CUE.BOUNDARY) {
      if (i < from) level = null;
      else break;
      continue;
    }
    const word = levels[w] as number;
    if (word > 0) level = Math.max(level ?? 0, word);
    const years = numbers[w] as number;
    if (years >= 0 && i + 1 < count && (cues[words[i + 1] as number] as number) & CUE.YEAR_UNIT) {
      level = Math.max(level ?? 0, levelFromYears(years));
    }
  }
  return level;
}

const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/** Whether the ASCII letters of text[start, end) are those of the form, case included. */
function caseMatches(text: string, start: number, end: number, form: string): boolean {
  let i = start;
  let j = 0;
  for (;;) {
    while (i < end && !isAsciiLetter(text.charCodeAt(i))) i++;
    while (j < form.length && !isAsciiLetter(form.charCodeAt(j))) j++;
    if (i === end || j === form.length) return i === end && j === form.length;
    if (text.charCodeAt(i++) !== form.charCodeAt(j++)) return false;
  }
}

/** Order of the skills found: first mention in the text, then id — stable and readable. */
function byFirstMention(a: ExtractedSkill, b: ExtractedSkill): number {
  return (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0) || (a.skillId < b.skillId ? -1 : 1);
}

/** Whether a context word (CUE.CONTEXT) stands within two tokens before or after [from, to). */
function contextAround(matcher: SkillMatcher, scan: TokenScan, from: number, to: number): boolean {
  const { cues } = matcher;
  const { words, count } = scan;
  for (const i of [from - 1, from - 2, to, to + 1])
    if (i >= 0 && i < count && (cues[words[i] as number] as number) & CUE.CONTEXT) return true;
  return false;
}

const knownSkills = new WeakMap<Taxonomy, WeakMap<SkillMatcher, Uint8Array>>();

/**
 * Per skill of the matcher (its skillIds): 1 if the taxonomy has it. A Taxonomy is read-only, so this is
 * worked out once per taxonomy and matcher rather than a map lookup per skill found.
 */
function skillsIn(tax: Taxonomy, matcher: SkillMatcher): Uint8Array {
  let byMatcher = knownSkills.get(tax);
  if (!byMatcher) knownSkills.set(tax, (byMatcher = new WeakMap()));
  let known = byMatcher.get(matcher);
  if (!known) {
    known = Uint8Array.from(matcher.skillIds, (id) => (tax.byId.has(id) ? 1 : 0));
    byMatcher.set(matcher, known);
  }
  return known;
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
  // The scanner's pass over the text's code units also counts its function words, for the language.
  const tally = new LanguageTally();
  const scan = scanTokens(matcher, text, textCodes(text), tally);
  const lang =
    options.lang && options.lang !== 'auto'
      ? options.lang
      : scan.tallied
        ? tally.result('en')
        : detectLanguageOfCodes(text, textCodes(text));
  const raw = findMatches(matcher, scan);
  const { starts, ends, sentences } = scan;

  const { entryStart, entrySkill, entryFlags, entryList, skillIds } = matcher;

  const sentencesWithSure = new Set<number>();
  for (const m of raw)
    for (let e = entryStart[m.node] as number; e < (entryStart[m.node + 1] as number); e++)
      if (!((entryFlags[e] as number) & ENTRY.AMBIGUOUS)) {
        sentencesWithSure.add(sentences[m.from] as number);
        break;
      }

  // By skill index (entrySkill), in the order first found.
  const found = new Map<number, { mentions: SkillMention[]; confidence: number }>();
  for (const m of raw) {
    const start = starts[m.from] as number;
    const end = ends[m.to - 1] as number;
    // What an ambiguous entry needs (the same for every entry of the match), and the mention's reading:
    // each worked out once, when first needed.
    let supported: boolean | undefined;
    let mention: Omit<SkillMention, 'surface'> | undefined;
    let surface = '';
    for (let e = entryStart[m.node] as number; e < (entryStart[m.node + 1] as number); e++) {
      const flags = entryFlags[e] as number;
      if (flags & ENTRY.CASE_SENSITIVE && !caseMatches(text, start, end, (entryList[e] as DictEntry).form))
        continue;
      if (flags & ENTRY.AMBIGUOUS) {
        supported ??=
          contextAround(matcher, scan, m.from, m.to) ||
          sentencesWithSure.has(sentences[m.from] as number) ||
          levelCue(matcher, scan, m.from, m.to) !== null;
        if (!supported) continue;
      }
      if (!mention) {
        mention = {
          start,
          end,
          negated: isNegated(matcher, scan, m.from),
          level: levelCue(matcher, scan, m.from, m.to),
        };
        surface = text.slice(start, end);
      }
      const one: SkillMention = {
        start,
        end,
        surface,
        negated: mention.negated,
        level: mention.level,
      };
      const confidence =
        flags & ENTRY.AMBIGUOUS ? 0.6 : m.to - m.from > 1 || flags & ENTRY.LONG_FORM ? 0.95 : 0.85;
      const skill = entrySkill[e] as number;
      const entry = found.get(skill);
      if (entry) {
        entry.mentions.push(one);
        entry.confidence = Math.max(entry.confidence, confidence);
      } else found.set(skill, { mentions: [one], confidence });
    }
  }

  const skills: ExtractedSkill[] = [];
  const negated: ExtractedSkill[] = [];
  const known = skillsIn(tax, matcher);
  for (const [skill, { mentions, confidence }] of found) {
    if (!known[skill]) continue;
    const skillId = skillIds[skill] as string;
    const positive: SkillMention[] = [];
    for (const mm of mentions) if (!mm.negated) positive.push(mm);
    const target = positive.length > 0 ? skills : negated;
    const used = positive.length > 0 ? positive : mentions;
    let level: number | null = null;
    for (const mm of used) if (mm.level !== null) level = Math.max(level ?? mm.level, mm.level);
    target.push({
      skillId,
      // A skill named several times is more certainly meant.
      confidence: Math.min(1, confidence + 0.02 * (used.length - 1)),
      mentions: used,
      level,
    });
  }
  skills.sort(byFirstMention);
  negated.sort(byFirstMention);
  return { lang, skills, negated };
}

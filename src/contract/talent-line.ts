/**
 * A line of JSON Lines straight to a packed talent, for bulk imports. JSON.parse of a 3.8 KB profile builds
 * ≈ 200 objects, the record check walks them, and packTalent JSON.stringifies most of them again (≈ 40 µs
 * a profile together, most of an import's first pass). A line written the way this application writes a
 * talent (`JSON.stringify` of the model: `vivier export`, the benchmark) is read here instead by a few
 * sticky regular expressions, one per record part (head, each skill, window and mission, tail), which
 * check the fields as they match and hand over the very tokens the packed lists are made of (≈ 20 µs
 * against ≈ 40, measured side by side; docs/decisions/0005-talent-storage-layout.md).
 *
 * Imports now run its byte-level twin, talent-line-bytes.ts (one scan of the UTF-8 bytes, no string made;
 * decisions/0008), which must answer exactly as this does: this file is the readable specification it is
 * tested against, and the benchmark's peer.
 *
 * Like the record check it fronts, it only ever says yes: it returns the packed talent when the line is
 * certainly a valid record (checkTalentRecord, then the taxonomy and key checks of validateTalent), with
 * exactly what that path would produce. Anything else — an invalid line, another key order, white space
 * between tokens, an escape, a number JSON.stringify would spell differently — gets `null`, and the caller
 * takes the full path (JSON.parse, the check, zod), which decides and words the message; such a line only
 * costs the failed match. test/import-talent-line.test.ts compares the two on mutated lines.
 *
 * Why copying tokens is exact: a string token without a backslash, a control character or a surrogate is
 * its own JSON.stringify (CHAR below admits nothing else), and its length is the length of its value; a
 * number token is kept only when `String(Number(token))` gives it back, which is what JSON.stringify writes.
 */
import type { PackedTalent } from '../core/import/packed-talent.js';
import type { TalentSource } from '../core/matching/types.js';
import {
  EVIDENCE_KINDS,
  FUNCTIONS,
  INDUSTRIES,
  OUTCOMES,
  REMOTE_PREFERENCES,
  type RemotePreference,
} from '../core/model.js';
import { EMAIL } from './talent-record-check.js';

/** The taxonomy as the scanner needs it: which skill ids exist. */
export interface KnownSkills {
  has(id: string): boolean;
}

/** A valid talent line, packed (its id when the line gives one). */
export interface PackedLine {
  id: string | undefined;
  packed: PackedTalent;
  /** The ids of its skills, sorted (to check them against the taxonomy when written). */
  skillIds: string[];
}

// Building blocks (as regular expression source). A string's characters: no quote, backslash, control
// character or UTF-16 surrogate, so the token is exactly what JSON.stringify writes for its value.
const CHAR = '[^"\\\\\\u0000-\\u001f\\ud800-\\udfff]';
const text = (min: number, max: number) => `"(${CHAR}{${min},${max}})"`;
const optText = (max: number) => `(null|"${CHAR}{0,${max}}")`;
const DATE = '"\\d{4}-\\d{2}-\\d{2}"';
const NUMBER = '(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)';
const oneOf = (values: readonly string[]) => `(?:${values.map((v) => `"${v}"`).join('|')})`;
/** A list of items (no trailing comma), captured without its brackets. */
const list = (item: string) => `\\[((?:${item}(?:,${item})*)?)\\]`;

const ID_TEXT = '"([A-Za-z0-9][A-Za-z0-9._:-]{0,99})"';

/** From the opening brace to the skills list (opened). */
const HEAD = new RegExp(
  [
    `\\{(?:"id":${ID_TEXT},)?`,
    `"externalId":(null|"${CHAR}{1,200}"),`,
    `"source":"(employee|freelance)",`,
    `"name":${text(1, 300)},`,
    `"email":${optText(320)},`,
    `"phone":${optText(60)},`,
    `"headline":${text(0, 300)},`,
    `"occupationId":${optText(300)},`,
    `"location":${text(0, 300)},`,
    `"remote":"(${REMOTE_PREFERENCES.join('|')})",`,
    `"languages":${list('"[a-z]{2}"')},`,
    `"dailyCost":${NUMBER},`,
    `"skills":\\[`,
  ].join(''),
  'y',
);
/** One skill, and the comma after it if another follows. */
const SKILL = new RegExp(
  [
    `\\{"skillId":${text(1, 300)},`,
    `"level":([1-5]),`,
    `"evidence":(null|${oneOf(EVIDENCE_KINDS)}),`,
    `"years":(null|${NUMBER}),`,
    `"lastUsed":(null|${DATE}),`,
    `"evidenceDetail":${optText(2000)}\\}(,?)`,
  ].join(''),
  'y',
);
/** From the end of the skills to the availability list (opened). */
const MIDDLE = new RegExp(
  `\\],"industries":${list(oneOf(INDUSTRIES))},"functions":${list(oneOf(FUNCTIONS))},"availability":\\[`,
  'y',
);
const WINDOW = new RegExp(`\\{"start":(${DATE}),"end":(${DATE}),"daysPerWeek":${NUMBER}\\}(,?)`, 'y');
const MISSIONS = /\],"missions":\[/y;
const MISSION = new RegExp(
  [
    `\\{"title":("${CHAR}{1,300}"),`,
    `"organization":${optText(300)},`,
    `"start":(${DATE}),`,
    `"end":(null|${DATE}),`,
    `"industry":(null|${oneOf(INDUSTRIES)}),`,
    `"businessFunction":(null|${oneOf(FUNCTIONS)}),`,
    `"skills":${list(`"${CHAR}{1,300}"`)},`,
    `"outcome":(null|${oneOf(OUTCOMES)})\\}(,?)`,
  ].join(''),
  'y',
);
/** A mission's skill ids, one at a time within its captured list. */
const HELD = new RegExp(`"(${CHAR}+)",?`, 'y');
const TAIL = new RegExp(`\\],"consentAt":(null|${DATE}),"retainUntil":(null|${DATE})\\}$`, 'y');

/** A nullable string token's value. */
const valueOf = (token: string): string | null => (token === 'null' ? null : token.slice(1, -1));

/** Whether `token` is what JSON.stringify writes for its number, within [min, max]. */
function canonical(token: string, min: number, max: number): boolean {
  const n = Number(token);
  return n >= min && n <= max && String(n) === token;
}

/** `re` matched at `at` in `line`, or null. */
function matchAt(re: RegExp, line: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(line);
}

/**
 * A number ordered as the first three UTF-16 units of `id` are (0 past its end: an id holds no NUL), so
 * that most comparisons while sorting skip `>` on two strings: V8 runs it in its runtime, a character at a
 * time, for the sliced strings a match hands over (sorting 20 skills: 3.7 µs a line that way, 1.8 with
 * the key).
 */
const sortKey = (id: string): number =>
  id.charCodeAt(0) * 0x1_0000_0000 + (id.charCodeAt(1) || 0) * 0x1_0000 + (id.charCodeAt(2) || 0);

/** The skills list from `at` (after its bracket): its packed text and sorted ids, and where it ends. */
function skills(
  line: string,
  at: number,
  known: KnownSkills,
): { text: string; ids: string[]; end: number } | null {
  // Matches kept in id order as they come (insertion: lists are short, and mostly sorted already).
  const ids: string[] = [];
  const keys: number[] = [];
  const matches: RegExpExecArray[] = [];
  if (line.charCodeAt(at) !== 0x5d)
    for (;;) {
      const m = matchAt(SKILL, line, at);
      if (!m || ids.length >= 1000) return null;
      at = SKILL.lastIndex;
      const id = m[1] as string;
      const years = m[4] as string;
      if (!known.has(id) || (years !== 'null' && !canonical(years, 0, 80))) return null;
      const key = sortKey(id);
      let i = ids.length;
      while (
        i > 0 &&
        ((keys[i - 1] as number) > key || (keys[i - 1] === key && (ids[i - 1] as string) > id))
      ) {
        ids[i] = ids[i - 1] as string;
        keys[i] = keys[i - 1] as number;
        matches[i] = matches[i - 1] as RegExpExecArray;
        i--;
      }
      // A skill listed twice is a reject, worded by the full path.
      if (i > 0 && keys[i - 1] === key && ids[i - 1] === id) return null;
      ids[i] = id;
      keys[i] = key;
      matches[i] = m;
      if (m[8] === '') break;
    }
  return { text: packSkills(matches), ids, end: at };
}

/**
 * The packed tuples of sorted skill matches, as one flat string: a single join of every piece, in an array
 * sized once. A template per tuple then a join of the tuples, an array grown piece by piece, or a loop over
 * a description of the tuple, each cost 0.7–1.5 µs more a line (20 skills); `+=` builds faster but leaves
 * a tree of concatenations that whoever writes the text flattens, no cheaper in all.
 */
function packSkills(matches: readonly RegExpExecArray[]): string {
  if (matches.length === 0) return '[]';
  const parts = new Array<string>(matches.length * 12 + 1);
  let k = 0;
  for (const m of matches) {
    parts[k] = k === 0 ? '[["' : '],["';
    parts[k + 1] = m[1] as string;
    parts[k + 2] = '",';
    parts[k + 3] = m[2] as string;
    parts[k + 4] = ',';
    parts[k + 5] = m[3] as string;
    parts[k + 6] = ',';
    parts[k + 7] = m[4] as string;
    parts[k + 8] = ',';
    parts[k + 9] = m[6] as string;
    parts[k + 10] = ',';
    parts[k + 11] = m[7] as string;
    k += 12;
  }
  parts[k] = ']]';
  return parts.join('');
}

/** The availability list from `at` (after its bracket), packed, and where it ends. */
function windows(line: string, at: number): { text: string; end: number } | null {
  const tuples: string[] = [];
  if (line.charCodeAt(at) !== 0x5d)
    for (;;) {
      const m = matchAt(WINDOW, line, at);
      if (!m || tuples.length >= 100 || !canonical(m[3] as string, 0, 7)) return null;
      at = WINDOW.lastIndex;
      tuples.push(`[${m[1]},${m[2]},${m[3]}]`);
      if (m[4] === '') break;
    }
  return { text: `[${tuples.join(',')}]`, end: at };
}

/** The missions list from `at` (after its bracket), packed, and where it ends. */
function missions(line: string, at: number, known: KnownSkills): { text: string; end: number } | null {
  const tuples: string[] = [];
  if (line.charCodeAt(at) !== 0x5d)
    for (;;) {
      const m = matchAt(MISSION, line, at);
      if (!m || tuples.length >= 500) return null;
      at = MISSION.lastIndex;
      const held = m[7] as string;
      let count = 0;
      for (let h = 0; h < held.length; count++) {
        const s = matchAt(HELD, held, h);
        if (!s || count >= 500 || !known.has(s[1] as string)) return null;
        h = HELD.lastIndex;
      }
      tuples.push(`[${m[1]},${m[2]},${m[3]},${m[4]},${m[5]},${m[6]},${m[8]},[${held}]]`);
      if (m[9] === '') break;
    }
  return { text: `[${tuples.join(',')}]`, end: at };
}

/** The line as a packed valid talent, or null: not certainly valid, take the full path. */
export function packTalentLine(line: string, known: KnownSkills): PackedLine | null {
  const head = matchAt(HEAD, line, 0);
  if (!head) return null;
  const id = head[1];
  const externalId = valueOf(head[2] as string);
  let email = valueOf(head[5] as string);
  const dailyCost = head[12] as string;
  if (email !== null) {
    if (!EMAIL.test(email)) return null;
    email = email.toLowerCase();
  }
  // A record needs a key to be recognised on a later import (validateTalent).
  if (!canonical(dailyCost, 0, 1_000_000) || (id === undefined && externalId === null && email === null))
    return null;
  const sk = skills(line, HEAD.lastIndex, known);
  if (!sk) return null;
  const mid = matchAt(MIDDLE, line, sk.end);
  if (!mid) return null;
  const av = windows(line, MIDDLE.lastIndex);
  if (!av || !matchAt(MISSIONS, line, av.end)) return null;
  const ms = missions(line, MISSIONS.lastIndex, known);
  if (!ms) return null;
  const tail = matchAt(TAIL, line, ms.end);
  if (!tail) return null;
  return {
    id,
    skillIds: sk.ids,
    packed: {
      externalId,
      source: head[3] as TalentSource,
      name: head[4] as string,
      email,
      phone: valueOf(head[6] as string),
      headline: head[7] as string,
      occupationId: valueOf(head[8] as string),
      location: head[9] as string,
      remote: head[10] as RemotePreference,
      dailyCost: Number(dailyCost),
      consentAt: valueOf(tail[1] as string),
      retainUntil: valueOf(tail[2] as string),
      languages: `[${head[11] as string}]`,
      industries: `[${mid[1] as string}]`,
      functions: `[${mid[2] as string}]`,
      skills: sk.text,
      availability: av.text,
      missions: ms.text,
    },
  };
}

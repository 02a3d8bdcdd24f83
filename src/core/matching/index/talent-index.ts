/**
 * A compact in-memory index of a talent pool, for exact top-K matching over a million talents
 * (see top-k.ts). Pure data structure: no I/O, no clock.
 *
 * It keeps, per talent, exactly what ranking reads (profile.ts: the skills for the skill parts, the
 * `ProfileFacts` for the others, and the filter attributes), so that `candidateAt(o)` and `factsAt(o)` give
 * back a candidate and facts that score and filter to the same doubles as the original record.
 *
 * Ordinals: a build (or `TalentIndex.builder`, which takes the pool one talent at a time) numbers the
 * talents in cluster order, similar ones next to each other (by the domain of most of their skills, then by
 * which of its most held skills they hold; see clusterOrder), so that the top-K scan's bounds on a word of
 * 32 talents are close to its best talent's and more words fall below θ; an id-sorted permutation maps ids
 * to ordinals, and ranking ties still break by id. Upserts append at the end; compaction re-clusters.
 *
 * Layout, per talent ordinal `o`, about 135 bytes a talent at a million:
 * - ids and names: two PackedStrings columns (one byte a character; about 29 bytes a talent for both).
 * - source and liveness: two bitmaps, `employee` and `freelance`; bit `o` is set in the talent's source's
 *   bitmap while the talent is alive, so "alive", "employees only" and "freelancers only" are each one
 *   32-bit word a 32 talents in the scan.
 * - flags: one bitmap each (0.125 byte a talent) for every industry and business function worked in
 *   (declared or through missions: the `ProfileFacts` masks), every core domain held at the breadth level,
 *   and two derived bound bitmaps: the breadth level (2 bits) and the track record rounded up to eighths
 *   (3 bits); and one per month of a 36-month span (chosen when a build finishes, around the windows' start months):
 *   the talents who may give days that month (no window at all, or a window with days in it). The top-K
 *   scan counts them 32 talents at a time like skills (see top-k.ts); the masks are rebuilt from them bit
 *   by bit for the few talents scored.
 * - the forward store: the talent's skills, each as one code `skill << attrBits | attr` (an interned skill
 *   and an interned (level, evidence) pair, so any level and evidence round-trip exactly): a Uint16 while
 *   there are at most 2,048 skills and 32 pairs (the built-in taxonomy has 842 skills, levels 1–5, four
 *   evidence kinds), else a Uint32; from `fwdStart[o]` to `fwdStart[o + 1]`. About 40 bytes a talent.
 * - mission counts (known outcome, production): a byte each (`MAX_MISSIONS` caps them).
 * - daily cost: a Float32 when that holds the value exactly (whole euros, halves…), else NaN there and
 *   the exact double in a side map; the least cost of each word of 32 talents (Float64) bounds the budget
 *   part and the maximum-rate filter a word at a time.
 * - availability windows as day numbers: (start, end) as Uint16 (1970–2149) and the capacity in half days
 *   a week as a byte, from `winStart[o]` to `winStart[o + 1]`; a talent whose windows do not fit so keeps
 *   them exactly in a side map.
 * - a tag: the interned (languages, location, remote preference) triple, Uint16 (Uint32 past 65,536
 *   distinct triples); a query evaluates its language and place filters once per tag, not per talent.
 * - per-skill postings, sorted by ordinal, in one of two containers chosen by density (as Roaring does):
 *   a bitmap (one bit a talent) when more than 1/32 of the talents hold the skill, else the ordinals as
 *   16-bit gaps (a gap of 65,535 or more is an escape followed by the ordinal in two halves): about 2 bytes
 *   a posting instead of 4. Levels are not in the postings: the bounds of the scan only need membership,
 *   and the forward store has the level for the few talents that get scored.
 *
 * Incremental updates: `upsert` tombstones the talent's previous ordinal (clears its source bit) and
 * appends the new version at a fresh ordinal (every column, a bit or a gap in each of its skills'
 * postings, and an id → ordinal entry in a small delta map on top of the id-sorted base permutation).
 * That is O(skills of the talent) and visible to the very next query: the scan masks every word with the
 * source bitmaps, so dead ordinals are never scored. Dead ordinals are reclaimed by `compact()`, which runs
 * by itself once they outnumber the live ones (so memory stays within twice the live size) and can be
 * called at any quiet time; it renumbers ordinals in cluster order and costs about one rebuild of the postings.
 *
 * Core domains come from the `domainOf` given to `build`: when the taxonomy's domains change, call
 * `refreshDomains` (the facts of every talent are recomputed from the forward store).
 */
import { civilFromDays } from '../../analytics/dates.js';
import { DomainError } from '../../errors.js';
import { FUNCTIONS, INDUSTRIES, type RemotePreference } from '../../model.js';
import { dayNumber, isoDate, type DayWindow } from '../../teams/working-days.js';
import { CORE_DOMAINS, type Domain } from '../../taxonomy/types.js';
import {
  BREADTH_LEVEL,
  domainBit,
  foldPlace,
  profileFacts,
  trackRecordValue,
  type ProfileFacts,
} from '../profile.js';
import type { Candidate, HeldSkill, MissionFacts, ScoredTalent, TalentSource } from '../types.js';
import { PackedStrings } from './packed-strings.js';

type FwdArray = Uint16Array | Uint32Array;
type TagArray = Uint16Array | Uint32Array;

export interface TalentIndexOptions {
  /** The taxonomy's skill → domain, for the breadth part (core domains held at level 3 or more). */
  domainOf: (skillId: string) => Domain | undefined;
  /**
   * A skill's postings become a bitmap once more than this share of ordinals hold it (default 1/32).
   * Tests lower or raise it to exercise both containers.
   */
  bitmapDensity?: number;
}

/** Sizes of a pool to come, for a builder to allocate its columns once (see TalentIndex.builder). */
export interface TalentIndexSizes {
  talents?: number;
  /** Skill claims over all talents. */
  heldSkills?: number;
  /** Availability windows over all talents. */
  windows?: number;
}

/** Takes a pool one talent at a time (later records with an id already seen replace the earlier ones). */
export interface TalentIndexBuilder {
  add(candidate: Candidate): void;
  /** The index of every record added; the builder cannot be used after. */
  finish(): TalentIndex;
}

export interface TalentIndexStats {
  /** Live talents. */
  talents: number;
  /** Ordinals in use, live or dead. */
  ordinals: number;
  dead: number;
  skills: number;
  /** Skill entries in the forward store (live and dead). */
  heldSkills: number;
  bitmapSkills: number;
  listSkills: number;
  /** Distinct (languages, location, remote) triples. */
  tags: number;
  /** Talents whose daily cost or windows are kept in a side map (not held exactly by the columns). */
  aside: number;
  /** Bytes held in typed arrays (allocated capacity), packed ids and names included. */
  typedArrayBytes: number;
}

/** An interned (languages, location, remote) triple, with what the filters compare. */
export interface TalentTag {
  languages: readonly string[];
  location: string;
  remote: RemotePreference;
  /** The languages lower-cased, as `passesFilters` compares them. */
  lowerLanguages: readonly string[];
  /** foldPlace(location). */
  place: string;
}

// Flag bitmaps (see the header), by position.
export const FLAG_INDUSTRY = 0;
export const FLAG_FUNCTION = FLAG_INDUSTRY + INDUSTRIES.length;
export const FLAG_DOMAIN = FLAG_FUNCTION + FUNCTIONS.length;
/** Two bits of the breadth level (0–3; the breadth value is level / 3). */
export const FLAG_BREADTH = FLAG_DOMAIN + CORE_DOMAINS.length;
/** Three bits of (track step − 1); the track record is at most step / TRACK_STEPS. */
export const FLAG_TRACK = FLAG_BREADTH + 2;
export const FLAG_COUNT = FLAG_TRACK + 3;
export const TRACK_STEPS = 8;
/**
 * Availability months: flag FLAG_COUNT + i is set for the talents who may give days in month
 * `monthFrom + i` (no window at all, or a window with a capacity above 0 that touches the month).
 */
export const TRACKED_MONTHS = 36;

/** Months since year 0 (year × 12 + month − 1) of a day number. */
export function monthOfDay(day: number): number {
  const { y, m } = civilFromDays(day);
  return y * 12 + m - 1;
}

/** The day number of the first day of a month (months since year 0). */
export function monthStartDay(month: number): number {
  const y = Math.floor(month / 12);
  const m = month - 12 * y + 1;
  return dayNumber(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`);
}

/** Read-only view of the index internals for the top-K scan; valid until the next update. */
export interface TalentIndexView {
  ordinals: number;
  ids: PackedStrings;
  /** Whether id order is ordinal order (records came sorted by id, none since): ties compare ordinals. */
  idsInOrdinalOrder: boolean;
  employee: Int32Array;
  freelance: Int32Array;
  /** FLAG_COUNT bitmaps (FLAG_INDUSTRY + i: worked in INDUSTRIES[i], …), then the availability months. */
  flags: readonly Int32Array[];
  /** The first availability month tracked (months since year 0), and how many (0: none). */
  monthFrom: number;
  months: number;
  /** Day numbers of the first day of each tracked month, and of the month after the last. */
  monthStarts: readonly number[];
  /** Per flag: bits ever set (dead included), for density estimates. */
  flagCount: readonly number[];
  skillCode: ReadonlyMap<string, number>;
  skillIds: readonly string[];
  /** Per skill code: its bitmap, or null when its postings are a gap list. */
  bits: readonly (Int32Array | null)[];
  /** Per skill code: its gap-coded ordinals (first `listLength[s]` entries; see decodeList), or null. */
  lists: readonly (Uint16Array | null)[];
  listLength: readonly number[];
  /** Per skill code: entries ever posted (dead included), for density estimates. */
  postingCount: readonly number[];
  fwdStart: Uint32Array;
  /** Missions with a known outcome, and those in production (ProfileFacts). */
  missions: Uint8Array;
  production: Uint8Array;
  /** Forward store codes: skill = code >>> attrBits, attr = code & ((1 << attrBits) - 1). */
  fwd: FwdArray;
  attrBits: number;
  attrLevel: readonly number[];
  attrEvidence: readonly (string | null)[];
  /** Daily costs as Float32; NaN where the exact value is kept aside (see costAt). */
  cost: Float32Array;
  /** Per word of 32 ordinals: the least daily cost among them (dead included; +∞ for none). */
  wordMinCost: Float64Array;
  tag: TagArray;
  tags: readonly TalentTag[];
  /** Availability windows in the columns: from winStart[o] to winStart[o + 1] (see windowsAt). */
  winStart: Uint32Array;
  /** (start, end) day numbers, interleaved. */
  winDays: Uint16Array;
  /** Capacity in half days a week. */
  winCap: Uint8Array;
  /** Talents whose windows are kept aside (their column range is empty). */
  winAside: ReadonlyMap<number, readonly DayWindow[]>;
}

/** Gap lists: a gap at or above this is written as ESCAPE, then the ordinal's low and high halves. */
const ESCAPE = 0xffff;

/** Calls `fn` on every ordinal of a gap list, in order. */
export function decodeList(list: Uint16Array, length: number, fn: (o: number) => void): void {
  let o = -1;
  for (let p = 0; p < length;) {
    const g = list[p++] as number;
    if (g === ESCAPE) {
      o = (list[p] as number) | ((list[p + 1] as number) << 16);
      p += 2;
    } else o += g;
    fn(o);
  }
}

/** Cluster order (see TalentIndex.clusterOrder): the most held skills of a domain in a talent's key. */
const SIGNATURE_SKILLS = 20;

/** Forward store packing: attribute bits in a Uint16 code (5: 32 pairs, 11 bits of skill), or a Uint32. */
const NARROW_ATTR_BITS = 5;
const WIDE_ATTR_BITS = 16;

const SOURCES: readonly TalentSource[] = ['employee', 'freelance'];
const NO_WINDOWS: readonly DayWindow[] = [];
const NO_SKILLS: readonly HeldSkill[] = [];
const PRODUCTION: MissionFacts = { industry: null, businessFunction: null, outcome: 'production' };
const NOT_PRODUCTION: MissionFacts = { industry: null, businessFunction: null, outcome: 'stopped' };

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** The breadth level (0–3) of a core-domain mask: breadthValue is level / 3. */
export function breadthLevel(domains: number): number {
  return Math.min(3, Math.max(0, popcount(domains) - 1));
}

/** The least step q in 1…TRACK_STEPS with q / TRACK_STEPS ≥ the track record value of the facts. */
export function trackStep(f: ProfileFacts): number {
  const v = trackRecordValue(f);
  let q = Math.min(TRACK_STEPS, Math.max(1, Math.ceil(v * TRACK_STEPS)));
  while (q < TRACK_STEPS && q / TRACK_STEPS < v) q++;
  return q;
}

type Resizable = Int32Array | Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array;

function growTo<T extends Resizable>(a: T, min: number): T {
  if (a.length >= min) return a;
  const cap = Math.max(min, Math.ceil(a.length * 1.25) + 16);
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

/** Exactly `length` elements: the contents, truncated or zero-padded. */
function resize<T extends Resizable>(a: T, length: number): T {
  if (a.length === length) return a;
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a.length > length ? a.subarray(0, length) : a);
  return b;
}

const setBit = (b: Int32Array, o: number) => (b[o >>> 5] = (b[o >>> 5] as number) | (1 << (o & 31)));
const hasBit = (b: Int32Array, o: number) => (((b[o >>> 5] as number) >>> (o & 31)) & 1) === 1;

/**
 * The first availability month to track: a year before the median start month of the pool's windows (so
 * that most projects' months fall in the TRACKED_MONTHS tracked); null without windows.
 */
function chooseMonths(startMonths: ReadonlyMap<number, number>): number | null {
  let total = 0;
  for (const n of startMonths.values()) total += n;
  if (total === 0) return null;
  const months = [...startMonths.keys()].sort((a, b) => a - b);
  let seen = 0;
  for (const m of months) {
    seen += startMonths.get(m) as number;
    if (2 * seen > total) return m - 12;
  }
  return (months[months.length - 1] as number) - 12;
}

/** Per-ordinal columns: what compaction renumbers. */
interface Columns {
  n: number;
  /** Capacity in ordinals, a multiple of 32. */
  cap: number;
  ids: PackedStrings;
  names: PackedStrings;
  employee: Int32Array;
  freelance: Int32Array;
  flags: Int32Array[];
  flagCount: number[];
  fwdStart: Uint32Array;
  fwd: FwdArray;
  fwdLen: number;
  missions: Uint8Array;
  production: Uint8Array;
  cost: Float32Array;
  costAside: Map<number, number>;
  wordMinCost: Float64Array;
  tag: TagArray;
  winStart: Uint32Array;
  /** (start, end) day numbers, interleaved. */
  winDays: Uint16Array;
  /** Capacity in half days a week. */
  winCap: Uint8Array;
  winLen: number;
  winAside: Map<number, readonly DayWindow[]>;
}

function newColumns(
  cap: number,
  held: number,
  windows: number,
  wideFwd: boolean,
  wideTag: boolean,
  nFlags: number,
): Columns {
  const words = cap >>> 5;
  return {
    n: 0,
    cap,
    ids: new PackedStrings(cap, 12),
    names: new PackedStrings(cap, 16),
    employee: new Int32Array(words),
    freelance: new Int32Array(words),
    flags: Array.from({ length: nFlags }, () => new Int32Array(words)),
    flagCount: new Array<number>(nFlags).fill(0),
    fwdStart: new Uint32Array(cap + 1),
    fwd: wideFwd ? new Uint32Array(held) : new Uint16Array(held),
    fwdLen: 0,
    missions: new Uint8Array(cap),
    production: new Uint8Array(cap),
    cost: new Float32Array(cap),
    costAside: new Map(),
    wordMinCost: new Float64Array(words).fill(Infinity),
    tag: wideTag ? new Uint32Array(cap) : new Uint16Array(cap),
    winStart: new Uint32Array(cap + 1),
    winDays: new Uint16Array(2 * windows),
    winCap: new Uint8Array(windows),
    winLen: 0,
    winAside: new Map(),
  };
}

/** Per-skill postings. */
interface Postings {
  bits: (Int32Array | null)[];
  lists: (Uint16Array | null)[];
  listLength: number[];
  /** Last ordinal in each list (-1 for none): gaps are taken from it. */
  listLast: number[];
  count: number[];
}

/** What `appendRecord` writes, computed (and validated) before anything changes. */
interface Encoded {
  candidate: Candidate;
  facts: ProfileFacts;
  /** (skill, attribute) code pairs, de-duplicated (first-claim order, last claim's attributes), packed
   * when appended (interning may widen the packing until then); the first `length` entries. */
  codes: Int32Array;
  length: number;
  tag: number;
}

/** The entries of a map by ordinal whose ordinal is kept, renumbered, in their new order. */
function remapped<T>(map: ReadonlyMap<number, T>, remap: Int32Array): [number, T][] {
  const out: [number, T][] = [];
  for (const [o, x] of map) {
    const r = remap[o] as number;
    if (r >= 0) out.push([r, x]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * Copies the ordinals of `from` that `remap` keeps (its place there, or -1), `live` of them, into the
 * empty columns `to` (compaction; ids, names and flags are copied apart). Column by column, reading
 * `from` in its order and writing scattered: the new order is a cluster order unrelated to the ordinals,
 * and reading scattered costs about three times as much (each read waits on a cache miss).
 */
function copyColumns(from: Columns, remap: Int32Array, live: number, to: Columns): void {
  const n = from.n;
  const { employee, fwdStart, fwd, winStart, winDays, winCap, missions, production, cost, tag } = from;
  const { fwdStart: toFwdStart, fwd: toFwd, winStart: toWinStart, winDays: toWinDays, winCap: toWinCap } = to;
  const { missions: toMissions, production: toProduction, cost: toCost, tag: toTag } = to;
  // Where each record's skills and windows start: the lengths put in their new places, then summed.
  for (let o = 0; o < n; o++) {
    const r = remap[o] as number;
    if (r < 0) continue;
    toFwdStart[r + 1] = (fwdStart[o + 1] as number) - (fwdStart[o] as number);
    toWinStart[r + 1] = (winStart[o + 1] as number) - (winStart[o] as number);
  }
  let held = 0;
  let windows = 0;
  for (let r = 0; r < live; r++) {
    held += toFwdStart[r + 1] as number;
    toFwdStart[r + 1] = held;
    windows += toWinStart[r + 1] as number;
    toWinStart[r + 1] = windows;
  }
  for (let o = 0; o < n; o++) {
    const r = remap[o] as number;
    if (r < 0) continue;
    setBit(hasBit(employee, o) ? to.employee : to.freelance, r);
    toMissions[r] = missions[o] as number;
    toProduction[r] = production[o] as number;
    toCost[r] = cost[o] as number;
    toTag[r] = tag[o] as number;
    let k = toFwdStart[r] as number;
    const b = fwdStart[o + 1] as number;
    for (let p = fwdStart[o] as number; p < b; p++) toFwd[k++] = fwd[p] as number;
    let w = toWinStart[r] as number;
    const wb = winStart[o + 1] as number;
    for (let p = winStart[o] as number; p < wb; p++) {
      toWinDays[2 * w] = winDays[2 * p] as number;
      toWinDays[2 * w + 1] = winDays[2 * p + 1] as number;
      toWinCap[w++] = winCap[p] as number;
    }
  }
  to.fwdLen = held;
  to.winLen = windows;
  // A word's least cost, in the new order (NaN, for a cost kept aside, is never below).
  const toWordMinCost = to.wordMinCost;
  for (let r = 0; r < live; r++) {
    const x = toCost[r] as number;
    if (x < (toWordMinCost[r >>> 5] as number)) toWordMinCost[r >>> 5] = x;
  }
  // The few records kept aside, by new ordinal.
  for (const [o, x] of remapped(from.costAside, remap)) {
    to.costAside.set(o, x);
    if (x < (toWordMinCost[o >>> 5] as number)) toWordMinCost[o >>> 5] = x;
  }
  for (const [o, x] of remapped(from.winAside, remap)) to.winAside.set(o, x);
  to.n = live;
}

/**
 * `items` in the order of their `keys` (each below 2^24), stably: two passes of a radix sort on 12 bits
 * each, linear where a comparison sort of a million keys costs several times as much.
 */
export function sortByKey(keys: Int32Array, items: Uint32Array): Uint32Array {
  const n = keys.length;
  const tmpKeys = new Int32Array(n);
  const tmpItems = new Uint32Array(n);
  const out = new Uint32Array(n);
  const at = new Int32Array(4097);
  for (let i = 0; i < n; i++) {
    const d = ((keys[i] as number) & 4095) + 1;
    at[d] = (at[d] as number) + 1;
  }
  for (let d = 1; d <= 4096; d++) at[d] = (at[d] as number) + (at[d - 1] as number);
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    const d = key & 4095;
    const p = at[d] as number;
    at[d] = p + 1;
    tmpKeys[p] = key;
    tmpItems[p] = items[i] as number;
  }
  at.fill(0);
  for (let i = 0; i < n; i++) {
    const d = ((tmpKeys[i] as number) >>> 12) + 1;
    at[d] = (at[d] as number) + 1;
  }
  for (let d = 1; d <= 4096; d++) at[d] = (at[d] as number) + (at[d - 1] as number);
  for (let i = 0; i < n; i++) {
    const d = (tmpKeys[i] as number) >>> 12;
    const p = at[d] as number;
    at[d] = p + 1;
    out[p] = tmpItems[i] as number;
  }
  return out;
}

export class TalentIndex {
  private readonly bitmapDensity: number;
  private domainOf: (skillId: string) => Domain | undefined;
  /**
   * Availability months tracked (see TRACKED_MONTHS), chosen when a build finishes from the windows
   * (none until then, and none for a pool without windows).
   */
  private monthFrom = 0;
  private months = 0;
  private monthFirstDay = 0;
  private monthLastDay = -1;
  private readonly monthHit = new Uint8Array(TRACKED_MONTHS);
  /** Per day of the months tracked (from monthFirstDay): its month, from 0 (see trackedMonthOf). */
  private dayMonth = new Uint8Array(0);
  private monthStarts: number[] = [0];
  /** During a build: how many windows start in each month (months since year 0). */
  private startMonths: Map<number, number> | null = null;
  // Dictionaries.
  private readonly skillCode = new Map<string, number>();
  private readonly skillIds: string[] = [];
  /** Per skill code: its core domain's bit when held at BREADTH_LEVEL (domainBit), for the breadth. */
  private skillDomainBit: number[] = [];
  private readonly attrByLevel = new Map<number, Map<string | null, number>>();
  private readonly attrLevel: number[] = [];
  private readonly attrEvidence: (string | null)[] = [];
  private attrBits = NARROW_ATTR_BITS;
  private readonly tagByKey = new Map<string, number>();
  private readonly tags: TalentTag[] = [];
  // Columns and postings.
  private c: Columns;
  private p: Postings = { bits: [], lists: [], listLength: [], listLast: [], count: [] };
  private nDead = 0;
  // id → ordinal: ordinals sorted by id (the base, as of the last build or compaction; null when that is
  // ordinal order itself, as when records come sorted by id), and the ids written since, which take
  // precedence.
  private basePerm: Uint32Array | null = null;
  private baseCount = 0;
  private delta = new Map<string, number>();
  /** The ids as given, during a build only (to sort them without decoding). */
  private buildIds: string[] | null = null;
  // Scratch for de-duplicating a candidate's skills (the last claim of a skill wins, as in scoreCandidate).
  private seenStamp = new Int32Array(0);
  private seenAt = new Int32Array(0);
  private stamp = 0;
  private codeScratch = new Int32Array(64);

  private constructor(options: TalentIndexOptions, capacity: number, held: number, windows: number) {
    this.bitmapDensity = options.bitmapDensity ?? 1 / 32;
    this.domainOf = options.domainOf;
    this.c = newColumns(Math.ceil(capacity / 32) * 32, held, windows, false, false, FLAG_COUNT);
  }

  /** Builds the index of a pool. Later records with an id already seen replace the earlier ones. */
  static build(candidates: Iterable<Candidate>, options: TalentIndexOptions): TalentIndex {
    let expected: TalentIndexSizes = {};
    if (Array.isArray(candidates)) {
      // Sized up front: growing arrays of tens of megabytes would copy them and stress the collector.
      const list = candidates as readonly Candidate[];
      let heldSkills = 0;
      let windows = 0;
      for (const c of list) {
        heldSkills += c.skills.length;
        windows += c.availability.length;
      }
      expected = { talents: list.length, heldSkills, windows };
    }
    const builder = TalentIndex.builder(options, expected);
    for (const c of candidates) builder.add(c);
    return builder.finish();
  }

  /**
   * A builder that takes the pool one talent at a time (from a storage cursor, say), so that the records
   * need not all be held at once; `finish` gives the same index as `build` over the same records in the
   * same order. `expected` sizes the columns up front (a guess is fine: they grow or shrink to fit).
   */
  static builder(options: TalentIndexOptions, expected: TalentIndexSizes = {}): TalentIndexBuilder {
    const index = new TalentIndex(
      options,
      expected.talents ?? 0,
      expected.heldSkills ?? 0,
      expected.windows ?? 0,
    );
    index.buildIds = [];
    index.startMonths = new Map();
    let finished = false;
    const open = () => {
      if (finished) throw new DomainError('invalid_input', 'matching index builder: already finished');
    };
    return {
      add(candidate: Candidate): void {
        open();
        index.appendRecord(index.encode(candidate));
      },
      finish(): TalentIndex {
        open();
        finished = true;
        index.finishBuild();
        return index;
      },
    };
  }

  /** Live talents. */
  get size(): number {
    return this.c.n - this.nDead;
  }

  has(id: string): boolean {
    return this.ordinalOf(id) >= 0;
  }

  /** The talent as indexed (see candidateAt), or undefined. */
  get(id: string): Candidate | undefined {
    const o = this.ordinalOf(id);
    return o < 0 ? undefined : this.candidateAt(o);
  }

  /** The facts of a talent as indexed, or undefined. */
  facts(id: string): ProfileFacts | undefined {
    const o = this.ordinalOf(id);
    return o < 0 ? undefined : this.factsAt(o);
  }

  /**
   * Adds a talent or replaces the one with the same id; visible to the next query. A record that ranking
   * would refuse (an availability date that is not a date, a daily cost that is not a finite number) is
   * refused here, before anything changes.
   */
  upsert(candidate: Candidate): void {
    const encoded = this.encode(candidate);
    const old = this.ordinalOf(candidate.id);
    if (old >= 0) this.tombstone(old);
    const o = this.appendRecord(encoded);
    const { fwdStart, fwd } = this.c;
    for (let k = fwdStart[o] as number; k < (fwdStart[o + 1] as number); k++) {
      this.post((fwd[k] as number) >>> this.attrBits, o);
    }
    this.delta.set(candidate.id, o);
    this.maybeCompact();
  }

  /** Removes a talent; false if there was none with this id. */
  remove(id: string): boolean {
    const o = this.ordinalOf(id);
    if (o < 0) return false;
    this.tombstone(o);
    this.delta.delete(id);
    this.maybeCompact();
    return true;
  }

  /**
   * Recomputes every talent's core domains (breadth) with a new skill → domain map, for when the
   * taxonomy's domains change; O(held skills).
   */
  refreshDomains(domainOf: (skillId: string) => Domain | undefined): void {
    this.domainOf = domainOf;
    this.skillDomainBit = this.skillIds.map((id) => domainBit(id, BREADTH_LEVEL, domainOf));
    const c = this.c;
    for (let f = FLAG_DOMAIN; f < FLAG_TRACK; f++) {
      (c.flags[f] as Int32Array).fill(0);
      c.flagCount[f] = 0;
    }
    for (let o = 0; o < c.n; o++) this.setDomains(o, this.domainsFromStore(o));
  }

  /**
   * Drops dead ordinals and renumbers the live ones in cluster order (see clusterOrder), so that talents
   * added since the build join their neighbours; O(pool).
   */
  compact(): void {
    if (this.nDead === 0) return;
    this.relayout(this.c.n - this.nDead);
  }

  /**
   * Renumbers the live ordinals in cluster order into new columns with room for `capacity` talents, and
   * rebuilds the postings; the id → ordinal map follows.
   */
  private relayout(capacity: number): void {
    const old = this.c;
    const { order: kept, holders } = this.clusterOrder();
    const live = kept.length;
    const remap = new Int32Array(old.n).fill(-1);
    let held = 0;
    let windows = 0;
    for (let r = 0; r < live; r++) remap[kept[r] as number] = r;
    // Totals in ordinal order: reading in cluster order would wait on a cache miss a talent.
    for (let o = 0; o < old.n; o++) {
      if (remap[o] === -1) continue;
      held += (old.fwdStart[o + 1] as number) - (old.fwdStart[o] as number);
      windows += (old.winStart[o + 1] as number) - (old.winStart[o] as number);
    }
    const c = newColumns(
      Math.ceil(Math.max(capacity, live) / 32) * 32,
      held,
      windows,
      old.fwd instanceof Uint32Array,
      old.tag instanceof Uint32Array,
      old.flags.length,
    );
    c.ids = old.ids.select(kept);
    c.names = old.names.select(kept);
    copyColumns(old, remap, live, c);
    // Flags bit by bit over the set bits only: most flags are sparse, and most words have none.
    for (let f = 0; f < old.flags.length; f++) {
      const from = old.flags[f] as Int32Array;
      const to = c.flags[f] as Int32Array;
      let count = 0;
      for (let w = 0; w < from.length; w++) {
        for (let x = from[w] as number; x !== 0; x &= x - 1) {
          const r = remap[(w << 5) | (31 - Math.clz32(x & -x))];
          if (r === undefined || r < 0) continue;
          setBit(to, r);
          count++;
        }
      }
      c.flagCount[f] = count;
    }
    this.c = c;
    // The base, mapped to the new ordinals, is still in id order; merge in the delta, sorted.
    const base = new Uint32Array(this.baseCount);
    let baseLength = 0;
    const basePerm = this.basePerm;
    for (let i = 0; i < this.baseCount; i++) {
      const r = remap[basePerm ? (basePerm[i] as number) : i] as number;
      if (r >= 0) base[baseLength++] = r;
    }
    const extra = [...this.delta.values()]
      .map((o) => remap[o] as number)
      .filter((r) => r >= 0)
      .sort((a, b) => this.compareIds(a, b));
    const perm = new Uint32Array(baseLength + extra.length);
    let i = 0;
    let j = 0;
    for (let p = 0; p < perm.length; p++) {
      const a = i < baseLength ? base[i] : undefined;
      const b = extra[j];
      if (b === undefined || (a !== undefined && this.compareIds(a, b) < 0)) {
        perm[p] = a as number;
        i++;
      } else {
        perm[p] = b;
        j++;
      }
    }
    this.setBase(perm);
    this.delta = new Map();
    this.nDead = 0;
    this.buildPostings(holders);
  }

  stats(): TalentIndexStats {
    const c = this.c;
    let bitmapSkills = 0;
    let listSkills = 0;
    let bytes =
      c.employee.byteLength +
      c.freelance.byteLength +
      c.flags.reduce((a, b) => a + b.byteLength, 0) +
      c.fwdStart.byteLength +
      c.fwd.byteLength +
      c.missions.byteLength +
      c.production.byteLength +
      c.cost.byteLength +
      c.wordMinCost.byteLength +
      c.tag.byteLength +
      c.winStart.byteLength +
      c.winDays.byteLength +
      c.winCap.byteLength +
      (this.basePerm?.byteLength ?? 0) +
      c.ids.byteLength +
      c.names.byteLength +
      this.seenStamp.byteLength +
      this.seenAt.byteLength;
    for (let s = 0; s < this.skillIds.length; s++) {
      const b = this.p.bits[s];
      const l = this.p.lists[s];
      if (b) {
        bitmapSkills++;
        bytes += b.byteLength;
      } else if (l) {
        listSkills++;
        bytes += l.byteLength;
      }
    }
    const aside = new Set([...c.costAside.keys(), ...c.winAside.keys()]).size;
    return {
      talents: this.size,
      ordinals: c.n,
      dead: this.nDead,
      skills: this.skillIds.length,
      heldSkills: c.fwdLen,
      bitmapSkills,
      listSkills,
      tags: this.tags.length,
      aside,
      typedArrayBytes: bytes,
    };
  }

  /** The internals, for the top-K scan. */
  view(): TalentIndexView {
    const c = this.c;
    return {
      ordinals: c.n,
      ids: c.ids,
      idsInOrdinalOrder: this.basePerm === null && this.delta.size === 0 && this.baseCount === c.n,
      employee: c.employee,
      freelance: c.freelance,
      flags: c.flags,
      flagCount: c.flagCount,
      monthFrom: this.monthFrom,
      months: this.months,
      monthStarts: this.monthStarts,
      skillCode: this.skillCode,
      skillIds: this.skillIds,
      bits: this.p.bits,
      lists: this.p.lists,
      listLength: this.p.listLength,
      postingCount: this.p.count,
      fwdStart: c.fwdStart,
      missions: c.missions,
      production: c.production,
      fwd: c.fwd,
      attrBits: this.attrBits,
      attrLevel: this.attrLevel,
      attrEvidence: this.attrEvidence,
      cost: c.cost,
      wordMinCost: c.wordMinCost,
      tag: c.tag,
      tags: this.tags,
      winStart: c.winStart,
      winDays: c.winDays,
      winCap: c.winCap,
      winAside: c.winAside,
    };
  }

  /** The daily cost at an ordinal, exactly. */
  costAt(o: number): number {
    const x = this.c.cost[o] as number;
    return x === x ? x : (this.c.costAside.get(o) ?? NaN);
  }

  /** The availability windows at an ordinal (shared, do not change them). */
  windowsAt(o: number): readonly DayWindow[] {
    const c = this.c;
    const from = c.winStart[o] as number;
    const to = c.winStart[o + 1] as number;
    if (from === to) return c.winAside.size > 0 ? (c.winAside.get(o) ?? NO_WINDOWS) : NO_WINDOWS;
    const out: DayWindow[] = [];
    for (let k = from; k < to; k++) {
      out.push({
        start: c.winDays[2 * k] as number,
        end: c.winDays[2 * k + 1] as number,
        daysPerWeek: (c.winCap[k] as number) / 2,
      });
    }
    return out;
  }

  /** Bit mask of the flags from `first` to `first + count` at an ordinal. */
  private maskAt(o: number, first: number, count: number): number {
    const flags = this.c.flags;
    let m = 0;
    for (let i = 0; i < count; i++) if (hasBit(flags[first + i] as Int32Array, o)) m |= 1 << i;
    return m;
  }

  /** The `ProfileFacts` at an ordinal: equal to those of the record that was indexed. */
  factsAt(o: number): ProfileFacts {
    const c = this.c;
    return {
      industries: this.maskAt(o, FLAG_INDUSTRY, INDUSTRIES.length),
      functions: this.maskAt(o, FLAG_FUNCTION, FUNCTIONS.length),
      missions: c.missions[o] as number,
      production: c.production[o] as number,
      dailyCost: this.costAt(o),
      windows: this.windowsAt(o),
      domains: this.maskAt(o, FLAG_DOMAIN, CORE_DOMAINS.length),
    };
  }

  /**
   * What scoring reads of the talent at an ordinal (id, name, source, and the skills as in candidateAt),
   * without rebuilding the rest of the record: the top K become matches from this and factsAt.
   */
  scoredTalentAt(o: number): ScoredTalent {
    const c = this.c;
    const mask = this.attrMask();
    const skills: HeldSkill[] = [];
    for (let k = c.fwdStart[o] as number; k < (c.fwdStart[o + 1] as number); k++) {
      const code = c.fwd[k] as number;
      const a = code & mask;
      skills.push({
        skillId: this.skillIds[code >>> this.attrBits] as string,
        level: this.attrLevel[a] as number,
        evidence: this.attrEvidence[a] ?? null,
      });
    }
    return {
      id: c.ids.get(o),
      name: c.names.get(o),
      source: SOURCES[hasBit(c.employee, o) ? 0 : 1] ?? 'freelance',
      skills,
    };
  }

  /**
   * The talent at an ordinal, rebuilt: id, name, source, skills (each once, at its first claim's place,
   * with its last claim's level and evidence), daily cost, languages, location and remote as given, and
   * industries, functions, missions and availability that give the same `ProfileFacts` (the missions are
   * stood for by outcomes only, their industries and functions being merged into the talent's).
   */
  candidateAt(o: number): Candidate {
    const f = this.factsAt(o);
    const missions: MissionFacts[] = [];
    for (let m = 0; m < f.missions; m++) missions.push(m < f.production ? PRODUCTION : NOT_PRODUCTION);
    const tag = this.tags[this.c.tag[o] as number] as TalentTag;
    return {
      ...this.scoredTalentAt(o),
      industries: INDUSTRIES.filter((_, i) => (f.industries >>> i) & 1),
      functions: FUNCTIONS.filter((_, i) => (f.functions >>> i) & 1),
      missions,
      availability: f.windows.map((w) => ({
        start: isoDate(w.start),
        end: isoDate(w.end),
        daysPerWeek: w.daysPerWeek,
      })),
      dailyCost: f.dailyCost,
      languages: [...tag.languages],
      location: tag.location,
      remote: tag.remote,
    };
  }

  private attrMask(): number {
    return (1 << this.attrBits) - 1;
  }

  private isAlive(o: number): boolean {
    const w = o >>> 5;
    return ((((this.c.employee[w] as number) | (this.c.freelance[w] as number)) >>> (o & 31)) & 1) === 1;
  }

  private compareIds(a: number, b: number): number {
    const x = this.c.ids.get(a);
    const y = this.c.ids.get(b);
    return x < y ? -1 : x > y ? 1 : a - b;
  }

  /** The live ordinal of an id, or -1. */
  private ordinalOf(id: string): number {
    const d = this.delta.get(id);
    if (d !== undefined) return this.isAlive(d) ? d : -1;
    const perm = this.basePerm;
    const ids = this.c.ids;
    let lo = 0;
    let hi = this.baseCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids.get(perm ? (perm[mid] as number) : mid) < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.baseCount) return -1;
    const o = perm ? (perm[lo] as number) : lo;
    return ids.get(o) === id && this.isAlive(o) ? o : -1;
  }

  /** Sets the id-sorted base permutation, kept only when it is not ordinal order. */
  private setBase(perm: Uint32Array): void {
    let identity = true;
    for (let i = 0; i < perm.length && identity; i++) identity = perm[i] === i;
    this.basePerm = identity ? null : perm;
    this.baseCount = perm.length;
  }

  private tombstone(o: number): void {
    const w = o >>> 5;
    const clear = ~(1 << (o & 31));
    this.c.employee[w] = (this.c.employee[w] as number) & clear;
    this.c.freelance[w] = (this.c.freelance[w] as number) & clear;
    this.nDead++;
  }

  private maybeCompact(): void {
    if (this.nDead > 64 && this.nDead > this.c.n - this.nDead) this.compact();
  }

  private internSkill(id: string): number {
    let code = this.skillCode.get(id);
    if (code === undefined) {
      code = this.skillIds.length;
      if (code >= 1 << (16 - this.attrBits) && this.c.fwd instanceof Uint16Array) this.widenForward();
      if (code >= 1 << (32 - this.attrBits))
        throw new DomainError('too_large', 'matching index: more than 65,536 distinct skills', 'skills');
      this.skillCode.set(id, code);
      this.skillIds.push(id);
      this.skillDomainBit.push(domainBit(id, BREADTH_LEVEL, this.domainOf));
      this.p.bits.push(null);
      this.p.lists.push(new Uint16Array(4));
      this.p.listLength.push(0);
      this.p.listLast.push(-1);
      this.p.count.push(0);
      if (code >= this.seenStamp.length) {
        this.seenStamp = growTo(this.seenStamp, code + 1);
        this.seenAt = growTo(this.seenAt, code + 1);
      }
    }
    return code;
  }

  private internAttr(level: number, evidence: string | null): number {
    let byEvidence = this.attrByLevel.get(level);
    if (!byEvidence) this.attrByLevel.set(level, (byEvidence = new Map()));
    let code = byEvidence.get(evidence);
    if (code === undefined) {
      code = this.attrLevel.length;
      if (code > this.attrMask()) {
        if (this.c.fwd instanceof Uint16Array) this.widenForward();
        else
          throw new DomainError(
            'too_large',
            'matching index: more than 65,536 distinct (level, evidence) pairs',
            'skills',
          );
      }
      byEvidence.set(evidence, code);
      this.attrLevel.push(level);
      this.attrEvidence.push(evidence);
    }
    return code;
  }

  /** Re-packs the forward store as Uint32 codes (16 bits of skill, 16 of attributes). */
  private widenForward(): void {
    const old = this.c.fwd;
    const fwd = new Uint32Array(old.length);
    const mask = this.attrMask();
    for (let k = 0; k < this.c.fwdLen; k++) {
      const code = old[k] as number;
      fwd[k] = (((code >>> this.attrBits) << WIDE_ATTR_BITS) | (code & mask)) >>> 0;
    }
    this.c.fwd = fwd;
    this.attrBits = WIDE_ATTR_BITS;
  }

  private internTag(languages: readonly string[], location: string, remote: RemotePreference): number {
    const key = `${languages.join('\u0001')}\u0000${location}\u0000${remote}`;
    let code = this.tagByKey.get(key);
    if (code === undefined) {
      code = this.tags.length;
      if (code > 0xffff && this.c.tag instanceof Uint16Array) this.c.tag = Uint32Array.from(this.c.tag);
      this.tagByKey.set(key, code);
      this.tags.push({
        languages: [...languages],
        location,
        remote,
        lowerLanguages: languages.map((l) => l.toLowerCase()),
        place: foldPlace(location),
      });
    }
    return code;
  }

  /** Everything a record needs, validated; interns its skills, attributes and tag. */
  private encode(c: Candidate): Encoded {
    if (!Number.isFinite(c.dailyCost))
      throw new DomainError('invalid_input', `dailyCost: expected a number, got ${c.dailyCost}`, 'dailyCost');
    // Throws on a bad availability date, as ranking would. The core domains are taken below from the
    // de-duplicated skills (as refreshDomains does): profileFacts would de-duplicate them once more
    // through a Map, the largest cost of a build.
    const facts = profileFacts(c.skills.length > 0 ? { ...c, skills: NO_SKILLS } : c, this.domainOf);
    const stamp = ++this.stamp;
    // Skill and attribute codes in a reused scratch (a build appends a million records).
    let codes = this.codeScratch;
    if (codes.length < 2 * c.skills.length)
      this.codeScratch = codes = new Int32Array(2 * c.skills.length + 64);
    let n = 0;
    for (const s of c.skills) {
      const skill = this.internSkill(s.skillId);
      const attr = this.internAttr(s.level, s.evidence);
      if (this.seenStamp[skill] === stamp) {
        codes[(this.seenAt[skill] as number) + 1] = attr;
        continue;
      }
      this.seenStamp[skill] = stamp;
      this.seenAt[skill] = n;
      codes[n++] = skill;
      codes[n++] = attr;
    }
    let domains = 0;
    for (let k = 0; k < n; k += 2) domains |= this.domainBitOf(codes[k] as number, codes[k + 1] as number);
    facts.domains = domains;
    return { candidate: c, facts, codes, length: n, tag: this.internTag(c.languages, c.location, c.remote) };
  }

  private ensureOrdinalCapacity(n: number): void {
    const c = this.c;
    if (n <= c.cap) return;
    const cap = Math.ceil(Math.max(n, c.cap * 1.125 + 32) / 32) * 32;
    const words = cap >>> 5;
    c.employee = resize(c.employee, words);
    c.freelance = resize(c.freelance, words);
    c.flags = c.flags.map((b) => resize(b, words));
    const oldWords = c.wordMinCost.length;
    c.wordMinCost = resize(c.wordMinCost, words);
    c.wordMinCost.fill(Infinity, oldWords);
    c.fwdStart = resize(c.fwdStart, cap + 1);
    c.missions = resize(c.missions, cap);
    c.production = resize(c.production, cap);
    c.cost = resize(c.cost, cap);
    c.tag = resize(c.tag, cap);
    c.winStart = resize(c.winStart, cap + 1);
    this.p.bits = this.p.bits.map((b) => (b ? resize(b, words) : null));
    c.cap = cap;
  }

  private setDomains(o: number, domains: number): void {
    const c = this.c;
    for (let i = 0; i < CORE_DOMAINS.length; i++) {
      if ((domains >>> i) & 1) {
        setBit(c.flags[FLAG_DOMAIN + i] as Int32Array, o);
        c.flagCount[FLAG_DOMAIN + i] = (c.flagCount[FLAG_DOMAIN + i] as number) + 1;
      }
    }
    const level = breadthLevel(domains);
    for (let i = 0; i < 2; i++) {
      if ((level >>> i) & 1) {
        setBit(c.flags[FLAG_BREADTH + i] as Int32Array, o);
        c.flagCount[FLAG_BREADTH + i] = (c.flagCount[FLAG_BREADTH + i] as number) + 1;
      }
    }
  }

  private domainsFromStore(o: number): number {
    const c = this.c;
    const mask = this.attrMask();
    let domains = 0;
    for (let k = c.fwdStart[o] as number; k < (c.fwdStart[o + 1] as number); k++) {
      const code = c.fwd[k] as number;
      domains |= this.domainBitOf(code >>> this.attrBits, code & mask);
    }
    return domains;
  }

  /** domainBit of a skill code at an attribute's level, from the per-skill cache (a held skill counts at
   * BREADTH_LEVEL and above, so the bit at that level is the bit at any level that counts). */
  private domainBitOf(skill: number, attr: number): number {
    return (this.attrLevel[attr] as number) >= BREADTH_LEVEL ? (this.skillDomainBit[skill] as number) : 0;
  }

  private setFlag(o: number, f: number): void {
    setBit(this.c.flags[f] as Int32Array, o);
    this.c.flagCount[f] = (this.c.flagCount[f] as number) + 1;
  }

  /** The availability months of a talent (see TRACKED_MONTHS). */
  private setMonths(o: number, windows: readonly DayWindow[]): void {
    if (this.months === 0) return;
    if (windows.length === 0) {
      for (let i = 0; i < this.months; i++) this.setFlag(o, FLAG_COUNT + i);
      return;
    }
    const hit = this.monthHit;
    let lo = this.months;
    let hi = -1;
    for (const w of windows) {
      // A window gives days only at a capacity above 0 (availableDaysIn clamps it to 0–5).
      if (!(w.daysPerWeek > 0)) continue;
      const from = Math.max(w.start, this.monthFirstDay);
      const to = Math.min(w.end, this.monthLastDay);
      if (!(from <= to)) continue;
      const a = this.trackedMonthOf(from);
      const b = this.trackedMonthOf(to);
      for (let i = a; i <= b; i++) hit[i] = 1;
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    // Only the months touched, cleared for the next talent as they are read.
    for (let i = lo; i <= hi; i++) {
      if (hit[i]) {
        hit[i] = 0;
        this.setFlag(o, FLAG_COUNT + i);
      }
    }
  }

  /** monthOfDay(day) - monthFrom, for a day in the months tracked; from a table for a whole day. */
  private trackedMonthOf(day: number): number {
    const t = day - this.monthFirstDay;
    return Number.isInteger(t) ? (this.dayMonth[t] as number) : monthOfDay(day) - this.monthFrom;
  }

  /** Appends a record at a new ordinal: everything but the postings. */
  private appendRecord(e: Encoded): number {
    const o = this.c.n;
    this.ensureOrdinalCapacity(o + 1);
    const c = this.c;
    const { candidate, facts } = e;
    c.ids.push(candidate.id);
    c.names.push(candidate.name);
    this.buildIds?.push(candidate.id);
    setBit(candidate.source === 'employee' ? c.employee : c.freelance, o);
    // Flags.
    for (let i = 0; i < INDUSTRIES.length; i++)
      if ((facts.industries >>> i) & 1) this.setFlag(o, FLAG_INDUSTRY + i);
    for (let i = 0; i < FUNCTIONS.length; i++)
      if ((facts.functions >>> i) & 1) this.setFlag(o, FLAG_FUNCTION + i);
    this.setDomains(o, facts.domains);
    const step = trackStep(facts) - 1;
    for (let i = 0; i < 3; i++) if ((step >>> i) & 1) this.setFlag(o, FLAG_TRACK + i);
    this.setMonths(o, facts.windows);
    if (this.startMonths) {
      for (const w of facts.windows) {
        const m = monthOfDay(w.start);
        this.startMonths.set(m, (this.startMonths.get(m) ?? 0) + 1);
      }
    }
    // Forward store.
    const start = c.fwdLen;
    const held = e.length >>> 1;
    c.fwd = growTo(c.fwd, start + held);
    const shift = this.attrBits;
    for (let k = 0; k < held; k++)
      c.fwd[start + k] = (((e.codes[2 * k] as number) << shift) | (e.codes[2 * k + 1] as number)) >>> 0;
    c.fwdLen = start + held;
    c.fwdStart[o + 1] = c.fwdLen;
    // Profile columns.
    c.missions[o] = facts.missions;
    c.production[o] = facts.production;
    this.setCost(o, facts.dailyCost);
    c.tag[o] = e.tag;
    this.setWindows(o, facts.windows);
    c.n = o + 1;
    return o;
  }

  private setCost(o: number, cost: number): void {
    const c = this.c;
    const narrow = Math.fround(cost);
    if (narrow === cost) c.cost[o] = narrow;
    else {
      c.cost[o] = NaN;
      c.costAside.set(o, cost);
    }
    const w = o >>> 5;
    if (cost < (c.wordMinCost[w] as number)) c.wordMinCost[w] = cost;
  }

  /** Windows in the columns when every one fits exactly, else in the side map. */
  private setWindows(o: number, windows: readonly DayWindow[]): void {
    const c = this.c;
    const fits = windows.every(
      (w) =>
        Number.isInteger(w.start) &&
        Number.isInteger(w.end) &&
        w.start >= 0 &&
        w.end >= 0 &&
        w.start <= 0xffff &&
        w.end <= 0xffff &&
        Number.isInteger(2 * w.daysPerWeek) &&
        w.daysPerWeek >= 0 &&
        2 * w.daysPerWeek <= 0xff &&
        !Object.is(w.daysPerWeek, -0),
    );
    const start = c.winLen;
    if (fits && windows.length > 0) {
      c.winDays = growTo(c.winDays, 2 * (start + windows.length));
      c.winCap = growTo(c.winCap, start + windows.length);
      windows.forEach((w, k) => {
        c.winDays[2 * (start + k)] = w.start;
        c.winDays[2 * (start + k) + 1] = w.end;
        c.winCap[start + k] = 2 * w.daysPerWeek;
      });
      c.winLen = start + windows.length;
    } else if (!fits)
      c.winAside.set(
        o,
        windows.map((w) => ({ ...w })),
      );
    c.winStart[o] = start;
    c.winStart[o + 1] = c.winLen;
  }

  /**
   * After the appends of a build: the id order (later duplicates win), the availability months, then the
   * talents renumbered in cluster order into tight columns, and the postings.
   */
  private finishBuild(): void {
    const c = this.c;
    const n = c.n;
    const ids = this.buildIds ?? [];
    this.buildIds = null;
    let sorted = true;
    for (let o = 1; o < n && sorted; o++) sorted = (ids[o - 1] as string) < (ids[o] as string);
    let perm = new Uint32Array(n);
    for (let o = 0; o < n; o++) perm[o] = o;
    if (!sorted) {
      perm.sort((a, b) => {
        const x = ids[a] as string;
        const y = ids[b] as string;
        return x < y ? -1 : x > y ? 1 : a - b;
      });
      // Equal ids sit together, ordinals ascending: keep the last record of each.
      const keep: number[] = [];
      for (let k = 0; k < n; k++) {
        const o = perm[k] as number;
        const next = perm[k + 1];
        if (next !== undefined && ids[next] === ids[o]) this.tombstone(o);
        else keep.push(o);
      }
      if (keep.length !== n) perm = Uint32Array.from(keep);
    }
    this.setBase(perm);
    // Room for 1/16 more talents: the first upserts after a build must not copy every column.
    const live = n - this.nDead;
    this.relayout(live + Math.ceil(live / 16) + 32);
    const from = chooseMonths(this.startMonths ?? new Map<number, number>());
    this.startMonths = null;
    if (from !== null) this.trackMonths(from);
  }

  /** Starts tracking the availability months from `from` (months since year 0), for every ordinal. */
  private trackMonths(from: number): void {
    this.monthFrom = from;
    this.months = TRACKED_MONTHS;
    this.monthStarts = Array.from({ length: this.months + 1 }, (_, i) => monthStartDay(from + i));
    this.monthFirstDay = this.monthStarts[0] as number;
    this.monthLastDay = (this.monthStarts[this.months] as number) - 1;
    this.dayMonth = new Uint8Array(this.monthLastDay - this.monthFirstDay + 1);
    for (let i = 0; i < this.months; i++)
      this.dayMonth.fill(
        i,
        (this.monthStarts[i] as number) - this.monthFirstDay,
        (this.monthStarts[i + 1] as number) - this.monthFirstDay,
      );
    const c = this.c;
    for (let i = 0; i < this.months; i++) {
      c.flags.push(new Int32Array(c.cap >>> 5));
      c.flagCount.push(0);
    }
    for (let o = 0; o < c.n; o++) this.setMonths(o, this.windowsAt(o));
  }

  /**
   * The live ordinals in the order a build or compaction gives them: similar talents next to each other,
   * so that the top-K scan's bound on a word of 32 talents is close to that of its best talent and whole
   * words fall below θ (see top-k.ts). Talents are grouped by the taxonomy domain most of their skills are
   * in (the first such domain on a tie), then ordered by which of that domain's SIGNATURE_SKILLS most held
   * skills they hold (holders of the most held one first, and so on down), then by ordinal: deterministic.
   * Ranking ties do not depend on it (they break by id).
   */
  private clusterOrder(): { order: Uint32Array; holders: Float64Array } {
    const c = this.c;
    const shift = this.attrBits;
    const nSkills = this.skillIds.length;
    const groupOf = new Int32Array(nSkills);
    const groupByDomain = new Map<Domain | undefined, number>();
    for (let s = 0; s < nSkills; s++) {
      const d = this.domainOf(this.skillIds[s] as string);
      let g = groupByDomain.get(d);
      if (g === undefined) groupByDomain.set(d, (g = groupByDomain.size));
      groupOf[s] = g;
    }
    const nGroups = groupByDomain.size;
    const { fwdStart, fwd } = c;
    // In a build without duplicate ids every ordinal is alive: no liveness test a talent.
    const allAlive = this.nDead === 0;
    const holders = new Float64Array(nSkills);
    let live = 0;
    for (let o = 0; o < c.n; o++) {
      if (!allAlive && !this.isAlive(o)) continue;
      live++;
      const b = fwdStart[o + 1] as number;
      for (let k = fwdStart[o] as number; k < b; k++) {
        const s = (fwd[k] as number) >>> shift;
        holders[s] = (holders[s] as number) + 1;
      }
    }
    // Each skill's rank in its domain by holders (most held first; ties by code).
    const bySkill = Array.from({ length: nSkills }, (_, s) => s).sort(
      (a, b) => (holders[b] as number) - (holders[a] as number) || a - b,
    );
    const rank = new Int32Array(nSkills);
    const ranked = new Int32Array(nGroups);
    for (const s of bySkill) {
      const g = groupOf[s] as number;
      rank[s] = ranked[g] as number;
      ranked[g] = (ranked[g] as number) + 1;
    }
    // Key: the group (4 bits), then the signature complemented (holders first); the ordinals, taken in
    // order and sorted stably, break ties.
    const top = (1 << SIGNATURE_SKILLS) - 1;
    const count = new Int32Array(nGroups);
    const keys = new Int32Array(live);
    const ordinals = new Uint32Array(live);
    let r = 0;
    for (let o = 0; o < c.n; o++) {
      if (!allAlive && !this.isAlive(o)) continue;
      const a = fwdStart[o] as number;
      const b = fwdStart[o + 1] as number;
      let best = 0;
      for (let k = a; k < b; k++) {
        const g = groupOf[(fwd[k] as number) >>> shift] as number;
        const x = (count[g] as number) + 1;
        count[g] = x;
        if (x > (count[best] as number) || (x === count[best] && g < best)) best = g;
      }
      let signature = 0;
      for (let k = a; k < b; k++) {
        const s = (fwd[k] as number) >>> shift;
        const g = groupOf[s] as number;
        count[g] = 0;
        const q = rank[s] as number;
        if (g === best && q < SIGNATURE_SKILLS) signature |= 1 << (SIGNATURE_SKILLS - 1 - q);
      }
      // DOMAINS has fewer than 16 entries; a domainOf beyond them shares the last group.
      keys[r] = (Math.min(best, 15) << SIGNATURE_SKILLS) | (top - signature);
      ordinals[r++] = o;
    }
    return { order: sortByKey(keys, ordinals), holders };
  }

  /**
   * Rebuilds every skill's postings from the forward store (live ordinals only), given how many live
   * talents hold each skill (clusterOrder counts them: the live talents are the same before and after
   * their renumbering).
   */
  private buildPostings(holders: Float64Array): void {
    const c = this.c;
    const skills = this.skillIds.length;
    const shift = this.attrBits;
    const { fwdStart, fwd } = c;
    // After a relayout every ordinal is alive: no liveness test a talent.
    const allAlive = this.nDead === 0;
    const count = Array.from(holders);
    const words = c.cap >>> 5;
    const p: Postings = {
      bits: count.map((x) => (x > c.cap * this.bitmapDensity ? new Int32Array(words) : null)),
      lists: [],
      listLength: new Array<number>(skills).fill(0),
      listLast: new Array<number>(skills).fill(-1),
      count,
    };
    // Room for every gap and a few escapes; `appendGap` grows a list that needs more.
    p.lists = count.map((x, s) => (p.bits[s] ? null : new Uint16Array(Math.max(4, x + 6))));
    this.p = p;
    const bits = p.bits;
    for (let o = 0; o < c.n; o++) {
      if (!allAlive && !this.isAlive(o)) continue;
      const b = fwdStart[o + 1] as number;
      for (let k = fwdStart[o] as number; k < b; k++) {
        const s = (fwd[k] as number) >>> shift;
        const bm = bits[s];
        if (bm) setBit(bm, o);
        else this.appendGap(s, o);
      }
    }
  }

  /** Appends ordinal `o` (larger than the list's last) to a gap list. */
  private appendGap(s: number, o: number): void {
    const p = this.p;
    const len = p.listLength[s] as number;
    let l = p.lists[s] as Uint16Array;
    const gap = o - (p.listLast[s] as number);
    if (gap < ESCAPE) {
      if (len + 1 > l.length) p.lists[s] = l = growTo(l, len + 1);
      l[len] = gap;
      p.listLength[s] = len + 1;
    } else {
      if (len + 3 > l.length) p.lists[s] = l = growTo(l, len + 3);
      l[len] = ESCAPE;
      l[len + 1] = o & 0xffff;
      l[len + 2] = o >>> 16;
      p.listLength[s] = len + 3;
    }
    p.listLast[s] = o;
  }

  /** Adds ordinal `o` (the largest yet) to a skill's postings; a list grown dense becomes a bitmap. */
  private post(s: number, o: number): void {
    const p = this.p;
    const c = this.c;
    p.count[s] = (p.count[s] as number) + 1;
    const b = p.bits[s];
    if (b) {
      setBit(b, o);
      return;
    }
    if (p.count[s] > c.cap * this.bitmapDensity) {
      const bm = new Int32Array(c.cap >>> 5);
      decodeList(p.lists[s] as Uint16Array, p.listLength[s] as number, (x) => setBit(bm, x));
      setBit(bm, o);
      p.bits[s] = bm;
      p.lists[s] = null;
      p.listLength[s] = 0;
      p.listLast[s] = -1;
      return;
    }
    this.appendGap(s, o);
  }
}

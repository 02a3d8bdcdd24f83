/**
 * A compact in-memory index of a talent pool, for exact top-K matching over a million talents
 * (see top-k.ts). Pure data structure: no I/O, no clock.
 *
 * Layout, per talent ordinal `o` (0, 1, 2… in insertion order):
 * - ids and names: two PackedStrings columns (one byte a character, about 30 bytes a talent for both;
 *   as JS strings in arrays they would take about 110).
 * - source and liveness as two bitmaps, `employee` and `freelance`: bit `o` is set in the talent's source's
 *   bitmap while the talent is alive, so "alive", "employees only" and "freelancers only" are each one
 *   32-bit word a 32 talents in the scan (0.25 byte a talent).
 * - a forward store: the talent's skills as interned skill codes (`fwdSkill`, Uint16 until there are more
 *   than 65,536 skills) and attribute codes (`fwdAttr`, Uint8: an interned (level, evidence) pair, so any
 *   level value and evidence string round-trip exactly), from `fwdStart[o]` to `fwdStart[o + 1]`.
 *   Exact scoring and the rebuilt `Candidate` of a top-K talent read it.
 * - per-skill postings, sorted by ordinal, in one of two containers chosen by density (as Roaring does):
 *   a bitmap (Int32Array, one bit a talent) when more than 1/32 of the talents hold the skill, else a
 *   sorted Uint32Array of ordinals. With the built-in taxonomy (842 skills, ~20 a talent, Zipf-popular)
 *   about 140 skills get a bitmap (17 bytes a talent together) and the rest lists. Bitmaps give O(1)
 *   membership and 32-talents-at-a-time unions and intersections to the top-K scan. Levels are not in the
 *   postings (the usual ordinal + level pair): the bounds of the scan only need membership, and the forward
 *   store has the level for the few talents that get scored, which saves a byte a posting.
 *
 * Incremental updates: `upsert` tombstones the talent's previous ordinal (clears its source bit) and
 * appends the new version at a fresh ordinal (forward store, a bit or an entry in each of its skills'
 * postings, and an id → ordinal entry in a small delta map on top of the id-sorted base permutation).
 * That is O(skills of the talent) and visible to the very next query: the scan masks every word with the
 * source bitmaps, so dead ordinals are never scored. Dead ordinals are reclaimed by `compact()`, which runs
 * by itself once they outnumber the live ones (so memory stays within twice the live size) and can be
 * called at any quiet time; it renumbers ordinals in order and costs about one rebuild of the postings.
 */
import type { Candidate, HeldSkill, TalentSource } from '../types.js';
import { PackedStrings } from './packed-strings.js';

type CodeArray = Uint8Array | Uint16Array | Uint32Array;

export interface TalentIndexOptions {
  /**
   * A skill's postings become a bitmap once more than this share of ordinals hold it (default 1/32,
   * where a bitmap and an ordinal list cost the same memory). Tests lower or raise it to exercise both.
   */
  bitmapDensity?: number;
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
  /** Bytes held in typed arrays (allocated capacity), packed ids and names included. */
  typedArrayBytes: number;
}

/** Read-only view of the index internals for the top-K scan; valid until the next update. */
export interface TalentIndexView {
  ordinals: number;
  ids: PackedStrings;
  names: PackedStrings;
  /** Whether id order is ordinal order (records came sorted by id, none since): ties compare ordinals. */
  idsInOrdinalOrder: boolean;
  employee: Int32Array;
  freelance: Int32Array;
  skillCode: ReadonlyMap<string, number>;
  skillIds: readonly string[];
  /** Per skill code: its bitmap, or null when its postings are a list. */
  bits: readonly (Int32Array | null)[];
  /** Per skill code: its sorted ordinal list (first `listLength[s]` entries), or null for a bitmap. */
  lists: readonly (Uint32Array | null)[];
  listLength: readonly number[];
  /** Per skill code: entries ever posted (dead included), for density estimates. */
  postingCount: readonly number[];
  fwdStart: Uint32Array;
  fwdSkill: CodeArray;
  fwdAttr: CodeArray;
  attrLevel: readonly number[];
  attrEvidence: readonly (string | null)[];
}

const SOURCES: readonly TalentSource[] = ['employee', 'freelance'];

function maxCode(a: CodeArray): number {
  return a instanceof Uint8Array ? 0xff : a instanceof Uint16Array ? 0xffff : 0xffffffff;
}

/** Same contents in an array wide enough for `code`. */
function widenFor(a: CodeArray, code: number): CodeArray {
  if (code <= maxCode(a)) return a;
  const b = code <= 0xffff ? new Uint16Array(a.length) : new Uint32Array(a.length);
  b.set(a);
  return b;
}

function growTo<T extends CodeArray | Int32Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  const cap = Math.max(min, Math.ceil(a.length * 1.25) + 16);
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

/** Exactly `length` elements: the contents, truncated or zero-padded. */
function resize<T extends CodeArray | Int32Array>(a: T, length: number): T {
  if (a.length === length) return a;
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a.length > length ? a.subarray(0, length) : a);
  return b;
}

function shrinkTo<T extends CodeArray | Int32Array>(a: T, length: number): T {
  return a.length === length ? a : (a.slice(0, length) as T);
}

export class TalentIndex {
  private readonly bitmapDensity: number;
  // Dictionaries.
  private readonly skillCode = new Map<string, number>();
  private readonly skillIds: string[] = [];
  private readonly attrByLevel = new Map<number, Map<string | null, number>>();
  private readonly attrLevel: number[] = [];
  private readonly attrEvidence: (string | null)[] = [];
  // Per ordinal.
  private nOrd = 0;
  private nDead = 0;
  private capOrd = 0;
  private ids = new PackedStrings();
  private names = new PackedStrings();
  private employee = new Int32Array(0);
  private freelance = new Int32Array(0);
  // Forward store.
  private fwdStart = new Uint32Array(1);
  private fwdSkill: CodeArray = new Uint16Array(0);
  private fwdAttr: CodeArray = new Uint8Array(0);
  private fwdLen = 0;
  // Postings, per skill code.
  private bits: (Int32Array | null)[] = [];
  private lists: (Uint32Array | null)[] = [];
  private listLength: number[] = [];
  private postingCount: number[] = [];
  // id → ordinal: ordinals sorted by id (the base, as of the last build or compaction; null when that is
  // ordinal order itself, as when records come sorted by id), and the ids written since, which take
  // precedence.
  private basePerm: Uint32Array | null = null;
  private baseCount = 0;
  private delta = new Map<string, number>();
  // Scratch for de-duplicating a candidate's skills (the last claim of a skill wins, as in scoreCandidate).
  /** The ids as given, during a build only (to sort them without decoding). */
  private buildIds: string[] | null = null;
  private seenStamp = new Int32Array(0);
  private seenAt = new Int32Array(0);
  private stamp = 0;

  private constructor(options: TalentIndexOptions) {
    this.bitmapDensity = options.bitmapDensity ?? 1 / 32;
  }

  /** Builds the index of a pool. Later records with an id already seen replace the earlier ones. */
  static build(candidates: Iterable<Candidate>, options: TalentIndexOptions = {}): TalentIndex {
    const index = new TalentIndex(options);
    if (Array.isArray(candidates)) {
      // Sized up front: growing arrays of tens of megabytes would copy them and stress the collector.
      const list = candidates as readonly Candidate[];
      let held = 0;
      for (const c of list) held += c.skills.length;
      index.fwdSkill = new Uint16Array(held);
      index.fwdAttr = new Uint8Array(held);
      index.ensureOrdinalCapacity(list.length);
      index.ids = new PackedStrings(list.length, 12);
      index.names = new PackedStrings(list.length, 16);
    }
    index.buildIds = [];
    for (const c of candidates) index.appendRecord(c);
    index.finishBuild();
    return index;
  }

  /** Live talents. */
  get size(): number {
    return this.nOrd - this.nDead;
  }

  has(id: string): boolean {
    return this.ordinalOf(id) >= 0;
  }

  /** The talent as indexed (skills de-duplicated, in first-claim order), or undefined. */
  get(id: string): Candidate | undefined {
    const o = this.ordinalOf(id);
    return o < 0 ? undefined : this.candidateAt(o);
  }

  /** Adds a talent or replaces the one with the same id; visible to the next query. */
  upsert(candidate: Candidate): void {
    const old = this.ordinalOf(candidate.id);
    if (old >= 0) this.tombstone(old);
    const o = this.appendRecord(candidate);
    for (let k = this.fwdStart[o] ?? 0; k < (this.fwdStart[o + 1] ?? 0); k++) {
      this.post(this.fwdSkill[k] ?? 0, o);
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

  /** Drops dead ordinals and renumbers the live ones in order; O(pool). */
  compact(): void {
    if (this.nDead === 0) return;
    const oldIds = this.ids;
    const oldNames = this.names;
    const oldStart = this.fwdStart;
    const oldSkill = this.fwdSkill;
    const oldAttr = this.fwdAttr;
    const oldEmployee = this.employee;
    const alive = new Uint8Array(this.nOrd);
    let entries = 0;
    for (let o = 0; o < this.nOrd; o++) {
      if (!this.isAlive(o)) continue;
      alive[o] = 1;
      entries += (oldStart[o + 1] as number) - (oldStart[o] as number);
    }
    const live = this.nOrd - this.nDead;
    const remap = new Int32Array(this.nOrd).fill(-1);
    const kept = new Uint32Array(live);
    for (let o = 0, r = 0; o < this.nOrd; o++) if (alive[o]) kept[r++] = o;
    this.ids = oldIds.select(kept);
    this.names = oldNames.select(kept);
    this.capOrd = Math.ceil(live / 32) * 32;
    this.employee = new Int32Array(this.capOrd >>> 5);
    this.freelance = new Int32Array(this.capOrd >>> 5);
    this.fwdStart = new Uint32Array(this.capOrd + 1);
    this.fwdSkill = new (oldSkill.constructor as new (n: number) => CodeArray)(entries);
    this.fwdAttr = new (oldAttr.constructor as new (n: number) => CodeArray)(entries);
    let n = 0;
    let len = 0;
    for (let o = 0; o < this.nOrd; o++) {
      if (!alive[o]) continue;
      remap[o] = n;
      const target = ((oldEmployee[o >>> 5] as number) >>> (o & 31)) & 1 ? this.employee : this.freelance;
      target[n >>> 5] = (target[n >>> 5] as number) | (1 << (n & 31));
      for (let k = oldStart[o] as number; k < (oldStart[o + 1] as number); k++) {
        this.fwdSkill[len] = oldSkill[k] as number;
        this.fwdAttr[len] = oldAttr[k] as number;
        len++;
      }
      n++;
      this.fwdStart[n] = len;
    }
    // Base ids stay in id order under an order-preserving renumbering; merge in the delta, sorted.
    const base: number[] = [];
    for (let i = 0; i < this.baseCount; i++) {
      const r = remap[this.basePerm ? (this.basePerm[i] as number) : i] as number;
      if (r >= 0) base.push(r);
    }
    const extra = [...this.delta.values()]
      .map((o) => remap[o] as number)
      .filter((r) => r >= 0)
      .sort((a, b) => this.compareIds(a, b));
    const perm = new Uint32Array(base.length + extra.length);
    let i = 0;
    let j = 0;
    for (let p = 0; p < perm.length; p++) {
      const a = base[i];
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
    this.nOrd = live;
    this.nDead = 0;
    this.fwdLen = len;
    this.buildPostings();
  }

  stats(): TalentIndexStats {
    let bitmapSkills = 0;
    let listSkills = 0;
    let bytes =
      this.employee.byteLength +
      this.freelance.byteLength +
      this.fwdStart.byteLength +
      this.fwdSkill.byteLength +
      this.fwdAttr.byteLength +
      (this.basePerm?.byteLength ?? 0) +
      this.ids.byteLength +
      this.names.byteLength +
      this.seenStamp.byteLength +
      this.seenAt.byteLength;
    for (let s = 0; s < this.skillIds.length; s++) {
      const b = this.bits[s];
      const l = this.lists[s];
      if (b) {
        bitmapSkills++;
        bytes += b.byteLength;
      } else if (l) {
        listSkills++;
        bytes += l.byteLength;
      }
    }
    return {
      talents: this.size,
      ordinals: this.nOrd,
      dead: this.nDead,
      skills: this.skillIds.length,
      heldSkills: this.fwdLen,
      bitmapSkills,
      listSkills,
      typedArrayBytes: bytes,
    };
  }

  /** The internals, for the top-K scan. */
  view(): TalentIndexView {
    return {
      ordinals: this.nOrd,
      ids: this.ids,
      names: this.names,
      idsInOrdinalOrder: this.basePerm === null && this.delta.size === 0 && this.baseCount === this.nOrd,
      employee: this.employee,
      freelance: this.freelance,
      skillCode: this.skillCode,
      skillIds: this.skillIds,
      bits: this.bits,
      lists: this.lists,
      listLength: this.listLength,
      postingCount: this.postingCount,
      fwdStart: this.fwdStart,
      fwdSkill: this.fwdSkill,
      fwdAttr: this.fwdAttr,
      attrLevel: this.attrLevel,
      attrEvidence: this.attrEvidence,
    };
  }

  /** The talent at an ordinal, rebuilt from the forward store. */
  candidateAt(o: number): Candidate {
    const skills: HeldSkill[] = [];
    for (let k = this.fwdStart[o] ?? 0; k < (this.fwdStart[o + 1] ?? 0); k++) {
      const a = this.fwdAttr[k] ?? 0;
      skills.push({
        skillId: this.skillIds[this.fwdSkill[k] ?? 0] ?? '',
        level: this.attrLevel[a] ?? 0,
        evidence: this.attrEvidence[a] ?? null,
      });
    }
    const w = o >>> 5;
    const employee = ((this.employee[w] ?? 0) >>> (o & 31)) & 1;
    return {
      id: this.ids.get(o),
      name: this.names.get(o),
      source: SOURCES[employee ? 0 : 1] ?? 'freelance',
      skills,
    };
  }

  private isAlive(o: number): boolean {
    const w = o >>> 5;
    return ((((this.employee[w] ?? 0) | (this.freelance[w] ?? 0)) >>> (o & 31)) & 1) === 1;
  }

  private compareIds(a: number, b: number): number {
    const x = this.ids.get(a);
    const y = this.ids.get(b);
    return x < y ? -1 : x > y ? 1 : a - b;
  }

  /** The live ordinal of an id, or -1. */
  private ordinalOf(id: string): number {
    const d = this.delta.get(id);
    if (d !== undefined) return this.isAlive(d) ? d : -1;
    const perm = this.basePerm;
    let lo = 0;
    let hi = this.baseCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids.get(perm ? (perm[mid] as number) : mid) < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.baseCount) return -1;
    const o = perm ? (perm[lo] as number) : lo;
    return this.ids.get(o) === id && this.isAlive(o) ? o : -1;
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
    this.employee[w] = (this.employee[w] ?? 0) & clear;
    this.freelance[w] = (this.freelance[w] ?? 0) & clear;
    this.nDead++;
  }

  private maybeCompact(): void {
    if (this.nDead > 64 && this.nDead > this.nOrd - this.nDead) this.compact();
  }

  private internSkill(id: string): number {
    let code = this.skillCode.get(id);
    if (code === undefined) {
      code = this.skillIds.length;
      this.skillCode.set(id, code);
      this.skillIds.push(id);
      this.bits.push(null);
      this.lists.push(new Uint32Array(4));
      this.listLength.push(0);
      this.postingCount.push(0);
      this.fwdSkill = widenFor(this.fwdSkill, code);
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
      byEvidence.set(evidence, code);
      this.attrLevel.push(level);
      this.attrEvidence.push(evidence);
      this.fwdAttr = widenFor(this.fwdAttr, code);
    }
    return code;
  }

  private ensureOrdinalCapacity(n: number): void {
    if (n <= this.capOrd) return;
    const cap = Math.ceil(Math.max(n, this.capOrd * 1.125 + 32) / 32) * 32;
    const words = cap >>> 5;
    this.employee = resize(this.employee, words);
    this.freelance = resize(this.freelance, words);
    this.fwdStart = resize(this.fwdStart, cap + 1);
    this.bits = this.bits.map((b) => (b ? resize(b, words) : null));
    this.capOrd = cap;
  }

  /** Appends a record at a new ordinal: everything but the postings. */
  private appendRecord(c: Candidate): number {
    const o = this.nOrd;
    this.ensureOrdinalCapacity(o + 1);
    this.ids.push(c.id);
    this.names.push(c.name);
    this.buildIds?.push(c.id);
    const target = c.source === 'employee' ? this.employee : this.freelance;
    target[o >>> 5] = (target[o >>> 5] ?? 0) | (1 << (o & 31));
    const stamp = ++this.stamp;
    const start = this.fwdLen;
    this.fwdSkill = growTo(this.fwdSkill, start + c.skills.length);
    this.fwdAttr = growTo(this.fwdAttr, start + c.skills.length);
    let len = start;
    for (const s of c.skills) {
      const code = this.internSkill(s.skillId);
      const attr = this.internAttr(s.level, s.evidence);
      if (this.seenStamp[code] === stamp) {
        this.fwdAttr[this.seenAt[code] ?? 0] = attr;
        continue;
      }
      this.seenStamp[code] = stamp;
      this.seenAt[code] = len;
      this.fwdSkill[len] = code;
      this.fwdAttr[len] = attr;
      len++;
    }
    this.fwdLen = len;
    this.nOrd = o + 1;
    this.fwdStart[o + 1] = len;
    return o;
  }

  /** After the appends of a build: the id order (later duplicates win), tight arrays, the postings. */
  private finishBuild(): void {
    const n = this.nOrd;
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
    this.ids.trim();
    this.names.trim();
    this.fwdSkill = shrinkTo(this.fwdSkill, this.fwdLen);
    this.fwdAttr = shrinkTo(this.fwdAttr, this.fwdLen);
    this.capOrd = Math.ceil(n / 32) * 32;
    this.employee = shrinkTo(this.employee, this.capOrd >>> 5);
    this.freelance = shrinkTo(this.freelance, this.capOrd >>> 5);
    this.fwdStart = shrinkTo(this.fwdStart, this.capOrd + 1);
    if (this.nDead > 0) this.compact();
    else this.buildPostings();
  }

  /** Rebuilds every skill's postings from the forward store (live ordinals only). */
  private buildPostings(): void {
    const skills = this.skillIds.length;
    const count = new Array<number>(skills).fill(0);
    for (let o = 0; o < this.nOrd; o++) {
      if (!this.isAlive(o)) continue;
      for (let k = this.fwdStart[o] ?? 0; k < (this.fwdStart[o + 1] ?? 0); k++) {
        const s = this.fwdSkill[k] ?? 0;
        count[s] = (count[s] ?? 0) + 1;
      }
    }
    const words = this.capOrd >>> 5;
    this.bits = count.map((c) => (c > this.capOrd * this.bitmapDensity ? new Int32Array(words) : null));
    this.lists = count.map((c, s) => (this.bits[s] ? null : new Uint32Array(Math.max(4, c))));
    this.listLength = new Array<number>(skills).fill(0);
    this.postingCount = count;
    for (let o = 0; o < this.nOrd; o++) {
      if (!this.isAlive(o)) continue;
      for (let k = this.fwdStart[o] ?? 0; k < (this.fwdStart[o + 1] ?? 0); k++) {
        const s = this.fwdSkill[k] ?? 0;
        const b = this.bits[s];
        if (b) {
          b[o >>> 5] = (b[o >>> 5] ?? 0) | (1 << (o & 31));
        } else {
          const l = this.lists[s] as Uint32Array;
          const len = this.listLength[s] ?? 0;
          l[len] = o;
          this.listLength[s] = len + 1;
        }
      }
    }
  }

  /** Adds ordinal `o` (the largest yet) to a skill's postings; a list grown dense becomes a bitmap. */
  private post(s: number, o: number): void {
    this.postingCount[s] = (this.postingCount[s] ?? 0) + 1;
    const b = this.bits[s];
    if (b) {
      b[o >>> 5] = (b[o >>> 5] ?? 0) | (1 << (o & 31));
      return;
    }
    const len = this.listLength[s] ?? 0;
    if (len + 1 > this.capOrd * this.bitmapDensity) {
      const bm = new Int32Array(this.capOrd >>> 5);
      const l = this.lists[s] as Uint32Array;
      for (let k = 0; k < len; k++) {
        const x = l[k] ?? 0;
        bm[x >>> 5] = (bm[x >>> 5] ?? 0) | (1 << (x & 31));
      }
      bm[o >>> 5] = (bm[o >>> 5] ?? 0) | (1 << (o & 31));
      this.bits[s] = bm;
      this.lists[s] = null;
      this.listLength[s] = 0;
      return;
    }
    const l = growTo(this.lists[s] as Uint32Array, len + 1);
    l[len] = o;
    this.lists[s] = l;
    this.listLength[s] = len + 1;
  }
}

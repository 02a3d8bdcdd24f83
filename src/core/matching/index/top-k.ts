/**
 * Exact top-K ranking over a TalentIndex: the same K talents, scores and order as `rankCandidates`
 * (which scores every talent), while scoring only a few hundred.
 *
 * Bound. Requirement i contributes at most ε_i when the talent holds its skill (coverage + the best level
 * fit) and at most α_i otherwise (adjacency: the best transfer credit of any source skill, times the
 * adjacency weight). So a talent's score is at most
 *   ub = A + Σ_{project skills t held} δ_t,   A = Σ_i α_i,   δ_t = Σ_{i: skill(i) = t} max(0, ε_i − α_i),
 * which needs only skill membership. Adjacency is folded into the constant A instead of getting postings
 * of its own: its weight is small, and one membership test a skill keeps the bound cheap.
 *
 * A min-heap keeps the best K so far; its worst score is θ, and a talent can only enter if ub ≥ θ.
 * The project's skills are split by how many talents hold them (MaxScore's essential / non-essential
 * split, by density rather than weight):
 * - sparse skills (held by ≤ 1/32 of the talents): their postings are walked once, adding each holder's δ, quantized and
 *   rounded up, into a per-talent accumulator, and the largest sum in each word of 32 talents is kept;
 * - dense skills: handled 32 talents at a time, one 32-bit word of each posting bitmap.
 * The scan visits the words in ordinal order. A word is skipped at once when A + (its best sparse sum) +
 * Σδ(dense) < θ: for a project with rare skills that is most words, for one load. Otherwise, the dense
 * skills each talent misses are summed by bit-sliced adders (δ quantized to units of the word's slack,
 * rounded down; six planes, 32 talents per operation, no branches), and those that miss more than the
 * slack are dropped; skills most likely to be missed go first and a word is left once at most one talent
 * survives. Survivors get their exact bound from the accumulator and the bitmaps, and the few above θ are
 * bounded again with their levels, then scored from the forward store, replaying `scoreCandidate`'s
 * arithmetic operation for operation so that the score is the same double; ties on θ go to the smaller
 * id, as in `compareMatches`. The plan (must-hold skills, units, order) is recomputed when θ has risen by
 * 2% of the slack: a plan made for a lower θ only prunes less. All bounds are inflated by a relative 1e-9,
 * far above the rounding of a sum of doubles, so rounding can never drop a talent that belongs.
 *
 * Only the K winners become a `Match` (with explanation), by `scoreCandidate` itself.
 */
import type { AdjacentSource } from '../../taxonomy/adjacency.js';
import { compareMatches, type RankOptions } from '../rank-candidates.js';
import { DEFAULT_WEIGHTS, effectiveWeights, levelFit, scoreCandidate } from '../score-candidate.js';
import type { Match, Requirement, ScoreWeights } from '../types.js';
import type { TalentIndex, TalentIndexView } from './talent-index.js';

/** Relative and absolute inflation of upper bounds. */
const REL = 1e-9;
const ABS = 1e-12;
/** Bit planes of the missed-units counters; the slack is split into 2^PLANES units. */
const PLANES = 6;
const LEVELS = 1 << PLANES;
/** Re-plan once θ has risen by this share of the slack. */
const REPLAN = 0.02;
/** Project skills held by at most this share of talents are "sparse": their postings are walked. */
const SPARSE = 1 / 32;
/** Resolution of the sparse accumulators: the sparse skills' Σδ is split into this many units. */
const ACC_UNITS = 4000;

/** Query scratch kept per index, zero between queries. */
interface Scratch {
  /** Bitmaps of sparse postings. */
  bitmaps: Int32Array[];
  /** Per talent: the sparse skills held, in units. */
  acc: Uint16Array;
  /** Per word of 32 talents: the largest of their `acc`. */
  wordMax: Uint16Array;
  /** The talents with a nonzero `acc`. */
  touched: Int32Array;
}
const scratchByIndex = new WeakMap<TalentIndex, Scratch>();

/** Ranks the indexed pool for a project; the same results as `rankCandidates` over the same talents. */
export function rankWithIndex(
  index: TalentIndex,
  reqs: readonly Requirement[],
  adjacency: ReadonlyMap<string, readonly AdjacentSource[]>,
  options: RankOptions,
): Match[] {
  const limit = Math.trunc(options.top);
  if (!(limit > 0) || index.size === 0) return [];
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const shares = effectiveWeights(reqs);
  let scratch = scratchByIndex.get(index);
  if (!scratch) {
    scratch = {
      bitmaps: [],
      acc: new Uint16Array(0),
      wordMax: new Uint16Array(0),
      touched: new Int32Array(0),
    };
    scratchByIndex.set(index, scratch);
  }
  const k = Math.min(limit, index.size);
  const scan = new TopKScan(index.view(), reqs, shares, adjacency, weights, options, k, scratch);
  let winners: number[];
  try {
    winners = scan.run();
  } finally {
    scan.releaseScratch();
  }
  return winners
    .map((o) => scoreCandidate(index.candidateAt(o), reqs, shares, adjacency, weights))
    .sort(compareMatches);
}

class TopKScan {
  private readonly m: number;
  private readonly nAttr: number;
  // Scoring tables, per requirement (see scoreAt).
  private readonly covC: Float64Array;
  private readonly adjC: Float64Array;
  private readonly alpha: Float64Array;
  private readonly lfTab: Float64Array;
  private readonly exactSlot: Int32Array;
  private readonly srcStart: Int32Array;
  private readonly srcWeight: Float64Array;
  private readonly srcSlot: Int32Array;
  private readonly srcCredit: Float64Array;
  private readonly slotOfCode: Int32Array;
  private readonly heldStamp: Int32Array;
  private readonly heldAttr: Int32Array;
  private stamp = 0;
  private score = 0;
  // Terms: the distinct project skills some talent holds, each with a bitmap for this query.
  private readonly nTerms: number;
  private readonly termDelta: Float64Array;
  private readonly termDensity: Float64Array;
  private readonly termBits: Int32Array[];
  private readonly termList: (Uint32Array | null)[];
  private readonly termLen: Int32Array;
  private readonly byRarity: Int32Array;
  private readonly bigA: number;
  private readonly bigDelta: number;
  private readonly scratch: Scratch;
  private scratchUsed = 0;
  /** requireMust: terms every result must hold; `impossible` when one is held by nobody. */
  private readonly mustTerms: Int32Array;
  private readonly impossible: boolean;
  private readonly sourceBits: Int32Array | null;
  // Heap of the K best so far, worst at the root.
  private readonly k: number;
  private readonly hScore: Float64Array;
  private readonly hOrd: Int32Array;
  private hSize = 0;
  private theta = -Infinity;
  // The plan for the current θ.
  private replanAt = -Infinity;
  /** θ deflated by the bound inflation, and the unit of the dense counters, for the current plan. */
  private thetaIn = -Infinity;
  private cntUnit = 1;
  private readonly termCode: number[];
  // Sparse skills (see the header): quantum of the accumulators, their largest value, and the dense rest.
  private readonly sparse: Int32Array;
  private readonly dense: Int32Array;
  private unit = 0;
  private maxAcc = 0;
  private denseDelta = 0;
  private nTouched = 0;
  private readonly holdTerms: Int32Array;
  private nHold = 0;
  private readonly cntBits: Int32Array[];
  /** Per counted term, PLANES masks: -1 where its units have a 1 bit, else 0. */
  private readonly cntMask: Int32Array;
  private nCnt = 0;

  constructor(
    private readonly v: TalentIndexView,
    reqs: readonly Requirement[],
    shares: readonly number[],
    adjacency: ReadonlyMap<string, readonly AdjacentSource[]>,
    weights: ScoreWeights,
    options: RankOptions,
    k: number,
    scratch: Scratch,
  ) {
    const m = (this.m = reqs.length);
    const nAttr = (this.nAttr = v.attrLevel.length);
    this.k = k;
    this.hScore = new Float64Array(k);
    this.hOrd = new Int32Array(k);
    this.sourceBits =
      options.source === 'employee' ? v.employee : options.source === 'freelance' ? v.freelance : null;
    this.scratch = scratch;

    // Every skill the scoring may look at gets a slot; the project's exact skills become terms.
    this.slotOfCode = new Int32Array(v.skillIds.length).fill(-1);
    let nSlots = 0;
    const slotFor = (code: number | undefined): number => {
      if (code === undefined) return -1;
      let s = this.slotOfCode[code] as number;
      if (s < 0) this.slotOfCode[code] = s = nSlots++;
      return s;
    };
    const termOfCode = new Map<number, number>();
    const termCode: number[] = [];
    const termDelta: number[] = [];
    this.covC = new Float64Array(m);
    this.adjC = new Float64Array(m);
    this.alpha = new Float64Array(m);
    this.lfTab = new Float64Array(m * nAttr);
    this.exactSlot = new Int32Array(m);
    this.srcStart = new Int32Array(m + 1);
    const srcWeight: number[] = [];
    const srcSlot: number[] = [];
    const srcCredit: number[] = [];
    let bigA = 0;
    for (let i = 0; i < m; i++) {
      const r = reqs[i] as Requirement;
      const share = shares[i] ?? 0;
      // The same operations, in the same order, as scoreCandidate.
      const cov = weights.coverage * share;
      const wls = weights.levelFit * share;
      const wadj = weights.adjacency * share;
      this.covC[i] = cov;
      this.adjC[i] = wadj;
      let bestExact = -Infinity;
      for (let a = 0; a < nAttr; a++) {
        const x = wls * levelFit(v.attrLevel[a] as number, r.level);
        this.lfTab[i * nAttr + a] = x;
        if (cov + x > bestExact) bestExact = cov + x;
      }
      // All sources are kept, in the map's order, so that the early exit happens where scoreCandidate's does.
      let maxCredit = 0;
      for (const src of adjacency.get(r.skillId) ?? []) {
        const code = v.skillCode.get(src.from);
        srcWeight.push(src.weight);
        srcSlot.push(slotFor(code));
        for (let a = 0; a < nAttr; a++) {
          const credit = src.weight * levelFit(v.attrLevel[a] as number, r.level);
          srcCredit.push(credit);
          if (code !== undefined && credit > maxCredit) maxCredit = credit;
        }
      }
      this.srcStart[i + 1] = srcWeight.length;
      const alpha = wadj > 0 ? wadj * maxCredit : 0;
      this.alpha[i] = alpha;
      bigA += alpha;
      const code = v.skillCode.get(r.skillId);
      this.exactSlot[i] = slotFor(code);
      if (code !== undefined) {
        let t = termOfCode.get(code);
        if (t === undefined) {
          termOfCode.set(code, (t = termCode.length));
          termCode.push(code);
          termDelta.push(0);
        }
        if (bestExact - alpha > 0) termDelta[t] = (termDelta[t] as number) + (bestExact - alpha);
      }
    }
    this.srcWeight = Float64Array.from(srcWeight);
    this.srcSlot = Int32Array.from(srcSlot);
    this.srcCredit = Float64Array.from(srcCredit);
    this.heldStamp = new Int32Array(nSlots);
    this.heldAttr = new Int32Array(nSlots);
    this.bigA = bigA;

    const nTerms = (this.nTerms = termCode.length);
    this.termCode = termCode;
    this.termDelta = Float64Array.from(termDelta);
    this.bigDelta = termDelta.reduce((a, b) => a + b, 0);
    this.termDensity = Float64Array.from(termCode, (c) => (v.postingCount[c] ?? 0) / Math.max(1, v.ordinals));
    this.termList = termCode.map((c) => v.lists[c] ?? null);
    this.termLen = Int32Array.from(termCode, (c) => v.listLength[c] ?? 0);
    this.termBits = termCode.map((c, t) => v.bits[c] ?? this.expand(t));
    const density = this.termDensity;
    this.byRarity = Int32Array.from(termCode.keys()).sort(
      (a, b) => (density[a] as number) - (density[b] as number) || a - b,
    );
    const sparse: number[] = [];
    const dense: number[] = [];
    for (const t of this.byRarity) {
      if (!((this.termDelta[t] as number) > 0)) continue;
      if ((density[t] as number) <= SPARSE) sparse.push(t);
      else dense.push(t);
    }
    this.sparse = Int32Array.from(sparse);
    this.dense = Int32Array.from(dense);
    this.holdTerms = new Int32Array(nTerms);
    this.cntBits = [];
    this.cntMask = new Int32Array(nTerms * PLANES);

    const must: number[] = [];
    let impossible = false;
    if (options.requireMust) {
      for (const r of reqs) {
        if (!r.must) continue;
        const t = termOfCode.get(v.skillCode.get(r.skillId) ?? -1);
        if (t === undefined) impossible = true;
        else if (!must.includes(t)) must.push(t);
      }
    }
    this.mustTerms = Int32Array.from(must);
    this.impossible = impossible;
  }

  /** A scratch bitmap holding term t's sparse postings. */
  private expand(t: number): Int32Array {
    const words = (this.v.ordinals + 31) >>> 5;
    let b = this.scratch.bitmaps[this.scratchUsed];
    if (!b || b.length < words)
      this.scratch.bitmaps[this.scratchUsed] = b = new Int32Array(words + (words >>> 3));
    this.scratchUsed++;
    const l = this.termList[t] as Uint32Array;
    const len = this.termLen[t] as number;
    for (let p = 0; p < len; p++) {
      const o = l[p] as number;
      b[o >>> 5] = (b[o >>> 5] as number) | (1 << (o & 31));
    }
    return b;
  }

  /** Clears the scratch for the next query. */
  releaseScratch(): void {
    const { acc, wordMax, touched } = this.scratch;
    for (let i = 0; i < this.nTouched; i++) {
      const o = touched[i] as number;
      acc[o] = 0;
      wordMax[o >>> 5] = 0;
    }
    this.nTouched = 0;
    for (let t = 0; t < this.nTerms; t++) {
      const l = this.termList[t];
      if (!l) continue;
      const b = this.termBits[t] as Int32Array;
      for (let p = 0; p < (this.termLen[t] as number); p++) b[(l[p] as number) >>> 5] = 0;
    }
    this.scratchUsed = 0;
  }

  /** Walks the sparse skills' postings into the accumulators. */
  private accumulate(): void {
    const v = this.v;
    const n = v.ordinals;
    const words = (n + 31) >>> 5;
    const scratch = this.scratch;
    let postings = 0;
    let sparseDelta = 0;
    for (const t of this.sparse) {
      postings += v.postingCount[this.termCode[t] as number] as number;
      sparseDelta += this.termDelta[t] as number;
    }
    this.denseDelta = 0;
    for (const t of this.dense) this.denseDelta += this.termDelta[t] as number;
    if (this.sparse.length === 0) return;
    if (scratch.acc.length < n) scratch.acc = new Uint16Array(n + (n >>> 3));
    if (scratch.wordMax.length < words) scratch.wordMax = new Uint16Array(words + (words >>> 3));
    if (scratch.touched.length < postings) scratch.touched = new Int32Array(postings + (postings >>> 3));
    const { acc, wordMax, touched } = scratch;
    // Units are rounded up, so a talent's sparse δ is at most unit · acc (Σ units < 65,536).
    const unit = (this.unit = (sparseDelta * (1 + REL)) / ACC_UNITS);
    let nTouched = 0;
    let maxAcc = 0;
    const add = (o: number, q: number): void => {
      const a = acc[o] as number;
      if (a === 0) touched[nTouched++] = o;
      acc[o] = a + q;
      if (a + q > (wordMax[o >>> 5] as number)) wordMax[o >>> 5] = a + q;
      if (a + q > maxAcc) maxAcc = a + q;
    };
    for (const t of this.sparse) {
      const q = Math.max(1, Math.ceil((this.termDelta[t] as number) / unit));
      const l = this.termList[t];
      if (l) {
        const len = this.termLen[t] as number;
        for (let p = 0; p < len; p++) add(l[p] as number, q);
        continue;
      }
      const b = this.termBits[t] as Int32Array;
      for (let w = 0; w < words; w++) {
        for (let x = b[w] as number; x !== 0;) {
          const low = x & -x;
          x ^= low;
          add((w << 5) | (31 - Math.clz32(low)), q);
        }
      }
    }
    this.nTouched = nTouched;
    this.maxAcc = maxAcc;
  }

  /**
   * Warm start: the 2K talents with the most sparse weight are scored first, so that θ starts high
   * instead of rising through thousands of scorings. They are skipped when the scan meets them.
   */
  private seed(): Set<number> {
    const seeded = new Set<number>();
    const want = 2 * this.k;
    if (this.nTouched === 0) return seeded;
    const { acc, touched } = this.scratch;
    const count = new Int32Array(this.maxAcc + 1);
    for (let i = 0; i < this.nTouched; i++) (count[acc[touched[i] as number] as number] as number)++;
    let cut = this.maxAcc;
    for (let seen = 0; cut > 1 && seen + (count[cut] as number) <= want; cut--) seen += count[cut] as number;
    const { employee, freelance } = this.v;
    const src = this.sourceBits;
    const bits = this.termBits;
    for (let i = 0; i < this.nTouched && seeded.size < want; i++) {
      const o = touched[i] as number;
      if ((acc[o] as number) <= cut) continue;
      const w = o >>> 5;
      const bit = o & 31;
      const alive = src !== null ? (src[w] as number) : (employee[w] as number) | (freelance[w] as number);
      if (((alive >>> bit) & 1) === 0) continue;
      let ok = true;
      for (const t of this.mustTerms) ok &&= ((((bits[t] as Int32Array)[w] as number) >>> bit) & 1) === 1;
      if (!ok) continue;
      seeded.add(o);
      if (this.scoreAt(o, this.hSize === this.k)) this.offer(o, this.score);
    }
    return seeded;
  }

  /** The ordinals of the K best talents, in no particular order. */
  run(): number[] {
    if (this.impossible || this.k === 0) return [];
    this.accumulate();
    const seeded = this.seed();
    const words = (this.v.ordinals + 31) >>> 5;
    const { employee, freelance } = this.v;
    const src = this.sourceBits;
    const must = this.mustTerms;
    const nMust = must.length;
    const bits = this.termBits;
    const hold = this.holdTerms;
    const cntBits = this.cntBits;
    const mk = this.cntMask;
    const delta = this.termDelta;
    const dense = this.dense;
    const sparse = this.sparse;
    const nDense = dense.length;
    const nSparse = sparse.length;
    const { acc, wordMax } = this.scratch;
    const bigA = this.bigA;
    const unit = this.unit;
    const base = bigA + this.denseDelta;
    const k = this.k;
    for (let w = 0; w < words; w++) {
      if (this.hSize === k && this.theta >= this.replanAt && !this.plan()) break;
      let c = src !== null ? (src[w] as number) : (employee[w] as number) | (freelance[w] as number);
      for (let j = 0; j < nMust && c !== 0; j++) c &= (bits[must[j] as number] as Int32Array)[w] as number;
      if (c === 0) continue;
      const full = this.hSize === k;
      if (full) {
        // The word's slack: what its best sparse sum and every dense skill would leave above θ.
        const slack = base + (nSparse > 0 ? unit * (wordMax[w] as number) : 0) - this.thetaIn;
        if (!(slack >= 0)) continue;
        const nHold = this.nHold;
        for (let j = 0; j < nHold && c !== 0; j++) c &= (bits[hold[j] as number] as Int32Array)[w] as number;
        const nCnt = this.nCnt;
        if (c !== 0 && nCnt > 0 && (c & (c - 1)) !== 0) {
          // Bit i of s_p is bit p of talent i's missed dense units, started at LEVELS − 1 − budget so
          // that a carry out of s5 (`over`) means more than the budget was missed.
          const start = LEVELS - 1 - Math.min(LEVELS - 1, Math.floor(slack / this.cntUnit));
          let s0 = -(start & 1);
          let s1 = -((start >>> 1) & 1);
          let s2 = -((start >>> 2) & 1);
          let s3 = -((start >>> 3) & 1);
          let s4 = -((start >>> 4) & 1);
          let s5 = -((start >>> 5) & 1);
          let over = 0;
          let alive = c;
          for (let j = 0; j < nCnt; j++) {
            const x = ~((cntBits[j] as Int32Array)[w] as number) & alive;
            const b = j * PLANES;
            // s += units(j) · x: a ripple-carry adder over the planes, 32 talents at a time.
            let a = x & (mk[b] as number);
            let cy = s0 & a;
            s0 ^= a;
            a = x & (mk[b + 1] as number);
            let h = s1 ^ a;
            let nx = (s1 & a) | (h & cy);
            s1 = h ^ cy;
            cy = nx;
            a = x & (mk[b + 2] as number);
            h = s2 ^ a;
            nx = (s2 & a) | (h & cy);
            s2 = h ^ cy;
            cy = nx;
            a = x & (mk[b + 3] as number);
            h = s3 ^ a;
            nx = (s3 & a) | (h & cy);
            s3 = h ^ cy;
            cy = nx;
            a = x & (mk[b + 4] as number);
            h = s4 ^ a;
            nx = (s4 & a) | (h & cy);
            s4 = h ^ cy;
            cy = nx;
            a = x & (mk[b + 5] as number);
            h = s5 ^ a;
            nx = (s5 & a) | (h & cy);
            s5 = h ^ cy;
            over |= nx;
            alive = c & ~over;
            // None left, or one: its exact bound below is cheaper than the remaining adders.
            if ((alive & (alive - 1)) === 0) break;
          }
          c = alive;
        }
      }
      while (c !== 0) {
        const low = c & -c;
        c ^= low;
        const bit = 31 - Math.clz32(low);
        const o = (w << 5) | bit;
        const isFull = this.hSize === k;
        if (isFull) {
          // Bounded by its own sparse units and the dense skills it holds, then exactly.
          let held = 0;
          for (let j = 0; j < nDense; j++) {
            const t = dense[j] as number;
            if ((((bits[t] as Int32Array)[w] as number) >>> bit) & 1) held += delta[t] as number;
          }
          if (nSparse > 0) {
            const a = acc[o] as number;
            if ((bigA + held + unit * a) * (1 + REL) + ABS < this.theta) continue;
            if (a > 0) {
              for (let j = 0; j < nSparse; j++) {
                const t = sparse[j] as number;
                if ((((bits[t] as Int32Array)[w] as number) >>> bit) & 1) held += delta[t] as number;
              }
            }
          }
          if ((bigA + held) * (1 + REL) + ABS < this.theta) continue;
        }
        if (seeded.has(o)) continue;
        if (this.scoreAt(o, isFull)) this.offer(o, this.score);
      }
    }
    return Array.from(this.hOrd.subarray(0, this.hSize));
  }

  /**
   * Re-plans the dense filter for the current θ; false when no talent left can reach θ. A plan made for a
   * lower θ stays valid (it only prunes less), so re-planning waits until θ has moved by a share of the
   * slack.
   */
  private plan(): boolean {
    const theta = this.theta;
    // θ deflated by the bound inflation: a talent is dropped when its bound is below this.
    this.thetaIn = (theta - 2 * ABS) / (1 + REL);
    const slack = this.bigA + this.denseDelta + this.unit * this.maxAcc - this.thetaIn;
    if (!(slack >= 0)) return false;
    this.replanAt = theta + Math.max(REPLAN * slack, ABS);
    // LEVELS units are more than the largest slack of any word; a dense skill counts its δ rounded down.
    const unit = (this.cntUnit = (slack * (1 + REL)) / LEVELS);
    const density = this.termDensity;
    const counted: { t: number; q: number; kill: number }[] = [];
    let nHold = 0;
    for (const t of this.dense) {
      const d = this.termDelta[t] as number;
      if (d > slack) this.holdTerms[nHold++] = t;
      else if (unit > 0) {
        const q = Math.min(LEVELS - 1, Math.floor(d / unit));
        if (q > 0) counted.push({ t, q, kill: q * (1 - (density[t] as number)) });
      }
    }
    this.nHold = nHold;
    // Skills most likely to push talents out first (ties in rarity order: the sort is stable).
    counted.sort((a, b) => b.kill - a.kill);
    this.nCnt = counted.length;
    counted.forEach(({ t, q }, j) => {
      this.cntBits[j] = this.termBits[t] as Int32Array;
      for (let p = 0; p < PLANES; p++) this.cntMask[j * PLANES + p] = (q >>> p) & 1 ? -1 : 0;
    });
    return true;
  }

  /**
   * Scores a talent from the forward store into `this.score`, exactly as scoreCandidate does. With
   * `prune`, first bounds it by its exact skills (with their levels) plus the adjacency bound of the
   * others, and returns false if that cannot reach θ.
   */
  private scoreAt(o: number, prune: boolean): boolean {
    const { fwdStart, fwdSkill, fwdAttr } = this.v;
    const { slotOfCode, heldStamp, heldAttr, nAttr, exactSlot, covC, lfTab, m } = this;
    const st = ++this.stamp;
    const end = fwdStart[o + 1] as number;
    for (let p = fwdStart[o] as number; p < end; p++) {
      const sl = slotOfCode[fwdSkill[p] as number] as number;
      if (sl >= 0) {
        heldStamp[sl] = st;
        heldAttr[sl] = fwdAttr[p] as number;
      }
    }
    if (prune) {
      let ub = 0;
      for (let i = 0; i < m; i++) {
        const es = exactSlot[i] as number;
        ub +=
          es >= 0 && heldStamp[es] === st
            ? (covC[i] as number) + (lfTab[i * nAttr + (heldAttr[es] as number)] as number)
            : (this.alpha[i] as number);
      }
      if (ub * (1 + REL) + ABS < this.theta) return false;
    }
    let cov = 0;
    let lf = 0;
    let adj = 0;
    for (let i = 0; i < m; i++) {
      const es = exactSlot[i] as number;
      if (es >= 0 && heldStamp[es] === st) {
        cov += covC[i] as number;
        lf += lfTab[i * nAttr + (heldAttr[es] as number)] as number;
      } else {
        let best = 0;
        const stop = this.srcStart[i + 1] as number;
        for (let s = this.srcStart[i] as number; s < stop; s++) {
          if ((this.srcWeight[s] as number) <= best) break;
          const sl = this.srcSlot[s] as number;
          if (sl < 0 || heldStamp[sl] !== st) continue;
          const credit = this.srcCredit[s * nAttr + (heldAttr[sl] as number)] as number;
          if (credit > best) best = credit;
        }
        adj += (this.adjC[i] as number) * best;
      }
    }
    this.score = cov + lf + adj;
    return true;
  }

  /** Whether heap entry a ranks below entry b: lower score, or the same score and a larger id. */
  private worse(a: number, b: number): boolean {
    const sa = this.hScore[a] as number;
    const sb = this.hScore[b] as number;
    const ids = this.v.ids;
    return sa < sb || (sa === sb && ids.get(this.hOrd[a] as number) > ids.get(this.hOrd[b] as number));
  }

  private swap(a: number, b: number): void {
    const { hScore, hOrd } = this;
    const s = hScore[a] as number;
    hScore[a] = hScore[b] as number;
    hScore[b] = s;
    const o = hOrd[a] as number;
    hOrd[a] = hOrd[b] as number;
    hOrd[b] = o;
  }

  private offer(o: number, s: number): void {
    const { hScore, hOrd, k } = this;
    if (this.hSize < k) {
      let i = this.hSize++;
      hScore[i] = s;
      hOrd[i] = o;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.worse(i, p)) break;
        this.swap(i, p);
        i = p;
      }
      if (this.hSize === k) this.theta = hScore[0] as number;
      return;
    }
    const root = hScore[0] as number;
    const ids = this.v.ids;
    if (s < root || (s === root && ids.get(o) > ids.get(hOrd[0] as number))) return;
    hScore[0] = s;
    hOrd[0] = o;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= k) break;
      const c = l + 1 < k && this.worse(l + 1, l) ? l + 1 : l;
      if (!this.worse(c, i)) break;
      this.swap(c, i);
      i = c;
    }
    this.theta = hScore[0] as number;
  }
}

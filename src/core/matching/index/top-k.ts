/**
 * Exact top-K ranking over a TalentIndex: the same K talents, scores (as the same doubles) and order as
 * `rankCandidates` (which filters and scores every talent), all eight parts and the filters included,
 * while scoring only a few hundred talents.
 *
 * Bound. Requirement i contributes at most ε_i when the talent holds its skill (coverage + the best level
 * fit) and at most α_i otherwise (adjacency: the best transfer credit of any source skill, times the
 * adjacency weight). The non-skill parts are per-talent constants for a query, each bounded through the
 * index's flag bitmaps, so that they become terms like the skills:
 * - vertical: the project industry's flag (δ = ½ w) and its business function's (δ = ½ w), exactly;
 * - breadth: the two bits of the breadth level (δ = w/3 and 2w/3), exactly;
 * - track record: rounded up to eighths, 1/8 always and three bits for the rest (δ = w/8, 2w/8, 4w/8);
 * - availability: each tracked month of the project is a term worth its share of the project's working
 *   days (the flag: no window at all, or a window with days in that month), the days outside the tracked
 *   months count in full;
 * - budget: by the least daily cost of each word of 32 talents, then each talent's own cost.
 * So a talent's score is at most
 *   ub = F + Σ_{terms t held} δ_t,   F = Σ_i α_i + the constants above,
 *   δ_t = Σ_{i: skill(i) = t} max(0, ε_i − α_i) for a skill t,
 * which needs only membership. Adjacency is folded into the constant instead of getting postings of its
 * own: its weight is small, and one membership test a skill keeps the bound cheap.
 *
 * Filters are masks where that is cheap and exact (source, industries: bitmaps, 32 talents at a time; the
 * maximum rate: a word whose least cost is above it is skipped), then per talent on the few that get that
 * far (languages and place: evaluated once per interned tag; the availability window: from the windows
 * in the columns, coversWindow for the unclear cases). Must-haves are ANDs of their skills' bitmaps.
 *
 * A min-heap keeps the best K so far; its worst score is θ, and a talent can only enter if ub ≥ θ.
 * The project's skills are split by how many talents hold them (MaxScore's essential / non-essential
 * split, by density rather than weight):
 * - sparse skills (held by ≤ 1/512 of the talents): their postings are walked once, adding each holder's
 *   δ, quantized and rounded up, into a per-talent accumulator (the largest sum in each word of 32 talents
 *   is kept too) and filling a scratch bitmap;
 * - dense skills and the flag terms: handled 32 talents at a time, one 32-bit word of each bitmap.
 * The scan visits the words in ordinal order. A word is skipped at once when F + (its best sparse sum) +
 * Σδ(dense) + its budget bound < θ: for a project of rare skills that is most words, for one load.
 * Otherwise the terms each talent misses are summed by bit-sliced adders (δ quantized to units of the
 * slack, rounded down; six planes, 32 talents per operation, no branches) and the talents that miss more
 * than their slack are dropped; terms most likely to be missed go first, and a word is left once at most
 * one talent survives. Survivors go through the per-talent filters, then get their exact bound from the
 * accumulator, the bitmaps and their cost; the few above θ are bounded again with their levels and their
 * exact non-skill parts, then scored from the forward store, replaying `scoreCandidate`'s arithmetic
 * operation for operation (the non-skill values by profile.ts's own functions on the stored facts) so
 * that the score is the same double; ties on θ go to the smaller id, as in `compareMatches`. The plan
 * (must-hold terms, units, order) is recomputed when θ has risen by 2% of the slack: a plan made for a
 * lower θ only prunes less. All bounds are inflated by a relative 1e-9, far above the rounding of a sum
 * of doubles, so rounding can never drop a talent that belongs. Weights with a negative part would make
 * every bound wrong: the scan then scores every talent that passes the filters.
 *
 * Warm start (see `run`): a pass over 1 word in 16 estimates a floor below the final θ, so that the full
 * pass prunes from its first word; if the floor turns out too high the pass is redone without it.
 *
 * Why word-parallel rather than skipping along posting lists: with ~20 skills a talent and 5–25 a
 * project, most talents hold one project skill or another and the top ones hold about half of them, so
 * list skipping skips little, while one 32-bit operation settles 32 talents.
 *
 * The per-query scratch (bitmaps for sparse postings, accumulators) is kept per index in a WeakMap and
 * zeroed after each query, so that a query allocates no megabytes; queries are synchronous, so one
 * scratch an index is enough.
 *
 * Only the K winners become a `Match` (with explanation), by `scoreCandidate` itself on what the index
 * keeps of them (id, name, source, skills: scoredTalentAt) and their facts.
 */
import { FUNCTIONS, INDUSTRIES } from '../../model.js';
import {
  availabilityValue,
  breadthValue,
  budgetValue,
  compileFilters,
  coversWindow,
  projectProfile,
  trackRecordValue,
  verticalValue,
  type CompiledFilters,
  type ProfileFacts,
  type ProjectProfile,
} from '../profile.js';
import { compareMatches, type RankOptions, type RankProject, type RankTaxonomy } from '../rank-candidates.js';
import {
  DEFAULT_WEIGHTS,
  levelFit,
  NO_SOURCES,
  scoreCandidate,
  scoringContext,
  type ScoringContext,
} from '../score-candidate.js';
import { objectArray } from '../object-array.js';
import { SCORE_PARTS, type Match, type Requirement, type ScoreWeights } from '../types.js';
import { weekdaysBetween, type DayWindow } from '../../teams/working-days.js';
import { CORE_DOMAINS } from '../../taxonomy/types.js';
import {
  FLAG_BREADTH,
  FLAG_COUNT,
  FLAG_DOMAIN,
  FLAG_FUNCTION,
  FLAG_INDUSTRY,
  FLAG_TRACK,
  TRACK_STEPS,
  type TalentIndex,
  type TalentIndexView,
  type TalentTag,
} from './talent-index.js';

/** Relative and absolute inflation of upper bounds. */
const REL = 1e-9;
const ABS = 1e-12;
/** Bit planes of the missed-units counters; the slack is split into 2^PLANES units. */
const PLANES = 6;
const LEVELS = 1 << PLANES;
/** The warm start samples one word of 32 talents in this many. */
const SAMPLE = 16;
/** Re-plan once θ has risen by this share of the slack. */
const REPLAN = 0.02;
/**
 * Project skills held by at most this share of talents are "sparse": their postings are walked into the
 * accumulators, the rest are counted 32 talents at a time by the scan. A posting walked costs about a
 * cache miss (a skill of n/32 holders touches every line of the accumulators), a dense term one word
 * operation for 32 talents. At 1M talents (CPU ms a query, p50): 1/32 4.2, 1/128 2.6, 1/512 2.1–2.3,
 * 1/2048 2.4; the results are the same at any threshold.
 */
const SPARSE = 1 / 512;
/** Resolution of the sparse accumulators: the sparse skills' Σδ is split into this many units. */
const ACC_UNITS = 4000;
/** Gap lists (talent-index.ts): an escape is followed by the ordinal in two halves. */
const ESCAPE = 0xffff;
/** No availability window (the index's windowsAt gives these), in the kind of a filled list. */
const NO_WINDOWS: readonly DayWindow[] = objectArray<DayWindow>();

/** Query scratch kept per index, zero between queries. */
interface Scratch {
  /** Bitmaps of sparse postings. */
  bitmaps: Int32Array[];
  /** Per talent: the sparse skills held, in units. */
  acc: Uint16Array;
  /** The same memory as `acc`, two talents an element: a word's 32 accumulators are cleared by 16 stores. */
  acc2: Int32Array;
  /**
   * Per word of 32 talents: the largest of their `acc`. Every posting walked adds at least one unit, so
   * the nonzero words are exactly those the sparse walk touched: releaseScratch clears by them.
   */
  wordMax: Uint16Array;
}
const scratchByIndex = new WeakMap<TalentIndex, Scratch>();

/** Bytes of query scratch kept for an index (sparse-posting bitmaps and accumulators), for reports. */
export function queryScratchBytes(index: TalentIndex): number {
  const s = scratchByIndex.get(index);
  if (!s) return 0;
  return s.acc.byteLength + s.wordMax.byteLength + s.bitmaps.reduce((a, b) => a + b.byteLength, 0);
}

/**
 * Ranks the indexed pool for a project: the same results as `rankCandidates` over the same talents (same
 * talents, scores as the same doubles, same order), filters and must-haves included. The core domains are
 * the index's own (see TalentIndex.refreshDomains): `taxonomy.domainOf` is not read.
 */
export function rankWithIndex(
  index: TalentIndex,
  project: RankProject,
  taxonomy: RankTaxonomy,
  options: RankOptions,
): Match[] {
  // Validated first, in rankCandidates' order, so that a bad project or filter fails the same way.
  const ctx = scoringContext(
    project.requirements,
    taxonomy.adjacency,
    options.weights ?? DEFAULT_WEIGHTS,
    projectProfile(project),
  );
  const filters = compileFilters(options.filters);
  const limit = Math.trunc(options.top);
  if (!(limit > 0) || index.size === 0) return [];
  let scratch = scratchByIndex.get(index);
  if (!scratch) {
    scratch = {
      bitmaps: [],
      acc: new Uint16Array(0),
      acc2: new Int32Array(0),
      wordMax: new Uint16Array(0),
    };
    scratchByIndex.set(index, scratch);
  }
  const k = Math.min(limit, index.size);
  let winners: number[];
  try {
    const scan = new TopKScan(index, ctx, filters, options.requireMust ?? true, k, scratch);
    winners = scan.run();
    scan.releaseScratch();
  } catch (e) {
    // The scratch may be left dirty: drop it, the next query starts afresh.
    scratchByIndex.delete(index);
    throw e;
  }
  // The facts once a winner (candidateAt would rebuild them for the fields scoring does not read).
  return winners
    .map((o) => scoreCandidate(index.scoredTalentAt(o), index.factsAt(o), ctx))
    .sort(compareMatches);
}

/** Facts to be overwritten per talent (see factsForScore and budgetOf). */
function emptyFacts(): ProfileFacts {
  return {
    industries: 0,
    functions: 0,
    missions: 0,
    production: 0,
    dailyCost: 0,
    windows: NO_WINDOWS,
    domains: 0,
  };
}

class TopKScan {
  private readonly v: TalentIndexView;
  private readonly w: ScoreWeights;
  private readonly project: ProjectProfile;
  private readonly m: number;
  private readonly nAttr: number;
  private readonly attrMask: number;
  private readonly attrBits: number;
  // Scoring tables, per requirement (see scoreAt).
  private readonly covC: Float64Array;
  private readonly adjC: Float64Array;
  private readonly alpha: Float64Array;
  private readonly lfTab: Float64Array;
  /**
   * levelFit(level of attribute a, level required by i) at i · nAttr + a; an adjacent source's credit is
   * its weight times this.
   */
  private readonly fitTab: Float64Array;
  private readonly exactSlot: Int32Array;
  private readonly srcStart: Int32Array;
  private readonly srcWeight: Float64Array;
  private readonly srcSlot: Int32Array;
  private readonly slotOfCode: Int32Array;
  private readonly heldStamp: Int32Array;
  private readonly heldAttr: Int32Array;
  private stamp = 0;
  private score = 0;
  // Terms: the distinct project skills some talent holds, then the flags of the non-skill parts (see the
  // header); each with a bitmap for this query.
  private readonly nTerms: number;
  private readonly termDelta: Float64Array;
  private readonly termDensity: Float64Array;
  private readonly termBits: Int32Array[];
  private readonly termList: (Uint16Array | null)[];
  private readonly termLen: Int32Array;
  private readonly bigA: number;
  /** The non-skill parts' bound that no flag carries: availability (≤ 1), the track record's first step. */
  private readonly nsConst: number;
  /** Availability months of the project (flags and δ, nMonths of them), and the bound outside them. */
  private readonly monthFlags: Int32Array;
  private readonly monthDeltas: Float64Array;
  private readonly nMonths: number;
  private readonly avConst: number;
  /** Budget weight when the project has a budget (then bounded per word and per talent), else 0. */
  private readonly wBudget: number;
  private readonly budgetFacts: ProfileFacts;
  /** The facts of the talent being scored (see factsForScore), one object a query. */
  private readonly scoreFacts: ProfileFacts;
  /** The flags of the project's industry and business function (-1: none). */
  private readonly industryFlag: number;
  private readonly functionFlag: number;
  private readonly scratch: Scratch;
  private scratchUsed = 0;
  /** requireMust: terms every result must hold; `impossible` when one is held by nobody. */
  private readonly mustTerms: Int32Array;
  private readonly impossible: boolean;
  // Filters.
  private readonly sourceBits: Int32Array | null;
  private readonly industryFilter: Int32Array[];
  private readonly maxRate: number;
  /**
   * Per tag: whether it passes the language and place filters (null: no such filter), evaluated when a
   * talent with that tag first gets that far (see tagPasses): few tags are ever asked about, and a pool
   * has thousands.
   */
  private readonly tagPass: Uint8Array | null;
  private readonly filters: CompiledFilters;
  private readonly available: CompiledFilters['available'];
  /** Weights with a negative part make the bounds wrong: every talent is scored then. */
  private readonly prunable: boolean;
  // Heap of the K best so far, worst at the root.
  private k: number;
  private readonly hScore: Float64Array;
  private readonly hOrd: Int32Array;
  private hSize = 0;
  private theta = -Infinity;
  /** The warm start's floor (see run), and what a talent's bound must reach: max(θ, floor). */
  private floor = -Infinity;
  private cut = -Infinity;
  // The plan for the current θ.
  private replanAt = -Infinity;
  /** θ deflated by the bound inflation, and the unit of the dense counters, for the current plan. */
  private thetaIn = -Infinity;
  private cntUnit = 1;
  private readonly termCode: number[];
  // Sparse skills (see the header): quantum of the accumulators, their largest value, and the dense rest.
  private readonly sparse: Int32Array;
  private readonly dense: Int32Array;
  /** Dense then sparse terms: what the word counters may count. */
  private readonly counted: Int32Array;
  /** denseRest[j]: the δ of dense[j…] together. */
  private readonly denseRest: Float64Array;
  private unit = 0;
  private maxAcc = 0;
  private denseDelta = 0;
  /** The δ of every sparse term together (exact, not in accumulator units). */
  private sparseDelta = 0;
  /** The postings the sparse walk visited (see releaseScratch); -1 until it has run. */
  private postings = -1;
  private readonly holdTerms: Int32Array;
  private nHold = 0;
  private readonly cntBits: Int32Array[];
  /** Per counted term, PLANES masks: -1 where its units have a 1 bit, else 0. */
  private readonly cntMask: Int32Array;
  /** Per counted term: its units (what the word bound below adds when no talent of a word holds it). */
  private readonly cntUnits: Int32Array;
  /** Per counted term: the term, and what it is expected to drop, units × (1 − density) (see plan). */
  private readonly cntTerm: Int32Array;
  private readonly cntKill: Float64Array;
  private nCnt = 0;

  constructor(
    private readonly index: TalentIndex,
    ctx: ScoringContext,
    filters: CompiledFilters,
    requireMust: boolean,
    k: number,
    scratch: Scratch,
  ) {
    const v = (this.v = index.view());
    const { reqs, shares, adjacency, weights } = ctx;
    this.w = weights;
    this.project = ctx.project;
    const m = (this.m = reqs.length);
    const nAttr = (this.nAttr = v.attrLevel.length);
    this.attrBits = v.attrBits;
    this.attrMask = (1 << v.attrBits) - 1;
    this.k = k;
    this.hScore = new Float64Array(k);
    this.hOrd = new Int32Array(k);
    this.scratch = scratch;
    this.prunable = SCORE_PARTS.every((p) => weights[p] >= 0 && weights[p] < Infinity);

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
    // Per term: δ and density, in typed arrays of room for every term (skills, then at most 7 flags and
    // one a month): a number[] would change elements kind with its values, and the code reading it its map.
    const maxTerms = m + 7 + v.months;
    const termDelta = (this.termDelta = new Float64Array(maxTerms));
    const termDensity = (this.termDensity = new Float64Array(maxTerms));
    this.covC = new Float64Array(m);
    this.adjC = new Float64Array(m);
    this.alpha = new Float64Array(m);
    this.lfTab = new Float64Array(m * nAttr);
    this.fitTab = new Float64Array(m * nAttr);
    this.exactSlot = new Int32Array(m);
    this.srcStart = new Int32Array(m + 1);
    const srcWeight: number[] = [];
    const srcSlot: number[] = [];
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
        const fit = levelFit(v.attrLevel[a] as number, r.level);
        this.fitTab[i * nAttr + a] = fit;
        const x = wls * fit;
        this.lfTab[i * nAttr + a] = x;
        if (cov + x > bestExact) bestExact = cov + x;
      }
      // All sources are kept, in the map's order, so that the early exit happens where scoreCandidate's does.
      // A source's credit (weight × fit, as scoreCandidate computes it) is taken in scoreAt, not tabled
      // here: a table per source and attribute cost tens of kilobytes a query.
      let maxCredit = 0;
      for (const src of adjacency.get(r.skillId) ?? NO_SOURCES) {
        const code = v.skillCode.get(src.from);
        srcWeight.push(src.weight);
        srcSlot.push(slotFor(code));
        if (code === undefined) continue;
        for (let a = 0; a < nAttr; a++) {
          const credit = src.weight * (this.fitTab[i * nAttr + a] as number);
          if (credit > maxCredit) maxCredit = credit;
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
        }
        if (bestExact - alpha > 0) termDelta[t] = (termDelta[t] as number) + (bestExact - alpha);
      }
    }
    this.srcWeight = Float64Array.from(srcWeight);
    this.srcSlot = Int32Array.from(srcSlot);
    this.heldStamp = new Int32Array(nSlots);
    this.heldAttr = new Int32Array(nSlots);
    this.bigA = bigA;
    const nSkillTerms = termCode.length;
    for (let t = 0; t < nSkillTerms; t++)
      termDensity[t] = (v.postingCount[termCode[t] as number] ?? 0) / Math.max(1, v.ordinals);
    // Arrays of objects the scan reads are made by objectArray and push: one map for every query.
    this.termList = objectArray<Uint16Array | null>();
    this.termBits = objectArray<Int32Array>();
    this.termLen = new Int32Array(nSkillTerms);
    for (let t = 0; t < nSkillTerms; t++) {
      const c = termCode[t] as number;
      this.termList.push(v.lists[c] ?? null);
      this.termLen[t] = v.listLength[c] ?? 0;
      // A list term gets a zeroed scratch bitmap, filled as its list is walked (see accumulate).
      this.termBits.push(v.bits[c] ?? this.scratchBitmap());
    }
    this.termCode = termCode;

    // The non-skill parts as flag terms: a talent with the flag gets δ more in its bound.
    const project = ctx.project;
    const flagTerm = (flag: number, delta: number) => {
      if (!(delta > 0) || flag < 0) return;
      termDelta[termCode.length] = delta;
      termDensity[termCode.length] = (v.flagCount[flag] ?? 0) / Math.max(1, v.ordinals);
      termCode.push(-1);
      this.termList.push(null);
      this.termBits.push(v.flags[flag] as Int32Array);
    };
    const industry = INDUSTRIES.indexOf(project.industry);
    const businessFunction = FUNCTIONS.indexOf(project.businessFunction);
    this.industryFlag = industry < 0 ? -1 : FLAG_INDUSTRY + industry;
    this.functionFlag = businessFunction < 0 ? -1 : FLAG_FUNCTION + businessFunction;
    flagTerm(this.industryFlag, 0.5 * weights.vertical);
    flagTerm(this.functionFlag, 0.5 * weights.vertical);
    flagTerm(FLAG_BREADTH, weights.breadth / 3);
    flagTerm(FLAG_BREADTH + 1, (2 * weights.breadth) / 3);
    for (let b = 0; b < 3; b++) flagTerm(FLAG_TRACK + b, (weights.trackRecord * (1 << b)) / TRACK_STEPS);
    // Availability: each tracked month of the project is a term worth its share of the project's working
    // days (a talent without a window in it gives none of them); days outside the tracked months are
    // bounded by the weight itself.
    const wd = project.window.workingDays;
    let avConst = weights.availability;
    this.monthFlags = new Int32Array(v.months);
    this.monthDeltas = new Float64Array(v.months);
    let nMonths = 0;
    if (v.months > 0 && wd > 0 && weights.availability > 0) {
      let outside = wd;
      for (let i = 0; i < v.months; i++) {
        const a = Math.max(v.monthStarts[i] as number, project.window.start);
        const b = Math.min((v.monthStarts[i + 1] as number) - 1, project.window.end);
        const days = weekdaysBetween(a, b);
        if (days === 0) continue;
        outside -= days;
        const delta = (weights.availability * days) / wd;
        this.monthFlags[nMonths] = FLAG_COUNT + i;
        this.monthDeltas[nMonths++] = delta;
        flagTerm(FLAG_COUNT + i, delta);
      }
      avConst = (weights.availability * outside) / wd;
    }
    this.nMonths = nMonths;
    this.avConst = avConst;
    const hasBudget = project.targetRate !== null;
    this.wBudget = hasBudget ? weights.budget : 0;
    this.nsConst = weights.trackRecord / TRACK_STEPS + avConst + (hasBudget ? 0 : weights.budget);
    // Both from one literal, so that the profile functions see one map (a spread copy gets another).
    this.budgetFacts = emptyFacts();
    this.scoreFacts = emptyFacts();

    const nTerms = (this.nTerms = termCode.length);
    const density = termDensity;
    const byRarity = Int32Array.from(termCode.keys()).sort(
      (a, b) => (density[a] as number) - (density[b] as number) || a - b,
    );
    const sparse: number[] = [];
    const dense: number[] = [];
    for (const t of byRarity) {
      if (!((this.termDelta[t] as number) > 0)) continue;
      if (t < nSkillTerms && (density[t] as number) <= SPARSE) sparse.push(t);
      else dense.push(t);
    }
    this.sparse = Int32Array.from(sparse);
    // Heaviest first, with what is left after each, so that a talent's exact bound can stop early.
    dense.sort((a, b) => (this.termDelta[b] as number) - (this.termDelta[a] as number) || a - b);
    this.dense = Int32Array.from(dense);
    this.counted = Int32Array.from([...dense, ...sparse]);
    this.denseRest = new Float64Array(dense.length + 1);
    for (let j = dense.length - 1; j >= 0; j--) {
      this.denseRest[j] = (this.denseRest[j + 1] as number) + (this.termDelta[dense[j] as number] as number);
    }
    this.holdTerms = new Int32Array(nTerms);
    this.cntBits = objectArray<Int32Array>();
    this.cntMask = new Int32Array(nTerms * PLANES);
    this.cntUnits = new Int32Array(nTerms);
    this.cntTerm = new Int32Array(nTerms);
    this.cntKill = new Float64Array(nTerms);

    const must: number[] = [];
    let impossible = false;
    if (requireMust) {
      for (const r of reqs) {
        if (!r.must) continue;
        const t = termOfCode.get(v.skillCode.get(r.skillId) ?? -1);
        if (t === undefined) impossible = true;
        else if (!must.includes(t)) must.push(t);
      }
    }
    this.mustTerms = Int32Array.from(must);
    this.impossible = impossible;

    // Filters: source, industries and the maximum rate a word at a time; languages and place per tag;
    // availability per talent, last.
    this.sourceBits =
      filters.source === 'employee' ? v.employee : filters.source === 'freelance' ? v.freelance : null;
    this.industryFilter = objectArray<Int32Array>();
    INDUSTRIES.forEach((_, i) => {
      if ((filters.industryMask >>> i) & 1)
        this.industryFilter.push(v.flags[FLAG_INDUSTRY + i] as Int32Array);
    });
    this.maxRate = filters.maxRate ?? Infinity;
    this.filters = filters;
    this.tagPass =
      filters.languages.length > 0 || filters.place !== null ? new Uint8Array(v.tags.length) : null;
    this.available = filters.available;
  }

  /** Whether tag i passes the language and place filters; tagPass caches it: 0 unknown, 1 yes, 2 no. */
  private tagPasses(i: number): boolean {
    const pass = this.tagPass as Uint8Array;
    const known = pass[i] as number;
    if (known !== 0) return known === 1;
    const filters = this.filters;
    const tag = this.v.tags[i] as TalentTag;
    let ok =
      filters.place === null || tag.place === filters.place || (filters.remoteOk && tag.remote === 'remote');
    for (let j = 0; ok && j < filters.languages.length; j++)
      ok = tag.lowerLanguages.includes(filters.languages[j] as string);
    pass[i] = ok ? 1 : 2;
    return ok;
  }

  /** A zeroed scratch bitmap. */
  private scratchBitmap(): Int32Array {
    const words = (this.v.ordinals + 31) >>> 5;
    let b = this.scratch.bitmaps[this.scratchUsed];
    if (!b || b.length < words)
      this.scratch.bitmaps[this.scratchUsed] = b = new Int32Array(words + (words >>> 3));
    this.scratchUsed++;
    return b;
  }

  /** Fills term t's scratch bitmap from its list (a list term that is not sparse). */
  private expand(t: number): void {
    const b = this.termBits[t] as Int32Array;
    const l = this.termList[t] as Uint16Array;
    const len = this.termLen[t] as number;
    let o = -1;
    for (let p = 0; p < len;) {
      const g = l[p++] as number;
      if (g === ESCAPE) {
        o = (l[p] as number) | ((l[p + 1] as number) << 16);
        p += 2;
      } else o += g;
      b[o >>> 5] = (b[o >>> 5] as number) | (1 << (o & 31));
    }
  }

  /**
   * Clears the scratch for the next query. The sparse terms' bitmaps and the accumulators are nonzero only
   * in the words whose `wordMax` is nonzero (every posting walked adds at least one unit). When the
   * postings walked are many, most words are touched and zeroing the whole arrays (a native fill) is
   * faster than looking; else one walk of `wordMax` clears the touched words of all of them. The other
   * list terms' bitmaps are cleared by their lists.
   */
  releaseScratch(): void {
    const words = (this.v.ordinals + 31) >>> 5;
    const sparse = this.sparse;
    if (sparse.length > 0 && this.postings >= 0) {
      const { acc, acc2, wordMax } = this.scratch;
      // Only the walked lists' bitmaps are scratch: a sparse term stored as a bitmap is the index's own.
      const bms = objectArray<Int32Array>();
      for (const t of sparse) if (this.termList[t]) bms.push(this.termBits[t] as Int32Array);
      const nBms = bms.length;
      if (this.postings > words >>> 2) {
        acc.fill(0, 0, words << 5);
        wordMax.fill(0, 0, words);
        for (let i = 0; i < nBms; i++) (bms[i] as Int32Array).fill(0, 0, words);
      } else {
        for (let w = 0; w < words; w++) {
          if (wordMax[w] === 0) continue;
          wordMax[w] = 0;
          for (let j = w << 4, end = j + 16; j < end; j++) acc2[j] = 0;
          for (let i = 0; i < nBms; i++) (bms[i] as Int32Array)[w] = 0;
        }
      }
    }
    for (let t = 0; t < this.nTerms; t++) {
      const l = this.termList[t];
      if (!l || sparse.includes(t)) continue;
      const b = this.termBits[t] as Int32Array;
      const len = this.termLen[t] as number;
      // A long list is cleared faster by zeroing the whole bitmap than by walking it again.
      if (len > words >>> 3) {
        b.fill(0, 0, words);
        continue;
      }
      let o = -1;
      for (let p = 0; p < len;) {
        const g = l[p++] as number;
        if (g === ESCAPE) {
          o = (l[p] as number) | ((l[p + 1] as number) << 16);
          p += 2;
        } else o += g;
        b[o >>> 5] = 0;
      }
    }
    this.scratchUsed = 0;
  }

  /** Walks the sparse skills' postings into the accumulators. */
  private accumulate(): void {
    const v = this.v;
    const n = v.ordinals;
    const words = (n + 31) >>> 5;
    const scratch = this.scratch;
    let sparseDelta = 0;
    let postings = 0;
    for (const t of this.sparse) {
      postings += v.postingCount[this.termCode[t] as number] as number;
      sparseDelta += this.termDelta[t] as number;
    }
    this.postings = postings;
    this.sparseDelta = sparseDelta;
    this.denseDelta = 0;
    for (const t of this.dense) this.denseDelta += this.termDelta[t] as number;
    // List terms that are not walked below (dense ones, and those with nothing to add to a bound, which
    // must-haves may still need) get their bitmap filled here.
    const walked = new Set(this.sparse);
    for (let t = 0; t < this.nTerms; t++) if (this.termList[t] && !walked.has(t)) this.expand(t);
    if (this.sparse.length === 0) return;
    if (scratch.acc.length < n) {
      // Whole words of 32 talents, so that releaseScratch may clear a word at once.
      scratch.acc = new Uint16Array((words + (words >>> 3)) << 5);
      scratch.acc2 = new Int32Array(scratch.acc.buffer);
    }
    if (scratch.wordMax.length < words) scratch.wordMax = new Uint16Array(words + (words >>> 3));
    const { acc, wordMax } = scratch;
    // Units are rounded up, so a talent's sparse δ is at most unit · acc (Σ units < 65,536).
    const unit = (this.unit = (sparseDelta * (1 + REL)) / ACC_UNITS);
    let maxAcc = 0;
    for (const t of this.sparse) {
      const q = Math.max(1, Math.ceil((this.termDelta[t] as number) / unit));
      const l = this.termList[t];
      if (l) {
        // One walk of the list fills the term's bitmap and the accumulators. The list is in ordinal order,
        // so the current word's bits and largest sum stay in registers until the walk leaves the word.
        const bm = this.termBits[t] as Int32Array;
        const len = this.termLen[t] as number;
        let o = -1;
        let cw = -1;
        let cb = 0;
        let cm = 0;
        for (let p = 0; p < len;) {
          const g = l[p++] as number;
          if (g === ESCAPE) {
            o = (l[p] as number) | ((l[p + 1] as number) << 16);
            p += 2;
          } else o += g;
          if (o >>> 5 !== cw) {
            if (cw >= 0) {
              bm[cw] = (bm[cw] as number) | cb;
              if (cm > (wordMax[cw] as number)) wordMax[cw] = cm;
              if (cm > maxAcc) maxAcc = cm;
            }
            cw = o >>> 5;
            cb = 0;
            cm = 0;
          }
          cb |= 1 << (o & 31);
          const x = (acc[o] as number) + q;
          acc[o] = x;
          if (x > cm) cm = x;
        }
        if (cw >= 0) {
          bm[cw] = (bm[cw] as number) | cb;
          if (cm > (wordMax[cw] as number)) wordMax[cw] = cm;
          if (cm > maxAcc) maxAcc = cm;
        }
        continue;
      }
      const b = this.termBits[t] as Int32Array;
      for (let w = 0; w < words; w++) {
        for (let x = b[w] as number; x !== 0;) {
          const low = x & -x;
          x ^= low;
          const o = (w << 5) | (31 - Math.clz32(low));
          const y = (acc[o] as number) + q;
          acc[o] = y;
          if (y > (wordMax[o >>> 5] as number)) wordMax[o >>> 5] = y;
          if (y > maxAcc) maxAcc = y;
        }
      }
    }
    this.maxAcc = maxAcc;
  }

  /**
   * The ordinals of the K best talents, in no particular order.
   *
   * Warm start: a first pass over one word in SAMPLE finds the best talent of each sampled word; the r-th
   * best of those, r = 2K / SAMPLE, estimates the score of the 2K-th best word overall, below the K-th
   * talent. Words, not talents: neighbours are alike (TalentIndex numbers similar talents together), so a
   * sampled word often holds several of the very best, which would lift a floor taken over talents above
   * the K-th score and force the second pass. The full pass then
   * prunes against that floor from its first word instead of letting θ rise from nothing through
   * thousands of scorings. If fewer than K talents reach the floor (an unlucky sample), the pass is run
   * again without it, so the result is exact either way.
   */
  run(): number[] {
    if (this.impossible || this.k === 0) return [];
    this.accumulate();
    const words = (this.v.ordinals + 31) >>> 5;
    const k = this.k;
    const r = Math.ceil((3 * k) / SAMPLE);
    if (this.prunable && words >= 4 * SAMPLE && r * SAMPLE * 32 <= this.v.ordinals) {
      this.k = r;
      this.pass(0, SAMPLE);
      const floor = this.hSize === r ? this.theta : -Infinity;
      this.k = k;
      this.restart(floor);
      this.pass(0, 1);
      if (this.hSize === k || floor === -Infinity) return Array.from(this.hOrd.subarray(0, this.hSize));
      this.restart(-Infinity);
    }
    this.pass(0, 1);
    return Array.from(this.hOrd.subarray(0, this.hSize));
  }

  /** Empties the heap and sets the floor for the next pass. */
  private restart(floor: number): void {
    this.hSize = 0;
    this.theta = -Infinity;
    this.floor = floor;
    this.cut = floor;
    this.replanAt = -Infinity;
  }

  /** The budget part's value for a daily cost (budgetValue, which is non-increasing in the cost). */
  private budgetOf(cost: number): number {
    this.budgetFacts.dailyCost = cost;
    return budgetValue(this.budgetFacts, this.project);
  }

  /** One pass over the words start, start + stride, …: a warm start's sample when stride > 1. */
  private pass(start: number, stride: number): void {
    const sampling = stride > 1;
    const v = this.v;
    const words = (v.ordinals + 31) >>> 5;
    const { employee, freelance, wordMinCost, tag, cost: costs } = v;
    // The budget part's value as budgetValue computes it (non-increasing in the cost), inlined here
    // because the scan takes it for every word and survivor; only bounds read it.
    const target = this.project.targetRate ?? 0;
    const src = this.sourceBits;
    const must = this.mustTerms;
    const nMust = must.length;
    const industryFilter = this.industryFilter;
    const nIndustry = industryFilter.length;
    const maxRate = this.maxRate;
    const tagPass = this.tagPass;
    const bits = this.termBits;
    const hold = this.holdTerms;
    const cntBits = this.cntBits;
    const mk = this.cntMask;
    const cntUnits = this.cntUnits;
    const delta = this.termDelta;
    const dense = this.dense;
    const denseRest = this.denseRest;
    const sparse = this.sparse;
    const nDense = dense.length;
    const nSparse = sparse.length;
    const { acc, wordMax } = this.scratch;
    const bigA = this.bigA;
    const unit = this.unit;
    const wBudget = this.wBudget;
    const fixed = bigA + this.nsConst;
    const base = fixed + this.denseDelta;
    const baseAll = base + this.sparseDelta;
    for (let w = start; w < words; w += stride) {
      if (this.cut > -Infinity && this.cut >= this.replanAt && !this.plan()) break;
      let c = src !== null ? (src[w] as number) : (employee[w] as number) | (freelance[w] as number);
      for (let j = 0; j < nMust && c !== 0; j++) c &= (bits[must[j] as number] as Int32Array)[w] as number;
      if (c === 0) continue;
      if (nIndustry > 0) {
        let any = 0;
        for (let j = 0; j < nIndustry; j++) any |= (industryFilter[j] as Int32Array)[w] as number;
        c &= any;
        if (c === 0) continue;
      }
      const minCost = wordMinCost[w] as number;
      if (!(minCost <= maxRate)) continue;
      if (this.cut > -Infinity) {
        // The word's slack: what its best sparse sum, its least cost and every dense term would leave
        // above θ.
        const slack = base + (nSparse > 0 ? unit * (wordMax[w] as number) : 0) - this.thetaIn;
        if (!(slack + wBudget >= 0)) continue;
        const budget =
          wBudget > 0 ? wBudget * (minCost <= target ? 1 : Math.max(0, 2 - minCost / target)) : 0;
        if (!(slack + budget >= 0)) continue;
        // Each talent's own slack: what every term would give, less what it misses (counted below).
        const own = baseAll + budget - this.thetaIn;
        const nHold = this.nHold;
        for (let j = 0; j < nHold && c !== 0; j++) c &= (bits[hold[j] as number] as Int32Array)[w] as number;
        const nCnt = this.nCnt;
        if (c !== 0 && nCnt > 0 && (c & (c - 1)) !== 0) {
          // The word as a whole first: the units of the terms none of its talents holds are missed by
          // each of them. Similar talents are neighbours (TalentIndex.clusterOrder), so a word often lacks
          // a term entirely, and this drops it for one load and test a term, without the adders.
          const allowed = Math.floor(own / this.cntUnit);
          let missed = 0;
          for (let j = 0; j < nCnt && missed <= allowed; j++)
            if ((((cntBits[j] as Int32Array)[w] as number) & c) === 0) missed += cntUnits[j] as number;
          if (missed > allowed) continue;
        }
        if (c !== 0 && nCnt > 0 && (c & (c - 1)) !== 0) {
          // Bit i of s_p is bit p of talent i's missed dense units, started at LEVELS − 1 − budget so
          // that a carry out of s5 (`over`) means more than the budget was missed.
          const start = LEVELS - 1 - Math.min(LEVELS - 1, Math.floor(own / this.cntUnit));
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
      // The warm start offers each sampled word's best talent only (see run).
      let wordBest = -Infinity;
      let wordBestAt = -1;
      while (c !== 0) {
        const low = c & -c;
        c ^= low;
        const bit = 31 - Math.clz32(low);
        const o = (w << 5) | bit;
        const pruning = this.cut > -Infinity;
        const a = nSparse > 0 ? (acc[o] as number) : 0;
        // Most talents left are dropped here, by their own sparse units, before anything is read.
        if (pruning && fixed + wBudget + this.denseDelta + unit * a < (this.cut - ABS) / (1 + REL)) continue;
        // The filters read per talent (cheap ones first; the availability window last).
        if (tagPass !== null && !this.tagPasses(tag[o] as number)) continue;
        let cost = costs[o] as number;
        if (cost !== cost) cost = this.index.costAt(o);
        if (!(cost <= maxRate)) continue;
        if (pruning) {
          // Bounded by its own sparse units, cost, and the dense terms it holds (stopping as soon as the
          // dense terms left cannot make up for the ones missed), then exactly.
          const own =
            fixed + (wBudget > 0 ? wBudget * (cost <= target ? 1 : Math.max(0, 2 - cost / target)) : 0);
          const bar = (this.cut - ABS) / (1 + REL) - own - unit * a;
          let held = 0;
          let j = 0;
          for (; j < nDense; j++) {
            if (held + (denseRest[j] as number) < bar) break;
            const t = dense[j] as number;
            if ((((bits[t] as Int32Array)[w] as number) >>> bit) & 1) held += delta[t] as number;
          }
          if (j < nDense || held < bar) continue;
          if (a > 0) {
            for (let i = 0; i < nSparse; i++) {
              const t = sparse[i] as number;
              if ((((bits[t] as Int32Array)[w] as number) >>> bit) & 1) held += delta[t] as number;
            }
          }
          if ((own + held) * (1 + REL) + ABS < this.cut) continue;
        }
        if (this.available !== null && !this.isAvailable(o)) continue;
        if (this.scoreAt(o, pruning)) {
          if (!sampling) this.offer(o, this.score);
          else if (this.score > wordBest) {
            wordBest = this.score;
            wordBestAt = o;
          }
        }
      }
      if (wordBestAt >= 0) this.offer(wordBestAt, wordBest);
    }
  }

  /**
   * Re-plans the dense filter for the current θ; false when no talent left can reach θ. A plan made for a
   * lower θ stays valid (it only prunes less), so re-planning waits until θ has moved by a share of the
   * slack.
   */
  private plan(): boolean {
    const theta = this.cut;
    // θ deflated by the bound inflation: a talent is dropped when its bound is below this.
    this.thetaIn = (theta - 2 * ABS) / (1 + REL);
    if (
      !(this.bigA + this.nsConst + this.wBudget + this.denseDelta + this.unit * this.maxAcc >= this.thetaIn)
    )
      return false;
    // The counters count what a talent misses of every term, sparse ones included, against this.
    const slack = this.bigA + this.nsConst + this.wBudget + this.denseDelta + this.sparseDelta - this.thetaIn;
    this.replanAt = theta + Math.max(REPLAN * slack, ABS);
    // LEVELS units are more than the largest slack of any word; a dense term counts its δ rounded down.
    const unit = (this.cntUnit = (slack * (1 + REL)) / LEVELS);
    const { termDensity: density, counted, cntTerm, cntKill, cntUnits } = this;
    let nHold = 0;
    let nCnt = 0;
    // Terms most likely to push talents out first, ties in rarity order (the order of `counted`): each is
    // inserted after those that kill as much, a stable insertion sort in the query's own arrays, since a
    // query re-plans tens of times and a few dozen terms do not need more.
    for (let k = 0; k < counted.length; k++) {
      const t = counted[k] as number;
      const d = this.termDelta[t] as number;
      if (d > slack) this.holdTerms[nHold++] = t;
      else if (unit > 0) {
        const q = Math.min(LEVELS - 1, Math.floor(d / unit));
        if (!(q > 0)) continue;
        const kill = q * (1 - (density[t] as number));
        let j = nCnt++;
        for (; j > 0 && (cntKill[j - 1] as number) < kill; j--) {
          cntKill[j] = cntKill[j - 1] as number;
          cntTerm[j] = cntTerm[j - 1] as number;
          cntUnits[j] = cntUnits[j - 1] as number;
        }
        cntKill[j] = kill;
        cntTerm[j] = t;
        cntUnits[j] = q;
      }
    }
    this.nHold = nHold;
    this.nCnt = nCnt;
    for (let j = 0; j < nCnt; j++) {
      const q = cntUnits[j] as number;
      this.cntBits[j] = this.termBits[cntTerm[j] as number] as Int32Array;
      for (let p = 0; p < PLANES; p++) this.cntMask[j * PLANES + p] = (q >>> p) & 1 ? -1 : 0;
    }
    return true;
  }

  /**
   * The availability filter (coversWindow) on the windows in the columns: the clear cases (no window; a
   * window at the capacity that spans the whole period; none that touches it) without building anything,
   * the others by coversWindow itself.
   */
  private isAvailable(o: number): boolean {
    const v = this.v;
    const av = this.available as NonNullable<CompiledFilters['available']>;
    const from = v.winStart[o] as number;
    const to = v.winStart[o + 1] as number;
    if (from === to) {
      const aside = v.winAside.size > 0 ? v.winAside.get(o) : undefined;
      return aside === undefined || coversWindow(aside, av.window, av.minDaysPerWeek);
    }
    const { start, end } = av.window;
    let touches = false;
    for (let k = from; k < to; k++) {
      if ((v.winCap[k] as number) / 2 < av.minDaysPerWeek) continue;
      const a = v.winDays[2 * k] as number;
      const b = v.winDays[2 * k + 1] as number;
      if (a <= start && b >= end) return true;
      if (a <= end && b >= start) touches = true;
    }
    if (!touches && av.window.workingDays > 0) return false;
    return coversWindow(this.index.windowsAt(o), av.window, av.minDaysPerWeek);
  }

  /**
   * The non-skill parts' bound of a talent: exact but for availability (at most its weight) and in any
   * order (the bound is inflated anyway).
   */
  private profileBound(o: number): number {
    const v = this.v;
    const w = this.w;
    const p = this.project;
    const industry = INDUSTRIES.indexOf(p.industry);
    const fn = FUNCTIONS.indexOf(p.businessFunction);
    const vertical =
      (industry >= 0 ? 0.5 * this.flagAt(o, FLAG_INDUSTRY + industry) : 0) +
      (fn >= 0 ? 0.5 * this.flagAt(o, FLAG_FUNCTION + fn) : 0);
    const facts = this.budgetFacts;
    facts.missions = v.missions[o] as number;
    facts.production = v.production[o] as number;
    const breadth = (this.flagAt(o, FLAG_BREADTH) + 2 * this.flagAt(o, FLAG_BREADTH + 1)) / 3;
    const budget = this.budgetOf(this.index.costAt(o));
    let availability = this.avConst;
    for (let i = 0; i < this.nMonths; i++)
      if (this.flagAt(o, this.monthFlags[i] as number)) availability += this.monthDeltas[i] as number;
    return (
      w.vertical * vertical +
      w.trackRecord * trackRecordValue(facts) +
      availability +
      w.budget * budget +
      w.breadth * breadth
    );
  }

  /**
   * Bit `o` of flag f. A method rather than a closure in profileBound, which runs for every talent scored:
   * a closure a call costs an allocation (and, under tsx's keepNames, a defineProperty) each time.
   */
  private flagAt(o: number, f: number): number {
    return (((this.v.flags[f] as Int32Array)[o >>> 5] as number) >>> (o & 31)) & 1;
  }

  /**
   * Scores a talent from the forward store into `this.score`, exactly as scoreCandidate does; false when
   * the availability filter drops it. With `prune`, first bounds it by its exact skills (with their
   * levels) plus the adjacency bound of the others and its non-skill bound, and returns false if that
   * cannot reach θ.
   */
  private scoreAt(o: number, prune: boolean): boolean {
    const { fwdStart, fwd } = this.v;
    const { slotOfCode, heldStamp, heldAttr, nAttr, exactSlot, covC, lfTab, m, attrBits, attrMask } = this;
    const st = ++this.stamp;
    const end = fwdStart[o + 1] as number;
    for (let p = fwdStart[o] as number; p < end; p++) {
      const code = fwd[p] as number;
      const sl = slotOfCode[code >>> attrBits] as number;
      if (sl >= 0) {
        heldStamp[sl] = st;
        heldAttr[sl] = code & attrMask;
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
      ub += this.profileBound(o);
      if (ub * (1 + REL) + ABS < this.cut) return false;
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
          const credit =
            (this.srcWeight[s] as number) * (this.fitTab[i * nAttr + (heldAttr[sl] as number)] as number);
          if (credit > best) best = credit;
        }
        adj += (this.adjC[i] as number) * best;
      }
    }
    // The parts and their sum exactly as scoreCandidate and sumParts compute them, each value by the
    // function profileValues calls, on facts written into one object a query rather than allocated.
    const w = this.w;
    const p = this.project;
    const f = this.factsForScore(o);
    this.score =
      cov +
      lf +
      adj +
      w.vertical * verticalValue(f, p) +
      w.trackRecord * trackRecordValue(f) +
      w.availability * availabilityValue(f, p) +
      w.budget * budgetValue(f, p) +
      w.breadth * breadthValue(f);
    return true;
  }

  /**
   * The facts of talent o as far as this project's values read them, in one object a query: as factsAt
   * gives them, except that of the industries and business functions only the project's own are set
   * (verticalValue tests those bits alone). Two flag bitmaps read instead of one for every industry and
   * function: for a talent scored, each is another cache line.
   */
  private factsForScore(o: number): ProfileFacts {
    const v = this.v;
    const p = this.project;
    const f = this.scoreFacts;
    f.industries = this.industryFlag >= 0 && this.flagAt(o, this.industryFlag) ? p.industryBit : 0;
    f.functions = this.functionFlag >= 0 && this.flagAt(o, this.functionFlag) ? p.functionBit : 0;
    f.missions = v.missions[o] as number;
    f.production = v.production[o] as number;
    f.dailyCost = this.index.costAt(o);
    f.windows = this.index.windowsAt(o);
    let domains = 0;
    for (let i = 0; i < CORE_DOMAINS.length; i++) if (this.flagAt(o, FLAG_DOMAIN + i)) domains |= 1 << i;
    f.domains = domains;
    return f;
  }

  /** Whether heap entry a ranks below entry b: lower score, or the same score and a larger id. */
  private worse(a: number, b: number): boolean {
    const sa = this.hScore[a] as number;
    const sb = this.hScore[b] as number;
    return sa < sb || (sa === sb && this.idAfter(this.hOrd[a] as number, this.hOrd[b] as number));
  }

  /** Whether talent o's id sorts after talent p's. */
  private idAfter(o: number, p: number): boolean {
    const v = this.v;
    return v.idsInOrdinalOrder ? o > p : v.ids.get(o) > v.ids.get(p);
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

  /** Sets θ from the heap's root, and the cut when pruning is sound. */
  private setTheta(): void {
    this.theta = this.hScore[0] as number;
    if (this.prunable) this.cut = Math.max(this.theta, this.floor);
  }

  private offer(o: number, s: number): void {
    const { hScore, hOrd, k } = this;
    // Below the floor a talent cannot be among the K best if the floor holds (and if it does not, the
    // pass is run again without it).
    if (s < this.floor) return;
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
      if (this.hSize === k) this.setTheta();
      return;
    }
    const root = hScore[0] as number;
    if (s < root || (s === root && this.idAfter(o, hOrd[0] as number))) return;
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
    this.setTheta();
  }
}

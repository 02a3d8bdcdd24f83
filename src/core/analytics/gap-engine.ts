/**
 * The aggregates behind the gap report, kept up to date incrementally.
 *
 * Supply, per (skill, level, source): holders, their capacity in person-days over the window, and the sum
 * of their daily costs. Per (domain, source): specialists (a skill of the domain at SPECIALIST_LEVEL or
 * above) and their capacity. One pass over the snapshot builds them (`refresh`); after that, a changed
 * talent costs O(its skills): its old contribution goes out, the new one comes in.
 *
 * Demand, per skill: open and historical person-days (thousandths, integers: exact sums), level-weighted
 * sums (for the required level), numbers of projects and of must-have requirements; open demand also per
 * (industry, skill) and (function, skill). A changed project costs O(its requirements).
 *
 * The window. By default ("auto") it is the horizon of the open demand: from the earliest start to the
 * latest end of the open projects, so all of the open demand falls in it and supply is the holders'
 * capacity over the same days. When a project change moves that horizon, supply is recomputed in one pass
 * (the only case where a single change costs a full pass). With an explicit window, open demand is clipped
 * to it (a project's demand × its working days inside the window / its working days).
 */
import { dayOf, isoOfDay, workingDays } from './dates.js';
import { MILLI, SPECIALIST_LEVEL } from './definitions.js';
import type { AnalyticsSnapshot } from './snapshot.js';

export interface WindowOption {
  from: string;
  to: string;
}

export const LEVELS = 6; // index 1..5 used

export class GapEngine {
  snap: AnalyticsSnapshot;
  private readonly explicit: { from: number; to: number } | null;
  winFrom = 0;
  winTo = -1;
  private nSkills = 0;
  private nDomains = 0;
  private nInd = 0;
  private nFn = 0;

  // Supply: index ((skill * LEVELS + level) * 2 + source).
  holders = new Int32Array(0);
  capacity = new Float64Array(0);
  costSum = new Float64Array(0);
  /** Specialists per (domain * 2 + source). */
  specCount = new Int32Array(0);
  specCap = new Float64Array(0);
  private domainStamp = new Float64Array(0);
  private stamp = 0;
  /** Capacity in the window, per talent ordinal (valid for live ordinals and the dead ones counted). */
  tCap = new Float64Array(0);
  /** Talents counted, per source. */
  talents = new Int32Array(2);
  capacityTotal = new Float64Array(2);

  // Demand (milli person-days).
  dOpen = new Float64Array(0);
  dHist = new Float64Array(0);
  dOpenLevel = new Float64Array(0);
  /** Open demand per (skill * LEVELS + required level). */
  dOpenByLevel = new Float64Array(0);
  /** Σ demand × project working days, per skill: the demand-weighted duration of its open projects. */
  dOpenDur = new Float64Array(0);
  nOpen = new Int32Array(0);
  nOpenMust = new Int32Array(0);
  nHist = new Int32Array(0);
  /** Open demand per (industry * nSkills + skill) and (function * nSkills + skill). */
  dOpenInd = new Float64Array(0);
  dOpenFn = new Float64Array(0);
  openProjects = 0;
  histProjects = 0;

  private supplyVersion = -1;
  private demandVersion = -1;
  /** Snapshot ordinals already folded into the aggregates. */
  private seenT = 0;
  private seenP = 0;

  constructor(snap: AnalyticsSnapshot, window: WindowOption | null = null) {
    this.snap = snap;
    this.explicit = window ? { from: dayOf(window.from), to: dayOf(window.to) } : null;
  }

  get auto(): boolean {
    return this.explicit === null;
  }

  get windowWorkingDays(): number {
    return workingDays(this.winFrom, this.winTo);
  }

  window(): { from: string; to: string; workingDays: number; auto: boolean } {
    return {
      from: isoOfDay(this.winFrom),
      to: isoOfDay(this.winTo),
      workingDays: this.windowWorkingDays,
      auto: this.auto,
    };
  }

  /** Brings the aggregates up to date with the snapshot (a full pass the first time). */
  ensure(): void {
    const s = this.snap;
    if (this.supplyVersion < 0 || this.demandVersion < 0 || this.seenT !== s.nT || this.seenP !== s.nP)
      this.refresh();
  }

  /** Recomputes everything in one pass over the snapshot. */
  refresh(): void {
    this.allocate();
    this.computeWindow();
    this.refreshDemand();
    this.refreshSupply();
  }

  /** Replaces the snapshot (after compaction or a rebuild) and recomputes. */
  reset(snap: AnalyticsSnapshot): void {
    this.snap = snap;
    this.supplyVersion = -1;
    this.demandVersion = -1;
    this.refresh();
  }

  private allocate(): void {
    const s = this.snap;
    this.nSkills = s.skillCount;
    this.nDomains = s.domains.size;
    this.nInd = Math.max(1, s.industries.size);
    this.nFn = Math.max(1, s.functions.size);
    const n = this.nSkills;
    this.holders = new Int32Array(n * LEVELS * 2);
    this.capacity = new Float64Array(n * LEVELS * 2);
    this.costSum = new Float64Array(n * LEVELS * 2);
    this.specCount = new Int32Array(this.nDomains * 2);
    this.specCap = new Float64Array(this.nDomains * 2);
    this.domainStamp = new Float64Array(this.nDomains);
    this.dOpen = new Float64Array(n);
    this.dHist = new Float64Array(n);
    this.dOpenLevel = new Float64Array(n);
    this.dOpenByLevel = new Float64Array(n * LEVELS);
    this.dOpenDur = new Float64Array(n);
    this.nOpen = new Int32Array(n);
    this.nOpenMust = new Int32Array(n);
    this.nHist = new Int32Array(n);
    this.dOpenInd = new Float64Array(this.nInd * n);
    this.dOpenFn = new Float64Array(this.nFn * n);
  }

  /** Grows the arrays when the snapshot learnt new skills, industries or functions (keeps the sums). */
  private fit(): boolean {
    const s = this.snap;
    if (
      s.skillCount === this.nSkills &&
      s.domains.size === this.nDomains &&
      s.industries.size <= this.nInd &&
      s.functions.size <= this.nFn
    )
      return false;
    // Rare (a skill never seen before): simplest is a full recomputation.
    this.refresh();
    return true;
  }

  /** The open demand's horizon, or the explicit window. */
  private horizon(): { from: number; to: number } {
    if (this.explicit) return this.explicit;
    const s = this.snap;
    let from = Infinity;
    let to = -Infinity;
    for (let p = 0; p < s.nP; p++) {
      if (!s.pAlive[p] || !s.isOpen(p)) continue;
      if (s.pStart[p]! < from) from = s.pStart[p]!;
      if (s.pEnd[p]! > to) to = s.pEnd[p]!;
    }
    if (from > to) {
      // No open project: the span of the availability windows.
      for (let w = 0; w < s.nAv; w++) {
        if (s.avFrom[w]! < from) from = s.avFrom[w]!;
        if (s.avTo[w]! > to) to = s.avTo[w]!;
      }
    }
    if (from > to) return { from: 0, to: -1 };
    return { from, to };
  }

  private computeWindow(): void {
    const h = this.horizon();
    this.winFrom = h.from;
    this.winTo = h.to;
  }

  // --------------------------------------------------------------------------------------------- demand

  /** Share of a project's working days inside the window (1 in auto mode for open projects). */
  clipShare(p: number): number {
    return this.clip(p);
  }

  private clip(p: number): number {
    const s = this.snap;
    if (!this.explicit) return 1;
    const total = s.pWork[p]!;
    if (total <= 0) return 0;
    return workingDays(Math.max(this.winFrom, s.pStart[p]!), Math.min(this.winTo, s.pEnd[p]!)) / total;
  }

  private addProject(p: number, sign: 1 | -1): void {
    const s = this.snap;
    const n = this.nSkills;
    const open = s.isOpen(p);
    const frac = open ? this.clip(p) : 1;
    const ind = s.pIndustry[p]! * n;
    const fn = s.pFunction[p]! * n;
    if (open) this.openProjects += sign;
    else this.histProjects += sign;
    for (let k = s.pRqStart[p]!, end = s.pRqStart[p + 1]!; k < end; k++) {
      const sk = s.rqSkill[k]!;
      const d = frac === 1 ? s.rqMilli[k]! : Math.round(s.rqMilli[k]! * frac);
      if (open) {
        this.dOpen[sk]! += sign * d;
        this.dOpenLevel[sk]! += sign * d * s.rqLevel[k]!;
        this.dOpenByLevel[sk * LEVELS + s.rqLevel[k]!]! += sign * d;
        this.dOpenDur[sk]! += sign * d * s.pWork[p]!;
        this.nOpen[sk]! += sign;
        if (s.rqMust[k]) this.nOpenMust[sk]! += sign;
        this.dOpenInd[ind + sk]! += sign * d;
        this.dOpenFn[fn + sk]! += sign * d;
      } else {
        this.dHist[sk]! += sign * d;
        this.nHist[sk]! += sign;
      }
    }
  }

  private refreshDemand(): void {
    const s = this.snap;
    this.openProjects = 0;
    this.histProjects = 0;
    this.dOpen.fill(0);
    this.dHist.fill(0);
    this.dOpenLevel.fill(0);
    this.dOpenByLevel.fill(0);
    this.dOpenDur.fill(0);
    this.nOpen.fill(0);
    this.nOpenMust.fill(0);
    this.nHist.fill(0);
    this.dOpenInd.fill(0);
    this.dOpenFn.fill(0);
    for (let p = 0; p < s.nP; p++) if (s.pAlive[p]) this.addProject(p, 1);
    this.seenP = s.nP;
    this.demandVersion = s.version;
  }

  // --------------------------------------------------------------------------------------------- supply

  private addTalent(o: number, sign: 1 | -1, cap: number): void {
    const s = this.snap;
    const src = s.tSource[o]!;
    const cost = s.tCost[o]!;
    this.talents[src]! += sign;
    this.capacityTotal[src]! += sign * cap;
    const stamp = ++this.stamp;
    for (let k = s.tSkStart[o]!, end = s.tSkStart[o + 1]!; k < end; k++) {
      const sk = s.skSkill[k]!;
      const lv = s.skLevel[k]!;
      const i = (sk * LEVELS + lv) * 2 + src;
      this.holders[i]! += sign;
      this.capacity[i]! += sign * cap;
      this.costSum[i]! += sign * cost;
      if (lv >= SPECIALIST_LEVEL) {
        // A talent counts once a domain however many of its skills they hold.
        const d = s.skillDomain[sk]!;
        if (this.domainStamp[d] !== stamp) {
          this.domainStamp[d] = stamp;
          this.specCount[d * 2 + src]! += sign;
          this.specCap[d * 2 + src]! += sign * cap;
        }
      }
    }
  }

  /**
   * The one pass over the pool: capacity in the window per talent, then its skill claims into the
   * (skill, level, source) sums. Written with local references to the typed arrays (the hot loop of the
   * gap report: about ten claims a talent, a million talents).
   */
  private refreshSupply(): void {
    const s = this.snap;
    const holders = this.holders.fill(0);
    const capacity = this.capacity.fill(0);
    const costSum = this.costSum.fill(0);
    const specCount = this.specCount.fill(0);
    const specCap = this.specCap.fill(0);
    this.talents.fill(0);
    this.capacityTotal.fill(0);
    if (this.tCap.length < s.nT) this.tCap = new Float64Array(Math.ceil(s.nT * 1.25) + 64);
    const tCap = this.tCap;
    const from = this.winFrom;
    const to = this.winTo;
    const alive = s.tAlive;
    const source = s.tSource;
    const cost = s.tCost;
    const skStart = s.tSkStart;
    const skSkill = s.skSkill;
    const skLevel = s.skLevel;
    const skillDomain = s.skillDomain;
    const avStart = s.tAvStart;
    const avFrom = s.avFrom;
    const avTo = s.avTo;
    const avDpw = s.avDpw;
    const domainStamp = this.domainStamp;
    const nT = s.nT;
    let stamp = this.stamp;
    let talentsE = 0;
    let talentsF = 0;
    let capE = 0;
    let capF = 0;
    for (let o = 0; o < nT; o++) {
      if (alive[o] === 0) continue;
      let cap = 0;
      for (let w = avStart[o]!, wEnd = avStart[o + 1]!; w < wEnd; w++) {
        const dpw = avDpw[w]!;
        if (dpw <= 0) continue;
        const a = avFrom[w]! > from ? avFrom[w]! : from;
        const b = avTo[w]! < to ? avTo[w]! : to;
        if (b >= a) cap += (workingDays(a, b) * dpw) / 5;
      }
      tCap[o] = cap;
      const src = source[o]!;
      const c = cost[o]!;
      if (src === 0) {
        talentsE++;
        capE += cap;
      } else {
        talentsF++;
        capF += cap;
      }
      stamp++;
      for (let k = skStart[o]!, end = skStart[o + 1]!; k < end; k++) {
        const sk = skSkill[k]!;
        const lv = skLevel[k]!;
        const i = (sk * LEVELS + lv) * 2 + src;
        holders[i]!++;
        capacity[i]! += cap;
        costSum[i]! += c;
        if (lv >= SPECIALIST_LEVEL) {
          const d = skillDomain[sk]!;
          if (domainStamp[d] !== stamp) {
            domainStamp[d] = stamp;
            specCount[d * 2 + src]!++;
            specCap[d * 2 + src]! += cap;
          }
        }
      }
    }
    this.stamp = stamp;
    this.talents[0] = talentsE;
    this.talents[1] = talentsF;
    this.capacityTotal[0] = capE;
    this.capacityTotal[1] = capF;
    this.seenT = s.nT;
    this.supplyVersion = s.version;
  }

  // ------------------------------------------------------------------------------------------ increments

  /** Folds in a talent change: `previous` (a dead ordinal, or -1) out, `ordinal` (or -1) in. */
  applyTalent(previous: number, ordinal: number): void {
    if (this.supplyVersion < 0) return;
    if (this.fit()) return;
    if (previous >= 0 && previous < this.seenT) this.addTalent(previous, -1, this.tCap[previous] ?? 0);
    if (ordinal >= 0) {
      if (this.tCap.length <= ordinal) {
        const b = new Float64Array(Math.ceil((ordinal + 1) * 1.25) + 64);
        b.set(this.tCap);
        this.tCap = b;
      }
      const cap = this.snap.capacity(ordinal, this.winFrom, this.winTo);
      this.tCap[ordinal] = cap;
      this.addTalent(ordinal, 1, cap);
      this.seenT = Math.max(this.seenT, ordinal + 1);
    }
    this.supplyVersion = this.snap.version;
  }

  /** Folds in a project change; recomputes supply only if the auto window moved. */
  applyProject(previous: number, ordinal: number): void {
    if (this.demandVersion < 0) return;
    if (this.fit()) return;
    if (previous >= 0 && previous < this.seenP) this.addProject(previous, -1);
    if (ordinal >= 0) {
      this.addProject(ordinal, 1);
      this.seenP = Math.max(this.seenP, ordinal + 1);
    }
    this.demandVersion = this.snap.version;
    if (!this.explicit) {
      const h = this.horizon();
      if (h.from !== this.winFrom || h.to !== this.winTo) {
        this.winFrom = h.from;
        this.winTo = h.to;
        this.refreshSupply();
      }
    }
  }

  // ----------------------------------------------------------------------------------------------- reads

  get skillCount(): number {
    return this.nSkills;
  }

  /** Demand-weighted required level of a skill's open demand (SPECIALIST_LEVEL without demand). */
  requiredLevel(sk: number): number {
    const d = this.dOpen[sk]!;
    if (d <= 0) return SPECIALIST_LEVEL;
    return Math.max(1, Math.min(5, Math.round(this.dOpenLevel[sk]! / d)));
  }

  /** Holders of a skill at `minLevel` or above, for the given sources (0 employee, 1 freelance). */
  holdersAt(sk: number, minLevel: number, sources: readonly number[]): number {
    let n = 0;
    for (let lv = Math.max(1, minLevel); lv <= 5; lv++)
      for (const src of sources) n += this.holders[(sk * LEVELS + lv) * 2 + src]!;
    return n;
  }

  capacityAt(sk: number, minLevel: number, sources: readonly number[]): number {
    let c = 0;
    for (let lv = Math.max(1, minLevel); lv <= 5; lv++)
      for (const src of sources) c += this.capacity[(sk * LEVELS + lv) * 2 + src]!;
    return c;
  }

  /** Mean daily cost of the holders at `minLevel` or above (null without holders). */
  meanCostAt(sk: number, minLevel: number, sources: readonly number[]): number | null {
    let c = 0;
    let n = 0;
    for (let lv = Math.max(1, minLevel); lv <= 5; lv++)
      for (const src of sources) {
        c += this.costSum[(sk * LEVELS + lv) * 2 + src]!;
        n += this.holders[(sk * LEVELS + lv) * 2 + src]!;
      }
    return n > 0 ? c / n : null;
  }

  /**
   * Open demand that the holders cannot meet, person-days. A holder at level l can take demand asking for
   * l or less, so with D≥l the demand asking for l or more and S≥l the capacity of holders at l or more,
   * the unmet demand is max(0, max over l of (D≥l − S≥l)) — exact for these nested sets (Hall's condition).
   */
  shortage(sk: number, sources: readonly number[]): number {
    let d = 0;
    let c = 0;
    let worst = 0;
    for (let lv = 5; lv >= 1; lv--) {
      d += this.dOpenByLevel[sk * LEVELS + lv]! / MILLI;
      for (const src of sources) c += this.capacity[(sk * LEVELS + lv) * 2 + src]!;
      if (d - c > worst) worst = d - c;
    }
    return worst;
  }

  /** Demand-weighted mean working days of the open projects needing a skill (0 without demand). */
  demandDuration(sk: number): number {
    const d = this.dOpen[sk]!;
    return d > 0 ? this.dOpenDur[sk]! / d : 0;
  }

  industryCount(): number {
    return this.nInd;
  }

  functionCount(): number {
    return this.nFn;
  }
}

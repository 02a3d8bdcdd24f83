/**
 * A compact, columnar copy of the pool and the projects for analytics: typed arrays indexed by ordinal, so
 * the gap report is one pass over a few bytes a skill claim, a million talents in tens of milliseconds.
 *
 * Layout. Talent ordinal `o`: `tSource[o]` (0 employee, 1 freelance), `tAlive[o]`, `tCost[o]`; its skills
 * from `tSkStart[o]` to `tSkStart[o+1]` in `skSkill` (skill code) and `skLevel`; its availability windows
 * from `tAvStart[o]` in `avFrom`/`avTo` (day numbers) and `avDpw` (days a week); its missions from
 * `tMsStart[o]` in `msDay` (start day) and `msTech` (1 when a tech or data mission). Project ordinal `p`:
 * status, industry, function, archetype codes, start/end day, working days, headcount, flags, outcome; its
 * requirements from `pRqStart[p]` in `rqSkill`, `rqLevel`, `rqWeight`, `rqMust` and `rqMilli` (demand in
 * thousandths of a person-day, see definitions.ts).
 *
 * Updates append: `upsertTalent` marks the talent's previous ordinal dead and appends the new version, so
 * consumers (the gap engine) can take the old contribution out and put the new one in. `compact()`
 * renumbers once dead ordinals outnumber live ones (consumers then refresh in full).
 */
import type { TalentSource } from '../matching/types.js';
import { OUTCOMES, PROJECT_STATUSES, type AvailabilityWindow, type ProjectStatus } from '../model.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { dayOf, workingDays } from './dates.js';
import {
  TECH_DATA_DOMAINS,
  headcountOf,
  isCustom,
  isLowCodeProject,
  isOpenStatus,
  isOpenWeightProject,
  isSecurityProject,
  isVertical,
  openWeightSkills,
  requirementDemandsMilli,
  type DomainOf,
} from './definitions.js';

/** What analytics read of a talent (a full `Talent` fits). */
export interface SnapshotTalent {
  id: string;
  source: TalentSource;
  dailyCost: number;
  skills: readonly { skillId: string; level: number }[];
  availability: readonly AvailabilityWindow[];
  missions: readonly { start: string; skills: readonly string[] }[];
}

/** What analytics read of a project (a full `Project` fits). */
export interface SnapshotProject {
  id: string;
  industry: string;
  businessFunction: string;
  archetype: string;
  status: string;
  startDate: string;
  endDate: string;
  outcome: string | null;
  buildOrBuy: string;
  businessOutcome: string | null;
  processOwner: string | null;
  roles: readonly { headcount: number }[];
  requirements: readonly { skillId: string; level: number; weight: number; must: boolean }[];
}

export const SOURCES: readonly TalentSource[] = ['employee', 'freelance'];
export const FLAG_VERTICAL = 1;
export const FLAG_CUSTOM = 2;
export const FLAG_SECURITY = 4;
export const FLAG_LOWCODE = 8;
export const FLAG_OPEN_WEIGHT = 16;
export const FLAG_OPEN = 32;
/** Outcome codes: 0 none, then OUTCOMES order + 1. */
export const OUTCOME_NONE = 0;

type SkillArray = Uint16Array | Uint32Array;

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array>(
  a: T,
  min: number,
): T {
  if (a.length >= min) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(min, Math.ceil(a.length * 1.5) + 64));
  b.set(a);
  return b;
}

/** A string ↔ small integer dictionary. */
export class Dictionary {
  readonly names: string[] = [];
  private readonly codes = new Map<string, number>();
  constructor(initial: readonly string[] = []) {
    for (const n of initial) this.code(n);
  }
  code(name: string): number {
    let c = this.codes.get(name);
    if (c === undefined) {
      c = this.names.length;
      this.names.push(name);
      this.codes.set(name, c);
    }
    return c;
  }
  find(name: string): number {
    return this.codes.get(name) ?? -1;
  }
  get size(): number {
    return this.names.length;
  }
}

export class AnalyticsSnapshot {
  readonly tax: Taxonomy;
  readonly skills: Dictionary;
  /** Per skill code: domain code (in `domains`). */
  skillDomain = new Uint8Array(0);
  readonly domains: Dictionary;
  readonly industries: Dictionary;
  readonly functions: Dictionary;
  readonly archetypes: Dictionary;
  readonly openWeight: ReadonlySet<string>;
  readonly domainOf: DomainOf;
  /** Bumped on every change; consumers compare it to know whether they are current. */
  version = 0;

  // Talents.
  nT = 0;
  liveTalents = 0;
  tId: string[] = [];
  tAlive = new Uint8Array(0);
  tSource = new Uint8Array(0);
  tCost = new Float64Array(0);
  tSkStart = new Uint32Array(1);
  skSkill: SkillArray = new Uint16Array(0);
  skLevel = new Uint8Array(0);
  nSk = 0;
  tAvStart = new Uint32Array(1);
  avFrom = new Int32Array(0);
  avTo = new Int32Array(0);
  avDpw = new Float32Array(0);
  nAv = 0;
  tMsStart = new Uint32Array(1);
  msDay = new Int32Array(0);
  msTech = new Uint8Array(0);
  nMs = 0;
  private readonly tOrd = new Map<string, number>();

  // Projects.
  nP = 0;
  liveProjects = 0;
  pId: string[] = [];
  pAlive = new Uint8Array(0);
  pStatus = new Uint8Array(0);
  pIndustry = new Uint8Array(0);
  pFunction = new Uint8Array(0);
  pArchetype = new Uint8Array(0);
  pStart = new Int32Array(0);
  pEnd = new Int32Array(0);
  pWork = new Int32Array(0);
  pHead = new Float64Array(0);
  pFlags = new Uint8Array(0);
  pOutcome = new Uint8Array(0);
  pRqStart = new Uint32Array(1);
  rqSkill: SkillArray = new Uint16Array(0);
  rqLevel = new Uint8Array(0);
  rqWeight = new Float32Array(0);
  rqMust = new Uint8Array(0);
  rqMilli = new Float64Array(0);
  nRq = 0;
  private readonly pOrd = new Map<string, number>();

  constructor(tax: Taxonomy) {
    this.tax = tax;
    this.domains = new Dictionary([...new Set(tax.skills.map((s) => s.domain)), 'unknown']);
    this.skills = new Dictionary();
    for (const s of tax.skills) this.skillCode(s.id);
    this.industries = new Dictionary();
    this.functions = new Dictionary();
    this.archetypes = new Dictionary();
    this.openWeight = openWeightSkills(tax);
    this.domainOf = (id) => tax.byId.get(id)?.domain ?? 'unknown';
  }

  /** The code of a skill, adding it (domain "unknown" unless the taxonomy knows it) when new. */
  skillCode(id: string): number {
    const known = this.skills.find(id);
    if (known >= 0) return known;
    const c = this.skills.code(id);
    this.skillDomain = grow(this.skillDomain, c + 1);
    this.skillDomain[c] = this.domains.code(this.tax.byId.get(id)?.domain ?? 'unknown');
    if (c > 0xffff && this.skSkill instanceof Uint16Array) {
      this.skSkill = Uint32Array.from(this.skSkill);
      this.rqSkill = Uint32Array.from(this.rqSkill);
    }
    return c;
  }

  get skillCount(): number {
    return this.skills.size;
  }

  talentOrdinal(id: string): number {
    return this.tOrd.get(id) ?? -1;
  }

  projectOrdinal(id: string): number {
    return this.pOrd.get(id) ?? -1;
  }

  // ------------------------------------------------------------------------------------------- talents

  /** Adds or replaces a talent; returns its previous ordinal (-1 when new) and its new one. */
  upsertTalent(t: SnapshotTalent): { previous: number; ordinal: number } {
    const previous = this.removeTalentOrdinal(t.id);
    const o = this.nT++;
    const cap = this.nT;
    // Each array grows on its own (their lengths differ by one, so one test would not do for all).
    this.tAlive = grow(this.tAlive, cap);
    this.tSource = grow(this.tSource, cap);
    this.tCost = grow(this.tCost, cap);
    this.tSkStart = grow(this.tSkStart, cap + 1);
    this.tAvStart = grow(this.tAvStart, cap + 1);
    this.tMsStart = grow(this.tMsStart, cap + 1);
    this.tId[o] = t.id;
    this.tAlive[o] = 1;
    this.tSource[o] = t.source === 'freelance' ? 1 : 0;
    this.tCost[o] = Number.isFinite(t.dailyCost) ? t.dailyCost : 0;
    // Skills: one entry a skill, the highest level when listed twice.
    const needSk = this.nSk + t.skills.length;
    if (this.skLevel.length < needSk) {
      this.skSkill = grow(this.skSkill, needSk);
      this.skLevel = grow(this.skLevel, needSk);
    }
    const from = this.nSk;
    for (const s of t.skills) {
      const code = this.skillCode(s.skillId);
      const level = Math.max(1, Math.min(5, Math.round(s.level)));
      let dup = -1;
      for (let k = from; k < this.nSk; k++) if (this.skSkill[k] === code) dup = k;
      if (dup >= 0) {
        if (level > this.skLevel[dup]!) this.skLevel[dup] = level;
        continue;
      }
      this.skSkill[this.nSk] = code;
      this.skLevel[this.nSk] = level;
      this.nSk++;
    }
    this.tSkStart[o + 1] = this.nSk;
    // Availability.
    const needAv = this.nAv + t.availability.length;
    if (this.avDpw.length < needAv) {
      this.avFrom = grow(this.avFrom, needAv);
      this.avTo = grow(this.avTo, needAv);
      this.avDpw = grow(this.avDpw, needAv);
    }
    for (const w of t.availability) {
      const a = dayOf(w.start);
      const b = dayOf(w.end);
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      this.avFrom[this.nAv] = a;
      this.avTo[this.nAv] = b;
      this.avDpw[this.nAv] = Math.max(0, Math.min(5, w.daysPerWeek));
      this.nAv++;
    }
    this.tAvStart[o + 1] = this.nAv;
    // Missions: start day and whether tech and data.
    const needMs = this.nMs + t.missions.length;
    if (this.msDay.length < needMs) {
      this.msDay = grow(this.msDay, needMs);
      this.msTech = grow(this.msTech, needMs);
    }
    for (const m of t.missions) {
      const d = dayOf(m.start);
      if (!Number.isFinite(d)) continue;
      this.msDay[this.nMs] = d;
      this.msTech[this.nMs] = m.skills.some((s) => TECH_DATA_DOMAINS.includes(this.domainOf(s))) ? 1 : 0;
      this.nMs++;
    }
    this.tMsStart[o + 1] = this.nMs;
    this.tOrd.set(t.id, o);
    this.liveTalents++;
    this.version++;
    return { previous, ordinal: o };
  }

  /** Marks a talent removed; returns its ordinal, or -1 when it was not there. */
  removeTalent(id: string): number {
    const o = this.removeTalentOrdinal(id);
    if (o >= 0) this.version++;
    return o;
  }

  private removeTalentOrdinal(id: string): number {
    const o = this.tOrd.get(id);
    if (o === undefined) return -1;
    this.tAlive[o] = 0;
    this.tOrd.delete(id);
    this.liveTalents--;
    return o;
  }

  /** Capacity of a talent in person-days over [from, to] (day numbers): working days × days a week / 5. */
  capacity(o: number, from: number, to: number): number {
    let c = 0;
    for (let w = this.tAvStart[o]!, end = this.tAvStart[o + 1]!; w < end; w++) {
      const dpw = this.avDpw[w]!;
      if (dpw <= 0) continue;
      const a = Math.max(from, this.avFrom[w]!);
      const b = Math.min(to, this.avTo[w]!);
      if (b >= a) c += (workingDays(a, b) * dpw) / 5;
    }
    return c;
  }

  /** Level at which talent `o` holds skill `code`, 0 when not held. */
  levelOf(o: number, code: number): number {
    for (let k = this.tSkStart[o]!, end = this.tSkStart[o + 1]!; k < end; k++)
      if (this.skSkill[k] === code) return this.skLevel[k]!;
    return 0;
  }

  // ------------------------------------------------------------------------------------------ projects

  upsertProject(p: SnapshotProject): { previous: number; ordinal: number } {
    const previous = this.removeProjectOrdinal(p.id);
    const o = this.nP++;
    const cap = this.nP;
    this.growProjects(cap);
    const start = dayOf(p.startDate);
    const end = dayOf(p.endDate);
    this.pId[o] = p.id;
    this.pAlive[o] = 1;
    const st = PROJECT_STATUSES.indexOf(p.status as ProjectStatus);
    this.pStatus[o] = st < 0 ? 255 : st;
    this.pIndustry[o] = this.industries.code(p.industry);
    this.pFunction[o] = this.functions.code(p.businessFunction);
    this.pArchetype[o] = this.archetypes.code(p.archetype);
    this.pStart[o] = Number.isFinite(start) ? start : 0;
    this.pEnd[o] = Number.isFinite(end) ? end : this.pStart[o]!;
    this.pWork[o] = workingDays(this.pStart[o]!, this.pEnd[o]!);
    this.pHead[o] = headcountOf(p);
    this.pFlags[o] =
      (isVertical(p) ? FLAG_VERTICAL : 0) |
      (isCustom(p) ? FLAG_CUSTOM : 0) |
      (isSecurityProject(p, this.domainOf) ? FLAG_SECURITY : 0) |
      (isLowCodeProject(p, this.domainOf) ? FLAG_LOWCODE : 0) |
      (isOpenWeightProject(p, this.openWeight) ? FLAG_OPEN_WEIGHT : 0) |
      (isOpenStatus(p.status) ? FLAG_OPEN : 0);
    const oc = p.outcome ? OUTCOMES.indexOf(p.outcome as (typeof OUTCOMES)[number]) : -1;
    this.pOutcome[o] = oc < 0 ? OUTCOME_NONE : oc + 1;
    // Requirements, one a skill (the heaviest when listed twice).
    const reqs = dedupeRequirements(p.requirements);
    const milli = requirementDemandsMilli({ ...p, requirements: reqs });
    const need = this.nRq + reqs.length;
    if (this.rqLevel.length < need) {
      this.rqSkill = grow(this.rqSkill, need);
      this.rqLevel = grow(this.rqLevel, need);
      this.rqWeight = grow(this.rqWeight, need);
      this.rqMust = grow(this.rqMust, need);
      this.rqMilli = grow(this.rqMilli, need);
    }
    reqs.forEach((r, j) => {
      const k = this.nRq++;
      this.rqSkill[k] = this.skillCode(r.skillId);
      this.rqLevel[k] = Math.max(1, Math.min(5, Math.round(r.level)));
      this.rqWeight[k] = r.weight;
      this.rqMust[k] = r.must ? 1 : 0;
      this.rqMilli[k] = milli[j] ?? 0;
    });
    this.pRqStart[o + 1] = this.nRq;
    this.pOrd.set(p.id, o);
    this.liveProjects++;
    this.version++;
    return { previous, ordinal: o };
  }

  removeProject(id: string): number {
    const o = this.removeProjectOrdinal(id);
    if (o >= 0) this.version++;
    return o;
  }

  private removeProjectOrdinal(id: string): number {
    const o = this.pOrd.get(id);
    if (o === undefined) return -1;
    this.pAlive[o] = 0;
    this.pOrd.delete(id);
    this.liveProjects--;
    return o;
  }

  isOpen(p: number): boolean {
    return (this.pFlags[p]! & FLAG_OPEN) !== 0;
  }

  statusOf(p: number): string {
    return PROJECT_STATUSES[this.pStatus[p]!] ?? 'unknown';
  }

  outcomeOf(p: number): string | null {
    const c = this.pOutcome[p]!;
    return c === OUTCOME_NONE ? null : (OUTCOMES[c - 1] ?? null);
  }

  /** Dead ordinals take memory and scan time; renumber when they outnumber the live ones. */
  needsCompaction(): boolean {
    return (
      this.nT - this.liveTalents > Math.max(1024, this.liveTalents) ||
      this.nP - this.liveProjects > Math.max(1024, this.liveProjects)
    );
  }

  /** A new snapshot holding only the live records, in ordinal order (consumers refresh in full after). */
  compacted(): AnalyticsSnapshot {
    const out = new AnalyticsSnapshot(this.tax);
    for (const s of this.skills.names) out.skillCode(s);
    for (let o = 0; o < this.nT; o++) if (this.tAlive[o]) out.copyTalentFrom(this, o);
    for (let p = 0; p < this.nP; p++) if (this.pAlive[p]) out.copyProjectFrom(this, p);
    out.version = this.version + 1;
    return out;
  }

  private copyTalentFrom(src: AnalyticsSnapshot, o: number): void {
    const skills: { skillId: string; level: number }[] = [];
    for (let k = src.tSkStart[o]!; k < src.tSkStart[o + 1]!; k++)
      skills.push({ skillId: src.skills.names[src.skSkill[k]!]!, level: src.skLevel[k]! });
    const n = this.nT;
    this.upsertTalent({
      id: src.tId[o]!,
      source: SOURCES[src.tSource[o]!]!,
      dailyCost: src.tCost[o]!,
      skills,
      availability: [],
      missions: [],
    });
    // Windows and missions are copied as they are (no re-parsing of dates).
    const avFrom = src.tAvStart[o]!;
    const avEnd = src.tAvStart[o + 1]!;
    const needAv = this.nAv + (avEnd - avFrom);
    this.avFrom = grow(this.avFrom, needAv);
    this.avTo = grow(this.avTo, needAv);
    this.avDpw = grow(this.avDpw, needAv);
    for (let w = avFrom; w < avEnd; w++) {
      this.avFrom[this.nAv] = src.avFrom[w]!;
      this.avTo[this.nAv] = src.avTo[w]!;
      this.avDpw[this.nAv] = src.avDpw[w]!;
      this.nAv++;
    }
    this.tAvStart[n + 1] = this.nAv;
    const msFrom = src.tMsStart[o]!;
    const msEnd = src.tMsStart[o + 1]!;
    const needMs = this.nMs + (msEnd - msFrom);
    this.msDay = grow(this.msDay, needMs);
    this.msTech = grow(this.msTech, needMs);
    for (let m = msFrom; m < msEnd; m++) {
      this.msDay[this.nMs] = src.msDay[m]!;
      this.msTech[this.nMs] = src.msTech[m]!;
      this.nMs++;
    }
    this.tMsStart[n + 1] = this.nMs;
  }

  private growProjects(cap: number): void {
    this.pAlive = grow(this.pAlive, cap);
    this.pStatus = grow(this.pStatus, cap);
    this.pIndustry = grow(this.pIndustry, cap);
    this.pFunction = grow(this.pFunction, cap);
    this.pArchetype = grow(this.pArchetype, cap);
    this.pStart = grow(this.pStart, cap);
    this.pEnd = grow(this.pEnd, cap);
    this.pWork = grow(this.pWork, cap);
    this.pHead = grow(this.pHead, cap);
    this.pFlags = grow(this.pFlags, cap);
    this.pOutcome = grow(this.pOutcome, cap);
    this.pRqStart = grow(this.pRqStart, cap + 1);
  }

  private copyProjectFrom(src: AnalyticsSnapshot, p: number): void {
    const o = this.nP++;
    this.growProjects(this.nP);
    this.pId[o] = src.pId[p]!;
    this.pAlive[o] = 1;
    this.pStatus[o] = src.pStatus[p]!;
    this.pIndustry[o] = this.industries.code(src.industries.names[src.pIndustry[p]!]!);
    this.pFunction[o] = this.functions.code(src.functions.names[src.pFunction[p]!]!);
    this.pArchetype[o] = this.archetypes.code(src.archetypes.names[src.pArchetype[p]!]!);
    this.pStart[o] = src.pStart[p]!;
    this.pEnd[o] = src.pEnd[p]!;
    this.pWork[o] = src.pWork[p]!;
    this.pHead[o] = src.pHead[p]!;
    this.pFlags[o] = src.pFlags[p]!;
    this.pOutcome[o] = src.pOutcome[p]!;
    const from = src.pRqStart[p]!;
    const end = src.pRqStart[p + 1]!;
    const need = this.nRq + (end - from);
    this.rqSkill = grow(this.rqSkill, need);
    this.rqLevel = grow(this.rqLevel, need);
    this.rqWeight = grow(this.rqWeight, need);
    this.rqMust = grow(this.rqMust, need);
    this.rqMilli = grow(this.rqMilli, need);
    for (let k = from; k < end; k++) {
      const j = this.nRq++;
      this.rqSkill[j] = src.rqSkill[k]!;
      this.rqLevel[j] = src.rqLevel[k]!;
      this.rqWeight[j] = src.rqWeight[k]!;
      this.rqMust[j] = src.rqMust[k]!;
      this.rqMilli[j] = src.rqMilli[k]!;
    }
    this.pRqStart[o + 1] = this.nRq;
    this.pOrd.set(this.pId[o]!, o);
    this.liveProjects++;
  }

  /** Typed-array bytes held (capacity), for the benchmark's memory figure. */
  typedArrayBytes(): number {
    let n = 0;
    for (const v of Object.values(this)) if (ArrayBuffer.isView(v)) n += v.byteLength;
    return n;
  }
}

function dedupeRequirements(
  reqs: SnapshotProject['requirements'],
): { skillId: string; level: number; weight: number; must: boolean }[] {
  const by = new Map<string, { skillId: string; level: number; weight: number; must: boolean }>();
  for (const r of reqs) {
    const prev = by.get(r.skillId);
    if (!prev) by.set(r.skillId, { ...r });
    else
      by.set(r.skillId, {
        skillId: r.skillId,
        level: Math.max(prev.level, r.level),
        weight: Math.max(prev.weight, r.weight),
        must: prev.must || r.must,
      });
  }
  return [...by.values()];
}

/** Builds a snapshot from whole records (tests, the CLI, the benchmark). */
export function buildSnapshot(
  tax: Taxonomy,
  talents: Iterable<SnapshotTalent>,
  projects: Iterable<SnapshotProject>,
): AnalyticsSnapshot {
  const s = new AnalyticsSnapshot(tax);
  for (const p of projects) s.upsertProject(p);
  for (const t of talents) s.upsertTalent(t);
  return s;
}

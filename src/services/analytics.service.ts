/**
 * Skills gap, demand trends and upskilling over an in-memory snapshot of the organization's pool and
 * projects (src/core/analytics): loaded once page by page, then kept current.
 *
 * Staying current. Every write is audited in the same transaction (see ReadinessService), so the head of
 * the organization's audit chain is the data's version: one indexed read per request. When it moved, the
 * events since the snapshot's version tell what changed: events on single talents or projects
 * (entityType 'talent' / 'project') are applied incrementally — the record is read back, the snapshot and
 * the aggregates updated in O(its skills) — anything else (a seed, an import batch) reloads the snapshot.
 * In-process writers can also call `talentsChanged` / `projectsChanged` / `invalidate` directly.
 */
import {
  articleFigures,
  measureRecords,
  type ArticleFigures,
  type RecordSet,
} from '../core/analytics/article.js';
import type { Period } from '../core/analytics/dates.js';
import { OPEN_STATUSES } from '../core/analytics/definitions.js';
import { gapRecords, type GapRecords } from '../core/analytics/drilldown.js';
import { GapEngine, type WindowOption } from '../core/analytics/gap-engine.js';
import {
  demandTable,
  gapReport,
  sourceCodes,
  type DemandRow,
  type GapOptions,
  type GapReport,
} from '../core/analytics/gaps.js';
import { buildSkillGraph, type SkillGraph } from '../core/analytics/skill-graph.js';
import { AnalyticsSnapshot } from '../core/analytics/snapshot.js';
import { trendReport, type Measure, type TrendOptions, type TrendReport } from '../core/analytics/trends.js';
import {
  DEFAULT_SOURCING,
  recommend,
  trainingPlan,
  upskill,
  type Recommendation,
  type SourcingParams,
  type TrainingPlan,
  type UpskillResult,
} from '../core/analytics/upskilling.js';
import { DomainError } from '../core/errors.js';
import { DEFAULT_ORG, type SkillCountRow, type Store } from './ports.js';
import type { LoadedTaxonomy, TaxonomyService } from './taxonomy.service.js';

/** Records read per page when the snapshot is loaded. */
const PAGE = 5_000;
/** Audit events looked at to apply changes incrementally; more than that and the snapshot reloads. */
const MAX_INCREMENTAL_EVENTS = 200;
/** Explicit analysis windows kept (each is an engine of its own). */
const MAX_WINDOWS = 4;

interface OrgState {
  tax: LoadedTaxonomy;
  graph: SkillGraph;
  snap: AnalyticsSnapshot;
  engine: GapEngine;
  windows: Map<string, GapEngine>;
  /** Audit seq the snapshot reflects (0 before any event). */
  seq: number;
  hash: string;
}

export interface GapsResult {
  report: GapReport;
  /** Train / borrow / hire for the rows with a shortage. */
  recommendations: Recommendation[];
}

export interface UpskillingResult {
  upskill: UpskillResult;
  recommendation: Recommendation | null;
  /** Names of the learners, by talent id. */
  names: Record<string, string>;
}

export class AnalyticsService {
  private readonly states = new Map<string, Promise<OrgState>>();
  private params: SourcingParams = DEFAULT_SOURCING;

  constructor(
    private readonly store: Store,
    private readonly taxonomy: TaxonomyService,
  ) {}

  /** The train/borrow/hire constants (documented in core/analytics/upskilling.ts). */
  configure(params: Partial<SourcingParams>): void {
    this.params = { ...DEFAULT_SOURCING, ...params };
  }

  invalidate(orgId?: string): void {
    if (orgId === undefined) this.states.clear();
    else this.states.delete(orgId);
  }

  // --------------------------------------------------------------------------------------------- state

  private async load(orgId: string, tax: LoadedTaxonomy): Promise<OrgState> {
    const head = (await this.store.audit.list(orgId, 1))[0];
    const snap = new AnalyticsSnapshot(tax.taxonomy);
    let after: string | null = null;
    for (;;) {
      const page = await this.store.analytics.projectPage(orgId, after, PAGE);
      for (const p of page) snap.upsertProject(p);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
    after = null;
    for (;;) {
      const page = await this.store.analytics.talentPage(orgId, after, PAGE);
      for (const t of page) snap.upsertTalent(t);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
    const engine = new GapEngine(snap);
    engine.refresh();
    return {
      tax,
      graph: buildSkillGraph(tax.taxonomy),
      snap,
      engine,
      windows: new Map(),
      seq: head?.seq ?? 0,
      hash: head?.hash ?? '',
    };
  }

  /** The organization's state, brought up to date with the audit chain's head. */
  private async state(orgId: string): Promise<OrgState> {
    const tax = await this.taxonomy.get();
    const cached = this.states.get(orgId);
    if (cached) {
      const st = await cached.catch(() => null);
      if (st && st.tax === tax) {
        const head = (await this.store.audit.list(orgId, 1))[0];
        if ((head?.seq ?? 0) === st.seq && (head?.hash ?? '') === st.hash) return st;
        if (head && (await this.catchUp(orgId, st, head.seq))) {
          st.seq = head.seq;
          st.hash = head.hash;
          return st;
        }
      }
    }
    const loading = this.load(orgId, tax);
    this.states.set(orgId, loading);
    loading.catch(() => {
      if (this.states.get(orgId) === loading) this.states.delete(orgId);
    });
    return loading;
  }

  /** Applies the events after the snapshot's seq when they name single talents or projects. */
  private async catchUp(orgId: string, st: OrgState, headSeq: number): Promise<boolean> {
    const missing = headSeq - st.seq;
    if (missing <= 0 || missing > MAX_INCREMENTAL_EVENTS) return false;
    const events = (await this.store.audit.list(orgId, missing)).filter((e) => e.seq > st.seq);
    if (events.length !== missing) return false;
    const talents = new Set<string>();
    const projects = new Set<string>();
    for (const e of events) {
      if (e.entityType === 'talent') talents.add(e.entityId);
      else if (e.entityType === 'project') projects.add(e.entityId);
      else return false;
    }
    await this.applyTalents(orgId, st, [...talents]);
    await this.applyProjects(orgId, st, [...projects]);
    return true;
  }

  private async applyTalents(orgId: string, st: OrgState, ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const t = await this.store.talents.get(orgId, id);
      const r = t ? st.snap.upsertTalent(t) : { previous: st.snap.removeTalent(id), ordinal: -1 };
      st.engine.applyTalent(r.previous, r.ordinal);
      for (const e of st.windows.values()) e.applyTalent(r.previous, r.ordinal);
    }
    this.compactIfNeeded(st);
  }

  private async applyProjects(orgId: string, st: OrgState, ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const p = await this.store.projects.get(orgId, id);
      const r = p ? st.snap.upsertProject(p) : { previous: st.snap.removeProject(id), ordinal: -1 };
      st.engine.applyProject(r.previous, r.ordinal);
      for (const e of st.windows.values()) e.applyProject(r.previous, r.ordinal);
    }
    this.compactIfNeeded(st);
  }

  private compactIfNeeded(st: OrgState): void {
    if (!st.snap.needsCompaction()) return;
    st.snap = st.snap.compacted();
    st.engine.reset(st.snap);
    st.windows.clear();
  }

  /** Tells the service that these talents were written (or erased), when the writer does not audit them. */
  async talentsChanged(ids: readonly string[], orgId = DEFAULT_ORG): Promise<void> {
    const st = await this.states.get(orgId)?.catch(() => null);
    if (st) await this.applyTalents(orgId, st, ids);
  }

  async projectsChanged(ids: readonly string[], orgId = DEFAULT_ORG): Promise<void> {
    const st = await this.states.get(orgId)?.catch(() => null);
    if (st) await this.applyProjects(orgId, st, ids);
  }

  private engineFor(st: OrgState, window: WindowOption | null): GapEngine {
    if (!window) return st.engine;
    if (!(window.from <= window.to))
      throw new DomainError(
        'invalid_input',
        `window: "from" (${window.from}) is after "to" (${window.to})`,
        'from',
      );
    const key = `${window.from}/${window.to}`;
    let e = st.windows.get(key);
    if (!e) {
      e = new GapEngine(st.snap, window);
      if (st.windows.size >= MAX_WINDOWS) st.windows.delete(st.windows.keys().next().value as string);
      st.windows.set(key, e);
    }
    e.ensure();
    return e;
  }

  // --------------------------------------------------------------------------------------------- reads

  async gaps(
    options: GapOptions & { window?: WindowOption | null; recommendations?: number } = {},
    orgId = DEFAULT_ORG,
  ): Promise<GapsResult> {
    const st = await this.state(orgId);
    const engine = this.engineFor(st, options.window ?? null);
    const report = gapReport(engine, options);
    const recommendations: Recommendation[] = [];
    for (const row of report.rows.slice(0, options.recommendations ?? 10)) {
      if (row.shortage <= 0) continue;
      const r = recommend(engine, st.graph, row.skillId, row.shortage, this.params);
      if (r) recommendations.push(r);
    }
    return { report, recommendations };
  }

  async demand(orgId = DEFAULT_ORG): Promise<DemandRow[]> {
    return demandTable((await this.state(orgId)).engine);
  }

  async trends(
    options: TrendOptions = {},
    orgId = DEFAULT_ORG,
  ): Promise<{ trends: TrendReport; article: ArticleFigures }> {
    const st = await this.state(orgId);
    return { trends: trendReport(st.snap, options), article: articleFigures(st.engine) };
  }

  async article(orgId = DEFAULT_ORG): Promise<ArticleFigures> {
    return articleFigures((await this.state(orgId)).engine);
  }

  async upskilling(
    skillId: string,
    options: { top?: number; level?: number; source?: 'employee' | 'all' } = {},
    orgId = DEFAULT_ORG,
  ): Promise<UpskillingResult> {
    const st = await this.state(orgId);
    if (!st.tax.taxonomy.byId.has(skillId) && st.snap.skills.find(skillId) < 0)
      throw new DomainError('not_found', `skill "${skillId}" does not exist`, 'skill');
    const result = upskill(st.engine, st.graph, skillId, {
      top: options.top,
      level: options.level,
      params: this.params,
    });
    if (!result) throw new DomainError('not_found', `skill "${skillId}" does not exist`, 'skill');
    // The shortage as the gap report counts it (for the chosen sources).
    const sk = st.snap.skills.find(skillId);
    const sources = sourceCodes(options.source ?? 'all');
    const shortage = sk >= 0 ? st.engine.shortage(sk, sources) : 0;
    const recommendation =
      shortage > 0 ? recommend(st.engine, st.graph, skillId, shortage, this.params) : null;
    const names: Record<string, string> = {};
    for (const l of result.learners) {
      const t = await this.store.talents.get(orgId, l.talentId);
      if (t) names[l.talentId] = t.name;
    }
    return { upskill: result, recommendation, names };
  }

  async plan(
    options: { people?: number; skills?: number; source?: 'employee' | 'all' } = {},
    orgId = DEFAULT_ORG,
  ): Promise<TrainingPlan> {
    const st = await this.state(orgId);
    return trainingPlan(st.engine, st.graph, { ...options, params: this.params });
  }

  async gapRecords(
    skillId: string,
    options: { source?: 'employee' | 'freelance' | 'all'; limit?: number; window?: WindowOption | null } = {},
    orgId = DEFAULT_ORG,
  ): Promise<GapRecords> {
    const st = await this.state(orgId);
    const r = gapRecords(this.engineFor(st, options.window ?? null), skillId, options);
    if (!r) throw new DomainError('not_found', `skill "${skillId}" does not exist`, 'skillId');
    return r;
  }

  async trendRecords(
    measure: Measure | `skill:${string}` | `domain:${string}`,
    periodKey: string,
    period: Period,
    limit = 1000,
    orgId = DEFAULT_ORG,
  ): Promise<RecordSet> {
    const st = await this.state(orgId);
    return measureRecords(st.snap, measure, periodKey, period, limit);
  }

  /** The SQL cross-check of the per-skill counts (GROUP BY in the database). */
  skillCountsSql(orgId = DEFAULT_ORG): Promise<SkillCountRow[]> {
    return this.store.analytics.skillCounts(orgId, OPEN_STATUSES);
  }
}

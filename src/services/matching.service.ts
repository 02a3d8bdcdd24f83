/**
 * Ranking talents for a project, through an in-memory index per organization (core/matching/index):
 * exact top-K with score-bound pruning, the same results as scoring every talent (`rankCandidates`).
 *
 * The index of an organization is built on its first query, from storage a batch at a time
 * (`talents.streamCandidates`: what ranking reads of each talent, never whole Talents; see `indexOf`), and
 * kept up to date without a rebuild:
 * - writes in this process are told after their commit (TalentChangeListener, see talent-changes.ts) and
 *   applied to the index before the next query runs;
 * - writes of other processes are found through the talent journal (meta table): at most once every
 *   `syncIntervalMs` (1 s) a query reads the organization's journal revision (one row), and when it moved,
 *   the ids the new revisions wrote, then loads only those talents (present: upsert; gone: remove).
 * A rebuild happens only when the journal cannot say what changed (a reader more than a ring behind, a
 * write too large to list such as a demo seed, the journal reset). A taxonomy change that moves a skill to
 * another domain (an ESCO import, then TaxonomyService.invalidate) recomputes the talents' core domains
 * in place (`refreshDomains`); the adjacency is read afresh by every query.
 *
 * Builds, syncs and applied notifications of an organization run one after another (a promise chain), so
 * a slow read can never apply an older version over a newer one; a query waits for those queued before it.
 */
import { counterfactuals } from '../core/matching/counterfactuals.js';
import { TalentIndex, type TalentIndexOptions } from '../core/matching/index/talent-index.js';
import { rankWithIndex } from '../core/matching/index/top-k.js';
import { projectProfile, type MatchFilters, type ProfileFacts } from '../core/matching/profile.js';
import type { RankTaxonomy } from '../core/matching/rank-candidates.js';
import {
  DEFAULT_WEIGHTS,
  resolveWeights,
  scoreCandidate,
  scoringContext,
} from '../core/matching/score-candidate.js';
import {
  SCORE_PARTS,
  type Candidate,
  type Counterfactual,
  type Match,
  type ScoreWeights,
} from '../core/matching/types.js';
import type { Project } from '../core/model.js';
import type { Domain } from '../core/taxonomy/types.js';
import { DEFAULT_ORG, type Store } from './ports.js';
import type { ProjectsService } from './projects.service.js';
import {
  journalEntries,
  journalRevision,
  MAX_JOURNALED_IDS,
  type TalentChange,
  type TalentChangeListener,
} from './talent-changes.js';
import type { LoadedTaxonomy, TaxonomyService } from './taxonomy.service.js';

export interface MatchOptions {
  top: number;
  filters?: MatchFilters;
  /** Per-request weights over the organization's (missing parts keep the organization's). */
  weights?: Partial<ScoreWeights>;
  /** Counterfactuals per match (default 3; 0 for none). */
  counterfactuals?: number;
}

export interface RankedMatch extends Match {
  counterfactuals: Counterfactual[];
}

export interface MatchResult {
  project: Project;
  /**
   * Talents of the organization's pool the ranking searched (all of them: the index bounds and prunes
   * without counting who passes the filters and must-haves, and counting them would cost a pass over the
   * pool). Filters and must-haves narrow `matches`, not this number.
   */
  considered: number;
  weights: ScoreWeights;
  matches: RankedMatch[];
}

/** A talent of a team pool, as indexed, with its match score for the project. */
export interface ScoredCandidate {
  candidate: Candidate;
  score: number;
}

/** How much of the ranking a team pool takes (see MatchingService.teamPool). */
export interface TeamPoolSizes {
  /** The top of the project's ranking, must-haves not required. */
  top: number;
  /** For each requirement, the top of its holders' ranking. */
  perRequirement: number;
}

export interface TeamPool {
  /** Talents in the organization's pool (the index's size). */
  size: number;
  /** The pool's share a team is composed from, in id order. */
  candidates: ScoredCandidate[];
}

export interface MatchingServiceOptions {
  /** Milliseconds between two checks of the talent journal for other processes' writes (default 1000). */
  syncIntervalMs?: number;
  /** Monotonic milliseconds (tests move time by hand). */
  now?: () => number;
  /**
   * Talents read from storage per batch while building (default 250). Small on purpose: a batch lives
   * until the builder has taken it, and larger ones outlive young-generation collections and get promoted
   * (2,000 a batch cost twice the CPU of 250 to read at 100,000 talents).
   */
  buildBatch?: number;
}

/** Guesses of a talent's skill claims and availability windows, to size the index (the pool). */
const EXPECTED_SKILLS = 20;
const EXPECTED_WINDOWS = 1;

/**
 * The index of a pool read batch by batch: each candidate goes to the index's builder as its batch
 * arrives, so the pool is never held whole in any other form (no Talents, no buffer between the read and
 * the build). `talents` sizes the index's columns up front (a guess: they grow or shrink to fit).
 */
async function indexOf(
  batches: AsyncIterable<readonly Candidate[]>,
  talents: number,
  options: TalentIndexOptions,
): Promise<TalentIndex> {
  const builder = TalentIndex.builder(options, {
    talents,
    heldSkills: talents * EXPECTED_SKILLS,
    windows: talents * EXPECTED_WINDOWS,
  });
  for await (const batch of batches) for (const c of batch) builder.add(c);
  return builder.finish();
}

/** Meta key of an organization's score weights (JSON of a partial ScoreWeights). */
const weightsKey = (orgId: string) => `matching.weights.${orgId}`;

/** What an organization's index reflects. */
interface Indexed {
  index: TalentIndex;
  /** Journal revision: every change up to it is in the index. */
  rev: number;
  /** When the journal was last read (`now()`). */
  checkedAt: number;
  /** The taxonomy epoch of its domains (see MatchingService.epoch). */
  epoch: number;
}

interface OrgState {
  /** Null: not built yet, or dropped for a rebuild at the next query. */
  indexed: Indexed | null;
  /** The tail of the organization's chain of index work. */
  queue: Promise<unknown>;
}

/** How a build, a sync or a query went, for the bench and for tests. */
export interface IndexActivity {
  builds: number;
  syncs: number;
  /** Talents upserted or removed by syncs and notifications. */
  applied: number;
  lastBuildMs: number;
}

export class MatchingService implements TalentChangeListener {
  private readonly syncIntervalMs: number;
  private readonly now: () => number;
  private readonly buildBatch: number;
  private readonly orgs = new Map<string, OrgState>();
  /** Skill → domain of the taxonomy in use; the indexes read it through `domainOf`. */
  private domains = new Map<string, Domain>();
  private loaded: LoadedTaxonomy | null = null;
  /** Bumped when a taxonomy change moves a skill to another domain: indexes of older epochs refresh. */
  private epoch = 0;
  private readonly domainOf = (skillId: string): Domain | undefined => this.domains.get(skillId);
  readonly activity: IndexActivity = { builds: 0, syncs: 0, applied: 0, lastBuildMs: 0 };

  constructor(
    private readonly store: Store,
    private readonly taxonomy: TaxonomyService,
    private readonly projects: ProjectsService,
    options: MatchingServiceOptions = {},
  ) {
    this.syncIntervalMs = options.syncIntervalMs ?? 1000;
    this.now = options.now ?? (() => performance.now());
    this.buildBatch = options.buildBatch ?? 250;
  }

  /** The organization's weights: its own where set, else the defaults; always normalised to sum 1. */
  async getWeights(orgId = DEFAULT_ORG): Promise<ScoreWeights> {
    const raw = await this.store.getMeta(weightsKey(orgId));
    return raw ? resolveWeights(JSON.parse(raw) as Partial<ScoreWeights>) : { ...DEFAULT_WEIGHTS };
  }

  /**
   * Sets the organization's weights (validated; missing parts take the defaults). The weights are kept
   * as given and normalised when read: normalising normalised weights again moves their last bits, and
   * getWeights must return exactly what this returned.
   */
  async setWeights(partial: Partial<ScoreWeights>, orgId = DEFAULT_ORG): Promise<ScoreWeights> {
    const weights = resolveWeights(partial);
    const given: Partial<ScoreWeights> = {};
    for (const k of SCORE_PARTS) if (partial[k] !== undefined) given[k] = partial[k];
    await this.store.setMeta(weightsKey(orgId), JSON.stringify(given));
    return weights;
  }

  async matchProject(projectId: string, options: MatchOptions, orgId = DEFAULT_ORG): Promise<MatchResult> {
    const project = await this.projects.get(projectId, orgId);
    const own = await this.getWeights(orgId);
    // Only a request that sets weights is normalised again (which may move the last bits).
    const weights = options.weights ? resolveWeights({ ...own, ...options.weights }) : own;
    const taxonomy = await this.rankTaxonomy();
    const index = await this.freshIndex(orgId);
    // Synchronous from here to the ranking: no queued work can run in between.
    const ranked = rankWithIndex(index, project, taxonomy, {
      top: options.top,
      filters: options.filters,
      weights,
    });
    const limit = options.counterfactuals ?? 3;
    // For the returned talents only, from the index itself: its candidate and facts score to the same
    // doubles as the stored record (talent-index.ts), and they are the version that was just ranked, so a
    // gain is exactly the difference with the score shown. No storage read.
    const ctx =
      limit > 0
        ? scoringContext(project.requirements, taxonomy.adjacency, weights, projectProfile(project))
        : null;
    const matches = ranked.map((m): RankedMatch => {
      const c = ctx && index.get(m.talentId);
      const f = c && index.facts(m.talentId);
      return { ...m, counterfactuals: ctx && c && f ? counterfactuals(c, f, ctx, limit, this.domainOf) : [] };
    });
    return { project, considered: index.size, weights, matches };
  }

  /**
   * The talents a team for `project` is composed from, out of the index (no storage read): the top
   * `sizes.top` of the project's ranking with must-haves not required (a member lacking one may still cover
   * other requirements), and for each requirement the top `sizes.perRequirement` of the ranking with that
   * one as the only must-have, i.e. of its holders, so that a skill few hold keeps its holders even when
   * they rank low overall. Each with its score for the project as given (the match list's score), weights
   * of the organization.
   */
  async teamPool(project: Project, sizes: TeamPoolSizes, orgId = DEFAULT_ORG): Promise<TeamPool> {
    const weights = await this.getWeights(orgId);
    const taxonomy = await this.rankTaxonomy();
    const index = await this.freshIndex(orgId);
    // Synchronous from here: every ranking below sees the same version of the index.
    const ids = new Set<string>();
    for (const m of rankWithIndex(index, project, taxonomy, { top: sizes.top, requireMust: false, weights }))
      ids.add(m.talentId);
    for (const r of project.requirements) {
      const holders = {
        ...project,
        requirements: project.requirements.map((q) => ({ ...q, must: q === r })),
      };
      for (const m of rankWithIndex(index, holders, taxonomy, { top: sizes.perRequirement, weights }))
        ids.add(m.talentId);
    }
    const ctx = scoringContext(project.requirements, taxonomy.adjacency, weights, projectProfile(project));
    const candidates: ScoredCandidate[] = [];
    for (const id of [...ids].sort(byText)) {
      const candidate = index.get(id) as Candidate;
      candidates.push({
        candidate,
        score: scoreCandidate(candidate, index.facts(id) as ProfileFacts, ctx).score,
      });
    }
    return { size: index.size, candidates };
  }

  /**
   * The organization's index, built or brought up to date first. Public so that a server can build it
   * ahead of the first query (`void matching.freshIndex(org)` at start), and for the bench.
   */
  async freshIndex(orgId = DEFAULT_ORG): Promise<TalentIndex> {
    await this.rankTaxonomy();
    const state = this.state(orgId);
    return this.serial(state, async () => {
      if (state.indexed && state.indexed.epoch !== this.epoch) {
        // O(held skills), not a rebuild: the index keeps every talent's skills.
        state.indexed.index.refreshDomains(this.domainOf);
        state.indexed.epoch = this.epoch;
      }
      if (!state.indexed) state.indexed = await this.build(orgId);
      else if (this.now() - state.indexed.checkedAt >= this.syncIntervalMs) await this.sync(orgId, state);
      return (state.indexed as Indexed).index;
    });
  }

  /** In-process writes, after their commit: applied in the organization's order, before the next query. */
  talentsChanged(change: TalentChange): void {
    const state = this.orgs.get(change.orgId);
    // No index yet: its build will read storage, which has the change.
    if (!state) return;
    void this.serial(state, async () => {
      const ix = state.indexed;
      if (!ix) return;
      if (change.all) {
        state.indexed = null;
        return;
      }
      // Already in (the build read the journal at or after this revision).
      if (change.rev <= ix.rev) return;
      this.apply(state, ix, change.upserted, change.removed);
      // With a gap, a write of another process sits between: the next sync loads it (and this one again).
      if (change.rev === ix.rev + 1) ix.rev = change.rev;
    }).catch(() => undefined);
  }

  /** The taxonomy ranking uses; a change of a skill's domain makes every index's domains stale. */
  private async rankTaxonomy(): Promise<RankTaxonomy> {
    const loaded = await this.taxonomy.get();
    if (loaded !== this.loaded) {
      const next = new Map<string, Domain>(loaded.taxonomy.skills.map((s) => [s.id, s.domain]));
      // Added skills count too: storage does not tie a talent's skills to the taxonomy, so a talent may
      // hold a skill before the taxonomy that names it arrives.
      let moved = next.size !== this.domains.size;
      for (const [id, d] of this.domains) if (next.get(id) !== d) moved = true;
      this.domains = next;
      this.loaded = loaded;
      if (moved) this.epoch++;
    }
    return { adjacency: loaded.adjacency, domainOf: this.domainOf };
  }

  private state(orgId: string): OrgState {
    let s = this.orgs.get(orgId);
    if (!s) this.orgs.set(orgId, (s = { indexed: null, queue: Promise.resolve() }));
    return s;
  }

  private serial<T>(state: OrgState, task: () => Promise<T>): Promise<T> {
    const run = state.queue.then(task);
    state.queue = run.catch(() => undefined);
    return run;
  }

  private async build(orgId: string): Promise<Indexed> {
    const t0 = this.now();
    const epoch = this.epoch;
    // Read before the pool: a write committed while streaming is journaled after it and loaded again by
    // the next sync, so the index can only be behind, never miss it. (On a SQLite file the pool is read by
    // a worker thread whose snapshot is taken after this read: candidate-reader.worker.ts.)
    const rev = await journalRevision(this.store, orgId);
    const talents = await this.store.talents.count(orgId);
    const index = await indexOf(this.store.talents.streamCandidates(orgId, this.buildBatch), talents, {
      domainOf: this.domainOf,
    });
    this.activity.builds++;
    this.activity.lastBuildMs = this.now() - t0;
    return { index, rev, checkedAt: t0, epoch };
  }

  /** Loads the talents other processes changed since the index's revision. */
  private async sync(orgId: string, state: OrgState): Promise<void> {
    const ix = state.indexed as Indexed;
    const checkedAt = this.now();
    const rev = await journalRevision(this.store, orgId);
    ix.checkedAt = checkedAt;
    if (rev === ix.rev) return;
    this.activity.syncs++;
    const entries = rev > ix.rev ? await journalEntries(this.store, orgId, ix.rev, rev) : null;
    const ids = new Set<string>();
    for (const e of entries ?? []) for (const id of e.ids ?? []) ids.add(id);
    const rebuild =
      !entries ||
      entries.some((e) => e.ids === null) ||
      ids.size > Math.max(MAX_JOURNALED_IDS, ix.index.size / 4);
    if (rebuild) {
      state.indexed = null;
      state.indexed = await this.build(orgId);
      return;
    }
    const found = await this.store.imports.getTalents(orgId, [...ids]);
    const present = new Set(found.map((t) => t.id));
    this.apply(
      state,
      ix,
      found,
      [...ids].filter((id) => !present.has(id)),
    );
    ix.rev = rev;
  }

  private apply(
    state: OrgState,
    ix: Indexed,
    upserted: readonly Candidate[],
    removed: readonly string[],
  ): void {
    try {
      for (const c of upserted) ix.index.upsert(c);
      for (const id of removed) ix.index.remove(id);
      this.activity.applied += upserted.length + removed.length;
    } catch (e) {
      // Half applied: only a rebuild is known good.
      state.indexed = null;
      throw e;
    }
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

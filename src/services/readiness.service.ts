/**
 * Readiness of projects: the score, its factors and the best what-if for one project, every project's score,
 * and the calibration of the weights on past outcomes.
 *
 * Speed: the team part never ranks the pool. With a staffed or proposed team (talent ids), its members'
 * skills are used; without one, a supply summary of the pool (people per skill and level, one GROUP BY) stands
 * in for "the best candidate per requirement". The summary and the calibration are computed once per
 * organization and kept until the organization's data changes, which the head of its audit chain tells
 * (every write is audited in the same transaction): one indexed read per request; or until the taxonomy is
 * reloaded (after an import). `invalidate()` drops them.
 */
import { DomainError } from '../core/errors.js';
import type { Project } from '../core/model.js';
import { assessReadiness } from '../core/readiness/assess.js';
import {
  calibrate,
  outcomeLabel,
  weightedScore,
  type Calibration,
  type OutcomeSample,
} from '../core/readiness/calibrate.js';
import {
  buildSupply,
  coverFromSupply,
  coverFromTeam,
  type SupplySummary,
  type TeamMember,
} from '../core/readiness/coverage.js';
import { factorValues, readinessFacts, riskOf } from '../core/readiness/factors.js';
import type { Readiness, TeamSource } from '../core/readiness/types.js';
import type { ReadinessListInput } from '../contract/readiness.schemas.js';
import { DEFAULT_ORG, type Store } from './ports.js';
import type { ProjectsService } from './projects.service.js';
import type { LoadedTaxonomy, TaxonomyService } from './taxonomy.service.js';

/** A staffed team larger than this is not a team. */
export const MAX_TEAM = 50;

export interface ReadinessResult {
  project: Project;
  readiness: Readiness;
  calibration: Calibration;
  team: { source: TeamSource; members: string[] };
}

/** One row of the readiness list; the contract presents it as is. */
export type ReadinessListItem = ReadinessListInput;

interface OrgCache {
  supply: SupplySummary;
  calibration: Calibration;
  /** Every project's factor values (pool coverage), in id order. */
  all: { id: string; name: string; status: string; outcome: string | null; values: number[] }[];
}

export class ReadinessService {
  private readonly cache = new Map<string, Promise<OrgCache>>();
  /** What each cached entry was built from: the audit head and the taxonomy (reloaded after an import). */
  private readonly builtFrom = new Map<string, { version: string; tax: LoadedTaxonomy }>();

  constructor(
    private readonly store: Store,
    private readonly taxonomy: TaxonomyService,
    private readonly projects: ProjectsService,
  ) {}

  invalidate(orgId?: string): void {
    if (orgId === undefined) this.cache.clear();
    else this.cache.delete(orgId);
  }

  /** Readiness of one project, with its staffed team when `team` lists talent ids, else against the pool. */
  async assess(
    projectId: string,
    options: { team?: readonly string[] } = {},
    orgId = DEFAULT_ORG,
  ): Promise<ReadinessResult> {
    const project = await this.projects.get(projectId, orgId);
    const tax = await this.taxonomy.get();
    const cache = await this.orgCache(orgId, tax);
    const domainOf = (id: string) => tax.taxonomy.byId.get(id)?.domain ?? null;
    const ids = [...new Set(options.team ?? [])];
    let facts;
    if (ids.length > 0) {
      if (ids.length > MAX_TEAM)
        throw new DomainError(
          'invalid_input',
          `a team has at most ${MAX_TEAM} members, got ${ids.length}`,
          'team',
        );
      const members: TeamMember[] = [];
      for (const id of ids) {
        const t = await this.store.talents.get(orgId, id);
        if (!t) throw new DomainError('not_found', `talent "${id}" does not exist`, 'team');
        members.push({ id: t.id, skills: t.skills });
      }
      facts = readinessFacts(project, {
        covers: coverFromTeam(project.requirements, members, tax.adjacency, domainOf),
        teamSource: 'team',
        teamSize: members.length,
        dayCost: cache.supply.medianDailyCost,
      });
    } else {
      facts = readinessFacts(project, {
        covers: coverFromSupply(project.requirements, cache.supply, tax.adjacency, domainOf),
        teamSource: 'pool',
        dayCost: cache.supply.medianDailyCost,
      });
    }
    const c = cache.calibration;
    const readiness = assessReadiness(facts, c.weights, c.source === 'fitted' ? c.model : null);
    return { project, readiness, calibration: c, team: { source: facts.teamSource, members: ids.sort() } };
  }

  /** Every project's score and risk against the pool, riskiest first (ties by id). */
  async list(orgId = DEFAULT_ORG): Promise<{ calibration: Calibration; projects: ReadinessListItem[] }> {
    const cache = await this.orgCache(orgId, await this.taxonomy.get());
    const w = cache.calibration.weights;
    const projects = cache.all.map((p) => {
      const score = weightedScore(p.values, w);
      return { id: p.id, name: p.name, status: p.status, outcome: p.outcome, score, risk: riskOf(score) };
    });
    projects.sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { calibration: cache.calibration, projects };
  }

  async calibration(orgId = DEFAULT_ORG): Promise<Calibration> {
    return (await this.orgCache(orgId, await this.taxonomy.get())).calibration;
  }

  private async orgCache(orgId: string, tax: LoadedTaxonomy): Promise<OrgCache> {
    const head = await this.store.audit.list(orgId, 1);
    const version = head[0] ? `${head[0].seq}:${head[0].hash}` : 'empty';
    const cached = this.cache.get(orgId);
    const from = this.builtFrom.get(orgId);
    if (cached && from?.version === version && from.tax === tax) return cached;
    const loading = this.build(orgId, tax);
    this.cache.set(orgId, loading);
    this.builtFrom.set(orgId, { version, tax });
    loading.catch(() => {
      if (this.cache.get(orgId) === loading) this.cache.delete(orgId);
    });
    return loading;
  }

  private async build(orgId: string, tax: LoadedTaxonomy): Promise<OrgCache> {
    const pool = await this.store.talents.skillSupply(orgId);
    const supply = buildSupply(pool.rows, pool.talents, pool.medianDailyCost);
    const domainOf = (id: string) => tax.taxonomy.byId.get(id)?.domain ?? null;
    const projects = await this.store.projects.listAll(orgId);
    const all: OrgCache['all'] = [];
    const samples: OutcomeSample[] = [];
    for (const p of projects) {
      const facts = readinessFacts(p, {
        covers: coverFromSupply(p.requirements, supply, tax.adjacency, domainOf),
        teamSource: 'pool',
        dayCost: supply.medianDailyCost,
      });
      const values = factorValues(facts);
      all.push({ id: p.id, name: p.name, status: p.status, outcome: p.outcome, values });
      const label = outcomeLabel(p.outcome);
      if (label !== null) samples.push({ id: p.id, values, label });
    }
    return { supply, calibration: calibrate(samples), all };
  }
}

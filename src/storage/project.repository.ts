import type { Kysely } from 'kysely';
import type { Requirement } from '../core/matching/types.js';
import type {
  Archetype,
  BuildOrBuy,
  BusinessFunction,
  DataSensitivity,
  Industry,
  Outcome,
  Project,
  ProjectRole,
  ProjectStatus,
  StatusChange,
} from '../core/model.js';
import type { Lang } from '../core/taxonomy/types.js';
import type { ProjectStore, ProjectSummary } from '../services/ports.js';
import { chunks } from './batch.js';
import { fromJson, toJson } from './json-column.js';
import type { Database, ProjectSkillTable, ProjectStatusEventTable, ProjectTable } from './schema.js';

export class ProjectRepository implements ProjectStore {
  constructor(private readonly db: Kysely<Database>) {}

  async upsertMany(orgId: string, projects: readonly Project[], at: string): Promise<void> {
    for (const part of chunks(projects)) {
      const rows: ProjectTable[] = part.map((p) => ({
        id: p.id,
        org_id: orgId,
        name: p.name,
        brief: p.brief,
        industry: p.industry,
        business_function: p.businessFunction,
        archetype: p.archetype,
        status: p.status,
        start_date: p.startDate,
        end_date: p.endDate,
        budget: p.budget,
        language: p.language,
        external_id: p.externalId,
        roles: toJson(p.roles),
        data_sensitivity: p.dataSensitivity,
        build_or_buy: p.buildOrBuy,
        outcome: p.outcome,
        business_outcome: p.businessOutcome,
        process_owner: p.processOwner,
        security_owner: p.securityOwner,
        data_sources: toJson(p.dataSources),
        created_at: at,
        updated_at: at,
      }));
      // A known id is replaced only in this organization; another organization's id is an error (ids are
      // unique across organizations), before anything of its children is touched.
      const written = await this.db
        .insertInto('project')
        .values(rows)
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              brief: eb.ref('excluded.brief'),
              industry: eb.ref('excluded.industry'),
              business_function: eb.ref('excluded.business_function'),
              archetype: eb.ref('excluded.archetype'),
              status: eb.ref('excluded.status'),
              start_date: eb.ref('excluded.start_date'),
              end_date: eb.ref('excluded.end_date'),
              budget: eb.ref('excluded.budget'),
              language: eb.ref('excluded.language'),
              external_id: eb.ref('excluded.external_id'),
              roles: eb.ref('excluded.roles'),
              data_sensitivity: eb.ref('excluded.data_sensitivity'),
              build_or_buy: eb.ref('excluded.build_or_buy'),
              outcome: eb.ref('excluded.outcome'),
              business_outcome: eb.ref('excluded.business_outcome'),
              process_owner: eb.ref('excluded.process_owner'),
              security_owner: eb.ref('excluded.security_owner'),
              data_sources: eb.ref('excluded.data_sources'),
              updated_at: eb.ref('excluded.updated_at'),
            }))
            .where('project.org_id', '=', (eb) => eb.ref('excluded.org_id')),
        )
        .returning('id')
        .execute();
      if (written.length < part.length) {
        const done = new Set(written.map((r) => r.id));
        const id = part.find((p) => !done.has(p.id))?.id;
        throw new Error(`project "${id}" belongs to another organization`);
      }
      const ids = part.map((p) => p.id);
      await this.db.deleteFrom('project_skill').where('project_id', 'in', ids).execute();
      await this.db.deleteFrom('project_status_event').where('project_id', 'in', ids).execute();
      const events: ProjectStatusEventTable[] = part.flatMap((p) =>
        p.statusHistory.map((e, seq) => ({ project_id: p.id, seq, status: e.status, at: e.at })),
      );
      for (const c of chunks(events)) await this.db.insertInto('project_status_event').values(c).execute();
      const reqs: ProjectSkillTable[] = part.flatMap((p) =>
        p.requirements.map((r) => ({
          project_id: p.id,
          skill_id: r.skillId,
          level: r.level,
          weight: r.weight,
          must: r.must ? 1 : 0,
        })),
      );
      for (const rp of chunks(reqs)) await this.db.insertInto('project_skill').values(rp).execute();
    }
  }

  async list(orgId: string): Promise<ProjectSummary[]> {
    const rows = await this.db
      .selectFrom('project')
      .leftJoin('project_skill', 'project_skill.project_id', 'project.id')
      .select((eb) => [
        'project.id',
        'project.name',
        'project.industry',
        'project.business_function',
        'project.archetype',
        'project.status',
        'project.start_date',
        'project.end_date',
        eb.fn.count<number>('project_skill.skill_id').as('requirement_count'),
      ])
      .where('project.org_id', '=', orgId)
      .groupBy([
        'project.id',
        'project.name',
        'project.industry',
        'project.business_function',
        'project.archetype',
        'project.status',
        'project.start_date',
        'project.end_date',
      ])
      .orderBy('project.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      industry: r.industry,
      businessFunction: r.business_function,
      archetype: r.archetype,
      status: r.status,
      startDate: r.start_date,
      endDate: r.end_date,
      requirementCount: Number(r.requirement_count),
    }));
  }

  async get(orgId: string, id: string): Promise<Project | null> {
    const r = await this.db
      .selectFrom('project')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    const reqs = await this.db
      .selectFrom('project_skill')
      .selectAll()
      .where('project_id', '=', id)
      .orderBy('skill_id')
      .execute();
    const events = await this.db
      .selectFrom('project_status_event')
      .selectAll()
      .where('project_id', '=', id)
      .orderBy('seq')
      .execute();
    return toProject(r, reqs, events);
  }

  async listAll(orgId: string): Promise<Project[]> {
    const rows = await this.db
      .selectFrom('project')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('id')
      .execute();
    const reqs = await this.db
      .selectFrom('project_skill')
      .innerJoin('project', 'project.id', 'project_skill.project_id')
      .selectAll('project_skill')
      .where('project.org_id', '=', orgId)
      .orderBy('project_skill.project_id')
      .orderBy('project_skill.skill_id')
      .execute();
    const events = await this.db
      .selectFrom('project_status_event')
      .innerJoin('project', 'project.id', 'project_status_event.project_id')
      .selectAll('project_status_event')
      .where('project.org_id', '=', orgId)
      .orderBy('project_status_event.project_id')
      .orderBy('project_status_event.seq')
      .execute();
    const group = <T extends { project_id: string }>(list: T[]) => {
      const m = new Map<string, T[]>();
      for (const x of list) {
        const a = m.get(x.project_id);
        if (a) a.push(x);
        else m.set(x.project_id, [x]);
      }
      return m;
    };
    const reqsBy = group(reqs);
    const eventsBy = group(events);
    return rows.map((r) => toProject(r, reqsBy.get(r.id) ?? [], eventsBy.get(r.id) ?? []));
  }

  async count(orgId: string): Promise<number> {
    const r = await this.db
      .selectFrom('project')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

function toProject(r: ProjectTable, reqs: ProjectSkillTable[], events: ProjectStatusEventTable[]): Project {
  const requirements: Requirement[] = reqs.map((q) => ({
    skillId: q.skill_id,
    level: q.level,
    weight: Number(q.weight),
    must: Number(q.must) === 1,
  }));
  // Must-haves first, then by weight: the order a reader expects and the explanation follows.
  requirements.sort(
    (a, b) => Number(b.must) - Number(a.must) || b.weight - a.weight || (a.skillId < b.skillId ? -1 : 1),
  );
  return {
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    brief: r.brief,
    industry: r.industry as Industry,
    businessFunction: r.business_function as BusinessFunction,
    archetype: r.archetype as Archetype,
    status: r.status as ProjectStatus,
    startDate: r.start_date,
    endDate: r.end_date,
    budget: r.budget === null ? null : Number(r.budget),
    language: r.language as Lang,
    requirements,
    statusHistory: events.map((e): StatusChange => ({ status: e.status as ProjectStatus, at: e.at })),
    outcome: r.outcome as Outcome | null,
    roles: fromJson<ProjectRole[]>(r.roles, []),
    dataSensitivity: r.data_sensitivity as DataSensitivity,
    buildOrBuy: r.build_or_buy as BuildOrBuy,
    businessOutcome: r.business_outcome,
    processOwner: r.process_owner,
    securityOwner: r.security_owner,
    dataSources: fromJson<string[]>(r.data_sources, []),
  };
}

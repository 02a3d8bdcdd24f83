/**
 * The narrow ports services need from storage. storage/ implements them; services never see Kysely.
 */
import type { Project, Talent } from '../core/model.js';
import type { Skill } from '../core/taxonomy/types.js';

export const DEFAULT_ORG = 'org-default';

/** The hash that precedes the first audit event of an organization's chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ProjectSummary {
  id: string;
  name: string;
  industry: string;
  businessFunction: string;
  archetype: string;
  status: string;
  startDate: string;
  endDate: string;
  requirementCount: number;
}

export interface AuditEventInput {
  orgId: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  detail: Record<string, unknown>;
}

export interface AuditEvent extends AuditEventInput {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
}

export interface TaxonomyStore {
  /** Replaces the skills of one origin ('vivier' or 'esco') with these, labels and relations included. */
  replaceOrigin(origin: string, skills: readonly Skill[]): Promise<void>;
  loadAll(): Promise<Skill[]>;
  count(): Promise<number>;
}

export interface TalentStore {
  upsertMany(orgId: string, talents: readonly Talent[], at: string): Promise<void>;
  /** Every talent of the organization with skills, in id order. */
  listAll(orgId: string): Promise<Talent[]>;
  get(orgId: string, id: string): Promise<Talent | null>;
  count(orgId: string): Promise<number>;
}

export interface ProjectStore {
  upsertMany(orgId: string, projects: readonly Project[], at: string): Promise<void>;
  list(orgId: string): Promise<ProjectSummary[]>;
  get(orgId: string, id: string): Promise<Project | null>;
  count(orgId: string): Promise<number>;
}

export interface AuditStore {
  /** Appends to the organization's hash chain; `hashOf` computes the event's hash from its content. */
  append(
    event: AuditEventInput,
    hashOf: (e: Omit<AuditEvent, 'hash'>) => string,
    newId: () => string,
  ): Promise<AuditEvent>;
  list(orgId: string, limit: number): Promise<AuditEvent[]>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  taxonomy: TaxonomyStore;
  talents: TalentStore;
  projects: ProjectStore;
  audit: AuditStore;
  ensureOrganization(id: string, name: string, at: string): Promise<void>;
  /** Runs `fn` in one transaction: all of it is written, or none. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

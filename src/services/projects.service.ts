import { DomainError } from '../core/errors.js';
import type { Project } from '../core/model.js';
import { DEFAULT_ORG, type ProjectSummary, type Store } from './ports.js';

export class ProjectsService {
  constructor(private readonly store: Store) {}

  list(orgId = DEFAULT_ORG): Promise<ProjectSummary[]> {
    return this.store.projects.list(orgId);
  }

  async get(id: string, orgId = DEFAULT_ORG): Promise<Project> {
    const p = await this.store.projects.get(orgId, id);
    if (!p) throw new DomainError('not_found', `project "${id}" does not exist`, 'id');
    return p;
  }
}

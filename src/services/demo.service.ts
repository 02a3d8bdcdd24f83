import { generateDemo } from '../core/demo/generate-demo.js';
import type { AuditService } from './audit.service.js';
import type { Clock } from './clock.js';
import { DEFAULT_ORG, type Store } from './ports.js';
import type { TaxonomyService } from './taxonomy.service.js';

export interface SeedOptions {
  talents: number;
  projects: number;
  seed: number;
}

export interface SeedResult {
  talents: number;
  projects: number;
  seed: number;
}

export class DemoService {
  constructor(
    private readonly store: Store,
    private readonly taxonomy: TaxonomyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async isEmpty(orgId = DEFAULT_ORG): Promise<boolean> {
    return (await this.store.talents.count(orgId)) === 0 && (await this.store.projects.count(orgId)) === 0;
  }

  /** Generates the demo and writes it in one transaction: all of it, or nothing. Re-seeding overwrites by id. */
  async seed(options: SeedOptions, orgId = DEFAULT_ORG): Promise<SeedResult> {
    const { taxonomy } = await this.taxonomy.get();
    const demo = generateDemo(taxonomy, options);
    const at = this.clock.now();
    await this.store.transaction(async (tx) => {
      await tx.ensureOrganization(orgId, 'Demo organization', at);
      await tx.talents.upsertMany(orgId, demo.talents, at);
      await tx.projects.upsertMany(orgId, demo.projects, at);
      await this.audit.record(tx, {
        orgId,
        actor: 'system',
        action: 'demo.seed',
        entityType: 'organization',
        entityId: orgId,
        detail: { talents: demo.talents.length, projects: demo.projects.length, seed: options.seed },
      });
    });
    return { talents: demo.talents.length, projects: demo.projects.length, seed: options.seed };
  }
}

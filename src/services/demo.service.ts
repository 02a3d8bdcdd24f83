import { streamDemo } from '../core/demo/generate-demo.js';
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

export interface SeedProgress {
  kind: 'projects' | 'talents';
  done: number;
  total: number;
}

/** Records generated and written per step: memory stays bounded whatever the size. */
const SEED_CHUNK = 2_000;

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

  /**
   * Generates the demo chunk by chunk and writes it in one transaction: all of it, or nothing. Re-seeding
   * overwrites by id. `onProgress` hears after each chunk (the CLI draws its progress bar from it).
   */
  async seed(
    options: SeedOptions,
    orgId = DEFAULT_ORG,
    onProgress?: (p: SeedProgress) => void,
  ): Promise<SeedResult> {
    const { taxonomy } = await this.taxonomy.get();
    const at = this.clock.now();
    const done = { projects: 0, talents: 0 };
    await this.store.transaction(async (tx) => {
      await tx.ensureOrganization(orgId, 'Demo organization', at);
      for (const chunk of streamDemo(taxonomy, options, SEED_CHUNK)) {
        if (chunk.kind === 'projects') await tx.projects.upsertMany(orgId, chunk.items, at);
        else await tx.talents.upsertMany(orgId, chunk.items, at);
        done[chunk.kind] += chunk.items.length;
        onProgress?.({
          kind: chunk.kind,
          done: done[chunk.kind],
          total: chunk.kind === 'projects' ? options.projects : options.talents,
        });
      }
      await this.audit.record(tx, {
        orgId,
        actor: 'system',
        action: 'demo.seed',
        entityType: 'organization',
        entityId: orgId,
        detail: { talents: done.talents, projects: done.projects, seed: options.seed },
      });
    });
    return { talents: done.talents, projects: done.projects, seed: options.seed };
  }
}

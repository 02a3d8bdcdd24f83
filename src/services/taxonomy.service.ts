import { buildSkillMatcher, type SkillMatcher } from '../core/extraction/skill-matcher.js';
import { buildAdjacency, type AdjacentSource } from '../core/taxonomy/adjacency.js';
import { BUILTIN_SKILLS } from '../core/taxonomy/builtin-skills.js';
import { buildTaxonomy, searchSkills, type SkillSearchHit } from '../core/taxonomy/taxonomy.js';
import type { Taxonomy } from '../core/taxonomy/types.js';
import type { Store } from './ports.js';

export interface LoadedTaxonomy {
  taxonomy: Taxonomy;
  matcher: SkillMatcher;
  adjacency: Map<string, AdjacentSource[]>;
}

/**
 * The taxonomy as stored in the database, with the structures built from it (extraction trie, adjacency).
 * Built once and kept; `invalidate()` after a taxonomy import.
 */
export class TaxonomyService {
  private loaded: Promise<LoadedTaxonomy> | null = null;

  constructor(private readonly store: Store) {}

  /** Writes the built-in taxonomy into the database (idempotent). */
  async syncBuiltin(): Promise<number> {
    const tax = buildTaxonomy(BUILTIN_SKILLS);
    await this.store.transaction((s) => s.taxonomy.replaceOrigin('vivier', tax.skills));
    this.invalidate();
    return tax.skills.length;
  }

  invalidate(): void {
    this.loaded = null;
  }

  get(): Promise<LoadedTaxonomy> {
    if (!this.loaded) {
      this.loaded = this.store.taxonomy.loadAll().then((skills) => {
        const taxonomy: Taxonomy = { skills, byId: new Map(skills.map((s) => [s.id, s])) };
        return { taxonomy, matcher: buildSkillMatcher(taxonomy), adjacency: buildAdjacency(taxonomy) };
      });
      this.loaded.catch(() => (this.loaded = null));
    }
    return this.loaded;
  }

  async search(query: string, limit: number): Promise<SkillSearchHit[]> {
    const { taxonomy } = await this.get();
    return searchSkills(taxonomy, query, limit);
  }
}

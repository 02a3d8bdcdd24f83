import { createHash } from 'node:crypto';
import { buildSkillRetriever, type SkillRetriever } from '../core/extraction/rank-skills.js';
import { buildSkillMatcher, type SkillMatcher } from '../core/extraction/skill-matcher.js';
import { buildSkillNameIndex, type SkillNameIndex } from '../core/import/skill-names.js';
import { buildAdjacency, type AdjacentSource } from '../core/taxonomy/adjacency.js';
import { BUILTIN_SKILLS } from '../core/taxonomy/builtin-skills.js';
import { buildTaxonomy, searchSkills, type SkillSearchHit } from '../core/taxonomy/taxonomy.js';
import type { Taxonomy } from '../core/taxonomy/types.js';
import type { Store } from './ports.js';

const BUILTIN_FINGERPRINT_KEY = 'taxonomy.builtin.sha256';

export interface LoadedTaxonomy {
  taxonomy: Taxonomy;
  /** Built on first read (see get()), as `names`. */
  readonly matcher: SkillMatcher;
  /** Skill labels and aliases to ids, for imports that name skills (CSV, JSON Resume). */
  readonly names: SkillNameIndex;
  adjacency: Map<string, AdjacentSource[]>;
}

/**
 * The taxonomy as stored in the database, with the structures built from it (extraction trie, adjacency).
 * Built once and kept; `invalidate()` after a taxonomy import.
 */
export class TaxonomyService {
  private loaded: Promise<LoadedTaxonomy> | null = null;

  constructor(private readonly store: Store) {}

  /**
   * Writes the built-in taxonomy into the database when it differs from what was last written there
   * (compared by fingerprint), so that starting a command does not rewrite it every time.
   * Returns whether it wrote.
   */
  async syncBuiltin(): Promise<boolean> {
    const fingerprint = createHash('sha256').update(JSON.stringify(BUILTIN_SKILLS)).digest('hex');
    if ((await this.store.getMeta(BUILTIN_FINGERPRINT_KEY)) === fingerprint) return false;
    const tax = buildTaxonomy(BUILTIN_SKILLS);
    await this.store.transaction(async (s) => {
      await s.taxonomy.replaceOrigin('vivier', tax.skills);
      await s.setMeta(BUILTIN_FINGERPRINT_KEY, fingerprint);
    });
    this.invalidate();
    return true;
  }

  invalidate(): void {
    this.loaded = null;
    this.retriever = null;
  }

  private retriever: Promise<SkillRetriever> | null = null;

  /**
   * The implicit-skill retrieval index (labels, aliases and descriptions of every skill), built on first
   * use and kept with the taxonomy until `invalidate()`.
   */
  skillRetriever(): Promise<SkillRetriever> {
    if (!this.retriever) {
      this.retriever = Promise.all([this.get(), this.store.esco.loadSkillDescriptions()]).then(
        ([{ taxonomy }, descriptions]) => buildSkillRetriever(taxonomy, descriptions),
      );
      this.retriever.catch(() => (this.retriever = null));
    }
    return this.retriever;
  }

  get(): Promise<LoadedTaxonomy> {
    if (!this.loaded) {
      this.loaded = this.store.taxonomy.loadAll().then((skills) => {
        const taxonomy: Taxonomy = { skills, byId: new Map(skills.map((s) => [s.id, s])) };
        // The extraction trie (≈ 200 ms for the built-in taxonomy) and the skill name index (≈ 25 ms) are
        // built on first use: a command that only checks ids against the taxonomy (a JSON Lines import, a
        // match) uses neither.
        let matcher: SkillMatcher | undefined;
        let names: SkillNameIndex | undefined;
        return {
          taxonomy,
          get matcher() {
            return (matcher ??= buildSkillMatcher(taxonomy));
          },
          get names() {
            return (names ??= buildSkillNameIndex(taxonomy));
          },
          adjacency: buildAdjacency(taxonomy),
        };
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

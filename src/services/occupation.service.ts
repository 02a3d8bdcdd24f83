import { DomainError } from '../core/errors.js';
import {
  buildTitleLinker,
  linkTitle,
  type OccupationConcept,
  type OccupationLink,
  type TitleLinker,
} from '../core/occupations/link-titles.js';
import { BUILTIN_ROLES } from '../core/taxonomy/data/roles.js';
import type { Store } from './ports.js';

/**
 * The built-in roles as occupation concepts: their own id, the URI of the ESCO occupation they link to
 * (several roles may share one), their French and English titles. A title can then link to a role and to
 * its ESCO occupation, each under its own id.
 */
export function builtinRoleConcepts(): OccupationConcept[] {
  return BUILTIN_ROLES.map((r) => ({
    id: r.id,
    uri: r.escoOccupation ?? null,
    labels: [
      { lang: 'en', kind: 'preferred', label: r.en },
      ...(r.enAliases ?? []).map((label) => ({ lang: 'en', kind: 'alias', label })),
      { lang: 'fr', kind: 'preferred', label: r.fr },
      ...(r.frAliases ?? []).map((label) => ({ lang: 'fr', kind: 'alias', label })),
    ],
  }));
}

/**
 * Job titles → occupations. The linker indexes every stored occupation (ESCO, once imported) and the
 * extra concepts given at construction (the built-in roles by default); it is built once per process and
 * rebuilt after `invalidate()` (an import).
 */
export class OccupationService {
  private linker: Promise<TitleLinker> | null = null;

  constructor(
    private readonly store: Store,
    private readonly extra: readonly OccupationConcept[] = builtinRoleConcepts(),
  ) {}

  invalidate(): void {
    this.linker = null;
  }

  getLinker(): Promise<TitleLinker> {
    if (!this.linker) {
      this.linker = this.store.esco.loadOccupations().then((stored) => {
        const concepts = [...this.extra, ...stored];
        if (concepts.length === 0)
          throw new DomainError(
            'not_found',
            'no occupation to link to: import ESCO first (vivier taxonomy import esco <dir>)',
          );
        return buildTitleLinker(concepts);
      });
      this.linker.catch(() => (this.linker = null));
    }
    return this.linker;
  }

  async link(title: string, top = 20, lang?: string): Promise<OccupationLink[]> {
    return linkTitle(await this.getLinker(), title, top, lang);
  }
}

import {
  classifyBrief,
  compileBriefCues,
  type BriefClassification,
  type BriefCues,
} from '../core/briefs/classify-brief.js';
import type { Taxonomy } from '../core/taxonomy/types.js';
import type { ExtractionService } from './extraction.service.js';
import type { TaxonomyService } from './taxonomy.service.js';

/**
 * Project briefs: their industry, business function and archetype, with the words that decided them.
 * The cue lexicon is widened with the stored taxonomy's business skills, compiled once per loaded
 * taxonomy (a taxonomy import makes a new one). Texts are checked like extraction's: the same size limit,
 * binary input refused.
 */
export class BriefsService {
  private compiled: { taxonomy: Taxonomy; cues: BriefCues } | null = null;

  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly extraction: ExtractionService,
  ) {}

  async classify(text: string): Promise<BriefClassification> {
    this.extraction.validate(text);
    const { taxonomy } = await this.taxonomy.get();
    if (this.compiled?.taxonomy !== taxonomy) this.compiled = { taxonomy, cues: compileBriefCues(taxonomy) };
    return classifyBrief(text, this.compiled.cues);
  }
}

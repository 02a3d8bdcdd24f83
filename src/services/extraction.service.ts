import { DomainError } from '../core/errors.js';
import { extractSkills, type Extraction } from '../core/extraction/extract-skills.js';
import { rankSkills } from '../core/extraction/rank-skills.js';
import type { Lang } from '../core/taxonomy/types.js';
import type { TaxonomyService } from './taxonomy.service.js';

/** One skill of a ranked extraction (`vivier extract --jsonl`). */
export interface RankedSkillOut {
  id: string;
  /** ESCO concept URI, where the skill has one. */
  uri: string | null;
  label: string;
  score: number;
  /** Character offsets [start, end) of the mentions in the text; empty for an implicit skill. */
  spans: [number, number][];
}

export interface RankedExtraction {
  lang: Lang;
  skills: RankedSkillOut[];
}

export interface ExtractionLimits {
  maxTextBytes: number;
}

/** Control characters other than tab, newline and carriage return mark binary input. */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;

export class ExtractionService {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly limits: ExtractionLimits,
  ) {}

  /** Checks a text before extraction: size limit, and no binary or undecodable content. */
  validate(text: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > this.limits.maxTextBytes) {
      throw new DomainError(
        'too_large',
        `text is ${bytes} bytes; the limit is ${this.limits.maxTextBytes} bytes (VIVIER_MAX_TEXT_BYTES)`,
        'text',
      );
    }
    if (BINARY.test(text))
      throw new DomainError('invalid_input', 'text contains binary data or invalid UTF-8', 'text');
  }

  async extract(text: string, lang: Lang | 'auto' = 'auto'): Promise<Extraction> {
    this.validate(text);
    const { taxonomy, matcher } = await this.taxonomy.get();
    if (text.trim() === '') return { lang: lang === 'auto' ? 'en' : lang, skills: [], negated: [] };
    return extractSkills(taxonomy, matcher, text, { lang });
  }

  /**
   * Skills of a text ranked best first: literal matches (with spans), then implicit candidates from
   * retrieval over labels and descriptions (no spans), at most `top`.
   */
  async rank(text: string, lang: Lang | 'auto' = 'auto', top = 20): Promise<RankedExtraction> {
    const extraction = await this.extract(text, lang);
    if (text.trim() === '') return { lang: extraction.lang, skills: [] };
    const [{ taxonomy }, retriever] = await Promise.all([
      this.taxonomy.get(),
      this.taxonomy.skillRetriever(),
    ]);
    const ranked = rankSkills(retriever, text, extraction, top);
    return {
      lang: extraction.lang,
      skills: ranked.map((r) => {
        const skill = taxonomy.byId.get(r.skillId);
        return {
          id: r.skillId,
          uri: skill?.escoUri ?? null,
          label: skill?.labels[extraction.lang].label ?? r.skillId,
          score: r.score,
          spans: r.spans,
        };
      }),
    };
  }
}

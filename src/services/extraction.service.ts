import { DomainError } from '../core/errors.js';
import { extractSkills, type Extraction } from '../core/extraction/extract-skills.js';
import type { Lang } from '../core/taxonomy/types.js';
import type { TaxonomyService } from './taxonomy.service.js';

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
}

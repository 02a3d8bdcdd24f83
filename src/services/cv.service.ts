/**
 * CV → draft profile: the file's text (cv-text.ts), the skills extractor, and a draft whose every skill
 * carries the span of text that backs it (evidence 'cv'). `apply` stores a reviewed draft through the
 * import pipeline, so it is matched, compared and audited like any imported record.
 */
import { createHash } from 'node:crypto';
import { DomainError, isDomainError } from '../core/errors.js';
import { draftFromCv, type CvDraft } from '../core/import/cv-draft.js';
import type { Talent } from '../core/model.js';
import { cvText, CV_LIMITS, type CvFileKind, type CvLimits } from './cv-text.js';
import type { ExtractionService } from './extraction.service.js';
import type { ImportService, ImportSummary } from './import.service.js';
import { textSource } from './import-readers.js';
import type { OccupationService } from './occupation.service.js';

/** Below this similarity a headline is kept as written, without an occupation. */
const OCCUPATION_MIN_SCORE = 0.5;

export interface CvResult {
  file: string;
  kind: CvFileKind;
  pages: number | null;
  chars: number;
  /** SHA-256 of the file: the id of a profile that has no e-mail is derived from it. */
  fileHash: string;
  occupation: { id: string; label: string; score: number } | null;
  draft: CvDraft;
  /** Milliseconds spent reading the file and extracting. */
  ms: number;
}

export interface ApplyOptions {
  source: 'employee' | 'freelance';
  name?: string;
  dailyCost?: number;
  orgId?: string;
  actor?: string;
  dryRun?: boolean;
}

export class CvService {
  constructor(
    private readonly extraction: ExtractionService,
    private readonly imports: ImportService,
    private readonly occupations: OccupationService | null,
    private readonly limits: CvLimits = { ...CV_LIMITS },
  ) {}

  async draft(
    file: string,
    bytes: Uint8Array,
    now: () => number = () => performance.now(),
  ): Promise<CvResult> {
    const t0 = now();
    const { kind, text, pages } = await cvText(file, bytes, this.limits);
    const extraction = await this.extraction.extract(text, 'auto');
    const draft = draftFromCv(text, extraction);
    let occupation: CvResult['occupation'] = null;
    if (draft.headline && this.occupations) {
      try {
        const top = (await this.occupations.link(draft.headline, 1, draft.lang))[0];
        if (top && top.score >= OCCUPATION_MIN_SCORE)
          occupation = { id: top.id, label: top.label, score: top.score };
      } catch (e) {
        // No occupation imported yet: the headline stays as written.
        if (!isDomainError(e) || e.code !== 'not_found') throw e;
      }
    }
    return {
      file,
      kind,
      pages,
      chars: text.length,
      fileHash: createHash('sha256').update(bytes).digest('hex'),
      occupation,
      draft,
      ms: now() - t0,
    };
  }

  /** The talent a draft becomes; refuses a draft without a name rather than inventing one. */
  toTalent(r: CvResult, options: ApplyOptions): Talent {
    const name = options.name ?? r.draft.name;
    if (!name)
      throw new DomainError(
        'invalid_input',
        `${r.file}: no name found at the top of the CV; pass --name`,
        'name',
      );
    return {
      id: `tal-cv-${r.fileHash.slice(0, 16)}`,
      externalId: null,
      source: options.source,
      name,
      email: r.draft.email,
      phone: r.draft.phone,
      headline: r.draft.headline ?? '',
      occupationId: r.occupation?.id ?? null,
      location: '',
      remote: 'hybrid',
      languages: [],
      dailyCost: options.dailyCost ?? 0,
      skills: r.draft.skills.map((s) => ({
        skillId: s.skillId,
        level: s.level,
        evidence: 'cv',
        years: null,
        lastUsed: null,
        evidenceDetail: s.evidenceDetail.slice(0, 2000),
      })),
      industries: [],
      functions: [],
      availability: [],
      missions: [],
      consentAt: null,
      retainUntil: null,
    };
  }

  /** Stores the draft: inserted, updated (same e-mail, or same file) or unchanged. */
  apply(r: CvResult, options: ApplyOptions): Promise<ImportSummary> {
    const talent = this.toTalent(r, options);
    // With an e-mail the person is recognised by it; without, by the id derived from the file's content.
    const line = JSON.stringify(talent.email ? { ...talent, id: undefined } : talent);
    return this.imports.import(textSource(r.file, line), {
      kind: 'talents',
      format: 'jsonl',
      orgId: options.orgId,
      actor: options.actor,
      dryRun: options.dryRun,
    });
  }
}

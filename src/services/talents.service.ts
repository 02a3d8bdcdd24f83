import { DomainError } from '../core/errors.js';
import { csvLine } from '../core/import/csv-cells.js';
import { TALENT_CSV_COLUMNS, talentToCsvCells } from '../core/import/csv-records.js';
import { talentToJsonResume } from '../core/import/json-resume.js';
import type { Talent } from '../core/model.js';
import { DEFAULT_ORG, type Store } from './ports.js';
import type { TaxonomyService } from './taxonomy.service.js';

export type ExportFormat = 'jsonl' | 'csv' | 'jsonresume';

/** Reading the pool: one talent, a page of them, or all of them as a file. */
export class TalentsService {
  constructor(
    private readonly store: Store,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async get(id: string, orgId = DEFAULT_ORG): Promise<Talent> {
    const t = await this.store.talents.get(orgId, id);
    if (!t) throw new DomainError('not_found', `talent "${id}" does not exist`, 'id');
    return t;
  }

  async page(
    offset: number,
    limit: number,
    orgId = DEFAULT_ORG,
  ): Promise<{ total: number; talents: Talent[] }> {
    const total = await this.store.talents.count(orgId);
    // Pages are read by id order; the offset is walked in id-keyed steps, never by loading the pool.
    let after: string | null = null;
    let skipped = 0;
    while (skipped < offset) {
      const step: Talent[] = await this.store.imports.talentPage(
        orgId,
        after,
        Math.min(1000, offset - skipped),
      );
      if (step.length === 0) return { total, talents: [] };
      skipped += step.length;
      after = (step[step.length - 1] as Talent).id;
    }
    return { total, talents: await this.store.imports.talentPage(orgId, after, limit) };
  }

  /**
   * Writes every talent of the organization in `format`, page by page (memory stays flat): JSON Lines
   * (the native format, re-importable to identical records), CSV (the import columns, cells neutralised
   * against formula injection) or a JSON array of JSON Resume documents. Returns the number written.
   */
  async export(
    format: ExportFormat,
    write: (chunk: string) => Promise<void>,
    orgId = DEFAULT_ORG,
  ): Promise<number> {
    const { taxonomy } = await this.taxonomy.get();
    let after: string | null = null;
    let n = 0;
    if (format === 'csv') await write(`${TALENT_CSV_COLUMNS.join(',')}\n`);
    if (format === 'jsonresume') await write('[');
    for (;;) {
      const page = await this.store.imports.talentPage(orgId, after, 1000);
      if (page.length === 0) break;
      const out: string[] = [];
      for (const t of page) {
        if (format === 'jsonl') out.push(`${JSON.stringify(t)}\n`);
        else if (format === 'csv') out.push(`${csvLine(talentToCsvCells(t))}\n`);
        else
          out.push(
            `${n + out.length === 0 ? '\n' : ',\n'}${JSON.stringify(talentToJsonResume(t, taxonomy))}`,
          );
      }
      await write(out.join(''));
      n += page.length;
      after = (page[page.length - 1] as Talent).id;
    }
    if (format === 'jsonresume') await write('\n]\n');
    return n;
  }
}

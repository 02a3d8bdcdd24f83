/**
 * Streaming CSV reading with errors that name the file and the line. csv-parse handles quoted cells that
 * span several lines; a row's line is the line its record starts on.
 */
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { DomainError } from '../core/errors.js';

export type CsvRow = Record<string, string>;

export interface CsvReadOptions {
  /** Shown in errors: usually the path relative to the import directory. */
  name: string;
  /** Columns that must be in the header. */
  required: readonly string[];
  /** Called with the bytes read so far, every few hundred records. */
  onBytes?: (bytes: number) => void;
}

/** An error about one line of one file: `skills_en.csv line 12: …`. */
export function lineError(name: string, line: number, message: string): DomainError {
  return new DomainError('invalid_input', `${name} line ${line}: ${message}`, `${name}:${line}`);
}

/**
 * Reads a CSV file with a header row, calling `onRow` for every record with its first line number (the
 * header is line 1). `onRow` may throw (use `lineError`); reading stops at the first error.
 */
export async function readCsv(
  path: string,
  options: CsvReadOptions,
  onRow: (row: CsvRow, line: number) => void,
): Promise<{ rows: number; columns: string[] }> {
  const parser = createReadStream(path).pipe(
    parse({ columns: true, bom: true, info: true, skip_empty_lines: true, relax_column_count_less: true }),
  );
  let columns: string[] = [];
  let rows = 0;
  let lastLine = 1;
  let checked = false;
  try {
    for await (const item of parser as AsyncIterable<{
      record: CsvRow;
      info: { lines: number; bytes: number; columns?: { name: string }[] | false };
    }>) {
      const { record, info } = item;
      if (!checked) {
        columns = Object.keys(record);
        const missing = options.required.filter((c) => !columns.includes(c));
        if (missing.length > 0)
          throw lineError(options.name, 1, `missing column ${missing.map((c) => `"${c}"`).join(', ')}`);
        checked = true;
      }
      const line = lastLine + 1;
      lastLine = info.lines;
      rows++;
      onRow(record, line);
      if (rows % 500 === 0) options.onBytes?.(info.bytes);
    }
  } catch (e) {
    parser.destroy();
    if (e instanceof DomainError) throw e;
    const err = e as { message?: string; lines?: number; code?: string };
    const reason = (err.message ?? String(e)).replace(/\s*on line \d+\.?$/, '').replace(/ at line \d+$/, '');
    throw lineError(options.name, err.lines ?? lastLine + 1, reason);
  }
  if (!checked) {
    // Header only (or empty): still check the header.
    const header = await readHeader(path);
    const missing = options.required.filter((c) => !header.includes(c));
    if (missing.length > 0)
      throw lineError(options.name, 1, `missing column ${missing.map((c) => `"${c}"`).join(', ')}`);
    columns = header;
  }
  return { rows, columns };
}

/** The header row of a CSV file (first record only). */
export async function readHeader(path: string): Promise<string[]> {
  const parser = createReadStream(path, { end: 64 * 1024 }).pipe(parse({ bom: true, to_line: 1 }));
  for await (const record of parser as AsyncIterable<string[]>) {
    parser.destroy();
    return record.map((c) => c.trim());
  }
  return [];
}

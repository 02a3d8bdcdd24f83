/** Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
export const INSERT_BATCH = 400;

export function* chunks<T>(items: readonly T[], size = INSERT_BATCH): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Every row of a keyset-paginated read, `batchSize` at a time: `page(after, limit)` returns the rows after
 * the id `after` (null: from the start) in id order. One indexed range read a batch, however far the reader is.
 */
export async function* keysetPages<T extends { id: string }>(
  page: (after: string | null, limit: number) => Promise<T[]>,
  batchSize: number,
): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const rows: T[] = await page(after, batchSize);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = (rows[rows.length - 1] as T).id;
  }
}

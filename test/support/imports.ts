/** Import helpers shared by the storage tests. */
import type { Context } from '../../src/main/create-context.js';
import type { ImportOptions } from '../../src/services/import.service.js';
import { textSource } from '../../src/services/import-readers.js';

/** Records as a JSON Lines file's content. */
export const jsonl = (records: readonly unknown[]): string =>
  records.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Imports `content`, named `name`, into organization `orgId`: JSON Lines of talents unless `options` say. */
export const importText = (
  ctx: Context,
  orgId: string,
  name: string,
  content: string | Buffer,
  options: Partial<ImportOptions> = {},
) =>
  ctx.services.imports.import(textSource(name, content), {
    kind: 'talents',
    format: 'jsonl',
    orgId,
    ...options,
  });

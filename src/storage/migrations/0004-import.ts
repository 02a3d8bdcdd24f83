import type { Kysely } from 'kysely';

// Frozen in time: see 0001. One row per interrupted (or running) batched import: the file it reads, by
// content hash, and how far it has committed; resumed with `--resume`, removed when the import ends.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_checkpoint')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('last_line', 'integer', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_checkpoint_pk', ['org_id', 'kind', 'file_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_checkpoint').execute();
}

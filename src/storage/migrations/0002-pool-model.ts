import type { Kysely } from 'kysely';

// Frozen in time: see 0001. SQLite adds one column per ALTER TABLE, hence one call per column.
async function addColumns(
  db: Kysely<any>,
  table: string,
  columns: [string, 'text' | 'integer' | 'double precision', string?][],
) {
  for (const [name, type, dflt] of columns) {
    await db.schema
      .alterTable(table)
      .addColumn(name, type, (c) => (dflt === undefined ? c : c.notNull().defaultTo(dflt)))
      .execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  // Small settings the application keeps, e.g. the fingerprint of the built-in taxonomy last synced.
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await addColumns(db, 'talent', [
    ['email', 'text'],
    ['phone', 'text'],
    ['occupation_id', 'text'],
    ['remote', 'text', 'hybrid'],
    ['languages', 'text', '[]'],
    ['industries', 'text', '[]'],
    ['functions', 'text', '[]'],
    ['consent_at', 'text'],
    ['retain_until', 'text'],
  ]);
  await db.schema.createIndex('talent_org_email_idx').on('talent').columns(['org_id', 'email']).execute();

  await addColumns(db, 'talent_skill', [
    ['years', 'double precision'],
    ['last_used', 'text'],
    ['evidence_detail', 'text'],
  ]);

  await db.schema
    .createTable('talent_availability')
    .addColumn('talent_id', 'text', (c) => c.notNull().references('talent.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('days_per_week', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('talent_availability_pk', ['talent_id', 'seq'])
    .execute();

  await db.schema
    .createTable('talent_mission')
    .addColumn('talent_id', 'text', (c) => c.notNull().references('talent.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organization', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('industry', 'text')
    .addColumn('business_function', 'text')
    .addColumn('outcome', 'text')
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('talent_mission_pk', ['talent_id', 'seq'])
    .execute();

  await addColumns(db, 'project', [
    ['external_id', 'text'],
    ['roles', 'text', '[]'],
    ['data_sensitivity', 'text', 'internal'],
    ['build_or_buy', 'text', 'build'],
    ['outcome', 'text'],
    ['business_outcome', 'text'],
    ['process_owner', 'text'],
    ['security_owner', 'text'],
    ['data_sources', 'text', '[]'],
  ]);
  await db.schema
    .createIndex('project_org_external_idx')
    .on('project')
    .columns(['org_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('project_status_event')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_status_event_pk', ['project_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['project_status_event', 'talent_mission', 'talent_availability'])
    await db.schema.dropTable(t).execute();
  await db.schema.dropIndex('project_org_external_idx').execute();
  await db.schema.dropIndex('talent_org_email_idx').execute();
  for (const c of [
    'external_id',
    'roles',
    'data_sensitivity',
    'build_or_buy',
    'outcome',
    'business_outcome',
    'process_owner',
    'security_owner',
    'data_sources',
  ]) {
    await db.schema.alterTable('project').dropColumn(c).execute();
  }
  for (const c of ['years', 'last_used', 'evidence_detail'])
    await db.schema.alterTable('talent_skill').dropColumn(c).execute();
  for (const c of [
    'email',
    'phone',
    'occupation_id',
    'remote',
    'languages',
    'industries',
    'functions',
    'consent_at',
    'retain_until',
  ]) {
    await db.schema.alterTable('talent').dropColumn(c).execute();
  }
}

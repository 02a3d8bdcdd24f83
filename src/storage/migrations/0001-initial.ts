import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports app types, so later schema changes cannot alter it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organization')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('skill')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('broader_id', 'text')
    .addColumn('esco_uri', 'text')
    .addColumn('ambiguous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('origin', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('skill_esco_uri_idx').on('skill').column('esco_uri').execute();

  await db.schema
    .createTable('skill_label')
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skill.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('skill_label_pk', ['skill_id', 'lang', 'kind', 'label'])
    .execute();

  await db.schema
    .createTable('skill_relation')
    .addColumn('from_id', 'text', (c) => c.notNull().references('skill.id').onDelete('cascade'))
    .addColumn('to_id', 'text', (c) => c.notNull().references('skill.id').onDelete('cascade'))
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('skill_relation_pk', ['from_id', 'to_id'])
    .execute();

  await db.schema
    .createTable('talent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('external_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('daily_cost', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('talent_org_external_uq', ['org_id', 'external_id'])
    .execute();
  await db.schema.createIndex('talent_org_idx').on('talent').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('talent_skill')
    .addColumn('talent_id', 'text', (c) => c.notNull().references('talent.id').onDelete('cascade'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skill.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addPrimaryKeyConstraint('talent_skill_pk', ['talent_id', 'skill_id'])
    .execute();
  await db.schema
    .createIndex('talent_skill_skill_idx')
    .on('talent_skill')
    .columns(['skill_id', 'level'])
    .execute();

  await db.schema
    .createTable('project')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('brief', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('business_function', 'text', (c) => c.notNull())
    .addColumn('archetype', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('budget', 'double precision')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_org_idx').on('project').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('project_skill')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skill.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('must', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_skill_pk', ['project_id', 'skill_id'])
    .execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_event_org_seq_uq', ['org_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'audit_event',
    'project_skill',
    'project',
    'talent_skill',
    'talent',
    'skill_relation',
    'skill_label',
    'skill',
    'organization',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}

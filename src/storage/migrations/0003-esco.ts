import type { Kysely } from 'kysely';

// Frozen in time: see 0001. ESCO occupations, groups, the broader hierarchy of both pillars, and
// descriptions (ESCO skills themselves live in `skill`, origin 'esco').
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('skill_description')
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skill.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('skill_description_pk', ['skill_id', 'lang'])
    .execute();

  await db.schema
    .createTable('occupation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('uri', 'text')
    .addColumn('isco_code', 'text')
    .addColumn('code', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addUniqueConstraint('occupation_uri_uq', ['uri'])
    .execute();
  await db.schema.createIndex('occupation_isco_idx').on('occupation').column('isco_code').execute();

  await db.schema
    .createTable('occupation_label')
    .addColumn('occupation_id', 'text', (c) => c.notNull().references('occupation.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('occupation_label_pk', ['occupation_id', 'lang', 'kind', 'label'])
    .execute();

  await db.schema
    .createTable('occupation_description')
    .addColumn('occupation_id', 'text', (c) => c.notNull().references('occupation.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('occupation_description_pk', ['occupation_id', 'lang'])
    .execute();

  await db.schema
    .createTable('occupation_skill')
    .addColumn('occupation_id', 'text', (c) => c.notNull().references('occupation.id').onDelete('cascade'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skill.id').onDelete('cascade'))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('occupation_skill_pk', ['occupation_id', 'skill_id'])
    .execute();
  await db.schema
    .createIndex('occupation_skill_skill_idx')
    .on('occupation_skill')
    .column('skill_id')
    .execute();

  // Skill groups (skills hierarchy) and ISCO groups: labels and descriptions in one table each.
  await db.schema
    .createTable('esco_group')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('uri', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addUniqueConstraint('esco_group_uri_uq', ['uri'])
    .execute();
  await db.schema
    .createTable('esco_group_label')
    .addColumn('group_id', 'text', (c) => c.notNull().references('esco_group.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('esco_group_label_pk', ['group_id', 'lang', 'kind', 'label'])
    .execute();
  await db.schema
    .createTable('esco_group_description')
    .addColumn('group_id', 'text', (c) => c.notNull().references('esco_group.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('esco_group_description_pk', ['group_id', 'lang'])
    .execute();

  // Every broader link of both pillars, between Vivier ids of skills, occupations and groups.
  await db.schema
    .createTable('esco_broader')
    .addColumn('concept_id', 'text', (c) => c.notNull())
    .addColumn('broader_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('esco_broader_pk', ['concept_id', 'broader_id'])
    .execute();
  await db.schema.createIndex('esco_broader_broader_idx').on('esco_broader').column('broader_id').execute();

  await db.schema.createIndex('skill_origin_idx').on('skill').column('origin').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('skill_origin_idx').execute();
  for (const t of [
    'esco_broader',
    'esco_group_description',
    'esco_group_label',
    'esco_group',
    'occupation_skill',
    'occupation_description',
    'occupation_label',
    'occupation',
    'skill_description',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}

import { SqliteAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: see 0001. A talent becomes one row: its skills, availability windows and missions move
// from child tables (about 27 rows a profile) into JSON columns of `talent`, each a list of positional
// tuples (docs/decisions/0005-talent-storage-layout.md):
//   skills        [[skillId, level, evidence, years, lastUsed, evidenceDetail], …] by skill id
//   availability  [[start, end, daysPerWeek], …] in order
//   missions      [[title, organization, start, end, industry, businessFunction, outcome, [skillId…]], …]
// The rows of earlier versions are packed here in SQL, then the child tables are dropped.

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = isSqlite(db);
  // SQLite migrations run outside a transaction (Kysely's choice); this one moves data, so it takes one:
  // interrupted, it leaves the database as it was. PostgreSQL runs every migration in one already.
  if (sqlite) await sql`begin`.execute(db);
  try {
    for (const column of ['skills', 'availability', 'missions'])
      await db.schema
        .alterTable('talent')
        .addColumn(column, 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
    if (sqlite) {
      await sql`
        update talent set
          skills = coalesce((
            select json_group_array(json_array(s.skill_id, s.level, s.evidence, s.years, s.last_used,
                                               s.evidence_detail) order by s.skill_id)
            from talent_skill s where s.talent_id = talent.id), '[]'),
          availability = coalesce((
            select json_group_array(json_array(a.start_date, a.end_date, a.days_per_week) order by a.seq)
            from talent_availability a where a.talent_id = talent.id), '[]'),
          missions = coalesce((
            select json_group_array(json_array(m.title, m.organization, m.start_date, m.end_date, m.industry,
                                               m.business_function, m.outcome, json(m.skills)) order by m.seq)
            from talent_mission m where m.talent_id = talent.id), '[]')`.execute(db);
    } else {
      // COLLATE "C": skills in code-point order, as the application sorts them, whatever the database's
      // collation.
      await sql`
        update talent t set
          skills = coalesce((
            select json_agg(json_build_array(s.skill_id, s.level, s.evidence, s.years, s.last_used,
                                             s.evidence_detail) order by s.skill_id collate "C")::text
            from talent_skill s where s.talent_id = t.id), '[]'),
          availability = coalesce((
            select json_agg(json_build_array(a.start_date, a.end_date, a.days_per_week) order by a.seq)::text
            from talent_availability a where a.talent_id = t.id), '[]'),
          missions = coalesce((
            select json_agg(json_build_array(m.title, m.organization, m.start_date, m.end_date, m.industry,
                                             m.business_function, m.outcome, m.skills::json) order by m.seq)::text
            from talent_mission m where m.talent_id = t.id), '[]')`.execute(db);
    }
    for (const t of ['talent_skill', 'talent_availability', 'talent_mission'])
      await db.schema.dropTable(t).execute();
    // A packed row is ≈ 2 KB, just over PostgreSQL's default 2 KB threshold: without this every row would
    // be compressed (pglz) on write and decompressed on read; up to 8 KB it is stored as is.
    if (!sqlite) await sql`alter table talent set (toast_tuple_target = 8160)`.execute(db);
    if (sqlite) await sql`commit`.execute(db);
  } catch (e) {
    if (sqlite) await sql`rollback`.execute(db);
    throw e;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const sqlite = isSqlite(db);
  if (sqlite) await sql`begin`.execute(db);
  try {
    await db.schema
      .createTable('talent_skill')
      .addColumn('talent_id', 'text', (c) => c.notNull().references('talent.id').onDelete('cascade'))
      .addColumn('skill_id', 'text', (c) => c.notNull().references('skill.id'))
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('evidence', 'text')
      .addColumn('years', 'double precision')
      .addColumn('last_used', 'text')
      .addColumn('evidence_detail', 'text')
      .addPrimaryKeyConstraint('talent_skill_pk', ['talent_id', 'skill_id'])
      .execute();
    await db.schema
      .createIndex('talent_skill_skill_idx')
      .on('talent_skill')
      .columns(['skill_id', 'level'])
      .execute();
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
    if (sqlite) {
      await sql`
        insert into talent_skill (talent_id, skill_id, level, evidence, years, last_used, evidence_detail)
        select t.id, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5
        from talent t, json_each(t.skills) j`.execute(db);
      await sql`
        insert into talent_availability (talent_id, seq, start_date, end_date, days_per_week)
        select t.id, j.key, j.value ->> 0, j.value ->> 1, j.value ->> 2
        from talent t, json_each(t.availability) j`.execute(db);
      await sql`
        insert into talent_mission (talent_id, seq, title, organization, start_date, end_date, industry,
                                    business_function, outcome, skills)
        select t.id, j.key, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4,
               j.value ->> 5, j.value ->> 6, j.value -> 7
        from talent t, json_each(t.missions) j`.execute(db);
    } else {
      await sql`
        insert into talent_skill (talent_id, skill_id, level, evidence, years, last_used, evidence_detail)
        select t.id, j.v ->> 0, (j.v ->> 1)::int, j.v ->> 2, (j.v ->> 3)::float8, j.v ->> 4, j.v ->> 5
        from talent t cross join lateral json_array_elements(t.skills::json) as j(v)`.execute(db);
      await sql`
        insert into talent_availability (talent_id, seq, start_date, end_date, days_per_week)
        select t.id, j.n - 1, j.v ->> 0, j.v ->> 1, (j.v ->> 2)::float8
        from talent t cross join lateral json_array_elements(t.availability::json) with ordinality as j(v, n)`.execute(
        db,
      );
      await sql`
        insert into talent_mission (talent_id, seq, title, organization, start_date, end_date, industry,
                                    business_function, outcome, skills)
        select t.id, j.n - 1, j.v ->> 0, j.v ->> 1, j.v ->> 2, j.v ->> 3, j.v ->> 4, j.v ->> 5, j.v ->> 6,
               (j.v -> 7)::text
        from talent t cross join lateral json_array_elements(t.missions::json) with ordinality as j(v, n)`.execute(
        db,
      );
    }
    for (const column of ['skills', 'availability', 'missions'])
      await db.schema.alterTable('talent').dropColumn(column).execute();
    if (!sqlite) await sql`alter table talent reset (toast_tuple_target)`.execute(db);
    if (sqlite) await sql`commit`.execute(db);
  } catch (e) {
    if (sqlite) await sql`rollback`.execute(db);
    throw e;
  }
}

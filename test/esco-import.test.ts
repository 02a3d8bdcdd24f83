import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDomainError } from '../src/core/errors.js';
import { prepareStore, wireServices, type Context } from '../src/main/create-context.js';
import { discoverEscoFiles } from '../src/services/esco-import.service.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import type { Database } from '../src/storage/schema.js';
import { createStore } from '../src/storage/store.js';
import { DIALECTS, fixedClock, testConfig } from './support/databases.js';
import { FIXTURE_FILES, FX, escoId, writeEscoFixture } from './support/esco-fixture.js';

/** Every row of the ESCO tables, in a stable order: what "the same rows" means for a re-import. */
async function snapshot(db: Kysely<Database>): Promise<unknown[]> {
  const out: unknown[] = [];
  out.push(await db.selectFrom('skill').selectAll().where('origin', '=', 'esco').orderBy('id').execute());
  out.push(
    await db
      .selectFrom('skill_label')
      .selectAll()
      .where('skill_id', 'like', 'esco:%')
      .orderBy(['skill_id', 'lang', 'kind', 'label'])
      .execute(),
  );
  out.push(await db.selectFrom('skill_description').selectAll().orderBy(['skill_id', 'lang']).execute());
  out.push(
    await db
      .selectFrom('skill_relation')
      .selectAll()
      .where('from_id', 'like', 'esco:%')
      .orderBy(['from_id', 'to_id'])
      .execute(),
  );
  out.push(await db.selectFrom('occupation').selectAll().orderBy('id').execute());
  out.push(
    await db
      .selectFrom('occupation_label')
      .selectAll()
      .orderBy(['occupation_id', 'lang', 'kind', 'label'])
      .execute(),
  );
  out.push(
    await db.selectFrom('occupation_description').selectAll().orderBy(['occupation_id', 'lang']).execute(),
  );
  out.push(
    await db.selectFrom('occupation_skill').selectAll().orderBy(['occupation_id', 'skill_id']).execute(),
  );
  out.push(await db.selectFrom('esco_group').selectAll().orderBy('id').execute());
  out.push(
    await db
      .selectFrom('esco_group_label')
      .selectAll()
      .orderBy(['group_id', 'lang', 'kind', 'label'])
      .execute(),
  );
  out.push(await db.selectFrom('esco_broader').selectAll().orderBy(['concept_id', 'broader_id']).execute());
  return out;
}

describe.each(DIALECTS)('ESCO import on $name', (dialectCase) => {
  let ctx: Context;
  let db: Kysely<Database>;
  const dirs: string[] = [];
  const fixture = (changes: Record<string, string | null> = {}) => {
    const d = writeEscoFixture(changes);
    dirs.push(d);
    return d;
  };
  beforeEach(async () => {
    const opened = await dialectCase.open();
    db = opened.db;
    await migrateToLatest(db, opened.dialect);
    const store = createStore(db, opened.dialect);
    const config = testConfig();
    const services = wireServices(config, store, fixedClock());
    await prepareStore(store, services, fixedClock());
    ctx = { config, store, services, close: opened.cleanup };
  });
  afterEach(async () => {
    await ctx.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('imports skills, occupations, groups and relations in every language present', async () => {
    const r = await ctx.services.escoImport.import(fixture());
    expect(r.languages).toEqual(['en', 'fr']);
    expect(r.counts).toMatchObject({
      skills: 5,
      skillDescriptions: 5,
      skillRelations: 2,
      occupations: 2,
      occupationSkills: 3,
      groups: 3,
    });
    expect(r.skipped.rows).toBe(0);

    const { taxonomy } = await ctx.services.taxonomy.get();
    const accounting = taxonomy.byId.get(escoId(FX.accounting));
    expect(accounting?.escoUri).toBe(FX.accounting);
    expect(accounting?.type).toBe('knowledge');
    expect(accounting?.domain).toBe('general');
    expect(accounting?.labels.en).toEqual({ label: 'accounting', aliases: ['accountancy', 'bookkeeping'] });
    // French from the extra label file (no skills_fr.csv), aliases split on '|'.
    expect(accounting?.labels.fr.label).toBe('comptabilité');
    expect(accounting?.labels.fr.aliases.sort()).toEqual(['comptabilité générale', 'tenue de livres']);
    // A skill without a French label shows its English one in French.
    expect(taxonomy.byId.get(escoId(FX.musicStaff))?.labels.fr.label).toBe('manage musical staff');
    // Multi-line quoted alt labels, the preferred label not repeated as an alias.
    expect(taxonomy.byId.get(escoId(FX.musicStaff))?.labels.en.aliases.sort()).toEqual([
      'direct musical staff',
      'manage staff of music',
    ]);
    // Broader: skill → skill kept on the skill; skill → group only in the hierarchy table.
    expect(taxonomy.byId.get(escoId(FX.bigData))?.broader).toBe(escoId(FX.dataAnalysis));
    expect(taxonomy.byId.get(escoId(FX.python))?.broader).toBeNull();
    // Transfer weights: essential 0.5, optional 0.25.
    expect(taxonomy.byId.get(escoId(FX.bigData))?.related).toEqual({ [escoId(FX.python)]: 0.5 });
    expect(taxonomy.byId.get(escoId(FX.accounting))?.related).toEqual({ [escoId(FX.dataAnalysis)]: 0.25 });
    // Built-in skills keep their ids and still point at ESCO.
    expect(taxonomy.byId.get('python')?.escoUri).toBe(FX.python);

    const occupations = await ctx.store.esco.loadOccupations();
    const analyst = occupations.find((o) => o.uri === FX.dataAnalyst);
    expect(analyst?.id).toBe(escoId(FX.dataAnalyst));
    expect(analyst?.labels).toContainEqual({ lang: 'fr', kind: 'preferred', label: 'analyste de données' });
    expect(analyst?.labels).toContainEqual({ lang: 'en', kind: 'alias', label: 'data analysis specialist' });
    const descriptions = await ctx.store.esco.loadSkillDescriptions();
    expect(descriptions.get(escoId(FX.python))).toEqual([
      'The techniques and principles of software development in Python.',
    ]);
  });

  it('re-importing gives the same rows', async () => {
    const dir = fixture();
    await ctx.services.escoImport.import(dir);
    const first = await snapshot(db);
    const again = await ctx.services.escoImport.import(dir);
    expect(await snapshot(db)).toEqual(first);
    expect(again.counts.skills).toBe(5);
  });

  it('a missing skills or occupations file is an error naming it; nothing is imported', async () => {
    for (const [missing, message] of [
      ['en/skills_en.csv', /no skills_<lang>\.csv file found/],
      ['en/occupations_en.csv', null],
    ] as const) {
      const changes: Record<string, null> = { [missing]: null };
      if (missing === 'en/occupations_en.csv') changes['fr/occupations_fr.csv'] = null;
      const err = await ctx.services.escoImport.import(fixture(changes)).catch((e: unknown) => e);
      expect(isDomainError(err)).toBe(true);
      expect((err as Error).message).toMatch(message ?? /no occupations_<lang>\.csv file found/);
    }
    expect((await ctx.store.esco.counts()).skills).toBe(0);
    const absent = await ctx.services.escoImport.import('/no/such/dir').catch((e: unknown) => e);
    expect((absent as Error).message).toMatch(/"\/no\/such\/dir" does not exist/);
  });

  it('a malformed row or a missing column is an error naming file and line; nothing is imported', async () => {
    await ctx.services.escoImport.import(fixture());
    const before = await snapshot(db);
    const relations = FIXTURE_FILES['relations/occupationSkillRelations.csv']!.split('\n');
    relations[2] = relations[2]!.replace('optional', 'sometimes');
    // The first record spans 4 lines (quoted multi-line cells): the bad record starts on line 7.
    const skills = FIXTURE_FILES['en/skills_en.csv']!.replace(
      `KnowledgeSkillCompetence,${FX.accounting}`,
      'KnowledgeSkillCompetence,http://example.org/accounting',
    );
    const cases: [Record<string, string>, RegExp][] = [
      [
        { 'relations/occupationSkillRelations.csv': relations.join('\n') },
        /relations\/occupationSkillRelations\.csv line 3: relationType must be "essential" or "optional", got "sometimes"/,
      ],
      [
        { 'en/skills_en.csv': skills },
        /en\/skills_en\.csv line 7: conceptUri "http:\/\/example\.org\/accounting" is not an ESCO skill URI/,
      ],
      [
        { 'en/skills_en.csv': FIXTURE_FILES['en/skills_en.csv']!.replace(',preferredLabel,', ',prefLabel,') },
        /en\/skills_en\.csv line 1: missing column "preferredLabel"/,
      ],
      [
        {
          'relations/skillSkillRelations.csv': `${FIXTURE_FILES['relations/skillSkillRelations.csv']}\n${FX.python},knowledge,essential,knowledge,${FX.accounting},extra`,
        },
        /relations\/skillSkillRelations\.csv line 4: Invalid Record Length/,
      ],
      [
        {
          'en/occupations_en.csv': `${FIXTURE_FILES['en/occupations_en.csv']}\nOccupation,"${FX.accountant},2411`,
        },
        /en\/occupations_en\.csv line 6: Quote Not Closed/,
      ],
    ];
    for (const [changes, message] of cases) {
      const err = await ctx.services.escoImport.import(fixture(changes)).catch((e: unknown) => e);
      expect(isDomainError(err), `${String(message)} → ${JSON.stringify(err).slice(0, 300)}`).toBe(true);
      expect((err as Error).message).toMatch(message);
      expect(await snapshot(db)).toEqual(before);
    }
  });
});

const SHARED_ESCO = fileURLToPath(new URL('../../shared/evaldata/esco-v1.1.1/', import.meta.url));
const sharedMissing = !existsSync(SHARED_ESCO);
if (sharedMissing) console.warn(`ESCO download test skipped: ${SHARED_ESCO} is absent`);

describe.skipIf(sharedMissing)('the shared ESCO v1.1.1 download', () => {
  it('is found by file name: skills, occupations in en and fr, relations, the extra French labels', async () => {
    const files = await discoverEscoFiles(SHARED_ESCO);
    expect([...(files.byLang.get('skills')?.keys() ?? [])]).toEqual(['en']);
    expect([...(files.byLang.get('occupations')?.keys() ?? [])].sort()).toEqual(['en', 'fr']);
    expect([...files.relations.keys()].sort()).toEqual([
      'broaderOcc',
      'broaderSkill',
      'occupationSkill',
      'skillSkill',
    ]);
    expect(files.extraLabels.map((f) => f.path.replace(SHARED_ESCO, ''))).toEqual(['skills_fr_merged.csv']);
    expect(files.extraLabels[0]?.langs).toEqual(['en', 'fr']);
  });
});

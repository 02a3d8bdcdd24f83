import type { Kysely } from 'kysely';
import type { Store } from '../services/ports.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { AuditRepository } from './audit.repository.js';
import { EscoRepository } from './esco.repository.js';
import { ImportRepository } from './import.repository.js';
import { nativeSqliteOf } from './native-sqlite.js';
import { ProjectRepository } from './project.repository.js';
import type { Database } from './schema.js';
import { enterBulkJournal, leaveBulkJournal } from './sqlite-bulk-journal.js';
import { TalentRepository } from './talent.repository.js';
import { TaxonomyRepository } from './taxonomy.repository.js';

/** Binds the repositories to one connection or transaction. */
function bind(db: Kysely<Database>, dialect: Store['dialect'], root: Kysely<Database>): Store {
  const store: Store = {
    dialect,
    analytics: new AnalyticsRepository(db, dialect),
    taxonomy: new TaxonomyRepository(db),
    esco: new EscoRepository(db, dialect),
    talents: new TalentRepository(db, dialect, root),
    projects: new ProjectRepository(db),
    audit: new AuditRepository(db),
    imports: new ImportRepository(db, dialect, root),
    async ensureOrganization(id, name, at) {
      await db
        .insertInto('organization')
        .values({ id, name, created_at: at })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    async getMeta(key) {
      const r = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
      return r?.value ?? null;
    },
    async setMeta(key, value) {
      await db
        .insertInto('meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    },
    async transaction(fn, options) {
      // Nested calls join the outer transaction: Kysely has no savepoints across both dialects here.
      if (db.isTransaction) return fn(store);
      const handle = options?.bulk ? nativeSqliteOf(root) : null;
      if (!handle) return db.transaction().execute((trx) => fn(bind(trx, dialect, root)));
      // The connection held from the journal switch to the switch back (sqlite-bulk-journal.ts).
      return db.connection().execute(async (conn) => {
        const journal = enterBulkJournal(handle);
        try {
          return await conn.transaction().execute((trx) => fn(bind(trx, dialect, root)));
        } finally {
          if (journal === 'journal') leaveBulkJournal(handle);
        }
      });
    },
    async close() {
      await root.destroy();
    },
  };
  return store;
}

export function createStore(db: Kysely<Database>, dialect: Store['dialect']): Store {
  return bind(db, dialect, db);
}

import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-pool-model.js';
import * as m0003 from './0003-esco.js';
import * as m0004 from './0004-import.js';
import * as m0005 from './0005-talent-packed.js';

/** The one ordered migration set, for SQLite and PostgreSQL alike. Append; never edit a released entry. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-pool-model': m0002,
  '0003-esco': m0003,
  '0004-import': m0004,
  '0005-talent-packed': m0005,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

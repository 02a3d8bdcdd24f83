import type { Config } from '../config/env-to-config.js';
import { AnalyticsService } from '../services/analytics.service.js';
import { AuditService } from '../services/audit.service.js';
import { systemClock, type Clock } from '../services/clock.js';
import { DemoService } from '../services/demo.service.js';
import { EscoImportService } from '../services/esco-import.service.js';
import { CvService } from '../services/cv.service.js';
import { ExtractionService } from '../services/extraction.service.js';
import { ImportService } from '../services/import.service.js';
import { MatchingService } from '../services/matching.service.js';
import { OccupationService } from '../services/occupation.service.js';
import { BriefsService } from '../services/briefs.service.js';
import { DEFAULT_ORG, type Store } from '../services/ports.js';
import { ProjectsService } from '../services/projects.service.js';
import { ReadinessService } from '../services/readiness.service.js';
import { TalentChanges } from '../services/talent-changes.js';
import { TalentsService } from '../services/talents.service.js';
import { TeamService } from '../services/team.service.js';
import { TaxonomyService } from '../services/taxonomy.service.js';
import { migrateToLatest } from '../storage/migrate.js';
import { openDatabase } from '../storage/open-database.js';
import { createStore } from '../storage/store.js';

export interface Services {
  analytics: AnalyticsService;
  taxonomy: TaxonomyService;
  extraction: ExtractionService;
  projects: ProjectsService;
  matching: MatchingService;
  demo: DemoService;
  audit: AuditService;
  occupations: OccupationService;
  briefs: BriefsService;
  escoImport: EscoImportService;
  readiness: ReadinessService;
  imports: ImportService;
  cv: CvService;
  talents: TalentsService;
  teams: TeamService;
}

export interface Context {
  config: Config;
  store: Store;
  services: Services;
  close(): Promise<void>;
}

/** Wires services to a store. Tests use it with a store of their own (PGlite, a given clock). */
export function wireServices(config: Config, storage: Store, clock: Clock = systemClock): Services {
  // Services write talents through this store: each write is journaled in its transaction (for other
  // processes) and told to the matching index after commit (this one), see services/talent-changes.ts.
  const talentChanges = new TalentChanges();
  const store = talentChanges.journaled(storage);
  const taxonomy = new TaxonomyService(store);
  const projects = new ProjectsService(store);
  const audit = new AuditService(clock);
  const occupations = new OccupationService(store);
  const extraction = new ExtractionService(taxonomy, config.limits);
  const imports = new ImportService(store, taxonomy, audit, clock);
  const matching = new MatchingService(store, taxonomy, projects);
  talentChanges.subscribe(matching);
  return {
    analytics: new AnalyticsService(store, taxonomy),
    taxonomy,
    extraction,
    projects,
    matching,
    teams: new TeamService(projects, matching),
    demo: new DemoService(store, taxonomy, audit, clock),
    audit,
    occupations,
    escoImport: new EscoImportService(store, taxonomy, () => occupations.invalidate()),
    readiness: new ReadinessService(store, taxonomy, projects),
    imports,
    cv: new CvService(extraction, imports, occupations),
    briefs: new BriefsService(taxonomy, extraction),
    talents: new TalentsService(store, taxonomy),
  };
}

/** Prepares a store: schema at the latest migration, the built-in taxonomy in place, the default organization. */
export async function prepareStore(
  store: Store,
  services: Services,
  clock: Clock = systemClock,
): Promise<void> {
  await store.ensureOrganization(DEFAULT_ORG, 'Default organization', clock.now());
  await services.taxonomy.syncBuiltin();
}

/** The single wiring point, used by the server and the CLI alike. */
export async function createContext(config: Config, clock: Clock = systemClock): Promise<Context> {
  const { db, dialect } = openDatabase(config.db);
  try {
    await migrateToLatest(db, dialect);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  const store = createStore(db, dialect);
  const services = wireServices(config, store, clock);
  await prepareStore(store, services, clock);
  return { config, store, services, close: () => store.close() };
}

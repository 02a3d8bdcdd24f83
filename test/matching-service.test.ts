/**
 * MatchingService over its in-memory index, on every dialect: the same matches as scoring every stored
 * talent (rankCandidates, counterfactuals included) after inserts, updates and deletes; writes of this
 * process visible to the next ranking, writes of another process (another wiring on the same database)
 * after the journal check, neither by a rebuild; taxonomy domain changes; weights per organization.
 */
import type { Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { counterfactuals } from '../src/core/matching/counterfactuals.js';
import { profileFacts, projectProfile } from '../src/core/matching/profile.js';
import { rankCandidates } from '../src/core/matching/rank-candidates.js';
import { DEFAULT_WEIGHTS, resolveWeights, scoringContext } from '../src/core/matching/score-candidate.js';
import { packTalent, unpackMissions, unpackSkills } from '../src/core/import/packed-talent.js';
import type { Candidate, HeldSkill, MissionFacts } from '../src/core/matching/types.js';
import type { Project, Talent, TalentSkill } from '../src/core/model.js';
import type { Domain } from '../src/core/taxonomy/types.js';
import { CORE_DOMAINS } from '../src/core/taxonomy/types.js';
import { prepareStore, wireServices, type Services } from '../src/main/create-context.js';
import { textSource } from '../src/services/import-readers.js';
import { MatchingService, type MatchOptions, type RankedMatch } from '../src/services/matching.service.js';
import { DEFAULT_ORG, type Store } from '../src/services/ports.js';
import { appendJournal, JOURNAL_SLOTS } from '../src/services/talent-changes.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { openDatabase } from '../src/storage/open-database.js';
import type { Database } from '../src/storage/schema.js';
import { createStore } from '../src/storage/store.js';
import {
  heldSkillsOf,
  IN_FLIGHT,
  missionFactsOf,
  scanHeldSkills,
  scanMissionFacts,
  TalentCandidatesRepository,
  WorkerReader,
} from '../src/storage/talent-candidates.repository.js';
import { DIALECTS, fixedClock, pgSkipReason, testConfig } from './support/databases.js';

if (pgSkipReason) console.warn(pgSkipReason);

const ORG_B = 'org-b';

interface Env {
  db: Kysely<Database>;
  /** The raw store (no journaling): what another process's reader sees. */
  store: Store;
  services: Services;
  cleanup(): Promise<void>;
}

/** The exhaustive reference: every stored talent scored, counterfactuals from the stored records. */
async function reference(
  env: Env,
  projectId: string,
  options: MatchOptions,
  orgId = DEFAULT_ORG,
): Promise<RankedMatch[]> {
  const project = await env.services.projects.get(projectId, orgId);
  const own = await env.services.matching.getWeights(orgId);
  const weights = options.weights ? resolveWeights({ ...own, ...options.weights }) : own;
  const { adjacency, taxonomy } = await env.services.taxonomy.get();
  const domains = new Map<string, Domain>(taxonomy.skills.map((s) => [s.id, s.domain]));
  const domainOf = (id: string) => domains.get(id);
  const talents = await env.store.talents.listAll(orgId);
  const ranked = rankCandidates(
    talents,
    project,
    { adjacency, domainOf },
    { top: options.top, filters: options.filters, weights },
  );
  const ctx = scoringContext(project.requirements, adjacency, weights, projectProfile(project));
  const byId = new Map(talents.map((t) => [t.id, t]));
  const limit = options.counterfactuals ?? 3;
  return ranked.map((m) => {
    const t = byId.get(m.talentId) as Talent;
    return {
      ...m,
      counterfactuals: limit > 0 ? counterfactuals(t, profileFacts(t, domainOf), ctx, limit, domainOf) : [],
    };
  });
}

const skill = (skillId: string, level: number): TalentSkill => ({
  skillId,
  level,
  evidence: 'mission',
  years: null,
  lastUsed: null,
  evidenceDetail: null,
});

const talentOf = (id: string, skills: TalentSkill[]): Talent => ({
  id,
  externalId: null,
  source: 'freelance',
  name: `Talent ${id}`,
  email: null,
  phone: null,
  headline: '',
  occupationId: null,
  location: 'Lyon',
  remote: 'hybrid',
  languages: ['fr'],
  dailyCost: 700,
  skills,
  industries: [],
  functions: [],
  availability: [],
  missions: [],
  consentAt: null,
  retainUntil: null,
});

/** A talent holding every requirement of `project` at level 5: ranks first. */
const expert = (t: Talent, project: Project): Talent => ({
  ...t,
  skills: [
    ...t.skills.filter((s) => !project.requirements.some((r) => r.skillId === s.skillId)),
    ...project.requirements.map((r) => skill(r.skillId, 5)),
  ],
  availability: [],
});

async function importTalents(services: Services, talents: readonly Talent[], orgId = DEFAULT_ORG) {
  const s = await services.imports.import(
    textSource('talents.jsonl', talents.map((t) => JSON.stringify(t)).join('\n')),
    { kind: 'talents', format: 'jsonl', orgId },
  );
  expect(s.imported).toBe(true);
  expect(s.rejected).toBe(0);
}

/** The reference: the packed lists through JSON.parse, as unpackTalent reads them. */
const parsedSkills = (text: string): HeldSkill[] =>
  unpackSkills(text).map((s) => ({ skillId: s.skillId, level: s.level, evidence: s.evidence }));
const parsedMissions = (text: string): MissionFacts[] =>
  unpackMissions(text).map((m) => ({
    industry: m.industry,
    businessFunction: m.businessFunction,
    outcome: m.outcome,
  }));

describe('reading packed skills and missions without JSON.parse', () => {
  it('gives what JSON.parse gives on random texts: escapes, odd numbers, other spacing', () => {
    let seed = 3;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const strings = [
      'python',
      'a"b',
      'back\\slash',
      'line\nbreak',
      'é🙂',
      '',
      ' ',
      ',]',
      '[x]',
      'null',
      '\u0001',
    ];
    const str = () => pick(strings) + (rand() < 0.5 ? String(Math.floor(rand() * 100)) : '');
    const optStr = () => (rand() < 0.3 ? null : str());
    const num = () => pick([0, 1, 3, 5, 2.5, -0, -1, 1e21, 1e-7, 123456789, 0.1 + 0.2]);
    const optNum = () => (rand() < 0.5 ? null : num());
    let scanned = 0;
    for (let k = 0; k < 2000; k++) {
      const skills = Array.from({ length: Math.floor(rand() * 6) }, () => [
        str(),
        num(),
        optStr(),
        optNum(),
        optStr(),
        optStr(),
      ]);
      const missions = Array.from({ length: Math.floor(rand() * 4) }, () => [
        str(),
        optStr(),
        str(),
        optStr(),
        optStr(),
        optStr(),
        optStr(),
        Array.from({ length: Math.floor(rand() * 3) }, str),
      ]);
      // PostgreSQL's json_agg (migration 0005) spaces its output: that must read the same.
      const spaced = (x: unknown) => JSON.stringify(x, null, rand() < 0.5 ? 0 : 1);
      for (const text of [JSON.stringify(skills), spaced(skills)]) {
        expect(heldSkillsOf(text), text).toEqual(parsedSkills(text));
        if (scanHeldSkills(text)) scanned++;
      }
      for (const text of [JSON.stringify(missions), spaced(missions)])
        expect(missionFactsOf(text), text).toEqual(parsedMissions(text));
    }
    // Most texts take the fast path (ids and evidence without escapes), not only the fallback.
    expect(scanned).toBeGreaterThan(500);
    expect(Object.is(heldSkillsOf('[["a",-0,null,null,null,null]]')[0]!.level, -0)).toBe(true);
  });

  it('reads what packTalent writes without falling back', () => {
    const t = talentOf('t1', [skill('python', 3), { ...skill('sql', 2.5), evidenceDetail: 'said "yes"\n' }]);
    const packed = packTalent({
      ...t,
      missions: [
        {
          title: 'A "quoted", [bracketed] title\\',
          organization: null,
          start: '2024-01-01',
          end: null,
          industry: 'banking',
          businessFunction: null,
          outcome: 'production',
          skills: ['python', 'sql'],
        },
      ],
    });
    expect(scanHeldSkills(packed.skills)).toEqual(parsedSkills(packed.skills));
    expect(scanMissionFacts(packed.missions)).toEqual(parsedMissions(packed.missions));
  });
});

describe.each(DIALECTS)('MatchingService on $name', (dialectCase) => {
  let env: Env;
  /** The demo's projects, and the same with one must-have each (see beforeEach). */
  let demo: Project[];
  let projects: Project[];

  // One database per dialect (setting one up is most of the time on PGlite); each test gets a fresh
  // wiring (new index, counters at zero) and asserts against the stored state as earlier tests left it.
  beforeAll(async () => {
    const { db, dialect, cleanup } = await dialectCase.open();
    await migrateToLatest(db, dialect);
    const store = createStore(db, dialect);
    const services = wireServices(testConfig(), store, fixedClock());
    await prepareStore(store, services, fixedClock());
    await services.demo.seed({ talents: 150, projects: 8, seed: 11 });
    env = { db, store, services, cleanup };
    demo = await Promise.all((await services.projects.list()).map((p) => services.projects.get(p.id)));
    // In a pool of 150, nobody holds every must-have of a demo project: the test projects keep one, on
    // the requirement held by the most talents, so that rankings are long and must-haves still exclude.
    const holders = new Map<string, number>();
    for (const t of await store.talents.listAll(DEFAULT_ORG))
      for (const s of t.skills) holders.set(s.skillId, (holders.get(s.skillId) ?? 0) + 1);
    projects = demo.map((p, i) => {
      const most = [...p.requirements].sort(
        (a, b) => (holders.get(b.skillId) ?? 0) - (holders.get(a.skillId) ?? 0),
      )[0];
      return {
        ...p,
        id: `prj-test-${i}`,
        externalId: null,
        requirements: p.requirements.map((r) => ({ ...r, must: r === most })),
      };
    });
    await store.projects.upsertMany(DEFAULT_ORG, projects, '2026-01-15T10:00:00.000Z');
  });
  beforeEach(() => {
    env.services = wireServices(testConfig(), env.store, fixedClock());
  });
  afterAll(async () => {
    await env.cleanup();
  });

  it('streamCandidates gives what ranking reads of the talents streamAll gives, batch for batch', async () => {
    const at = '2026-01-15T10:00:00.000Z';
    const org = 'org-candidates';
    await env.store.ensureOrganization(org, 'Candidates', at);
    const odd: Talent = {
      ...talentOf('c2', [
        skill('python', 2.5),
        { ...skill('sql', 4), evidence: null, evidenceDetail: 'a "b"\\' },
      ]),
      source: 'employee',
      dailyCost: 612.75,
      languages: [],
      location: 'Zoë "Ville"',
      industries: ['banking'],
      functions: ['it'],
      availability: [{ start: '2026-02-02', end: '2026-05-29', daysPerWeek: 2.5 }],
      missions: [
        {
          title: 'A "quoted" title, with [brackets]',
          organization: 'Org\\',
          start: '2024-01-01',
          end: null,
          industry: 'retail',
          businessFunction: null,
          outcome: 'production',
          skills: ['python'],
        },
      ],
    };
    const own = [talentOf('c1', []), odd, talentOf('c3', [skill('python', 5)])];
    await env.store.talents.upsertMany(org, own, at);
    const asCandidate = (t: Talent): Candidate => ({
      id: t.id,
      name: t.name,
      source: t.source,
      skills: t.skills.map((s) => ({ skillId: s.skillId, level: s.level, evidence: s.evidence })),
      industries: t.industries,
      functions: t.functions,
      missions: t.missions.map((m) => ({
        industry: m.industry,
        businessFunction: m.businessFunction,
        outcome: m.outcome,
      })),
      availability: t.availability,
      dailyCost: t.dailyCost,
      languages: t.languages,
      location: t.location,
      remote: t.remote,
    });
    for (const [orgId, size] of [
      [DEFAULT_ORG, 40],
      [org, 2],
      ['org-none', 10],
    ] as const) {
      const talents: Talent[][] = [];
      for await (const b of env.store.talents.streamAll(orgId, size)) talents.push(b);
      const candidates: Candidate[][] = [];
      for await (const b of env.store.talents.streamCandidates(orgId, size)) candidates.push(b);
      expect(candidates).toEqual(talents.map((b) => b.map(asCandidate)));
    }
    const mine: Candidate[] = [];
    for await (const b of env.store.talents.streamCandidates(org)) mine.push(...b);
    expect(mine).toEqual(own.map(asCandidate));
  });

  it('ranks exactly as scoring every talent: filters, weights, must-haves, counterfactuals', async () => {
    const talents = await env.store.talents.listAll(DEFAULT_ORG);
    const place = (talents.find((t) => t.location !== '') ?? talents[0])?.location ?? 'Paris';
    let matched = 0;
    for (const project of [demo[0]!, ...projects.slice(0, 4)]) {
      const optionSets: MatchOptions[] = [
        { top: 10 },
        { top: 200, counterfactuals: 2 },
        { top: 5, counterfactuals: 0 },
        { top: 10, filters: { source: 'employee' } },
        { top: 10, filters: { source: 'freelance', maxRate: 800 } },
        { top: 10, filters: { languages: ['en'] } },
        { top: 10, filters: { location: { place, remoteOk: true } } },
        { top: 10, filters: { industries: ['banking', 'retail'] } },
        {
          top: 10,
          filters: { available: { start: project.startDate, end: project.endDate, minDaysPerWeek: 2 } },
        },
        { top: 10, weights: { coverage: 1, budget: 0.5, breadth: 0.2 } },
      ];
      for (const options of optionSets) {
        const r = await env.services.matching.matchProject(project.id, options);
        expect(r.matches).toEqual(await reference(env, project.id, options));
        matched += r.matches.length;
        expect(r.considered).toBe(talents.length);
        expect(r.weights).toEqual(
          options.weights ? resolveWeights({ ...DEFAULT_WEIGHTS, ...options.weights }) : DEFAULT_WEIGHTS,
        );
        if (options.counterfactuals === 0)
          expect(r.matches.every((m) => m.counterfactuals.length === 0)).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(200);
    expect(env.services.matching.activity.builds).toBe(1);
    await expect(
      env.services.matching.matchProject(projects[0]!.id, { top: 5, filters: { maxRate: -1 } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('a write of this process is in the next ranking, without a rebuild or a storage read', async () => {
    const { matching } = env.services;
    const project = projects[0]!;
    const options: MatchOptions = { top: 10 };
    const talents = await env.store.talents.listAll(DEFAULT_ORG);
    const before = await matching.matchProject(project.id, options);
    expect(matching.activity.builds).toBe(1);
    const top = before.matches[0]!.talentId;
    const low = talents.find((t) => !before.matches.some((m) => m.talentId === t.id))!;
    const fresh: Talent = {
      ...expert(low, project),
      id: 'tal-new-expert',
      externalId: 'ext-new-expert',
      email: 'new.expert@example.org',
      name: 'New Expert',
    };
    // An update (a low-ranked talent becomes an expert), an update down (the first loses every skill)
    // and an insert, in one import.
    await importTalents(env.services, [
      expert(low, project),
      { ...talents.find((t) => t.id === top)!, skills: [] },
      fresh,
    ]);
    const after = await matching.matchProject(project.id, options);
    expect(after.matches).toEqual(await reference(env, project.id, options));
    const ids = after.matches.map((m) => m.talentId);
    expect(ids).toContain(low.id);
    expect(ids).toContain(fresh.id);
    expect(ids).not.toContain(top);
    expect(after.considered).toBe(talents.length + 1);
    expect(matching.activity).toMatchObject({ builds: 1, syncs: 0, applied: 3 });
  });

  it('writes of another process are found through the journal once a second, loading only them', async () => {
    // The reader is another wiring on the same database: it hears nothing from this one's writes.
    const other = wireServices(testConfig(), env.store, fixedClock());
    let now = 0;
    const reader = new MatchingService(env.store, other.taxonomy, other.projects, { now: () => now });
    const project = projects[1]!;
    const options: MatchOptions = { top: 8 };
    const stale = await reference(env, project.id, options);
    expect((await reader.matchProject(project.id, options)).matches).toEqual(stale);

    const talents = await env.store.talents.listAll(DEFAULT_ORG);
    const changed = [expert(talents[3]!, project), expert(talents[77]!, project)];
    await importTalents(env.services, changed);
    const updated = await reference(env, project.id, options);
    expect(updated).not.toEqual(stale);
    // Within the second: the journal is not read yet.
    now = 999;
    expect((await reader.matchProject(project.id, options)).matches).toEqual(stale);
    now = 1000;
    expect((await reader.matchProject(project.id, options)).matches).toEqual(updated);
    expect(reader.activity).toMatchObject({ builds: 1, syncs: 1, applied: changed.length });

    // A delete, journaled by its writer in its transaction (no port deletes talents yet: erasure will).
    const gone = updated[0]!.talentId;
    await env.db.deleteFrom('talent').where('id', '=', gone).execute();
    await env.store.transaction((tx) => appendJournal(tx, DEFAULT_ORG, [gone]));
    now = 2000;
    const afterDelete = await reader.matchProject(project.id, options);
    expect(afterDelete.matches.map((m) => m.talentId)).not.toContain(gone);
    expect(afterDelete.matches).toEqual(await reference(env, project.id, options));
    expect(afterDelete.considered).toBe(talents.length - 1);
    expect(reader.activity).toMatchObject({ builds: 1, syncs: 2, applied: changed.length + 1 });

    // Nothing new: one read of the revision, nothing loaded.
    now = 3000;
    await reader.matchProject(project.id, options);
    expect(reader.activity).toMatchObject({ builds: 1, syncs: 2 });

    // A write too large to list, then a reader more than a ring behind: rebuilt from storage.
    await env.store.transaction((tx) => appendJournal(tx, DEFAULT_ORG, null));
    now = 4000;
    expect((await reader.matchProject(project.id, options)).matches).toEqual(
      await reference(env, project.id, options),
    );
    expect(reader.activity.builds).toBe(2);
    for (let i = 0; i <= JOURNAL_SLOTS; i++)
      await env.store.transaction((tx) => appendJournal(tx, DEFAULT_ORG, []));
    now = 5000;
    await reader.matchProject(project.id, options);
    expect(reader.activity.builds).toBe(3);
  });

  it('a demo reseed in this process (too large to list) is picked up by a rebuild', async () => {
    const { matching } = env.services;
    const project = projects[2]!;
    await matching.matchProject(project.id, { top: 5 });
    // Over MAX_JOURNALED_IDS would take a large seed; a reseed of the same pool lists its ids instead and
    // changes nothing, so the index is applied to, not rebuilt.
    await env.services.demo.seed({ talents: 150, projects: 8, seed: 11 });
    const r = await matching.matchProject(project.id, { top: 5 });
    expect(r.matches).toEqual(await reference(env, project.id, { top: 5 }));
    expect(matching.activity.builds).toBe(1);
    expect(matching.activity.applied).toBe(150);
    // Told "anything may have changed" (a seed over MAX_JOURNALED_IDS): rebuilt at the next query.
    const rev = await env.store.transaction((tx) => appendJournal(tx, DEFAULT_ORG, null));
    matching.talentsChanged({ orgId: DEFAULT_ORG, rev, upserted: [], removed: [], all: true });
    expect((await matching.matchProject(project.id, { top: 5 })).matches).toEqual(r.matches);
    expect(matching.activity.builds).toBe(2);
  });

  it('a taxonomy change moving a skill to another domain refreshes the index, no rebuild', async () => {
    const { matching, taxonomy } = env.services;
    const project = projects[3]!;
    const options: MatchOptions = { top: 30 };
    const before = await matching.matchProject(project.id, options);
    // The core-domain skill held at level ≥ 3 by the most talents moves to another core domain.
    const talents = await env.store.talents.listAll(DEFAULT_ORG);
    const { taxonomy: tax } = await taxonomy.get();
    const held = new Map<string, number>();
    for (const t of talents)
      for (const s of t.skills)
        if (s.level >= 3 && CORE_DOMAINS.includes(tax.byId.get(s.skillId)!.domain))
          held.set(s.skillId, (held.get(s.skillId) ?? 0) + 1);
    const [moved] = [...held].sort((a, b) => b[1] - a[1])[0]!;
    const from = tax.byId.get(moved)!.domain;
    const to = CORE_DOMAINS.find((d) => d !== from)!;
    await env.store.taxonomy.replaceOrigin(
      'vivier',
      tax.skills.map((s) => (s.id === moved ? { ...s, domain: to } : s)),
    );
    taxonomy.invalidate();
    const after = await matching.matchProject(project.id, options);
    expect(after.matches).toEqual(await reference(env, project.id, options));
    expect(after.matches).not.toEqual(before.matches);
    expect(matching.activity.builds).toBe(1);
  });

  it('weights are per organization, and each organization ranks its own talents', async () => {
    const { matching } = env.services;
    await env.store.ensureOrganization(ORG_B, 'B', '2026-01-01T00:00:00.000Z');
    const project = projects[0]!;
    const talents = await env.store.talents.listAll(DEFAULT_ORG);
    const mine = talents.slice(0, 3).map((t, i) => ({
      ...expert(t, project),
      id: `tal-b-${i}`,
      externalId: `b-${i}`,
      email: `b${i}@example.org`,
    }));
    await importTalents(env.services, mine, ORG_B);
    await env.store.projects.upsertMany(ORG_B, [{ ...project, id: 'prj-b' }], '2026-01-01T00:00:00.000Z');

    const set = await matching.setWeights({ coverage: 3, budget: 1 }, ORG_B);
    expect(set).toEqual(resolveWeights({ coverage: 3, budget: 1 }));
    expect(await matching.getWeights(ORG_B)).toEqual(set);
    expect(await matching.getWeights(DEFAULT_ORG)).toEqual(DEFAULT_WEIGHTS);
    await expect(matching.setWeights({ coverage: -1 }, ORG_B)).rejects.toMatchObject({
      code: 'invalid_input',
    });

    const b = await matching.matchProject('prj-b', { top: 10 }, ORG_B);
    expect(b.weights).toEqual(set);
    expect(b.considered).toBe(3);
    expect(b.matches.map((m) => m.talentId).sort()).toEqual(mine.map((t) => t.id));
    expect(b.matches).toEqual(await reference(env, 'prj-b', { top: 10 }, ORG_B));
    const a = await matching.matchProject(project.id, { top: 10 });
    expect(a.weights).toEqual(DEFAULT_WEIGHTS);
    expect(a.considered).toBe(talents.length);
    expect(a.matches.some((m) => m.talentId.startsWith('tal-b-'))).toBe(false);
    expect(a.matches).toEqual(await reference(env, project.id, { top: 10 }));
    // Per-request weights go over the organization's.
    const c = await matching.matchProject('prj-b', { top: 10, weights: { coverage: 1 } }, ORG_B);
    expect(c.weights).toEqual(resolveWeights({ ...set, coverage: 1 }));
    expect(matching.activity.builds).toBe(2);
  });
});

describe('reading the pool in a worker thread (SQLite file)', () => {
  const at = '2026-01-15T10:00:00.000Z';
  const ODD_ORG = 'org-odd';
  let dir: string;
  let file: string;
  let db: Kysely<Database>;
  let store: Store;
  let services: Services;
  let repo: TalentCandidatesRepository;

  const collect = async (batches: AsyncIterable<Candidate[]>) => {
    const out: Candidate[][] = [];
    for await (const b of batches) out.push(b);
    return out;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-reader-'));
    file = join(dir, 'pool.db');
    const opened = openDatabase({ kind: 'sqlite', file });
    db = opened.db;
    await migrateToLatest(db, 'sqlite');
    store = createStore(db, 'sqlite');
    services = wireServices(testConfig(), store, fixedClock());
    await prepareStore(store, services, fixedClock());
    await services.demo.seed({ talents: 150, projects: 4, seed: 5 });
    // Odd content: texts the scanners leave to JSON.parse, values of other types than packTalent writes
    // (they travel by structured clone), characters beyond Latin-1, odd numbers.
    await store.ensureOrganization(ODD_ORG, 'Odd', at);
    await store.talents.upsertMany(
      ODD_ORG,
      ['o1', 'o2', 'o3', 'o4', 'o5'].map((id, i) => ({
        ...talentOf(id, [skill('python', 3), skill('sql', 2.5)]),
        name: ['Zoë 🙂', '', 'a"b\\c', '日本', 'x'.repeat(300)][i] as string,
        location: i % 2 ? 'Zoë "Ville"' : '',
        dailyCost: [612.75, 0, 1e21, 0.1 + 0.2, 7][i] as number,
        languages: i === 1 ? [] : ['fr', 'en'],
        availability: [{ start: '2026-02-02', end: '2026-05-29', daysPerWeek: 2.5 }],
      })),
      at,
    );
    const set = (
      id: string,
      values: Partial<Record<'skills' | 'industries' | 'missions' | 'languages', string>>,
    ) => db.updateTable('talent').set(values).where('org_id', '=', ODD_ORG).where('id', '=', id).execute();
    await set('o2', { skills: '[ ["a\\"b", 3, "cv", null, null, null], ["py", -0, null, 1, null, null] ]' });
    await set('o3', { skills: '[["python", "3", null, null, null, null]]' });
    await set('o4', {
      industries: '{"a": 1}',
      missions: '[[null,null,null,null,"banking",null,"production",[]]]',
    });
    await set('o5', { languages: '["fr", null]' });
    repo = new TalentCandidatesRepository(db, 'sqlite');
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same stream as the in-thread read, batch for batch, on a demo pool and odd content', async () => {
    for (const [orgId, size] of [
      [DEFAULT_ORG, 250],
      [DEFAULT_ORG, 7],
      [ODD_ORG, 2],
      ['org-none', 10],
    ] as const) {
      const inThread = await collect(repo.streamInThread(orgId, size));
      const worker = await collect(repo.streamThroughWorker(file, orgId, size));
      expect(worker).toEqual(inThread);
      // The same values to the bit (toEqual does not tell -0 from 0).
      expect(worker.flat().map((c) => c.skills.map((s) => Object.is(s.level, -0)))).toEqual(
        inThread.flat().map((c) => c.skills.map((s) => Object.is(s.level, -0))),
      );
      // And the stream the service reads (a WAL file: the worker) is that one too.
      expect(await collect(store.talents.streamCandidates(orgId, size))).toEqual(inThread);
    }
    const odd = (await collect(repo.streamInThread(ODD_ORG, 10))).flat();
    expect(odd.map((c) => c.id)).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
    expect(odd[2]?.skills[0]?.level).toBe('3');
    expect(odd[3]?.industries).toEqual({ a: 1 });
  });

  it('falls back to the in-thread read only when the worker cannot start', async () => {
    const missing = join(dir, 'missing.db');
    const fallback = () => repo.streamInThread(DEFAULT_ORG, 50);
    expect(await collect(repo.streamThroughWorker(missing, DEFAULT_ORG, 50, fallback))).toEqual(
      await collect(fallback()),
    );
    await expect(collect(repo.streamThroughWorker(missing, DEFAULT_ORG, 50))).rejects.toThrow();
  });

  it('keeps the worker at most a few batches ahead of the consumer', async () => {
    const reader = new WorkerReader(file, DEFAULT_ORG, 5);
    try {
      expect((await reader.next())?.length).toBe(5);
      // 30 batches in the pool: without credits the worker would send them all.
      while (reader.queued < IN_FLIGHT) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 200));
      expect(reader.queued).toBe(IN_FLIGHT);
      let n = 1;
      while (await reader.next()) n++;
      expect(n).toBe(30);
    } finally {
      reader.close();
    }
  });

  it('an index built from the worker ranks as one built in this thread', async () => {
    const inThread = Object.create(store.talents) as Store['talents'];
    inThread.streamCandidates = (orgId, size = 250) => repo.streamInThread(orgId, size);
    const viaWorker = new MatchingService(store, services.taxonomy, services.projects);
    const local = new MatchingService({ ...store, talents: inThread }, services.taxonomy, services.projects);
    // The demo's projects without must-haves (nobody in a pool of 150 holds them all): long rankings.
    const demo = await Promise.all((await services.projects.list()).map((p) => services.projects.get(p.id)));
    const open = demo.map((p) => ({
      ...p,
      id: `${p.id}-open`,
      externalId: null,
      requirements: p.requirements.map((r) => ({ ...r, must: false })),
    }));
    await store.projects.upsertMany(DEFAULT_ORG, open, at);
    expect(open.length).toBeGreaterThan(0);
    for (const p of open) {
      const a = await viaWorker.matchProject(p.id, { top: 150 });
      expect(a.matches.length).toBeGreaterThan(0);
      expect(a).toEqual(await local.matchProject(p.id, { top: 150 }));
    }
    expect([viaWorker.activity.builds, local.activity.builds]).toEqual([1, 1]);
  });
});

/**
 * MatchingService over its in-memory index, on every dialect: the same matches as scoring every stored
 * talent (rankCandidates, counterfactuals included) after inserts, updates and deletes; writes of this
 * process visible to the next ranking, writes of another process (another wiring on the same database)
 * after the journal check, neither by a rebuild; taxonomy domain changes; weights per organization.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { counterfactuals } from '../src/core/matching/counterfactuals.js';
import { profileFacts, projectProfile } from '../src/core/matching/profile.js';
import { rankCandidates } from '../src/core/matching/rank-candidates.js';
import { DEFAULT_WEIGHTS, resolveWeights, scoringContext } from '../src/core/matching/score-candidate.js';
import type { Candidate } from '../src/core/matching/types.js';
import type { Project, Talent, TalentSkill } from '../src/core/model.js';
import type { Domain } from '../src/core/taxonomy/types.js';
import { CORE_DOMAINS } from '../src/core/taxonomy/types.js';
import { prepareStore, wireServices, type Services } from '../src/main/create-context.js';
import { CandidateBuffer } from '../src/services/candidate-buffer.js';
import { textSource } from '../src/services/import-readers.js';
import { MatchingService, type MatchOptions, type RankedMatch } from '../src/services/matching.service.js';
import { DEFAULT_ORG, type Store } from '../src/services/ports.js';
import { appendJournal, JOURNAL_SLOTS } from '../src/services/talent-changes.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import type { Database } from '../src/storage/schema.js';
import { createStore } from '../src/storage/store.js';
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

describe('CandidateBuffer', () => {
  it('gives back every candidate exactly, odd numbers and shared strings included', () => {
    const base: Candidate = {
      id: 'a',
      name: 'Zoë Ångström',
      source: 'employee',
      skills: [
        { skillId: 'python', level: 3, evidence: 'mission' },
        { skillId: 'python', level: 2.5, evidence: null },
        { skillId: 'rag', level: -0, evidence: 'cv' },
      ],
      industries: ['banking'],
      functions: [],
      missions: [{ industry: null, businessFunction: 'it', outcome: 'production' }],
      availability: [{ start: '2026-01-05', end: '2026-03-27', daysPerWeek: 3.5 }],
      dailyCost: 650.25,
      languages: ['fr', 'en'],
      location: 'Lyon',
      remote: 'remote',
    };
    const many: Candidate[] = [
      base,
      { ...base, id: 'b', dailyCost: 2 ** 40, skills: [], missions: [], availability: [], languages: [] },
      { ...base, id: 'c', dailyCost: Number.MAX_VALUE, location: '', remote: 'onsite' },
      ...Array.from({ length: 300 }, (_, i) => ({ ...base, id: `x${i}`, dailyCost: i * 1000 })),
    ];
    const buffer = new CandidateBuffer();
    for (const c of many) buffer.push(c);
    const back = [...buffer.candidates()];
    expect(back).toEqual(many);
    expect(Object.is(back[0]!.skills[2]!.level, -0)).toBe(true);
    expect(buffer.size).toBe(many.length);
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

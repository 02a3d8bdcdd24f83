/** Team composition through the edges: POST /api/projects/:id/team and `vivier team`. */
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import type { TeamResponse } from '../src/contract/team.schemas.js';
import { buildApp } from '../src/http/app.js';
import type { Talent } from '../src/core/model.js';
import type { Context } from '../src/main/create-context.js';
import { textSource } from '../src/services/import-readers.js';
import { DEFAULT_ORG } from '../src/services/ports.js';
import { DIALECTS, openTestContext, testConfig } from './support/databases.js';
import { runCliInProcess } from './support/run-cli.js';

/** Demo talents are available 2025–2026; a project in that span can be staffed. */
const staffable = (ps: { id: string; startDate: string }[]) =>
  (ps.find((p) => p.startDate >= '2025-01-01') ?? ps[0])!.id;

describe('POST /api/projects/:id/team', () => {
  let ctx: Context;
  let app: FastifyInstance;
  let projectId: string;

  beforeAll(async () => {
    ctx = await openTestContext(DIALECTS[0]!, testConfig());
    await ctx.services.demo.seed({ talents: 120, projects: 12, seed: 5 });
    app = await buildApp(ctx);
    projectId = staffable(await ctx.services.projects.list());
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  const post = (id: string, payload?: unknown) =>
    app.inject({ method: 'POST', url: `/api/projects/${id}/team`, payload: payload as object });

  it('proposes the optimal team, who covers what, and alternatives', async () => {
    const r = await post(projectId, {});
    expect(r.statusCode).toBe(200);
    const body = r.json() as TeamResponse;
    expect(body.projectId).toBe(projectId);
    expect(body.feasible).toBe(true);
    expect(body.solve.method).toBe('milp');
    expect(body.solve.status).toBe('optimal');
    const t = body.team;
    expect(t.kind).toBe('cheapest');
    expect(t.members.length).toBeLessThanOrEqual(body.rules.maxSize);
    expect(t.cost).toBeCloseTo(
      t.members.reduce((s, m) => s + m.cost, 0),
      2,
    );
    const ids = new Set(t.members.map((m) => m.talentId));
    for (const c of t.coverage) {
      for (const b of c.coveredBy) {
        expect(ids.has(b.talentId)).toBe(true);
        expect(b.level).toBeGreaterThanOrEqual(c.requiredLevel);
      }
      expect(c.label.length).toBeGreaterThan(0);
    }
    expect(t.uncovered.map((u) => u.skillId)).toEqual(
      t.coverage.filter((c) => c.coveredBy.length === 0).map((c) => c.skillId),
    );
    expect(body.alternatives.map((a) => a.kind)).toEqual(['strongest', 'most-internal']);
    for (const a of body.alternatives) expect(a.uncovered.length).toBe(t.uncovered.length);
    expect(body.alternatives[0]!.strength).toBeGreaterThanOrEqual(t.strength - 1e-9);
    expect(body.alternatives[1]!.freelancers).toBeLessThanOrEqual(t.freelancers);
    // The same request gives the same team.
    const again = (await post(projectId, {})).json() as TeamResponse;
    expect(again.team).toEqual(t);
  });

  it('applies budget, size and mix rules from the body', async () => {
    const none = (await post(projectId, { maxFreelancers: 0 })).json() as TeamResponse;
    expect(none.team.freelancers).toBe(0);
    const tight = (await post(projectId, { maxSize: 1, budget: 1000 })).json() as TeamResponse;
    expect(tight.rules).toMatchObject({ maxSize: 1, budget: 1000 });
    expect(tight.team.members.length).toBeLessThanOrEqual(1);
    expect(tight.team.cost).toBeLessThanOrEqual(1000);
    expect(tight.team.uncovered.length).toBeGreaterThan(0);
    expect(tight.team.uncovered.some((u) => u.reason === 'constraints')).toBe(true);
    const noBody = await app.inject({ method: 'POST', url: `/api/projects/${projectId}/team` });
    expect(noBody.statusCode).toBe(200);
  });

  it('answers an unknown project with 404 and a bad body with 400 naming the field', async () => {
    const missing = await post('prj-nope', {});
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    for (const [payload, field] of [
      [{ maxSize: 0 }, 'body.maxSize'],
      [{ budget: -5 }, 'body.budget'],
      [{ minEmployees: 1.5 }, 'body.minEmployees'],
      [{ maxFreelancers: 'two' }, 'body.maxFreelancers'],
      [{ max_size: 3 }, 'max_size'],
      [{ maxSize: 2, minEmployees: 3 }, 'minEmployees'],
    ] as const) {
      const r = await post(projectId, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().error.code).toBe('invalid_input');
      expect(r.json().error.message).toContain(field);
    }
  });

  // Last in this block: it rewrites two talents of the shared pool.
  it('takes its candidates from the ranking index: a talent changed just before is in, storage is not read', async () => {
    const project = await ctx.services.projects.get(projectId);
    // The index exists before the change: the change must reach it as an update.
    expect((await post(projectId, {})).statusCode).toBe(200);
    const [a, b] = await ctx.store.talents.listAll(DEFAULT_ORG);
    // Holds every requirement at level 5, full time, at a day rate nobody else comes near: the whole team.
    const ideal = (t: Talent, dailyCost: number): Talent => ({
      ...t,
      skills: project.requirements.map((r) => ({
        skillId: r.skillId,
        level: 5,
        evidence: 'mission',
        years: null,
        lastUsed: null,
        evidenceDetail: null,
      })),
      availability: [],
      dailyCost,
    });
    const imported = await ctx.services.imports.import(
      textSource('one.jsonl', JSON.stringify(ideal(a!, 1))),
      { kind: 'talents', format: 'jsonl' },
    );
    expect(imported.updated).toBe(1);
    const seen = (await post(projectId, { maxSize: 1 })).json() as TeamResponse;
    expect(seen.team.members.map((m) => m.talentId)).toEqual([a!.id]);
    // Written behind the services' back (the bare store journals nothing, so the index never hears of it):
    // cheaper still, yet not proposed, which a team read from storage would have done.
    await ctx.store.talents.upsertMany(DEFAULT_ORG, [ideal(b!, 0.5)], '2026-01-15T10:00:00.000Z');
    const unseen = (await post(projectId, { maxSize: 1 })).json() as TeamResponse;
    expect(unseen.team.members.map((m) => m.talentId)).toEqual([a!.id]);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toContain('/api/projects/{id}/team');
  });
});

const run = (args: string[]) => runCliInProcess(args);

describe('vivier team', () => {
  let dir: string;
  let db: string;
  let projectId: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-team-'));
    db = join(dir, 'v.db');
    expect((await run(['--db', db, 'demo', 'seed', '--size', '60', '--seed', '9'])).code).toBe(0);
    const list = await run(['--db', db, 'projects', 'list', '--json']);
    projectId = staffable(JSON.parse(list.stdout).projects);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--json prints the API document; the table names members, coverage and the solver', async () => {
    const j = await run(['--db', db, 'team', projectId, '--max-size', '4', '--json']);
    expect(j.code).toBe(0);
    const body = JSON.parse(j.stdout) as TeamResponse;
    expect(body.rules.maxSize).toBe(4);
    expect(body.team.members.length).toBeLessThanOrEqual(4);
    expect(body.solve.method).toBe('milp');
    const t = await run(['--db', db, 'team', projectId, '--min-employees', '1']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/cheapest: \d+ members/);
    expect(t.stdout).toMatch(/covered by/);
    expect(t.stdout).toMatch(/solver: milp, optimal, gap/);
  });

  it('bad input exits non-zero with one line on stderr', async () => {
    const cases: [string[], number, RegExp][] = [
      [['team', 'prj-nope'], EXIT.not_found, /project "prj-nope" does not exist/],
      [['team', projectId, '--max-size', '0'], EXIT.usage, /--max-size/],
      [['team', projectId, '--budget', 'lots'], EXIT.usage, /amount in euros/],
      [['team', projectId, '--max-size', '2', '--min-employees', '3'], EXIT.invalid_input, /minEmployees/],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(['--db', db, ...args]);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr).toMatch(message);
    }
  });
});

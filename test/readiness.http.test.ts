import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CalibrationResponse,
  ReadinessListResponse,
  ReadinessResponse,
} from '../src/contract/readiness.schemas.js';
import { outcomeLabel } from '../src/core/readiness/calibrate.js';
import { riskOf } from '../src/core/readiness/factors.js';
import { buildApp } from '../src/http/app.js';
import type { Context } from '../src/main/create-context.js';
import { DIALECTS, openTestContext } from './support/databases.js';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('readiness over HTTP', () => {
  let ctx: Context;
  let app: FastifyInstance;
  let projectId: string;
  let talentIds: string[];

  beforeAll(async () => {
    ctx = await openTestContext(DIALECTS[0]!);
    await ctx.services.demo.seed({ talents: 120, projects: 60, seed: 5 });
    app = await buildApp(ctx);
    projectId = (await ctx.services.projects.list())[0]!.id;
    talentIds = (await ctx.store.talents.listAll('org-default')).slice(0, 3).map((t) => t.id);
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  it('GET /api/projects/:id/readiness explains a score whose contributions add up', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/projects/${projectId}/readiness` });
    expect(r.statusCode).toBe(200);
    const body = r.json() as ReadinessResponse;
    expect(body.projectId).toBe(projectId);
    expect(body.factors.map((f) => f.id)).toEqual([
      'vertical',
      'team',
      'data',
      'ownership',
      'process',
      'buildOrBuy',
      'scope',
    ]);
    expect(sum(body.factors.map((f) => f.contribution))).toBeCloseTo(body.score, 9);
    expect(sum(body.factors.map((f) => f.weight))).toBeCloseTo(100, 9);
    expect(body.score).toBeGreaterThanOrEqual(0);
    expect(body.score).toBeLessThanOrEqual(100);
    expect(body.risk).toBe(riskOf(body.score));
    expect(body.team).toEqual({ source: 'pool', members: [] });
    for (const f of body.factors) expect(f.reason.text.length).toBeGreaterThan(0);
    expect(body.best).toEqual(body.whatIf[0] ?? null);
    for (const c of body.whatIf) {
      expect(c.gain).toBeGreaterThan(0);
      expect(c.scoreAfter).toBeCloseTo(body.score + c.gain, 9);
    }
  });

  it('speaks French on request and uses a staffed team when given', async () => {
    const en = (await app.inject({ method: 'GET', url: `/api/projects/${projectId}/readiness` })).json();
    const fr = (
      await app.inject({ method: 'GET', url: `/api/projects/${projectId}/readiness?lang=fr` })
    ).json() as ReadinessResponse;
    expect(fr.score).toBe(en.score);
    expect(fr.factors[1]!.reason.text).not.toBe(en.factors[1].reason.text);
    const team = `${talentIds[2]}, ${talentIds[0]},${talentIds[1]}`;
    const staffed = await app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/readiness?team=${encodeURIComponent(team)}`,
    });
    expect(staffed.statusCode).toBe(200);
    const body = staffed.json() as ReadinessResponse;
    expect(body.team).toEqual({ source: 'team', members: [...talentIds].sort() });
    // A team of three can only cover what the whole pool could.
    const teamFactor = (x: ReadinessResponse) => x.factors.find((f) => f.id === 'team')!.value;
    expect(teamFactor(body)).toBeLessThanOrEqual(teamFactor(en as ReadinessResponse) + 1e-12);
  });

  it('404 for an unknown project or talent, with the error shape', async () => {
    for (const url of ['/api/projects/nope/readiness', `/api/projects/${projectId}/readiness?team=nobody`]) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code).toBe('not_found');
    }
    const bad = await app.inject({ method: 'GET', url: `/api/projects/${projectId}/readiness?lang=de` });
    expect(bad.statusCode).toBe(400);
  });

  it('GET /api/readiness lists every project, riskiest first', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/readiness' });
    expect(r.statusCode).toBe(200);
    const body = r.json() as ReadinessListResponse;
    expect(body.projects).toHaveLength(60);
    const scores = body.projects.map((p) => p.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    for (const p of body.projects) expect(p.risk).toBe(riskOf(p.score));
    const one = (
      await app.inject({ method: 'GET', url: `/api/projects/${body.projects[0]!.id}/readiness` })
    ).json() as ReadinessResponse;
    expect(one.score).toBeCloseTo(body.projects[0]!.score, 9);
  });

  it('GET /api/readiness/calibration reports the weights, their source and the AUCs', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/readiness/calibration' });
    expect(r.statusCode).toBe(200);
    const c = r.json() as CalibrationResponse;
    const labelled = (await ctx.store.projects.listAll('org-default')).filter(
      (p) => outcomeLabel(p.outcome) !== null,
    );
    expect(c.n).toBe(labelled.length);
    expect(c.positives + c.negatives).toBe(c.n);
    expect(sum(Object.values(c.weights))).toBeCloseTo(100, 9);
    expect(['fitted', 'default']).toContain(c.source);
    if (c.source === 'default') expect(c.weights).toEqual(c.defaultWeights);
    expect(c.reason.text.length).toBeGreaterThan(0);
    expect(c.riskThresholds).toEqual({ low: 75, medium: 55, high: 35 });
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/projects/{id}/readiness',
        '/api/readiness',
        '/api/readiness/calibration',
      ]),
    );
  });

  it('recomputes when the data changes', async () => {
    await ctx.services.demo.seed({ talents: 120, projects: 90, seed: 5 });
    const body = (await app.inject({ method: 'GET', url: '/api/readiness' })).json() as ReadinessListResponse;
    expect(body.projects).toHaveLength(90);
  });
});

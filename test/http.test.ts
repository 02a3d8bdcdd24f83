import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchesResponse } from '../src/contract/matching.schemas.js';
import type { ProjectResponse, ProjectsResponse } from '../src/contract/schemas.js';
import { SCORE_PARTS } from '../src/core/matching/types.js';
import { buildApp } from '../src/http/app.js';
import type { Context } from '../src/main/create-context.js';
import { DIALECTS, openTestContext, testConfig } from './support/databases.js';

describe('HTTP API', () => {
  let ctx: Context;
  let app: FastifyInstance;
  let projectId: string;

  beforeAll(async () => {
    ctx = await openTestContext(DIALECTS[0]!, testConfig({ maxBodyBytes: 4096, maxTextBytes: 2000 }));
    await ctx.services.demo.seed({ talents: 80, projects: 10, seed: 5 });
    app = await buildApp(ctx);
    projectId = (await ctx.services.projects.list())[0]!.id;
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  it('GET /api/health reports storage and counts', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', storage: 'sqlite', talents: 80, projects: 10 });
  });

  it('GET /api/skills?q= searches labels in both languages', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/skills?q=apprentissage%20auto&lang=fr' });
    expect(r.statusCode).toBe(200);
    expect(r.json().skills[0]).toMatchObject({ id: 'machine-learning', label: 'apprentissage automatique' });
    const bad = await app.inject({ method: 'GET', url: '/api/skills?limit=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_input');
    expect(bad.json().error.message).toContain('querystring.limit');
  });

  it('POST /api/extract returns skills with spans', async () => {
    const text = 'Expert RAG et Mistral, pas de Java.';
    const r = await app.inject({ method: 'POST', url: '/api/extract', payload: { text } });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.lang).toBe('fr');
    const rag = body.skills.find((s: { id: string }) => s.id === 'rag');
    expect(text.slice(rag.mentions[0].start, rag.mentions[0].end)).toBe('RAG');
    expect(body.negated.map((s: { id: string }) => s.id)).toEqual(['java']);
  });

  it('answers bad input with the documented error shape and status', async () => {
    const cases = [
      {
        payload: '{"text": ',
        headers: { 'content-type': 'application/json' },
        status: 400,
        code: 'invalid_json',
      },
      { payload: { lang: 'fr' }, status: 400, code: 'invalid_input', field: 'body.text' },
      { payload: { text: 42 }, status: 400, code: 'invalid_input', field: 'body.text' },
      { payload: { text: 'x'.repeat(2500) }, status: 413, code: 'too_large', field: 'limit' },
      { payload: { text: 'y'.repeat(5000) }, status: 413, code: 'too_large' },
      { payload: { text: 'bin\u0000ary' }, status: 400, code: 'invalid_input' },
    ];
    for (const c of cases) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/extract',
        payload: c.payload,
        headers: c.headers,
      });
      expect(r.statusCode, JSON.stringify(c.payload).slice(0, 40)).toBe(c.status);
      const body = r.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error.code).toBe(c.code);
      if (c.field) expect(body.error.message).toContain(c.field);
      expect(r.body).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('an empty text gives an empty result', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/extract', payload: { text: '' } });
    expect(r.statusCode).toBe(200);
    expect(r.json().skills).toEqual([]);
  });

  it('lists projects and shows one with labelled requirements', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/projects' })).json() as ProjectsResponse;
    expect(list.projects).toHaveLength(10);
    const r = await app.inject({ method: 'GET', url: `/api/projects/${projectId}?lang=fr` });
    expect(r.statusCode).toBe(200);
    const p = r.json() as ProjectResponse;
    expect(p.requirements.length).toBeGreaterThan(0);
    expect(p.requirements.every((q) => q.label.length > 0)).toBe(true);
  });

  it('unknown ids and routes are 404 with the error shape', async () => {
    for (const url of ['/api/projects/nope', '/api/projects/nope/matches', '/api/nothing']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('not_found');
    }
  });

  it('GET /api/projects/:id/matches ranks talents whose eight parts add up to the score', async () => {
    // Must-have skills exclude: rank for the first project someone holds every must-have of.
    let body: MatchesResponse | undefined;
    for (const p of await ctx.services.projects.list()) {
      const r = await app.inject({ method: 'GET', url: `/api/projects/${p.id}/matches?top=5` });
      expect(r.statusCode).toBe(200);
      body = r.json() as MatchesResponse;
      if (body.matches.length > 0) break;
    }
    if (!body) throw new Error('no project');
    expect(body.matches.length).toBeGreaterThan(0);
    expect(body.matches.length).toBeLessThanOrEqual(5);
    expect(body.considered).toBe(80);
    for (const m of body.matches) {
      const sum = SCORE_PARTS.reduce((a, p) => a + m.parts[p], 0);
      expect(Math.abs(sum - m.score)).toBeLessThanOrEqual(1e-12);
      expect(m.explanation.length).toBeGreaterThan(0);
    }
    const scores = body.matches.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const employees = (
      await app.inject({ method: 'GET', url: `/api/projects/${body.projectId}/matches?source=employee` })
    ).json() as MatchesResponse;
    expect(employees.matches.every((m) => m.source === 'employee')).toBe(true);
    const bad = await app.inject({ method: 'GET', url: `/api/projects/${projectId}/matches?source=robots` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('querystring.source');
  });

  it('serves the OpenAPI document with every route', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/skills',
        '/api/extract',
        '/api/projects',
        '/api/projects/{id}',
        '/api/projects/{id}/matches',
        '/api/settings/matching-weights',
      ]),
    );
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  GapRecordsResponse,
  GapsResponse,
  PlanResponse,
  RecordSetResponse,
  TrendsResponse,
  UpskillingResponse,
} from '../src/contract/analytics.schemas.js';
import { DEMO_SIZES } from '../src/core/demo/generate-demo.js';
import { buildApp } from '../src/http/app.js';
import type { Context } from '../src/main/create-context.js';
import { DIALECTS, openTestContext } from './support/databases.js';

describe('analytics HTTP API (the small demo)', () => {
  let ctx: Context;
  let app: FastifyInstance;

  beforeAll(async () => {
    ctx = await openTestContext(DIALECTS[0]!);
    await ctx.services.demo.seed({ ...DEMO_SIZES.small, seed: 42 });
    app = await buildApp(ctx);
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  const get = async <T>(url: string, status = 200): Promise<T> => {
    const r = await app.inject({ method: 'GET', url });
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(status);
    return r.json() as T;
  };

  it('GET /api/gaps: the headline, the shortage ranking, domains and train/borrow/hire', async () => {
    const g = await get<GapsResponse>('/api/gaps?top=10&lang=fr');
    expect(g.window.auto).toBe(true);
    expect(g.talents).toEqual({ employee: 180, freelance: 120 });
    expect(g.headline.skills).toHaveLength(10);
    expect(g.headline.shareAbsentEmployees).toBe(0.4);
    expect(g.headline.shareAbsentAll).toBe(0.1);
    expect(g.rows).toHaveLength(10);
    const shortages = g.rows.map((r) => r.shortage);
    expect([...shortages].sort((a, b) => b - a)).toEqual(shortages);
    expect(g.rows.every((r) => r.label.length > 0)).toBe(true);
    expect(new Set(g.domains.slice(0, 3).map((d) => d.group))).toEqual(
      new Set(['security', 'cloud', 'data']),
    );
    expect(g.recommendations.length).toBeGreaterThan(0);
    for (const r of g.recommendations) {
      expect(['train', 'borrow', 'hire']).toContain(r.action);
      expect(r.reason).toMatch(/^(former|emprunter|recruter) : /); // lang=fr
      for (const o of r.options) expect(o.note.text.length).toBeGreaterThan(0);
      expect(r.options).toHaveLength(3);
    }
  });

  it('GET /api/gaps by industry and function, for the employees alone', async () => {
    const byIndustry = await get<GapsResponse>('/api/gaps?by=industry&source=employee&top=0');
    expect(byIndustry.source).toBe('employee');
    expect(byIndustry.groups!.length).toBe(10);
    expect(byIndustry.groups!.every((x) => x.headline.skills.length > 0)).toBe(true);
    const byFunction = await get<GapsResponse>('/api/gaps?by=function&headlineTop=5&top=0');
    expect(byFunction.groups!.every((x) => x.headline.top === 5)).toBe(true);
    const all = await get<GapsResponse>('/api/gaps?top=0');
    expect(byIndustry.shortage).toBeGreaterThan(all.shortage);
  });

  it('GET /api/gaps/:skillId/records: the projects and talents behind a row add up to it', async () => {
    const g = await get<GapsResponse>('/api/gaps?top=5');
    const row = g.rows.find((r) => r.supply > 0) ?? g.rows[0]!;
    const rec = await get<GapRecordsResponse>(`/api/gaps/${row.skillId}/records?limit=10000`);
    expect(rec.demand.total).toBeCloseTo(row.demand, 0);
    expect(rec.demand.records.reduce((n, r) => n + r.personDays, 0)).toBeCloseTo(row.demand, 0);
    expect(rec.demand.count).toBe(row.openProjects);
    expect(rec.supply.total).toBeCloseTo(row.supply, 0);
    expect(rec.supply.count).toBe(row.holders);
    await get('/api/gaps/no-such-skill/records', 404);
  });

  it('an explicit window, and bad queries answer 400 naming the field', async () => {
    const g = await get<GapsResponse>('/api/gaps?from=2025-07-01&to=2025-12-31&top=3');
    expect(g.window).toMatchObject({ from: '2025-07-01', to: '2025-12-31', auto: false });
    for (const [url, field] of [
      ['/api/gaps?from=2025-07-01', 'querystring.from'],
      ['/api/gaps?from=yesterday&to=2025-12-31', 'querystring.from'],
      ['/api/gaps?by=planet', 'querystring.by'],
      ['/api/gaps?source=robots', 'querystring.source'],
      ['/api/trends?period=week', 'querystring.period'],
      ['/api/trends/records?measure=nonsense&key=2024', 'querystring.measure'],
      ['/api/upskilling', 'querystring.skill'],
    ] as const) {
      const body = await get<{ error: { code: string; message: string } }>(url, 400);
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.message).toContain(field);
    }
  });

  it('GET /api/trends: series per measure, domain and skill, and the article’s figures', async () => {
    const t = await get<TrendsResponse>('/api/trends');
    expect(t.periods).toEqual(['2022', '2023', '2024', '2025']);
    const projects = t.measures.find((m) => m.key === 'projects')!;
    expect(projects.points.map((p) => p.count)).toEqual([20, 40, 132, 58]);
    expect(projects.points[2]!.growth).toBe(2.3); // +230 %
    const ratio = (id: string) => t.article.growth.find((g) => g.id === id)!.ratio;
    expect([ratio('ai-projects'), ratio('open-weight-llm'), ratio('low-code')]).toEqual([3.3, 8, 1.4]);
    expect([ratio('security-compliance'), ratio('freelance-tech-data')]).toEqual([1.35, 1.7]);
    expect(t.skills).toHaveLength(10);
    const q = await get<TrendsResponse>('/api/trends?period=quarter&skills=mistral,llama&lang=fr');
    expect(q.periods[0]).toBe('2022-Q1');
    expect(q.skills.map((s) => s.key)).toEqual(['mistral', 'llama']);
  });

  it('GET /api/trends/records: the records behind a point', async () => {
    const r = await get<RecordSetResponse>('/api/trends/records?measure=open-weight&key=2024');
    expect(r).toMatchObject({ kind: 'project', total: 24 });
    const t = await get<TrendsResponse>('/api/trends');
    const freelance = t.article.growth.find((g) => g.id === 'freelance-tech-data')!;
    const m = await get<RecordSetResponse>(
      '/api/trends/records?measure=freelance-tech-data&key=2022&limit=5',
    );
    expect(m).toMatchObject({ kind: 'talent', total: freelance.from.count });
    expect(m.ids).toHaveLength(5);
    const s = await get<RecordSetResponse>(
      '/api/trends/records?measure=skill:mistral&period=quarter&key=2024-Q1',
    );
    expect(s.kind).toBe('project');
  });

  it('GET /api/upskilling?skill=: the fastest learners with their plans, and a recommendation', async () => {
    const g = await get<GapsResponse>('/api/gaps?top=3');
    const skill = g.headline.absentAll[0]!.id; // nobody holds it
    const u = await get<UpskillingResponse>(`/api/upskilling?skill=${skill}&top=5`);
    expect(u.skill.id).toBe(skill);
    expect(u.holders).toEqual({ employee: 0, freelance: 0 });
    expect(u.learners).toHaveLength(5);
    const weeks = u.learners.map((l) => l.effortWeeks);
    expect([...weeks].sort((a, b) => a - b)).toEqual(weeks);
    expect(u.learners[0]!.plan.length).toBeGreaterThan(0);
    expect(u.learners[0]!.plan.at(-1)!.skillId).toBe(skill);
    expect(u.learners[0]!.name).not.toBe(u.learners[0]!.talentId);
    expect(u.recommendation?.skillId).toBe(skill);
    await get('/api/upskilling?skill=no-such-skill', 404);
  });

  it('GET /api/upskilling/plan: whom to train on what', async () => {
    const p = await get<PlanResponse>('/api/upskilling/plan?people=5');
    expect(p.assignments.length).toBeGreaterThan(0);
    expect(p.assignments.length).toBeLessThanOrEqual(5);
    expect(new Set(p.assignments.map((a) => a.talentId)).size).toBe(p.assignments.length);
    expect(p.coverageAfter).toBeGreaterThan(p.coverageBefore);
    expect(p.summary).toMatch(/^Training these \d+ people/);
  });

  it('the OpenAPI document lists the analytics routes', async () => {
    const doc = await get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/gaps',
        '/api/gaps/{skillId}/records',
        '/api/trends',
        '/api/trends/records',
        '/api/upskilling',
        '/api/upskilling/plan',
      ]),
    );
  });
});

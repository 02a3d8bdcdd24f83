import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app.js';
import type { Context } from '../src/main/create-context.js';
import { DIALECTS, openTestContext, testConfig } from './support/databases.js';

const CSV = [
  'external_id;source;name;email;phone;daily_cost;skills',
  'H1;freelance;Hedy Lamarr;hedy@example.org;+1 555 0100;900;python:4|rag:3',
  'H2;employee;Katherine Johnson;katherine@example.org;;500;sql:5',
].join('\n');

describe('talent routes', () => {
  let ctx: Context;
  let app: FastifyInstance;
  beforeAll(async () => {
    ctx = await openTestContext(DIALECTS[0]!, testConfig({ maxBodyBytes: 8192 }));
    app = await buildApp(ctx);
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  it('POST /api/talents/import takes { format, content } or a raw body, and returns the summary', async () => {
    const dry = await app.inject({
      method: 'POST',
      url: '/api/talents/import?dryRun=true',
      payload: { format: 'csv', content: CSV },
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, inserted: 2, imported: false });
    const raw = await app.inject({
      method: 'POST',
      url: '/api/talents/import?name=pool.csv',
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      payload: CSV,
    });
    expect(raw.statusCode).toBe(200);
    expect(raw.json()).toMatchObject({ file: 'pool.csv', inserted: 2, imported: true });
    const again = await app.inject({
      method: 'POST',
      url: '/api/talents/import',
      payload: { format: 'csv', content: CSV },
    });
    expect(again.json()).toMatchObject({ unchanged: 2, inserted: 0 });
  });

  it('rejects come back as 400 with the summary; too large is 413; a raw body needs a known type', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/talents/import',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: '{"name":"X","source":"alien","dailyCost":1,"email":"x@example.org"}\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().summary.rejects[0]).toEqual({
      file: 'upload',
      line: 1,
      field: 'source',
      message: 'expected employee or freelance',
    });
    const big = await app.inject({
      method: 'POST',
      url: '/api/talents/import',
      payload: { format: 'csv', content: 'x'.repeat(9000) },
    });
    expect(big.statusCode).toBe(413);
    const xml = await app.inject({
      method: 'POST',
      url: '/api/talents/import',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
  });

  it('GET /api/talents and /api/talents/:id hide contact details unless ?contact=true', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/talents?limit=10' });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBe(2);
    expect(body.talents[0]).not.toHaveProperty('email');
    const id = body.talents.find((t: { name: string }) => t.name === 'Hedy Lamarr').id;
    const one = await app.inject({ method: 'GET', url: `/api/talents/${id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ name: 'Hedy Lamarr', dailyCost: 900 });
    expect(one.json()).not.toHaveProperty('email');
    expect(one.json()).not.toHaveProperty('phone');
    const withContact = await app.inject({ method: 'GET', url: `/api/talents/${id}?contact=true` });
    expect(withContact.json()).toMatchObject({ email: 'hedy@example.org', phone: '+1 555 0100' });
    const page2 = await app.inject({ method: 'GET', url: '/api/talents?limit=1&offset=1&contact=true' });
    expect(page2.json().talents).toHaveLength(1);
    expect(page2.json().talents[0]).toHaveProperty('email');
    const missing = await app.inject({ method: 'GET', url: '/api/talents/nope' });
    expect(missing.statusCode).toBe(404);
  });
});

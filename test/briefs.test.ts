import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import type { ClassifyResponse } from '../src/contract/briefs.schemas.js';
import { buildApp } from '../src/http/app.js';
import type { Context } from '../src/main/create-context.js';
import { DIALECTS, openTestContext, testConfig } from './support/databases.js';
import { runCliInProcess } from './support/run-cli.js';

const BRIEF =
  'La DRH de notre assureur veut un chatbot qui répond aux questions des collaborateurs sur la paie, ' +
  'à partir des documents internes.';

describe('POST /api/briefs/classify', () => {
  let ctx: Context;
  let app: FastifyInstance;

  beforeAll(async () => {
    ctx = await openTestContext(DIALECTS[0]!, testConfig({ maxBodyBytes: 4096, maxTextBytes: 1000 }));
    app = await buildApp(ctx);
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  it('returns each field with its evidence spans into the text', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/briefs/classify', payload: { text: BRIEF } });
    expect(r.statusCode).toBe(200);
    const body = r.json() as ClassifyResponse;
    expect(body.industry.value).toBe('insurance');
    expect(body.businessFunction.value).toBe('hr');
    expect(body.archetype.value).toBe('assistant-rag');
    for (const f of [body.industry, body.businessFunction, body.archetype])
      for (const e of f.evidence) expect(BRIEF.slice(e.span[0], e.span[1])).toBe(e.phrase);
    expect(body.businessFunction.evidence.map((e) => e.phrase)).toEqual([
      'DRH',
      'questions des collaborateurs',
      'paie',
    ]);
  });

  it('answers an empty text with nulls, and bad input with the documented errors', async () => {
    const empty = await app.inject({ method: 'POST', url: '/api/briefs/classify', payload: { text: '' } });
    expect(empty.statusCode).toBe(200);
    expect(empty.json().industry).toMatchObject({ value: null, confidence: 0, evidence: [] });
    const missing = await app.inject({ method: 'POST', url: '/api/briefs/classify', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('body.text');
    const big = await app.inject({
      method: 'POST',
      url: '/api/briefs/classify',
      payload: { text: 'banque '.repeat(200) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('1000');
  });

  it('is described in the OpenAPI document', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(Object.keys(r.json().paths)).toContain('/api/briefs/classify');
  });
});

describe('vivier classify (in-process)', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-classify-'));
    db = join(dir, 'v.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--json prints the same document as the API', async () => {
    const r = await runCliInProcess(['--db', db, 'classify', '--json'], { stdin: BRIEF });
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const body = JSON.parse(r.stdout) as ClassifyResponse;
    expect(body.industry.value).toBe('insurance');
    expect(body.businessFunction.evidence.map((e) => e.phrase)).toEqual([
      'DRH',
      'questions des collaborateurs',
      'paie',
    ]);
  });

  it('prints a table, with "-" for what the brief does not decide', async () => {
    const r = await runCliInProcess(['--db', db, 'classify'], {
      stdin: 'We want AI agents that carry out routine tasks.',
    });
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/archetype\s+agents\s+0\.\d\d\s+"AI agents"/);
    expect(r.stdout).toMatch(/industry\s+-\s+0\.00/);
  });

  it('refuses binary input', async () => {
    const r = await runCliInProcess(['--db', db, 'classify'], { stdin: Buffer.from([0, 1, 2, 255]) });
    expect(r.code).toBe(EXIT.invalid_input);
    expect(r.stderr).toMatch(/binary/);
  });
});

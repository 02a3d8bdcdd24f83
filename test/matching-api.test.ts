/**
 * Matching through both edges on one database file: the same filters as query parameters and as CLI
 * flags give the same document; parts add up to the score; filters exclude without changing scores; bad
 * parameters are named; the organization's weights round-trip and a request can override them.
 */
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import { envToConfig } from '../src/config/env-to-config.js';
import type { MatchesResponse, WeightsResponse } from '../src/contract/matching.schemas.js';
import { DEFAULT_WEIGHTS } from '../src/core/matching/score-candidate.js';
import { SCORE_PARTS } from '../src/core/matching/types.js';
import { buildApp } from '../src/http/app.js';
import { createContext, type Context } from '../src/main/create-context.js';
import { runCliInProcess } from './support/run-cli.js';

const WEIGHTS_URL = '/api/settings/matching-weights';

function expectPartsAddUp(body: MatchesResponse): void {
  for (const m of body.matches) {
    const sum = SCORE_PARTS.reduce((a, p) => a + m.parts[p], 0);
    expect(Math.abs(sum - m.score), m.talentId).toBeLessThanOrEqual(1e-12);
    // The skill parts are the sums of the per-requirement contributions shown in the explanation.
    for (const p of ['coverage', 'levelFit', 'adjacency'] as const) {
      const perReq = m.explanation.reduce((a, e) => a + e.contributions[p], 0);
      expect(Math.abs(perReq - m.parts[p]), `${m.talentId} ${p}`).toBeLessThanOrEqual(1e-12);
    }
  }
}

/**
 * Weights are equal to 1e-12: stored weights are scaled by their sum again when read, which may move the
 * last bit.
 */
function expectWeights(w: WeightsResponse['weights'], expected: WeightsResponse['weights']): void {
  for (const p of SCORE_PARTS) expect(w[p], p).toBeCloseTo(expected[p], 12);
}
const expectDefaults = (w: WeightsResponse['weights']) => expectWeights(w, DEFAULT_WEIGHTS);

describe('matching: HTTP and CLI', () => {
  let dir: string;
  let db: string;
  let ctx: Context;
  let app: FastifyInstance;
  let projectId: string;
  let project: { startDate: string; endDate: string; industry: string };

  const cli = (args: string[]) => runCliInProcess(['--db', db, ...args], { env: {} });
  const get = (url: string) => app.inject({ method: 'GET', url });
  const matches = async (query: string) => {
    const r = await get(`/api/projects/${projectId}/matches${query ? `?${query}` : ''}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as MatchesResponse;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-matching-'));
    db = join(dir, 'm.db');
    const seeded = await runCliInProcess([
      '--db',
      db,
      'demo',
      'seed',
      '--size',
      '80',
      '--seed',
      '5',
      '--json',
    ]);
    expect(seeded.code, seeded.stderr).toBe(0);
    ctx = await createContext(envToConfig({}, { dbFile: db }));
    app = await buildApp(ctx);
    // The project with the most candidates, so that filters have something to remove.
    let best = -1;
    for (const p of await ctx.services.projects.list()) {
      const r = await ctx.services.matching.matchProject(p.id, { top: 200, counterfactuals: 0 });
      if (r.matches.length > best) {
        best = r.matches.length;
        projectId = p.id;
      }
    }
    project = await ctx.services.projects.get(projectId);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('filters as query parameters and as CLI flags give the same document', async () => {
    const all = await matches('top=50');
    const rate = [...all.matches.map((m) => m.profile.budget.dailyCost)].sort((a, b) => a - b)[
      Math.floor(all.matches.length / 2)
    ]!;
    const cases: { query: string; flags: string[] }[] = [
      { query: 'top=5', flags: ['--top', '5'] },
      {
        query: `top=10&source=freelance&maxRate=${rate}&counterfactuals=2&lang=fr`,
        flags: [
          '--top',
          '10',
          '--source',
          'freelance',
          '--max-rate',
          String(rate),
          '--counterfactuals',
          '2',
          '--lang',
          'fr',
        ],
      },
      {
        query: `availableFrom=${project.startDate}&availableTo=${project.endDate}&minDays=2&industries=${project.industry},banking&languages=fr`,
        flags: [
          '--available-from',
          project.startDate,
          '--available-to',
          project.endDate,
          '--min-days',
          '2',
          '--industries',
          `${project.industry},banking`,
          '--languages',
          'fr',
        ],
      },
      {
        query: 'location=Paris&remoteOk=true&w.coverage=0.2&w.budget=0.3',
        flags: ['--location', 'Paris', '--remote-ok', '--weights', 'coverage=0.2,budget=0.3'],
      },
    ];
    for (const c of cases) {
      const http = await matches(c.query);
      const run = await cli(['match', projectId, ...c.flags, '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout), c.query).toEqual(http);
      expectPartsAddUp(http);
    }
  });

  it('documents every part, the explanation, the profile and the counterfactuals', async () => {
    const body = await matches('top=20&counterfactuals=3');
    expect(body.projectId).toBe(projectId);
    expect(Object.keys(body.weights)).toEqual([...SCORE_PARTS]);
    expect(SCORE_PARTS.reduce((a, p) => a + body.weights[p], 0)).toBeCloseTo(1, 12);
    expect(body.filters).toEqual({
      source: 'all',
      available: null,
      maxRate: null,
      languages: [],
      location: null,
      industries: [],
    });
    expectPartsAddUp(body);
    const requirements = (await ctx.services.projects.get(projectId)).requirements;
    for (const m of body.matches) {
      expect(Object.keys(m.parts)).toEqual([...SCORE_PARTS]);
      expect(m.explanation.map((e) => e.skillId)).toEqual(requirements.map((r) => r.skillId));
      for (const e of m.explanation) {
        expect(e.label.length).toBeGreaterThan(0);
        if (e.brings.kind === 'adjacent') {
          expect(e.brings.credit).toBeGreaterThan(0);
          expect(e.brings.credit).toBeLessThan(1);
          expect(e.brings.viaLabel.length).toBeGreaterThan(0);
        }
        if (e.brings.kind === 'none')
          expect(e.contributions).toEqual({ coverage: 0, levelFit: 0, adjacency: 0 });
      }
      // The non-skill parts are weight × the value the profile explanation shows.
      const p = m.profile;
      expect(m.parts.vertical).toBeCloseTo(body.weights.vertical * p.vertical.value, 12);
      expect(m.parts.trackRecord).toBeCloseTo(body.weights.trackRecord * p.trackRecord.value, 12);
      expect(m.parts.availability).toBeCloseTo(body.weights.availability * p.availability.value, 12);
      expect(m.parts.budget).toBeCloseTo(body.weights.budget * p.budget.value, 12);
      expect(m.parts.breadth).toBeCloseTo(body.weights.breadth * p.breadth.value, 12);
      expect(p.trackRecord.production).toBeLessThanOrEqual(p.trackRecord.missions);
      expect(p.availability.availableDays).toBeLessThanOrEqual(p.availability.workingDays + 1e-9);
      // Counterfactuals: at most 3, best first, each a real gain, skills labelled.
      expect(m.counterfactuals.length).toBeLessThanOrEqual(3);
      const gains = m.counterfactuals.map((c) => c.gain);
      expect([...gains].sort((a, b) => b - a)).toEqual(gains);
      for (const c of m.counterfactuals) {
        expect(c.gain).toBeGreaterThan(0);
        if (c.kind !== 'full-availability') {
          expect(requirements.map((r) => r.skillId)).toContain(c.skillId);
          expect(c.label.length).toBeGreaterThan(0);
        }
      }
    }
    expect(body.matches.some((m) => m.counterfactuals.length > 0)).toBe(true);
    expect((await matches('counterfactuals=0')).matches.every((m) => m.counterfactuals.length === 0)).toBe(
      true,
    );
  });

  it('filters exclude talents and never change a score', async () => {
    const all = await matches('top=200&counterfactuals=0');
    const scoreOf = new Map(all.matches.map((m) => [m.talentId, m.score]));
    const freelance = await matches('top=200&counterfactuals=0&source=freelance');
    expect(freelance.matches.length).toBeLessThan(all.matches.length);
    expect(freelance.filters.source).toBe('freelance');
    const costs = all.matches.map((m) => m.profile.budget.dailyCost).sort((a, b) => a - b);
    const maxRate = costs[Math.floor(costs.length / 2)]!;
    const cheap = await matches(`top=200&counterfactuals=0&maxRate=${maxRate}`);
    expect(cheap.matches.length).toBeLessThan(all.matches.length);
    for (const filtered of [freelance, cheap]) {
      for (const m of filtered.matches) expect(m.score).toBe(scoreOf.get(m.talentId));
    }
    expect(freelance.matches.every((m) => m.source === 'freelance')).toBe(true);
    expect(cheap.matches.every((m) => m.profile.budget.dailyCost <= maxRate)).toBe(true);
  });

  it('names the invalid parameter (HTTP 400) and the invalid option (CLI usage error)', async () => {
    const cases: [string, string, string[], RegExp][] = [
      ['top=0', 'querystring.top', ['--top', '0'], /--top/],
      ['source=robots', 'querystring.source', ['--source', 'robots'], /--source/],
      [
        'availableFrom=2026-02-30&availableTo=2026-03-10',
        'querystring.availableFrom',
        ['--available-from', '2026-02-30', '--available-to', '2026-03-10'],
        /--available-from/,
      ],
      [
        'availableFrom=2026-03-01',
        'querystring.availableTo',
        ['--available-from', '2026-03-01'],
        /--available-to.*--available-from/,
      ],
      [
        'availableFrom=2026-03-10&availableTo=2026-03-01',
        'querystring.availableTo',
        ['--available-from', '2026-03-10', '--available-to', '2026-03-01'],
        /--available-to/,
      ],
      ['minDays=2', 'querystring.minDays', ['--min-days', '2'], /--min-days/],
      ['maxRate=-5', 'querystring.maxRate', ['--max-rate', '-5'], /--max-rate/],
      ['languages=french', 'querystring.languages', ['--languages', 'french'], /--languages/],
      [
        'industries=banking,space',
        'querystring.industries',
        ['--industries', 'banking,space'],
        /--industries/,
      ],
      ['remoteOk=true', 'querystring.remoteOk', ['--remote-ok'], /--remote-ok.*--location/],
      ['counterfactuals=99', 'querystring.counterfactuals', ['--counterfactuals', '99'], /--counterfactuals/],
      ['w.coverage=-1', 'querystring.w.coverage', ['--weights', 'coverage=-1'], /--weights coverage/],
      ['w.coverage=abc', 'querystring.w.coverage', ['--weights', 'coverage=abc'], /--weights coverage/],
    ];
    for (const [query, field, flags, message] of cases) {
      const r = await get(`/api/projects/${projectId}/matches?${query}`);
      expect(r.statusCode, query).toBe(400);
      expect(r.json().error.code).toBe('invalid_input');
      expect(r.json().error.message, query).toContain(field);
      const run = await cli(['match', projectId, ...flags]);
      expect(run.code, flags.join(' ')).toBe(EXIT.usage);
      expect(run.stderr, flags.join(' ')).toMatch(message);
      expect(run.stdout).toBe('');
    }
    const unknownPart = await cli(['match', projectId, '--weights', 'charisma=1']);
    expect(unknownPart.code).toBe(EXIT.usage);
    expect(unknownPart.stderr).toMatch(/--weights.*unknown part "charisma"/);
    const missing = await cli(['match', 'prj-nope']);
    expect(missing.code).toBe(EXIT.not_found);
  });

  it("round-trips the organization's weights, and a request can override them", async () => {
    // Whatever happens here, the other tests rank with the defaults.
    onTestFinished(async () => {
      await app.inject({ method: 'PUT', url: WEIGHTS_URL, payload: {} });
    });
    const initial = (await get(WEIGHTS_URL)).json() as WeightsResponse;
    expect(initial).toEqual({ weights: DEFAULT_WEIGHTS, defaults: DEFAULT_WEIGHTS });

    const put = await app.inject({
      method: 'PUT',
      url: WEIGHTS_URL,
      payload: {
        coverage: 1,
        levelFit: 1,
        adjacency: 0,
        vertical: 0,
        trackRecord: 0,
        availability: 0,
        budget: 2,
        breadth: 0,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const saved = put.json() as WeightsResponse;
    expect(saved.weights).toEqual({
      coverage: 0.25,
      levelFit: 0.25,
      adjacency: 0,
      vertical: 0,
      trackRecord: 0,
      availability: 0,
      budget: 0.5,
      breadth: 0,
    });
    expect((await get(WEIGHTS_URL)).json()).toEqual(saved);
    // The CLI shows the same document.
    const shown = await cli(['settings', 'weights', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(saved);

    // Rankings use them…
    const ranked = await matches('top=5');
    expect(ranked.weights).toEqual(saved.weights);
    expectPartsAddUp(ranked);
    for (const m of ranked.matches) expect(m.parts.adjacency).toBe(0);
    // …unless a request overrides a part (the others keep the organization's, then all sum to 1).
    const override = await matches('top=5&w.adjacency=1');
    // Stored: 0.25, 0.25, budget 0.5; with adjacency 1 the total is 2.
    expect(override.weights.adjacency).toBeCloseTo(0.5, 12);
    expect(override.weights.budget).toBeCloseTo(0.25, 12);
    expect(override.weights.coverage).toBeCloseTo(0.125, 12);
    expectPartsAddUp(override);

    // The CLI sets them too; parts left out take their default.
    const set = await cli([
      'settings',
      'weights',
      '--set',
      'coverage=0.4,level-fit=0.25,budget=0.13',
      '--json',
    ]);
    expect(set.code, set.stderr).toBe(0);
    const fromCli = JSON.parse(set.stdout) as WeightsResponse;
    expect(fromCli.weights.budget).toBeCloseTo(0.13 / 1.1, 12);
    expectWeights(((await get(WEIGHTS_URL)).json() as WeightsResponse).weights, fromCli.weights);
    const table = await cli(['settings', 'weights']);
    expect(table.stdout).toMatch(/part\s+weight\s+default/);
    expect(table.stdout).toMatch(/trackRecord\s+0\.0455\s+0\.0500/);

    // Invalid weights: 400 naming the field, and the CLI names its option.
    for (const payload of [{ coverage: -1 }, { charisma: 1 }, { coverage: 'high' }]) {
      const r = await app.inject({ method: 'PUT', url: WEIGHTS_URL, payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().error.message).toMatch(/body/);
    }
    const allZero = await app.inject({
      method: 'PUT',
      url: WEIGHTS_URL,
      payload: Object.fromEntries(SCORE_PARTS.map((p) => [p, 0])),
    });
    expect(allZero.statusCode).toBe(400);
    expect(allZero.json().error.message).toContain('weights');
    for (const bad of ['coverage=-1', 'charisma=1', 'coverage']) {
      const r = await cli(['settings', 'weights', '--set', bad]);
      expect(r.code, bad).toBe(EXIT.usage);
      expect(r.stderr).toMatch(/--set/);
    }

    // Reset: the defaults again.
    const reset = await app.inject({ method: 'PUT', url: WEIGHTS_URL, payload: {} });
    expectDefaults((reset.json() as WeightsResponse).weights);
    await cli(['settings', 'weights', '--set', 'budget=1']);
    const cliReset = await cli(['settings', 'weights', '--reset', '--json']);
    expectDefaults((JSON.parse(cliReset.stdout) as WeightsResponse).weights);
  });

  it('prints a readable table with the parts and the best change', async () => {
    const r = await cli(['match', projectId, '--top', '5', '--source', 'employee']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/filters: source employee/);
    expect(r.stdout).toMatch(/weights: coverage 0\.40, level 0\.25/);
    expect(r.stdout).toMatch(
      /score\s+coverage\s+level\s+adjacent\s+vertical\s+track\s+avail\s+budget\s+breadth\s+best change/,
    );
    expect(r.stdout).toMatch(/(level \d in .+|add .+ at level \d|full-time availability): \+0\.\d{3}/);
  });

  it('describes the new parameters in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json();
    const params = (doc.paths['/api/projects/{id}/matches'].get.parameters as { name: string }[]).map(
      (p) => p.name,
    );
    expect(params).toEqual(
      expect.arrayContaining([
        'top',
        'source',
        'availableFrom',
        'availableTo',
        'minDays',
        'maxRate',
        'languages',
        'location',
        'remoteOk',
        'industries',
        'counterfactuals',
        'w.coverage',
        'w.breadth',
      ]),
    );
    expect(doc.paths[WEIGHTS_URL].put).toBeDefined();
  });
});

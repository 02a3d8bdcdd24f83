import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import { runCliInProcess } from './support/run-cli.js';

const run = (args: string[]) => runCliInProcess(args);

describe('vivier readiness (in-process)', () => {
  let dir: string;
  let db: string;
  let projectId: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-readiness-'));
    db = join(dir, 'v.db');
    const seeded = await run(['--db', db, 'demo', 'seed', '--size', '80', '--projects', '40', '--seed', '4']);
    expect(seeded.code).toBe(0);
    projectId = JSON.parse((await run(['--db', db, 'projects', 'list', '--json'])).stdout).projects[0].id;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('explains one project in a table, and as JSON', async () => {
    const t = await run(['--db', db, 'readiness', projectId]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/readiness \d+\/100, risk (low|medium|high|critical)/);
    expect(t.stdout).toMatch(/factor\s+value\s+weight\s+points\s+why/);
    const j = await run(['--db', db, 'readiness', projectId, '--json', '--lang', 'fr']);
    expect(j.code).toBe(0);
    const body = JSON.parse(j.stdout);
    expect(body.projectId).toBe(projectId);
    expect(
      body.factors.reduce((s: number, f: { contribution: number }) => s + f.contribution, 0),
    ).toBeCloseTo(body.score, 9);
  });

  it('--all lists every project riskiest first; --calibration shows the weights', async () => {
    const all = await run(['--db', db, 'readiness', '--all', '--json']);
    expect(all.code).toBe(0);
    const list = JSON.parse(all.stdout).projects as { score: number }[];
    expect(list).toHaveLength(40);
    expect(list.map((p) => p.score)).toEqual([...list.map((p) => p.score)].sort((a, b) => a - b));
    const table = await run(['--db', db, 'readiness', '--all']);
    expect(table.stdout).toMatch(/project\s+score\s+risk/);
    const cal = await run(['--db', db, 'readiness', '--calibration']);
    expect(cal.code).toBe(0);
    expect(cal.stdout).toMatch(/held-out AUC/);
    expect(
      JSON.parse((await run(['--db', db, 'readiness', '--calibration', '--json'])).stdout),
    ).toHaveProperty('weights');
  });

  it('exit codes: unknown project 4, missing argument 2', async () => {
    const missing = await run(['--db', db, 'readiness', 'nope']);
    expect(missing.code).toBe(EXIT.not_found);
    expect(missing.stderr).toContain('project "nope" does not exist');
    const usage = await run(['--db', db, 'readiness']);
    expect(usage.code).toBe(EXIT.usage);
    expect(usage.stderr).toMatch(/project id, --all or --calibration/);
    expect((await run(['readiness', '--help'])).code).toBe(0);
  });
});

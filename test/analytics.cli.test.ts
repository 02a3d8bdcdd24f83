import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import type {
  GapsResponse,
  PlanResponse,
  TrendsResponse,
  UpskillingResponse,
} from '../src/contract/analytics.schemas.js';
import { runCliInProcess } from './support/run-cli.js';

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCliInProcess(args, { env });

describe('vivier gaps, trends, upskill (in-process, the small demo)', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-analytics-cli-'));
    db = join(dir, 'v.db');
    const r = await run(['--db', db, 'demo', 'seed', '--size', 'small', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ talents: 300, projects: 250, seed: 42 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gaps --json is the API document; the text names the headline and the actions', async () => {
    const j = await run(['--db', db, 'gaps', '--top', '5', '--json']);
    expect(j.code, j.stderr).toBe(0);
    const g = JSON.parse(j.stdout) as GapsResponse;
    expect(g.rows).toHaveLength(5);
    expect(g.headline.shareAbsentEmployees).toBe(0.4);
    const t = await run(['--db', db, 'gaps', '--by', 'industry', '--source', 'employee', '--lang', 'fr']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/4 of the 10 most demanded skills \(40 %\) are held by no employee/);
    expect(t.stdout).toMatch(/domains, scarcest first/);
    expect(t.stdout).toMatch(/by industry/);
    expect(t.stdout).toMatch(/train, borrow or hire/);
  });

  it('trends prints the series and the article; --json the API document', async () => {
    const t = await run(['--db', db, 'trends']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/ai-projects: 40 \(2023\) → 132 \(2024\) = ×3\.3/);
    expect(t.stdout).toMatch(/open-weight-llm: 3 \(2023\) → 24 \(2024\) = ×8\.0/);
    expect(t.stdout).toMatch(/low-code: 10 \(2023\) → 14 \(2024\) = \+40 %/);
    expect(t.stdout).toMatch(/security-compliance: 20 \(2023\) → 27 \(2024\) = \+35 %/);
    expect(t.stdout).toMatch(/freelance-tech-data: \d+ \(2022\) → \d+ \(2024\) = \+70 %/);
    const j = await run(['--db', db, 'trends', '--period', 'quarter', '--json']);
    const doc = JSON.parse(j.stdout) as TrendsResponse;
    expect(doc.period).toBe('quarter');
    expect(doc.periods).toHaveLength(16);
  });

  it('upskill <skill> lists learners with plans; without a skill, the training plan', async () => {
    const u = await run(['--db', db, 'upskill', 'cloud-security', '--top', '3', '--json']);
    expect(u.code, u.stderr).toBe(0);
    const doc = JSON.parse(u.stdout) as UpskillingResponse;
    expect(doc.learners).toHaveLength(3);
    expect(doc.learners[0]!.plan.at(-1)!.skillId).toBe('cloud-security');
    const text = await run(['--db', db, 'upskill', 'cloud-security']);
    expect(text.stdout).toMatch(/weeks from scratch/);
    const plan = await run(['--db', db, 'upskill', '--people', '3', '--json']);
    expect((JSON.parse(plan.stdout) as PlanResponse).assignments.length).toBeLessThanOrEqual(3);
    const planText = await run(['--db', db, 'upskill']);
    expect(planText.stdout).toMatch(/^Training these \d+ people/);
  });

  it('bad input exits non-zero with one line on stderr', async () => {
    const cases: [string[], number, RegExp][] = [
      [['--db', db, 'gaps', '--by', 'planet'], EXIT.usage, /domain, industry, function/],
      [['--db', db, 'gaps', '--from', '2025-01-01'], EXIT.usage, /--from and --to go together/],
      [['--db', db, 'gaps', '--from', 'yesterday', '--to', '2025-12-31'], EXIT.usage, /YYYY-MM-DD/],
      [['--db', db, 'trends', '--period', 'week'], EXIT.usage, /year, quarter, month/],
      [['--db', db, 'upskill', 'no-such-skill'], EXIT.not_found, /skill "no-such-skill" does not exist/],
      [['--db', db, 'demo', 'seed', '--size', 'huge'], EXIT.usage, /small, medium, large or a number/],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import { SCORE_PARTS } from '../src/core/matching/types.js';
import { runCliInProcess } from './support/run-cli.js';

const run = (args: string[], stdin: string | Buffer = '', env: NodeJS.ProcessEnv = {}) =>
  runCliInProcess(args, { stdin, env });

describe('vivier CLI (in-process)', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-cli-'));
    db = join(dir, 'v.db');
    const r = await run(['--db', db, 'demo', 'seed', '--size', '60', '--seed', '9', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ talents: 60, seed: 9 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--help works on the program and on each command', async () => {
    for (const args of [
      ['--help'],
      ['match', '--help'],
      ['demo', 'seed', '--help'],
      ['extract', '--help'],
      ['projects', 'list', '--help'],
      ['settings', 'weights', '--help'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: vivier/);
    }
  });

  it('migrate reports an up-to-date database', async () => {
    const r = await run(['--db', db, 'migrate', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ applied: [] });
  });

  it('projects list, then match --json gives the same document shape as the API', async () => {
    const list = await run(['--db', db, 'projects', 'list', '--json']);
    expect(list.code).toBe(0);
    const projects = JSON.parse(list.stdout).projects as { id: string }[];
    expect(projects.length).toBeGreaterThan(0);
    // Must-have skills exclude: rank for the first project someone holds every must-have of.
    let body: { projectId: string; matches: { score: number; parts: Record<string, number> }[] } | undefined;
    for (const p of projects) {
      const m = await run(['--db', db, 'match', p.id, '--top', '3', '--json']);
      expect(m.code).toBe(0);
      body = JSON.parse(m.stdout);
      if (body!.matches.length > 0) break;
    }
    if (!body) throw new Error('no project');
    expect(body.matches.length).toBeGreaterThan(0);
    expect(body.matches.length).toBeLessThanOrEqual(3);
    for (const x of body.matches) {
      const sum = SCORE_PARTS.reduce((a, p) => a + x.parts[p]!, 0);
      expect(Math.abs(sum - x.score)).toBeLessThanOrEqual(1e-12);
    }
    const table = await run(['--db', db, 'match', body.projectId, '--top', '3']);
    expect(table.stdout).toMatch(
      /score\s+coverage\s+level\s+adjacent\s+vertical\s+track\s+avail\s+budget\s+breadth\s+best change/,
    );
  });

  it('extract reads stdin', async () => {
    const r = await run(['--db', db, 'extract', '--json'], 'Data engineer: Airflow, dbt et Snowflake.');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).skills.map((s: { id: string }) => s.id)).toEqual([
      'airflow',
      'dbt',
      'snowflake',
    ]);
    const empty = await run(['--db', db, 'extract', '--json'], '');
    expect(JSON.parse(empty.stdout).skills).toEqual([]);
  });

  it('bad input exits non-zero with one line on stderr', async () => {
    const cases: [string[], string | Buffer, number, RegExp, NodeJS.ProcessEnv?][] = [
      [['--db', db, 'match', 'prj-nope'], '', EXIT.not_found, /project "prj-nope" does not exist/],
      [['--db', db, 'match', 'x', '--top', 'abc'], '', EXIT.usage, /--top/],
      [
        ['--db', db, 'match', 'x', '--source', 'robots'],
        '',
        EXIT.usage,
        /--source.*employee, freelance, all/,
      ],
      [
        ['--db', db, 'extract'],
        Buffer.from([0xff, 0xfe, 0x00, 0x41]),
        EXIT.invalid_input,
        /binary data or invalid UTF-8/,
      ],
      [
        ['--db', db, 'extract'],
        'a'.repeat(300),
        EXIT.too_large,
        /limit is 100 bytes/,
        { VIVIER_MAX_TEXT_BYTES: '100' },
      ],
      [['--db', db, 'nonsense'], '', EXIT.usage, /unknown command/],
      [['projects', 'list'], '', EXIT.usage, /PORT/, { PORT: 'eighty', VIVIER_DB: db }],
    ];
    for (const [args, stdin, code, message, env] of cases) {
      const r = await run(args, stdin, env);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

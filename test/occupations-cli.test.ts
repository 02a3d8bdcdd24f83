import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import { runCliInProcess } from './support/run-cli.js';

const jsonl = (...rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Without ESCO the built-in roles are the occupations: enough to check the command's contract. */
describe('vivier occupations link (built-in roles)', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-occ-'));
    db = join(dir, 'v.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('links French and English titles, best first, at most --top', async () => {
    const r = await runCliInProcess(['--db', db, 'occupations', 'link', '--jsonl', '--top', '3'], {
      stdin: jsonl({ id: 1, text: 'Ingénieure de données (H/F)' }, { id: 2, text: 'Data engineer' }),
    });
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; occupations: { id: string; score: number }[] });
    expect(out.map((o) => o.id)).toEqual([1, 2]);
    for (const o of out) {
      expect(o.occupations.length).toBeGreaterThan(0);
      expect(o.occupations.length).toBeLessThanOrEqual(3);
      const scores = o.occupations.map((x) => x.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(out[0]!.occupations[0]!.id).toBe(out[1]!.occupations[0]!.id);
  });

  it('refuses a binary title, naming the line; --skip-invalid reports it and goes on', async () => {
    const input = jsonl({ id: 'a', text: 'data engineer' }, { id: 'b', text: 'bad\u0000title' });
    const r = await runCliInProcess(['--db', db, 'occupations', 'link', '--jsonl'], { stdin: input });
    expect(r.code).toBe(EXIT.invalid_input);
    expect(r.stderr).toMatch(/line 2: .*binary/);
    const skip = await runCliInProcess(['--db', db, 'occupations', 'link', '--jsonl', '--skip-invalid'], {
      stdin: input,
    });
    expect(skip.code, skip.stderr).toBe(EXIT.ok);
    expect(skip.stdout.trim().split('\n')).toHaveLength(1);
    expect(skip.stderr).toMatch(/line 2: .*skipped/);
  });
});

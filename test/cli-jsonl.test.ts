import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import { FX, escoId, writeEscoFixture } from './support/esco-fixture.js';
import { runCliInProcess } from './support/run-cli.js';

const run = (args: string[], stdin = '') => runCliInProcess(args, { stdin });

const lines = (s: string) =>
  s
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const jsonl = (...values: unknown[]) =>
  values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n');

interface SkillOut {
  id: string;
  uri: string | null;
  label: string;
  score: number;
  spans: [number, number][];
}

describe('CLI contract: taxonomy import, extract --jsonl, occupations link --jsonl', () => {
  let dir: string;
  let db: string;
  let esco: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-cli-jsonl-'));
    db = join(dir, 'v.db');
    esco = writeEscoFixture();
    const r = await run(['--db', db, 'taxonomy', 'import', 'esco', esco, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      languages: ['en', 'fr'],
      counts: { skills: 5, occupations: 2 },
    });
    // Progress goes to stderr, plain lines when stderr is not a terminal.
    expect(r.stderr).toMatch(/^read: /m);
    expect(r.stderr).toMatch(/^write: 100% /m);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(esco, { recursive: true, force: true });
  });

  it('taxonomy import esco: a missing file is an error naming it (exit 4), nothing on stdout', async () => {
    const r = await run(['--db', db, 'taxonomy', 'import', 'esco', join(dir, 'nowhere'), '--no-progress']);
    expect(r.code).toBe(EXIT.not_found);
    expect(r.stderr).toMatch(/^vivier: ESCO directory ".*nowhere" does not exist\n$/);
    expect(r.stdout).toBe('');
  });

  it('extract --jsonl: one line per input, literal skills with spans first, then implicit ones', async () => {
    const text = 'We analyse data with Python every day.';
    const r = await run(
      ['--db', db, 'extract', '--jsonl', '--top', '5'],
      jsonl(
        { id: 'a', text },
        { id: 2, text: '' },
        { id: 'c', text: 'Tenue des comptes et comptabilité fournisseurs.' },
      ),
    );
    expect(r.code, r.stderr).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['a', 2, 'c']);
    const a = out[0] as { lang: string; skills: SkillOut[] };
    expect(a.lang).toBe('en');
    expect(a.skills.length).toBeLessThanOrEqual(5);
    const scores = a.skills.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    // The built-in Python skill stands for the ESCO concept it points at: reported once, with its URI.
    const python = a.skills.filter((s) => s.uri === FX.python);
    expect(python).toHaveLength(1);
    expect(python[0]!.id).toBe('python');
    expect(python[0]!.spans.map(([s, e]) => text.slice(s, e))).toEqual(['Python']);
    const analysis = a.skills.find((s) => s.id === escoId(FX.dataAnalysis));
    expect(analysis?.uri).toBe(FX.dataAnalysis);
    expect(analysis?.spans.map(([s, e]) => text.slice(s, e))).toEqual(['analyse data']);
    // Literal matches score at least 0.5; implicit ones (no spans) below.
    for (const s of a.skills) expect(s.spans.length > 0).toBe(s.score >= 0.5);
    expect(out[1]).toEqual({ id: 2, lang: 'en', skills: [] });
    const c = out[2] as { lang: string; skills: SkillOut[] };
    expect(c.lang).toBe('fr');
    // Not named literally ("comptabilité" is one word, left to the ranker), found as an implicit skill.
    expect(c.skills).toContainEqual(
      expect.objectContaining({ id: escoId(FX.accounting), label: 'comptabilité', spans: [] }),
    );
  });

  it('extract --jsonl: a malformed line stops with exit 3 and one line naming it; --skip-invalid goes on', async () => {
    const input = jsonl(
      { id: 1, text: 'Python' },
      '{"id": 2, "text": ',
      { id: 3 },
      { id: 4, text: 'accounting' },
    );
    const strict = await run(['--db', db, 'extract', '--jsonl'], input);
    expect(strict.code).toBe(EXIT.invalid_input);
    expect(strict.stderr).toMatch(/^vivier: line 2: invalid JSON .*\n$/);
    expect(lines(strict.stdout).map((o) => o.id)).toEqual([1]);

    const lenient = await run(['--db', db, 'extract', '--jsonl', '--skip-invalid'], input);
    expect(lenient.code).toBe(EXIT.ok);
    expect(lenient.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^vivier: line 2: invalid JSON .*\(skipped\)$/),
      'vivier: line 3: "text" must be a string (skipped)',
    ]);
    expect(lines(lenient.stdout).map((o) => o.id)).toEqual([1, 4]);
  });

  it('extract without --jsonl keeps its single-text behaviour', async () => {
    const r = await run(['--db', db, 'extract', '--json'], 'Airflow et dbt.');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).skills.map((s: { id: string }) => s.id)).toEqual(['airflow', 'dbt']);
  });

  it('occupations link --jsonl: French and English titles link to the same ESCO concept', async () => {
    const r = await run(
      ['--db', db, 'occupations', 'link', '--jsonl', '--top', '5'],
      jsonl(
        { id: 'fr', text: 'Analyste de données (H/F)' },
        { id: 'en', text: 'Senior Data Analyst' },
        { id: 'acc-fr', text: 'Expert-comptable (H/F)' },
        { id: 'acc-en', text: 'Chartered accountant' },
        { id: 'none', text: '' },
      ),
    );
    expect(r.code, r.stderr).toBe(0);
    const out = lines(r.stdout) as {
      id: string;
      occupations: { id: string; uri: string; label: string; score: number }[];
    }[];
    expect(out.map((o) => o.id)).toEqual(['fr', 'en', 'acc-fr', 'acc-en', 'none']);
    // The French and the English title link to the same ESCO concept.
    expect(out[2]!.occupations[0]).toMatchObject({
      id: escoId(FX.accountant),
      uri: FX.accountant,
      label: 'comptable/comptable', // ESCO's French preferred label, as written (masculine/feminine)
    });
    expect(out[3]!.occupations[0]).toMatchObject({
      id: escoId(FX.accountant),
      uri: FX.accountant,
      label: 'accountant',
    });
    // Built-in roles are linked too, under their own ids (here 'data-analyst' or another data role).
    expect(out[0]!.occupations.length).toBeGreaterThan(0);
    expect(out[1]!.occupations.map((o) => o.id)).toContain(escoId(FX.dataAnalyst));
    expect(out[1]!.occupations.find((o) => o.id === escoId(FX.dataAnalyst))?.label).toBe('data analyst');
    for (const o of out) expect(o.occupations.length).toBeLessThanOrEqual(5);
    expect(out[4]!.occupations).toEqual([]);
    const scores = out[1]!.occupations.map((o) => o.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));

    const bad = await run(['--db', db, 'occupations', 'link', '--jsonl'], '[1,2]\n');
    expect(bad.code).toBe(EXIT.invalid_input);
    expect(bad.stderr).toBe('vivier: line 1: expected an object {"id", "text"}\n');
  });

  it('--help works on the new commands', async () => {
    for (const args of [
      ['taxonomy', 'import', 'esco', '--help'],
      ['occupations', 'link', '--help'],
      ['extract', '--help'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: vivier/);
    }
  });
});

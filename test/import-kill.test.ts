/**
 * kill -9 in the middle of an import, for real: the CLI runs as a child process and is SIGKILLed.
 * - Batched (`--batch-size`), after its first checkpoint line: the database must hold whole batches only;
 *   `--resume` then ends with exactly the rows of the file.
 * - Streamed (the default: one pass in one transaction, the file read in a worker thread), once it has
 *   started writing: the database must hold nothing of the file; running it again ends with exactly its rows.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import type { Talent } from '../src/core/model.js';
import { runCliInProcess } from './support/run-cli.js';

const ROOT = join(import.meta.dirname, '..');
const BATCH = 200;

function cli(args: string[]): {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; stderr: string; stdout: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/entry.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, VIVIER_DB: undefined, DATABASE_URL: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  const done = new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr, stdout })),
  );
  return { child, done };
}

const inProcess = (args: string[]) => runCliInProcess(args);

describe('kill -9 during an import', () => {
  let dir: string;
  let file: string;
  let db: string;
  let talents: Talent[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vivier-kill-'));
    file = join(dir, 'talents.jsonl');
    db = join(dir, 'v.db');
    talents = generateDemo(buildTaxonomy(BUILTIN_SKILLS), { talents: 4000, projects: 0, seed: 3 }).talents;
    writeFileSync(file, talents.map((t) => JSON.stringify(t)).join('\n') + '\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves whole batches only, and --resume ends with exactly the source rows', async () => {
    const args = ['--db', db, 'import', 'talents', file, '--batch-size', String(BATCH), '--no-progress'];
    const { child, done } = cli(args);
    let killed = false;
    child.stderr?.on('data', (c: Buffer) => {
      if (!killed && c.toString().includes('checkpoint:')) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    const first = await done;
    expect(killed, first.stderr).toBe(true);
    expect(first.code).toBeNull();

    const sqlite = new SQLite(db, { readonly: true });
    const count = (sqlite.prepare('select count(*) as n from talent').get() as { n: number }).n;
    // Skills are packed in the talent row (migration 0005): count the held skills of the rows present.
    const skills = (
      sqlite.prepare('select coalesce(sum(json_array_length(skills)), 0) as n from talent').get() as {
        n: number;
      }
    ).n;
    const cp = sqlite.prepare('select last_line, records from import_checkpoint').get() as
      { last_line: number; records: number } | undefined;
    sqlite.close();
    // Killed mid-import: some batches are in, not all, and only whole ones.
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(talents.length);
    expect(count % BATCH).toBe(0);
    expect(cp).toEqual({ last_line: count, records: count });
    // The child rows of exactly those talents, no more, no less.
    expect(skills).toBe(talents.slice(0, count).reduce((n, t) => n + t.skills.length, 0));

    // The rest runs in-process: the interrupted state is on disk, whoever reads it.
    const refused = await inProcess(args);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/committed up to line \d+; run again with --resume/);

    const resumed = await inProcess([...args, '--resume', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      records: talents.length,
      inserted: talents.length,
      rejected: 0,
    });

    const out = join(dir, 'out.jsonl');
    const exported = await inProcess(['--db', db, 'export', 'talents', '--format', 'jsonl', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(talents.length);
    const byId = new Map(talents.map((t) => [t.id, t]));
    for (const line of rows) {
      const t = JSON.parse(line) as Talent;
      const src = byId.get(t.id)!;
      expect(t).toEqual({ ...src, skills: [...src.skills].sort((a, b) => (a.skillId < b.skillId ? -1 : 1)) });
    }
    const check = new SQLite(db, { readonly: true });
    expect((check.prepare('select count(*) as n from import_checkpoint').get() as { n: number }).n).toBe(0);
    check.close();
  }, 120_000);
  it('a streamed import killed while writing leaves nothing; run again, it ends with exactly the source rows', async () => {
    // Three copies under other keys: ≈ 30 MB, read in the worker thread and written for a few seconds.
    const copies = [0, 1, 2].flatMap((k) =>
      talents.map((t) => ({
        ...t,
        id: `${t.id}-${k}`,
        email: t.email && `${k}.${t.email}`,
        externalId: null,
      })),
    );
    const big = join(dir, 'streamed.jsonl');
    writeFileSync(big, copies.map((t) => JSON.stringify(t)).join('\n') + '\n');
    const sdb = join(dir, 'streamed.db');
    const args = ['--db', sdb, 'import', 'talents', big];
    const { child, done } = cli(args);
    let killed = false;
    child.stderr?.on('data', (c: Buffer) => {
      // The first progress line comes once 4 MiB are read: rows are being written, nothing is committed.
      if (!killed && c.toString().includes('write')) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    const first = await done;
    expect(killed, first.stderr).toBe(true);
    expect(first.code).toBeNull();

    // A file this size is written in a rollback journal (sqlite-bulk-journal.ts): the kill left it hot.
    expect(existsSync(`${sdb}-journal`)).toBe(true);
    const sqlite = new SQLite(sdb);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((sqlite.prepare('select count(*) as n from talent').get() as { n: number }).n).toBe(0);
    expect((sqlite.prepare('select count(*) as n from import_checkpoint').get() as { n: number }).n).toBe(0);
    // The import into this empty pool had dropped the secondary indexes to build them at the end
    // (deferred-keys.ts): the rollback of the hot journal brought them back.
    const indexes = sqlite
      .prepare(
        `select name from sqlite_master where type = 'index' and tbl_name = 'talent' and sql is not null`,
      )
      .all()
      .map((r) => (r as { name: string }).name)
      .sort();
    expect(indexes).toEqual(['talent_org_email_idx', 'talent_org_idx']);
    sqlite.close();

    const again = await inProcess([...args, '--json', '--no-progress']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      records: copies.length,
      inserted: copies.length,
      rejected: 0,
    });
    const out = join(dir, 'streamed-out.jsonl');
    expect(
      (await inProcess(['--db', sdb, 'export', 'talents', '--format', 'jsonl', '--out', out])).code,
    ).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(copies.length);
    const ids = new Set(copies.map((t) => t.id));
    for (const line of rows) expect(ids.delete((JSON.parse(line) as Talent).id)).toBe(true);
    expect(ids.size).toBe(0);
    // Back in WAL mode once the import is done, and no journal left.
    const after = new SQLite(sdb);
    expect(after.pragma('journal_mode', { simple: true })).toBe('wal');
    after.close();
    expect(existsSync(`${sdb}-journal`)).toBe(false);
  }, 120_000);
});

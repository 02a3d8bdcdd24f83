/**
 * Benchmark `analytics` on the large demo: 1,000,000 talents and 100,000 projects from the demo generator,
 * streamed into the compact snapshot (src/core/analytics/snapshot.ts) chunk by chunk.
 *
 * Reports: the demo's generation time; the snapshot's memory; the full gap report (one pass over the pool
 * and the projects, then the report: target ≤ 200 ms); the report alone from the aggregates; trends per
 * year and per month (target ≤ 100 ms); one talent and one project changed and the report brought up to
 * date incrementally (target: within a second); upskilling one skill; the whole-gap training plan; the
 * article's figures as computed. Beside them, the SQL formulation of the same aggregates in SQLite
 * (GROUP BY over the talents' packed skills and project_skill, capacity from their packed availability
 * windows — one talent row each since migration 0005), on the same data.
 * Times are the median of several runs, wall clock; `cpu` rows give the process CPU time of the median
 * run (on a loaded machine the wall clock also counts other processes).
 *
 *   npx tsx bench/analytics.bench.ts [--json] [--talents N] [--projects N] [--runs N] [--no-sql]
 *   npm run bench -- analytics [--analytics-talents N] [--analytics-projects N] [--no-sql]
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFigures } from '../src/core/analytics/article.js';
import { isoOfDay } from '../src/core/analytics/dates.js';
import { OPEN_STATUSES } from '../src/core/analytics/definitions.js';
import { GapEngine } from '../src/core/analytics/gap-engine.js';
import { gapReport } from '../src/core/analytics/gaps.js';
import { buildSkillGraph } from '../src/core/analytics/skill-graph.js';
import { AnalyticsSnapshot, SOURCES } from '../src/core/analytics/snapshot.js';
import { trendReport } from '../src/core/analytics/trends.js';
import { trainingPlan, upskill } from '../src/core/analytics/upskilling.js';
import { DEMO_SIZES, streamDemo } from '../src/core/demo/generate-demo.js';
import type { Project, Talent } from '../src/core/model.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import { AnalyticsRepository } from '../src/storage/analytics.repository.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import type { Database } from '../src/storage/schema.js';
import type { BenchResult } from './run.js';

const SUITE = 'analytics';
const ORG = 'org-bench';

export interface AnalyticsBenchOptions {
  talents?: number;
  projects?: number;
  runs?: number;
  sql?: boolean;
}

interface Timed {
  wall: number;
  cpu: number;
}

/** Median wall time (and the CPU time of that run) of `runs` calls. */
function time(runs: number, fn: (i: number) => void): Timed {
  const all: Timed[] = [];
  for (let i = 0; i < runs; i++) {
    const cu = process.cpuUsage();
    const t = performance.now();
    fn(i);
    const wall = performance.now() - t;
    const c = process.cpuUsage(cu);
    all.push({ wall, cpu: (c.user + c.system) / 1000 });
  }
  all.sort((a, b) => a.wall - b.wall);
  return all[Math.floor(all.length / 2)]!;
}

export async function runAnalyticsBench(options: AnalyticsBenchOptions = {}): Promise<BenchResult[]> {
  const talents = options.talents ?? DEMO_SIZES.large.talents;
  const projects = options.projects ?? DEMO_SIZES.large.projects;
  const runs = Math.max(1, options.runs ?? 5);
  const out: BenchResult[] = [];
  const r = (name: string, value: number, unit: string, peer?: string, n?: number) =>
    out.push({
      suite: SUITE,
      name,
      value: unit === 'ms' || unit === 'MB' || unit === 's' ? Math.round(value * 10) / 10 : value,
      unit,
      ...(peer === undefined ? {} : { peer }),
      ...(n === undefined ? {} : { n }),
    });

  const tax = buildTaxonomy(BUILTIN_SKILLS);

  // The large demo, streamed into the snapshot. Keep one talent and one project to modify later.
  const snap = new AnalyticsSnapshot(tax);
  let gen = 0;
  let ins = 0;
  let sampleTalent: Talent | null = null;
  let sampleProject: Project | null = null;
  const cu = process.cpuUsage();
  const it = streamDemo(tax, { talents, projects, seed: 42 }, 10_000);
  for (;;) {
    const t0 = performance.now();
    const next = it.next();
    gen += performance.now() - t0;
    if (next.done) break;
    const t1 = performance.now();
    if (next.value.kind === 'projects') {
      for (const p of next.value.items) snap.upsertProject(p);
      sampleProject ??= next.value.items.find((p) => p.status === 'staffing') ?? null;
    } else {
      for (const t of next.value.items) snap.upsertTalent(t);
      sampleTalent ??= next.value.items.find((t) => t.source === 'employee') ?? null;
    }
    ins += performance.now() - t1;
  }
  const genCpu = process.cpuUsage(cu);
  r(
    'demo generation (streamed)',
    gen / 1000,
    's',
    `${Math.round(talents / (gen / 1000))} talents/s`,
    talents,
  );
  r('snapshot build', ins / 1000, 's', undefined, talents + projects);
  r('demo + snapshot, cpu', (genCpu.user + genCpu.system) / 1e6, 's');
  r('snapshot typed arrays', snap.typedArrayBytes() / 1e6, 'MB', undefined, talents);
  r('heap used', process.memoryUsage().heapUsed / 1e6, 'MB');

  // The full gap report: one pass (refresh) and the report.
  const engine = new GapEngine(snap);
  const full = time(runs, () => {
    engine.refresh();
    gapReport(engine, { top: 20, source: 'all' });
  });
  r('gap report, full (one pass + report)', full.wall, 'ms', 'target ≤ 200 ms', talents);
  r('gap report, full, cpu', full.cpu, 'ms');
  const byIndustry = time(runs, () => gapReport(engine, { top: 20, source: 'employee', by: 'industry' }));
  r('gap report from the aggregates (by industry)', byIndustry.wall, 'ms');

  // The article, as computed from the records.
  const a = articleFigures(engine);
  for (const g of a.growth)
    r(
      `article: ${g.id} ${g.to.period}/${g.from.period}`,
      g.ratio ?? NaN,
      'ratio',
      `article ${g.articleRatio}`,
    );
  r(
    'article: top-10 skills absent from employees',
    a.absentSkills.shareAbsentEmployees,
    'share',
    'article 0.4',
  );
  r('article: top-10 skills absent from all', a.absentSkills.shareAbsentAll, 'share');
  r('article: generic custom projects in production', a.production.generic.rate, 'share', 'MIT: 0.05');
  r('article: vertical custom projects in production', a.production.vertical.rate, 'share');

  const year = time(runs, () => trendReport(snap, { period: 'year' }));
  r('trends per year', year.wall, 'ms', 'target ≤ 100 ms', projects);
  const month = time(runs, () => trendReport(snap, { period: 'month' }));
  r('trends per month', month.wall, 'ms', 'target ≤ 100 ms', projects);
  r('trends per month, cpu', month.cpu, 'ms');

  // Incremental: one talent, one project changed; the report reflects them without a full pass.
  if (sampleTalent && sampleProject) {
    const t = sampleTalent;
    const p = sampleProject;
    const oneTalent = time(runs * 4, (i) => {
      const skills = [...t.skills, { ...t.skills[0]!, skillId: i % 2 ? 'cloud-security' : 'iam', level: 4 }];
      const u = snap.upsertTalent({ ...t, skills });
      engine.applyTalent(u.previous, u.ordinal);
      gapReport(engine, { top: 20 });
    });
    r('one talent changed → report', oneTalent.wall, 'ms', 'target ≤ 1000 ms');
    const oneProject = time(runs * 4, (i) => {
      const u = snap.upsertProject({ ...p, status: i % 2 ? 'pilot' : 'staffing' });
      engine.applyProject(u.previous, u.ordinal);
      gapReport(engine, { top: 20 });
    });
    r('one project changed → report', oneProject.wall, 'ms', 'target ≤ 1000 ms');
  }

  const graph = buildSkillGraph(tax);
  const report = gapReport(engine, { top: 20 });
  const gapSkill = report.rows[0]?.skillId ?? 'cloud-security';
  const up = time(runs, () => upskill(engine, graph, gapSkill, { top: 10 }));
  r(`upskill one skill (${gapSkill})`, up.wall, 'ms', undefined, engine.talents[0]);
  const plan = time(Math.min(runs, 3), () => trainingPlan(engine, graph, { people: 5 }));
  r('training plan (5 people, 10 gap skills)', plan.wall, 'ms');

  if (options.sql !== false) out.push(...(await sqlBeside(snap, engine, runs)));
  return out;
}

/**
 * The same aggregates as SQL over SQLite: holders and capacity per (skill, level, source), open demand
 * per skill. The data is written from the snapshot (the same records) with prepared statements.
 */
async function sqlBeside(snap: AnalyticsSnapshot, engine: GapEngine, runs: number): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'vivier-analytics-bench-'));
  const raw = new SQLite(join(dir, 'bench.db'));
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    await migrateToLatest(db, 'sqlite');
    raw.pragma('foreign_keys = OFF');
    const at = '2025-06-30T00:00:00.000Z';
    raw.prepare('INSERT INTO organization (id, name, created_at) VALUES (?, ?, ?)').run(ORG, 'bench', at);
    const t0 = performance.now();
    // A talent is one row: skills and windows packed as JSON tuples (src/core/import/packed-talent.ts).
    const insTalent = raw.prepare(
      `INSERT INTO talent (id, org_id, source, name, headline, location, daily_cost, remote, languages, industries, functions, created_at, updated_at, skills, availability)
       VALUES (?, '${ORG}', ?, '', '', '', ?, 'hybrid', '[]', '[]', '[]', '${at}', '${at}', ?, ?)`,
    );
    const insProject = raw.prepare(
      `INSERT INTO project (id, org_id, name, brief, industry, business_function, archetype, status, start_date, end_date, language, roles, data_sensitivity, build_or_buy, data_sources, created_at, updated_at)
       VALUES (?, '${ORG}', '', '', ?, ?, ?, ?, ?, ?, 'fr', ?, 'internal', 'build', '[]', '${at}', '${at}')`,
    );
    const insReq = raw.prepare(
      'INSERT INTO project_skill (project_id, skill_id, level, weight, must) VALUES (?, ?, ?, ?, ?)',
    );
    const names = snap.skills.names;
    raw.transaction(() => {
      for (let o = 0; o < snap.nT; o++) {
        if (!snap.tAlive[o]) continue;
        const id = snap.tId[o]!;
        const skills: [string, number, null, null, null, null][] = [];
        for (let k = snap.tSkStart[o]!; k < snap.tSkStart[o + 1]!; k++)
          skills.push([names[snap.skSkill[k]!]!, snap.skLevel[k]!, null, null, null, null]);
        skills.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        const windows: [string, string, number][] = [];
        for (let w = snap.tAvStart[o]!; w < snap.tAvStart[o + 1]!; w++)
          windows.push([isoOfDay(snap.avFrom[w]!), isoOfDay(snap.avTo[w]!), snap.avDpw[w]!]);
        insTalent.run(
          id,
          SOURCES[snap.tSource[o]!],
          snap.tCost[o],
          JSON.stringify(skills),
          JSON.stringify(windows),
        );
      }
      for (let p = 0; p < snap.nP; p++) {
        if (!snap.pAlive[p]) continue;
        const id = snap.pId[p]!;
        insProject.run(
          id,
          snap.industries.names[snap.pIndustry[p]!],
          snap.functions.names[snap.pFunction[p]!],
          snap.archetypes.names[snap.pArchetype[p]!],
          snap.statusOf(p),
          isoOfDay(snap.pStart[p]!),
          isoOfDay(snap.pEnd[p]!),
          JSON.stringify([{ role: 'team', headcount: snap.pHead[p] }]),
        );
        for (let k = snap.pRqStart[p]!; k < snap.pRqStart[p + 1]!; k++)
          insReq.run(id, names[snap.rqSkill[k]!], snap.rqLevel[k], snap.rqWeight[k], snap.rqMust[k]);
      }
    })();
    const loadMs = performance.now() - t0;
    out.push({
      suite: SUITE,
      name: 'sqlite: write the same data',
      value: Math.round(loadMs / 100) / 10,
      unit: 's',
      n: snap.liveTalents,
    });

    const w = engine.window();
    const statuses = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
    // Supply: holders and capacity (approximate working days: calendar days × 5/7) per skill, level, source.
    const supplySql = raw.prepare(`
      WITH w AS (
        SELECT t.id AS talent_id, w.value ->> 0 AS start_date, w.value ->> 1 AS end_date, w.value ->> 2 AS days_per_week
        FROM talent t, json_each(t.availability) w
        WHERE t.org_id = @org
      ), c AS MATERIALIZED (
        SELECT talent_id,
               SUM((julianday(MIN(end_date, @to)) - julianday(MAX(start_date, @from)) + 1) * 5.0 / 7 * days_per_week / 5) AS cap
        FROM w
        WHERE end_date >= @from AND start_date <= @to AND days_per_week > 0
        GROUP BY talent_id
      )
      SELECT ts.value ->> 0 AS skill_id, ts.value ->> 1 AS level, t.source, COUNT(*) AS holders, SUM(COALESCE(c.cap, 0)) AS capacity, SUM(t.daily_cost) AS cost
      FROM talent t, json_each(t.skills) ts
      LEFT JOIN c ON c.talent_id = t.id
      WHERE t.org_id = @org
      GROUP BY 1, 2, 3`);
    // Demand: open projects' person-days shared by weight (calendar days × 5/7 × headcount).
    const demandSql = raw.prepare(`
      WITH p AS (
        SELECT id, (julianday(end_date) - julianday(start_date) + 1) * 5.0 / 7 AS days,
               (SELECT SUM(json_extract(value, '$.headcount')) FROM json_each(roles)) AS hc
        FROM project WHERE org_id = @org AND status IN (${statuses})
      ), w AS (SELECT project_id, SUM(weight) AS wsum FROM project_skill GROUP BY project_id)
      SELECT ps.skill_id, COUNT(*) AS projects, SUM(p.days * p.hc * ps.weight / w.wsum) AS person_days, SUM(ps.level * 1.0) AS levels
      FROM project_skill ps JOIN p ON p.id = ps.project_id JOIN w ON w.project_id = ps.project_id
      GROUP BY ps.skill_id`);
    const params = { org: ORG, from: w.from, to: w.to };
    let supplyRows = 0;
    const supplyT = time(Math.min(runs, 3), () => {
      supplyRows = supplySql.all(params).length;
    });
    out.push({
      suite: SUITE,
      name: 'sqlite: supply GROUP BY (skill, level, source)',
      value: Math.round(supplyT.wall * 10) / 10,
      unit: 'ms',
      peer: 'in memory: gap report, full',
      n: supplyRows,
    });
    let demandRows = 0;
    const demandT = time(Math.min(runs, 3), () => {
      demandRows = demandSql.all(params).length;
    });
    out.push({
      suite: SUITE,
      name: 'sqlite: open demand GROUP BY skill',
      value: Math.round(demandT.wall * 10) / 10,
      unit: 'ms',
      n: demandRows,
    });
    // The portable counts the service cross-checks with (AnalyticsRepository.skillCounts).
    const repo = new AnalyticsRepository(db, 'sqlite');
    const t1 = performance.now();
    await repo.skillCounts(ORG, OPEN_STATUSES);
    out.push({
      suite: SUITE,
      name: 'sqlite: skill counts (Kysely, portable)',
      value: Math.round((performance.now() - t1) * 10) / 10,
      unit: 'ms',
    });
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : undefined;
  };
  const results = await runAnalyticsBench({
    talents: opt('--talents'),
    projects: opt('--projects'),
    runs: opt('--runs'),
    sql: !args.includes('--no-sql'),
  });
  if (args.includes('--json')) for (const x of results) process.stdout.write(`${JSON.stringify(x)}\n`);
  else
    for (const x of results)
      process.stdout.write(
        `${x.name.padEnd(52)} ${String(x.value).padStart(10)} ${x.unit.padEnd(6)} ${x.peer ?? ''}${x.n === undefined ? '' : ` (n=${x.n})`}\n`,
      );
}

/**
 * `npm run eval [-- --json]`: measures skill linking, occupation linking and span extraction on the public
 * sets in ../shared/evaldata (never copied into the repository), through the same code paths as the CLI
 * contract: a temporary SQLite database, ESCO imported by the import service, then `vivier extract --jsonl`
 * and `vivier occupations link --jsonl` run in-process. A set whose folder is absent is skipped with a
 * message. Prints a table per set, or with --json one `{"set","metric","value","n"}` object per line.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/main.js';
import { envToConfig } from '../src/config/env-to-config.js';
import { linkTitle, titleSimilarity, titleVector } from '../src/core/occupations/link-titles.js';
import { isVertical } from '../src/core/analytics/definitions.js';
import { classifyBrief, compileBriefCues } from '../src/core/briefs/classify-brief.js';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import { FUNCTION_LABELS, INDUSTRY_LABELS } from '../src/core/demo/demo-vocabulary.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import { createContext } from '../src/main/create-context.js';

const DATA = fileURLToPath(new URL('../../shared/evaldata/', import.meta.url));
const asJson = process.argv.includes('--json');

interface Row {
  set: string;
  metric: string;
  value: number;
  n: number;
  reference?: string;
}
const rows: Row[] = [];
const notes: string[] = [];
const report = (r: Row) => {
  rows.push(r);
  if (asJson) {
    const { reference: _reference, ...rest } = r;
    process.stdout.write(`${JSON.stringify(rest)}\n`);
  }
};
const note = (s: string) => {
  notes.push(s);
  process.stderr.write(`eval: ${s}\n`);
};
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/** Runs the CLI in-process with JSONL on stdin; returns the parsed output lines. */
async function cliJsonl(args: string[], lines: unknown[]): Promise<Record<string, unknown>[]> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: Buffer[] = [];
  let stderr = '';
  out.on('data', (c: Buffer) => chunks.push(c));
  err.on('data', (c: Buffer) => (stderr += c.toString()));
  const input = Readable.from(lines.map((l) => `${JSON.stringify(l)}\n`));
  const code = await runCli(args, { stdin: input, stdout: out, stderr: err, env: {} });
  if (code !== 0) throw new Error(`vivier ${args.join(' ')} exited ${code}: ${stderr.trim()}`);
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const readTsv = (path: string): string[][] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'));

// ---------------------------------------------------------------------------------------------------------

async function escoSkillLinking(db: string) {
  const dir = join(DATA, 'decorte-esco-skill-extraction');
  if (!existsSync(dir)) return note(`skipped TECH/HOUSE: ${dir} is absent`);
  const mapping = new Map<string, string>();
  for (const r of parse(readFileSync(join(dir, 'label_to_esco_uri_v1.1.1.csv')), {
    columns: true,
  }) as Record<string, string>[])
    mapping.set(r.preferredLabel as string, r.conceptUri as string);
  const reference: Record<string, string> = { tech: 'lexical 59.7', house: 'lexical 35.9' };
  for (const set of ['tech', 'house']) {
    const file = join(dir, `${set}_validation_annotations.csv`);
    if (!existsSync(file)) {
      note(`skipped ${set}: ${file} is absent`);
      continue;
    }
    const gold = new Map<string, Set<string>>();
    let unmapped = 0;
    for (const r of parse(readFileSync(file), { columns: true }) as Record<string, string>[]) {
      const sentence = r.sentence as string;
      if (!gold.has(sentence)) gold.set(sentence, new Set());
      const label = (r.label ?? '').trim();
      if (!label || label === 'LABEL NOT PRESENT' || label === 'UNDERSPECIFIED') continue;
      const uri = mapping.get(label);
      if (uri) gold.get(sentence)!.add(uri);
      else unmapped++;
    }
    if (unmapped) note(`${set}: ${unmapped} gold labels have no URI in label_to_esco_uri_v1.1.1.csv`);
    const sentences = [...gold].filter(([, g]) => g.size > 0);
    const out = await cliJsonl(
      ['--db', db, 'extract', '--jsonl', '--lang', 'en', '--top', '100'],
      sentences.map(([text], i) => ({ id: i, text })),
    );
    let rp5 = 0;
    let mrr = 0;
    out.forEach((o) => {
      const g = sentences[o.id as number]![1];
      const uris: string[] = [];
      for (const s of o.skills as { uri: string | null }[])
        if (s.uri && !uris.includes(s.uri)) uris.push(s.uri);
      rp5 += uris.slice(0, 5).filter((u) => g.has(u)).length / Math.min(5, g.size);
      const rank = uris.findIndex((u) => g.has(u));
      if (rank >= 0) mrr += 1 / (rank + 1);
    });
    const n = sentences.length;
    report({
      set: `decorte-${set}-val`,
      metric: 'RP@5',
      value: round((100 * rp5) / n, 1),
      n,
      reference: reference[set],
    });
    report({ set: `decorte-${set}-val`, metric: 'MRR', value: round((100 * mrr) / n, 1), n });
  }
}

// ---------------------------------------------------------------------------------------------------------

async function meloLinking(db: string) {
  const root = join(DATA, 'melo-occupation-linking');
  if (!existsSync(root)) return note(`skipped MELO: ${root} is absent`);
  const reference: Record<string, string> = {
    fra_q_fr_c_fr: 'lexical 80.4 (MRR)',
    fra_q_fr_c_en: 'lexical 19.5 (MRR)',
    usa_q_en_c_en: 'lexical 60.6 (MRR)',
    bel_q_fr_c_fr: 'lexical 46.8 (MRR)',
  };
  for (const set of ['fra_q_fr_c_fr', 'fra_q_fr_c_en', 'usa_q_en_c_en', 'bel_q_fr_c_fr']) {
    const dir = join(root, set);
    if (!existsSync(join(dir, 'queries.tsv'))) {
      note(`skipped MELO ${set}: absent`);
      continue;
    }
    const concept = new Map(readTsv(join(dir, 'concept_mapping.tsv')).map(([id, uri]) => [id!, uri!]));
    const gold = new Map<string, Set<string>>();
    for (const [q, , c] of readTsv(join(dir, 'annotations.tsv'))) {
      if (!gold.has(q!)) gold.set(q!, new Set());
      gold.get(q!)!.add(concept.get(c!) ?? c!);
    }
    const queries = readTsv(join(dir, 'queries.tsv')).filter(([id]) => gold.has(id!));
    const lang = set.includes('_c_en') ? 'en' : 'fr';
    const out = await cliJsonl(
      ['--db', db, 'occupations', 'link', '--jsonl', '--top', '100', '--lang', lang],
      queries.map(([id, text]) => ({ id, text })),
    );
    let mrr = 0;
    let acc1 = 0;
    let unreachable = 0;
    out.forEach((o) => {
      const g = gold.get(o.id as string)!;
      if ([...g].every((u) => u.includes('/isco/'))) unreachable++;
      // A built-in role and the ESCO occupation it points at share a URI: count the URI once.
      const uris = [
        ...new Set((o.occupations as { id: string; uri: string | null }[]).map((x) => x.uri ?? x.id)),
      ];
      const rank = uris.findIndex((u) => g.has(u));
      if (rank >= 0) mrr += 1 / (rank + 1);
      if (rank === 0) acc1++;
    });
    const n = queries.length;
    if (unreachable)
      note(
        `MELO ${set}: ${unreachable} queries have only ISCO groups as gold (not occupations): counted as misses`,
      );
    report({
      set: `melo-${set}`,
      metric: 'MRR',
      value: round((100 * mrr) / n, 1),
      n,
      reference: reference[set],
    });
    report({ set: `melo-${set}`, metric: 'Acc@1', value: round((100 * acc1) / n, 1), n });
  }
}

// ---------------------------------------------------------------------------------------------------------

async function skillSpan(db: string) {
  const file = join(DATA, 'skillspan', 'data', 'json', 'dev.json');
  if (!existsSync(file)) return note(`skipped SkillSpan: ${file} is absent`);
  interface Sent {
    tokens: string[];
    tags_skill: string[];
    tags_knowledge: string[];
  }
  const sents = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Sent);
  const spansOf = (tags: string[]): [number, number][] => {
    const out: [number, number][] = [];
    let start = -1;
    tags.forEach((t, i) => {
      if (t.startsWith('B') || (t.startsWith('I') && start < 0)) {
        if (start >= 0) out.push([start, i]);
        start = i;
      } else if (!t.startsWith('I') && start >= 0) {
        out.push([start, i]);
        start = -1;
      }
    });
    if (start >= 0) out.push([start, tags.length]);
    return out;
  };
  const texts = sents.map((s) => {
    const starts: number[] = [];
    let text = '';
    for (const t of s.tokens) {
      if (text) text += ' ';
      starts.push(text.length);
      text += t;
    }
    return { text, starts };
  });
  const out = await cliJsonl(
    ['--db', db, 'extract', '--jsonl', '--lang', 'en', '--top', '200', '--skip-invalid'],
    texts.map((t, i) => ({ id: i, text: t.text })),
  );
  if (out.length < sents.length)
    note(
      `SkillSpan: ${sents.length - out.length} sentences refused by extract (binary characters): no prediction`,
    );
  const byId = new Map(out.map((o) => [o.id as number, o]));
  let predN = 0;
  let goldN = 0;
  let predLoose = 0;
  let goldLoose = 0;
  let strict = 0;
  sents.forEach((s, i) => {
    const o = byId.get(i) ?? { skills: [] };
    const { starts } = texts[i]!;
    const gold = [...spansOf(s.tags_skill), ...spansOf(s.tags_knowledge)];
    const uniq = new Map(gold.map((g) => [`${g[0]}-${g[1]}`, g]));
    const goldSpans = [...uniq.values()];
    const toTokens = ([a, b]: [number, number]): [number, number] => {
      let from = -1;
      let to = -1;
      s.tokens.forEach((tok, k) => {
        const ts = starts[k]!;
        const te = ts + tok.length;
        if (ts < b && te > a) {
          if (from < 0) from = k;
          to = k + 1;
        }
      });
      return [from, to];
    };
    const predMap = new Map<string, [number, number]>();
    for (const sk of o.skills as { spans: [number, number][] }[])
      for (const sp of sk.spans) {
        const t = toTokens(sp);
        if (t[0] >= 0) predMap.set(`${t[0]}-${t[1]}`, t);
      }
    const pred = [...predMap.values()];
    const overlaps = (x: [number, number], y: [number, number]) => x[0] < y[1] && y[0] < x[1];
    predN += pred.length;
    goldN += goldSpans.length;
    predLoose += pred.filter((p) => goldSpans.some((g) => overlaps(p, g))).length;
    goldLoose += goldSpans.filter((g) => pred.some((p) => overlaps(p, g))).length;
    strict += pred.filter((p) => uniq.has(`${p[0]}-${p[1]}`)).length;
  });
  const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
  const lp = predN ? predLoose / predN : 0;
  const lr = goldN ? goldLoose / goldN : 0;
  const sp = predN ? strict / predN : 0;
  const sr = goldN ? strict / goldN : 0;
  const n = sents.length;
  report({ set: 'skillspan-dev', metric: 'loose-P', value: round(100 * lp, 1), n });
  report({ set: 'skillspan-dev', metric: 'loose-R', value: round(100 * lr, 1), n });
  report({ set: 'skillspan-dev', metric: 'loose-F1', value: round(100 * f1(lp, lr), 1), n });
  report({ set: 'skillspan-dev', metric: 'strict-F1', value: round(100 * f1(sp, sr), 1), n });
  report({ set: 'skillspan-dev', metric: 'gold-spans', value: goldN, n });
  report({ set: 'skillspan-dev', metric: 'predicted-spans', value: predN, n });
}

// ---------------------------------------------------------------------------------------------------------

async function avatureAndSpeed(db: string) {
  const ctx = await createContext(envToConfig({}, { dbFile: db }));
  try {
    const linker = await ctx.services.occupations.getLinker();
    // Title linking throughput: every MELO query title (or a few synthetic ones), repeated to 20,000.
    const titles: string[] = [];
    const meloRoot = join(DATA, 'melo-occupation-linking');
    for (const set of ['fra_q_fr_c_fr', 'usa_q_en_c_en', 'bel_q_fr_c_fr']) {
      const q = join(meloRoot, set, 'queries.tsv');
      if (existsSync(q)) for (const [, t] of readTsv(q)) titles.push(t!);
    }
    if (titles.length === 0) titles.push('data engineer', 'ingénieur logiciel', 'chef de projet', 'nurse');
    const N = 20_000;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < N; i++) linkTitle(linker, titles[i % titles.length]!, 20);
    const perSecond = N / ((performance.now() - t0) / 1000);
    const cpu = process.cpuUsage(cpu0);
    report({
      set: 'title-linker',
      metric: 'titles/cpu-s',
      value: Math.round(N / ((cpu.user + cpu.system) / 1e6)),
      n: N,
    });
    report({
      set: 'title-linker',
      metric: 'titles/s',
      value: Math.round(perSecond),
      n: N,
      reference: 'target ≥ 20,000',
    });

    const dir = join(DATA, 'avature-job-title-similarity', 'en');
    if (!existsSync(dir)) return note(`skipped Avature: ${dir} is absent`);
    const corpus = readTsv(join(dir, 'corpus_documents.tsv'));
    const queries = readTsv(join(dir, 'queries.tsv'));
    const relevant = new Map<string, Set<string>>();
    for (const [q, , d, rel] of readTsv(join(dir, 'annotations.tsv'))) {
      if (Number(rel) <= 0) continue;
      if (!relevant.has(q!)) relevant.set(q!, new Set());
      relevant.get(q!)!.add(d!);
    }
    const docVectors = corpus.map(([id, text]) => ({ id: id!, v: titleVector(linker, text!) }));
    let map = 0;
    let ndcg = 0;
    let n = 0;
    for (const [qid, text] of queries) {
      const rel = relevant.get(qid!);
      if (!rel?.size) continue;
      n++;
      const qv = titleVector(linker, text!);
      const ranked = docVectors
        .filter((d) => d.id !== qid)
        .map((d) => ({ id: d.id, s: titleSimilarity(linker, qv, d.v) }))
        .sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1));
      let hits = 0;
      let ap = 0;
      ranked.forEach((d, i) => {
        if (rel.has(d.id)) {
          hits++;
          ap += hits / (i + 1);
        }
      });
      map += ap / rel.size;
      let dcg = 0;
      ranked.slice(0, 10).forEach((d, i) => {
        if (rel.has(d.id)) dcg += 1 / Math.log2(i + 2);
      });
      let idcg = 0;
      for (let i = 0; i < Math.min(10, rel.size); i++) idcg += 1 / Math.log2(i + 2);
      ndcg += dcg / idcg;
    }
    report({ set: 'avature-en', metric: 'MAP', value: round((100 * map) / n, 1), n });
    report({ set: 'avature-en', metric: 'nDCG@10', value: round((100 * ndcg) / n, 1), n });
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Brief classification on generated demo briefs (src/core/demo), whose industry, function and archetype
 * are known: accuracy per field (an abstention counts as wrong), the share decided, and the same with the
 * sector and function names blanked out. Needs no evaluation data.
 */
function briefClassification() {
  const tax = buildTaxonomy(BUILTIN_SKILLS);
  const cues = compileBriefCues(tax);
  const { projects } = generateDemo(tax, { talents: 20, projects: 500, seed: 42 });
  const fields = ['industry', 'businessFunction', 'archetype'] as const;
  for (const blank of [false, true]) {
    const set = blank ? 'briefs-demo-unlabelled' : 'briefs-demo';
    const right = { industry: 0, businessFunction: 0, archetype: 0 };
    const decided = { industry: 0, businessFunction: 0, archetype: 0 };
    let scoped = 0;
    let scopedRight = 0;
    for (const p of projects) {
      let text = p.brief;
      if (blank)
        for (const l of [INDUSTRY_LABELS[p.industry], FUNCTION_LABELS[p.businessFunction]])
          for (const w of [l.en, l.fr]) text = text.split(w).join('_'.repeat(w.length));
      const r = classifyBrief(text, cues);
      for (const f of fields) {
        if (r[f].value !== null) decided[f]++;
        if (r[f].value === p[f]) right[f]++;
      }
      if (isVertical(p)) {
        scoped++;
        if (r.businessFunction.value === p.businessFunction) scopedRight++;
      }
    }
    const n = projects.length;
    for (const f of fields) {
      const name = f === 'businessFunction' ? 'function' : f;
      report({ set, metric: `${name}-Acc`, value: round((100 * right[f]) / n, 1), n });
      report({ set, metric: `${name}-decided%`, value: round((100 * decided[f]) / n, 1), n });
    }
    report({ set, metric: 'function-Acc-scoped', value: round((100 * scopedRight) / scoped, 1), n: scoped });
  }
  note(
    'briefs-demo: generated briefs are easier than real ones (a fixed opening sentence names the sector and ' +
      'function, a few templates per archetype); company-wide ones name no function, so the classifier ' +
      'abstains there (counted as wrong; function-Acc-scoped counts the briefs that name a business scope); ' +
      '-unlabelled blanks the sector and function names',
  );
}

async function main() {
  briefClassification();
  if (!existsSync(DATA)) {
    note(`no evaluation data: ${DATA} is absent; nothing else measured`);
    return printTables();
  }
  const esco = join(DATA, 'esco-v1.1.1');
  if (!existsSync(esco)) {
    note(`no ESCO download at ${esco}: every other set needs it; nothing else measured`);
    return printTables();
  }
  const tmp = mkdtempSync(join(tmpdir(), 'vivier-eval-'));
  const db = join(tmp, 'eval.db');
  try {
    const ctx = await createContext(envToConfig({}, { dbFile: db }));
    try {
      const t0 = performance.now();
      const r = await ctx.services.escoImport.import(esco);
      const importSeconds = (performance.now() - t0) / 1000;
      report({
        set: 'esco-import',
        metric: 'seconds',
        value: round(importSeconds, 1),
        n: r.counts.skills,
        reference: 'target < 60',
      });
      const t1 = performance.now();
      await ctx.services.taxonomy.get();
      report({
        set: 'esco-import',
        metric: 'taxonomy-load-seconds',
        value: round((performance.now() - t1) / 1000, 2),
        n: r.counts.skillLabels,
      });
      const t2 = performance.now();
      await ctx.services.taxonomy.skillRetriever();
      report({
        set: 'esco-import',
        metric: 'skill-index-seconds',
        value: round((performance.now() - t2) / 1000, 2),
        n: r.counts.skills,
      });
    } finally {
      await ctx.close();
    }
    await escoSkillLinking(db);
    await meloLinking(db);
    await skillSpan(db);
    await avatureAndSpeed(db);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  printTables();
}

function printTables() {
  if (!asJson) {
    const bySet = new Map<string, Row[]>();
    for (const r of rows) bySet.set(r.set, [...(bySet.get(r.set) ?? []), r]);
    for (const [set, list] of bySet) {
      process.stdout.write(`\n${set}\n`);
      for (const r of list)
        process.stdout.write(
          `  ${r.metric.padEnd(24)} ${String(r.value).padStart(9)}   n=${String(r.n).padEnd(7)} ${r.reference ?? ''}\n`,
        );
    }
    if (notes.length) process.stdout.write(`\nnotes:\n${notes.map((s) => `  - ${s}`).join('\n')}\n`);
  }
}

await main();

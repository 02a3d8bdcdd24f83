/**
 * Benchmark `extraction`: literal skill extraction (`extractSkills`: token trie with folding, elisions,
 * plurals, negation, level cues, context for ambiguous names) over a mixed French/English corpus, with the
 * built-in taxonomy and, when ../shared/evaldata/esco-v1.1.1 is present, the full ESCO (EN + FR labels)
 * imported into a temporary SQLite database by the product's import service; the matcher is the one the
 * product builds from the database (`TaxonomyService.get()`).
 *
 * Reports: loading the matcher (the whole `TaxonomyService.get()` — skills read from SQLite, matcher and
 * adjacency built — and `buildSkillMatcher` alone, median of 3); the matcher's heap (after gc, with and
 * without it) and the process's heap and RSS with the taxonomy and matcher loaded; extraction throughput
 * in MB of UTF-8 text per wall second and per CPU second (process.cpuUsage), median of the runs, language
 * detected per document as `vivier extract` does by default. Then, on the same dictionary (the matcher's
 * surface forms, folded as the extractor folds text) and the same documents (folded by normalizeText,
 * counted in their time), each in a worker thread: the fastest Aho–Corasick package found on npm
 * (fastscan; see README "Benchmarks" for the others tried), and one regular expression alternation (escaped
 * forms, longest first, `gu`, word boundaries as lookarounds). Both report every occurrence at a word
 * boundary; neither stems, reads elisions, negation, levels or context, so they do less work than the
 * extractor. A peer stops after its time budget and reports the share of the corpus it read.
 *
 * Corpus (documents in a fixed interleaved order, up to --extraction-mb, see SHARES): SkillSpan train +
 * dev job postings (EN), Decorte TECH/HOUSE sentences (EN, 20 to a document), ESCO occupation
 * descriptions (EN and FR), ROME 4.0 occupation texts (FR, one document per ROME code), and generated
 * project briefs (FR/EN, src/core/demo, seed 1). Without ../shared/evaldata, the briefs alone, and the
 * built-in taxonomy alone.
 *
 * The machine may be shared: the load average (1 min) is reported before and after.
 *
 *   npm run bench -- extraction [--extraction-mb 4] [--extraction-runs 5] [--extraction-peer-seconds 30]
 *                              [--extraction-db FILE (kept: ESCO imported once, reused)] [--no-peers] [--json]
 */
import { parse } from 'csv-parse/sync';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { envToConfig } from '../src/config/env-to-config.js';
import { generateDemo } from '../src/core/demo/generate-demo.js';
import { extractSkills } from '../src/core/extraction/extract-skills.js';
import { buildSkillMatcher, matcherForms } from '../src/core/extraction/skill-matcher.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import { detectLanguage } from '../src/core/text/detect-language.js';
import { normalizeText } from '../src/core/text/normalize.js';
import { createContext } from '../src/main/create-context.js';
import type { BenchResult } from './run.js';

const SUITE = 'extraction';
const DATA = fileURLToPath(new URL('../../shared/evaldata/', import.meta.url));
const TARGET = { mbPerSecond: 20, loadSeconds: 2, memoryMb: 300 };

export interface ExtractionBenchOptions {
  /** Corpus size in MB of UTF-8 text (default 4; less if the sources hold less). */
  mb?: number;
  /** Timed passes over the corpus (default 5). */
  runs?: number;
  /** Time budget of each peer's search, in seconds (default 30). */
  peerSeconds?: number;
  /** A database file to use and keep (ESCO is imported into it once); default a temporary one. */
  db?: string;
  peers?: boolean;
  log?: (line: string) => void;
}

// ---------------------------------------------------------------------------------------------------------
// Corpus

interface Source {
  name: string;
  lang: 'fr' | 'en' | 'mixed';
  docs: string[];
}

function readSources(): Source[] {
  const sources: Source[] = [];
  const skillspan = join(DATA, 'skillspan', 'data', 'json');
  if (existsSync(skillspan)) {
    // One document per job posting (idx), its sentences on lines, tokens joined by spaces.
    const docs: string[] = [];
    for (const split of ['train', 'dev']) {
      const file = join(skillspan, `${split}.json`);
      if (!existsSync(file)) continue;
      const posts = new Map<number, string[]>();
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line) continue;
        const s = JSON.parse(line) as { idx: number; tokens: string[] };
        const post = posts.get(s.idx) ?? [];
        post.push(s.tokens.join(' '));
        posts.set(s.idx, post);
      }
      for (const post of posts.values()) docs.push(post.join('\n'));
    }
    sources.push({ name: 'SkillSpan postings', lang: 'en', docs });
  }
  const decorte = join(DATA, 'decorte-esco-skill-extraction');
  if (existsSync(decorte)) {
    const sentences = new Set<string>();
    for (const set of ['tech', 'house']) {
      const file = join(decorte, `${set}_validation_annotations.csv`);
      if (!existsSync(file)) continue;
      for (const r of parse(readFileSync(file), { columns: true }) as Record<string, string>[])
        sentences.add(r.sentence as string);
    }
    const list = [...sentences];
    const docs: string[] = [];
    for (let i = 0; i < list.length; i += 20) docs.push(list.slice(i, i + 20).join('\n'));
    sources.push({ name: 'Decorte TECH/HOUSE sentences', lang: 'en', docs });
  }
  const rome = join(DATA, 'rome-4.0-v460-fr', 'unix_texte_v460_utf8.csv');
  if (existsSync(rome)) {
    const byCode = new Map<string, string[]>();
    for (const r of parse(readFileSync(rome), { columns: true }) as Record<string, string>[]) {
      const texts = byCode.get(r.code_rome as string) ?? [];
      texts.push(r.libelle_texte as string);
      byCode.set(r.code_rome as string, texts);
    }
    sources.push({ name: 'ROME 4.0 texts', lang: 'fr', docs: [...byCode.values()].map((t) => t.join('\n')) });
  }
  for (const lang of ['en', 'fr'] as const) {
    const file = join(DATA, 'esco-v1.1.1', lang, `occupations_${lang}.csv`);
    if (!existsSync(file)) continue;
    const docs = (parse(readFileSync(file), { columns: true }) as Record<string, string>[])
      .map((r) => r.description ?? '')
      .filter((d) => d.length > 0);
    sources.push({ name: `ESCO ${lang.toUpperCase()} occupation descriptions`, lang, docs });
  }
  const { projects } = generateDemo(buildTaxonomy(BUILTIN_SKILLS), { talents: 0, projects: 2000, seed: 1 });
  sources.push({ name: 'demo project briefs', lang: 'mixed', docs: projects.map((p) => p.brief) });
  return sources;
}

/**
 * Documents of every source up to `maxBytes` of UTF-8, in a fixed order: the next document always comes
 * from the source furthest below its share (SHARES) of the bytes taken so far, so that French and English
 * stay balanced whatever the size; a source that runs out leaves its share to the others.
 */
function buildCorpus(sources: readonly Source[], maxBytes: number): { docs: string[]; bytes: number } {
  const docs: string[] = [];
  const taken = sources.map(() => 0);
  const next = sources.map(() => 0);
  let bytes = 0;
  while (bytes < maxBytes) {
    let pick = -1;
    sources.forEach((s, i) => {
      if ((next[i] as number) >= s.docs.length) return;
      const behind = (taken[i] as number) / (SHARES[s.name] ?? 0.1);
      if (pick < 0 || behind < (taken[pick] as number) / (SHARES[sources[pick]!.name] ?? 0.1)) pick = i;
    });
    if (pick < 0) break;
    const d = sources[pick]!.docs[next[pick]!++] as string;
    const b = Buffer.byteLength(d);
    docs.push(d);
    taken[pick] = (taken[pick] as number) + b;
    bytes += b;
  }
  return { docs, bytes };
}

/** Share of the corpus each source aims at: about as much English as French, and some briefs. */
const SHARES: Record<string, number> = {
  'SkillSpan postings': 0.25,
  'Decorte TECH/HOUSE sentences': 0.05,
  'ESCO EN occupation descriptions': 0.2,
  'ROME 4.0 texts': 0.2,
  'ESCO FR occupation descriptions': 0.2,
  'demo project briefs': 0.1,
};

// ---------------------------------------------------------------------------------------------------------
// Measures

/** `global.gc`, exposed at run time when node was not started with --expose-gc. */
function getGc(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** This isolate's heap in use after full collections (in a worker, the worker's own heap). */
function heapBytes(gc: () => void): number {
  gc();
  gc();
  return getHeapStatistics().used_heap_size;
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
};
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[(s.length - 1) >> 1] as number);
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------------------
// Peers, each in a worker thread

type PeerName = 'fastscan' | 'regex';

interface PeerJob {
  kind: 'extraction-peer';
  module: string;
  peer: PeerName;
  patterns: string[];
  docs: string[];
  budgetMs: number;
}

interface PeerReport {
  peer: PeerName;
  buildMs: number;
  buildCpuMs: number;
  heapBytes: number;
  bytes: number;
  docs: number;
  ms: number;
  cpuMs: number;
  matches: number;
}

/** Word characters of the tokenizer, on folded text: a match must not have one on either side. */
const WORD_CLASS = 'a-z0-9\\u00e0-\\u00f6\\u00f8-\\u024f\\u0370-\\u03ff';
const isWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) ||
  (c >= 48 && c <= 57) ||
  (c >= 0xe0 && c <= 0x24f && c !== 0xf7) ||
  (c >= 0x370 && c <= 0x3ff);
const atBoundaries = (text: string, start: number, end: number): boolean =>
  !(start > 0 && isWordChar(text.charCodeAt(start - 1))) &&
  !(end < text.length && isWordChar(text.charCodeAt(end)));

interface FastScanner {
  search(text: string): [number, string][];
}

/** The peer's search: folded text → number of occurrences at word boundaries. */
function buildPeer(peer: PeerName, patterns: readonly string[]): (folded: string) => number {
  if (peer === 'fastscan') {
    // CommonJS without types: its constructor takes the words.
    const FastScanner = createRequire(import.meta.url)('fastscan') as new (words: string[]) => FastScanner;
    const scanner = new FastScanner([...patterns]);
    return (text) => {
      let n = 0;
      for (const [start, word] of scanner.search(text))
        if (atBoundaries(text, start, start + word.length)) n++;
      return n;
    };
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const longestFirst = [...patterns].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const re = new RegExp(
    `(?<![${WORD_CLASS}])(?:${longestFirst.map(escape).join('|')})(?![${WORD_CLASS}])`,
    'gu',
  );
  // V8 compiles a regular expression on its first use: part of building it.
  re.test('python');
  return (text) => {
    let n = 0;
    re.lastIndex = 0;
    while (re.exec(text) !== null) n++;
    return n;
  };
}

function runPeerJob(job: PeerJob): PeerReport {
  const gc = getGc();
  const base = heapBytes(gc);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const search = buildPeer(job.peer, job.patterns);
  const buildMs = performance.now() - t0;
  const buildCpuMs = cpuSeconds(c0) * 1000;
  const heap = heapBytes(gc) - base;
  // Warm-up on a few documents, not timed.
  for (const d of job.docs.slice(0, 20)) search(normalizeText(d));
  let bytes = 0;
  let docs = 0;
  let matches = 0;
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  for (const d of job.docs) {
    matches += search(normalizeText(d));
    bytes += Buffer.byteLength(d);
    docs++;
    if (performance.now() - t1 > job.budgetMs) break;
  }
  return {
    peer: job.peer,
    buildMs,
    buildCpuMs,
    heapBytes: heap,
    bytes,
    docs,
    ms: performance.now() - t1,
    cpuMs: cpuSeconds(c1) * 1000,
    matches,
  };
}

function runPeer(job: PeerJob, timeoutMs: number): Promise<PeerReport | string> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: 8192 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(`did not finish within ${Math.round(timeoutMs / 1000)} s`);
    }, timeoutMs);
    worker.once('message', (report: PeerReport) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(report);
    });
    worker.once('error', (e: Error & { code?: string }) => {
      clearTimeout(timer);
      resolve(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory (8 GB heap)' : e.message);
    });
  });
}

if (!isMainThread && (workerData as PeerJob | undefined)?.kind === 'extraction-peer') {
  parentPort?.postMessage(runPeerJob(workerData as PeerJob));
}

// ---------------------------------------------------------------------------------------------------------

export async function runExtractionBench(options: ExtractionBenchOptions = {}): Promise<BenchResult[]> {
  const log = options.log ?? (() => {});
  const runs = options.runs ?? 5;
  const maxBytes = (options.mb ?? 4) * 1e6;
  if (!(runs >= 1) || !(maxBytes > 0)) throw new RangeError('runs and mb must be positive');
  const gc = getGc();
  const out: BenchResult[] = [];
  const r = (name: string, value: number, unit: string, peer?: string, n?: number) =>
    out.push({
      suite: SUITE,
      name,
      value,
      unit,
      ...(peer ? { peer } : {}),
      ...(n !== undefined ? { n } : {}),
    });
  const loadBefore = loadavg()[0] as number;

  const escoDir = join(DATA, 'esco-v1.1.1');
  const withEsco = existsSync(escoDir);
  if (!withEsco)
    log(`extraction: no ESCO at ${escoDir}: measuring the built-in taxonomy only (and the demo briefs)`);
  const tmp = options.db ? null : mkdtempSync(join(tmpdir(), 'vivier-bench-extraction-'));
  const dbFile = options.db ?? join(tmp as string, 'bench.db');
  try {
    let ctx = await createContext(envToConfig({}, { dbFile }));
    if (withEsco && (await ctx.store.taxonomy.count()) <= BUILTIN_SKILLS.length) {
      log('extraction: importing ESCO (EN + FR) into the bench database…');
      const t = performance.now();
      await ctx.services.escoImport.import(escoDir);
      r('ESCO import (setup, not a target here)', round((performance.now() - t) / 1000, 1), 's');
    }
    // A fresh context, so that the taxonomy is read from the database as a starting process reads it.
    await ctx.close();
    ctx = await createContext(envToConfig({}, { dbFile }));
    gc();
    let t = performance.now();
    let c = process.cpuUsage();
    const loaded = await ctx.services.taxonomy.get();
    const loadWall = (performance.now() - t) / 1000;
    const loadCpu = cpuSeconds(c);
    const { taxonomy } = loaded;
    let matcher = loaded.matcher;
    // From here on, this function holds the only references to the taxonomy and the matcher.
    ctx.services.taxonomy.invalidate();
    await ctx.close();
    const escoSkills = taxonomy.skills.length - BUILTIN_SKILLS.length;
    // Of which reading the skills from SQLite (storage, before any matcher work).
    const reader = await createContext(envToConfig({}, { dbFile }));
    t = performance.now();
    c = process.cpuUsage();
    await reader.store.taxonomy.loadAll();
    const readWall = (performance.now() - t) / 1000;
    const readCpu = cpuSeconds(c);
    await reader.close();
    const dictionary = withEsco ? `built-in + ESCO EN/FR (${escoSkills} skills)` : 'built-in taxonomy only';

    // The matcher alone: build time, and its heap (taxonomy kept, every other matcher dropped).
    const forms = matcherForms(matcher);
    const builds: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 3; i++) {
      matcher = null as unknown as typeof matcher;
      gc();
      t = performance.now();
      c = process.cpuUsage();
      matcher = buildSkillMatcher(taxonomy);
      builds.push({ wall: (performance.now() - t) / 1000, cpu: cpuSeconds(c) });
    }
    matcher = null as unknown as typeof matcher;
    (loaded as { matcher: unknown }).matcher = null;
    (loaded as { adjacency: unknown }).adjacency = null;
    const withoutMatcher = heapBytes(gc);
    matcher = buildSkillMatcher(taxonomy);
    const withMatcher = heapBytes(gc);
    const memory = process.memoryUsage();

    r('dictionary entries (surface forms in the matcher)', matcher.size, 'forms', dictionary, forms.length);
    r(
      'load: taxonomy from SQLite + matcher + adjacency (TaxonomyService.get)',
      round(loadWall),
      's',
      `${round(loadCpu)} CPU s; target ≤ ${TARGET.loadSeconds} s for the matcher`,
    );
    r(
      '  of which reading the skills from SQLite (TaxonomyStore.loadAll)',
      round(readWall),
      's',
      `${round(readCpu)} CPU s`,
    );
    r(
      'matcher build (buildSkillMatcher), median of 3',
      round(median(builds.map((b) => b.wall))),
      's',
      `${round(median(builds.map((b) => b.cpu)))} CPU s; target ≤ ${TARGET.loadSeconds} s`,
    );
    r(
      'matcher heap (after gc)',
      round((withMatcher - withoutMatcher) / 1e6, 1),
      'MB',
      `target ≤ ${TARGET.memoryMb} MB`,
    );
    r(
      'process heap with taxonomy + matcher (after gc)',
      round(withMatcher / 1e6, 1),
      'MB',
      `RSS ${round(memory.rss / 1e6)} MB; target ≤ ${TARGET.memoryMb} MB`,
    );

    // Corpus, then extraction.
    const sources = readSources();
    const corpus = buildCorpus(sources, maxBytes);
    const mb = corpus.bytes / 1e6;
    const langs = { fr: 0, en: 0 };
    for (const d of corpus.docs) langs[detectLanguage(d)] += Buffer.byteLength(d);
    r(
      'corpus',
      round(mb),
      'MB',
      `${Math.round((100 * langs.fr) / corpus.bytes)} % FR / ${Math.round((100 * langs.en) / corpus.bytes)} % EN by detected language; ${sources.map((s) => s.name).join(', ')}`,
      corpus.docs.length,
    );
    let mentions = 0;
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let run = 0; run < runs; run++) {
      mentions = 0;
      t = performance.now();
      c = process.cpuUsage();
      for (const d of corpus.docs) {
        const x = extractSkills(taxonomy, matcher, d);
        for (const s of x.skills) mentions += s.mentions.length;
        for (const s of x.negated) mentions += s.mentions.length;
      }
      walls.push((performance.now() - t) / 1000);
      cpus.push(cpuSeconds(c));
    }
    r(
      'extraction (extractSkills, language detected), median of runs',
      round(mb / median(walls), 1),
      'MB/s',
      `${round(mb / median(cpus), 1)} MB per CPU s; target ≥ ${TARGET.mbPerSecond} MB/s`,
      runs,
    );
    r('extraction: mentions found', mentions, 'mentions', dictionary, corpus.docs.length);

    if (options.peers !== false) {
      const patterns = [...new Set(forms.map((f) => normalizeText(f).trim()).filter((f) => f.length > 0))];
      const budgetMs = (options.peerSeconds ?? 30) * 1000;
      for (const peer of ['fastscan', 'regex'] as const) {
        log(`extraction: peer ${peer} (${patterns.length} patterns)…`);
        const job: PeerJob = {
          kind: 'extraction-peer',
          module: fileURLToPath(import.meta.url),
          peer,
          patterns,
          docs: corpus.docs,
          budgetMs,
        };
        const rep = await runPeer(job, budgetMs + 600_000);
        const label = peer === 'fastscan' ? 'Aho–Corasick (fastscan)' : 'RegExp alternation';
        if (typeof rep === 'string') {
          r(`${label}: ${rep}`, NaN, 'MB/s');
          continue;
        }
        const read = rep.bytes / 1e6;
        r(
          `${label}: search`,
          round(read / (rep.ms / 1000), 2),
          'MB/s',
          `${round(read / (rep.cpuMs / 1000), 2)} MB per CPU s; read ${round((100 * rep.bytes) / corpus.bytes)} % of the corpus`,
          rep.docs,
        );
        r(`${label}: build`, round(rep.buildMs / 1000, 2), 's', `${round(rep.buildCpuMs / 1000, 2)} CPU s`);
        r(`${label}: heap`, round(rep.heapBytes / 1e6, 1), 'MB', 'after gc, in its worker');
        r(`${label}: occurrences at word boundaries`, rep.matches, 'matches', `in ${rep.docs} documents`);
      }
    }
    r(
      'load average (1 min), before / after',
      round(loadBefore),
      'load',
      `${round(loadavg()[0] as number)} after; 2 cores, shared`,
    );
    return out;
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

const isEntry = isMainThread && process.argv[1] === fileURLToPath(import.meta.url);
if (isEntry) {
  const argv = process.argv.slice(2);
  const num = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const db = argv.indexOf('--db');
  const rows = await runExtractionBench({
    mb: num('--mb'),
    runs: num('--runs'),
    peerSeconds: num('--peer-seconds'),
    db: db >= 0 ? argv[db + 1] : undefined,
    peers: !argv.includes('--no-peers'),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
}

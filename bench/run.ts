/**
 * `npm run bench [-- <suite>…] [-- --json]`: runs the benchmark suites and prints one table, or with
 * `--json` one JSON object per line: {"suite","name","value","unit","peer"?,"n"?}.
 * Each suite is a module exporting a function that returns its results; register it in SUITES below.
 * Options after the suite names go to the suites that read them (e.g. `-- import --talents 200000`).
 */
export interface BenchResult {
  suite: string;
  name: string;
  value: number;
  unit: string;
  /** The figure to compare with: a target, or the same measure elsewhere. */
  peer?: string;
  n?: number;
}

const argv = process.argv.slice(2);
const option = (name: string): number | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : undefined;
};

/** A comma-separated list of numbers, e.g. `--sizes 10000,100000`. */
const listOption = (name: string): number[] | undefined => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? argv[i + 1] : undefined;
  return v === undefined ? undefined : v.split(',').map(Number);
};

/** Suite name → how to run it (loaded lazily: a suite's dependencies load only when it runs). */
const SUITES: Record<string, () => Promise<BenchResult[]>> = {
  matching: async () =>
    (await import('./matching.bench.js')).runMatchingBench({
      sizes: listOption('--sizes'),
      projects: option('--matching-projects'),
      peers: !argv.includes('--no-peers'),
      log: (line) => process.stderr.write(`${line}\n`),
    }),
  'matching-service': async () =>
    (await import('./matching-service.bench.js')).runMatchingServiceBench({
      talents: option('--service-talents'),
      projects: option('--service-projects'),
      log: (line) => process.stderr.write(`${line}\n`),
    }),
  import: async () =>
    (await import('./import.bench.js')).runImportBench({
      talents: option('--talents'),
      pg: !argv.includes('--no-pg'),
      cvRuns: option('--cv-runs'),
    }),
  'talent-line-bytes': async () =>
    (await import('./talent-line-bytes.bench.js')).runTalentLineBytesBench({
      lines: option('--lines'),
      rounds: option('--rounds'),
      log: (line) => process.stderr.write(`${line}\n`),
    }),
  readiness: async () =>
    (await import('./readiness.bench.js')).runReadinessBench(
      option('--readiness-projects'),
      option('--readiness-talents'),
      option('--readiness-samples'),
    ),
  team: async () => (await import('./team.bench.js')).runTeamBench(option('--team-instances')),
  extraction: async () =>
    (await import('./extraction.bench.js')).runExtractionBench({
      mb: option('--extraction-mb'),
      runs: option('--extraction-runs'),
      peerSeconds: option('--extraction-peer-seconds'),
      db: argv.includes('--extraction-db') ? argv[argv.indexOf('--extraction-db') + 1] : undefined,
      peers: !argv.includes('--no-peers'),
      log: (line) => process.stderr.write(`${line}\n`),
    }),
  titles: async () =>
    (await import('./titles.bench.js')).runTitlesBench({
      titles: option('--titles'),
      db: argv.includes('--titles-db') ? argv[argv.indexOf('--titles-db') + 1] : undefined,
      log: (line) => process.stderr.write(`${line}\n`),
    }),
  analytics: async () =>
    (await import('./analytics.bench.js')).runAnalyticsBench({
      talents: option('--analytics-talents'),
      projects: option('--analytics-projects'),
      runs: option('--analytics-runs'),
      sql: !argv.includes('--no-sql'),
    }),
};

const wanted = argv.filter(
  (a, i) => !a.startsWith('--') && !(argv[i - 1] ?? '').startsWith('--') && a in SUITES,
);
const unknown = argv.filter(
  (a, i) => !a.startsWith('--') && !(argv[i - 1] ?? '').startsWith('--') && !(a in SUITES),
);
if (unknown.length > 0) {
  process.stderr.write(`unknown suite ${unknown.join(', ')}; suites: ${Object.keys(SUITES).join(', ')}\n`);
  process.exit(2);
}
const json = argv.includes('--json');
const results: BenchResult[] = [];
for (const name of wanted.length > 0 ? wanted : Object.keys(SUITES)) {
  const rows = await (SUITES[name] as () => Promise<BenchResult[]>)();
  results.push(...rows);
  if (json) for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
}
if (!json) {
  // One table per suite.
  const head = ['suite', 'name', 'value', 'unit', 'peer', 'n'];
  const tables: string[] = [];
  for (const suite of [...new Set(results.map((r) => r.suite))]) {
    const cells = results
      .filter((r) => r.suite === suite)
      .map((r) => [
        r.suite,
        r.name,
        String(r.value),
        r.unit,
        r.peer ?? '',
        r.n === undefined ? '' : String(r.n),
      ]);
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
    const line = (c: string[]) =>
      c
        .map((x, i) => (i === 2 ? x.padStart(widths[i] ?? 0) : x.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    tables.push([line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n'));
  }
  process.stdout.write(`${tables.join('\n\n')}\n`);
}

import type { Command } from 'commander';
import { SCORE_PARTS, type ScorePartName } from '../../core/matching/types.js';
import { labelLookup, presentMatches } from '../../contract/matching.present.js';
import {
  MatchesQuery,
  matchRequest,
  type CounterfactualOut,
  type MatchesQueryOut,
  type MatchesResponse,
} from '../../contract/matching.schemas.js';
import { withContext, type GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { print, printJson, table, type CliIo } from '../io.js';

const fmt = (x: number) => x.toFixed(3);

/** Short column headers of the parts, in SCORE_PARTS order. */
export const PART_HEADERS: Record<ScorePartName, string> = {
  coverage: 'coverage',
  levelFit: 'level',
  adjacency: 'adjacent',
  vertical: 'vertical',
  trackRecord: 'track',
  availability: 'avail',
  budget: 'budget',
  breadth: 'breadth',
};

/** "level-fit", "LevelFit", "level_fit" → levelFit: people type part names several ways. */
const PART_BY_FOLDED = new Map(SCORE_PARTS.map((p) => [p.toLowerCase(), p]));
const foldPart = (s: string) => s.replace(/[-_\s]/g, '').toLowerCase();

/**
 * Parses "coverage=0.4,budget=0.1" into part → raw number text. Throws a message (without the option
 * name: the caller knows which option it parsed) on a malformed item or an unknown part.
 */
export function parseWeightAssignments(raw: string): Partial<Record<ScorePartName, string>> {
  const out: Partial<Record<ScorePartName, string>> = {};
  for (const item of raw.split(',')) {
    if (item.trim() === '') continue;
    const m = /^\s*([A-Za-z_-]+)\s*=\s*(\S+)\s*$/.exec(item);
    if (!m) throw new Error(`expected part=number, got "${item.trim()}"`);
    const part = PART_BY_FOLDED.get(foldPart(m[1]!));
    if (!part) throw new Error(`unknown part "${m[1]}"; parts: ${SCORE_PARTS.join(', ')}`);
    out[part] = m[2]!;
  }
  return out;
}

/** Query parameter → the flag that sets it, so a validation error names what the user typed. */
const FLAG_OF: Record<string, string> = {
  top: '--top',
  source: '--source',
  availableFrom: '--available-from',
  availableTo: '--available-to',
  minDays: '--min-days',
  maxRate: '--max-rate',
  languages: '--languages',
  location: '--location',
  remoteOk: '--remote-ok',
  industries: '--industries',
  counterfactuals: '--counterfactuals',
  lang: '--lang',
};

const flagOf = (param: string) =>
  param.startsWith('w.') ? `--weights ${param.slice(2)}` : (FLAG_OF[param] ?? param);

/** Parameter names inside a message ("required with availableFrom") become flags too. */
const toFlags = (message: string) =>
  message.replace(/\b(availableFrom|availableTo|location|minDays|remoteOk)\b/g, (p) => FLAG_OF[p] ?? p);

interface MatchFlags {
  top?: string;
  source?: string;
  availableFrom?: string;
  availableTo?: string;
  minDays?: string;
  maxRate?: string;
  languages?: string;
  location?: string;
  remoteOk?: boolean;
  industries?: string;
  weights?: string;
  counterfactuals?: string;
  lang?: string;
  json?: boolean;
}

/**
 * The flags as the query parameters of GET /api/projects/:id/matches, validated by the same schema, so
 * the CLI and the API accept the same values and build the same request. Returns the error message
 * (naming the flag) instead when they are invalid.
 */
export function flagsToQuery(flags: MatchFlags): MatchesQueryOut | string {
  const raw: Record<string, string> = {};
  const set = (key: string, v: string | undefined) => {
    if (v !== undefined) raw[key] = v;
  };
  set('top', flags.top);
  set('source', flags.source);
  set('availableFrom', flags.availableFrom);
  set('availableTo', flags.availableTo);
  set('minDays', flags.minDays);
  set('maxRate', flags.maxRate);
  set('languages', flags.languages);
  set('location', flags.location);
  if (flags.remoteOk) raw.remoteOk = 'true';
  set('industries', flags.industries);
  set('counterfactuals', flags.counterfactuals);
  set('lang', flags.lang);
  if (flags.weights !== undefined) {
    try {
      for (const [part, v] of Object.entries(parseWeightAssignments(flags.weights))) raw[`w.${part}`] = v;
    } catch (e) {
      return `option '--weights': ${(e as Error).message}`;
    }
  }
  const parsed = MatchesQuery.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const param = String(issue.path[0] ?? '');
  const at = issue.path.length > 1 ? ` (item ${Number(issue.path[1]) + 1})` : '';
  return `option '${flagOf(param)}'${at}: ${toFlags(issue.message)}`;
}

/** "level 3 in Kubernetes: +0.120" — the gain in score units, like the table. */
export function describeCounterfactual(c: CounterfactualOut): string {
  const gain = `+${fmt(c.gain)}`;
  switch (c.kind) {
    case 'raise-level':
      return `level ${c.level} in ${c.label}: ${gain}`;
    case 'add-skill':
      return `add ${c.label} at level ${c.level}: ${gain}`;
    case 'full-availability':
      return `full-time availability: ${gain}`;
  }
}

function describeFilters(f: MatchesResponse['filters']): string {
  const parts: string[] = [];
  if (f.source !== 'all') parts.push(`source ${f.source}`);
  if (f.available)
    parts.push(
      `available ${f.available.start} to ${f.available.end} at ≥ ${f.available.minDaysPerWeek} d/week`,
    );
  if (f.maxRate !== null) parts.push(`rate ≤ ${f.maxRate} €`);
  if (f.languages.length) parts.push(`speaks ${f.languages.join(', ')}`);
  if (f.location) parts.push(`in ${f.location.place}${f.location.remoteOk ? ' or remote' : ''}`);
  if (f.industries.length) parts.push(`industries ${f.industries.join(', ')}`);
  return parts.length ? parts.join('; ') : 'none';
}

function printTable(io: CliIo, out: MatchesResponse): void {
  print(io, `${out.projectName} — ${out.matches.length} of ${out.considered} talents`);
  print(io, `filters: ${describeFilters(out.filters)} (must-have skills always required)`);
  print(
    io,
    `weights: ${SCORE_PARTS.map((p) => `${PART_HEADERS[p]} ${out.weights[p].toFixed(2)}`).join(', ')}`,
  );
  if (out.matches.length === 0) {
    print(io, 'no talent passes the filters and holds every must-have skill');
    return;
  }
  print(io, 'score = the sum of the parts; best change = the single change that would raise it most');
  print(
    io,
    table(
      ['#', 'talent', 'source', 'score', ...SCORE_PARTS.map((p) => PART_HEADERS[p]), 'best change', 'name'],
      out.matches.map((m) => [
        m.rank,
        m.talentId,
        m.source,
        fmt(m.score),
        ...SCORE_PARTS.map((p) => fmt(m.parts[p])),
        m.counterfactuals[0] ? describeCounterfactual(m.counterfactuals[0]) : '—',
        m.name,
      ]),
    ),
  );
}

export function matchCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command('match')
    .description('rank talents for a project; each score is the sum of eight named parts')
    .argument('<projectId>', 'project id (see `vivier projects list`)')
    .option('--top <n>', 'how many talents, 1–200 (default 20)')
    .option('--source <source>', 'employee, freelance or all (default all)')
    .option('--available-from <date>', 'available on every working day from this date (YYYY-MM-DD)…')
    .option('--available-to <date>', '…to this date, both included')
    .option('--min-days <n>', '…at this many days per week or more, 0–5 (default 1)')
    .option('--max-rate <euros>', 'day rate or internal daily cost at most this')
    .option('--languages <codes>', 'speaks every one of these, comma-separated (fr,en)')
    .option('--location <place>', 'based in this place')
    .option('--remote-ok', 'with --location: also accept remote talents')
    .option('--industries <list>', 'worked in at least one of these, comma-separated')
    .option(
      '--weights <part=w,…>',
      `this run's weights over the organization's, e.g. coverage=0.4,budget=0.1 (parts: ${SCORE_PARTS.join(', ')})`,
    )
    .option('--counterfactuals <n>', 'best single changes per talent, 0–10 (default 3)')
    .option('--lang <lang>', 'label language: en or fr (default en)')
    .option('--json', 'print as JSON (the same document as GET /api/projects/:id/matches)');
  cmd.action(async (projectId: string, flags: MatchFlags) => {
    const query = flagsToQuery(flags);
    // Checked before opening the database: a typo should not wait for the index.
    if (typeof query === 'string') return cmd.error(`error: ${query}`, { exitCode: EXIT.usage });
    const q = query;
    await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
      const request = matchRequest(q);
      const r = await ctx.services.matching.matchProject(projectId, request);
      const { taxonomy } = await ctx.services.taxonomy.get();
      const out = presentMatches(r, request.filters, labelLookup(taxonomy, q.lang));
      if (flags.json) return printJson(io, out);
      printTable(io, out);
    });
  });
}

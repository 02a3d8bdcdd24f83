import type { Command } from 'commander';
import { DEFAULT_WEIGHTS } from '../../core/matching/score-candidate.js';
import { SCORE_PARTS, type ScoreWeights } from '../../core/matching/types.js';
import { presentWeights } from '../../contract/matching.present.js';
import { WeightsBody, type WeightsResponse } from '../../contract/matching.schemas.js';
import { withContext, type GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { print, printJson, table, type CliIo } from '../io.js';
import { parseWeightAssignments } from './match.command.js';

/** "coverage=0.5,budget=0.1" → a weights body validated like PUT /api/settings/matching-weights. */
function parseSet(raw: string): Partial<ScoreWeights> | string {
  let assigned: Partial<Record<keyof ScoreWeights, string>>;
  try {
    assigned = parseWeightAssignments(raw);
  } catch (e) {
    return `option '--set': ${(e as Error).message}`;
  }
  const numbers: Record<string, number> = {};
  for (const [part, v] of Object.entries(assigned)) {
    // Number('') is 0 and Number('1e') NaN: only plain decimals are weights.
    if (!/^\d+(\.\d+)?$|^\.\d+$/.test(v)) return `option '--set': ${part}: expected a number ≥ 0, got "${v}"`;
    numbers[part] = Number(v);
  }
  const parsed = WeightsBody.safeParse(numbers);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `option '--set': ${issue.path.join('.')}: ${issue.message}`;
  }
  return parsed.data;
}

function printWeights(io: CliIo, out: WeightsResponse, changed: boolean): void {
  if (changed) print(io, 'weights saved (parts not given take their default; all scaled to sum 1)');
  print(
    io,
    table(
      ['part', 'weight', 'default'],
      SCORE_PARTS.map((p) => [p, out.weights[p].toFixed(4), out.defaults[p].toFixed(4)]),
    ),
  );
}

export function settingsCommand(program: Command, io: CliIo): void {
  const settings = program.command('settings').description("the organization's settings");
  const weights = settings
    .command('weights')
    .description(
      "show or set the match score's part weights (the same document as GET/PUT /api/settings/matching-weights)",
    )
    .option(
      '--set <part=w,…>',
      `replace the weights, e.g. coverage=0.5,budget=0.1; parts not given take their default (parts: ${SCORE_PARTS.join(', ')})`,
    )
    .option('--reset', 'restore the default weights')
    .option('--json', 'print as JSON');
  weights.action(async (opts: { set?: string; reset?: boolean; json?: boolean }) => {
    if (opts.set !== undefined && opts.reset)
      return weights.error("error: option '--set' cannot be used with '--reset'", { exitCode: EXIT.usage });
    const body = opts.set === undefined ? undefined : parseSet(opts.set);
    if (typeof body === 'string') return weights.error(`error: ${body}`, { exitCode: EXIT.usage });
    await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
      const m = ctx.services.matching;
      const change = opts.reset ? {} : body;
      const w = change === undefined ? await m.getWeights() : await m.setWeights(change);
      const out = presentWeights(w, DEFAULT_WEIGHTS);
      if (opts.json) return printJson(io, out);
      printWeights(io, out, change !== undefined);
    });
  });
}

import type { Command } from 'commander';
import {
  parseTeam,
  presentCalibration,
  presentReadiness,
  presentReadinessList,
  type ReadinessResponse,
} from '../../contract/readiness.schemas.js';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, table, type CliIo } from '../io.js';
import { oneOf } from '../parse.js';

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const gain = (x: number) => `+${Math.round(x) >= 1 ? Math.round(x) : f1(x)}`;

function printOne(io: CliIo, r: ReadinessResponse): void {
  const team = r.team.source === 'team' ? `team of ${r.team.members.length}` : 'against the pool';
  print(
    io,
    `${r.name} (${r.projectId}) — readiness ${Math.round(r.score)}/100, risk ${r.risk} ` +
      `(${r.weights.source} weights, ${team})`,
  );
  print(
    io,
    table(
      ['factor', 'value', 'weight', 'points', 'why'],
      r.factors.map((f) => [f.id, f2(f.value), f1(f.weight), f1(f.contribution), f.reason.text]),
    ),
  );
  if (r.productionProbability !== null)
    print(io, `estimated chance of production: ${Math.round(r.productionProbability * 100)} %`);
  if (!r.best) return print(io, 'no single change raises this score');
  print(io, `best change: ${r.best.message.text}: ${gain(r.best.gain)}`);
  for (const c of r.whatIf.slice(1)) print(io, `  ${gain(c.gain).padStart(4)}  ${c.message.text}`);
}

export function readinessCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command('readiness')
    .description(
      "a project's readiness (0–100, risk), factor by factor, and the change that would raise it most",
    )
    .argument('[projectId]', 'project id (see `vivier projects list`)')
    .option('--all', "list every project's score and risk, riskiest first")
    .option(
      '--calibration',
      'show the weights in use (fitted on past outcomes or the defaults) and their AUCs',
    )
    .option('--team <ids>', 'talent ids of the staffed or proposed team, comma-separated (default: the pool)')
    .option('--lang <lang>', 'language of the explanations: en or fr', oneOf(['en', 'fr'] as const), 'en')
    .option('--json', 'print as JSON (the same document as the HTTP API)');
  cmd.action(
    async (
      projectId: string | undefined,
      opts: { all?: boolean; calibration?: boolean; team?: string; lang: 'en' | 'fr'; json?: boolean },
    ) => {
      if (!projectId && !opts.all && !opts.calibration)
        cmd.error('error: give a project id, --all or --calibration', { exitCode: 2 });
      await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
        const svc = ctx.services.readiness;
        if (opts.calibration) {
          const c = presentCalibration(await svc.calibration(), opts.lang);
          if (opts.json) return printJson(io, c);
          const auc = (x: number | null) => (x === null ? '—' : x.toFixed(3));
          print(io, c.reason.text);
          print(
            io,
            `held-out AUC: fitted ${auc(c.aucFitted)}, default ${auc(c.aucDefault)} (n = ${c.heldOut})`,
          );
          return print(
            io,
            table(
              ['factor', 'in use', 'default'],
              Object.keys(c.weights).map((k) => [
                k,
                f1(c.weights[k as keyof typeof c.weights]),
                f1(c.defaultWeights[k as keyof typeof c.weights]),
              ]),
            ),
          );
        }
        if (opts.all) {
          const { calibration, projects } = await svc.list();
          const out = presentReadinessList(calibration, projects);
          if (opts.json) return printJson(io, out);
          return print(
            io,
            table(
              ['project', 'score', 'risk', 'status', 'name'],
              out.projects.map((p) => [p.id, f1(p.score), p.risk, p.status, p.name]),
            ),
          );
        }
        const r = await svc.assess(projectId ?? '', { team: parseTeam(opts.team) });
        const { taxonomy } = await ctx.services.taxonomy.get();
        const out = presentReadiness(taxonomy, r, opts.lang);
        if (opts.json) return printJson(io, out);
        printOne(io, out);
      });
    },
  );
}

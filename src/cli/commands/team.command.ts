import { InvalidArgumentError, type Command } from 'commander';
import { presentTeam } from '../../contract/present-team.js';
import type { TeamOut } from '../../contract/team.schemas.js';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, table, type CliIo } from '../io.js';
import { intIn, oneOf } from '../parse.js';

const euros = (raw: string): number => {
  if (!/^\d+(\.\d{1,2})?$/.test(raw))
    throw new InvalidArgumentError(`expected an amount in euros, got "${raw}"`);
  return Number(raw);
};

const money = (x: number) => `${x.toLocaleString('en-US', { maximumFractionDigits: 2 })} €`;

function describeTeam(t: TeamOut): string {
  const head = `${t.kind}: ${t.members.length} members, ${money(t.cost)}, ${t.employees} employees / ${t.freelancers} freelancers, strength ${t.strength.toFixed(3)}${t.optimal ? '' : ' (not proved optimal)'}`;
  return head;
}

export function teamCommand(program: Command, io: CliIo): void {
  program
    .command('team')
    .description('compose the cheapest team covering every required skill (MILP), with alternatives')
    .argument('<projectId>', 'project id (see `vivier projects list`)')
    .option('--max-size <n>', 'at most this many members', intIn(1, 50))
    .option('--budget <euros>', "total cost ceiling (default: the project's budget)", euros)
    .option('--min-employees <k>', 'at least this many employees', intIn(0, 50))
    .option('--max-freelancers <n>', 'at most this many freelancers', intIn(0, 50))
    .option('--lang <lang>', 'label language: en or fr', oneOf(['en', 'fr'] as const), 'en')
    .option('--json', 'print as JSON (the same document as POST /api/projects/:id/team)')
    .action(
      async (
        projectId: string,
        opts: {
          maxSize?: number;
          budget?: number;
          minEmployees?: number;
          maxFreelancers?: number;
          lang: 'en' | 'fr';
          json?: boolean;
        },
      ) => {
        await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
          const r = await ctx.services.teams.compose(projectId, {
            maxSize: opts.maxSize,
            budget: opts.budget,
            minEmployees: opts.minEmployees,
            maxFreelancers: opts.maxFreelancers,
          });
          const { taxonomy } = await ctx.services.taxonomy.get();
          const out = presentTeam(taxonomy, r.project.id, r.pool, r.shortlisted, r.proposal, opts.lang);
          if (opts.json) return printJson(io, out);
          const rules = out.rules;
          print(
            io,
            `${r.project.name} — ${out.projectDays} working days, ${out.shortlisted} of ${out.pool} talents shortlisted (${out.unavailable} unavailable)`,
          );
          print(
            io,
            `rules: at most ${rules.maxSize} members, budget ${rules.budget === null ? 'none' : money(rules.budget)}, ` +
              `at least ${rules.minEmployees} employees, freelancers ${rules.maxFreelancers ?? 'no limit'}`,
          );
          if (!out.feasible) {
            print(io, `no team: ${out.solve.note?.text ?? 'the rules cannot be met'}`);
            return;
          }
          const t = out.team;
          print(io, '');
          print(io, describeTeam(t));
          print(
            io,
            table(
              ['talent', 'source', 'day rate', 'days', 'cost', 'covers', 'name'],
              t.members.map((m) => [
                m.talentId,
                m.source,
                money(m.dailyCost),
                m.days,
                money(m.cost),
                m.covers.join(', '),
                m.name,
              ]),
            ),
          );
          print(io, '');
          print(
            io,
            table(
              ['skill', 'level', 'must', 'covered by'],
              t.coverage.map((c) => [
                c.label,
                c.requiredLevel,
                c.must ? 'yes' : '',
                c.coveredBy.length
                  ? c.coveredBy.map((b) => `${b.talentId} (${b.level})`).join(', ')
                  : '— uncovered',
              ]),
            ),
          );
          if (t.uncovered.length) {
            print(io, '');
            print(io, `uncovered: ${t.uncovered.map((u) => `${u.label} (${u.reason})`).join('; ')}`);
          }
          if (out.alternatives.length) {
            print(io, '');
            print(io, 'alternatives:');
            for (const a of out.alternatives)
              print(io, `  ${describeTeam(a)}: ${a.members.map((m) => m.talentId).join(', ')}`);
          }
          const s = out.solve;
          print(io, '');
          print(
            io,
            `solver: ${s.method}, ${s.status}, gap ${s.gap === null ? 'unknown' : `${(s.gap * 100).toFixed(2)} %`}` +
              `${s.bound === null ? '' : ` (bound ${money(s.bound)}, ${s.boundKind})`}, ${s.solves} solves in ${s.seconds.toFixed(2)} s; ` +
              `greedy: ${money(s.greedy.cost)}, ${s.greedy.uncovered} uncovered${s.note ? `\nnote: ${s.note.text}` : ''}`,
          );
        });
      },
    );
}

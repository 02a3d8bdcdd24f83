/**
 * `vivier gaps`, `vivier trends`, `vivier upskill`: the skills gap, demand over time (with the article's
 * figures) and upskilling plans. `--json` prints the same documents as the HTTP API.
 */
import { InvalidArgumentError, type Command } from 'commander';
import {
  presentGaps,
  presentPlan,
  presentTrends,
  presentUpskilling,
} from '../../contract/analytics.present.js';
import type { GapsResponse, TrendsResponse } from '../../contract/analytics.schemas.js';
import { withContext, type GlobalOptions } from '../context.js';
import { print, printJson, table, type CliIo } from '../io.js';
import { intIn, oneOf } from '../parse.js';

const pct = (x: number) => `${Math.round(x * 100)} %`;
const num = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(x));
const isoDate = (raw: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw))
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got "${raw}"`);
  return raw;
};
const ratio = (r: number | null) =>
  r === null ? '—' : r >= 2 ? `×${r.toFixed(1)}` : `${r >= 1 ? '+' : ''}${Math.round((r - 1) * 100)} %`;

function printGaps(io: CliIo, g: GapsResponse): void {
  const w = g.window;
  print(
    io,
    `window ${w.from} → ${w.to} (${w.workingDays} working days${w.auto ? ', the open projects’ horizon' : ''}); ` +
      `${g.openProjects} open projects; ${g.talents.employee} employees, ${g.talents.freelance} freelancers; ` +
      `supply from: ${g.source}`,
  );
  const h = g.headline;
  print(
    io,
    `${h.absentEmployees.length} of the ${h.skills.length} most demanded skills (${pct(h.shareAbsentEmployees)}) ` +
      `are held by no employee${h.absentEmployees.length ? ` (${h.absentEmployees.map((s) => s.label).join(', ')})` : ''}; ` +
      `${h.absentAll.length} (${pct(h.shareAbsentAll)}) by no one, freelancers included.`,
  );
  print(
    io,
    `open demand ${num(g.demand)} person-days, shortage ${num(g.shortage)} (${pct(g.unmetShare)} unmet)\n`,
  );
  const action = new Map(g.recommendations.map((r) => [r.skillId, r.action]));
  print(
    io,
    table(
      ['skill', 'domain', 'rank', 'demand', 'level', 'holders', 'supply', 'ratio', 'shortage', 'action'],
      g.rows.map((r) => [
        r.label,
        r.domain,
        r.demandRank,
        num(r.demand),
        r.requiredLevel,
        `${r.employees.holders}+${r.freelancers.holders}`,
        num(r.supply),
        r.ratio === null ? '—' : r.ratio.toFixed(2),
        num(r.shortage),
        action.get(r.skillId) ?? '',
      ]),
    ),
  );
  print(io, '\ndomains, scarcest first:');
  print(
    io,
    table(
      [
        'domain',
        'demand',
        'shortage',
        'unmet',
        'specialists (employees+freelancers)',
        'absent from employees',
      ],
      g.domains.map((d) => [
        d.label,
        num(d.demand),
        num(d.shortage),
        pct(d.unmetShare),
        `${d.specialists.employee}+${d.specialists.freelance}`,
        pct(d.headline.shareAbsentEmployees),
      ]),
    ),
  );
  if (g.groups && g.by !== 'domain') {
    print(io, `\nby ${g.by}:`);
    print(
      io,
      table(
        [g.by ?? 'group', 'demand', 'shortage', 'unmet', 'absent from employees', 'absent from all'],
        g.groups.map((x) => [
          x.label,
          num(x.demand),
          num(x.shortage),
          pct(x.unmetShare),
          pct(x.headline.shareAbsentEmployees),
          pct(x.headline.shareAbsentAll),
        ]),
      ),
    );
  }
  if (g.recommendations.length) {
    print(io, '\ntrain, borrow or hire:');
    for (const r of g.recommendations)
      print(io, `  ${r.label} (unblocks ${r.unblocks} projects) — ${r.reason}`);
  }
}

function printTrends(io: CliIo, t: TrendsResponse): void {
  const head = ['measure', ...t.periods];
  const row = (label: string, points: TrendsResponse['measures'][number]['points']) => [
    label,
    ...points.map((p) =>
      p.growth === null
        ? String(p.count)
        : `${p.count} (${p.growth >= 0 ? '+' : ''}${Math.round(p.growth * 100)} %)`,
    ),
  ];
  print(
    io,
    table(
      head,
      t.measures.map((m) => row(m.label, m.points)),
    ),
  );
  print(io, '');
  print(
    io,
    table(
      ['domain', ...t.periods],
      t.domains.map((d) => row(d.label, d.points)),
    ),
  );
  print(io, '');
  print(
    io,
    table(
      ['skill', ...t.periods],
      t.skills.map((s) => row(s.label, s.points)),
    ),
  );
  if (t.emerging.length) {
    print(io, '\nemerging skills (fast growth from a small base):');
    for (const e of t.emerging.slice(0, 10))
      print(
        io,
        `  ${e.label}: ${e.previous.count} → ${e.current.count} projects (${pct(e.previous.share)} → ${pct(e.current.share)} of ${e.current.period})`,
      );
  }
  const a = t.article;
  print(io, '\nthe article, computed from the records:');
  for (const g of a.growth)
    print(
      io,
      `  ${g.id}: ${g.from.count} (${g.from.period}) → ${g.to.count} (${g.to.period}) = ${ratio(g.ratio)}  — « ${g.article} »`,
    );
  print(
    io,
    `  absent skills: ${pct(a.absentSkills.shareAbsentEmployees)} of the ${a.absentSkills.top} most demanded held by no employee, ` +
      `${pct(a.absentSkills.shareAbsentAll)} by no one  — « ${a.absentSkills.article} »`,
  );
  print(
    io,
    `  scarcest domains: ${a.scarceDomains.domains
      .slice(0, 3)
      .map((d) => `${d.domain} ${pct(d.unmetShare)} unmet`)
      .join(', ')}`,
  );
  print(
    io,
    `  custom projects reaching production: generic ${pct(a.production.generic.rate)} (${a.production.generic.production}/${a.production.generic.closed}), ` +
      `vertical ${pct(a.production.vertical.rate)} (${a.production.vertical.production}/${a.production.vertical.closed})`,
  );
}

export function analyticsCommands(program: Command, io: CliIo): void {
  const gaps = program.command('gaps');
  gaps
    .description(
      'skills gap: open demand against the pool, the most demanded skills nobody holds, train/borrow/hire',
    )
    .option('--top <n>', 'rows of the shortage ranking', intIn(0, 1000), 20)
    .option('--headline <n>', 'N of the headline (the N most demanded skills)', intIn(1, 200), 10)
    .option(
      '--by <group>',
      'break down by domain, industry or function',
      oneOf(['domain', 'industry', 'function'] as const),
    )
    .option(
      '--source <source>',
      'whose supply counts: employee, freelance or all',
      oneOf(['employee', 'freelance', 'all'] as const),
      'all',
    )
    .option('--from <date>', 'window start (default: the open projects’ horizon)', isoDate)
    .option('--to <date>', 'window end', isoDate)
    .option('--lang <lang>', 'labels in en or fr', oneOf(['en', 'fr'] as const), 'en')
    .option('--json', 'print as JSON (the same document as GET /api/gaps)')
    .action(
      async (opts: {
        top: number;
        headline: number;
        by?: 'domain' | 'industry' | 'function';
        source: 'employee' | 'freelance' | 'all';
        from?: string;
        to?: string;
        lang: 'en' | 'fr';
        json?: boolean;
      }) => {
        if (!!opts.from !== !!opts.to) gaps.error('error: --from and --to go together', { exitCode: 2 });
        await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
          const r = await ctx.services.analytics.gaps({
            top: opts.top,
            headlineTop: opts.headline,
            by: opts.by ?? null,
            source: opts.source,
            window: opts.from && opts.to ? { from: opts.from, to: opts.to } : null,
          });
          const doc = presentGaps((await ctx.services.taxonomy.get()).taxonomy, r, opts.lang);
          if (opts.json) printJson(io, doc);
          else printGaps(io, doc);
        });
      },
    );

  program
    .command('trends')
    .description('demand over time (projects, domains, skills), emerging skills, and the article’s figures')
    .option(
      '--period <period>',
      'year, quarter or month',
      oneOf(['year', 'quarter', 'month'] as const),
      'year',
    )
    .option('--from <date>', 'first start date counted', isoDate)
    .option('--to <date>', 'last start date counted', isoDate)
    .option('--skills <ids>', 'skills to follow, comma-separated (default: the most required)')
    .option('--top <n>', 'skills to follow when --skills is not given', intIn(1, 100), 10)
    .option('--lang <lang>', 'labels in en or fr', oneOf(['en', 'fr'] as const), 'en')
    .option('--json', 'print as JSON (the same document as GET /api/trends)')
    .action(
      async (opts: {
        period: 'year' | 'quarter' | 'month';
        from?: string;
        to?: string;
        skills?: string;
        top: number;
        lang: 'en' | 'fr';
        json?: boolean;
      }) => {
        await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
          const { trends, article } = await ctx.services.analytics.trends({
            period: opts.period,
            from: opts.from,
            to: opts.to,
            skills: opts.skills
              ?.split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            topSkills: opts.top,
          });
          const doc = presentTrends((await ctx.services.taxonomy.get()).taxonomy, trends, article, opts.lang);
          if (opts.json) printJson(io, doc);
          else printTrends(io, doc);
        });
      },
    );

  program
    .command('upskill')
    .description(
      'who could learn a skill fastest and how (learning plan), and train/borrow/hire; without a skill, the training plan that closes the most of the gap',
    )
    .argument('[skill]', 'skill id (see GET /api/skills)')
    .option('--top <n>', 'learners to list', intIn(1, 200), 10)
    .option('--level <n>', 'target level (default: what the open projects ask)', intIn(1, 5))
    .option('--people <n>', 'people in the training plan (without a skill)', intIn(1, 100), 5)
    .option(
      '--source <source>',
      'whose supply counts for the shortage: employee or all',
      oneOf(['employee', 'all'] as const),
      'all',
    )
    .option('--lang <lang>', 'labels in en or fr', oneOf(['en', 'fr'] as const), 'en')
    .option('--json', 'print as JSON (the same document as GET /api/upskilling)')
    .action(
      async (
        skill: string | undefined,
        opts: {
          top: number;
          level?: number;
          people: number;
          source: 'employee' | 'all';
          lang: 'en' | 'fr';
          json?: boolean;
        },
      ) => {
        await withContext(io, program.opts<GlobalOptions>(), async (ctx) => {
          const { taxonomy } = await ctx.services.taxonomy.get();
          if (!skill) {
            const plan = presentPlan(
              taxonomy,
              await ctx.services.analytics.plan({ people: opts.people, source: opts.source }),
              opts.lang,
            );
            if (opts.json) return printJson(io, plan);
            print(io, plan.summary);
            print(
              io,
              table(
                ['talent', 'learns', 'from', 'weeks', 'covers (person-days)'],
                plan.assignments.map((a) => [
                  a.talentId,
                  a.label,
                  a.from ? `${a.from.skillId} (${a.from.level})` : 'scratch',
                  a.effortWeeks,
                  num(a.covers),
                ]),
              ),
            );
            return;
          }
          const doc = presentUpskilling(
            taxonomy,
            await ctx.services.analytics.upskilling(skill, {
              top: opts.top,
              level: opts.level,
              source: opts.source,
            }),
            opts.lang,
          );
          if (opts.json) return printJson(io, doc);
          print(
            io,
            `${doc.skill.label} (${doc.skill.id}, ${doc.skill.domain}) at level ${doc.requiredLevel}: ` +
              `${doc.holders.employee} employees and ${doc.holders.freelance} freelancers hold it; ` +
              `${doc.withHeadStart} employees have a head start; ${doc.fromScratchWeeks} weeks from scratch.`,
          );
          print(
            io,
            table(
              ['talent', 'name', 'weeks', 'from', 'plan'],
              doc.learners.map((l) => [
                l.talentId,
                l.name,
                l.effortWeeks,
                l.from ? `${l.from.label} (${l.from.level})` : 'scratch',
                l.plan.map((s) => `${s.label} ${s.weeks}w`).join(' → '),
              ]),
            ),
          );
          if (doc.recommendation) print(io, `\n${doc.recommendation.reason}`);
          else print(io, '\nno shortage of this skill in the open demand.');
        });
      },
    );
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  GapRecordsParams,
  GapRecordsQuery,
  GapRecordsResponse,
  GapsQuery,
  GapsResponse,
  PlanQuery,
  PlanResponse,
  RecordSetResponse,
  TrendRecordsQuery,
  TrendsQuery,
  TrendsResponse,
  UpskillingQuery,
  UpskillingResponse,
} from '../../contract/analytics.schemas.js';
import {
  presentGaps,
  presentPlan,
  presentTrends,
  presentUpskilling,
} from '../../contract/analytics.present.js';
import { ErrorResponse } from '../../contract/schemas.js';
import { MEASURES, type Measure } from '../../core/analytics/trends.js';
import { DomainError } from '../../core/errors.js';
import type { Context } from '../../main/create-context.js';

function windowOf(q: { from?: string; to?: string }): { from: string; to: string } | null {
  if (!q.from && !q.to) return null;
  if (!q.from || !q.to)
    throw new DomainError(
      'invalid_input',
      'querystring.from and querystring.to go together',
      q.from ? 'to' : 'from',
    );
  return { from: q.from, to: q.to };
}

function measureOf(raw: string): Measure | `skill:${string}` | `domain:${string}` {
  if ((MEASURES as readonly string[]).includes(raw)) return raw as Measure;
  if (/^(skill|domain):[a-z0-9][a-z0-9-]*$/.test(raw)) return raw as `skill:${string}`;
  throw new DomainError(
    'invalid_input',
    `querystring.measure: expected one of ${MEASURES.join(', ')}, skill:<id> or domain:<id>, got "${raw}"`,
    'measure',
  );
}

export const analyticsRoutes = (ctx: Context): FastifyPluginAsyncZod =>
  async function (app) {
    const errors = { 400: ErrorResponse, 404: ErrorResponse };

    app.get(
      '/api/gaps',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Skills gap: open demand against the pool’s supply, the headline and train/borrow/hire',
          querystring: GapsQuery,
          response: { 200: GapsResponse, ...errors },
        },
      },
      async (req) => {
        const q = req.query;
        const r = await ctx.services.analytics.gaps({
          top: q.top,
          headlineTop: q.headlineTop,
          by: q.by ?? null,
          source: q.source,
          window: windowOf(q),
        });
        const { taxonomy } = await ctx.services.taxonomy.get();
        return presentGaps(taxonomy, r, q.lang);
      },
    );

    app.get(
      '/api/gaps/:skillId/records',
      {
        schema: {
          tags: ['analytics'],
          summary: 'The projects and talents behind a skill’s demand and supply',
          params: GapRecordsParams,
          querystring: GapRecordsQuery,
          response: { 200: GapRecordsResponse, ...errors },
        },
      },
      async (req) =>
        ctx.services.analytics.gapRecords(req.params.skillId, {
          source: req.query.source,
          limit: req.query.limit,
          window: windowOf(req.query),
        }),
    );

    app.get(
      '/api/trends',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Demand over time per measure, domain and skill; emerging skills; the article’s figures',
          querystring: TrendsQuery,
          response: { 200: TrendsResponse, ...errors },
        },
      },
      async (req) => {
        const q = req.query;
        const { trends, article } = await ctx.services.analytics.trends({
          period: q.period,
          from: q.from,
          to: q.to,
          skills: q.skills
            ?.split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          topSkills: q.top,
          current: q.current,
        });
        const { taxonomy } = await ctx.services.taxonomy.get();
        return presentTrends(taxonomy, trends, article, q.lang);
      },
    );

    app.get(
      '/api/trends/records',
      {
        schema: {
          tags: ['analytics'],
          summary: 'The records behind one point of a trend',
          querystring: TrendRecordsQuery,
          response: { 200: RecordSetResponse, ...errors },
        },
      },
      async (req) =>
        ctx.services.analytics.trendRecords(
          measureOf(req.query.measure),
          req.query.key,
          req.query.period,
          req.query.limit,
        ),
    );

    app.get(
      '/api/upskilling',
      {
        schema: {
          tags: ['analytics'],
          summary:
            'Employees who could learn a skill fastest, with their learning plans, and train/borrow/hire',
          querystring: UpskillingQuery,
          response: { 200: UpskillingResponse, ...errors },
        },
      },
      async (req) => {
        const q = req.query;
        const r = await ctx.services.analytics.upskilling(q.skill, {
          top: q.top,
          level: q.level,
          source: q.source,
        });
        const { taxonomy } = await ctx.services.taxonomy.get();
        return presentUpskilling(taxonomy, r, q.lang);
      },
    );

    app.get(
      '/api/upskilling/plan',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Whom to train on what to close the most of the gap',
          querystring: PlanQuery,
          response: { 200: PlanResponse, ...errors },
        },
      },
      async (req) => {
        const q = req.query;
        const plan = await ctx.services.analytics.plan({
          people: q.people,
          skills: q.skills,
          source: q.source,
        });
        const { taxonomy } = await ctx.services.taxonomy.get();
        return presentPlan(taxonomy, plan, q.lang);
      },
    );
  };

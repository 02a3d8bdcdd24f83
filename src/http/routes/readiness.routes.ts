import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CalibrationResponse,
  parseTeam,
  presentCalibration,
  presentReadiness,
  presentReadinessList,
  ReadinessListResponse,
  ReadinessQuery,
  ReadinessResponse,
} from '../../contract/readiness.schemas.js';
import { ErrorResponse, IdParams, LangQuery } from '../../contract/schemas.js';
import type { Context } from '../../main/create-context.js';

export const readinessRoutes = (ctx: Context): FastifyPluginAsyncZod =>
  async function (app) {
    app.get(
      '/api/projects/:id/readiness',
      {
        schema: {
          tags: ['readiness'],
          description:
            'Readiness of a project (0–100, risk level), factor by factor, with the changes that would raise it. ' +
            'Against the staffed team when `team` lists talent ids, else against the pool.',
          params: IdParams,
          querystring: ReadinessQuery,
          response: { 200: ReadinessResponse, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => {
        const r = await ctx.services.readiness.assess(req.params.id, { team: parseTeam(req.query.team) });
        const { taxonomy } = await ctx.services.taxonomy.get();
        return presentReadiness(taxonomy, r, req.query.lang);
      },
    );

    app.get(
      '/api/readiness',
      {
        schema: {
          tags: ['readiness'],
          description: 'Every project’s readiness score and risk against the pool, riskiest first.',
          response: { 200: ReadinessListResponse },
        },
      },
      async () => {
        const { calibration, projects } = await ctx.services.readiness.list();
        return presentReadinessList(calibration, projects);
      },
    );

    app.get(
      '/api/readiness/calibration',
      {
        schema: {
          tags: ['readiness'],
          description:
            'The factor weights in use (fitted on past outcomes, or the defaults), with held-out AUCs of both.',
          querystring: LangQuery,
          response: { 200: CalibrationResponse },
        },
      },
      async (req) => presentCalibration(await ctx.services.readiness.calibration(), req.query.lang),
    );
  };

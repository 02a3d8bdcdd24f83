import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFAULT_WEIGHTS } from '../../core/matching/score-candidate.js';
import { labelLookup, presentMatches, presentWeights } from '../../contract/matching.present.js';
import {
  MatchesQuery,
  MatchesResponse,
  matchRequest,
  WeightsBody,
  WeightsResponse,
} from '../../contract/matching.schemas.js';
import { ErrorResponse, IdParams } from '../../contract/schemas.js';
import type { Context } from '../../main/create-context.js';

export const matchingRoutes = (ctx: Context): FastifyPluginAsyncZod =>
  async function (app) {
    app.get(
      '/api/projects/:id/matches',
      {
        schema: {
          tags: ['matching'],
          description:
            'Talents ranked for a project. Each score is the sum of eight named parts (weights: the ' +
            "organization's, overridable per request with w.<part>), explained per required skill and " +
            'per profile fact, with the single changes that would raise it most. Filters and must-have ' +
            'skills exclude; they never change a score.',
          params: IdParams,
          querystring: MatchesQuery,
          response: { 200: MatchesResponse, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => {
        const request = matchRequest(req.query);
        const r = await ctx.services.matching.matchProject(req.params.id, request);
        const { taxonomy } = await ctx.services.taxonomy.get();
        return presentMatches(r, request.filters, labelLookup(taxonomy, req.query.lang));
      },
    );

    app.get(
      '/api/settings/matching-weights',
      {
        schema: {
          tags: ['settings'],
          description: "The organization's score weights (scaled to sum 1) and the defaults.",
          response: { 200: WeightsResponse },
        },
      },
      async () => presentWeights(await ctx.services.matching.getWeights(), DEFAULT_WEIGHTS),
    );

    app.put(
      '/api/settings/matching-weights',
      {
        schema: {
          tags: ['settings'],
          description:
            "Replaces the organization's score weights: parts left out take their default, then all are " +
            'scaled to sum 1. An empty object restores the defaults.',
          body: WeightsBody,
          response: { 200: WeightsResponse, 400: ErrorResponse },
        },
      },
      async (req) => presentWeights(await ctx.services.matching.setWeights(req.body), DEFAULT_WEIGHTS),
    );
  };

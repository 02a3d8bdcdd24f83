import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentMatches, presentProject } from '../../contract/present.js';
import {
  ErrorResponse,
  IdParams,
  LangQuery,
  MatchesQuery,
  MatchesResponse,
  ProjectResponse,
  ProjectsResponse,
} from '../../contract/schemas.js';
import type { Context } from '../../main/create-context.js';

export const projectsRoutes = (ctx: Context): FastifyPluginAsyncZod =>
  async function (app) {
    app.get(
      '/api/projects',
      { schema: { tags: ['projects'], response: { 200: ProjectsResponse } } },
      async () => ({
        projects: await ctx.services.projects.list(),
      }),
    );

    app.get(
      '/api/projects/:id',
      {
        schema: {
          tags: ['projects'],
          params: IdParams,
          querystring: LangQuery,
          response: { 200: ProjectResponse, 404: ErrorResponse },
        },
      },
      async (req) => {
        const project = await ctx.services.projects.get(req.params.id);
        const { taxonomy } = await ctx.services.taxonomy.get();
        return presentProject(taxonomy, project, req.query.lang);
      },
    );

    app.get(
      '/api/projects/:id/matches',
      {
        schema: {
          tags: ['matching'],
          params: IdParams,
          querystring: MatchesQuery,
          response: { 200: MatchesResponse, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => {
        const { top, source, mustHave, lang } = req.query;
        const r = await ctx.services.matching.matchProject(req.params.id, {
          top,
          source,
          requireMust: mustHave,
        });
        const { taxonomy } = await ctx.services.taxonomy.get();
        return presentMatches(taxonomy, r.project.id, r.considered, r.weights, r.matches, lang);
      },
    );
  };

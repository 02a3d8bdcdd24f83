import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentProject } from '../../contract/present.js';
import {
  ErrorResponse,
  IdParams,
  LangQuery,
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
    // GET /api/projects/:id/matches: matching.routes.ts.
  };

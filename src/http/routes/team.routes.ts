import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentTeam } from '../../contract/present-team.js';
import { ErrorResponse, IdParams, LangQuery } from '../../contract/schemas.js';
import { TeamBody, TeamResponse } from '../../contract/team.schemas.js';
import type { Context } from '../../main/create-context.js';

export const teamRoutes = (ctx: Context): FastifyPluginAsyncZod =>
  async function (app) {
    app.post(
      '/api/projects/:id/team',
      {
        schema: {
          tags: ['matching'],
          description:
            'The cheapest team covering every required skill at its level within size, budget, availability ' +
            'and mix rules (a MILP solved by HiGHS), with who covers what, what stays uncovered, and the ' +
            'strongest and most internal alternatives.',
          params: IdParams,
          querystring: LangQuery,
          body: TeamBody,
          response: { 200: TeamResponse, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => {
        const r = await ctx.services.teams.compose(req.params.id, req.body ?? {});
        const { taxonomy } = await ctx.services.taxonomy.get();
        return presentTeam(taxonomy, r.project.id, r.pool, r.shortlisted, r.proposal, req.query.lang);
      },
    );
  };

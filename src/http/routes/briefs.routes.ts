import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ClassifyBody, ClassifyResponse, presentClassification } from '../../contract/briefs.schemas.js';
import { ErrorResponse } from '../../contract/schemas.js';
import type { Context } from '../../main/create-context.js';

export const briefsRoutes = (ctx: Context): FastifyPluginAsyncZod =>
  async function (app) {
    app.post(
      '/api/briefs/classify',
      {
        schema: {
          tags: ['projects'],
          description:
            "A brief's industry, business function and archetype, each with its confidence, the words that " +
            'decided it (character spans) and the runners-up; null where the brief does not decide.',
          body: ClassifyBody,
          response: { 200: ClassifyResponse, 400: ErrorResponse, 413: ErrorResponse },
        },
      },
      async (req) => presentClassification(await ctx.services.briefs.classify(req.body.text)),
    );
  };

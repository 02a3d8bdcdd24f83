import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentExtraction } from '../../contract/present.js';
import {
  ErrorResponse,
  ExtractBody,
  ExtractResponse,
  SkillsQuery,
  SkillsResponse,
} from '../../contract/schemas.js';
import type { Context } from '../../main/create-context.js';

export const skillsRoutes = (ctx: Context): FastifyPluginAsyncZod =>
  async function (app) {
    app.get(
      '/api/skills',
      {
        schema: {
          tags: ['skills'],
          querystring: SkillsQuery,
          response: { 200: SkillsResponse, 400: ErrorResponse },
        },
      },
      async (req) => {
        const { q, limit, lang } = req.query;
        const hits = await ctx.services.taxonomy.search(q, limit);
        return {
          skills: hits.map((h) => ({
            id: h.skill.id,
            label: h.skill.labels[lang].label,
            domain: h.skill.domain,
            type: h.skill.type,
            escoUri: h.skill.escoUri,
            matched: h.matched,
          })),
        };
      },
    );

    app.post(
      '/api/extract',
      {
        schema: {
          tags: ['skills'],
          body: ExtractBody,
          response: { 200: ExtractResponse, 400: ErrorResponse, 413: ErrorResponse },
        },
      },
      async (req) => {
        const extraction = await ctx.services.extraction.extract(req.body.text, req.body.lang);
        const { taxonomy } = await ctx.services.taxonomy.get();
        return presentExtraction(taxonomy, extraction);
      },
    );
  };

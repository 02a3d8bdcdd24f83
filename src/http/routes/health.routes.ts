import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse } from '../../contract/schemas.js';
import { DEFAULT_ORG } from '../../services/ports.js';
import type { Context } from '../../main/create-context.js';
import { VERSION } from '../../main/version.js';

export const healthRoutes = (ctx: Context): FastifyPluginAsyncZod =>
  async function (app) {
    app.get('/api/health', { schema: { tags: ['system'], response: { 200: HealthResponse } } }, async () => ({
      status: 'ok' as const,
      version: VERSION,
      storage: ctx.store.dialect,
      skills: await ctx.store.taxonomy.count(),
      talents: await ctx.store.talents.count(DEFAULT_ORG),
      projects: await ctx.store.projects.count(DEFAULT_ORG),
    }));
  };

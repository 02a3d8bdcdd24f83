import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import type { Context } from '../main/create-context.js';
import { installErrorHandling } from './errors.js';
import { analyticsRoutes } from './routes/analytics.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { matchingRoutes } from './routes/matching.routes.js';
import { projectsRoutes } from './routes/projects.routes.js';
import { readinessRoutes } from './routes/readiness.routes.js';
import { skillsRoutes } from './routes/skills.routes.js';
import { talentsRoutes } from './routes/talents.routes.js';
import { teamRoutes } from './routes/team.routes.js';
import { briefsRoutes } from './routes/briefs.routes.js';
import { VERSION } from '../main/version.js';

export interface AppOptions {
  /** Folder of the built web app; served at / when it exists. */
  webRoot?: string;
  logger?: boolean;
}

/** Builds the app without listening: tests drive it through inject(), server.ts starts it. */
export async function buildApp(ctx: Context, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: ctx.config.limits.maxBodyBytes,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Vivier API', version: VERSION, description: 'Talent intelligence for AI projects.' },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(ctx));
  await app.register(skillsRoutes(ctx));
  await app.register(projectsRoutes(ctx));
  await app.register(matchingRoutes(ctx));
  await app.register(readinessRoutes(ctx));
  await app.register(talentsRoutes(ctx));
  await app.register(teamRoutes(ctx));
  await app.register(briefsRoutes(ctx));
  await app.register(analyticsRoutes(ctx));

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(webRoot);
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the single-page app fall back to its index; unknown API paths are 404 JSON.
    // A path with a file extension is a missing asset: answering it with the index would hand HTML to a
    // script tag after a rebuild, so it gets a 404 like any unknown file.
    const path = req.url.split('?')[0] ?? '';
    if (hasWeb && req.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
  });
  return app;
}

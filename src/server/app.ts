import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import type { Db } from './db/client.ts';
import { inArrivalOrder } from './db/request-order.ts';
import type { Env } from './env.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { passwordResetRoutes } from './modules/auth/password-reset.routes.ts';
import { emailRoutes } from './modules/email/email.routes.ts';
import { communityRoutes } from './modules/communities/communities.routes.ts';
import { agendaRoutes } from './modules/agenda/agenda.routes.ts';
import { leadershipRoutes } from './modules/leadership/leadership.routes.ts';
import { orientationRoutes } from './modules/orientation/orientation.routes.ts';
import { subgroupRoutes } from './modules/subgroups/subgroups.routes.ts';
import { eventRoutes } from './modules/events/events.routes.ts';
import { cultivationRoutes } from './modules/cultivation/cultivation.routes.ts';
import { conversationRoutes } from './modules/conversations/conversations.routes.ts';
import { modelRoutes } from './modules/model/model.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { assetRoutes } from './modules/assets/assets.routes.ts';
import { closeExtraction, configureExtraction } from './modules/assets/extract-pool.ts';
import { jobsPlugin } from './jobs/jobs.ts';
import { portfolioRoutes } from './modules/portfolio/portfolio.routes.ts';
import { authPlugin } from './plugins/auth.ts';
import { livePlugin } from './plugins/live.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { registerErrorHandler } from './plugins/errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    pool: pg.Pool;
    env: Env;
  }
}

export interface AppDeps {
  env: Env;
  db: Db;
  pool: pg.Pool;
  /** Where the built web UI lives; defaults to dist/web. */
  webDir?: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds the whole application as a Fastify instance; `server.ts` only listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.env.LOG_LEVEL === 'silent' ? false : { level: deps.env.LOG_LEVEL },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', deps.db);
  app.decorate('pool', deps.pool);
  app.decorate('env', deps.env);
  registerErrorHandler(app);
  // First of all hooks: the database serves a request's statements in the order requests arrived.
  app.addHook('onRequest', (_req, _reply, done) => inArrivalOrder(done));
  // Uploaded documents are read in worker threads; they stop with the app.
  configureExtraction({ timeoutMs: deps.env.EXTRACT_TIMEOUT_MS });
  app.addHook('onClose', closeExtraction);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Constellation API', version: '0.1.0', description: 'Communities of practice, as an API.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authPlugin);
  await app.register(jobsPlugin);
  await app.register(livePlugin);
  await app.register(authRoutes);
  await app.register(passwordResetRoutes);
  await app.register(emailRoutes);
  await app.register(communityRoutes);
  await app.register(leadershipRoutes);
  await app.register(orientationRoutes);
  await app.register(agendaRoutes);
  await app.register(subgroupRoutes);
  await app.register(eventRoutes);
  await app.register(cultivationRoutes);
  await app.register(conversationRoutes);
  await app.register(searchRoutes);
  await app.register(assetRoutes);
  await app.register(peopleRoutes);
  await app.register(modelRoutes);
  await app.register(notificationRoutes);
  await app.register(portfolioRoutes);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.pool.query('select 1');
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', detail: 'The database does not answer.' });
    }
  });

  const webDir = deps.webDir ?? path.join(root, 'dist/web');
  if (existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
    // The web UI routes in the browser: any other GET outside /api gets the app shell.
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      const file = (req.params as { '*': string })['*'];
      if (file && existsSync(path.join(webDir, file)) && !file.includes('..')) return reply.sendFile(file);
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}

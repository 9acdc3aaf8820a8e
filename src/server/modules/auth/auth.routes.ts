import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signinInput, signupInput } from '../../../shared/contracts/auth.ts';
import { SESSION_COOKIE, setSessionCookie } from '../../plugins/auth.ts';
import { createAccount, endSession, startSession, verifyCredentials } from './auth.service.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(rateLimit, { global: false });

  app.get('/api/auth/session', { schema: { tags: ['auth'], summary: 'Who is signed in, and a CSRF token for writes' } }, async (req, reply) => {
    const csrfToken = reply.generateCsrf();
    return { user: req.viewer, csrfToken };
  });

  app.post(
    '/api/auth/signup',
    { schema: { tags: ['auth'], summary: 'Create an account and sign in', body: signupInput } },
    async (req, reply) => {
      const user = await createAccount(app.db, req.body);
      const session = await startSession(app.db, user.id, app.env.SESSION_DAYS);
      setSessionCookie(app, reply, session.token, session.expiresAt);
      return reply.code(201).send({ user });
    },
  );

  app.post(
    '/api/auth/signin',
    {
      schema: { tags: ['auth'], summary: 'Sign in with email or username', body: signinInput },
      config: {
        rateLimit: {
          max: app.env.SIGNIN_RATE_LIMIT,
          timeWindow: '1 minute',
          // After body parsing, so the key can include the login being tried.
          hook: 'preHandler',
          keyGenerator: (req) => `${req.ip}:${String((req.body as { login?: unknown })?.login ?? '').toLowerCase()}`,
          errorResponseBuilder: (_req, ctx) => ({
            statusCode: 429,
            code: 'rate_limited',
            message: `Too many sign-in attempts. Try again in ${Math.ceil(ctx.ttl / 1000)} seconds.`,
          }),
        },
      },
    },
    async (req, reply) => {
      const user = await verifyCredentials(app.db, req.body.login, req.body.password);
      const session = await startSession(app.db, user.id, app.env.SESSION_DAYS);
      setSessionCookie(app, reply, session.token, session.expiresAt);
      return { user };
    },
  );

  app.post('/api/auth/signout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await endSession(app.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
};

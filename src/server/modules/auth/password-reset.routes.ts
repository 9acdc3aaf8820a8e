import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { passwordResetConfirmInput, passwordResetRequestInput } from '../../../shared/contracts/email.ts';
import { SESSION_COOKIE } from '../../plugins/auth.ts';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.ts';

const tags = ['auth'];
const SAME_ANSWER = 'If an account uses this email, a link to choose a new password is on its way. It works for one hour.';

export const passwordResetRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(rateLimit, { global: false });

  app.post(
    '/api/auth/password-reset',
    {
      schema: { tags, summary: 'Email a link to choose a new password (same answer whether or not the account exists)', body: passwordResetRequestInput },
      config: {
        rateLimit: {
          max: app.env.SIGNIN_RATE_LIMIT,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req) => `${req.ip}:${String((req.body as { email?: unknown })?.email ?? '').toLowerCase()}`,
          errorResponseBuilder: (_req, ctx) => ({
            statusCode: 429,
            code: 'rate_limited',
            message: `Too many reset requests. Try again in ${Math.ceil(ctx.ttl / 1000)} seconds.`,
          }),
        },
      },
    },
    async (req, reply) => {
      if (await requestPasswordReset(app.db, app.env.appUrl, req.body.email)) await app.jobs.nudge('email.send');
      return reply.code(202).send({ message: SAME_ANSWER });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    { schema: { tags, summary: 'Choose a new password with the emailed link; signs out everywhere', body: passwordResetConfirmInput } },
    async (req, reply) => {
      await confirmPasswordReset(app.db, req.body.token, req.body.password);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );
};

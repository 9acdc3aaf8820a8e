import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Viewer } from '../../shared/contracts/auth.ts';
import { unauthorized } from '../errors.ts';
import { hashToken } from '../lib/tokens.ts';
import { findViewerBySession } from '../modules/auth/auth.queries.ts';

export const SESSION_COOKIE = 'sid';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Routes exempt from CSRF, by method and route pattern. Only routes whose credential is a
 * secret in the URL (not a cookie) belong here: mail clients post one-click unsubscribe
 * (RFC 8058) with no session and no token.
 */
const CSRF_EXEMPT = new Set(['POST /api/email/unsubscribe']);

/** Resolves the session cookie to `request.viewer` and guards cookie-authenticated writes against CSRF. */
export const authPlugin = fp(async (app: FastifyInstance) => {
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: app.env.COOKIE_SECURE ?? app.env.NODE_ENV === 'production' },
  });
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (req) => {
    // Only the API needs to know who is asking; the web app's files and shell do not.
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    req.viewer = token ? await findViewerBySession(app.db, hashToken(token)) : null;
  });
  app.addHook('onRequest', (req, reply, done) => {
    if (UNSAFE.has(req.method) && req.url.startsWith('/api/') && !CSRF_EXEMPT.has(`${req.method} ${req.routeOptions.url}`)) {
      return app.csrfProtection(req, reply, done);
    }
    done();
  });
});

/** The signed-in viewer, or 401. */
export function requireViewer(req: Pick<FastifyRequest, 'viewer'>): Viewer {
  if (!req.viewer) throw unauthorized();
  return req.viewer;
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.env.COOKIE_SECURE ?? app.env.NODE_ENV === 'production',
    expires,
  });
}

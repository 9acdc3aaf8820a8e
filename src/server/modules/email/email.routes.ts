import { desc, eq, lt } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageQuery } from '../../../shared/contracts/common.ts';
import { type OutboxMessage, type OutboxSummary, resubscribeInput, unsubscribeQuery } from '../../../shared/contracts/email.ts';
import { emailOutbox } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { requireViewer } from '../../plugins/auth.ts';
import { emailPolicy } from './email.policy.ts';
import { setByEmailToken } from './email.service.ts';

type OutboxRow = typeof emailOutbox.$inferSelect;

function presentSummary(r: OutboxRow, smtp: boolean): OutboxSummary {
  const status = r.sentAt ? 'sent' : !smtp ? 'kept' : r.attempts > 0 ? 'retrying' : 'waiting';
  return {
    id: r.id,
    kind: r.kind,
    to: r.toAddress,
    subject: r.subject,
    status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
  };
}

const present = (r: OutboxRow, smtp: boolean): OutboxMessage => ({ ...presentSummary(r, smtp), text: r.text, html: r.html, headers: r.headers });

/** Hides most of an address: the page confirms whose mail changed without showing it whole. */
const maskEmail = (email: string) => email.replace(/^(.)[^@]*(@.*)$/, '$1•••$2');

export const emailRoutes: FastifyPluginAsyncZod = async (app) => {
  // Mail clients send RFC 8058 one-click as a form post ("List-Unsubscribe=One-Click"); its
  // content is fixed, so it is read and ignored. Only this plugin's routes accept forms.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}));
  if (!app.hasContentTypeParser('multipart/form-data')) {
    app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_req, _body, done) => done(null, {}));
  }

  app.get(
    '/api/email/unsubscribe',
    { schema: { tags: ['email'], summary: 'Opened in a browser: go to the unsubscribe page', querystring: unsubscribeQuery } },
    async (req, reply) => {
      const q = new URLSearchParams({ token: req.query.token, kind: req.query.kind });
      return reply.redirect(`/unsubscribe?${q}`, 303);
    },
  );

  app.post(
    '/api/email/unsubscribe',
    {
      // The link in the email is the credential: no session, so exempt from CSRF (plugins/auth.ts).
      schema: { tags: ['email'], summary: 'One-click unsubscribe (RFC 8058); works without signing in', querystring: unsubscribeQuery },
    },
    async (req) => {
      const result = await setByEmailToken(app.db, req.query.token, req.query.kind);
      return { ...result, email: maskEmail(result.email) };
    },
  );

  app.post(
    '/api/email/unsubscribe/undo',
    { schema: { tags: ['email'], summary: 'Put back what an unsubscribe link turned off', body: resubscribeInput } },
    async (req) => {
      const result = await setByEmailToken(app.db, req.body.token, req.body.kind, req.body.value);
      return { ...result, email: maskEmail(result.email) };
    },
  );

  app.get('/api/admin/outbox', { schema: { tags: ['email'], summary: 'Every email the site has written (site admins)', querystring: pageQuery } }, async (req) => {
    const viewer = requireViewer(req);
    if (!emailPolicy.canReadOutbox(viewer)) throw forbidden('Only site admins can read the outbox.');
    const after = decodeCursor(req.query.cursor, ['number']) as [number] | null;
    const rows = await app.db
      .select()
      .from(emailOutbox)
      .where(after ? lt(emailOutbox.id, after[0]) : undefined)
      .orderBy(desc(emailOutbox.id))
      .limit(req.query.limit + 1);
    const smtp = !!app.env.SMTP_URL;
    const page = toPage(rows, req.query.limit, (r) => [r.id]);
    return { items: page.items.map((r) => presentSummary(r, smtp)), nextCursor: page.nextCursor, smtpConfigured: smtp };
  });

  app.get('/api/admin/outbox/:id', { schema: { tags: ['email'], summary: 'One email in the outbox (site admins)', params: idParam } }, async (req) => {
    const viewer = requireViewer(req);
    if (!emailPolicy.canReadOutbox(viewer)) throw forbidden('Only site admins can read the outbox.');
    const [row] = await app.db.select().from(emailOutbox).where(eq(emailOutbox.id, req.params.id));
    if (!row) throw notFound('email');
    return present(row, !!app.env.SMTP_URL);
  });
};

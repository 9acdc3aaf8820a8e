import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { UnsubscribeKind } from '../../../shared/contracts/email.ts';
import type { Queryable } from '../../db/client.ts';
import { emailOutbox } from '../../db/schema/index.ts';
import type { RenderedEmail } from './email.render.ts';

export interface OutgoingEmail extends RenderedEmail {
  userId: number | null;
  /** Notification kind, 'digest', 'password_reset' or 'invitation'. */
  kind: string;
  to: string;
  subject: string;
  headers?: Record<string, string>;
}

/**
 * Queues emails in the caller's transaction: they are sent only if it commits, and once it has
 * committed they are never lost. Call `app.jobs.nudge('email.send')` after the commit.
 */
export async function queueEmails(tx: Queryable, emails: OutgoingEmail[]): Promise<void> {
  if (!emails.length) return;
  await tx.insert(emailOutbox).values(
    emails.map((e) => ({
      userId: e.userId,
      kind: e.kind,
      toAddress: e.to,
      subject: e.subject,
      text: e.text,
      html: e.html,
      headers: e.headers ?? {},
    })),
  );
}

/** The one-click unsubscribe URL (RFC 8058) for a person's email token and one kind of email. */
export function unsubscribeUrl(appUrl: string, emailToken: string, kind: UnsubscribeKind): string {
  return `${appUrl}/api/email/unsubscribe?token=${encodeURIComponent(emailToken)}&kind=${encodeURIComponent(kind)}`;
}

/** The page a person lands on from the link in the email's footer. */
export function unsubscribePageUrl(appUrl: string, emailToken: string, kind: UnsubscribeKind): string {
  return `${appUrl}/unsubscribe?token=${encodeURIComponent(emailToken)}&kind=${encodeURIComponent(kind)}`;
}

/** Headers that let mail clients offer one-click unsubscribe without signing in. */
export function unsubscribeHeaders(appUrl: string, emailToken: string, kind: UnsubscribeKind): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl(appUrl, emailToken, kind)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** First retry after a minute, doubling each time, never waiting more than six hours. */
export const RETRY_BASE_SECONDS = 60;
export const RETRY_MAX_SECONDS = 6 * 3600;
export const retryDelaySeconds = (attempts: number) => Math.min(RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_SECONDS);

const BATCH = 20;
// Not pooled: each send opens its own connection, so there is nothing to close on shutdown.
const transports = new WeakMap<FastifyInstance['env'], Transporter>();

function transport(app: FastifyInstance): Transporter | null {
  if (!app.env.SMTP_URL) return null;
  let t = transports.get(app.env);
  if (!t) {
    t = nodemailer.createTransport(app.env.SMTP_URL);
    transports.set(app.env, t);
  }
  return t;
}

interface DueRow {
  id: number;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attempts: number;
}

/**
 * Sends due outbox rows. Each batch is claimed with FOR UPDATE SKIP LOCKED and held until
 * every row in it is marked sent or rescheduled, so two instances never send one email.
 * A failed send keeps the row with its error and the next attempt time; nothing is deleted.
 * Returns how many were sent.
 */
export async function sendDueEmails(app: FastifyInstance): Promise<number> {
  const t = transport(app);
  if (!t) return 0;
  let sent = 0;
  for (;;) {
    const { claimed, ok } = await app.db.transaction(async (tx) => {
      const rows = (
        await tx.execute<DueRow & Record<string, unknown>>(sql`
          select id, to_address, subject, text, html, headers, attempts from email_outbox
          where sent_at is null and next_attempt_at <= now()
          order by next_attempt_at, id
          limit ${BATCH}
          for update skip locked`)
      ).rows;
      let okCount = 0;
      for (const row of rows) {
        try {
          await t.sendMail({
            from: app.env.MAIL_FROM,
            to: row.to_address,
            subject: row.subject,
            text: row.text,
            html: row.html,
            headers: row.headers,
          });
          await tx.execute(sql`update email_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = ${row.id}`);
          okCount++;
        } catch (err) {
          const delay = retryDelaySeconds(row.attempts + 1);
          const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
          app.log.warn({ outboxId: row.id, attempts: row.attempts + 1, err: message }, 'email not sent; will retry');
          await tx.execute(sql`
            update email_outbox set attempts = attempts + 1, last_error = ${message},
              next_attempt_at = now() + make_interval(secs => ${delay})
            where id = ${row.id}`);
        }
      }
      return { claimed: rows.length, ok: okCount };
    });
    sent += ok;
    if (claimed < BATCH) return sent;
  }
}

import { eq, sql } from 'drizzle-orm';
import { passwordWeakness } from '../../../shared/contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { passwordResets, sessions, users } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { queueEmails } from '../email/email.outbox.ts';
import { renderEmail } from '../email/email.render.ts';
import { audit, hashPassword } from './auth.service.ts';

/** How long a reset link works. */
export const RESET_TTL_MINUTES = 60;

/**
 * Starts a password reset: when an account has this email, writes a one-time link (only its
 * hash is kept) and queues the email in the same transaction. Says nothing about whether the
 * account exists. Returns true when an email was queued.
 */
export async function requestPasswordReset(db: Db, appUrl: string, email: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, displayName: users.displayName })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`)
      .limit(1);
    if (!user) return false;
    const token = newToken();
    await tx.insert(passwordResets).values({
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: sql`now() + make_interval(mins => ${RESET_TTL_MINUTES})`,
    });
    const link = `${appUrl}/reset-password?token=${encodeURIComponent(token)}`;
    const rendered = renderEmail(appUrl, {
      preheader: 'Choose a new password; the link works once, for one hour.',
      heading: 'Choose a new password',
      paragraphs: [
        `Hello ${user.displayName}, someone (we hope you) asked to reset the password of your Constellation account.`,
        'The link works once and for one hour. Choosing a new password signs you out everywhere.',
      ],
      action: { label: 'Choose a new password', url: link },
      reason: 'If you did not ask for this, ignore this email: your password stays as it is.',
    });
    await queueEmails(tx, [{ userId: user.id, kind: 'password_reset', to: user.email, subject: 'Reset your Constellation password', ...rendered }]);
    return true;
  });
}

const linkProblem = (code: string, detail: string) =>
  new AppError(410, code, 'This link no longer works', detail, [{ path: 'token', message: detail }]);

/**
 * Sets a new password from a reset link: checks the password first (the link stays usable),
 * then in one transaction sets it, marks the link used and ends every session of the account.
 */
export async function confirmPasswordReset(db: Db, token: string, password: string): Promise<void> {
  const [found] = await db
    .select({ userId: passwordResets.userId, username: users.username, email: users.email, displayName: users.displayName })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  if (!found) throw notFound('reset link');
  const weakness = passwordWeakness(password, [found.username, found.email.split('@')[0], found.displayName]);
  if (weakness) throw new AppError(422, 'invalid_field', 'Some fields need attention', weakness, [{ path: 'password', message: weakness }]);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [reset] = await tx
      .select({ usedAt: passwordResets.usedAt, expired: sql<boolean>`${passwordResets.expiresAt} <= now()` })
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, hashToken(token)))
      .for('update');
    if (!reset) throw notFound('reset link');
    if (reset.usedAt) throw linkProblem('reset_link_used', 'This reset link was already used. Ask for a new one if you need to.');
    if (reset.expired) throw linkProblem('reset_link_expired', 'This reset link has expired (links work for one hour). Ask for a new one.');
    await tx.update(passwordResets).set({ usedAt: sql`now()` }).where(eq(passwordResets.tokenHash, hashToken(token)));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, found.userId));
    await tx.delete(sessions).where(eq(sessions.userId, found.userId));
    await audit(tx, found.userId, 'account.password_reset', `user:${found.username}`);
  });
}

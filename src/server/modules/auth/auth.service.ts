import { hash, verify } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import { passwordWeakness, type SignupInput, type Viewer } from '../../../shared/contracts/auth.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { auditLog, emailInvitations, memberships, sessions, users } from '../../db/schema/index.ts';
import { AppError, conflict, invalidField } from '../../errors.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { countUsers, findUserByLogin } from './auth.queries.ts';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// Verified against when the login is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;

/** Hashes a password with argon2id. */
export const hashPassword = (password: string) => hash(password, ARGON);

/** Creates an account; the first account on an empty site becomes site admin. Claims email invitations. */
export async function createAccount(db: Db, input: SignupInput, siteRole?: Viewer['siteRole']): Promise<Viewer> {
  const weakness = passwordWeakness(input.password, [input.username, input.email.split('@')[0], input.displayName]);
  if (weakness) throw invalidField('password', weakness);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Serializes sign-ups so exactly one first account becomes admin.
    await tx.execute(sql`select pg_advisory_xact_lock(7321001)`);
    const taken = await tx
      .select({ email: users.email, username: users.username })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${input.email}) or lower(${users.username}) = lower(${input.username})`);
    if (taken.some((t) => t.email.toLowerCase() === input.email.toLowerCase())) {
      throw conflict('email_taken', 'An account with this email already exists. Sign in instead.', 'email');
    }
    if (taken.length) throw conflict('username_taken', 'This username is taken; choose another.', 'username');
    const role = siteRole ?? ((await countUsers(tx)) === 0 ? 'admin' : 'member');
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, username: input.username, displayName: input.displayName, passwordHash, siteRole: role })
      .returning({ id: users.id, username: users.username, displayName: users.displayName, email: users.email, siteRole: users.siteRole });
    await claimEmailInvitations(tx, user.id, input.email);
    if (role !== 'member') await audit(tx, user.id, 'account.created_with_role', `user:${user.username}`, { role });
    return user;
  });
}

async function claimEmailInvitations(tx: Queryable, userId: number, email: string) {
  const invites = await tx.delete(emailInvitations).where(eq(emailInvitations.email, email.toLowerCase())).returning();
  if (!invites.length) return;
  await tx
    .insert(memberships)
    .values(invites.map((i) => ({ communityId: i.communityId, userId, status: 'invited' as const, invitedBy: i.invitedBy })))
    .onConflictDoNothing();
}

/** Checks a login and password; the same answer for an unknown login and a wrong password. */
export async function verifyCredentials(db: Db, login: string, password: string): Promise<Viewer> {
  const user = await findUserByLogin(db, login);
  dummyHash ??= hashPassword('not-a-real-password-at-all');
  const ok = await verify(user?.passwordHash ?? (await dummyHash), password).catch(() => false);
  if (!user?.passwordHash || !ok) {
    throw new AppError(401, 'invalid_credentials', 'Sign-in failed', 'That email/username and password do not match.', [
      { path: 'password', message: 'does not match' },
    ]);
  }
  const { passwordHash: _, ...viewer } = user;
  return viewer;
}

/** Starts a server-side session; returns the cookie token (only its hash is stored). */
export async function startSession(db: Db, userId: number, days: number) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db.insert(sessions).values({ id: hashToken(token), userId, expiresAt });
  return { token, expiresAt };
}

export async function endSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Records a privileged action. */
export async function audit(db: Queryable, actorId: number | null, action: string, target: string, data: object = {}) {
  await db.insert(auditLog).values({ actorId, action, target, data });
}

import { and, eq, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { sessions, users } from '../../db/schema/index.ts';

export const viewerColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  siteRole: users.siteRole,
};

const viewerBySession = prepared((db) =>
  db
    .select(viewerColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql`now()`)))
    .limit(1)
    .prepare('viewer_by_session'),
);

/** The signed-in user behind a session id, if the session is still valid. */
export async function findViewerBySession(db: Queryable, sessionId: string) {
  const rows = await viewerBySession(db).execute({ id: sessionId });
  return rows[0] ?? null;
}

export async function findUserByLogin(db: Queryable, login: string) {
  const rows = await db
    .select({ ...viewerColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${login}) or lower(${users.username}) = lower(${login})`)
    .limit(1);
  return rows[0] ?? null;
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n;
}

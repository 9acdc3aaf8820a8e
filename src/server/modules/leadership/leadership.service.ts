import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { ReflectionInput } from '../../../shared/contracts/leadership.ts';
import type { Db } from '../../db/client.ts';
import { leadershipAssignments, roleReflections } from '../../db/schema/index.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import { audit } from '../auth/auth.service.ts';
import { findMembership, findUserByUsername } from '../communities/communities.queries.ts';

/** An active member of the community by username, or 422 naming `field`. */
export async function activeMember(db: Db, communityId: number, username: string, field: string) {
  const user = await findUserByUsername(db, username);
  if (!user) throw invalidField(field, `Nobody has the username “${username}”.`);
  const m = await findMembership(db, communityId, user.id);
  if (m?.status !== 'active') throw invalidField(field, `${user.displayName} is not a member of this community.`);
  return user;
}

/** Records that a member covers a leadership function (beyond what their roles imply). */
export async function assignFunction(db: Db, viewer: Viewer, communityId: number, fn: string, username: string) {
  const user = await activeMember(db, communityId, username, 'username');
  await db.transaction(async (tx) => {
    const added = await tx.insert(leadershipAssignments).values({ communityId, function: fn, userId: user.id, assignedBy: viewer.id }).onConflictDoNothing().returning();
    if (!added.length) throw conflict('already_assigned', `${user.displayName} already covers this function.`, 'username');
    await audit(tx, viewer.id, 'leadership.assigned', `community:${communityId}`, { function: fn, username: user.username });
  });
}

/** Removes an explicit assignment (roles that imply the function are changed on the members page). */
export async function unassignFunction(db: Db, viewer: Viewer, communityId: number, fn: string, username: string) {
  const user = await findUserByUsername(db, username);
  if (!user) throw notFound('person');
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(leadershipAssignments)
      .where(and(eq(leadershipAssignments.communityId, communityId), eq(leadershipAssignments.function, fn), eq(leadershipAssignments.userId, user.id)))
      .returning();
    if (!removed.length) throw notFound('assignment');
    await audit(tx, viewer.id, 'leadership.unassigned', `community:${communityId}`, { function: fn, username: user.username });
  });
}

/** Writes the community's reflection on a role (all six parts at once). */
export async function saveReflection(db: Db, viewer: Viewer, communityId: number, role: string, input: ReflectionInput) {
  await db
    .insert(roleReflections)
    .values({ communityId, role, ...input, updatedBy: viewer.id })
    .onConflictDoUpdate({ target: [roleReflections.communityId, roleReflections.role], set: { ...input, updatedBy: viewer.id, updatedAt: sql`now()` } });
}

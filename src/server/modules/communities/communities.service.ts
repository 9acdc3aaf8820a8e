import { notify } from '../notifications/notifications.service.ts';
import { queueInvitationEmail } from '../email/email.invitations.ts';
import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { CreateCommunityInput, UpdateCommunityInput } from '../../../shared/contracts/communities.ts';
import type { Role } from '../../../shared/model/catalogue.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { communities, emailInvitations, memberRoles, memberships } from '../../db/schema/index.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import { audit } from '../auth/auth.service.ts';
import { changeStage, startCultivation } from '../cultivation/cultivation.service.ts';
import { communityPolicy, type CommunityAccess } from './communities.policy.ts';
import {
  countCoordinators,
  findCommunityWithAccess,
  findMembership,
  findUserByEmail,
  findUserByUsername,
} from './communities.queries.ts';

/** Loads a community the viewer may know exists, or answers 404 (never 403, so secret ones stay secret). */
export async function loadVisibleCommunity(db: Queryable, slug: string, viewer: Viewer | null) {
  const c = await findCommunityWithAccess(db, slug, viewer);
  const access: CommunityAccess | null = c
    ? { visibility: c.visibility, membership: c.membership, roles: c.roles, status: c.status, sponsor: c.sponsor }
    : null;
  if (!c || !access || !communityPolicy.canSee(viewer, access)) throw notFound('community');
  return { community: c, access };
}

const isUniqueViolation = (e: unknown) =>
  (e as { code?: string })?.code === '23505' || (e as { cause?: { code?: string } })?.cause?.code === '23505';

async function bumpMembers(tx: Queryable, communityId: number, by: number) {
  await tx.update(communities).set({ memberCount: sql`${communities.memberCount} + ${by}` }).where(eq(communities.id, communityId));
}

/**
 * Creates a community; its creator becomes its first member and coordinator. With `launch: 'propose'`
 * it starts as a proposal in the launch process. Either way it starts with the default cultivation plan.
 */
export async function createCommunity(db: Db, viewer: Viewer, input: CreateCommunityInput) {
  const { launch = 'now', advisor, ...charter } = input;
  try {
    return await db.transaction(async (tx) => {
      const [c] = await tx
        .insert(communities)
        .values({ ...charter, status: launch === 'propose' ? 'proposed' : 'active', createdBy: viewer.id, memberCount: 1 })
        .returning({ id: communities.id, slug: communities.slug, stage: communities.stage });
      await tx.insert(memberships).values({ communityId: c.id, userId: viewer.id, status: 'active' });
      await tx.insert(memberRoles).values({ communityId: c.id, userId: viewer.id, role: 'coordinator', assignedBy: viewer.id });
      await startCultivation(tx, viewer, { id: c.id, stage: c.stage, structureKind: charter.structureKind, launch, advisor });
      return c;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('slug_taken', 'Another community already uses this URL; choose another.', 'slug');
    throw e;
  }
}

export async function updateCommunity(db: Db, viewer: Viewer, communityId: number, input: UpdateCommunityInput) {
  if (Object.keys(input).length === 0) throw invalidField('body', 'Change at least one field.');
  const { stage, stageReason, ...charter } = input;
  if (stageReason !== undefined && !stage) throw invalidField('stage', 'Choose the new stage that the reason explains.');
  await db.transaction(async (tx) => {
    if (Object.keys(charter).length) await tx.update(communities).set(charter).where(eq(communities.id, communityId));
    // Every stage change goes into the stage history with who, when and why (MODEL §4).
    if (stage) await changeStage(tx, viewer, communityId, stage, stageReason);
    if (input.visibility || stage) await audit(tx, viewer.id, 'community.updated', `community:${communityId}`, input);
  });
}

/** Joins an open community or accepts an invitation; asks to join a by-request one. */
export async function joinCommunity(db: Db, userId: number, communityId: number, status: 'active' | 'requested') {
  await db.transaction(async (tx) => {
    const existing = await findMembership(tx, communityId, userId);
    if (existing?.status === 'active') throw conflict('already_member', 'You are already a member.');
    if (existing?.status === 'requested') throw conflict('already_requested', 'Your request is waiting for a coordinator.');
    if (existing) {
      await tx
        .update(memberships)
        .set({ status: 'active', createdAt: sql`now()` })
        .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)));
    } else {
      await tx.insert(memberships).values({ communityId, userId, status });
    }
    if (status === 'active') await bumpMembers(tx, communityId, 1);
    if (status === 'requested') {
      await notify(tx, {
        kind: 'join_request',
        actorId: userId,
        communityId,
        recipients: sql`select r.user_id from member_roles r where r.community_id = ${communityId} and r.role = 'coordinator'`,
      });
    }
  });
}

/** Leaves a community (or withdraws a request, or declines an invitation). */
export async function leaveCommunity(db: Db, userId: number, communityId: number) {
  await db.transaction(async (tx) => {
    const m = await findMembership(tx, communityId, userId);
    if (!m) throw conflict('not_member', 'You are not a member.');
    const roles = await tx
      .select({ role: memberRoles.role })
      .from(memberRoles)
      .where(and(eq(memberRoles.communityId, communityId), eq(memberRoles.userId, userId)));
    if (roles.some((r) => r.role === 'coordinator') && (await countCoordinators(tx, communityId)) === 1) {
      const [{ memberCount }] = await tx.select({ memberCount: communities.memberCount }).from(communities).where(eq(communities.id, communityId));
      if (memberCount > 1) throw conflict('last_coordinator', 'You are the only coordinator. Make someone else coordinator before you leave.');
    }
    await tx.delete(memberRoles).where(and(eq(memberRoles.communityId, communityId), eq(memberRoles.userId, userId)));
    await tx.delete(memberships).where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)));
    if (m.status === 'active') await bumpMembers(tx, communityId, -1);
  });
}

/** Approves or declines a request to join. */
export async function decideRequest(db: Db, communityId: number, username: string, approve: boolean) {
  const user = await findUserByUsername(db, username);
  if (!user) throw notFound('person');
  await db.transaction(async (tx) => {
    const m = await findMembership(tx, communityId, user.id);
    if (m?.status !== 'requested') throw notFound('request');
    const where = and(eq(memberships.communityId, communityId), eq(memberships.userId, user.id));
    if (approve) {
      await tx.update(memberships).set({ status: 'active', createdAt: sql`now()` }).where(where);
      await bumpMembers(tx, communityId, 1);
    } else {
      await tx.delete(memberships).where(where);
    }
  });
}

/** Invites a person by username or email; an unknown email is kept until that person signs up. */
export async function invite(db: Db, viewer: Viewer, communityId: number, who: string, appUrl?: string) {
  const byEmail = who.includes('@');
  if (byEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(who)) throw invalidField('who', 'Enter a valid email address or a username.');
  const user = byEmail ? await findUserByEmail(db, who) : await findUserByUsername(db, who);
  if (!user && !byEmail) throw invalidField('who', `Nobody has the username “${who}”. Invite them by email instead.`);
  if (!user) {
    const email = who.toLowerCase();
    await db.transaction(async (tx) => {
      const added = await tx.insert(emailInvitations).values({ communityId, email, invitedBy: viewer.id }).onConflictDoNothing().returning();
      if (added.length && appUrl) await queueInvitationEmail(tx, appUrl, { email, communityId, inviterId: viewer.id });
    });
    return { invited: 'email' as const, email };
  }
  const m = await findMembership(db, communityId, user.id);
  if (m?.status === 'active') throw conflict('already_member', `${user.displayName} is already a member.`, 'who');
  if (m?.status === 'requested') {
    await decideRequest(db, communityId, user.username, true);
    return { invited: 'user' as const, username: user.username, approvedRequest: true };
  }
  await db.transaction(async (tx) => {
    const added = await tx.insert(memberships).values({ communityId, userId: user.id, status: 'invited', invitedBy: viewer.id }).onConflictDoNothing().returning();
    if (added.length) await notify(tx, { kind: 'invitation', actorId: viewer.id, communityId, recipients: sql`select ${user.id}::bigint` });
  });
  return { invited: 'user' as const, username: user.username };
}

/** Gives a role to an active member. */
export async function assignRole(db: Db, viewer: Viewer, communityId: number, username: string, role: Role) {
  const user = await findUserByUsername(db, username);
  if (!user) throw notFound('person');
  const m = await findMembership(db, communityId, user.id);
  if (m?.status !== 'active') throw invalidField('username', `${user.displayName} is not a member of this community.`);
  await db.transaction(async (tx) => {
    const added = await tx.insert(memberRoles).values({ communityId, userId: user.id, role, assignedBy: viewer.id }).onConflictDoNothing().returning();
    if (added.length) await notify(tx, { kind: 'role_given', actorId: viewer.id, communityId, recipients: sql`select ${user.id}::bigint`, data: { role } });
    await audit(tx, viewer.id, 'role.assigned', `community:${communityId}`, { username: user.username, role });
  });
}

/** Removes a role; the last coordinator cannot be removed. */
export async function removeRole(db: Db, viewer: Viewer, communityId: number, username: string, role: Role) {
  const user = await findUserByUsername(db, username);
  if (!user) throw notFound('person');
  await db.transaction(async (tx) => {
    if (role === 'coordinator' && (await countCoordinators(tx, communityId)) <= 1) {
      throw conflict('last_coordinator', 'A community needs at least one coordinator. Make someone else coordinator first.');
    }
    const removed = await tx
      .delete(memberRoles)
      .where(and(eq(memberRoles.communityId, communityId), eq(memberRoles.userId, user.id), eq(memberRoles.role, role)))
      .returning();
    if (!removed.length) throw notFound('role');
    await audit(tx, viewer.id, 'role.removed', `community:${communityId}`, { username: user.username, role });
  });
}


import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { CreateSubgroupInput, UpdateSubgroupInput } from '../../../shared/contracts/subgroups.ts';
import type { CommunityFeature } from '../../../shared/model/catalogue.ts';
import type { Db, Tx } from '../../db/client.ts';
import { memberRoles, subgroupMembers, subgroups } from '../../db/schema/index.ts';
import { conflict, invalidField } from '../../errors.ts';
import { audit } from '../auth/auth.service.ts';
import { activeMember } from '../leadership/leadership.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import type { SubgroupRow } from './subgroups.queries.ts';

/** The feature that switches a kind of subgroup on or off. */
export const featureOfKind = (kind: string): CommunityFeature => (kind === 'project' ? 'projects' : 'practice_groups');

/**
 * The earliest end date accepted: yesterday in UTC, so someone whose local "today" is still
 * yesterday in UTC terms is not refused.
 */
function earliestEndDate() {
  return new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
}

function checkProject(kind: string, goal: string, endDate: string | null | undefined, creating: boolean) {
  if (kind === 'project') {
    if (!goal) throw invalidField('goal', 'Say what the project should achieve.');
    if (!endDate) throw invalidField('endDate', 'A project needs an end date.');
    if ((creating || endDate !== undefined) && endDate < earliestEndDate()) throw invalidField('endDate', 'Choose an end date that is not in the past.');
  } else if (endDate) {
    throw invalidField('endDate', 'Practice groups have no end date; make it a project if it should end.');
  }
}

/** Makes the leader a member of the subgroup and gives them the subgroup leader role (telling them if it is new). */
async function seatLeader(tx: Tx, viewer: Viewer, communityId: number, subgroupId: number, leaderId: number) {
  await tx.insert(subgroupMembers).values({ subgroupId, userId: leaderId }).onConflictDoNothing();
  const added = await tx.insert(memberRoles).values({ communityId, userId: leaderId, role: 'subgroup_leader', assignedBy: viewer.id }).onConflictDoNothing().returning();
  if (added.length) {
    await notify(tx, { kind: 'role_given', actorId: viewer.id, communityId, recipients: sql`select ${leaderId}::bigint`, data: { role: 'subgroup_leader' } });
  }
}

/** Creates a practice group or project with its leader as first member. */
export async function createSubgroup(db: Db, viewer: Viewer, communityId: number, input: CreateSubgroupInput) {
  checkProject(input.kind, input.goal, input.endDate, true);
  const leader = await activeMember(db, communityId, input.leader, 'leader');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(subgroups)
      .values({
        communityId,
        kind: input.kind,
        name: input.name,
        description: input.description,
        goal: input.goal,
        endDate: input.kind === 'project' ? (input.endDate ?? null) : null,
        leaderId: leader.id,
      })
      .returning({ id: subgroups.id });
    await seatLeader(tx, viewer, communityId, row.id, leader.id);
    await audit(tx, viewer.id, 'subgroup.created', `community:${communityId}`, { id: row.id, kind: input.kind, leader: leader.username });
    return row.id;
  });
}

/** Edits a subgroup; a new leader joins it and gets the subgroup leader role. */
export async function updateSubgroup(db: Db, viewer: Viewer, sg: SubgroupRow, input: UpdateSubgroupInput) {
  if (Object.values(input).every((v) => v === undefined)) throw invalidField('body', 'Change at least one field.');
  checkProject(sg.kind, input.goal ?? sg.goal, input.endDate === undefined ? sg.endDate : input.endDate, false);
  if (input.endDate !== undefined && sg.kind === 'project' && input.endDate && input.endDate < earliestEndDate()) {
    throw invalidField('endDate', 'Choose an end date that is not in the past.');
  }
  const leader = input.leader ? await activeMember(db, sg.communityId, input.leader, 'leader') : null;
  await db.transaction(async (tx) => {
    const { leader: _l, closed, ...rest } = input;
    await tx
      .update(subgroups)
      .set({
        ...rest,
        ...(leader ? { leaderId: leader.id } : {}),
        ...(closed === undefined ? {} : { closedAt: closed ? (sg.closedAt ?? sql`now()`) : null }),
      })
      .where(eq(subgroups.id, sg.id));
    if (leader && leader.id !== sg.leaderId) await seatLeader(tx, viewer, sg.communityId, sg.id, leader.id);
  });
}

export async function joinSubgroup(db: Db, viewerId: number, sg: SubgroupRow) {
  if (sg.closedAt) throw conflict('closed', 'This group is closed; it can no longer be joined.');
  const added = await db.insert(subgroupMembers).values({ subgroupId: sg.id, userId: viewerId }).onConflictDoNothing().returning();
  if (!added.length) throw conflict('already_member', 'You are already in this group.');
}

export async function leaveSubgroup(db: Db, viewerId: number, sg: SubgroupRow) {
  if (sg.leaderId === viewerId) throw conflict('leader', 'You lead this group. Hand the lead to someone else before you leave.');
  const removed = await db
    .delete(subgroupMembers)
    .where(and(eq(subgroupMembers.subgroupId, sg.id), eq(subgroupMembers.userId, viewerId)))
    .returning();
  if (!removed.length) throw conflict('not_member', 'You are not in this group.');
}

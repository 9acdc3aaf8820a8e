import { topicSummaryColumns } from '../conversations/conversations.queries.ts';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { subgroupMembers, subgroups, topics, users } from '../../db/schema/index.ts';

type Kind = 'practice_group' | 'project';

function columns(viewerId: number) {
  return {
    id: subgroups.id,
    communityId: subgroups.communityId,
    kind: subgroups.kind,
    name: subgroups.name,
    description: subgroups.description,
    goal: subgroups.goal,
    endDate: subgroups.endDate,
    leaderId: subgroups.leaderId,
    createdAt: subgroups.createdAt,
    closedAt: subgroups.closedAt,
    leaderUsername: users.username,
    leaderDisplayName: users.displayName,
    memberCount: sql<number>`(select count(*)::int from subgroup_members sm where sm.subgroup_id = ${subgroups.id})`,
    topicCount: sql<number>`(select count(*)::int from topics t where t.subgroup_id = ${subgroups.id} and t.deleted_at is null)`,
    isMember: sql<boolean>`exists (select 1 from subgroup_members sm where sm.subgroup_id = ${subgroups.id} and sm.user_id = ${viewerId})`,
  };
}

/** A community's practice groups and projects of the given kinds, by kind then name (subgroups_community_idx). */
export async function listSubgroups(db: Queryable, communityId: number, viewerId: number, f: { kinds: Kind[]; after: [string, string, number] | null; limit: number }) {
  const where: SQL[] = [eq(subgroups.communityId, communityId), inArray(subgroups.kind, f.kinds)];
  if (f.after) where.push(sql`(${subgroups.kind}, ${subgroups.name}, ${subgroups.id}) > (${f.after[0]}, ${f.after[1]}, ${f.after[2]})`);
  return db
    .select(columns(viewerId))
    .from(subgroups)
    .leftJoin(users, eq(users.id, subgroups.leaderId))
    .where(and(...where))
    .orderBy(asc(subgroups.kind), asc(subgroups.name), asc(subgroups.id))
    .limit(f.limit + 1);
}

export async function findSubgroup(db: Queryable, communityId: number, id: number, viewerId: number) {
  const rows = await db
    .select(columns(viewerId))
    .from(subgroups)
    .leftJoin(users, eq(users.id, subgroups.leaderId))
    .where(and(eq(subgroups.communityId, communityId), eq(subgroups.id, id)))
    .limit(1);
  return rows[0] ?? null;
}
export type SubgroupRow = NonNullable<Awaited<ReturnType<typeof findSubgroup>>>;

/** A subgroup's members in the order of their primary key (subgroup_members_pkey). */
export async function listSubgroupMembers(db: Queryable, subgroupId: number, after: number | null, limit: number) {
  return db
    .select({ userId: users.id, username: users.username, displayName: users.displayName, joinedAt: subgroupMembers.joinedAt })
    .from(subgroupMembers)
    .innerJoin(users, eq(users.id, subgroupMembers.userId))
    .where(and(eq(subgroupMembers.subgroupId, subgroupId), after ? sql`${subgroupMembers.userId} > ${after}` : undefined))
    .orderBy(asc(subgroupMembers.userId))
    .limit(limit + 1);
}

/** A subgroup's topics, most recently active first (topics_subgroup_idx). */
export async function listSubgroupTopics(db: Queryable, subgroupId: number, after: [string, number] | null, limit: number) {
  return db
    .select({ ...topicSummaryColumns, lastActivityAt: topics.lastActivityAt, cursorAt: sql<string>`${topics.lastActivityAt}::text` })
    .from(topics)
    .innerJoin(users, eq(users.id, topics.authorId))
    .where(
      and(
        eq(topics.subgroupId, subgroupId),
        sql`${topics.deletedAt} is null`,
        after ? sql`(${topics.lastActivityAt}, ${topics.id}) < (${after[0]}::timestamptz, ${after[1]})` : undefined,
      ),
    )
    .orderBy(sql`${topics.lastActivityAt} desc, ${topics.id} desc`)
    .limit(limit + 1);
}

export async function isSubgroupMember(db: Queryable, subgroupId: number, userId: number) {
  const rows = await db
    .select({ one: sql`1` })
    .from(subgroupMembers)
    .where(and(eq(subgroupMembers.subgroupId, subgroupId), eq(subgroupMembers.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

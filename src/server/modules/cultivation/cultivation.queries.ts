import { textArray } from '../../db/arrays.ts';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { MAX_OWN_TASKS } from '../../../shared/contracts/cultivation.ts';
import { cultivationNeeds } from '../../../shared/model/catalogue.ts';
import type { Queryable } from '../../db/client.ts';
import { communities, cultivationTasks, launchRecords, memberships, stageChanges, users } from '../../db/schema/index.ts';

/** The default checklist plus every task a community may add: a plan is never longer. */
const PLAN_CAP = cultivationNeeds.reduce((n, need) => n + need.tasks.length, 0) + MAX_OWN_TASKS;

/** A community's whole plan (or one task of it) with each task's owner, in one query (hard-capped, served by the community index). */
export async function listPlanTasks(db: Queryable, communityId: number, taskId?: number) {
  return db
    .select({
      id: cultivationTasks.id,
      need: cultivationTasks.need,
      title: cultivationTasks.title,
      ownerUsername: users.username,
      ownerDisplayName: users.displayName,
      dueDate: cultivationTasks.dueDate,
      status: cultivationTasks.status,
      notes: cultivationTasks.notes,
      isDefault: cultivationTasks.isDefault,
      updatedAt: cultivationTasks.updatedAt,
    })
    .from(cultivationTasks)
    .leftJoin(users, eq(users.id, cultivationTasks.ownerId))
    .where(and(eq(cultivationTasks.communityId, communityId), taskId ? eq(cultivationTasks.id, taskId) : undefined))
    .orderBy(cultivationTasks.communityId, cultivationTasks.need, cultivationTasks.position, cultivationTasks.id)
    .limit(PLAN_CAP);
}

export async function findTask(db: Queryable, communityId: number, id: number) {
  const rows = await db
    .select()
    .from(cultivationTasks)
    .where(and(eq(cultivationTasks.id, id), eq(cultivationTasks.communityId, communityId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function countOwnTasks(db: Queryable, communityId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cultivationTasks)
    .where(and(eq(cultivationTasks.communityId, communityId), eq(cultivationTasks.isDefault, false)));
  return row.n;
}

/** An active member of the community by username, or null. */
export async function findActiveMember(db: Queryable, communityId: number, username: string) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.communityId, communityId), eq(memberships.status, 'active')))
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return rows[0] ?? null;
}

/** People by username (case-insensitive), for the design team. */
export async function findUsersByUsernames(db: Queryable, usernames: string[]) {
  if (!usernames.length) return [];
  return db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(sql`lower(${users.username}) = any(${textArray(usernames.map((u) => u.toLowerCase()))})`);
}

export async function findPeopleByIds(db: Queryable, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
}

const launcher = alias(users, 'launcher');

/** The launch record with the person who launched it, or null if the community has none yet. */
export async function findLaunchRecord(db: Queryable, communityId: number) {
  const rows = await db
    .select({
      advisor: launchRecords.advisor,
      discovery: launchRecords.discovery,
      preparation: launchRecords.preparation,
      planning: launchRecords.planning,
      followUp: launchRecords.followUp,
      launchedAt: launchRecords.launchedAt,
      launchedByUsername: launcher.username,
      launchedByDisplayName: launcher.displayName,
      updatedAt: launchRecords.updatedAt,
    })
    .from(launchRecords)
    .leftJoin(launcher, eq(launcher.id, launchRecords.launchedBy))
    .where(eq(launchRecords.communityId, communityId))
    .limit(1);
  return rows[0] ?? null;
}

/** A page of a community's stage history, newest first (served by stage_changes_community_idx). */
export async function listStageChanges(db: Queryable, communityId: number, after: [string, number] | null, limit: number) {
  return db
    .select({
      id: stageChanges.id,
      fromStage: stageChanges.fromStage,
      toStage: stageChanges.toStage,
      reason: stageChanges.reason,
      createdAt: stageChanges.createdAt,
      cursorAt: sql<string>`${stageChanges.createdAt}::text`,
      username: users.username,
      displayName: users.displayName,
    })
    .from(stageChanges)
    .leftJoin(users, eq(users.id, stageChanges.changedBy))
    .where(
      and(
        eq(stageChanges.communityId, communityId),
        after ? sql`(${stageChanges.createdAt}, ${stageChanges.id}) < (${after[0]}::timestamptz, ${after[1]})` : undefined,
      ),
    )
    .orderBy(desc(stageChanges.createdAt), desc(stageChanges.id))
    .limit(limit + 1);
}

const proposer = alias(users, 'proposer');

/** A page of proposals, newest first (served by communities_proposed_idx). */
export async function listProposals(db: Queryable, after: [string, number] | null, limit: number) {
  return db
    .select({
      id: communities.id,
      slug: communities.slug,
      name: communities.name,
      domainStatement: communities.domainStatement,
      structureKind: communities.structureKind,
      visibility: communities.visibility,
      createdAt: communities.createdAt,
      cursorAt: sql<string>`${communities.createdAt}::text`,
      proposerUsername: proposer.username,
      proposerDisplayName: proposer.displayName,
      discovery: launchRecords.discovery,
      preparation: launchRecords.preparation,
      planning: launchRecords.planning,
      followUp: launchRecords.followUp,
      updatedAt: launchRecords.updatedAt,
    })
    .from(communities)
    .leftJoin(proposer, eq(proposer.id, communities.createdBy))
    .leftJoin(launchRecords, eq(launchRecords.communityId, communities.id))
    .where(
      and(
        sql`${communities.status} = 'proposed'`,
        after ? sql`(${communities.createdAt}, ${communities.id}) < (${after[0]}::timestamptz, ${after[1]})` : undefined,
      ),
    )
    .orderBy(desc(communities.createdAt), desc(communities.id))
    .limit(limit + 1);
}

const DAY_WINDOW = 30;

/**
 * The numbers behind the stage signals, in one query: posts of the last 60 days reached through
 * the feed index (topics active in the window) and the posts index (their posts in the window).
 */
export async function stageMetrics(db: Queryable, communityId: number) {
  const rows = await db.execute<{ members: number; age_days: number; active: number; last30: number; prev30: number }>(sql`
    with recent as (
      select p.author_id, p.created_at
      from topic_communities tc
      join posts p on p.topic_id = tc.topic_id
        and p.created_at >= now() - ${`${2 * DAY_WINDOW} days`}::interval and p.deleted_at is null
      where tc.community_id = ${communityId} and tc.deleted = false
        and tc.last_activity_at >= now() - ${`${2 * DAY_WINDOW} days`}::interval
    )
    select c.member_count as members,
           floor(extract(epoch from now() - c.created_at) / 86400)::int as age_days,
           (select count(distinct r.author_id)::int from recent r
              where r.created_at >= now() - ${`${DAY_WINDOW} days`}::interval
                and exists (select 1 from memberships m where m.community_id = c.id and m.user_id = r.author_id and m.status = 'active')) as active,
           (select count(*)::int from recent r where r.created_at >= now() - ${`${DAY_WINDOW} days`}::interval) as last30,
           (select count(*)::int from recent r where r.created_at < now() - ${`${DAY_WINDOW} days`}::interval) as prev30
    from communities c where c.id = ${communityId}`);
  const r = rows.rows[0];
  return { members: r.members, ageDays: r.age_days, activeMembers: r.active, postsLast30: r.last30, postsPrev30: r.prev30 };
}

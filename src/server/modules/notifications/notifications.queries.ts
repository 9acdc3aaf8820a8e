import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { communityWatches, notificationPreferences, topicWatches, users } from '../../db/schema/index.ts';
import { userCanReadTopicSql } from '../communities/communities.policy.ts';

/** Hide notifications about topics the person can no longer read, or that were deleted. */
const stillVisible = sql`(n.topic_id is null or (${userCanReadTopicSql(sql`n.user_id`, sql`n.topic_id`)}
  and exists (select 1 from topics tv where tv.id = n.topic_id and tv.deleted_at is null)))`;

/** Unread notifications, counted up to 100 (the badge shows 99+). */
export async function unreadCount(db: Queryable, userId: number): Promise<number> {
  const res = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select 1 from notifications n where n.user_id = ${userId} and n.read_at is null and ${stillVisible} limit 100
    ) s`);
  return res.rows[0].n;
}

export type InboxRow = {
  id: number;
  kind: string;
  /** Raw SQL results come back as text (Drizzle's type parsers). */
  created_at: string;
  read_at: string | null;
  post_id: number | null;
  data: Record<string, unknown>;
  actor_username: string | null;
  actor_name: string | null;
  topic_id: number | null;
  topic_title: string | null;
  community_slug: string | null;
  community_name: string | null;
};

/** A page of a person's inbox, newest first (keyset on id). */
export async function listInbox(db: Queryable, userId: number, f: { unread: boolean; before: number | null; limit: number }) {
  const res = await db.execute<InboxRow>(sql`
    select n.id, n.kind, n.created_at, n.read_at, n.post_id, n.data,
      a.username as actor_username, a.display_name as actor_name,
      t.id as topic_id, t.title as topic_title, c.slug as community_slug, c.name as community_name
    from notifications n
    left join users a on a.id = n.actor_id
    left join topics t on t.id = n.topic_id
    left join communities c on c.id = n.community_id
    where n.user_id = ${userId}
      ${f.unread ? sql`and n.read_at is null` : sql``}
      ${f.before ? sql`and n.id < ${f.before}` : sql``}
      and ${stillVisible}
    order by n.id desc
    limit ${f.limit + 1}`);
  return res.rows;
}

/** Marks one notification read; false when it is not the person's. */
export async function markRead(db: Queryable, userId: number, id: number): Promise<boolean> {
  const res = await db.execute(sql`
    update notifications set read_at = coalesce(read_at, now()) where id = ${id} and user_id = ${userId} returning id`);
  return (res.rowCount ?? 0) > 0;
}

export async function markAllRead(db: Queryable, userId: number): Promise<number> {
  const res = await db.execute(sql`update notifications set read_at = now() where user_id = ${userId} and read_at is null`);
  return res.rowCount ?? 0;
}

export async function findSettings(db: Queryable, userId: number) {
  const [u] = await db.select({ digestFrequency: users.digestFrequency }).from(users).where(eq(users.id, userId));
  const prefs = await db.select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return { digestFrequency: u.digestFrequency, prefs };
}

export async function findCommunityWatch(db: Queryable, userId: number, communityId: number) {
  const [w] = await db
    .select({ level: communityWatches.level })
    .from(communityWatches)
    .where(and(eq(communityWatches.userId, userId), eq(communityWatches.communityId, communityId)));
  return w?.level ?? 'normal';
}

export async function findTopicWatch(db: Queryable, userId: number, topicId: number) {
  const [w] = await db.select({ level: topicWatches.level }).from(topicWatches).where(and(eq(topicWatches.userId, userId), eq(topicWatches.topicId, topicId)));
  return w?.level ?? 'normal';
}

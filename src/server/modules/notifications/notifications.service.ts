import { bigintArray } from '../../db/arrays.ts';
import { type SQL, sql } from 'drizzle-orm';
import { type NotificationKind, notificationKinds } from '../../../shared/model/catalogue.ts';
import type { Queryable } from '../../db/client.ts';
import { executePrepared } from '../../db/prepared.ts';
import { LIVE_CHANNEL } from '../../plugins/live.ts';
import { userCanReadTopicSql } from '../communities/communities.policy.ts';

export interface NotifyEvent {
  kind: NotificationKind;
  /** Who caused it; never told about their own action. */
  actorId: number | null;
  /** A query whose first column is the ids of the people to tell. */
  recipients: SQL;
  communityId?: number;
  topicId?: number;
  postId?: number;
  data?: Record<string, unknown>;
}

const defaultDelivery = new Map(notificationKinds.map((k) => [k.key, k.defaultDelivery]));

/** Muting a topic, or a community (unless the topic itself is watched), silences it. */
function notMutedSql(userId: SQL, e: NotifyEvent): SQL {
  if (e.topicId) {
    return sql`not exists (select 1 from topic_watches w where w.user_id = ${userId} and w.topic_id = ${e.topicId} and w.level = 'muted')
      and (exists (select 1 from topic_watches w where w.user_id = ${userId} and w.topic_id = ${e.topicId} and w.level = 'watching')
        or not exists (select 1 from community_watches cw join topic_communities tc on tc.community_id = cw.community_id
          where tc.topic_id = ${e.topicId} and cw.user_id = ${userId} and cw.level = 'muted'))`;
  }
  if (e.communityId && e.kind !== 'invitation' && e.kind !== 'role_given') {
    return sql`not exists (select 1 from community_watches cw where cw.user_id = ${userId} and cw.community_id = ${e.communityId} and cw.level = 'muted')`;
  }
  return sql`true`;
}

/**
 * Tells people about one event, in one statement inside the caller's transaction: each
 * recipient gets the delivery they chose for this kind (or its default), "off" and muted
 * write nothing, and nobody is told about a topic they may not read. Open pages hear of it
 * through LISTEN/NOTIFY when the transaction commits; email rows wake the email job.
 */
export async function notify(db: Queryable, e: NotifyEvent): Promise<number> {
  const fallback = defaultDelivery.get(e.kind) ?? 'in_app';
  const r = sql`r.id`;
  const canRead = e.topicId ? userCanReadTopicSql(r, e.topicId) : sql`true`;
  const res = await executePrepared<{ n: number }>(db, sql`
    with r as (
      select distinct x.id from (${e.recipients}) as x(id)
      where x.id is not null and x.id is distinct from ${e.actorId}::bigint
    ),
    ins as (
      insert into notifications (user_id, kind, delivery, actor_id, community_id, topic_id, post_id, data)
      select r.id, ${e.kind}, coalesce(np.delivery, ${fallback}), ${e.actorId}::bigint, ${e.communityId ?? null}::bigint,
        ${e.topicId ?? null}::bigint, ${e.postId ?? null}::bigint, ${JSON.stringify(e.data ?? {})}::jsonb
      from r left join notification_preferences np on np.user_id = r.id and np.kind = ${e.kind}
      where coalesce(np.delivery, ${fallback}) <> 'off' and ${canRead} and ${notMutedSql(r, e)}
      returning user_id, delivery
    ),
    live as (
      select pg_notify(${LIVE_CHANNEL}, json_build_object('type', 'notification', 'userId', user_id, 'email', delivery = 'email')::text) from ins
    )
    select (select count(*) from ins)::int as n, (select count(*) from live)::int as signals`);
  return res.rows[0]?.n ?? 0;
}


/** A new topic: mentioned people, and watchers of its communities (who were not mentioned). */
export async function notifyNewTopic(db: Queryable, t: { topicId: number; postId: number; authorId: number; communityIds: number[]; mentionedIds: number[] }) {
  await notifyNewMentions(db, t);
  await notify(db, {
    kind: 'new_topic',
    actorId: t.authorId,
    topicId: t.topicId,
    postId: t.postId,
    communityId: t.communityIds[0],
    recipients: sql`select cw.user_id from community_watches cw
      where cw.community_id in (select unnest(${bigintArray(t.communityIds)})) and cw.level = 'watching'
        and cw.user_id <> all(${bigintArray(t.mentionedIds)})`,
  });
}

/** A reply: mentioned people; then the topic's author, its watchers and the author of the post replied to. */
export async function notifyReply(db: Queryable, r: { topicId: number; postId: number; authorId: number; parentId?: number; mentionedIds: number[] }) {
  await notifyNewMentions(db, r);
  await notify(db, {
    kind: 'reply',
    actorId: r.authorId,
    topicId: r.topicId,
    postId: r.postId,
    recipients: sql`select u from (
        select t.author_id as u from topics t where t.id = ${r.topicId}
        union select w.user_id from topic_watches w where w.topic_id = ${r.topicId} and w.level = 'watching'
        union select p.author_id from posts p where p.id = ${r.parentId ?? null}::bigint
      ) s where u <> all(${bigintArray(r.mentionedIds)})`,
  });
}

/** The people a post mentions (for an edit: only the newly added ones). */
export async function notifyNewMentions(db: Queryable, m: { topicId: number; postId: number; authorId: number; mentionedIds: number[] }) {
  if (!m.mentionedIds.length) return;
  await notify(db, { kind: 'mention', actorId: m.authorId, recipients: sql`select unnest(${bigintArray(m.mentionedIds)})`, topicId: m.topicId, postId: m.postId });
}

/** The SQL expression that tells open pages about a change to a topic (sent when the transaction commits). */
export function topicEventSql(topicId: number, event: 'reply' | 'accepted' | 'edited'): SQL {
  return sql`pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ type: 'topic', topicId, event })})`;
}

/** Publishes a change to a topic to open pages (delivered when the transaction commits). */
export async function publishTopicEvent(db: Queryable, topicId: number, event: 'reply' | 'accepted' | 'edited') {
  await db.execute(sql`select ${topicEventSql(topicId, event)}`);
}

import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import { TOPICS_PER_ITEM } from '../../../shared/contracts/agenda.ts';
import type { Queryable } from '../../db/client.ts';
import { agendaItems, users } from '../../db/schema/index.ts';
import { readableCommunityIdsSql } from '../communities/communities.policy.ts';

const owner = alias(users, 'owner');
const creator = alias(users, 'creator');

const itemColumns = {
  id: agendaItems.id,
  communityId: agendaItems.communityId,
  question: agendaItems.question,
  notes: agendaItems.notes,
  status: agendaItems.status,
  ownerId: agendaItems.ownerId,
  createdBy: agendaItems.createdBy,
  createdAt: agendaItems.createdAt,
  updatedAt: agendaItems.updatedAt,
  cursorAt: sql<string>`${agendaItems.createdAt}::text`,
  ownerUsername: owner.username,
  ownerDisplayName: owner.displayName,
  creatorUsername: creator.username,
  creatorDisplayName: creator.displayName,
  topicCount: sql<number>`(select count(*)::int from agenda_item_topics ait join topics t on t.id = ait.topic_id where ait.item_id = ${agendaItems.id} and t.deleted_at is null)`,
};

function selectItems(db: Queryable) {
  return db
    .select(itemColumns)
    .from(agendaItems)
    .leftJoin(owner, eq(owner.id, agendaItems.ownerId))
    .leftJoin(creator, eq(creator.id, agendaItems.createdBy));
}

/** A community's agenda, newest first (agenda_items_community_idx, scanned backwards). */
export async function listItems(db: Queryable, communityId: number, f: { status?: string; after: [string, number] | null; limit: number }) {
  const where: SQL[] = [eq(agendaItems.communityId, communityId)];
  if (f.status) where.push(eq(agendaItems.status, f.status as 'open'));
  if (f.after) where.push(sql`(${agendaItems.createdAt}, ${agendaItems.id}) < (${f.after[0]}::timestamptz, ${f.after[1]})`);
  return selectItems(db)
    .where(and(...where))
    .orderBy(desc(agendaItems.createdAt), desc(agendaItems.id))
    .limit(f.limit + 1);
}

export async function findItem(db: Queryable, communityId: number, id: number) {
  const rows = await selectItems(db)
    .where(and(eq(agendaItems.communityId, communityId), eq(agendaItems.id, id)))
    .limit(1);
  return rows[0] ?? null;
}
export type ItemRow = Awaited<ReturnType<typeof findItem>> & {};

export interface ItemTopicRow {
  itemId: number;
  id: number;
  title: string;
  isQuestion: boolean;
  answered: boolean;
  replyCount: number;
  lastActivityAt: Date;
}

/** The linked topics of several items in one query, the most recently active TOPICS_PER_ITEM per item. */
export async function topicsOfItems(db: Queryable, itemIds: number[]): Promise<ItemTopicRow[]> {
  if (!itemIds.length) return [];
  const res = await db.execute<{ item_id: number; id: number; title: string; is_question: boolean; answered: boolean; reply_count: number; last_activity_at: string }>(sql`
    select item_id, id, title, is_question, answered, reply_count, last_activity_at from (
      select ait.item_id, t.id, t.title, t.is_question, t.accepted_post_id is not null as answered, t.reply_count, t.last_activity_at,
        row_number() over (partition by ait.item_id order by t.last_activity_at desc, t.id desc) as rn
      from agenda_item_topics ait join topics t on t.id = ait.topic_id
      where ait.item_id in (${sql.join(itemIds.map((i) => sql`${i}`), sql`, `)}) and t.deleted_at is null
    ) x where rn <= ${TOPICS_PER_ITEM}
    order by item_id, rn`);
  return res.rows.map((r) => ({
    itemId: r.item_id,
    id: r.id,
    title: r.title,
    isQuestion: r.is_question,
    answered: r.answered,
    replyCount: r.reply_count,
    lastActivityAt: new Date(r.last_activity_at),
  }));
}

/** Whether the topic is posted (and not deleted) in the community. */
export async function topicInCommunity(db: Queryable, topicId: number, communityId: number) {
  const res = await db.execute(sql`select 1 from topic_communities where topic_id = ${topicId} and community_id = ${communityId} and not deleted`);
  return res.rows.length > 0;
}

/**
 * The agenda items a topic serves, in communities the viewer may read whose learning agenda is on
 * (agenda_item_topics_topic_idx). Hard-capped: a topic serves a handful of items at most.
 */
export async function itemsOfTopic(db: Queryable, topicId: number, viewer: Viewer | null) {
  const res = await db.execute<{ id: number; question: string; status: string; slug: string; name: string }>(sql`
    select i.id, i.question, i.status, c.slug, c.name
    from agenda_item_topics ait
    join agenda_items i on i.id = ait.item_id
    join communities c on c.id = i.community_id
    where ait.topic_id = ${topicId}
      and not ('learning_agenda' = any(c.features_off))
      and c.id in (${readableCommunityIdsSql(viewer)})
    order by c.name, i.created_at desc
    limit 50`);
  return res.rows;
}


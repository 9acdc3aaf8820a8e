import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { Queryable } from '../../db/client.ts';
import { prepared, runPrepared } from '../../db/prepared.ts';
import { communities, helpfulMarks, memberships, posts, postRevisions, topicCommunities, topics, users } from '../../db/schema/index.ts';

export interface FeedFilter {
  activity?: string;
  tag?: string;
  unanswered?: boolean;
  /** Only topics of this practice group or project. */
  subgroup?: number;
  after: [string, number] | null;
  limit: number;
}

/** What a topic list shows of each topic (the feed and a subgroup's topics); join users on the author. */
export const topicSummaryColumns = {
  id: topics.id,
  title: topics.title,
  activityType: topics.activityType,
  isQuestion: topics.isQuestion,
  acceptedPostId: topics.acceptedPostId,
  tags: topics.tags,
  replyCount: topics.replyCount,
  createdAt: topics.createdAt,
  authorUsername: users.username,
  authorDisplayName: users.displayName,
};

/** A community's topics, most recently active first; one index range scan on topic_communities. */
export async function listFeed(db: Queryable, communityId: number, f: FeedFilter) {
  const where: SQL[] = [eq(topicCommunities.communityId, communityId), eq(topicCommunities.deleted, false)];
  if (f.after) {
    where.push(sql`(${topicCommunities.lastActivityAt}, ${topicCommunities.topicId}) < (${f.after[0]}::timestamptz, ${f.after[1]})`);
  }
  if (f.activity) where.push(sql`${topics.activityType} = ${f.activity}`);
  if (f.tag) where.push(sql`${topics.tags} @> array[${f.tag}]::text[]`);
  if (f.unanswered) where.push(sql`${topics.isQuestion} and ${topics.acceptedPostId} is null`);
  if (f.subgroup) where.push(sql`${topics.subgroupId} = ${f.subgroup}`);
  return runPrepared(
    db
    .select({
      ...topicSummaryColumns,
      lastActivityAt: topicCommunities.lastActivityAt,
      /** Full-precision sort key for the cursor (a JS Date keeps only milliseconds). */
      cursorAt: sql<string>`${topicCommunities.lastActivityAt}::text`,
    })
    .from(topicCommunities)
    .innerJoin(topics, eq(topics.id, topicCommunities.topicId))
    .innerJoin(users, eq(users.id, topics.authorId))
    .where(and(...where))
    .orderBy(sql`${topicCommunities.lastActivityAt} desc, ${topicCommunities.topicId} desc`)
    .limit(f.limit + 1),
  );
}

const topicById = prepared((db) =>
  db
    .select({ ...topicSummaryColumns, lastActivityAt: topics.lastActivityAt, deletedAt: topics.deletedAt, authorId: topics.authorId })
    .from(topics)
    .innerJoin(users, eq(users.id, topics.authorId))
    .where(eq(topics.id, sql.placeholder('id')))
    .limit(1)
    .prepare('topic_by_id'),
);

export async function findTopic(db: Queryable, id: number) {
  const rows = await topicById(db).execute({ id });
  return rows[0] ?? null;
}

const placesWithAccess = prepared((db) =>
  db
    .select({
      id: communities.id,
      slug: communities.slug,
      name: communities.name,
      visibility: communities.visibility,
      featuresOff: communities.featuresOff,
      status: communities.status,
      membership: memberships.status,
      roles: sql<string[]>`coalesce((select array_agg(r.role) from member_roles r where r.community_id = ${communities.id} and r.user_id = ${sql.placeholder('viewerId')}), '{}')`,
    })
    .from(topicCommunities)
    .innerJoin(communities, eq(communities.id, topicCommunities.communityId))
    .leftJoin(memberships, and(eq(memberships.communityId, communities.id), eq(memberships.userId, sql.placeholder('viewerId'))))
    .where(eq(topicCommunities.topicId, sql.placeholder('topicId')))
    .orderBy(communities.name)
    .prepare('topic_places_with_access'),
);

/** The communities a topic is posted in, with the viewer's membership and roles in each. */
export async function topicCommunitiesWithAccess(db: Queryable, topicId: number, viewer: Viewer | null) {
  return placesWithAccess(db).execute({ topicId, viewerId: viewer?.id ?? 0 });
}

/** A page of a topic's posts in order, with whether the viewer marked each helpful. */
export async function listPosts(db: Queryable, topicId: number, viewerId: number, after: [string, number] | null, limit: number) {
  return runPrepared(
    db
    .select({
      id: posts.id,
      parentId: posts.parentId,
      isOpening: posts.isOpening,
      authorId: posts.authorId,
      authorUsername: users.username,
      authorDisplayName: users.displayName,
      bodySource: posts.bodySource,
      bodyHtml: posts.bodyHtml,
      helpfulCount: posts.helpfulCount,
      helpedByMe: sql<boolean>`exists (select 1 from helpful_marks h where h.post_id = ${posts.id} and h.user_id = ${viewerId})`,
      createdAt: posts.createdAt,
      cursorAt: sql<string>`${posts.createdAt}::text`,
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        eq(posts.topicId, topicId),
        after ? sql`(${posts.createdAt}, ${posts.id}) > (${after[0]}::timestamptz, ${after[1]})` : undefined,
      ),
    )
    .orderBy(posts.createdAt, posts.id)
    .limit(limit + 1),
  );
}

export async function findPost(db: Queryable, id: number) {
  const rows = await db.select().from(posts).where(eq(posts.id, id)).limit(1);
  return rows[0] ?? null;
}

/** A post's earlier versions, newest first. */
export async function listRevisions(db: Queryable, postId: number, before: number | null, limit: number) {
  return db
    .select({
      id: postRevisions.id,
      title: postRevisions.title,
      bodySource: postRevisions.bodySource,
      createdAt: postRevisions.createdAt,
      editorUsername: users.username,
      editorDisplayName: users.displayName,
    })
    .from(postRevisions)
    .leftJoin(users, eq(users.id, postRevisions.editorId))
    .where(and(eq(postRevisions.postId, postId), before ? sql`${postRevisions.id} < ${before}` : undefined))
    .orderBy(sql`${postRevisions.id} desc`)
    .limit(limit + 1);
}

/** Existing usernames among the candidates, lowercased. */
export async function existingUsernames(db: Queryable, candidates: string[]) {
  if (!candidates.length) return [];
  return db
    .select({ id: users.id, username: sql<string>`lower(${users.username})` })
    .from(users)
    .where(inArray(sql`lower(${users.username})`, candidates));
}

export async function hasHelpfulMark(db: Queryable, postId: number, userId: number) {
  const rows = await db
    .select({ one: sql`1` })
    .from(helpfulMarks)
    .where(and(eq(helpfulMarks.postId, postId), eq(helpfulMarks.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

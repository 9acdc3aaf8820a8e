import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { learningActivityKeys } from '../../../shared/model/catalogue.ts';
import { users } from './accounts.ts';
import { subgroups } from './cultivation.ts';
import { communities } from './communities.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const topics = pgTable(
  'topics',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    authorId: bigint('author_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    activityType: text('activity_type', { enum: learningActivityKeys }).notNull(),
    isQuestion: boolean('is_question').notNull().default(false),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    acceptedPostId: bigint('accepted_post_id', { mode: 'number' }),
    replyCount: integer('reply_count').notNull().default(0),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** The practice group or project it belongs to, if any. */
    subgroupId: bigint('subgroup_id', { mode: 'number' }).references((): AnyPgColumn => subgroups.id, { onDelete: 'set null' }),
    /** When question routing last looked for experts for this topic (null: not yet). */
    routedAt: timestamp('routed_at', { withTimezone: true }),
  },
  (t) => [
    index('topics_unrouted_questions_idx')
      .on(t.createdAt)
      .where(sql`${t.isQuestion} and ${t.acceptedPostId} is null and ${t.routedAt} is null and ${t.deletedAt} is null`),
    index('topics_subgroup_idx').on(t.subgroupId, t.lastActivityAt).where(sql`${t.subgroupId} is not null`),
    index('topics_tags_idx').using('gin', t.tags), index('topics_author_idx').on(t.authorId, t.createdAt),
  ],
);

/** Where a topic is posted: one row per community, so cross-posts show in each feed. */
export const topicCommunities = pgTable(
  'topic_communities',
  {
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    /** Copied from the topic so the feed is one index range scan. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    deleted: boolean('deleted').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.topicId, t.communityId] }),
    index('topic_communities_feed_idx').on(t.communityId, t.deleted, t.lastActivityAt, t.topicId),
  ],
);

export const posts = pgTable(
  'posts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    authorId: bigint('author_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    parentId: bigint('parent_id', { mode: 'number' }),
    /** The opening post carries the topic's body; the rest are replies. */
    isOpening: boolean('is_opening').notNull().default(false),
    bodySource: text('body_source').notNull(),
    bodyHtml: text('body_html').notNull(),
    helpfulCount: integer('helpful_count').notNull().default(0),
    /** Title (weight A, opening post only) and body (weight B); written by the service. */
    searchVector: tsvector('search_vector').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: bigint('deleted_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('posts_topic_idx').on(t.topicId, t.createdAt, t.id),
    index('posts_author_idx').on(t.authorId, t.createdAt),
    index('posts_search_idx').using('gin', t.searchVector),
    // "Who knows": topics worded like a subject, found through their opening posts only.
    // Newest opening posts first without stepping over replies (who-knows "worded like").
    index('posts_opening_id_idx')
      .on(t.id)
      .where(sql`${t.isOpening} and ${t.deletedAt} is null`),
    index('posts_opening_search_idx').using('gin', t.searchVector).where(sql`${t.isOpening} and ${t.deletedAt} is null`),
  ],
);

export const postRevisions = pgTable(
  'post_revisions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    postId: bigint('post_id', { mode: 'number' })
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    editorId: bigint('editor_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    /** The text as it was before this edit. */
    title: text('title'),
    bodySource: text('body_source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('post_revisions_post_idx').on(t.postId, t.createdAt)],
);

export const helpfulMarks = pgTable(
  'helpful_marks',
  {
    postId: bigint('post_id', { mode: 'number' })
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('helpful_marks_user_idx').on(t.userId)],
);

export const mentions = pgTable(
  'mentions',
  {
    postId: bigint('post_id', { mode: 'number' })
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('mentions_user_idx').on(t.userId)],
);

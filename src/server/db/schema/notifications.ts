import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { deliveryKeys, notificationKindKeys, watchLevelKeys } from '../../../shared/model/catalogue.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';
import { posts, topics } from './conversations.ts';

/**
 * One row per person told about something. `delivery` is decided when the row is written
 * (from the person's preferences): email rows are mailed by a job (emailed_at), digest rows
 * are gathered by the digest job (digested_at). "off" writes no row at all.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKindKeys }).notNull(),
    delivery: text('delivery', { enum: deliveryKeys }).notNull(),
    actorId: bigint('actor_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    communityId: bigint('community_id', { mode: 'number' }).references(() => communities.id, { onDelete: 'cascade' }),
    topicId: bigint('topic_id', { mode: 'number' }).references(() => topics.id, { onDelete: 'cascade' }),
    postId: bigint('post_id', { mode: 'number' }).references(() => posts.id, { onDelete: 'cascade' }),
    /** Kind-specific extras (for example the role given). */
    data: jsonb('data').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    digestedAt: timestamp('digested_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_inbox_idx').on(t.userId, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    index('notifications_email_due_idx').on(t.id).where(sql`${t.delivery} = 'email' and ${t.emailedAt} is null`),
    index('notifications_digest_due_idx').on(t.userId, t.id).where(sql`${t.delivery} = 'digest' and ${t.digestedAt} is null`),
  ],
);

/** A person's choice of delivery for one kind; absent means the kind's default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKindKeys }).notNull(),
    delivery: text('delivery', { enum: deliveryKeys }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Watching level per community; absent means normal. */
export const communityWatches = pgTable(
  'community_watches',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    level: text('level', { enum: watchLevelKeys }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.communityId] }), index('community_watches_community_idx').on(t.communityId, t.level)],
);

/** Watching level per topic; absent means normal (the topic's author watches it). */
export const topicWatches = pgTable(
  'topic_watches',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    level: text('level', { enum: watchLevelKeys }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topicId] }), index('topic_watches_topic_idx').on(t.topicId, t.level)],
);

/** An unanswered question offered to a likely expert; also the per-person cap's ledger. */
export const questionRoutes = pgTable(
  'question_routes',
  {
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Why this person was suggested, as shown to them. */
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    routedAt: timestamp('routed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] }), index('question_routes_user_idx').on(t.userId, t.routedAt)],
);

import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { expertiseLevelKeys } from '../../../shared/model/catalogue.ts';
import { users } from './accounts.ts';

/**
 * A tag, compared byte by byte (collation "C"; decision 017). Tags are ASCII slugs, which sort the
 * same under "C" as under the database's C.UTF-8; but C.UTF-8 is compared through libc's strcoll,
 * which made an index probe for a three-tag question cost twice a one-tag probe.
 */
const tagText = customType<{ data: string }>({ dataType: () => 'text collate "C"' });

/** Expertise areas a person declares on their profile, each a tag with a self-rated level. */
export const expertise = pgTable(
  'expertise',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Normalized like topic tags (lowercase, hyphens). */
    tag: tagText('tag').notNull(),
    level: text('level', { enum: expertiseLevelKeys }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tag] }), index('expertise_tag_idx').on(t.tag, t.level, t.userId)],
);

/**
 * Evidence for "who knows" (docs/decisions/006): per tag and person, replies, accepted answers and
 * helpful marks in tagged topics. Rows with community_id null aggregate every community anyone may
 * read (counted once per topic); rows with a community_id hold each community's own evidence, for
 * private communities and scoped questions. Rebuilt by the 'expertise.refresh' job.
 */
export const expertiseEvidence = pgTable(
  'expertise_evidence',
  {
    communityId: bigint('community_id', { mode: 'number' }),
    tag: tagText('tag').notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    replies: integer('replies').notNull(),
    accepted: integer('accepted').notNull(),
    helpful: integer('helpful').notNull(),
    /** accepted·5 + min(helpful, 40) + min(replies, 20): the order candidates are taken in. */
    score: integer('score').notNull(),
  },
  (t) => [
    // Ascending, read backwards: serves `order by score desc` (NULLS FIRST) exactly; score is NOT NULL anyway.
    index('expertise_evidence_open_idx').on(t.tag, t.score, t.userId).where(sql`${t.communityId} is null`),
    // Covering too: a viewer's own communities' rows for a question are read index-only.
    index('expertise_evidence_community_idx')
      .on(t.communityId, t.tag, t.userId, t.replies, t.accepted, t.helpful, t.score)
      .where(sql`${t.communityId} is not null`),
    // A candidate's open rows for the question's tags, index-only and without the community rows
    // in the way: the probe made once per scored person (decision 011).
    index('expertise_evidence_open_user_idx')
      .on(t.userId, t.tag, t.replies, t.accepted, t.helpful)
      .where(sql`${t.communityId} is null`),
    // Covering, so scoring a candidate's rows is an index-only probe.
    index('expertise_evidence_user_idx').on(t.userId, t.tag, t.communityId, t.replies, t.accepted, t.helpful),
  ],
);

/** One row: when the evidence was built and which communities the null rows aggregate. */
export const expertiseEvidenceState = pgTable('expertise_evidence_state', {
  id: integer('id').primaryKey().default(1),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  openCommunityIds: bigint('open_community_ids', { mode: 'number' }).array().notNull(),
  /** "Worded like" evidence reads posts after this one: the most recent conversations (WORDED_WINDOW posts at the refresh). */
  wordedFromPostId: bigint('worded_from_post_id', { mode: 'number' }).notNull().default(0),
  /** Opening posts in that window at the refresh: what worded_lexemes counts out of. */
  wordedPosts: integer('worded_posts'),
  /** community_access_version.version read before open_community_ids was: while the two are equal, no community opened, closed, appeared or went since. */
  openVersion: bigint('open_version', { mode: 'number' }),
});

/**
 * One row counting changes to who may read which community: a trigger (migration 0022) adds one
 * whenever a community is created or deleted or its visibility or status changes.
 */
export const communityAccessVersion = pgTable('community_access_version', {
  id: integer('id').primaryKey().default(1),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/**
 * How many opening posts in the "worded like" window hold each word (lexeme), counted by the
 * expertise refresh: "who knows" estimates from them whether the newest topics hold enough
 * matches to be worth reading in order before asking the full-text index (decision 006).
 */
export const wordedLexemes = pgTable('worded_lexemes', {
  lexeme: text('lexeme').primaryKey(),
  posts: integer('posts').notNull(),
});

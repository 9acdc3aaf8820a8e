import { sql } from 'drizzle-orm';
import { bigint, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { learningActivityKeys } from '../../../shared/model/catalogue.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';
import { topics } from './conversations.ts';
import { events } from './events.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const assetKinds = ['article', 'file', 'link'] as const;
export const assetStatuses = ['active', 'retired'] as const;

/** A piece of the community's repository: an article, an uploaded file or a link (issue 6). */
export const assets = pgTable(
  'assets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: assetKinds }).notNull(),
    /** Title, summary and tags of the current version (copied so lists need no join). */
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** The learning activity it came from, if any. */
    activityType: text('activity_type', { enum: learningActivityKeys }),
    stewardId: bigint('steward_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    /** After this date the asset needs review. */
    reviewBy: date('review_by').notNull(),
    status: text('status', { enum: assetStatuses }).notNull().default('active'),
    currentVersion: integer('current_version').notNull().default(1),
    reuseCount: integer('reuse_count').notNull().default(0),
    /** Title (A), tags and summary (B), body or text inside the file (C); written by the service. */
    searchVector: tsvector('search_vector').notNull(),
    /**
     * The search vector without positions, only when the full one is too big to stay in the row
     * (the TOAST table then holds it): repository search tests this one, which stays in the row,
     * and reads the full vector back only to rank a candidate or match a phrase (decision 014).
     * Written by a trigger (migration 0026), never by the service.
     */
    matchVector: tsvector('match_vector'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    // The community's repository, newest first (cursor on id).
    index('assets_community_idx').on(t.communityId, t.id),
    // A steward's review queue: their active assets by review date.
    index('assets_steward_review_idx').on(t.stewardId, t.reviewBy, t.id).where(sql`${t.status} = 'active'`),
    index('assets_search_idx').using('gin', t.searchVector),
  ],
);

/**
 * The current version's text in passages of about 80 words, each with its own search vector, so
 * a search result's snippet reads the first passage holding the words instead of scanning (and
 * de-toasting) a document of tens of kilobytes (docs/decisions/009). Cut by the SQL function
 * `asset_passages_of` (migration 0017), rewritten with every new version.
 */
export const assetPassages = pgTable(
  'asset_passages',
  {
    assetId: bigint('asset_id', { mode: 'number' })
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
    body: text('body').notNull(),
    searchVector: tsvector('search_vector').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.n] })],
);

/** Every saved state of an asset; the asset shows the one numbered `current_version`. */
export const assetVersions = pgTable(
  'asset_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    assetId: bigint('asset_id', { mode: 'number' })
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    editorId: bigint('editor_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Articles: Markdown source and its sanitized HTML. */
    bodySource: text('body_source'),
    bodyHtml: text('body_html'),
    /** Files: where the storage keeps it, the name it was uploaded as, the sniffed type and size. */
    fileKey: text('file_key'),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileSize: bigint('file_size', { mode: 'number' }),
    /** Links. */
    url: text('url'),
    /** Text found inside the file (PDF, DOCX, plain text), for search. */
    extractedText: text('extracted_text'),
    /** The version this one restored, if it was a restore. */
    restoredFrom: integer('restored_from'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('asset_versions_number_idx').on(t.assetId, t.number)],
);

/** "I reused this": one row per occasion, so repeated reuse by one person counts each time. */
export const assetReuses = pgTable(
  'asset_reuses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    assetId: bigint('asset_id', { mode: 'number' })
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('asset_reuses_asset_idx').on(t.assetId, t.id)],
);

/** Topics an asset came from. */
export const assetTopics = pgTable(
  'asset_topics',
  {
    assetId: bigint('asset_id', { mode: 'number' })
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.topicId] }), index('asset_topics_topic_idx').on(t.topicId)],
);

/** Events an asset came from. */
export const assetEvents = pgTable(
  'asset_events',
  {
    assetId: bigint('asset_id', { mode: 'number' })
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.eventId] }), index('asset_events_event_idx').on(t.eventId)],
);

/** How long a new or reviewed asset stays fresh in a community (no row: 365 days). */
export const repositorySettings = pgTable('repository_settings', {
  communityId: bigint('community_id', { mode: 'number' })
    .primaryKey()
    .references(() => communities.id, { onDelete: 'cascade' }),
  reviewAfterDays: integer('review_after_days').notNull().default(365),
});

/** An ordered, curated set of assets (e.g. "Onboarding kit"). */
export const collections = pgTable(
  'collections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collections_community_idx').on(t.communityId, t.id)],
);

export const collectionItems = pgTable(
  'collection_items',
  {
    collectionId: bigint('collection_id', { mode: 'number' })
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    assetId: bigint('asset_id', { mode: 'number' })
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.assetId] }), index('collection_items_order_idx').on(t.collectionId, t.position)],
);

/**
 * How many assets hold each word (lexeme), counted by the 'repository.words' job: repository
 * search estimates from them whether the newest assets hold enough matches to read them in order,
 * or whether the full-text index should answer (docs/decisions/013).
 */
export const repositoryWords = pgTable('repository_words', {
  lexeme: text('lexeme').primaryKey(),
  assets: integer('assets').notNull(),
});

/** One row: when repository_words was counted, and out of how many assets. */
export const repositoryWordsState = pgTable('repository_words_state', {
  id: integer('id').primaryKey().default(1),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  assets: integer('assets').notNull(),
});

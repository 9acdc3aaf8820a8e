import { sql } from 'drizzle-orm';
import { digestFrequencyKeys } from '../../../shared/model/catalogue.ts';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    siteRole: text('site_role', { enum: ['member', 'support', 'admin'] }).notNull().default('member'),
    bio: text('bio').notNull().default(''),
    title: text('title').notNull().default(''),
    location: text('location').notNull().default(''),
    /** IANA time zone, e.g. Europe/London; empty until the person chooses. */
    timeZone: text('time_zone').notNull().default(''),
    /** Stored profile photo: file name under DATA_DIR/photos (changes on every upload). */
    photo: text('photo'),
    digestFrequency: text('digest_frequency', { enum: digestFrequencyKeys }).notNull().default('daily'),
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
    /** Secret for one-click unsubscribe links; works without signing in. */
    emailToken: text('email_token').notNull().default(sql`replace(gen_random_uuid()::text, '-', '')`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** What the people directory matches a search against, lower-cased once on write (a case-sensitive LIKE then does the work of ILIKE). */
    searchText: text('search_text').generatedAlwaysAs(sql`lower(display_name || ' ' || username || ' ' || title)`),
  },
  (t) => [
    uniqueIndex('users_email_lower_uq').on(sql`lower(${t.email})`),
    uniqueIndex('users_username_lower_uq').on(sql`lower(${t.username})`),
    // The people directory: search by name, username or title, listed by name.
    index('users_directory_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // Covering (INCLUDE username, title, location, photo, search_text): migrations 0013 and 0021.
    index('users_directory_idx').on(t.displayName, t.id),
    uniqueIndex('users_email_token_uq').on(t.emailToken),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: bigint('actor_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    target: text('target').notNull(),
    data: jsonb('data').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt, t.id)],
);

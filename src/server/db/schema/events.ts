import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { eventCadenceKeys, eventKindKeys, eventReminderOffsetKeys, rsvpResponseKeys } from '../../../shared/model/catalogue.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';
import { topics } from './conversations.ts';
import { agendaItems, subgroups } from './cultivation.ts';

/**
 * An event of a community (MODEL §11). A regular event repeats by `rule` (an RRULE without
 * DTSTART): occurrences are computed from the local wall-clock time of `startsAt` in `timeZone`,
 * so daylight-saving changes keep the local time. `seriesEndsAt` is the end of the last
 * occurrence (null: the series never ends), so a date window finds the events it overlaps.
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    subgroupId: bigint('subgroup_id', { mode: 'number' }).references(() => subgroups.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: eventKindKeys }).notNull(),
    cadence: text('cadence', { enum: eventCadenceKeys }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Start and end of the first occurrence. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    rule: text('rule'),
    seriesEndsAt: timestamp('series_ends_at', { withTimezone: true }),
    place: text('place').notNull().default(''),
    onlineUrl: text('online_url').notNull().default(''),
    capacity: integer('capacity'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('events_community_start_idx').on(t.communityId, t.startsAt, t.id),
    index('events_series_idx').on(t.communityId, t.seriesEndsAt).where(sql`${t.rule} is not null`),
    check('events_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_capacity_positive', sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);

/** One occurrence of a series moved or cancelled; `occurrence` is its original start. */
export const eventExceptions = pgTable(
  'event_exceptions',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    occurrence: timestamp('occurrence', { withTimezone: true }).notNull(),
    cancelled: boolean('cancelled').notNull().default(false),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    changedBy: bigint('changed_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.occurrence] }), index('event_exceptions_moved_idx').on(t.startsAt)],
);

/** Going / maybe / not going for one occurrence; `waitlisted` when it was full (kept in order of `respondedAt`). */
export const eventRsvps = pgTable(
  'event_rsvps',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    occurrence: timestamp('occurrence', { withTimezone: true }).notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    response: text('response', { enum: rsvpResponseKeys }).notNull(),
    waitlisted: boolean('waitlisted').notNull().default(false),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.occurrence, t.userId] }),
    index('event_rsvps_list_idx').on(t.eventId, t.occurrence, t.respondedAt, t.userId),
    index('event_rsvps_user_idx').on(t.userId, t.eventId),
  ],
);

/** Who was there; `firstTime` when it was the person's first event in the community. */
export const eventAttendance = pgTable(
  'event_attendance',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    occurrence: timestamp('occurrence', { withTimezone: true }).notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    firstTime: boolean('first_time').notNull(),
    selfCheckIn: boolean('self_check_in').notNull().default(false),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.occurrence, t.userId] }),
    index('event_attendance_community_idx').on(t.communityId, t.occurrence),
    index('event_attendance_user_idx').on(t.userId, t.communityId),
  ],
);

/** Notes and decisions after one occurrence. */
export const eventNotes = pgTable(
  'event_notes',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    occurrence: timestamp('occurrence', { withTimezone: true }).notNull(),
    notes: text('notes').notNull().default(''),
    decisions: text('decisions').notNull().default(''),
    updatedBy: bigint('updated_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.occurrence] })],
);

/** Learning agenda items an event works on (`occurrence` null) or raised at one occurrence. */
export const eventAgendaItems = pgTable(
  'event_agenda_items',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    /** Epoch for "the whole event"; otherwise the occurrence the question came up at. */
    occurrence: timestamp('occurrence', { withTimezone: true }).notNull(),
    raised: boolean('raised').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.itemId, t.occurrence] }), index('event_agenda_items_item_idx').on(t.itemId)],
);

/** Topics an occurrence produced (its outcomes). */
export const eventTopics = pgTable(
  'event_topics',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    occurrence: timestamp('occurrence', { withTimezone: true }).notNull(),
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.occurrence, t.topicId] }), index('event_topics_topic_idx').on(t.topicId)],
);

/** Who besides coordinators may create events in a community. */
export const communityEventSettings = pgTable('community_event_settings', {
  communityId: bigint('community_id', { mode: 'number' })
    .primaryKey()
    .references(() => communities.id, { onDelete: 'cascade' }),
  membersMayCreate: boolean('members_may_create').notNull().default(false),
});

/**
 * A secret calendar feed URL: personal (`communityId` null) or one community's. Only the
 * SHA-256 of the token is stored; revoking sets `revokedAt`.
 */
export const calendarTokens = pgTable(
  'calendar_tokens',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communityId: bigint('community_id', { mode: 'number' }).references(() => communities.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_tokens_hash_uq').on(t.tokenHash), index('calendar_tokens_user_idx').on(t.userId, t.id)],
);

/** One row per reminder sent: the primary key makes each reminder go out exactly once. */
export const eventRemindersSent = pgTable(
  'event_reminders_sent',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    occurrence: timestamp('occurrence', { withTimezone: true }).notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    offset: text('offset', { enum: eventReminderOffsetKeys }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.occurrence, t.userId, t.offset] })],
);

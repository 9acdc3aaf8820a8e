import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  agendaStatusKeys,
  domainStanceKeys,
  stageKeys,
  subgroupKindKeys,
  taskStatusKeys,
} from '../../../shared/model/catalogue.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';
import { topics } from './conversations.ts';

/** Every stage change of a community: who moved it, when and why (MODEL §4). */
export const stageChanges = pgTable(
  'stage_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: stageKeys }),
    toStage: text('to_stage', { enum: stageKeys }).notNull(),
    changedBy: bigint('changed_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stage_changes_community_idx').on(t.communityId, t.createdAt, t.id)],
);

/**
 * The launch record (MODEL §6): the structure advisor's answers and each step of the launch
 * process as a form, saved as the proposal goes along.
 */
export const launchRecords = pgTable('launch_records', {
  communityId: bigint('community_id', { mode: 'number' })
    .primaryKey()
    .references(() => communities.id, { onDelete: 'cascade' }),
  advisor: jsonb('advisor').notNull().default({}),
  discovery: jsonb('discovery').notNull().default({}),
  preparation: jsonb('preparation').notNull().default({}),
  planning: jsonb('planning').notNull().default({}),
  followUp: jsonb('follow_up').notNull().default({}),
  launchedAt: timestamp('launched_at', { withTimezone: true }),
  launchedBy: bigint('launched_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The cultivation plan (MODEL §5): the default checklist by need, plus the coordinators' own tasks. */
export const cultivationTasks = pgTable(
  'cultivation_tasks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    need: text('need').notNull(),
    title: text('title').notNull(),
    ownerId: bigint('owner_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date'),
    status: text('status', { enum: taskStatusKeys }).notNull().default('todo'),
    notes: text('notes').notNull().default(''),
    /** True for tasks from the default checklist. */
    isDefault: boolean('is_default').notNull().default(false),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cultivation_tasks_community_idx').on(t.communityId, t.need, t.position, t.id), index('cultivation_tasks_owner_idx').on(t.ownerId)],
);

/** A community's reflection on one role (MODEL §7). */
export const roleReflections = pgTable(
  'role_reflections',
  {
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    purpose: text('purpose').notNull().default(''),
    actions: text('actions').notNull().default(''),
    challenges: text('challenges').notNull().default(''),
    gratification: text('gratification').notNull().default(''),
    qualification: text('qualification').notNull().default(''),
    support: text('support').notNull().default(''),
    updatedBy: bigint('updated_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.role] })],
);

/** Someone who covers a leadership function without (or beyond) a role that implies it. */
export const leadershipAssignments = pgTable(
  'leadership_assignments',
  {
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    function: text('function').notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedBy: bigint('assigned_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.function, t.userId] })],
);

/** The technology steward's rating of each orientation (MODEL §10), 0–5. */
export const orientationRatings = pgTable(
  'orientation_ratings',
  {
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    orientation: text('orientation').notNull(),
    rating: smallint('rating').notNull(),
    ratedBy: bigint('rated_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.orientation] })],
);

/** The learning agenda: questions the community wants to learn about. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: agendaStatusKeys }).notNull().default('open'),
    ownerId: bigint('owner_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agenda_items_community_idx').on(t.communityId, t.createdAt, t.id)],
);

/** Topics that work on a learning agenda item (events, assets and projects link in later). */
export const agendaItemTopics = pgTable(
  'agenda_item_topics',
  {
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.topicId] }), index('agenda_item_topics_topic_idx').on(t.topicId)],
);

/** Practice groups and projects inside a community. */
export const subgroups = pgTable(
  'subgroups',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: subgroupKindKeys }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Projects: what it should achieve, and by when. */
    goal: text('goal').notNull().default(''),
    endDate: date('end_date'),
    leaderId: bigint('leader_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('subgroups_community_idx').on(t.communityId, t.kind, t.name, t.id)],
);

export const subgroupMembers = pgTable(
  'subgroup_members',
  {
    subgroupId: bigint('subgroup_id', { mode: 'number' })
      .notNull()
      .references(() => subgroups.id, { onDelete: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subgroupId, t.userId] }), index('subgroup_members_user_idx').on(t.userId)],
);

/** MODEL §13 — the portfolio of strategic domains. */
export const domains = pgTable(
  'domains',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** 1 (highest) to 5. */
    priority: smallint('priority').notNull().default(3),
    stance: text('stance', { enum: domainStanceKeys }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('domains_priority_idx').on(t.priority, t.name, t.id), uniqueIndex('domains_name_uq').on(sql`lower(${t.name})`)],
);

export const communityDomains = pgTable(
  'community_domains',
  {
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    domainId: bigint('domain_id', { mode: 'number' })
      .notNull()
      .references(() => domains.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.domainId] }), index('community_domains_domain_idx').on(t.domainId)],
);

/** Sponsors of a community or of a domain: organizational backing, read-only oversight. */
export const sponsorships = pgTable(
  'sponsorships',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communityId: bigint('community_id', { mode: 'number' }).references(() => communities.id, { onDelete: 'cascade' }),
    domainId: bigint('domain_id', { mode: 'number' }).references(() => domains.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sponsorships_user_idx').on(t.userId),
    index('sponsorships_community_idx').on(t.communityId),
    index('sponsorships_domain_idx').on(t.domainId),
  ],
);

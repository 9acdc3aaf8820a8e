import { sql } from 'drizzle-orm';
import { bigint, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { communityStatusKeys, domainTypeKeys, roleKeys, stageKeys, structureKindKeys, visibilityKeys } from '../../../shared/model/catalogue.ts';
import { users } from './accounts.ts';

export const communities = pgTable(
  'communities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    domainStatement: text('domain_statement').notNull(),
    domainType: text('domain_type', { enum: domainTypeKeys }).notNull(),
    structureKind: text('structure_kind', { enum: structureKindKeys }).notNull(),
    purpose: text('purpose').notNull().default(''),
    visibility: text('visibility', { enum: visibilityKeys }).notNull(),
    stage: text('stage', { enum: stageKeys }).notNull().default('potential'),
    /** proposed: in the launch process; active: launched; archived. */
    status: text('status', { enum: communityStatusKeys }).notNull().default('active'),
    /** Features the technology steward switched off (see communityFeatures). */
    featuresOff: text('features_off').array().notNull().default(sql`'{}'::text[]`),
    memberCount: integer('member_count').notNull().default(0),
    topicCount: integer('topic_count').notNull().default(0),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('communities_slug_uq').on(t.slug),
    index('communities_name_idx').on(t.name, t.id),
    /** The support team's list of proposals, newest first. */
    index('communities_proposed_idx').on(t.createdAt, t.id).where(sql`${t.status} = 'proposed'`),
    index('communities_search_idx').using(
      'gin',
      sql`to_tsvector('english', ${t.name} || ' ' || ${t.domainStatement} || ' ' || ${t.purpose})`,
    ),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** active: a member; requested: asked to join; invited: a coordinator invited them. */
    status: text('status', { enum: ['active', 'requested', 'invited'] }).notNull(),
    invitedBy: bigint('invited_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.userId] }),
    index('memberships_user_idx').on(t.userId, t.status),
    index('memberships_community_status_idx').on(t.communityId, t.status, t.createdAt, t.userId),
  ],
);

/** Invitations to an email address with no account yet; claimed at sign-up. */
export const emailInvitations = pgTable(
  'email_invitations',
  {
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    invitedBy: bigint('invited_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.email] }), index('email_invitations_email_idx').on(t.email)],
);

export const memberRoles = pgTable(
  'member_roles',
  {
    communityId: bigint('community_id', { mode: 'number' })
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roleKeys }).notNull(),
    assignedBy: bigint('assigned_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.userId, t.role] }),
    index('member_roles_user_idx').on(t.userId),
    index('member_roles_role_idx').on(t.role, t.userId),
    // Roles belong to a membership (given to active members only; gone when it is): the directory relies on it.
    foreignKey({ name: 'member_roles_membership_fk', columns: [t.communityId, t.userId], foreignColumns: [memberships.communityId, memberships.userId] }).onDelete('cascade'),
  ],
);

import { bigint, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { expertiseLevelKeys } from '../../../shared/model/catalogue.ts';
import { users } from './accounts.ts';

/** Expertise areas a person declares on their profile, each a tag with a self-rated level. */
export const expertise = pgTable(
  'expertise',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Normalized like topic tags (lowercase, hyphens). */
    tag: text('tag').notNull(),
    level: text('level', { enum: expertiseLevelKeys }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tag] }), index('expertise_tag_idx').on(t.tag, t.level, t.userId)],
);

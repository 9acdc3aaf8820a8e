import { z } from 'zod';
import { learningActivityKeys } from '../model/catalogue.ts';
import { pageQuery } from './common.ts';

export const MAX_BODY = 50_000;

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,29}$/, 'Tags use lowercase letters, digits and hyphens (at most 30).');

const body = z
  .string()
  .trim()
  .min(1, 'Write something first.')
  .max(MAX_BODY, `Use at most ${MAX_BODY.toLocaleString('en')} characters.`);

export const createTopicInput = z.object({
  communities: z
    .array(z.string().min(1).max(50))
    .min(1, 'Choose at least one community.')
    .max(5, 'Cross-post to at most 5 communities.'),
  title: z.string().trim().min(5, 'Use at least 5 characters.').max(200, 'Use at most 200 characters.'),
  body,
  activityType: z.enum(learningActivityKeys),
  isQuestion: z.boolean().default(false),
  tags: z.array(tag).max(8, 'Use at most 8 tags.').default([]),
  /** Post it in a practice group or project (of one of the communities; the author must be in it). */
  subgroupId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  /** Link it to a learning agenda item (of one of the communities) it works on. */
  agendaItemId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type CreateTopicInput = z.infer<typeof createTopicInput>;

export const updateTopicInput = z.object({
  title: z.string().trim().min(5, 'Use at least 5 characters.').max(200, 'Use at most 200 characters.').optional(),
  activityType: z.enum(learningActivityKeys).optional(),
  tags: z.array(tag).max(8, 'Use at most 8 tags.').optional(),
});

export const crossPostInput = z.object({ community: z.string().min(1).max(50) });

export const replyInput = z.object({
  body,
  parentId: z.number().int().positive().optional(),
});

export const editPostInput = z.object({ body });

export const acceptInput = z.object({ postId: z.number().int().positive() });

export const topicFeedQuery = pageQuery.extend({
  activity: z.enum(learningActivityKeys).optional(),
  tag: tag.optional(),
  unanswered: z.enum(['true', 'false']).optional(),
  /** Only topics of this practice group or project. */
  subgroup: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

export interface PersonRef {
  username: string;
  displayName: string;
}

export interface TopicSummary {
  id: number;
  title: string;
  activityType: string;
  isQuestion: boolean;
  answered: boolean;
  tags: string[];
  replyCount: number;
  author: PersonRef;
  createdAt: string;
  lastActivityAt: string;
}

export interface PostView {
  id: number;
  parentId: number | null;
  author: PersonRef;
  bodyHtml: string;
  bodySource: string | null;
  helpfulCount: number;
  helpedByMe: boolean;
  isAccepted: boolean;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  canEdit: boolean;
  canDelete: boolean;
}

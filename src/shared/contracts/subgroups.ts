import { z } from 'zod';
import { subgroupKindKeys } from '../model/catalogue.ts';
import { pageQuery } from './common.ts';
import type { PersonRef } from './conversations.ts';

export const subgroupListParams = z.object({ slug: z.string().min(1).max(50) });
export const subgroupParams = z.object({ slug: z.string().min(1).max(50), id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-06-30.').refine((d) => { const t = new Date(`${d}T00:00:00Z`); return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d; }, 'That date does not exist.');

const name = z.string().trim().min(3, 'Use at least 3 characters.').max(80, 'Use at most 80 characters.');
const description = z.string().trim().max(2000, 'Use at most 2000 characters.');
const goal = z.string().trim().max(1000, 'Use at most 1000 characters.');

export const createSubgroupInput = z.object({
  kind: z.enum(subgroupKindKeys),
  name,
  description: description.default(''),
  /** Projects: what the project should achieve (required). */
  goal: goal.default(''),
  /** Projects: by when (required, not in the past). Practice groups have none. */
  endDate: isoDate.nullable().optional(),
  /** Username of the subgroup leader: a member of the community. */
  leader: z.string().trim().min(1, 'Choose a leader.').max(30),
});
export type CreateSubgroupInput = z.infer<typeof createSubgroupInput>;

export const updateSubgroupInput = z.object({
  name: name.optional(),
  description: description.optional(),
  goal: goal.optional(),
  endDate: isoDate.nullable().optional(),
  leader: z.string().trim().min(1).max(30).optional(),
  /** True closes the subgroup (it stays readable); false reopens it. */
  closed: z.boolean().optional(),
});
export type UpdateSubgroupInput = z.infer<typeof updateSubgroupInput>;

export const subgroupListQuery = pageQuery.extend({ kind: z.enum(subgroupKindKeys).optional() });

export interface SubgroupSummary {
  id: number;
  kind: string;
  name: string;
  description: string;
  goal: string;
  endDate: string | null;
  leader: PersonRef | null;
  memberCount: number;
  topicCount: number;
  closed: boolean;
  isMember: boolean;
}

export interface SubgroupDetail extends SubgroupSummary {
  createdAt: string;
  viewer: { canEdit: boolean; canJoin: boolean; canLeave: boolean; canPost: boolean };
}

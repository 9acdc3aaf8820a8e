import { z } from 'zod';

/** Hard maximum page size for every list. */
export const MAX_PAGE_SIZE = 50;

export const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});

export const slug = z
  .string()
  .trim()
  .min(3, 'Use at least 3 characters.')
  .max(50, 'Use at most 50 characters.')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens.');

export const username = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters.')
  .max(30, 'Use at most 30 characters.')
  .regex(/^[a-zA-Z0-9_]+(-[a-zA-Z0-9_]+)*$/, 'Use letters, digits, underscores and single hyphens.');

export const idParam = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const slugParam = z.object({ slug: z.string().min(1).max(50) });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

import { z } from 'zod';
import { learningActivityKeys } from '../model/catalogue.ts';

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'Type something to search for.').max(200, 'Use at most 200 characters.'),
  community: z.string().max(50).optional(),
  activity: z.enum(learningActivityKeys).optional(),
  kind: z.enum(['community', 'topic', 'reply', 'asset']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(500).default(0),
});

export interface SearchHit {
  kind: 'community' | 'topic' | 'reply' | 'asset';
  title: string;
  /** Highlighted with <mark>; everything else is escaped. */
  snippet: string;
  url: string;
  community: { slug: string; name: string } | null;
  activityType: string | null;
  createdAt: string | null;
  /** Assets: "Retired" or "Needs review" when it applies. */
  label?: string | null;
}

import { z } from 'zod';
import { expertiseLevelKeys, roleKeys } from '../model/catalogue.ts';
import { MAX_PAGE_SIZE, pageQuery } from './common.ts';

/** Most expertise areas one person can declare: enough to describe a career, few enough to mean something. */
export const MAX_EXPERTISE = 12;
export const MAX_BIO = 2000;

/** True when the runtime knows this IANA time zone (e.g. Europe/London). */
export function isTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Turns what a person typed ("Pump Maintenance") into a tag ("pump-maintenance"), as topic tags are written. */
export function toTag(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
}

/** "pump-maintenance" → "pump maintenance". */
export const tagLabel = (tag: string) => tag.replaceAll('-', ' ');

// Same rule as topic tags, so declared expertise and tagged topics meet.
export const expertiseTag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,29}$/, 'Tags use lowercase letters, digits and hyphens (at most 30).');

const line = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

export const updateProfileInput = z
  .object({
    displayName: z.string().trim().min(1, 'Enter your name.').max(80, 'Use at most 80 characters.').optional(),
    title: line(100).optional(),
    location: line(100).optional(),
    timeZone: z
      .string()
      .trim()
      .max(64, 'Use at most 64 characters.')
      .refine((v) => v === '' || isTimeZone(v), 'Choose a time zone from the list, such as Europe/London.')
      .optional(),
    bio: line(MAX_BIO).optional(),
  })
  .strict();
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

export const expertiseArea = z.object({ tag: expertiseTag, level: z.enum(expertiseLevelKeys) }).strict();
export type ExpertiseArea = z.infer<typeof expertiseArea>;

export const setExpertiseInput = z
  .object({
    areas: z
      .array(expertiseArea)
      .max(MAX_EXPERTISE, `Choose at most ${MAX_EXPERTISE} areas.`)
      .superRefine((areas, ctx) => {
        const seen = new Set<string>();
        areas.forEach((a, i) => {
          if (seen.has(a.tag)) ctx.addIssue({ code: 'custom', path: [i, 'tag'], message: `“${a.tag}” is listed twice.` });
          seen.add(a.tag);
        });
      }),
  })
  .strict();
export type SetExpertiseInput = z.infer<typeof setExpertiseInput>;

export const directoryQuery = pageQuery.extend({
  q: z.string().trim().max(100, 'Use at most 100 characters.').optional(),
  community: z.string().min(1).max(50).optional(),
  tag: expertiseTag.optional(),
  role: z.enum(roleKeys).optional(),
});

export const whoKnowsQuery = z.object({
  q: z.string().trim().min(2, 'Say what you need to know (at least 2 characters).').max(200, 'Use at most 200 characters.'),
  community: z.string().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(10),
});

export const myCommunitiesQuery = pageQuery.extend({ limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50) });

export interface PersonCard {
  username: string;
  displayName: string;
  title: string;
  location: string;
  photoUrl: string | null;
  expertise: ExpertiseArea[];
}

export interface PublicProfile extends PersonCard {
  bio: string;
  timeZone: string;
  memberSince: string;
  communities: { slug: string; name: string; roles: string[] }[];
  recentTopics: { id: number; title: string; activityType: string; createdAt: string }[];
}

export interface MyProfile extends PersonCard {
  bio: string;
  timeZone: string;
}

export interface MyCommunity {
  slug: string;
  name: string;
  visibility: string;
  roles: string[];
  participation: string;
  postsRecently: number;
  lastPostAt: string | null;
  joinedAt: string;
}

export interface ExpertSuggestion {
  username: string;
  displayName: string;
  title: string;
  photoUrl: string | null;
  score: number;
  reasons: string[];
}

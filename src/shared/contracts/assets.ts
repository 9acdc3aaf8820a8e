import { z } from 'zod';
import { learningActivityKeys } from '../model/catalogue.ts';
import { pageQuery } from './common.ts';
import type { PersonRef } from './conversations.ts';

export const MAX_ARTICLE = 100_000;

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const assetParams = z.object({ id });
export const assetVersionParams = z.object({ id, number: z.coerce.number().int().positive().max(1_000_000) });
export const communityAssetsParams = z.object({ slug: z.string().min(1).max(50) });

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,29}$/, 'Tags use lowercase letters, digits and hyphens (at most 30).');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-06-30.')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, 'That date does not exist.');

const title = z.string().trim().min(3, 'Use at least 3 characters.').max(200, 'Use at most 200 characters.');
const summary = z.string().trim().max(2000, 'Use at most 2000 characters.');
const tags = z.array(tag).max(8, 'Use at most 8 tags.');
const body = z.string().trim().min(1, 'Write the article first.').max(MAX_ARTICLE, `Use at most ${MAX_ARTICLE.toLocaleString('en')} characters.`);
const url = z
  .string()
  .trim()
  .max(2000, 'Use at most 2000 characters.')
  .url('Use a full web address, like https://example.org/guide.')
  .refine((u) => /^https?:\/\//i.test(u), 'Use a web address starting with http:// or https://.');
const topicIds = z.array(id).max(10, 'Link at most 10 topics.');
const eventIds = z.array(id).max(10, 'Link at most 10 events.');
const links = {
  /** Topics it came from (ids of topics posted in the same community). */
  topicIds: topicIds.default([]),
  /** Events it came from (ids of events of the same community). */
  eventIds: eventIds.default([]),
};

/** The fields every kind shares; files send them as multipart fields (tags comma-separated). */
export const assetFields = z.object({
  title,
  summary: summary.default(''),
  tags: tags.default([]),
  activityType: z.enum(learningActivityKeys).nullable().default(null),
  ...links,
});

export const createAssetInput = z.discriminatedUnion('kind', [
  assetFields.extend({ kind: z.literal('article'), body }),
  assetFields.extend({ kind: z.literal('link'), url }),
]);
export type CreateAssetInput = z.infer<typeof createAssetInput>;
export type AssetFields = z.infer<typeof assetFields>;

/** Editing: any change to title, summary, body or link makes a new version. */
export const updateAssetInput = z.object({
  title: title.optional(),
  summary: summary.optional(),
  tags: tags.optional(),
  activityType: z.enum(learningActivityKeys).nullable().optional(),
  body: body.optional(),
  url: url.optional(),
  /** Username of the new steward: an active member of the community. */
  steward: z.string().trim().min(1).max(30).optional(),
  reviewBy: isoDate.optional(),
  /** Replaces the topics it came from (not versioned). */
  topicIds: topicIds.optional(),
  /** Replaces the events it came from (not versioned). */
  eventIds: eventIds.optional(),
});
export type UpdateAssetInput = z.infer<typeof updateAssetInput>;

export const assetListQuery = pageQuery.extend({
  status: z.enum(['active', 'retired']).optional(),
  /** Only assets past their review date. */
  needsReview: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const reuseInput = z.object({ note: z.string().trim().max(1000, 'Use at most 1000 characters.').default('') });

export const reviewInput = z.object({
  /** confirm: still right, fresh until the next review date; retire: outdated, kept findable and labelled; reactivate: back in use. */
  action: z.enum(['confirm', 'retire', 'reactivate']),
  /** The next review date (default: today plus the community's review period). */
  reviewBy: isoDate.optional(),
});

export interface AssetFile {
  name: string;
  mime: string;
  size: number;
  downloadUrl: string;
  /** Images and PDFs are shown inline. */
  previewable: boolean;
}

export interface AssetSummary {
  id: number;
  community: { slug: string; name: string };
  kind: 'article' | 'file' | 'link';
  title: string;
  summary: string;
  tags: string[];
  activityType: string | null;
  steward: PersonRef | null;
  reviewBy: string;
  status: 'active' | 'retired';
  /** Active and past its review date. */
  needsReview: boolean;
  currentVersion: number;
  reuseCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface AssetVersionView {
  number: number;
  editor: PersonRef | null;
  createdAt: string;
  title: string;
  summary: string;
  bodyHtml: string | null;
  bodySource: string | null;
  url: string | null;
  file: AssetFile | null;
  restoredFrom: number | null;
}

export interface AssetDetail extends AssetSummary {
  version: AssetVersionView;
  topics: { id: number; title: string }[];
  events: { id: number; title: string }[];
  reviewedAt: string | null;
  viewer: { canEdit: boolean; canReview: boolean; canReuse: boolean };
}

/** Assets linked to a topic or an event (in communities the viewer reads), and where the viewer may save it to the repository. */
export interface LinkedAssets {
  items: AssetSummary[];
  viewer: { canAddTo: { slug: string; name: string }[] };
}
export type TopicAssets = LinkedAssets;
/** An event belongs to one community: `canAddTo` holds it or nothing. */
export type EventAssets = LinkedAssets;

export interface AssetReuseView {
  id: number;
  person: PersonRef | null;
  note: string;
  createdAt: string;
}

export const collectionParams = z.object({ id });
export const MAX_COLLECTION_ITEMS = 100;

export const createCollectionInput = z.object({
  title: z.string().trim().min(3, 'Use at least 3 characters.').max(120, 'Use at most 120 characters.'),
  description: z.string().trim().max(2000, 'Use at most 2000 characters.').default(''),
});
export const updateCollectionInput = z.object({
  title: z.string().trim().min(3, 'Use at least 3 characters.').max(120, 'Use at most 120 characters.').optional(),
  description: z.string().trim().max(2000, 'Use at most 2000 characters.').optional(),
});
/** The collection's assets in order (replaces the previous list). */
export const collectionItemsInput = z.object({
  assetIds: z.array(id).max(MAX_COLLECTION_ITEMS, `A collection holds at most ${MAX_COLLECTION_ITEMS} assets.`),
});

export const repositorySettingsInput = z.object({
  /** How many days a new or confirmed asset stays fresh before it needs review. */
  reviewAfterDays: z.number().int('Use whole days.').min(7, 'Use at least 7 days.').max(3650, 'Use at most 3650 days (ten years).'),
});

export interface CollectionSummary {
  id: number;
  title: string;
  description: string;
  itemCount: number;
  createdAt: string;
}

export interface CollectionDetail extends CollectionSummary {
  community: { slug: string; name: string };
  items: AssetSummary[];
  viewer: { canCurate: boolean };
}

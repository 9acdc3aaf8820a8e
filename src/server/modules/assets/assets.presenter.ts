import type { AssetDetail, AssetReuseView, AssetSummary, AssetVersionView, CollectionDetail, CollectionSummary } from '../../../shared/contracts/assets.ts';
import { previewable } from './assets.files.ts';
import { type AssetRow, today, type VersionRow } from './assets.queries.ts';

const person = (username: string | null, displayName: string | null) => (username ? { username, displayName: displayName ?? username } : null);

/** An asset in a list; `now` decides whether it needs review. */
export const presentAsset = (r: AssetRow, now: Date): AssetSummary => ({
  id: r.id,
  community: { slug: r.communitySlug, name: r.communityName },
  kind: r.kind,
  title: r.title,
  summary: r.summary,
  tags: r.tags,
  activityType: r.activityType,
  steward: person(r.stewardUsername, r.stewardDisplayName),
  reviewBy: r.reviewBy,
  status: r.status,
  needsReview: r.status === 'active' && r.reviewBy < today(now),
  currentVersion: r.currentVersion,
  reuseCount: r.reuseCount,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** One version; the file's download address names the version so old ones stay reachable. */
export const presentVersion = (v: VersionRow): AssetVersionView => ({
  number: v.number,
  editor: person(v.editorUsername, v.editorDisplayName),
  createdAt: v.createdAt.toISOString(),
  title: v.title,
  summary: v.summary,
  bodyHtml: v.bodyHtml,
  bodySource: v.bodySource,
  url: v.url,
  file:
    v.fileKey && v.fileMime && v.fileName
      ? { name: v.fileName, mime: v.fileMime, size: v.fileSize ?? 0, downloadUrl: `/api/assets/${v.assetId}/versions/${v.number}/file`, previewable: previewable(v.fileMime) }
      : null,
  restoredFrom: v.restoredFrom,
});

export const presentAssetDetail = (
  r: AssetRow,
  v: VersionRow,
  links: { topics: { id: number; title: string }[]; events: { id: number; title: string }[] },
  viewer: AssetDetail['viewer'],
  now: Date,
): AssetDetail => ({
  ...presentAsset(r, now),
  version: presentVersion(v),
  topics: links.topics,
  events: links.events,
  reviewedAt: r.reviewedAt?.toISOString() ?? null,
  viewer,
});

export const presentReuse = (r: { id: number; note: string; createdAt: Date; username: string | null; displayName: string | null }): AssetReuseView => ({
  id: r.id,
  person: person(r.username, r.displayName),
  note: r.note,
  createdAt: r.createdAt.toISOString(),
});

export const presentCollection = (c: { id: number; title: string; description: string; itemCount: number; createdAt: Date }): CollectionSummary => ({
  id: c.id,
  title: c.title,
  description: c.description,
  itemCount: c.itemCount,
  createdAt: c.createdAt.toISOString(),
});

export const presentCollectionDetail = (
  c: { id: number; title: string; description: string; createdAt: Date; communitySlug: string; communityName: string },
  items: AssetRow[],
  viewer: CollectionDetail['viewer'],
  now: Date,
): CollectionDetail => ({
  ...presentCollection({ ...c, itemCount: items.length }),
  community: { slug: c.communitySlug, name: c.communityName },
  items: items.map((r) => presentAsset(r, now)),
  viewer,
});

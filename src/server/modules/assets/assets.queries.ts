import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { Queryable } from '../../db/client.ts';
import { readableCommunityIdsSql } from '../communities/communities.policy.ts';
import { assetEvents, assetReuses, assets, assetTopics, assetVersions, collectionItems, collections, communities, events, repositorySettings, topics, users } from '../../db/schema/index.ts';

/** Today's date (UTC) at `now`, as the review dates are stored. */
export const today = (now: Date) => now.toISOString().slice(0, 10);

const steward = alias(users, 'steward');

const summaryColumns = {
  id: assets.id,
  communityId: assets.communityId,
  communitySlug: communities.slug,
  communityName: communities.name,
  kind: assets.kind,
  title: assets.title,
  summary: assets.summary,
  tags: assets.tags,
  activityType: assets.activityType,
  stewardId: assets.stewardId,
  stewardUsername: steward.username,
  stewardDisplayName: steward.displayName,
  reviewBy: assets.reviewBy,
  status: assets.status,
  currentVersion: assets.currentVersion,
  reuseCount: assets.reuseCount,
  createdBy: assets.createdBy,
  createdAt: assets.createdAt,
  updatedAt: assets.updatedAt,
  reviewedAt: assets.reviewedAt,
};

function selectSummaries(db: Queryable) {
  return db
    .select(summaryColumns)
    .from(assets)
    .innerJoin(communities, eq(communities.id, assets.communityId))
    .leftJoin(steward, eq(steward.id, assets.stewardId));
}

export type AssetRow = Awaited<ReturnType<typeof findAsset>> & {};

/** One asset with its community's slug and its steward; null when it does not exist. */
export async function findAsset(db: Queryable, id: number) {
  const [row] = await selectSummaries(db).where(eq(assets.id, id));
  return row ?? null;
}

export interface AssetListFilter {
  status?: 'active' | 'retired';
  /** Only active assets whose review date is before this day. */
  reviewBefore?: string;
  after: number | null;
  limit: number;
}

/** A community's assets, newest first (served by assets_community_idx). */
export async function listAssets(db: Queryable, communityId: number, f: AssetListFilter) {
  const where: SQL[] = [eq(assets.communityId, communityId)];
  if (f.after) where.push(lt(assets.id, f.after));
  if (f.status) where.push(eq(assets.status, f.status));
  if (f.reviewBefore) where.push(sql`${assets.status} = 'active' and ${assets.reviewBy} < ${f.reviewBefore}`);
  return selectSummaries(db)
    .where(and(...where))
    .orderBy(desc(assets.id))
    .limit(f.limit + 1);
}

/** A steward's active assets whose review date has passed, oldest date first (served by assets_steward_review_idx). */
export async function listReviewQueue(db: Queryable, stewardId: number, day: string, after: [string, number] | null, limit: number) {
  const where: SQL[] = [eq(assets.stewardId, stewardId), eq(assets.status, 'active'), lt(assets.reviewBy, day)];
  if (after) where.push(sql`(${assets.reviewBy}, ${assets.id}) > (${after[0]}, ${after[1]})`);
  return selectSummaries(db)
    .where(and(...where))
    .orderBy(asc(assets.reviewBy), asc(assets.id))
    .limit(limit + 1);
}

const editor = alias(users, 'editor');

const versionColumns = {
  id: assetVersions.id,
  assetId: assetVersions.assetId,
  number: assetVersions.number,
  editorUsername: editor.username,
  editorDisplayName: editor.displayName,
  title: assetVersions.title,
  summary: assetVersions.summary,
  bodySource: assetVersions.bodySource,
  bodyHtml: assetVersions.bodyHtml,
  fileKey: assetVersions.fileKey,
  fileName: assetVersions.fileName,
  fileMime: assetVersions.fileMime,
  fileSize: assetVersions.fileSize,
  url: assetVersions.url,
  extractedText: assetVersions.extractedText,
  restoredFrom: assetVersions.restoredFrom,
  createdAt: assetVersions.createdAt,
};
export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

/** One version of an asset, or null. */
export async function findVersion(db: Queryable, assetId: number, number: number) {
  const [row] = await db
    .select(versionColumns)
    .from(assetVersions)
    .leftJoin(editor, eq(editor.id, assetVersions.editorId))
    .where(and(eq(assetVersions.assetId, assetId), eq(assetVersions.number, number)));
  return row ?? null;
}

/** An asset's history, newest first (served by asset_versions_number_idx). */
export async function listVersions(db: Queryable, assetId: number, before: number | null, limit: number) {
  const where: SQL[] = [eq(assetVersions.assetId, assetId)];
  if (before) where.push(lt(assetVersions.number, before));
  return db
    .select(versionColumns)
    .from(assetVersions)
    .leftJoin(editor, eq(editor.id, assetVersions.editorId))
    .where(and(...where))
    .orderBy(desc(assetVersions.number))
    .limit(limit + 1);
}

/** People's reuse notes on an asset, newest first. */
export async function listReuses(db: Queryable, assetId: number, before: number | null, limit: number) {
  const where: SQL[] = [eq(assetReuses.assetId, assetId)];
  if (before) where.push(lt(assetReuses.id, before));
  return db
    .select({ id: assetReuses.id, note: assetReuses.note, createdAt: assetReuses.createdAt, username: users.username, displayName: users.displayName })
    .from(assetReuses)
    .leftJoin(users, eq(users.id, assetReuses.userId))
    .where(and(...where))
    .orderBy(desc(assetReuses.id))
    .limit(limit + 1);
}

/** Topics and events an asset came from (the viewer may read them: they are in the asset's community). */
export async function findAssetLinks(db: Queryable, assetId: number) {
  const [t, e] = await Promise.all([
    db.select({ id: topics.id, title: topics.title }).from(assetTopics).innerJoin(topics, eq(topics.id, assetTopics.topicId)).where(and(eq(assetTopics.assetId, assetId), sql`${topics.deletedAt} is null`)).orderBy(asc(topics.id)),
    db.select({ id: events.id, title: events.title }).from(assetEvents).innerJoin(events, eq(events.id, assetEvents.eventId)).where(eq(assetEvents.assetId, assetId)).orderBy(asc(events.id)),
  ]);
  return { topics: t, events: e };
}

/** Assets that came from a topic, in communities the viewer may read, newest first (served by asset_topics_topic_idx). */
export async function listTopicAssets(db: Queryable, topicId: number, viewer: Viewer | null, limit: number) {
  return selectSummaries(db)
    .innerJoin(assetTopics, eq(assetTopics.assetId, assets.id))
    .where(and(eq(assetTopics.topicId, topicId), sql`${assets.communityId} in (${readableCommunityIdsSql(viewer)})`))
    .orderBy(desc(assets.id))
    .limit(limit);
}

/** The newest assets linked to an event, in communities the viewer reads (asset_events_event_idx). */
export async function listEventAssets(db: Queryable, eventId: number, viewer: Viewer | null, limit: number) {
  return selectSummaries(db)
    .innerJoin(assetEvents, eq(assetEvents.assetId, assets.id))
    .where(and(eq(assetEvents.eventId, eventId), sql`${assets.communityId} in (${readableCommunityIdsSql(viewer)})`))
    .orderBy(desc(assets.id))
    .limit(limit);
}

/** Of `ids`, the topics posted in the community (not deleted). */
export async function topicsInCommunity(db: Queryable, communityId: number, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db.execute<{ id: number }>(sql`
    select t.id from topics t join topic_communities tc on tc.topic_id = t.id
    where tc.community_id = ${communityId} and t.deleted_at is null and t.id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return rows.rows.map((r) => Number(r.id));
}

/** Of `ids`, the events of the community. */
export async function eventsInCommunity(db: Queryable, communityId: number, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db.select({ id: events.id }).from(events).where(and(eq(events.communityId, communityId), inArray(events.id, ids)));
  return rows.map((r) => r.id);
}

/** How many days a new or confirmed asset stays fresh in the community (365 unless set). */
export async function reviewAfterDays(db: Queryable, communityId: number) {
  const [row] = await db.select({ days: repositorySettings.reviewAfterDays }).from(repositorySettings).where(eq(repositorySettings.communityId, communityId));
  return row?.days ?? 365;
}

/** A community's collections, newest first, with how many assets each holds. */
export async function listCollections(db: Queryable, communityId: number, before: number | null, limit: number) {
  const where: SQL[] = [eq(collections.communityId, communityId)];
  if (before) where.push(lt(collections.id, before));
  return db
    .select({
      id: collections.id,
      title: collections.title,
      description: collections.description,
      createdAt: collections.createdAt,
      itemCount: sql<number>`(select count(*)::int from ${collectionItems} ci where ci.collection_id = ${collections.id})`,
    })
    .from(collections)
    .where(and(...where))
    .orderBy(desc(collections.id))
    .limit(limit + 1);
}

/** One collection with its community's slug, or null. */
export async function findCollection(db: Queryable, id: number) {
  const [row] = await db
    .select({
      id: collections.id,
      communityId: collections.communityId,
      communitySlug: communities.slug,
      communityName: communities.name,
      title: collections.title,
      description: collections.description,
      createdAt: collections.createdAt,
    })
    .from(collections)
    .innerJoin(communities, eq(communities.id, collections.communityId))
    .where(eq(collections.id, id));
  return row ?? null;
}

/** A collection's assets in their curated order (at most MAX_COLLECTION_ITEMS, so one query). */
export async function collectionAssets(db: Queryable, collectionId: number) {
  return selectSummaries(db)
    .innerJoin(collectionItems, eq(collectionItems.assetId, assets.id))
    .where(eq(collectionItems.collectionId, collectionId))
    .orderBy(asc(collectionItems.position));
}

/** Of `ids`, the assets of the community. */
export async function assetsInCommunity(db: Queryable, communityId: number, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db.select({ id: assets.id }).from(assets).where(and(eq(assets.communityId, communityId), inArray(assets.id, ids)));
  return rows.map((r) => r.id);
}

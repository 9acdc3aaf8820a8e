import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { AssetFields, CreateAssetInput, UpdateAssetInput } from '../../../shared/contracts/assets.ts';
import type { Db, Tx } from '../../db/client.ts';
import { assetEvents, assetReuses, assets, assetTopics, assetVersions, collectionItems, collections, repositorySettings } from '../../db/schema/index.ts';
import { invalidField } from '../../errors.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { type FileStorage, newStorageKey } from '../../lib/storage.ts';
import { audit } from '../auth/auth.service.ts';
import { activeMember } from '../leadership/leadership.service.ts';
import { extractText, imageType, safeFileName, sniffUpload } from './assets.files.ts';
import { type AssetRow, assetsInCommunity, eventsInCommunity, reviewAfterDays, today, topicsInCommunity, type VersionRow } from './assets.queries.ts';

/** The searchable text of one version: title (A), summary and tags (B), body, text inside the file or address (C). */
function searchVector(v: { title: string; summary: string; tags: string[]; text: string }) {
  return sql`setweight(to_tsvector('english', ${v.title}), 'A')
    || setweight(to_tsvector('english', ${`${v.summary} ${v.tags.join(' ')}`}), 'B')
    || setweight(to_tsvector('english', ${v.text}), 'C')`;
}

/** Replaces an asset's search passages with those of its current text (schema: assetPassages). */
async function writePassages(tx: Tx, assetId: number, text: string) {
  await tx.execute(sql`delete from asset_passages where asset_id = ${assetId}`);
  await tx.execute(sql`
    insert into asset_passages (asset_id, n, body, search_vector)
    select ${assetId}, p.n, p.body, p.search_vector from asset_passages_of(${text}) p`);
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

/** The review date of a new or confirmed asset: today plus the community's review period. */
async function defaultReviewBy(db: Db, communityId: number, now: Date) {
  return addDays(today(now), await reviewAfterDays(db, communityId));
}

/** An uploaded file, checked by its content and with its text extracted; nothing is stored yet. */
export interface CheckedUpload {
  /** Where its bytes are: in memory, or in a temporary file that the caller removes afterwards. */
  source: { buffer: Buffer } | { path: string };
  name: string;
  mime: string;
  text: string;
}

/** Checks an upload held in memory (content type, readability) and extracts its text; refusals name the `file` field. */
export async function checkUpload(buffer: Buffer, name: string): Promise<CheckedUpload> {
  const sniffed = sniffUpload(buffer, name);
  const text = await extractText(buffer, sniffed);
  return { source: { buffer }, name: safeFileName(name), mime: sniffed.mime, text };
}

/**
 * Checks an upload received into a temporary file. An image is judged by its first bytes and never
 * read whole; anything else is read to be judged and to have its text extracted (pdf.js and mammoth
 * work on whole documents), bounded by the upload limit.
 */
export async function checkUploadFile(file: string, name: string): Promise<CheckedUpload> {
  const handle = await open(file, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(64);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const image = head.length > 0 ? imageType(head) : null;
  if (image) return { source: { path: file }, name: safeFileName(name), mime: image.mime, text: '' };
  const buffer = await readFile(file);
  const sniffed = sniffUpload(buffer, name);
  // The file stays on disk for storing, so the bytes can move to the extraction worker.
  const text = await extractText(buffer, sniffed, { transfer: true });
  return { source: { path: file }, name: safeFileName(name), mime: sniffed.mime, text };
}

/** Stores a checked upload; the caller removes it again if the database write fails. */
async function store(storage: FileStorage, upload: CheckedUpload, now: Date) {
  const key = newStorageKey(now);
  const data = 'buffer' in upload.source ? Readable.from(upload.source.buffer) : createReadStream(upload.source.path);
  const size = await storage.put(key, data);
  return { key, size };
}

async function checkLinks<T extends { topicIds?: number[]; eventIds?: number[] }>(db: Db, communityId: number, input: T) {
  const asked = { topicIds: input.topicIds ?? [], eventIds: input.eventIds ?? [] };
  const [topicIds, eventIds] = await Promise.all([topicsInCommunity(db, communityId, asked.topicIds), eventsInCommunity(db, communityId, asked.eventIds)]);
  const missingTopic = asked.topicIds.findIndex((id) => !topicIds.includes(id));
  if (missingTopic >= 0) throw invalidField(`topicIds.${missingTopic}`, 'Link topics of this community only.');
  const missingEvent = asked.eventIds.findIndex((id) => !eventIds.includes(id));
  if (missingEvent >= 0) throw invalidField(`eventIds.${missingEvent}`, 'Link events of this community only.');
  return { topicIds: [...new Set(topicIds)], eventIds: [...new Set(eventIds)] };
}

/** Replaces the topics and/or events an asset came from (whichever `input` names). */
async function replaceLinks(tx: Tx, assetId: number, input: { topicIds?: number[]; eventIds?: number[] }, checked: { topicIds: number[]; eventIds: number[] }) {
  if (input.topicIds !== undefined) {
    await tx.delete(assetTopics).where(eq(assetTopics.assetId, assetId));
    if (checked.topicIds.length) await tx.insert(assetTopics).values(checked.topicIds.map((topicId) => ({ assetId, topicId })));
  }
  if (input.eventIds !== undefined) {
    await tx.delete(assetEvents).where(eq(assetEvents.assetId, assetId));
    if (checked.eventIds.length) await tx.insert(assetEvents).values(checked.eventIds.map((eventId) => ({ assetId, eventId })));
  }
}

type NewAsset = (CreateAssetInput | (AssetFields & { kind: 'file'; upload: CheckedUpload })) & {};

/**
 * Adds an asset with its first version; its author is its steward and it is fresh until today
 * plus the community's review period. A file is stored before the transaction and removed if it fails.
 */
export async function createAsset(db: Db, storage: FileStorage, viewer: Viewer, communityId: number, input: NewAsset, now = new Date()) {
  const links = await checkLinks(db, communityId, input);
  const reviewBy = await defaultReviewBy(db, communityId, now);
  const stored = input.kind === 'file' ? await store(storage, input.upload, now) : null;
  const text = input.kind === 'article' ? input.body : input.kind === 'link' ? input.url : input.upload.text;
  try {
    return await db.transaction(async (tx) => {
      const [a] = await tx
        .insert(assets)
        .values({
          communityId,
          kind: input.kind,
          title: input.title,
          summary: input.summary,
          tags: input.tags,
          activityType: input.activityType,
          stewardId: viewer.id,
          reviewBy,
          searchVector: searchVector({ ...input, text }),
          createdBy: viewer.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: assets.id });
      await tx.insert(assetVersions).values({
        assetId: a.id,
        number: 1,
        editorId: viewer.id,
        title: input.title,
        summary: input.summary,
        createdAt: now,
        ...(input.kind === 'article' ? { bodySource: input.body, bodyHtml: renderMarkdown(input.body) } : {}),
        ...(input.kind === 'link' ? { url: input.url } : {}),
        ...(input.kind === 'file' && stored
          ? { fileKey: stored.key, fileName: input.upload.name, fileMime: input.upload.mime, fileSize: stored.size, extractedText: input.upload.text }
          : {}),
      });
      await writePassages(tx, a.id, text);
      await replaceLinks(tx, a.id, links, links);
      return a.id;
    });
  } catch (e) {
    if (stored) await storage.delete(stored.key);
    throw e;
  }
}

/** Writes version `number` from `v` and makes it current, refreshing the asset's copy and search entry. */
async function writeVersion(tx: Tx, asset: AssetRow, viewer: Viewer, v: Omit<typeof assetVersions.$inferInsert, 'assetId' | 'number' | 'editorId'>, meta: { tags: string[]; activityType: AssetRow['activityType']; now: Date }) {
  // Locks the asset row so two edits at once get consecutive numbers.
  const [locked] = await tx.select({ current: sql<number>`(select max(number) from asset_versions where asset_id = ${asset.id})` }).from(assets).where(eq(assets.id, asset.id)).for('update');
  const number = Number(locked.current) + 1;
  await tx.insert(assetVersions).values({ ...v, assetId: asset.id, number, editorId: viewer.id, createdAt: meta.now });
  const text = v.bodySource ?? v.extractedText ?? v.url ?? '';
  await tx
    .update(assets)
    .set({
      title: v.title,
      summary: v.summary ?? '',
      tags: meta.tags,
      activityType: meta.activityType,
      currentVersion: number,
      updatedAt: meta.now,
      searchVector: searchVector({ title: v.title, summary: v.summary ?? '', tags: meta.tags, text }),
    })
    .where(eq(assets.id, asset.id));
  await writePassages(tx, asset.id, text);
  return number;
}

/**
 * Edits an asset. A change to its title, summary, body or link makes a new version; tags,
 * activity, steward, review date and the topics and events it came from change the asset without one.
 */
export async function updateAsset(db: Db, viewer: Viewer, asset: AssetRow, current: VersionRow, input: UpdateAssetInput, now = new Date()) {
  if (Object.values(input).every((v) => v === undefined)) throw invalidField('body', 'Change at least one field.');
  if (input.body !== undefined && asset.kind !== 'article') throw invalidField('body', 'Only articles have a body; upload a new file or change the link instead.');
  if (input.url !== undefined && asset.kind !== 'link') throw invalidField('url', 'Only links have a web address.');
  const steward = input.steward ? await activeMember(db, asset.communityId, input.steward, 'steward') : null;
  const links = input.topicIds !== undefined || input.eventIds !== undefined ? await checkLinks(db, asset.communityId, input) : null;
  const contentChanged =
    (input.title !== undefined && input.title !== current.title) ||
    (input.summary !== undefined && input.summary !== current.summary) ||
    (input.body !== undefined && input.body !== current.bodySource) ||
    (input.url !== undefined && input.url !== current.url);
  const tags = input.tags ?? asset.tags;
  const activityType = input.activityType === undefined ? asset.activityType : input.activityType;
  await db.transaction(async (tx) => {
    if (contentChanged || input.tags !== undefined) {
      const body = input.body ?? current.bodySource;
      const v = {
        title: input.title ?? current.title,
        summary: input.summary ?? current.summary,
        bodySource: body,
        bodyHtml: body === null ? null : body === current.bodySource ? current.bodyHtml : renderMarkdown(body),
        url: input.url ?? current.url,
        fileKey: current.fileKey,
        fileName: current.fileName,
        fileMime: current.fileMime,
        fileSize: current.fileSize,
        extractedText: current.extractedText,
      };
      if (contentChanged) await writeVersion(tx, asset, viewer, v, { tags, activityType, now });
      else await tx.update(assets).set({ tags, updatedAt: now, searchVector: searchVector({ title: v.title, summary: v.summary, tags, text: v.bodySource ?? v.extractedText ?? v.url ?? '' }) }).where(eq(assets.id, asset.id));
    }
    const rest: Partial<typeof assets.$inferInsert> = {};
    if (input.activityType !== undefined) rest.activityType = input.activityType;
    if (steward) rest.stewardId = steward.id;
    if (input.reviewBy) rest.reviewBy = input.reviewBy;
    if (Object.keys(rest).length) await tx.update(assets).set({ ...rest, updatedAt: now }).where(eq(assets.id, asset.id));
    if (links) {
      await replaceLinks(tx, asset.id, input, links);
      if (!Object.keys(rest).length) await tx.update(assets).set({ updatedAt: now }).where(eq(assets.id, asset.id));
    }
    if (steward || input.reviewBy) await audit(tx, viewer.id, 'asset.stewardship', `asset:${asset.id}`, { steward: steward?.username, reviewBy: input.reviewBy });
  });
}

/** Replaces the file of a file asset with a new upload: a new version; the old file stays for its version. */
export async function replaceFile(db: Db, storage: FileStorage, viewer: Viewer, asset: AssetRow, current: VersionRow, upload: CheckedUpload, now = new Date()) {
  if (asset.kind !== 'file') throw invalidField('file', 'Only file assets take a new file; edit articles and links instead.');
  const stored = await store(storage, upload, now);
  try {
    return await db.transaction((tx) =>
      writeVersion(
        tx,
        asset,
        viewer,
        { title: current.title, summary: current.summary, fileKey: stored.key, fileName: upload.name, fileMime: upload.mime, fileSize: stored.size, extractedText: upload.text },
        { tags: asset.tags, activityType: asset.activityType, now },
      ),
    );
  } catch (e) {
    await storage.delete(stored.key);
    throw e;
  }
}

/** Makes an old version current again by copying it as a new version (history is never rewritten). */
export async function restoreVersion(db: Db, viewer: Viewer, asset: AssetRow, old: VersionRow, now = new Date()) {
  if (old.number === asset.currentVersion) throw invalidField('number', 'This is already the current version.');
  return db.transaction(async (tx) => {
    const number = await writeVersion(
      tx,
      asset,
      viewer,
      {
        title: old.title,
        summary: old.summary,
        bodySource: old.bodySource,
        bodyHtml: old.bodyHtml,
        url: old.url,
        fileKey: old.fileKey,
        fileName: old.fileName,
        fileMime: old.fileMime,
        fileSize: old.fileSize,
        extractedText: old.extractedText,
        restoredFrom: old.number,
      },
      { tags: asset.tags, activityType: asset.activityType, now },
    );
    await audit(tx, viewer.id, 'asset.restored', `asset:${asset.id}`, { from: old.number, as: number });
    return number;
  });
}

/** Records "I reused this" (one row per occasion) and counts it on the asset. */
export async function recordReuse(db: Db, viewer: Viewer, assetId: number, note: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [r] = await tx.insert(assetReuses).values({ assetId, userId: viewer.id, note, createdAt: now }).returning({ id: assetReuses.id });
    await tx.update(assets).set({ reuseCount: sql`${assets.reuseCount} + 1` }).where(eq(assets.id, assetId));
    return r.id;
  });
}

/**
 * A review: confirm (still right; fresh until `reviewBy` or today plus the review period),
 * retire (kept findable, labelled retired) or reactivate a retired asset.
 */
export async function reviewAsset(db: Db, viewer: Viewer, asset: AssetRow, input: { action: 'confirm' | 'retire' | 'reactivate'; reviewBy?: string }, now = new Date()) {
  if (input.reviewBy && input.reviewBy <= today(now)) throw invalidField('reviewBy', 'Choose a review date after today.');
  if (input.action === 'reactivate' && asset.status !== 'retired') throw invalidField('action', 'Only a retired asset can be put back in use.');
  if (input.action !== 'reactivate' && asset.status === 'retired') throw invalidField('action', 'This asset is retired; put it back in use first.');
  const reviewBy = input.action === 'retire' ? asset.reviewBy : (input.reviewBy ?? (await defaultReviewBy(db, asset.communityId, now)));
  await db.transaction(async (tx) => {
    await tx
      .update(assets)
      .set({ status: input.action === 'retire' ? 'retired' : 'active', reviewBy, reviewedAt: now, reviewedBy: viewer.id })
      .where(and(eq(assets.id, asset.id)));
    await audit(tx, viewer.id, `asset.${input.action}`, `asset:${asset.id}`, { reviewBy });
  });
}

/** Starts a collection in the community. */
export async function createCollection(db: Db, viewer: Viewer, communityId: number, input: { title: string; description: string }) {
  const [row] = await db.insert(collections).values({ communityId, title: input.title, description: input.description, createdBy: viewer.id }).returning({ id: collections.id });
  return row.id;
}

/** Renames or redescribes a collection. */
export async function updateCollection(db: Db, id: number, input: { title?: string; description?: string }) {
  if (input.title === undefined && input.description === undefined) throw invalidField('body', 'Change at least one field.');
  await db.update(collections).set(input).where(eq(collections.id, id));
}

/** Replaces a collection's assets with `assetIds` in that order; every one must belong to the community. */
export async function setCollectionItems(db: Db, collection: { id: number; communityId: number }, assetIds: number[]) {
  const seen = new Set<number>();
  assetIds.forEach((id, i) => {
    if (seen.has(id)) throw invalidField(`assetIds.${i}`, 'Each asset can appear once in a collection.');
    seen.add(id);
  });
  const found = await assetsInCommunity(db, collection.communityId, assetIds);
  const missing = assetIds.findIndex((id) => !found.includes(id));
  if (missing >= 0) throw invalidField(`assetIds.${missing}`, 'Add assets of this community only.');
  await db.transaction(async (tx) => {
    await tx.delete(collectionItems).where(eq(collectionItems.collectionId, collection.id));
    if (assetIds.length) await tx.insert(collectionItems).values(assetIds.map((assetId, position) => ({ collectionId: collection.id, assetId, position })));
  });
}

/** Removes a collection (its assets stay in the repository). */
export async function deleteCollection(db: Db, viewer: Viewer, collection: { id: number; communityId: number; title: string }) {
  await db.transaction(async (tx) => {
    await tx.delete(collections).where(eq(collections.id, collection.id));
    await audit(tx, viewer.id, 'collection.deleted', `community:${collection.communityId}`, { id: collection.id, title: collection.title });
  });
}

/** Sets how many days new and confirmed assets stay fresh in the community. */
export async function setReviewAfterDays(db: Db, viewer: Viewer, communityId: number, days: number) {
  await db.transaction(async (tx) => {
    await tx.insert(repositorySettings).values({ communityId, reviewAfterDays: days }).onConflictDoUpdate({ target: repositorySettings.communityId, set: { reviewAfterDays: days } });
    await audit(tx, viewer.id, 'repository.settings', `community:${communityId}`, { reviewAfterDays: days });
  });
}

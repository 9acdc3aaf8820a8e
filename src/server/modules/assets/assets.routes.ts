import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import type { Viewer } from '../../../shared/contracts/auth.ts';
import {
  assetFields,
  assetListQuery,
  assetParams,
  assetVersionParams,
  collectionItemsInput,
  collectionParams,
  communityAssetsParams,
  createAssetInput,
  createCollectionInput,
  repositorySettingsInput,
  updateCollectionInput,
  reuseInput,
  reviewInput,
  type EventAssets,
  type TopicAssets,
  updateAssetInput,
} from '../../../shared/contracts/assets.ts';
import { idParam, pageQuery } from '../../../shared/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { AppError, badRequest, forbidden, invalidField, notFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { filesRoot, localStorage } from '../../lib/storage.ts';
import { requireViewer } from '../../plugins/auth.ts';
import { communityPolicy } from '../communities/communities.policy.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { topicCommunitiesWithAccess } from '../conversations/conversations.queries.ts';
import { loadReadableTopic } from '../conversations/conversations.service.ts';
import { loadEvent } from '../events/events.routes.ts';
import { presentAsset, presentAssetDetail, presentCollection, presentCollectionDetail, presentReuse, presentVersion } from './assets.presenter.ts';
import {
  collectionAssets,
  findAsset,
  findAssetLinks,
  findCollection,
  findVersion,
  listAssets,
  listCollections,
  listEventAssets,
  listReuses,
  listReviewQueue,
  listTopicAssets,
  listVersions,
  reviewAfterDays,
  today,
} from './assets.queries.ts';
import {
  type CheckedUpload,
  checkUploadFile,
  createAsset,
  createCollection,
  deleteCollection,
  recordReuse,
  replaceFile,
  restoreVersion,
  reviewAsset,
  setCollectionItems,
  setReviewAfterDays,
  updateAsset,
  updateCollection,
} from './assets.service.ts';

const tags = ['assets'];

/** An asset of a community the viewer may read: 404 when it does not exist or its community is hidden, 403 when not readable. */
async function loadAsset(db: Db, id: number, viewer: Viewer | null) {
  const asset = await findAsset(db, id);
  if (!asset) throw notFound('asset');
  const { community, access } = await loadVisibleCommunity(db, asset.communitySlug, viewer);
  if (!communityPolicy.canRead(viewer, access)) throw forbidden('Join this community to see its repository.');
  return { asset, community, access, canEdit: communityPolicy.canEditAsset(viewer, access, asset) };
}

async function loadCurrent(db: Db, asset: { id: number; currentVersion: number }) {
  const v = await findVersion(db, asset.id, asset.currentVersion);
  if (!v) throw new Error(`asset ${asset.id} has no version ${asset.currentVersion}`);
  return v;
}

/** Comma-separated multipart field values become arrays before validation. */
const list = (s: string | undefined) =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

export const assetRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxBytes = app.env.ASSET_MAX_BYTES;
  const storage = localStorage(filesRoot(app.env.dataDir));
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 8 * 1024 } });

  const tmpDir = path.join(app.env.dataDir, 'tmp');
  const tooLarge = () => {
    const mb = (maxBytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
    return new AppError(413, 'file_too_large', 'The file is too large', `Use a file of at most ${mb} MB.`, [{ path: 'file', message: `Use a file of at most ${mb} MB.` }]);
  };

  /**
   * Reads a multipart upload: at most one file (field "file"), streamed to a temporary file under
   * DATA_DIR/tmp, and short text fields; then checks the file's content. The caller calls `discard`
   * when done (the temporary file is removed at once on any refusal).
   */
  async function readUpload(req: FastifyRequest): Promise<{ fields: Record<string, string>; upload: CheckedUpload; discard: () => Promise<void> }> {
    if (!req.isMultipart()) throw invalidField('file', 'Send the file as multipart/form-data in a field named “file”.');
    const fields: Record<string, string> = {};
    const received: { path: string; name: string }[] = [];
    const discard = async () => {
      await Promise.all(received.map((f) => rm(f.path, { force: true })));
    };
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') throw invalidField(part.fieldname, 'Send the file in a field named “file”.');
          await mkdir(tmpDir, { recursive: true });
          const file = { path: path.join(tmpDir, `upload-${randomBytes(16).toString('hex')}`), name: part.filename };
          received.push(file);
          await pipeline(part.file, createWriteStream(file.path, { flags: 'wx' }));
          if (part.file.truncated) throw tooLarge();
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
    } catch (e) {
      await discard();
      if (e instanceof AppError) throw e;
      const code = (e as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE' || (e as { statusCode?: number }).statusCode === 413) throw tooLarge();
      throw invalidField('file', 'The upload could not be read. Choose the file again.');
    }
    const [file] = received;
    if (!file) throw invalidField('file', 'Choose a file to upload.');
    try {
      return { fields, upload: await checkUploadFile(file.path, file.name), discard };
    } catch (e) {
      await discard();
      throw e;
    }
  }

  app.get(
    '/api/communities/:slug/assets',
    { schema: { tags, summary: 'The community’s repository, newest first', params: communityAssetsParams, querystring: assetListQuery } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden('Join this community to see its repository.');
      const now = new Date();
      const after = decodeCursor(req.query.cursor, ['number']) as [number] | null;
      const rows = await listAssets(app.db, community.id, {
        status: req.query.status,
        reviewBefore: req.query.needsReview ? today(now) : undefined,
        after: after?.[0] ?? null,
        limit: req.query.limit,
      });
      const page = toPage(rows, req.query.limit, (r) => [r.id]);
      return { items: page.items.map((r) => presentAsset(r, now)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/communities/:slug/assets',
    { schema: { tags, summary: 'Add an article (Markdown) or a link to the repository (members)', params: communityAssetsParams, body: createAssetInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canAddAsset(viewer, access)) throw forbidden('Only members can add to the repository.');
      const id = await createAsset(app.db, storage, viewer, community.id, req.body);
      return reply.code(201).send(await detail(id, viewer));
    },
  );

  app.post(
    '/api/communities/:slug/assets/files',
    {
      schema: {
        tags,
        summary: 'Upload a file to the repository (members; multipart: "file" plus title, summary, tags, activityType, topicIds, eventIds)',
        params: communityAssetsParams,
        consumes: ['multipart/form-data'],
      },
      bodyLimit: maxBytes + 64 * 1024,
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canAddAsset(viewer, access)) throw forbidden('Only members can add to the repository.');
      const { fields, upload, discard } = await readUpload(req);
      let id: number;
      // The temporary file is gone before the answer is sent.
      try {
        const parsed = assetFields.safeParse({
          title: fields.title,
          summary: fields.summary,
          tags: list(fields.tags),
          activityType: fields.activityType || null,
          topicIds: list(fields.topicIds),
          eventIds: list(fields.eventIds),
        });
        if (!parsed.success) {
          const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message }));
          throw badRequest(`Check these fields: ${errors.map((e) => e.path).join(', ')}.`, errors);
        }
        id = await createAsset(app.db, storage, viewer, community.id, { ...parsed.data, kind: 'file', upload });
      } finally {
        await discard();
      }
      return reply.code(201).send(await detail(id, viewer));
    },
  );

  async function detail(id: number, viewer: Viewer | null) {
    const { asset, access, canEdit } = await loadAsset(app.db, id, viewer);
    const [v, links] = await Promise.all([loadCurrent(app.db, asset), findAssetLinks(app.db, asset.id)]);
    return presentAssetDetail(asset, v, links, { canEdit, canReview: canEdit, canReuse: communityPolicy.canReuseAsset(viewer, access) }, new Date());
  }

  app.get('/api/assets/:id', { schema: { tags, summary: 'An asset with its current version', params: assetParams } }, async (req) => detail(req.params.id, req.viewer));

  app.patch(
    '/api/assets/:id',
    { schema: { tags, summary: 'Edit an asset (steward, cybrarian, coordinators); content changes make a new version', params: assetParams, body: updateAssetInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { asset, canEdit } = await loadAsset(app.db, req.params.id, viewer);
      if (!canEdit) throw forbidden('Only the steward, the cybrarian and coordinators can edit this asset.');
      await updateAsset(app.db, viewer, asset, await loadCurrent(app.db, asset), req.body);
      return detail(asset.id, viewer);
    },
  );

  app.post(
    '/api/assets/:id/file',
    { schema: { tags, summary: 'Upload a new file for a file asset: a new version (multipart field "file")', params: assetParams, consumes: ['multipart/form-data'] }, bodyLimit: maxBytes + 64 * 1024 },
    async (req) => {
      const viewer = requireViewer(req);
      const { asset, canEdit } = await loadAsset(app.db, req.params.id, viewer);
      if (!canEdit) throw forbidden('Only the steward, the cybrarian and coordinators can replace this file.');
      if (asset.kind !== 'file') throw invalidField('file', 'Only file assets take a new file; edit articles and links instead.');
      const { upload, discard } = await readUpload(req);
      try {
        await replaceFile(app.db, storage, viewer, asset, await loadCurrent(app.db, asset), upload);
      } finally {
        await discard();
      }
      return detail(asset.id, viewer);
    },
  );

  app.get(
    '/api/assets/:id/versions',
    { schema: { tags, summary: 'An asset’s history, newest first: who changed it and when', params: assetParams, querystring: pageQuery } },
    async (req) => {
      const { asset } = await loadAsset(app.db, req.params.id, req.viewer);
      const before = decodeCursor(req.query.cursor, ['number']) as [number] | null;
      const rows = await listVersions(app.db, asset.id, before?.[0] ?? null, req.query.limit);
      const page = toPage(rows, req.query.limit, (r) => [r.number]);
      return { items: page.items.map(presentVersion), nextCursor: page.nextCursor };
    },
  );

  app.get('/api/assets/:id/versions/:number', { schema: { tags, summary: 'One version of an asset', params: assetVersionParams } }, async (req) => {
    const { asset } = await loadAsset(app.db, req.params.id, req.viewer);
    const v = await findVersion(app.db, asset.id, req.params.number);
    if (!v) throw notFound('version');
    return presentVersion(v);
  });

  app.get(
    '/api/assets/:id/versions/:number/file',
    { schema: { tags, summary: 'Download the file of a version (images and PDFs open inline)', params: assetVersionParams } },
    async (req, reply) => {
      const { asset } = await loadAsset(app.db, req.params.id, req.viewer);
      const v = await findVersion(app.db, asset.id, req.params.number);
      if (!v?.fileKey || !v.fileMime || !v.fileName) throw notFound('file');
      const stored = await storage.get(v.fileKey);
      if (!stored) throw notFound('file');
      const inline = v.fileMime === 'application/pdf' || v.fileMime.startsWith('image/');
      const ascii = v.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', v.fileMime.startsWith('text/') ? 'text/plain; charset=utf-8' : v.fileMime)
        .header('content-length', stored.size)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(v.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(stored.stream);
    },
  );

  app.post(
    '/api/assets/:id/versions/:number/restore',
    { schema: { tags, summary: 'Make an old version current again (as a new version)', params: assetVersionParams } },
    async (req) => {
      const viewer = requireViewer(req);
      const { asset, canEdit } = await loadAsset(app.db, req.params.id, viewer);
      if (!canEdit) throw forbidden('Only the steward, the cybrarian and coordinators can restore a version.');
      const old = await findVersion(app.db, asset.id, req.params.number);
      if (!old) throw notFound('version');
      await restoreVersion(app.db, viewer, asset, old);
      return detail(asset.id, viewer);
    },
  );

  app.get(
    '/api/assets/:id/reuses',
    { schema: { tags, summary: 'Who reused an asset and how, newest first', params: assetParams, querystring: pageQuery } },
    async (req) => {
      const { asset } = await loadAsset(app.db, req.params.id, req.viewer);
      const before = decodeCursor(req.query.cursor, ['number']) as [number] | null;
      const rows = await listReuses(app.db, asset.id, before?.[0] ?? null, req.query.limit);
      const page = toPage(rows, req.query.limit, (r) => [r.id]);
      return { items: page.items.map(presentReuse), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/assets/:id/reuses',
    { schema: { tags, summary: '“I reused this”, with an optional note on how (anyone signed in who may read it)', params: assetParams, body: reuseInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { asset, access } = await loadAsset(app.db, req.params.id, viewer);
      if (!communityPolicy.canReuseAsset(viewer, access)) throw forbidden();
      const id = await recordReuse(app.db, viewer, asset.id, req.body.note);
      const [row] = await listReuses(app.db, asset.id, id + 1, 1);
      return reply.code(201).send(presentReuse(row));
    },
  );

  app.post(
    '/api/assets/:id/review',
    { schema: { tags, summary: 'Review an asset: confirm it, retire it or put it back in use (steward, cybrarian, coordinators)', params: assetParams, body: reviewInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { asset, canEdit } = await loadAsset(app.db, req.params.id, viewer);
      if (!canEdit) throw forbidden('Only the steward, the cybrarian and coordinators can review this asset.');
      await reviewAsset(app.db, viewer, asset, req.body);
      return detail(asset.id, viewer);
    },
  );

  app.get(
    '/api/topics/:id/assets',
    { schema: { tags, summary: 'Assets that came from a topic (in communities you read), and where you may save it to the repository', params: idParam } },
    async (req): Promise<TopicAssets> => {
      const { topic } = await loadReadableTopic(app.db, req.params.id, req.viewer);
      const now = new Date();
      const [rows, places] = await Promise.all([listTopicAssets(app.db, topic.id, req.viewer, 20), topicCommunitiesWithAccess(app.db, topic.id, req.viewer)]);
      const canAddTo = topic.deletedAt
        ? []
        : places
            .filter((p) => communityPolicy.canAddAsset(req.viewer, { visibility: p.visibility, membership: p.membership, roles: p.roles, status: p.status }))
            .map((p) => ({ slug: p.slug, name: p.name }));
      return { items: rows.map((r) => presentAsset(r, now)), viewer: { canAddTo } };
    },
  );

  app.get(
    '/api/events/:id/assets',
    { schema: { tags, summary: 'Assets that came from an event (in communities you read), and whether you may save it to its community’s repository', params: idParam } },
    async (req): Promise<EventAssets> => {
      // The event routes' own loader: an event the viewer may not read answers as they do (404 hidden, 403 closed).
      const { ev, community, access } = await loadEvent(app.db, req.params.id, req.viewer);
      const rows = await listEventAssets(app.db, ev.id, req.viewer, 20);
      const canAddTo = communityPolicy.canAddAsset(req.viewer, access) ? [{ slug: community.slug, name: community.name }] : [];
      return { items: rows.map((r) => presentAsset(r, new Date())), viewer: { canAddTo } };
    },
  );

  app.get(
    '/api/me/reviews',
    { schema: { tags, summary: 'Assets you steward that are past their review date, oldest first', querystring: pageQuery } },
    async (req) => {
      const viewer = requireViewer(req);
      const now = new Date();
      const after = decodeCursor(req.query.cursor, ['string', 'number']) as [string, number] | null;
      const rows = await listReviewQueue(app.db, viewer.id, today(now), after, req.query.limit);
      const page = toPage(rows, req.query.limit, (r) => [r.reviewBy, r.id]);
      return { items: page.items.map((r) => presentAsset(r, now)), nextCursor: page.nextCursor };
    },
  );
  /** A collection of a community the viewer may read. */
  async function loadCollection(id: number, viewer: Viewer | null) {
    const c = await findCollection(app.db, id);
    if (!c) throw notFound('collection');
    const { access } = await loadVisibleCommunity(app.db, c.communitySlug, viewer);
    if (!communityPolicy.canRead(viewer, access)) throw forbidden('Join this community to see its repository.');
    return { collection: c, canCurate: communityPolicy.canCurate(viewer, access) };
  }
  const curatorsOnly = 'Only the cybrarian and coordinators curate collections.';

  app.get(
    '/api/communities/:slug/collections',
    { schema: { tags, summary: 'The community’s curated collections, newest first', params: communityAssetsParams, querystring: pageQuery } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden('Join this community to see its repository.');
      const before = decodeCursor(req.query.cursor, ['number']) as [number] | null;
      const rows = await listCollections(app.db, community.id, before?.[0] ?? null, req.query.limit);
      const page = toPage(rows, req.query.limit, (r) => [r.id]);
      return { items: page.items.map(presentCollection), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/communities/:slug/collections',
    { schema: { tags, summary: 'Start a collection (cybrarian, coordinators)', params: communityAssetsParams, body: createCollectionInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canCurate(viewer, access)) throw forbidden(curatorsOnly);
      const id = await createCollection(app.db, viewer, community.id, req.body);
      const { collection } = await loadCollection(id, viewer);
      return reply.code(201).send(presentCollectionDetail(collection, [], { canCurate: true }, new Date()));
    },
  );

  app.get('/api/collections/:id', { schema: { tags, summary: 'A collection with its assets in order', params: collectionParams } }, async (req) => {
    const { collection, canCurate } = await loadCollection(req.params.id, req.viewer);
    return presentCollectionDetail(collection, await collectionAssets(app.db, collection.id), { canCurate }, new Date());
  });

  app.patch(
    '/api/collections/:id',
    { schema: { tags, summary: 'Rename or redescribe a collection (cybrarian, coordinators)', params: collectionParams, body: updateCollectionInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { collection, canCurate } = await loadCollection(req.params.id, viewer);
      if (!canCurate) throw forbidden(curatorsOnly);
      await updateCollection(app.db, collection.id, req.body);
      const fresh = await loadCollection(collection.id, viewer);
      return presentCollectionDetail(fresh.collection, await collectionAssets(app.db, collection.id), { canCurate }, new Date());
    },
  );

  app.put(
    '/api/collections/:id/items',
    { schema: { tags, summary: 'Set a collection’s assets in order (cybrarian, coordinators)', params: collectionParams, body: collectionItemsInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { collection, canCurate } = await loadCollection(req.params.id, viewer);
      if (!canCurate) throw forbidden(curatorsOnly);
      await setCollectionItems(app.db, collection, req.body.assetIds);
      return presentCollectionDetail(collection, await collectionAssets(app.db, collection.id), { canCurate }, new Date());
    },
  );

  app.delete('/api/collections/:id', { schema: { tags, summary: 'Remove a collection; its assets stay (cybrarian, coordinators)', params: collectionParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { collection, canCurate } = await loadCollection(req.params.id, viewer);
    if (!canCurate) throw forbidden(curatorsOnly);
    await deleteCollection(app.db, viewer, collection);
    return reply.code(204).send();
  });

  app.get(
    '/api/communities/:slug/repository-settings',
    { schema: { tags, summary: 'How long assets stay fresh before they need review', params: communityAssetsParams } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden('Join this community to see its repository.');
      return { reviewAfterDays: await reviewAfterDays(app.db, community.id), viewer: { canChange: communityPolicy.canCurate(req.viewer, access) } };
    },
  );

  app.put(
    '/api/communities/:slug/repository-settings',
    { schema: { tags, summary: 'Set how long assets stay fresh (cybrarian, coordinators)', params: communityAssetsParams, body: repositorySettingsInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canCurate(viewer, access)) throw forbidden('Only the cybrarian and coordinators set the review period.');
      await setReviewAfterDays(app.db, viewer, community.id, req.body.reviewAfterDays);
      return { reviewAfterDays: req.body.reviewAfterDays, viewer: { canChange: true } };
    },
  );
};

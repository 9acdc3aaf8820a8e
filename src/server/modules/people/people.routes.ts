import fs from 'node:fs/promises';
import path from 'node:path';
import multipart from '@fastify/multipart';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  directoryQuery,
  type MyCommunity,
  type MyProfile,
  myCommunitiesQuery,
  type PersonCard,
  type PublicProfile,
  setExpertiseInput,
  updateProfileInput,
  whoKnowsQuery,
} from '../../../shared/contracts/people.ts';
import { participationFormFor, participationThresholds } from '../../../shared/model/catalogue.ts';
import { communities, memberships, topicCommunities, topics } from '../../db/schema/index.ts';
import { AppError, forbidden, invalidField, notFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { requireViewer } from '../../plugins/auth.ts';
import { communityPolicy, readableCommunityIdsSql, visibleCommunitySql } from '../communities/communities.policy.ts';
import { findUserByUsername } from '../communities/communities.queries.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { expertiseOf, findExpertRows, findProfile, listDirectory, listMyCommunities, photoUrl } from './people.queries.ts';
import { PHOTO_NAME, photosDir, removePhoto, savePhoto, setExpertise, updateProfile } from './people.service.ts';

const tags = ['people'];

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxPhoto = app.env.PHOTO_MAX_BYTES;
  await app.register(multipart, { limits: { fileSize: maxPhoto, files: 1, fields: 5, parts: 6 } });

  async function myProfile(userId: number): Promise<MyProfile> {
    const p = await findProfile(app.db, userId);
    if (!p) throw notFound('person');
    const areas = (await expertiseOf(app.db, [userId])).get(userId) ?? [];
    return {
      username: p.username,
      displayName: p.display_name,
      title: p.title,
      location: p.location,
      timeZone: p.time_zone,
      bio: p.bio,
      photoUrl: photoUrl(p.photo),
      expertise: areas,
    };
  }

  app.get('/api/me/profile', { schema: { tags, summary: 'Your profile, as you edit it' } }, async (req) => myProfile(requireViewer(req).id));

  app.patch(
    '/api/me/profile',
    { schema: { tags, summary: 'Edit your name, title, location, time zone or bio', body: updateProfileInput } },
    async (req) => {
      const viewer = requireViewer(req);
      await updateProfile(app.db, viewer.id, req.body);
      return myProfile(viewer.id);
    },
  );

  app.put(
    '/api/me/expertise',
    { schema: { tags, summary: 'Replace your expertise areas (tags with a self-rated level)', body: setExpertiseInput } },
    async (req) => {
      const viewer = requireViewer(req);
      await setExpertise(app.db, viewer.id, req.body.areas);
      return myProfile(viewer.id);
    },
  );

  app.post(
    '/api/me/photo',
    {
      schema: { tags, summary: 'Upload or replace your photo (multipart field "photo": JPEG, PNG or WebP)', consumes: ['multipart/form-data'] },
      bodyLimit: maxPhoto + 64 * 1024,
    },
    async (req) => {
      const viewer = requireViewer(req);
      if (!req.isMultipart()) throw invalidField('photo', 'Send the photo as multipart/form-data in a field named “photo”.');
      let buffer: Buffer | null = null;
      try {
        const file = await req.file();
        if (file && file.fieldname === 'photo') buffer = await file.toBuffer();
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE' || (e as { statusCode?: number }).statusCode === 413) {
          const mb = (maxPhoto / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
          throw new AppError(413, 'photo_too_large', 'The photo is too large', `Use a photo of at most ${mb} MB.`, [
            { path: 'photo', message: `Use a photo of at most ${mb} MB.` },
          ]);
        }
        throw invalidField('photo', 'The upload could not be read. Choose the photo again.');
      }
      if (!buffer) throw invalidField('photo', 'Choose a photo to upload.');
      await savePhoto(app.db, app.env.dataDir, viewer.id, buffer);
      return myProfile(viewer.id);
    },
  );

  app.delete('/api/me/photo', { schema: { tags, summary: 'Remove your photo' } }, async (req, reply) => {
    const viewer = requireViewer(req);
    await removePhoto(app.db, app.env.dataDir, viewer.id);
    return reply.code(204).send();
  });

  app.get(
    '/api/photos/:file',
    { schema: { tags, summary: 'A profile photo (the URL changes on every upload)', params: z.object({ file: z.string().max(64) }) } },
    async (req, reply) => {
      if (!PHOTO_NAME.test(req.params.file)) throw notFound('photo');
      let data: Buffer;
      try {
        data = await fs.readFile(path.join(photosDir(app.env.dataDir), req.params.file));
      } catch {
        throw notFound('photo');
      }
      return reply
        .header('content-type', 'image/webp')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .send(data);
    },
  );

  app.get(
    '/api/me/communities',
    { schema: { tags, summary: 'Every community you belong to, with your roles and form of participation', querystring: myCommunitiesQuery } },
    async (req) => {
      const viewer = requireViewer(req);
      const after = decodeCursor(req.query.cursor, ['string', 'number']) as [string, number] | null;
      const t = participationThresholds;
      const rows = await listMyCommunities(app.db, viewer.id, { activeDays: t.activeWindowDays, occasionalDays: t.occasionalWindowDays }, after, req.query.limit);
      const page = toPage(rows, req.query.limit, (r) => [r.name, r.id]);
      const items: MyCommunity[] = page.items.map((r) => ({
        slug: r.slug,
        name: r.name,
        visibility: r.visibility,
        roles: r.roles,
        participation: participationFormFor({ roles: r.roles, postsInActiveWindow: r.recent, postsInOccasionalWindow: r.occasional }),
        postsRecently: r.recent,
        lastPostAt: r.last_post_at ? new Date(r.last_post_at).toISOString() : null,
        joinedAt: new Date(r.joined_at).toISOString(),
      }));
      return { items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/people',
    { schema: { tags, summary: 'The people directory: search by name or title, filter by community, expertise or role', querystring: directoryQuery } },
    async (req) => {
      const q = req.query;
      let communityId: number | undefined;
      if (q.community) {
        // A secret community the viewer may not know answers 404, exactly like a missing one.
        const { community, access } = await loadVisibleCommunity(app.db, q.community, req.viewer);
        if (!communityPolicy.canRead(req.viewer, access)) throw forbidden('Only members can see who belongs to this community.');
        communityId = community.id;
      }
      const after = decodeCursor(q.cursor, ['string', 'number']) as [string, number] | null;
      const rows = await listDirectory(app.db, req.viewer, { q: q.q || undefined, communityId, tag: q.tag, role: q.role, after, limit: q.limit });
      const page = toPage(rows, q.limit, (r) => [r.display_name, r.id]);
      const items: PersonCard[] = page.items.map((r) => ({
        username: r.username,
        displayName: r.display_name,
        title: r.title,
        location: r.location,
        photoUrl: photoUrl(r.photo),
        expertise: r.expertise,
      }));
      return { items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/who-knows',
    { schema: { tags, summary: 'Who knows about a subject: people ranked by declared expertise and visible evidence, with reasons', querystring: whoKnowsQuery } },
    async (req) => {
      const q = req.query;
      let communityIds: number[] | undefined;
      if (q.community) communityIds = [(await loadVisibleCommunity(app.db, q.community, req.viewer)).community.id];
      const rows = await findExpertRows(app.db, req.viewer, { text: q.q, tags: [] }, {
        limit: q.limit,
        communityIds,
        excludeUserIds: req.viewer ? [req.viewer.id] : [],
      });
      return {
        items: rows.map((r) => ({
          username: r.username,
          displayName: r.displayName,
          title: r.title,
          photoUrl: photoUrl(r.photo),
          score: r.score,
          reasons: r.reasons,
        })),
      };
    },
  );

  app.get(
    '/api/people/:username',
    { schema: { tags, summary: 'A person’s profile: expertise, communities and recent topics you may see', params: z.object({ username: z.string().min(1).max(30) }) } },
    async (req) => {
      const person = await findUserByUsername(app.db, req.params.username);
      if (!person) throw notFound('person');
      const profile = await findProfile(app.db, person.id);
      if (!profile) throw notFound('person');
      const memberOf = await app.db
        .select({
          slug: communities.slug,
          name: communities.name,
          roles: sql<string[]>`coalesce((select array_agg(r.role order by r.role) from member_roles r where r.community_id = ${communities.id} and r.user_id = ${person.id}), '{}')`,
        })
        .from(memberships)
        .innerJoin(communities, eq(communities.id, memberships.communityId))
        .where(and(eq(memberships.userId, person.id), eq(memberships.status, 'active'), visibleCommunitySql(req.viewer)))
        .orderBy(communities.name)
        .limit(100);
      const recent = await app.db
        .select({ id: topics.id, title: topics.title, activityType: topics.activityType, createdAt: topics.createdAt })
        .from(topics)
        .where(
          and(
            eq(topics.authorId, person.id),
            sql`${topics.deletedAt} is null`,
            sql`exists (select 1 from ${topicCommunities} tc where tc.topic_id = ${topics.id} and tc.community_id in (${readableCommunityIdsSql(req.viewer)}))`,
          ),
        )
        .orderBy(sql`${topics.createdAt} desc`)
        .limit(10);
      const result: PublicProfile = {
        username: profile.username,
        displayName: profile.display_name,
        title: profile.title,
        location: profile.location,
        timeZone: profile.time_zone,
        photoUrl: photoUrl(profile.photo),
        expertise: (await expertiseOf(app.db, [person.id])).get(person.id) ?? [],
        bio: profile.bio,
        memberSince: new Date(profile.created_at).toISOString(),
        communities: memberOf,
        recentTopics: recent.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })),
      };
      return result;
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import { pageQuery } from '../../../shared/contracts/common.ts';
import { createSubgroupInput, subgroupListParams, subgroupListQuery, subgroupParams, updateSubgroupInput } from '../../../shared/contracts/subgroups.ts';
import type { Db } from '../../db/client.ts';
import { forbidden, notFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { requireViewer } from '../../plugins/auth.ts';
import { communityPolicy } from '../communities/communities.policy.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { presentTopic } from '../conversations/conversations.presenter.ts';
import { presentSubgroup, presentSubgroupDetail } from './subgroups.presenter.ts';
import { findSubgroup, listSubgroupMembers, listSubgroups, listSubgroupTopics } from './subgroups.queries.ts';
import { createSubgroup, featureOfKind, joinSubgroup, leaveSubgroup, updateSubgroup } from './subgroups.service.ts';

const tags = ['subgroups'];

async function loadReadable(db: Db, slug: string, viewer: Viewer | null) {
  const ctx = await loadVisibleCommunity(db, slug, viewer);
  if (!communityPolicy.canRead(viewer, ctx.access)) throw forbidden('Join this community to see its practice groups and projects.');
  return ctx;
}

/** A subgroup of a community the viewer may read; 404 when it does not exist or its kind is switched off. */
async function loadSubgroup(db: Db, slug: string, id: number, viewer: Viewer | null) {
  const { community, access } = await loadVisibleCommunity(db, slug, viewer);
  const sg = await findSubgroup(db, community.id, id, viewer?.id ?? 0);
  if (!sg || !communityPolicy.featureOn(community, featureOfKind(sg.kind))) throw notFound('group');
  if (!communityPolicy.canRead(viewer, access)) throw forbidden('Join this community to see its practice groups and projects.');
  return { community, access, sg, canEdit: communityPolicy.canEditSubgroup(viewer, access, sg) };
}

export const subgroupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:slug/subgroups',
    { schema: { tags, summary: 'Practice groups and projects, by kind and name', params: subgroupListParams, querystring: subgroupListQuery } },
    async (req) => {
      const { community } = await loadReadable(app.db, req.params.slug, req.viewer);
      const q = req.query;
      if (q.kind && !communityPolicy.featureOn(community, featureOfKind(q.kind))) throw notFound(q.kind === 'project' ? 'projects' : 'practice groups');
      const kinds = (q.kind ? [q.kind] : (['practice_group', 'project'] as const)).filter((k) => communityPolicy.featureOn(community, featureOfKind(k)));
      const after = decodeCursor(q.cursor, ['string', 'string', 'number']) as [string, string, number] | null;
      const rows = kinds.length ? await listSubgroups(app.db, community.id, req.viewer?.id ?? 0, { kinds: [...kinds], after, limit: q.limit }) : [];
      const page = toPage(rows, q.limit, (r) => [r.kind, r.name, r.id]);
      return { items: page.items.map(presentSubgroup), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/communities/:slug/subgroups',
    { schema: { tags, summary: 'Start a practice group or project (coordinators)', params: subgroupListParams, body: createSubgroupInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.featureOn(community, featureOfKind(req.body.kind))) throw notFound(req.body.kind === 'project' ? 'projects' : 'practice groups');
      if (!communityPolicy.canModerate(viewer, access)) throw forbidden('Only coordinators can start practice groups and projects.');
      const id = await createSubgroup(app.db, viewer, community.id, req.body);
      const sg = (await findSubgroup(app.db, community.id, id, viewer.id))!;
      return reply.code(201).send(presentSubgroupDetail(sg, { canEdit: true, canJoin: false, canLeave: false, canPost: true }));
    },
  );

  app.get(
    '/api/communities/:slug/subgroups/:id',
    { schema: { tags, summary: 'A practice group or project', params: subgroupParams } },
    async (req) => {
      const { access, sg, canEdit } = await loadSubgroup(app.db, req.params.slug, req.params.id, req.viewer);
      const member = communityPolicy.canPost(req.viewer, access);
      return presentSubgroupDetail(sg, {
        canEdit,
        canJoin: member && !sg.isMember && !sg.closedAt,
        canLeave: sg.isMember && sg.leaderId !== req.viewer?.id,
        canPost: member && sg.isMember && !sg.closedAt,
      });
    },
  );

  app.patch(
    '/api/communities/:slug/subgroups/:id',
    { schema: { tags, summary: 'Edit a practice group or project (coordinators and its leader)', params: subgroupParams, body: updateSubgroupInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community, sg, canEdit } = await loadSubgroup(app.db, req.params.slug, req.params.id, viewer);
      if (!canEdit) throw forbidden('Only coordinators and the group’s leader can change it.');
      await updateSubgroup(app.db, viewer, sg, req.body);
      const fresh = (await findSubgroup(app.db, community.id, sg.id, viewer.id))!;
      return presentSubgroup(fresh);
    },
  );

  for (const action of ['join', 'leave'] as const) {
    app.post(
      `/api/communities/:slug/subgroups/:id/${action}`,
      { schema: { tags, summary: action === 'join' ? 'Join a practice group or project (community members)' : 'Leave a practice group or project', params: subgroupParams } },
      async (req, reply) => {
        const viewer = requireViewer(req);
        const { access, sg } = await loadSubgroup(app.db, req.params.slug, req.params.id, viewer);
        if (!communityPolicy.canPost(viewer, access)) throw forbidden('Join the community first; its groups are for its members.');
        if (action === 'join') await joinSubgroup(app.db, viewer.id, sg);
        else await leaveSubgroup(app.db, viewer.id, sg);
        return reply.code(204).send();
      },
    );
  }

  app.get(
    '/api/communities/:slug/subgroups/:id/members',
    { schema: { tags, summary: 'The people in a practice group or project', params: subgroupParams, querystring: pageQuery } },
    async (req) => {
      const { sg } = await loadSubgroup(app.db, req.params.slug, req.params.id, req.viewer);
      const after = decodeCursor(req.query.cursor, ['number']) as [number] | null;
      const rows = await listSubgroupMembers(app.db, sg.id, after?.[0] ?? null, req.query.limit);
      const page = toPage(rows, req.query.limit, (r) => [r.userId]);
      return {
        items: page.items.map((m) => ({ username: m.username, displayName: m.displayName, joinedAt: m.joinedAt.toISOString(), isLeader: m.userId === sg.leaderId })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/api/communities/:slug/subgroups/:id/topics',
    { schema: { tags, summary: 'A practice group’s or project’s topics, most recently active first', params: subgroupParams, querystring: pageQuery } },
    async (req) => {
      const { sg } = await loadSubgroup(app.db, req.params.slug, req.params.id, req.viewer);
      const after = decodeCursor(req.query.cursor, ['string', 'number']) as [string, number] | null;
      const rows = await listSubgroupTopics(app.db, sg.id, after, req.query.limit);
      const page = toPage(rows, req.query.limit, (r) => [r.cursorAt, r.id]);
      return { items: page.items.map(presentTopic), nextCursor: page.nextCursor };
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createCommunityInput,
  inviteInput,
  listCommunitiesQuery,
  memberParams,
  roleParams,
  updateCommunityInput,
} from '../../../shared/contracts/communities.ts';
import { pageQuery, slugParam } from '../../../shared/contracts/common.ts';
import { forbidden } from '../../errors.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { requireViewer } from '../../plugins/auth.ts';
import { communityPolicy } from './communities.policy.ts';
import { presentDetail, presentMember, presentSummary } from './communities.presenter.ts';
import { listCommunities, listInvitationsFor, listMembers } from './communities.queries.ts';
import {
  assignRole,
  createCommunity,
  decideRequest,
  invite,
  joinCommunity,
  leaveCommunity,
  loadVisibleCommunity,
  removeRole,
  updateCommunity,
} from './communities.service.ts';

const tags = ['communities'];

export const communityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/communities', { schema: { tags, summary: 'Browse communities', querystring: listCommunitiesQuery } }, async (req) => {
    const q = req.query;
    const after = decodeCursor(q.cursor, ['string', 'number']) as [string, number] | null;
    const rows = await listCommunities(app.db, req.viewer, { ...q, mine: q.mine === 'true', after, limit: q.limit });
    const page = toPage(rows, q.limit, (r) => [r.name, r.id]);
    return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
  });

  app.post('/api/communities', { schema: { tags, summary: 'Create a community', body: createCommunityInput } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const c = await createCommunity(app.db, viewer, req.body);
    const { community, access } = await loadVisibleCommunity(app.db, c.slug, viewer);
    return reply.code(201).send(presentDetail(community, viewer, access));
  });

  app.get('/api/communities/:slug', { schema: { tags, summary: 'A community and your relation to it', params: slugParam } }, async (req) => {
    const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
    return presentDetail(community, req.viewer, access);
  });

  app.patch(
    '/api/communities/:slug',
    { schema: { tags, summary: 'Edit the charter, visibility or stage', params: slugParam, body: updateCommunityInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canModerate(viewer, access)) throw forbidden('Only coordinators can edit the charter.');
      await updateCommunity(app.db, viewer, community.id, req.body);
      const fresh = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      return presentDetail(fresh.community, viewer, fresh.access);
    },
  );

  app.post('/api/communities/:slug/join', { schema: { tags, summary: 'Join, accept an invitation, or ask to join', params: slugParam } }, async (req) => {
    const viewer = requireViewer(req);
    const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
    if (communityPolicy.canJoin(viewer, access)) {
      await joinCommunity(app.db, viewer.id, community.id, 'active');
      return { membership: 'active' };
    }
    if (communityPolicy.canRequest(viewer, access)) {
      await joinCommunity(app.db, viewer.id, community.id, 'requested');
      return { membership: 'requested' };
    }
    if (access.membership === 'active') return { membership: 'active' };
    if (access.membership === 'requested') return { membership: 'requested' };
    throw forbidden('This community is invite only. Ask a coordinator to invite you.');
  });

  app.post('/api/communities/:slug/leave', { schema: { tags, summary: 'Leave, withdraw a request or decline an invitation', params: slugParam } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { community } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
    await leaveCommunity(app.db, viewer.id, community.id);
    return reply.code(204).send();
  });

  app.get(
    '/api/communities/:slug/members',
    { schema: { tags, summary: 'Members with their roles', params: slugParam, querystring: pageQuery } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden('Only members can see who belongs to this community.');
      const after = decodeCursor(req.query.cursor, ['string', 'number']) as [string, number] | null;
      const rows = await listMembers(app.db, community.id, 'active', after, req.query.limit);
      const page = toPage(rows, req.query.limit, (r) => [r.cursorAt, r.userId]);
      return { items: page.items.map(presentMember), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/communities/:slug/requests',
    { schema: { tags, summary: 'Requests to join and open invitations (coordinators)', params: slugParam, querystring: pageQuery.extend({ status: z.enum(['requested', 'invited']).default('requested') }) } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canModerate(viewer, access)) throw forbidden('Only coordinators can see requests to join.');
      const after = decodeCursor(req.query.cursor, ['string', 'number']) as [string, number] | null;
      const rows = await listMembers(app.db, community.id, req.query.status, after, req.query.limit);
      const page = toPage(rows, req.query.limit, (r) => [r.cursorAt, r.userId]);
      return { items: page.items.map(presentMember), nextCursor: page.nextCursor };
    },
  );

  for (const decision of ['approve', 'decline'] as const) {
    app.post(
      `/api/communities/:slug/requests/:username/${decision}`,
      { schema: { tags, summary: `${decision === 'approve' ? 'Approve' : 'Decline'} a request to join`, params: memberParams } },
      async (req, reply) => {
        const viewer = requireViewer(req);
        const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
        if (!communityPolicy.canModerate(viewer, access)) throw forbidden('Only coordinators can decide on requests.');
        await decideRequest(app.db, community.id, req.params.username, decision === 'approve');
        return reply.code(204).send();
      },
    );
  }

  app.post(
    '/api/communities/:slug/invitations',
    { schema: { tags, summary: 'Invite someone by email address or username', params: slugParam, body: inviteInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canModerate(viewer, access)) throw forbidden('Only coordinators can invite people.');
      const result = await invite(app.db, viewer, community.id, req.body.who, app.env.appUrl);
      if (result.invited === 'email') await app.jobs.nudge('email.send');
      return reply.code(201).send(result);
    },
  );

  app.get('/api/me/invitations', { schema: { tags, summary: 'Communities that have invited you' } }, async (req) => {
    const viewer = requireViewer(req);
    return { items: (await listInvitationsFor(app.db, viewer.id)).map(presentSummary), nextCursor: null };
  });

  app.put(
    '/api/communities/:slug/members/:username/roles/:role',
    { schema: { tags, summary: 'Give a member a role', params: roleParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canModerate(viewer, access)) throw forbidden('Only coordinators can assign roles.');
      await assignRole(app.db, viewer, community.id, req.params.username, req.params.role);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/communities/:slug/members/:username/roles/:role',
    { schema: { tags, summary: 'Remove a role from a member', params: roleParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canModerate(viewer, access)) throw forbidden('Only coordinators can remove roles.');
      await removeRole(app.db, viewer, community.id, req.params.username, req.params.role);
      return reply.code(204).send();
    },
  );

};

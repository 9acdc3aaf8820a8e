import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { leadershipParams, reflectionInput, reflectionParams } from '../../../shared/contracts/leadership.ts';
import { slugParam } from '../../../shared/contracts/common.ts';
import { roles } from '../../../shared/model/catalogue.ts';
import { forbidden } from '../../errors.ts';
import { requireViewer } from '../../plugins/auth.ts';
import { communityPolicy } from '../communities/communities.policy.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { presentCoverage, presentReflection } from './leadership.presenter.ts';
import { coverage, findReflection, listReflections } from './leadership.queries.ts';
import { assignFunction, saveReflection, unassignFunction } from './leadership.service.ts';

const tags = ['leadership'];

export const leadershipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:slug/leadership',
    { schema: { tags, summary: 'The twelve leadership functions and who covers each', params: slugParam } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden('Join this community to see who leads it.');
      return presentCoverage(await coverage(app.db, community.id), communityPolicy.canModerate(req.viewer, access));
    },
  );

  app.put(
    '/api/communities/:slug/leadership/:function/people/:username',
    { schema: { tags, summary: 'Record that a member covers a leadership function (coordinators)', params: leadershipParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canModerate(viewer, access)) throw forbidden('Only coordinators can share out leadership functions.');
      await assignFunction(app.db, viewer, community.id, req.params.function, req.params.username);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/communities/:slug/leadership/:function/people/:username',
    { schema: { tags, summary: 'Remove an explicit leadership assignment (coordinators)', params: leadershipParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canModerate(viewer, access)) throw forbidden('Only coordinators can share out leadership functions.');
      await unassignFunction(app.db, viewer, community.id, req.params.function, req.params.username);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/communities/:slug/role-reflections',
    { schema: { tags, summary: 'The community’s reflection on each role, in catalogue order', params: slugParam } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden('Join this community to read its role reflections.');
      const rows = await listReflections(app.db, community.id);
      return {
        items: roles.map((r) =>
          presentReflection(r.key, rows.find((x) => x.role === r.key) ?? null, communityPolicy.canEditReflection(req.viewer, access, r.key)),
        ),
        nextCursor: null,
      };
    },
  );

  app.get(
    '/api/communities/:slug/role-reflections/:role',
    { schema: { tags, summary: 'The community’s reflection on one role', params: reflectionParams } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden('Join this community to read its role reflections.');
      const row = await findReflection(app.db, community.id, req.params.role);
      return presentReflection(req.params.role, row, communityPolicy.canEditReflection(req.viewer, access, req.params.role));
    },
  );

  app.put(
    '/api/communities/:slug/role-reflections/:role',
    { schema: { tags, summary: 'Write the reflection on a role (coordinators and the role’s holders)', params: reflectionParams, body: reflectionInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canEditReflection(viewer, access, req.params.role)) {
        throw forbidden('Only coordinators and the people who hold this role can write its reflection.');
      }
      await saveReflection(app.db, viewer, community.id, req.params.role, req.body);
      const row = await findReflection(app.db, community.id, req.params.role);
      return presentReflection(req.params.role, row, true);
    },
  );
};

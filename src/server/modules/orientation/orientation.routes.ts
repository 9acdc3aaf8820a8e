import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParam } from '../../../shared/contracts/common.ts';
import { featureInput, featureParams, ratingsInput } from '../../../shared/contracts/orientation.ts';
import { forbidden } from '../../errors.ts';
import { requireViewer } from '../../plugins/auth.ts';
import { communityPolicy } from '../communities/communities.policy.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { presentOrientation } from './orientation.presenter.ts';
import { listRatings } from './orientation.queries.ts';
import { saveRatings, setFeature } from './orientation.service.ts';

const tags = ['orientation'];
const stewardsOnly = 'Only the technology steward and coordinators can change the community’s profile and tools.';

export const orientationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:slug/orientation',
    { schema: { tags, summary: 'The orientation profile, the features and which ones the profile recommends', params: slugParam } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden('Join this community to see its profile.');
      return presentOrientation(await listRatings(app.db, community.id), community.featuresOff, communityPolicy.canSteward(req.viewer, access));
    },
  );

  app.put(
    '/api/communities/:slug/orientation',
    { schema: { tags, summary: 'Rate orientations 0–5 (technology steward, coordinators)', params: slugParam, body: ratingsInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canSteward(viewer, access)) throw forbidden(stewardsOnly);
      await saveRatings(app.db, viewer, community.id, req.body.ratings);
      return presentOrientation(await listRatings(app.db, community.id), community.featuresOff, true);
    },
  );

  app.put(
    '/api/communities/:slug/features/:feature',
    { schema: { tags, summary: 'Switch a feature on or off (technology steward, coordinators)', params: featureParams, body: featureInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canSteward(viewer, access)) throw forbidden(stewardsOnly);
      const featuresOff = await setFeature(app.db, viewer, community.id, req.params.feature, req.body.on);
      return { featuresOff };
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as model from '../../../shared/model/catalogue.ts';

export const modelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/model', { schema: { tags: ['model'], summary: 'The community-of-practice catalogue (MODEL.md as data)' } }, async () => ({
    structureKinds: model.structureKinds,
    domainTypes: model.domainTypes,
    stages: model.stages,
    visibilities: model.visibilities,
    cultivationNeeds: model.cultivationNeeds,
    launchSteps: model.launchSteps,
    roles: model.roles,
    leadershipFunctions: model.leadershipFunctions,
    roleReflectionParts: model.roleReflectionParts,
    participationForms: model.participationForms,
    learningActivities: model.learningActivities,
    orientations: model.orientations,
    valueCycles: model.valueCycles,
  }));
};

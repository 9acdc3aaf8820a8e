import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery, slugParam } from '../../../shared/contracts/common.ts';
import {
  createTaskInput,
  launchInput,
  launchStepInputs,
  launchStepParams,
  taskParams,
  updateTaskInput,
} from '../../../shared/contracts/cultivation.ts';
import { suggestionSentence } from '../../../shared/model/stage-signals.ts';
import { badRequest, forbidden } from '../../errors.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { requireViewer } from '../../plugins/auth.ts';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { canListProposals, communityPolicy } from '../communities/communities.policy.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { presentLaunchRecord, presentPlan, presentProposal, presentStageChange, presentTask } from './cultivation.presenter.ts';
import { findLaunchRecord, findPeopleByIds, listPlanTasks, listProposals, listStageChanges } from './cultivation.queries.ts';
import { computeStageSignals, createTask, deleteTask, launchCommunity, saveLaunchStep, updateTask } from './cultivation.service.ts';

const tags = ['cultivation'];

/** The community, if the viewer may read its cultivation (plan, launch record, signals); 401/403/404 otherwise. */
async function loadForReading(db: Db, slug: string, viewer: Viewer) {
  const loaded = await loadVisibleCommunity(db, slug, viewer);
  if (!communityPolicy.canReadCultivation(viewer, loaded.access)) {
    throw forbidden('The cultivation plan is for members, sponsors and the support team.');
  }
  return loaded;
}

async function loadForEditing(db: Db, slug: string, viewer: Viewer, what: string) {
  const loaded = await loadVisibleCommunity(db, slug, viewer);
  if (!communityPolicy.canEditCultivation(viewer, loaded.access)) throw forbidden(`Only coordinators can ${what}.`);
  return loaded;
}

export const cultivationRoutes: FastifyPluginAsyncZod = async (app) => {
  // ── Lifecycle (MODEL §4) ─────────────────────────────────────────────────────────────────
  app.get(
    '/api/communities/:slug/stage-history',
    { schema: { tags, summary: 'Who moved the community between stages, when and why (newest first)', params: slugParam, querystring: pageQuery } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden('Only members can see the stage history of this community.');
      const after = decodeCursor(req.query.cursor, ['string', 'number']) as [string, number] | null;
      const rows = await listStageChanges(app.db, community.id, after, req.query.limit);
      const page = toPage(rows, req.query.limit, (r) => [r.cursorAt, r.id]);
      return { items: page.items.map(presentStageChange), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/communities/:slug/stage-signals',
    { schema: { tags, summary: 'Simple metrics and the stage they suggest (a coordinator confirms)', params: slugParam } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community } = await loadForReading(app.db, req.params.slug, viewer);
      const { metrics, suggestion } = await computeStageSignals(app.db, community.id, community.stage);
      return { metrics, suggestion: suggestion && { ...suggestion, sentence: suggestionSentence(suggestion) } };
    },
  );

  // ── Cultivation plan (MODEL §5) ──────────────────────────────────────────────────────────
  app.get('/api/communities/:slug/plan', { schema: { tags, summary: 'The cultivation plan: needs, tasks and progress', params: slugParam } }, async (req) => {
    const viewer = requireViewer(req);
    const { community, access } = await loadForReading(app.db, req.params.slug, viewer);
    const rows = await listPlanTasks(app.db, community.id);
    return presentPlan(community.stage, rows, communityPolicy.canEditCultivation(viewer, access));
  });

  app.post(
    '/api/communities/:slug/plan/tasks',
    { schema: { tags, summary: 'Add a task of your own to the plan (coordinators)', params: slugParam, body: createTaskInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community } = await loadForEditing(app.db, req.params.slug, viewer, 'add tasks to the plan');
      const { id } = await createTask(app.db, community.id, req.body);
      const [row] = await listPlanTasks(app.db, community.id, id);
      return reply.code(201).send(presentTask(row));
    },
  );

  app.patch(
    '/api/communities/:slug/plan/tasks/:id',
    { schema: { tags, summary: 'Change a task: owner, due date, status, notes (coordinators)', params: taskParams, body: updateTaskInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community } = await loadForEditing(app.db, req.params.slug, viewer, 'edit the plan');
      await updateTask(app.db, community.id, req.params.id, req.body);
      const [row] = await listPlanTasks(app.db, community.id, req.params.id);
      return presentTask(row);
    },
  );

  app.delete(
    '/api/communities/:slug/plan/tasks/:id',
    { schema: { tags, summary: 'Delete a task of your own (coordinators); default tasks are marked not needed instead', params: taskParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community } = await loadForEditing(app.db, req.params.slug, viewer, 'edit the plan');
      await deleteTask(app.db, community.id, req.params.id);
      return reply.code(204).send();
    },
  );

  // ── Launch process (MODEL §6) ────────────────────────────────────────────────────────────
  app.get('/api/communities/:slug/launch', { schema: { tags, summary: 'The launch record: advisor, the four steps, progress', params: slugParam } }, async (req) => {
    const viewer = requireViewer(req);
    const { community, access } = await loadForReading(app.db, req.params.slug, viewer);
    const record = await findLaunchRecord(app.db, community.id);
    const teamIds = ((record?.planning as { designTeam?: number[] } | null)?.designTeam ?? []).filter((n) => typeof n === 'number');
    const people = await findPeopleByIds(app.db, teamIds);
    const team = teamIds.flatMap((id) => people.filter((p) => p.id === id).map((p) => ({ username: p.username, displayName: p.displayName })));
    return presentLaunchRecord(community, record, team, { edit: communityPolicy.canEditCultivation(viewer, access) });
  });

  app.put(
    '/api/communities/:slug/launch/:step',
    {
      schema: {
        tags,
        summary: 'Save (part of) one step of the launch process (coordinators); fields per step as in launchStepFields',
        params: launchStepParams,
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community } = await loadForEditing(app.db, req.params.slug, viewer, 'fill in the launch process');
      // The body's shape depends on the step, so it is checked here against that step's contract.
      const parsed = launchStepInputs[req.params.step].safeParse(req.body ?? {});
      if (!parsed.success) {
        throw badRequest(
          'Some fields need attention.',
          parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message })),
        );
      }
      await saveLaunchStep(app.db, community.id, req.params.step, parsed.data);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/communities/:slug/launch',
    { schema: { tags, summary: 'Launch a proposal: it becomes an active community (coordinators)', params: slugParam, body: launchInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community } = await loadForEditing(app.db, req.params.slug, viewer, 'launch the community');
      await launchCommunity(app.db, viewer, community.id, req.body);
      return { status: 'active', stage: req.body.stage };
    },
  );

  app.get('/api/proposals', { schema: { tags, summary: 'Every proposal in the launch process (support team and site admins)', querystring: pageQuery } }, async (req) => {
    const viewer = requireViewer(req);
    if (!canListProposals(viewer)) throw forbidden('Proposals are listed for the support team and site admins.');
    const after = decodeCursor(req.query.cursor, ['string', 'number']) as [string, number] | null;
    const rows = await listProposals(app.db, after, req.query.limit);
    const page = toPage(rows, req.query.limit, (r) => [r.cursorAt, r.id]);
    return { items: page.items.map(presentProposal), nextCursor: page.nextCursor };
  });
};

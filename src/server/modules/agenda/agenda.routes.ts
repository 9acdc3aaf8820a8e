import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agendaItemParams,
  agendaListQuery,
  agendaParams,
  agendaTopicParams,
  createAgendaItemInput,
  updateAgendaItemInput,
} from '../../../shared/contracts/agenda.ts';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import { idParam } from '../../../shared/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { forbidden, notFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { requireViewer } from '../../plugins/auth.ts';
import { communityPolicy } from '../communities/communities.policy.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { loadReadableTopic } from '../conversations/conversations.service.ts';
import { presentItem } from './agenda.presenter.ts';
import { findItem, itemsOfTopic, listItems, topicsOfItems } from './agenda.queries.ts';
import { createItem, deleteItem, linkTopic, unlinkTopic, updateItem } from './agenda.service.ts';

const tags = ['agenda'];

/** The community, if the viewer may read it and its learning agenda is on; 404 when the feature is off. */
async function loadAgenda(db: Db, slug: string, viewer: Viewer | null) {
  const { community, access } = await loadVisibleCommunity(db, slug, viewer);
  if (!communityPolicy.featureOn(community, 'learning_agenda')) throw notFound('learning agenda');
  if (!communityPolicy.canRead(viewer, access)) throw forbidden('Join this community to see its learning agenda.');
  return { community, access };
}

async function loadItem(db: Db, slug: string, id: number, viewer: Viewer | null) {
  const ctx = await loadAgenda(db, slug, viewer);
  const item = await findItem(db, ctx.community.id, id);
  if (!item) throw notFound('agenda item');
  return { ...ctx, item, canEdit: communityPolicy.canEditAgendaItem(viewer, ctx.access, item) };
}

export const agendaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:slug/agenda',
    { schema: { tags, summary: 'The learning agenda, newest first, optionally by status', params: agendaParams, querystring: agendaListQuery } },
    async (req) => {
      const { community, access } = await loadAgenda(app.db, req.params.slug, req.viewer);
      const after = decodeCursor(req.query.cursor, ['string', 'number']) as [string, number] | null;
      const rows = await listItems(app.db, community.id, { status: req.query.status, after, limit: req.query.limit });
      const page = toPage(rows, req.query.limit, (r) => [r.cursorAt, r.id]);
      const topics = await topicsOfItems(app.db, page.items.map((i) => i.id));
      return {
        items: page.items.map((i) => presentItem(i, topics, communityPolicy.canEditAgendaItem(req.viewer, access, i))),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    '/api/communities/:slug/agenda',
    { schema: { tags, summary: 'Propose a question for the learning agenda (members)', params: agendaParams, body: createAgendaItemInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadAgenda(app.db, req.params.slug, viewer);
      if (!communityPolicy.canPost(viewer, access)) throw forbidden('Join this community to add to its learning agenda.');
      const id = await createItem(app.db, viewer, community.id, req.body);
      const item = (await findItem(app.db, community.id, id))!;
      return reply.code(201).send(presentItem(item, [], communityPolicy.canEditAgendaItem(viewer, access, item)));
    },
  );

  app.get(
    '/api/communities/:slug/agenda/:id',
    { schema: { tags, summary: 'One agenda item with the topics that work on it', params: agendaItemParams } },
    async (req) => {
      const { item, canEdit } = await loadItem(app.db, req.params.slug, req.params.id, req.viewer);
      return presentItem(item, await topicsOfItems(app.db, [item.id]), canEdit);
    },
  );

  app.patch(
    '/api/communities/:slug/agenda/:id',
    { schema: { tags, summary: 'Change an item (coordinators, its owner and who proposed it)', params: agendaItemParams, body: updateAgendaItemInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community, item, canEdit } = await loadItem(app.db, req.params.slug, req.params.id, viewer);
      if (!canEdit) throw forbidden('Only coordinators, the item’s owner and the person who proposed it can change it.');
      await updateItem(app.db, community.id, item.id, req.body);
      const fresh = (await findItem(app.db, community.id, item.id))!;
      return presentItem(fresh, await topicsOfItems(app.db, [item.id]), true);
    },
  );

  app.delete(
    '/api/communities/:slug/agenda/:id',
    { schema: { tags, summary: 'Remove an item (coordinators, its owner and who proposed it)', params: agendaItemParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, item, canEdit } = await loadItem(app.db, req.params.slug, req.params.id, viewer);
      if (!canEdit) throw forbidden('Only coordinators, the item’s owner and the person who proposed it can remove it.');
      await deleteItem(app.db, community.id, item.id);
      return reply.code(204).send();
    },
  );

  app.put(
    '/api/communities/:slug/agenda/:id/topics/:topicId',
    { schema: { tags, summary: 'Link a topic of this community to the item (members)', params: agendaTopicParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access, item } = await loadItem(app.db, req.params.slug, req.params.id, viewer);
      if (!communityPolicy.canPost(viewer, access)) throw forbidden('Join this community to link topics to its agenda.');
      await linkTopic(app.db, community.id, item.id, req.params.topicId);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/communities/:slug/agenda/:id/topics/:topicId',
    { schema: { tags, summary: 'Unlink a topic from the item (coordinators, its owner and who proposed it)', params: agendaTopicParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { item, canEdit } = await loadItem(app.db, req.params.slug, req.params.id, viewer);
      if (!canEdit) throw forbidden('Only coordinators, the item’s owner and the person who proposed it can unlink topics.');
      await unlinkTopic(app.db, item.id, req.params.topicId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/topics/:id/agenda',
    { schema: { tags, summary: 'The learning agenda items a topic serves', params: idParam } },
    async (req) => {
      const ctx = await loadReadableTopic(app.db, req.params.id, req.viewer);
      const rows = await itemsOfTopic(app.db, ctx.topic.id, req.viewer);
      return {
        items: rows.map((r) => ({ id: r.id, question: r.question, status: r.status, community: { slug: r.slug, name: r.name } })),
        nextCursor: null,
      };
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, slugParam } from '../../../shared/contracts/common.ts';
import { inboxQuery, updateNotificationSettingsInput, watchInput } from '../../../shared/contracts/notifications.ts';
import { forbidden, notFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { requireViewer } from '../../plugins/auth.ts';
import { communityPolicy } from '../communities/communities.policy.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { loadReadableTopic } from '../conversations/conversations.service.ts';
import { presentInboxItem } from './notifications.presenter.ts';
import { findCommunityWatch, findTopicWatch, listInbox, markAllRead, markRead, unreadCount } from './notifications.queries.ts';
import { loadSettings, saveSettings, setCommunityWatch, setTopicWatch } from './settings.service.ts';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/notifications', { schema: { tags, summary: 'My inbox, newest first', querystring: inboxQuery } }, async (req) => {
    const viewer = requireViewer(req);
    const before = decodeCursor(req.query.cursor, ['number']) as [number] | null;
    const rows = await listInbox(app.db, viewer.id, { unread: req.query.unread === 'true', before: before?.[0] ?? null, limit: req.query.limit });
    const page = toPage(rows, req.query.limit, (r) => [r.id]);
    return { items: page.items.map(presentInboxItem), nextCursor: page.nextCursor, unread: await unreadCount(app.db, viewer.id) };
  });

  app.get('/api/notifications/unread-count', { schema: { tags, summary: 'How many notifications I have not read (up to 100)' } }, async (req) => {
    const viewer = requireViewer(req);
    return { unread: await unreadCount(app.db, viewer.id) };
  });

  app.post('/api/notifications/:id/read', { schema: { tags, summary: 'Mark one notification read', params: idParam } }, async (req) => {
    const viewer = requireViewer(req);
    if (!(await markRead(app.db, viewer.id, req.params.id))) throw notFound('notification');
    return { unread: await unreadCount(app.db, viewer.id) };
  });

  app.post('/api/notifications/read-all', { schema: { tags, summary: 'Mark every notification read' } }, async (req) => {
    const viewer = requireViewer(req);
    const marked = await markAllRead(app.db, viewer.id);
    return { marked, unread: 0 };
  });

  app.get('/api/me/notification-settings', { schema: { tags, summary: 'Where each kind of notification goes, and how often the digest comes' } }, async (req) => {
    const viewer = requireViewer(req);
    return loadSettings(app.db, viewer.id);
  });

  app.put(
    '/api/me/notification-settings',
    { schema: { tags, summary: 'Choose where each kind of notification goes and how often the digest comes', body: updateNotificationSettingsInput } },
    async (req) => {
      const viewer = requireViewer(req);
      return saveSettings(app.db, viewer.id, req.body);
    },
  );

  app.get('/api/communities/:slug/watch', { schema: { tags, summary: 'How closely I follow a community', params: slugParam } }, async (req) => {
    const viewer = requireViewer(req);
    const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
    if (!communityPolicy.canRead(viewer, access)) throw forbidden('Join this community to follow it.');
    return { level: await findCommunityWatch(app.db, viewer.id, community.id) };
  });

  app.put('/api/communities/:slug/watch', { schema: { tags, summary: 'Watch, follow normally or mute a community', params: slugParam, body: watchInput } }, async (req) => {
    const viewer = requireViewer(req);
    const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
    if (!communityPolicy.canRead(viewer, access)) throw forbidden('Join this community to follow it.');
    await setCommunityWatch(app.db, viewer.id, community.id, req.body.level);
    return { level: req.body.level };
  });

  app.get('/api/topics/:id/watch', { schema: { tags, summary: 'How closely I follow a topic', params: idParam } }, async (req) => {
    const viewer = requireViewer(req);
    const ctx = await loadReadableTopic(app.db, req.params.id, viewer);
    return { level: await findTopicWatch(app.db, viewer.id, ctx.topic.id) };
  });

  app.put('/api/topics/:id/watch', { schema: { tags, summary: 'Watch, follow normally or mute a topic', params: idParam, body: watchInput } }, async (req) => {
    const viewer = requireViewer(req);
    const ctx = await loadReadableTopic(app.db, req.params.id, viewer);
    await setTopicWatch(app.db, viewer.id, ctx.topic.id, req.body.level);
    return { level: req.body.level };
  });

  app.get(
    '/api/live',
    {
      schema: {
        tags,
        summary: 'Server-Sent Events: "notification" (my unread count) and "topic" (a change in a topic I am reading)',
        querystring: z.object({
          topics: z
            .string()
            .regex(/^\d{1,15}(,\d{1,15}){0,19}$/, 'Give up to 20 topic ids separated by commas.')
            .optional(),
        }),
      },
    },
    async (req, reply) => {
      const topicIds = new Set((req.query.topics ?? '').split(',').filter(Boolean).map(Number));
      // Only topics the viewer may read are followed; loading each checks it (404 otherwise).
      for (const id of topicIds) await loadReadableTopic(app.db, id, req.viewer);
      const unread = req.viewer ? await unreadCount(app.db, req.viewer.id) : 0;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const write = (chunk: string) => {
        if (!res.writableEnded) res.write(chunk);
      };
      write('retry: 5000\n\n');
      const sub = {
        userId: req.viewer?.id ?? null,
        topicIds,
        send: (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
        close: () => res.end(),
      };
      const unsubscribe = app.live.subscribe(sub);
      sub.send('ready', { unread });
      const heartbeat = setInterval(() => write(': keep-alive\n\n'), 25_000);
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
};

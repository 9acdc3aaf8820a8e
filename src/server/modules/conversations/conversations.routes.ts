import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { idParam, pageQuery, slugParam } from '../../../shared/contracts/common.ts';
import {
  acceptInput,
  createTopicInput,
  crossPostInput,
  editPostInput,
  replyInput,
  topicFeedQuery,
  updateTopicInput,
} from '../../../shared/contracts/conversations.ts';
import type { Db } from '../../db/client.ts';
import { forbidden, notFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { requireViewer } from '../../plugins/auth.ts';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import { communityPolicy } from '../communities/communities.policy.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { presentPost, presentTopic } from './conversations.presenter.ts';
import { findPost, listFeed, listPosts, listRevisions } from './conversations.queries.ts';
import {
  acceptAnswer,
  createTopic,
  crossPost,
  editPost,
  loadReadableTopic,
  reply,
  setHelpful,
  setPostDeleted,
  updateTopic,
} from './conversations.service.ts';

const tags = ['conversations'];

async function postsPage(db: Db, ctx: Awaited<ReturnType<typeof loadReadableTopic>>, viewer: Viewer | null, cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor, ['string', 'number']) as [string, number] | null;
  const rows = await listPosts(db, ctx.topic.id, viewer?.id ?? 0, after, limit);
  const page = toPage(rows, limit, (r) => [r.cursorAt, r.id]);
  const pctx = { viewerId: viewer?.id ?? null, canModerate: ctx.canModerate, acceptedPostId: ctx.topic.acceptedPostId };
  return { items: page.items.map((p) => presentPost(p, pctx)), nextCursor: page.nextCursor };
}

/** A post and the topic it belongs to, if the viewer may read it. */
async function loadPost(db: Db, id: number, viewer: Viewer | null) {
  const post = await findPost(db, id);
  if (!post) throw notFound('post');
  const ctx = await loadReadableTopic(db, post.topicId, viewer);
  return { post, ctx };
}

export const conversationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:slug/topics',
    { schema: { tags, summary: 'A community’s topics, most recently active first', params: slugParam, querystring: topicFeedQuery } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden('Join this community to read its conversations.');
      const q = req.query;
      const after = decodeCursor(q.cursor, ['string', 'number']) as [string, number] | null;
      // With questions and answers switched off there are no unanswered questions to filter for.
      const unanswered = q.unanswered === 'true' && communityPolicy.featureOn(community, 'qa');
      const rows = await listFeed(app.db, community.id, { activity: q.activity, tag: q.tag, unanswered, subgroup: q.subgroup, after, limit: q.limit });
      const page = toPage(rows, q.limit, (r) => [r.cursorAt, r.id]);
      return { items: page.items.map(presentTopic), nextCursor: page.nextCursor };
    },
  );

  app.post('/api/topics', { schema: { tags, summary: 'Start a topic in one or more communities', body: createTopicInput } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { id } = await createTopic(app.db, viewer, req.body);
    return reply.code(201).send({ id, url: `/topics/${id}` });
  });

  app.get(
    '/api/topics/:id',
    { schema: { tags, summary: 'A topic with the first page of its posts', params: idParam, querystring: pageQuery } },
    async (req) => {
      const ctx = await loadReadableTopic(app.db, req.params.id, req.viewer);
      const postsPageResult = await postsPage(app.db, ctx, req.viewer, req.query.cursor, req.query.limit);
      return {
        topic: { ...presentTopic(ctx.topic), deleted: ctx.topic.deletedAt !== null, acceptedPostId: ctx.topic.acceptedPostId },
        communities: ctx.communities,
        viewer: {
          canReply: ctx.canPost && !ctx.topic.deletedAt,
          canModerate: ctx.canModerate,
          canAccept: (ctx.isAuthor || ctx.canModerate) && ctx.qaOn,
          canEditTopic: ctx.isAuthor || ctx.canModerate,
          isAuthor: ctx.isAuthor,
        },
        posts: postsPageResult,
      };
    },
  );

  app.get('/api/topics/:id/posts', { schema: { tags, summary: 'A page of a topic’s posts', params: idParam, querystring: pageQuery } }, async (req) => {
    const ctx = await loadReadableTopic(app.db, req.params.id, req.viewer);
    return postsPage(app.db, ctx, req.viewer, req.query.cursor, req.query.limit);
  });

  app.patch(
    '/api/topics/:id',
    { schema: { tags, summary: 'Change a topic’s title, learning activity or tags', params: idParam, body: updateTopicInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const ctx = await loadReadableTopic(app.db, req.params.id, viewer);
      if (!ctx.isAuthor && !ctx.canModerate) throw forbidden('Only the author or a coordinator can change this topic.');
      await updateTopic(app.db, viewer, ctx.topic.id, req.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/topics/:id/communities',
    { schema: { tags, summary: 'Cross-post a topic to another community', params: idParam, body: crossPostInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const ctx = await loadReadableTopic(app.db, req.params.id, viewer);
      if (!ctx.isAuthor) throw forbidden('Only the author can cross-post a topic.');
      await crossPost(app.db, viewer, ctx.topic.id, req.body.community);
      return reply.code(204).send();
    },
  );

  app.post('/api/topics/:id/replies', { schema: { tags, summary: 'Reply to a topic', params: idParam, body: replyInput } }, async (req, reply_) => {
    const viewer = requireViewer(req);
    const ctx = await loadReadableTopic(app.db, req.params.id, viewer);
    if (!ctx.canPost) throw forbidden('Join one of this topic’s communities to reply.');
    if (ctx.topic.deletedAt) throw forbidden('This topic was deleted.');
    const post = await reply(app.db, viewer, ctx.topic.id, req.body.body, req.body.parentId);
    return reply_.code(201).send({ id: post.id });
  });

  app.put(
    '/api/topics/:id/accepted',
    { schema: { tags, summary: 'Accept a reply as the answer', params: idParam, body: acceptInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const ctx = await loadReadableTopic(app.db, req.params.id, viewer);
      if (!ctx.qaOn) throw notFound('question');
      if (!ctx.isAuthor && !ctx.canModerate) throw forbidden('Only the person who asked or a coordinator can accept an answer.');
      await acceptAnswer(app.db, viewer, ctx.topic.id, req.body.postId);
      return reply.code(204).send();
    },
  );

  app.delete('/api/topics/:id/accepted', { schema: { tags, summary: 'Clear the accepted answer', params: idParam } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const ctx = await loadReadableTopic(app.db, req.params.id, viewer);
    if (!ctx.qaOn) throw notFound('question');
    if (!ctx.isAuthor && !ctx.canModerate) throw forbidden('Only the person who asked or a coordinator can change the answer.');
    await acceptAnswer(app.db, viewer, ctx.topic.id, null);
    return reply.code(204).send();
  });

  app.patch('/api/posts/:id', { schema: { tags, summary: 'Edit your post (the old text is kept)', params: idParam, body: editPostInput } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { post } = await loadPost(app.db, req.params.id, viewer);
    if (post.authorId !== viewer.id) throw forbidden('You can only edit your own posts.');
    if (post.deletedAt) throw forbidden('This post was deleted.');
    await editPost(app.db, viewer, post.id, req.body.body);
    return reply.code(204).send();
  });

  app.get(
    '/api/posts/:id/revisions',
    { schema: { tags, summary: 'Earlier versions of a post, newest first', params: idParam, querystring: pageQuery } },
    async (req) => {
    const { post, ctx } = await loadPost(app.db, req.params.id, req.viewer);
    if (post.deletedAt && !ctx.canModerate) throw notFound('post');
    const before = decodeCursor(req.query.cursor, ['number']) as [number] | null;
    const rows = await listRevisions(app.db, post.id, before?.[0] ?? null, req.query.limit);
    const page = toPage(rows, req.query.limit, (r) => [r.id]);
    return {
      items: page.items.map((r) => ({
        id: r.id,
        title: r.title,
        bodySource: r.bodySource,
        createdAt: r.createdAt.toISOString(),
        editor: r.editorUsername ? { username: r.editorUsername, displayName: r.editorDisplayName } : null,
      })),
      nextCursor: page.nextCursor,
    };
  });

  app.delete('/api/posts/:id', { schema: { tags, summary: 'Delete a post (coordinators can restore it)', params: idParam } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { post, ctx } = await loadPost(app.db, req.params.id, viewer);
    if (post.authorId !== viewer.id && !ctx.canModerate) throw forbidden('You can only delete your own posts.');
    if (post.deletedAt) return reply.code(204).send();
    await setPostDeleted(app.db, viewer, post.id, true);
    return reply.code(204).send();
  });

  app.post('/api/posts/:id/restore', { schema: { tags, summary: 'Restore a deleted post (coordinators)', params: idParam } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { post, ctx } = await loadPost(app.db, req.params.id, viewer);
    if (!ctx.canModerate) throw forbidden('Only coordinators can restore posts.');
    await setPostDeleted(app.db, viewer, post.id, false);
    return reply.code(204).send();
  });

  for (const on of [true, false]) {
    const route = { schema: { tags, summary: on ? 'Mark “this helped me”' : 'Take back “this helped me”', params: idParam } };
    const handler = async (req: { params: z.infer<typeof idParam>; viewer: Viewer | null }) => {
      const viewer = requireViewer(req);
      const { post } = await loadPost(app.db, req.params.id, viewer);
      return setHelpful(app.db, viewer, post.id, on);
    };
    if (on) app.put('/api/posts/:id/helpful', route, (req) => handler(req));
    else app.delete('/api/posts/:id/helpful', route, (req) => handler(req));
  }
};

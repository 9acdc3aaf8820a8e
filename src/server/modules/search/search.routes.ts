import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type SearchHit, searchQuery } from '../../../shared/contracts/search.ts';
import { escapeHtml } from '../../lib/markdown.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { searchAssets, searchCommunities, searchPosts } from './search.queries.ts';
import { MARK_END, MARK_START } from './snippet.ts';

/** Escapes a ts_headline snippet and turns its match sentinels into <mark>. */
function snippetHtml(raw: string): string {
  return escapeHtml(raw).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/search',
    { schema: { tags: ['search'], summary: 'Search communities, topics, replies and repository assets you may see', querystring: searchQuery } },
    async (req) => {
      const q = req.query;
      const community = q.community ? (await loadVisibleCommunity(app.db, q.community, req.viewer)).community : null;
      const hits: SearchHit[] = [];
      const includeCommunities = !q.kind || q.kind === 'community';
      if (includeCommunities && !community && !q.activity && q.offset === 0) {
        for (const c of await searchCommunities(app.db, req.viewer, q.q, q.kind === 'community' ? q.limit : 5)) {
          hits.push({
            kind: 'community',
            title: c.name,
            snippet: snippetHtml(c.snippet),
            url: `/c/${c.slug}`,
            community: { slug: c.slug, name: c.name },
            activityType: null,
            createdAt: new Date(c.created_at).toISOString(),
          });
        }
      }
      let more = false;
      // Assets: a few at the top of the first page of a mixed search, or paginated when asked for alone.
      if (!q.kind || q.kind === 'asset') {
        const alone = q.kind === 'asset';
        if (alone || q.offset === 0) {
          const today = new Date().toISOString().slice(0, 10);
          const rows = await searchAssets(app.db, req.viewer, {
            q: q.q,
            communityId: community?.id,
            activity: q.activity,
            limit: alone ? q.limit + 1 : 5,
            offset: alone ? q.offset : 0,
          });
          if (alone) more = rows.length > q.limit;
          for (const a of rows.slice(0, alone ? q.limit : 5)) {
            hits.push({
              kind: 'asset',
              title: a.title,
              snippet: snippetHtml(a.snippet),
              url: `/assets/${a.id}`,
              community: { slug: a.community_slug, name: a.community_name },
              activityType: a.activity_type,
              createdAt: new Date(a.created_at).toISOString(),
              label: a.status === 'retired' ? 'Retired' : a.review_by < today ? 'Needs review' : null,
            });
          }
        }
      }
      if (q.kind !== 'community' && q.kind !== 'asset') {
        const rows = await searchPosts(app.db, req.viewer, {
          q: q.q,
          communityId: community?.id,
          activity: q.activity,
          kind: q.kind,
          limit: q.limit + 1,
          offset: q.offset,
        });
        more = rows.length > q.limit;
        for (const r of rows.slice(0, q.limit)) {
          hits.push({
            kind: r.is_opening ? 'topic' : 'reply',
            title: r.title,
            snippet: snippetHtml(r.snippet),
            url: r.is_opening ? `/topics/${r.topic_id}` : `/topics/${r.topic_id}#post-${r.id}`,
            community: { slug: r.community_slug, name: r.community_name },
            activityType: r.activity_type,
            createdAt: new Date(r.created_at).toISOString(),
          });
        }
      }
      return { items: hits, nextOffset: more && q.offset + q.limit <= 500 ? q.offset + q.limit : null };
    },
  );
};

import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { communities, memberships, topicCommunities, topics, users } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { readableCommunityIdsSql, visibleCommunitySql } from '../communities/communities.policy.ts';
import { findUserByUsername } from '../communities/communities.queries.ts';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/people/:username',
    { schema: { tags: ['people'], summary: 'A person’s profile: communities and recent topics you may see', params: z.object({ username: z.string().min(1).max(30) }) } },
    async (req) => {
      const person = await findUserByUsername(app.db, req.params.username);
      if (!person) throw notFound('person');
      const [profile] = await app.db
        .select({ bio: users.bio, createdAt: users.createdAt })
        .from(users)
        .where(eq(users.id, person.id));
      const memberOf = await app.db
        .select({
          slug: communities.slug,
          name: communities.name,
          roles: sql<string[]>`coalesce((select array_agg(r.role order by r.role) from member_roles r where r.community_id = ${communities.id} and r.user_id = ${person.id}), '{}')`,
        })
        .from(memberships)
        .innerJoin(communities, eq(communities.id, memberships.communityId))
        .where(and(eq(memberships.userId, person.id), eq(memberships.status, 'active'), visibleCommunitySql(req.viewer)))
        .orderBy(communities.name)
        .limit(100);
      const recent = await app.db
        .select({ id: topics.id, title: topics.title, activityType: topics.activityType, createdAt: topics.createdAt })
        .from(topics)
        .where(
          and(
            eq(topics.authorId, person.id),
            sql`${topics.deletedAt} is null`,
            sql`exists (select 1 from ${topicCommunities} tc where tc.topic_id = ${topics.id} and tc.community_id in (${readableCommunityIdsSql(req.viewer)}))`,
          ),
        )
        .orderBy(sql`${topics.createdAt} desc`)
        .limit(10);
      return {
        username: person.username,
        displayName: person.displayName,
        bio: profile.bio,
        memberSince: profile.createdAt.toISOString(),
        communities: memberOf,
        recentTopics: recent.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })),
      };
    },
  );
};

import { type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import { readableCommunityIdsSql, visibleCommunitySql } from '../communities/communities.policy.ts';

/*
 * Emails are written for many people in one query, so the recipient is a column, not a bound
 * viewer. These helpers hand the community policy a viewer whose id is that column, so the
 * rules stay in communities.policy.ts. The policy branches on the site role in JavaScript,
 * hence the CASE over the two shapes.
 */
const asViewer = (userId: SQL, siteRole: Viewer['siteRole']): Viewer =>
  ({ id: userId as unknown as number, username: '', displayName: '', email: '', siteRole }) as Viewer;

/** SQL condition: the person in `userId` (whose site role is in `siteRole`) may read community `communityId`. */
export function canReadCommunitySql(userId: SQL, siteRole: SQL, communityId: SQL): SQL {
  return sql`(case when ${siteRole} = 'admin'
    then ${communityId} in (${readableCommunityIdsSql(asViewer(userId, 'admin'))})
    else ${communityId} in (${readableCommunityIdsSql(asViewer(userId, 'member'))}) end)`;
}

/** SQL condition on the unaliased `communities` table: the person may know it exists. */
export function canSeeCommunitySql(userId: SQL, siteRole: SQL): SQL {
  return sql`(case when ${siteRole} = 'admin'
    then ${visibleCommunitySql(asViewer(userId, 'admin'))}
    else ${visibleCommunitySql(asViewer(userId, 'member'))} end)`;
}

/** SQL condition: the topic is live and posted in at least one community the person may read. */
export function canReadTopicSql(userId: SQL, siteRole: SQL, topicId: SQL): SQL {
  return sql`exists (select 1 from topic_communities tcv join topics tv on tv.id = tcv.topic_id
    where tcv.topic_id = ${topicId} and not tcv.deleted and tv.deleted_at is null
      and ${canReadCommunitySql(userId, siteRole, sql`tcv.community_id`)})`;
}

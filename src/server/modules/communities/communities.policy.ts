import { type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { CommunityFeature, Visibility } from '../../../shared/model/catalogue.ts';
import { communities } from '../../db/schema/index.ts';

/** What the policy needs to know about a viewer's relation to one community. */
export interface CommunityAccess {
  visibility: Visibility;
  membership: 'active' | 'requested' | 'invited' | null;
  roles: string[];
}

const isAdmin = (v: Viewer | null) => v?.siteRole === 'admin';

/**
 * Who may do what in a community. The one place these rules live: routes call these,
 * and the SQL filters below express the same rules for lists, search and feeds.
 */
export const communityPolicy = {
  /** Knowing the community exists: secret ones only to members, invitees and site admins. */
  canSee: (v: Viewer | null, a: CommunityAccess) =>
    a.visibility !== 'secret' || a.membership === 'active' || a.membership === 'invited' || isAdmin(v),
  /** Reading topics, replies and the member list. */
  canRead: (v: Viewer | null, a: CommunityAccess) => a.visibility === 'open' || a.membership === 'active' || isAdmin(v),
  canPost: (v: Viewer | null, a: CommunityAccess) => !!v && a.membership === 'active',
  /** Coordinators (and site admins) moderate, approve requests, invite and assign roles. */
  canModerate: (v: Viewer | null, a: CommunityAccess) =>
    isAdmin(v) || (a.membership === 'active' && a.roles.includes('coordinator')),
  canJoin: (v: Viewer | null, a: CommunityAccess) =>
    !!v && (a.membership === 'invited' || (a.membership === null && a.visibility === 'open')),
  canRequest: (v: Viewer | null, a: CommunityAccess) => !!v && a.membership === null && a.visibility === 'by_request',
  /** Rating orientations and switching features: coordinators, technology stewards, site admins. */
  canSteward: (v: Viewer | null, a: CommunityAccess) =>
    isAdmin(v) || (a.membership === 'active' && (a.roles.includes('coordinator') || a.roles.includes('technology_steward'))),
  /** A role's reflection: coordinators (and site admins), and the people who hold that role. */
  canEditReflection: (v: Viewer | null, a: CommunityAccess, role: string) =>
    isAdmin(v) || (a.membership === 'active' && (a.roles.includes('coordinator') || a.roles.includes(role))),
  /** Whether a switchable feature (catalogue communityFeatures) is on in the community. */
  featureOn: (c: { featuresOff: readonly string[] }, feature: CommunityFeature) => !c.featuresOff.includes(feature),
};

function activeMemberOf(viewer: Viewer): SQL {
  return sql`select m.community_id from memberships m where m.user_id = ${viewer.id} and m.status = 'active'`;
}

/** SQL condition on `communities`: the viewer may know the community exists (mirrors canSee). */
export function visibleCommunitySql(viewer: Viewer | null): SQL {
  if (isAdmin(viewer)) return sql`true`;
  if (!viewer) return sql`${communities.visibility} <> 'secret'`;
  return sql`(${communities.visibility} <> 'secret' or ${communities.id} in (select m.community_id from memberships m where m.user_id = ${viewer.id} and m.status in ('active', 'invited')))`;
}

/** SQL set of community ids whose content the viewer may read (mirrors canRead). */
export function readableCommunityIdsSql(viewer: Viewer | null): SQL {
  if (isAdmin(viewer)) return sql`select c.id from communities c`;
  if (!viewer) return sql`select c.id from communities c where c.visibility = 'open'`;
  return sql`select c.id from communities c where c.visibility = 'open' union ${activeMemberOf(viewer)}`;
}

/**
 * SQL condition: the person whose id is `userId` may read topic `topicId` (mirrors canRead for
 * someone other than the viewer; used to decide who may be told about a topic).
 */
export function userCanReadTopicSql(userId: SQL, topicId: SQL | number): SQL {
  return sql`(exists (
      select 1 from topic_communities tc join communities c on c.id = tc.community_id
      where tc.topic_id = ${topicId}
        and (c.visibility = 'open' or exists (
          select 1 from memberships m where m.community_id = c.id and m.user_id = ${userId} and m.status = 'active'))
    ) or exists (select 1 from users a where a.id = ${userId} and a.site_role = 'admin'))`;
}

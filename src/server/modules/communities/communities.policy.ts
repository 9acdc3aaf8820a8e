import { type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { CommunityFeature, Visibility, communityStatusKeys } from '../../../shared/model/catalogue.ts';
import { communities } from '../../db/schema/index.ts';

/** What the policy needs to know about a viewer's relation to one community. */
export interface CommunityAccess {
  visibility: Visibility;
  membership: 'active' | 'requested' | 'invited' | null;
  roles: string[];
  /** proposed: still in the launch process, known only to its members, the support team and site admins. */
  status: (typeof communityStatusKeys)[number];
  /** The viewer sponsors it, directly or through one of its domains (loaded with the community). */
  sponsor?: boolean;
}

const isAdmin = (v: Viewer | null) => v?.siteRole === 'admin';
const isSupport = (v: Viewer | null) => v?.siteRole === 'support';

/** Whether community `c` is one everyone may read, signed in or not. */
const openSql = (c: string) => sql.raw(`(${c}.visibility = 'open' and ${c}.status <> 'proposed')`);

const proposed = (a: CommunityAccess) => a.status === 'proposed';

/**
 * Who may do what in a community. The one place these rules live: routes call these,
 * and the SQL filters below express the same rules for lists, search and feeds.
 */
export const communityPolicy = {
  /**
   * Knowing the community exists: secret ones only to members, invitees and site admins;
   * proposals (whatever their visibility) only to members, invitees, the support team and site admins.
   */
  canSee: (v: Viewer | null, a: CommunityAccess) =>
    a.membership === 'active' || a.membership === 'invited' || isAdmin(v) || (proposed(a) ? isSupport(v) : a.visibility !== 'secret'),
  /** Reading topics, replies and the member list; a proposal's also by the support team, who coach it. */
  canRead: (v: Viewer | null, a: CommunityAccess) =>
    a.membership === 'active' || isAdmin(v) || (proposed(a) ? isSupport(v) : a.visibility === 'open'),
  canPost: (v: Viewer | null, a: CommunityAccess) => !!v && a.membership === 'active',
  /** Coordinators (and site admins) moderate, approve requests, invite and assign roles. */
  canModerate: (v: Viewer | null, a: CommunityAccess) =>
    isAdmin(v) || (a.membership === 'active' && a.roles.includes('coordinator')),
  /** A proposal takes only the people its coordinators invite (the design team) until it is launched. */
  canJoin: (v: Viewer | null, a: CommunityAccess) =>
    !!v && (a.membership === 'invited' || (a.membership === null && a.visibility === 'open' && !proposed(a))),
  canRequest: (v: Viewer | null, a: CommunityAccess) => !!v && a.membership === null && a.visibility === 'by_request' && !proposed(a),
  /**
   * Reading the cultivation plan, launch record and stage signals (MODEL §5, §6): members, sponsors,
   * the support team and site admins; never anyone who may not know the community exists.
   */
  canReadCultivation: (v: Viewer | null, a: CommunityAccess) =>
    !!v && communityPolicy.canSee(v, a) && (a.membership === 'active' || a.sponsor === true || isSupport(v) || isAdmin(v)),
  /** Editing the plan and the launch record, launching a proposal: coordinators and site admins. */
  canEditCultivation: (v: Viewer | null, a: CommunityAccess) => communityPolicy.canModerate(v, a),
  /** Rating orientations and switching features: coordinators, technology stewards, site admins. */
  canSteward: (v: Viewer | null, a: CommunityAccess) =>
    isAdmin(v) || (a.membership === 'active' && (a.roles.includes('coordinator') || a.roles.includes('technology_steward'))),
  /** A role's reflection: coordinators (and site admins), and the people who hold that role. */
  canEditReflection: (v: Viewer | null, a: CommunityAccess, role: string) =>
    isAdmin(v) || (a.membership === 'active' && (a.roles.includes('coordinator') || a.roles.includes(role))),
  /** Editing a learning agenda item (status, owner, text): coordinators, its owner and who proposed it. */
  canEditAgendaItem: (v: Viewer | null, a: CommunityAccess, item: { ownerId: number | null; createdBy: number | null }) =>
    isAdmin(v) ||
    (!!v && a.membership === 'active' && (a.roles.includes('coordinator') || item.ownerId === v.id || item.createdBy === v.id)),
  /** Editing a practice group or project: coordinators (and site admins) and its leader. */
  canEditSubgroup: (v: Viewer | null, a: CommunityAccess, sg: { leaderId: number | null }) =>
    isAdmin(v) || (!!v && a.membership === 'active' && (a.roles.includes('coordinator') || sg.leaderId === v.id)),
  /**
   * Creating events: coordinators, conveners and assistants (who organize gatherings), site admins,
   * and every member where the community allows it.
   */
  canCreateEvent: (v: Viewer | null, a: CommunityAccess, membersMayCreate: boolean) =>
    isAdmin(v) ||
    (!!v && a.membership === 'active' && (membersMayCreate || ['coordinator', 'convener', 'assistant'].some((r) => a.roles.includes(r)))),
  /** Editing an event, its occurrences, attendance and notes: its organizer, coordinators and site admins. */
  canEditEvent: (v: Viewer | null, a: CommunityAccess, ev: { createdBy: number | null }) =>
    communityPolicy.canModerate(v, a) || (!!v && a.membership === 'active' && ev.createdBy === v.id),
  /** Adding an asset to the repository (issue 6): members. */
  canAddAsset: (v: Viewer | null, a: CommunityAccess) => !!v && a.membership === 'active',
  /** Editing and reviewing an asset: its steward, the cybrarian, coordinators (all active members) and site admins. */
  canEditAsset: (v: Viewer | null, a: CommunityAccess, asset: { stewardId: number | null }) =>
    isAdmin(v) ||
    (!!v && a.membership === 'active' && (a.roles.includes('coordinator') || a.roles.includes('cybrarian') || asset.stewardId === v.id)),
  /** "I reused this": anyone signed in who may read the asset, members of other communities included. */
  canReuseAsset: (v: Viewer | null, a: CommunityAccess) => !!v && communityPolicy.canRead(v, a),
  /** Curating collections of assets: the cybrarian, coordinators and site admins. */
  canCurate: (v: Viewer | null, a: CommunityAccess) =>
    isAdmin(v) || (a.membership === 'active' && (a.roles.includes('coordinator') || a.roles.includes('cybrarian'))),
  /** Whether a switchable feature (catalogue communityFeatures) is on in the community. */
  featureOn: (c: { featuresOff: readonly string[] }, feature: CommunityFeature) => !c.featuresOff.includes(feature),
};

/** The list of every proposal in the launch process: the support team and site admins. */
export const canListProposals = (v: Viewer | null) => isSupport(v) || isAdmin(v);

function activeMemberOf(viewer: Viewer): SQL {
  return sql`select m.community_id from memberships m where m.user_id = ${viewer.id} and m.status = 'active'`;
}

/** SQL condition on `communities`: the viewer may know the community exists (mirrors canSee). */
export function visibleCommunitySql(viewer: Viewer | null): SQL {
  if (isAdmin(viewer)) return sql`true`;
  const listed = sql`(${communities.visibility} <> 'secret' and ${communities.status} <> 'proposed')`;
  if (!viewer) return listed;
  const proposals = isSupport(viewer) ? sql` or ${communities.status} = 'proposed'` : sql``;
  return sql`(${listed}${proposals} or ${communities.id} in (select m.community_id from memberships m where m.user_id = ${viewer.id} and m.status in ('active', 'invited')))`;
}

/**
 * SQL condition: the viewer may read community `communityId` (the same rules as
 * readableCommunityIdsSql, as a probe per row). For a query that checks a few hundred rows: the
 * planner tends to test each row against the whole readable set in a list instead of a hash.
 */
export function viewerCanReadCommunitySql(viewer: Viewer | null, communityId: SQL): SQL {
  if (isAdmin(viewer)) return sql`true`;
  const open = openSql('rc');
  const member = viewer
    ? sql` or exists (select 1 from memberships rm where rm.community_id = rc.id and rm.user_id = ${viewer.id} and rm.status = 'active')`
    : sql``;
  const proposals = isSupport(viewer) ? sql` or rc.status = 'proposed'` : sql``;
  return sql`exists (select 1 from communities rc where rc.id = ${communityId} and (${open}${proposals}${member}))`;
}

/**
 * SQL condition: the viewer may read community `communityId`, tested against the readable set
 * built once per statement and hashed. For walks that test thousands of rows, where even a cached
 * probe per row (viewerCanReadCommunitySql) costs more. `is true` keeps PostgreSQL from turning the
 * `in` into a join, which would lose the walk's order; the set is one pass over `communities`.
 */
export function viewerReadsCommunityHashedSql(viewer: Viewer | null, communityId: SQL): SQL {
  if (isAdmin(viewer)) return sql`true`;
  return sql`(${communityId} in (${readableCommunityIdsSql(viewer)})) is true`;
}

/** SQL set of community ids whose content the viewer may read (mirrors canRead). */
export function readableCommunityIdsSql(viewer: Viewer | null): SQL {
  if (isAdmin(viewer)) return sql`select c.id from communities c`;
  const open = sql`select c.id from communities c where ${openSql('c')}`;
  if (!viewer) return open;
  if (isSupport(viewer)) return sql`${open} union select c.id from communities c where c.status = 'proposed' union ${activeMemberOf(viewer)}`;
  return sql`${open} union ${activeMemberOf(viewer)}`;
}

/**
 * SQL set of the communities the viewer may read that not everyone may: readableCommunityIdsSql(viewer)
 * without readableCommunityIdsSql(null). Null when there are none (anonymous viewers).
 */
export function readableBeyondOpenIdsSql(viewer: Viewer | null): SQL | null {
  if (!viewer) return null;
  if (isAdmin(viewer)) return sql`select c.id from communities c where not ${openSql('c')}`;
  const memberOf = sql`select c.id from (${activeMemberOf(viewer)}) m(id) join communities c on c.id = m.id where not ${openSql('c')}`;
  if (isSupport(viewer)) return sql`select c.id from communities c where c.status = 'proposed' union ${memberOf}`;
  return memberOf;
}

/**
 * SQL condition: the person whose id is `userId` may read topic `topicId` (mirrors canRead for
 * someone other than the viewer; used to decide who may be told about a topic).
 */
export function userCanReadTopicSql(userId: SQL, topicId: SQL | number): SQL {
  return sql`(exists (
      select 1 from topic_communities tc join communities c on c.id = tc.community_id
      where tc.topic_id = ${topicId}
        and (${openSql('c')} or exists (
          select 1 from memberships m where m.community_id = c.id and m.user_id = ${userId} and m.status = 'active')
          or (c.status = 'proposed' and exists (select 1 from users s where s.id = ${userId} and s.site_role = 'support')))
    ) or exists (select 1 from users a where a.id = ${userId} and a.site_role = 'admin'))`;
}

/**
 * SQL condition: the person whose id is `userId` may read community `communityId` (mirrors canRead
 * for someone other than the viewer: calendar feeds, reminders, event notifications).
 */
export function userCanReadCommunitySql(userId: SQL, communityId: SQL | number): SQL {
  return sql`(exists (
      select 1 from communities c where c.id = ${communityId}
        and (${openSql('c')} or exists (
          select 1 from memberships m where m.community_id = c.id and m.user_id = ${userId} and m.status = 'active')
          or (c.status = 'proposed' and exists (select 1 from users s where s.id = ${userId} and s.site_role = 'support')))
    ) or exists (select 1 from users a where a.id = ${userId} and a.site_role = 'admin'))`;
}

import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { CommunityDetail, CommunitySummary, MemberSummary } from '../../../shared/contracts/communities.ts';
import { type CommunityAccess, communityPolicy } from './communities.policy.ts';

type SummaryRow = Omit<CommunitySummary, never> & { id: number };

export const presentSummary = (c: SummaryRow): CommunitySummary => ({
  slug: c.slug,
  name: c.name,
  domainStatement: c.domainStatement,
  domainType: c.domainType,
  structureKind: c.structureKind,
  visibility: c.visibility,
  stage: c.stage,
  status: c.status,
  memberCount: c.memberCount,
  topicCount: c.topicCount,
});

export const presentDetail = (
  c: SummaryRow & { purpose: string; createdAt: Date; featuresOff: string[] },
  viewer: Viewer | null,
  access: CommunityAccess,
): CommunityDetail => ({
  ...presentSummary(c),
  purpose: c.purpose,
  createdAt: c.createdAt.toISOString(),
  featuresOff: c.featuresOff,
  viewer: {
    membership: access.membership,
    roles: access.roles,
    canRead: communityPolicy.canRead(viewer, access),
    canPost: communityPolicy.canPost(viewer, access),
    canModerate: communityPolicy.canModerate(viewer, access),
    canJoin: communityPolicy.canJoin(viewer, access),
    canRequest: communityPolicy.canRequest(viewer, access),
    canSteward: communityPolicy.canSteward(viewer, access),
    canReadCultivation: communityPolicy.canReadCultivation(viewer, access),
  },
});

export const presentMember = (m: { username: string; displayName: string; roles: string[]; joinedAt: Date }): MemberSummary => ({
  username: m.username,
  displayName: m.displayName,
  roles: m.roles,
  joinedAt: m.joinedAt.toISOString(),
});

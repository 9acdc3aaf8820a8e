import type { SubgroupDetail, SubgroupSummary } from '../../../shared/contracts/subgroups.ts';
import type { SubgroupRow } from './subgroups.queries.ts';

export const presentSubgroup = (r: SubgroupRow): SubgroupSummary => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  description: r.description,
  goal: r.goal,
  endDate: r.endDate,
  leader: r.leaderUsername ? { username: r.leaderUsername, displayName: r.leaderDisplayName ?? r.leaderUsername } : null,
  memberCount: r.memberCount,
  topicCount: r.topicCount,
  closed: r.closedAt !== null,
  isMember: r.isMember,
});

export const presentSubgroupDetail = (r: SubgroupRow, viewer: SubgroupDetail['viewer']): SubgroupDetail => ({
  ...presentSubgroup(r),
  createdAt: r.createdAt.toISOString(),
  viewer,
});

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { CommunityDetail, CommunitySummary, CreateCommunityInput, MemberSummary } from '../../../../shared/contracts/communities.ts';
import type { Page } from '../../../../shared/contracts/common.ts';
import { ApiError, api, qs } from '../../../lib/api.ts';

export interface BrowseFilters {
  q?: string;
  domainType?: string;
  structureKind?: string;
  stage?: string;
  mine?: boolean;
}

export const communityKeys = {
  all: ['communities'] as const,
  list: (f: BrowseFilters) => ['communities', 'list', f] as const,
  detail: (slug: string) => ['communities', 'detail', slug] as const,
  members: (slug: string) => ['communities', 'members', slug] as const,
  requests: (slug: string, status: string) => ['communities', 'requests', slug, status] as const,
  invitations: ['invitations'] as const,
};

/** Browsing, 20 at a time. */
export function useCommunityList(f: BrowseFilters) {
  return useInfiniteQuery({
    queryKey: communityKeys.list(f),
    queryFn: ({ pageParam }) =>
      api<Page<CommunitySummary>>(
        'GET',
        `/api/communities${qs({ q: f.q, domainType: f.domainType, structureKind: f.structureKind, stage: f.stage, mine: f.mine ? 'true' : undefined, cursor: pageParam, limit: 20 })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCommunity(slug: string) {
  return useQuery({
    queryKey: communityKeys.detail(slug),
    queryFn: () => api<CommunityDetail>('GET', `/api/communities/${encodeURIComponent(slug)}`),
  });
}

export function useMembers(slug: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: communityKeys.members(slug),
    queryFn: ({ pageParam }) => api<Page<MemberSummary>>('GET', `/api/communities/${encodeURIComponent(slug)}/members${qs({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useRequests(slug: string, status: 'requested' | 'invited', enabled: boolean) {
  return useQuery({
    queryKey: communityKeys.requests(slug, status),
    queryFn: () => api<Page<MemberSummary>>('GET', `/api/communities/${encodeURIComponent(slug)}/requests${qs({ status, limit: 50 })}`),
    enabled,
  });
}

export function useMyInvitations(enabled: boolean) {
  return useQuery({
    queryKey: communityKeys.invitations,
    queryFn: () => api<Page<CommunitySummary>>('GET', '/api/me/invitations'),
    enabled,
  });
}

const base = (slug: string) => `/api/communities/${encodeURIComponent(slug)}`;

export const createCommunity = (input: CreateCommunityInput) => api<CommunityDetail>('POST', '/api/communities', input);
export const updateCommunity = (slug: string, input: Record<string, unknown>) => api<CommunityDetail>('PATCH', base(slug), input);
export const joinCommunity = (slug: string) => api<{ membership: 'active' | 'requested' }>('POST', `${base(slug)}/join`);
export const leaveCommunity = (slug: string) => api<void>('POST', `${base(slug)}/leave`);
export const decideRequest = (slug: string, username: string, decision: 'approve' | 'decline') =>
  api<void>('POST', `${base(slug)}/requests/${encodeURIComponent(username)}/${decision}`);
export const inviteSomeone = (slug: string, who: string) => api<{ invited: 'user' | 'email' }>('POST', `${base(slug)}/invitations`, { who });
export const setRole = (slug: string, username: string, role: string, on: boolean) =>
  api<void>(on ? 'PUT' : 'DELETE', `${base(slug)}/members/${encodeURIComponent(username)}/roles/${role}`);

export const isNotFound = (err: unknown) => err instanceof ApiError && err.status === 404;

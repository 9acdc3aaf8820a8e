import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../../shared/contracts/common.ts';
import type { TopicSummary } from '../../../../shared/contracts/conversations.ts';
import type { CreateSubgroupInput, SubgroupDetail, SubgroupSummary } from '../../../../shared/contracts/subgroups.ts';
import { api, qs } from '../../../lib/api.ts';

const base = (slug: string) => `/api/communities/${encodeURIComponent(slug)}/subgroups`;
export const subgroupKeys = { all: (slug: string) => ['subgroups', slug] as const };

export function useSubgroups(slug: string, kind: string) {
  return useInfiniteQuery({
    queryKey: [...subgroupKeys.all(slug), 'list', kind],
    queryFn: ({ pageParam }) => api<Page<SubgroupSummary>>('GET', `${base(slug)}${qs({ kind, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
export const useSubgroup = (slug: string, id: number) => useQuery({ queryKey: [...subgroupKeys.all(slug), 'one', id], queryFn: () => api<SubgroupDetail>('GET', `${base(slug)}/${id}`) });
export function useSubgroupTopics(slug: string, id: number) {
  return useInfiniteQuery({
    queryKey: [...subgroupKeys.all(slug), 'topics', id],
    queryFn: ({ pageParam }) => api<Page<TopicSummary>>('GET', `${base(slug)}/${id}/topics${qs({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
export function useSubgroupMembers(slug: string, id: number) {
  return useInfiniteQuery({
    queryKey: [...subgroupKeys.all(slug), 'members', id],
    queryFn: ({ pageParam }) =>
      api<Page<{ username: string; displayName: string; isLeader: boolean }>>('GET', `${base(slug)}/${id}/members${qs({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
export const createSubgroup = (slug: string, input: Partial<CreateSubgroupInput>) => api<SubgroupDetail>('POST', base(slug), input);
export const joinOrLeave = (slug: string, id: number, action: 'join' | 'leave') => api<void>('POST', `${base(slug)}/${id}/${action}`);
export const updateSubgroup = (slug: string, id: number, input: Record<string, unknown>) => api<SubgroupSummary>('PATCH', `${base(slug)}/${id}`, input);

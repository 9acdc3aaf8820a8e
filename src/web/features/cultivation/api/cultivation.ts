import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import type { Page } from '../../../../shared/contracts/common.ts';
import type { CultivationPlan, CultivationTask, LaunchRecord, ProposalSummary, StageChange, StageSignals } from '../../../../shared/contracts/cultivation.ts';
import { ApiError, api, qs } from '../../../lib/api.ts';

const base = (slug: string) => `/api/communities/${encodeURIComponent(slug)}`;

export const cultivationKeys = {
  /** Shared with the communities feature, so a stage change here refreshes the community everywhere. */
  community: (slug: string) => ['communities', 'detail', slug] as const,
  communities: ['communities'] as const,
  plan: (slug: string) => ['cultivation', 'plan', slug] as const,
  launch: (slug: string) => ['cultivation', 'launch', slug] as const,
  history: (slug: string) => ['cultivation', 'history', slug] as const,
  signals: (slug: string) => ['cultivation', 'signals', slug] as const,
  proposals: ['cultivation', 'proposals'] as const,
  all: ['cultivation'] as const,
};

export function useCommunityDetail(slug: string) {
  return useQuery({ queryKey: cultivationKeys.community(slug), queryFn: () => api<CommunityDetail>('GET', base(slug)) });
}

export function usePlan(slug: string, enabled = true) {
  return useQuery({ queryKey: cultivationKeys.plan(slug), queryFn: () => api<CultivationPlan>('GET', `${base(slug)}/plan`), enabled });
}

export function useLaunchRecord(slug: string, enabled = true) {
  return useQuery({ queryKey: cultivationKeys.launch(slug), queryFn: () => api<LaunchRecord>('GET', `${base(slug)}/launch`), enabled });
}

export function useStageSignals(slug: string, enabled: boolean) {
  return useQuery({ queryKey: cultivationKeys.signals(slug), queryFn: () => api<StageSignals>('GET', `${base(slug)}/stage-signals`), enabled });
}

export function useStageHistory(slug: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: cultivationKeys.history(slug),
    queryFn: ({ pageParam }) => api<Page<StageChange>>('GET', `${base(slug)}/stage-history${qs({ cursor: pageParam, limit: 5 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useProposals() {
  return useInfiniteQuery({
    queryKey: cultivationKeys.proposals,
    queryFn: ({ pageParam }) => api<Page<ProposalSummary>>('GET', `/api/proposals${qs({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const changeStage = (slug: string, stage: string, stageReason: string) => api<CommunityDetail>('PATCH', base(slug), { stage, stageReason });
export const saveLaunchStep = (slug: string, step: string, values: Record<string, unknown>) => api<void>('PUT', `${base(slug)}/launch/${step}`, values);
export const launchCommunity = (slug: string, stage: string, reason: string) =>
  api<{ status: string; stage: string }>('POST', `${base(slug)}/launch`, { stage, reason });
export const addTask = (slug: string, input: Record<string, unknown>) => api<CultivationTask>('POST', `${base(slug)}/plan/tasks`, input);
export const updateTask = (slug: string, id: number, input: Record<string, unknown>) => api<CultivationTask>('PATCH', `${base(slug)}/plan/tasks/${id}`, input);
export const deleteTask = (slug: string, id: number) => api<void>('DELETE', `${base(slug)}/plan/tasks/${id}`);

export const isNotFound = (err: unknown) => err instanceof ApiError && err.status === 404;
export const isForbidden = (err: unknown) => err instanceof ApiError && err.status === 403;

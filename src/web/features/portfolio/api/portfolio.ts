import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../../shared/contracts/common.ts';
import type { DomainInput, DomainView, SponsoredCommunity } from '../../../../shared/contracts/portfolio.ts';
import { api, qs } from '../../../lib/api.ts';

export const portfolioKeys = {
  domains: ['portfolio', 'domains'] as const,
  sponsoring: ['portfolio', 'sponsoring'] as const,
};

export function useDomains() {
  return useInfiniteQuery({
    queryKey: portfolioKeys.domains,
    queryFn: ({ pageParam }) => api<Page<DomainView> & { canManage: boolean }>('GET', `/api/domains${qs({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSponsoring() {
  return useQuery({ queryKey: portfolioKeys.sponsoring, queryFn: () => api<{ items: SponsoredCommunity[] }>('GET', '/api/me/sponsorships') });
}

/** One mutation for every portfolio change; the list refreshes afterwards. */
export function usePortfolioChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method, url, body }: { method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: Partial<DomainInput> }) => api(method, url, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portfolio'] }),
  });
}

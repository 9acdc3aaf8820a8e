import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../../shared/contracts/common.ts';
import type { CommunitySummary } from '../../../../shared/contracts/communities.ts';
import type { SearchHit } from '../../../../shared/contracts/search.ts';
import { api, qs } from '../../../lib/api.ts';

export interface SearchParams {
  q?: string;
  community?: string;
  activity?: string;
  kind?: 'community' | 'topic' | 'reply';
}

export function useSearch(p: SearchParams) {
  return useInfiniteQuery({
    queryKey: ['search', p],
    queryFn: ({ pageParam }) =>
      api<{ items: SearchHit[]; nextOffset: number | null }>(
        'GET',
        `/api/search${qs({ q: p.q, community: p.community, activity: p.activity, kind: p.kind, offset: pageParam || undefined, limit: 20 })}`,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    enabled: Boolean(p.q?.trim()),
  });
}

/** Communities to offer in the community filter: yours when signed in, otherwise the ones you can see. */
export function useCommunityOptions(signedIn: boolean) {
  return useQuery({
    queryKey: ['communities', 'search-options', signedIn],
    queryFn: () => api<Page<CommunitySummary>>('GET', `/api/communities${qs({ mine: signedIn ? 'true' : undefined, limit: 50 })}`),
  });
}

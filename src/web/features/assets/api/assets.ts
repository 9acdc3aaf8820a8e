import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  AssetDetail,
  AssetReuseView,
  AssetSummary,
  AssetVersionView,
  CollectionDetail,
  CollectionSummary,
  CreateAssetInput,
  EventAssets,
  TopicAssets,
  UpdateAssetInput,
} from '../../../../shared/contracts/assets.ts';
import type { Page } from '../../../../shared/contracts/common.ts';
import type { TopicSummary } from '../../../../shared/contracts/conversations.ts';
import type { OccurrenceSummary } from '../../../../shared/contracts/events.ts';
import { ApiError, api, ensureCsrf, qs } from '../../../lib/api.ts';

export const assetKeys = {
  list: (slug: string) => ['assets', 'list', slug] as const,
  one: (id: number) => ['assets', 'one', id] as const,
  reviews: ['assets', 'reviews'] as const,
  /** Every topic's and event's list of assets (an added or relinked asset may change any of them). */
  linked: ['assets', 'linked'] as const,
};

export function useAssets(slug: string, filter: { status?: string; needsReview?: boolean }) {
  return useInfiniteQuery({
    queryKey: [...assetKeys.list(slug), filter],
    queryFn: ({ pageParam }) =>
      api<Page<AssetSummary>>('GET', `/api/communities/${encodeURIComponent(slug)}/assets${qs({ ...filter, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
export const useAsset = (id: number) => useQuery({ queryKey: assetKeys.one(id), queryFn: () => api<AssetDetail>('GET', `/api/assets/${id}`) });
export const useVersions = (id: number) =>
  useQuery({ queryKey: [...assetKeys.one(id), 'versions'], queryFn: () => api<Page<AssetVersionView>>('GET', `/api/assets/${id}/versions?limit=50`) });
/** One version of an asset (number 0: none asked for, nothing fetched). */
export const useVersion = (id: number, number: number) =>
  useQuery({ queryKey: [...assetKeys.one(id), 'versions', number], queryFn: () => api<AssetVersionView>('GET', `/api/assets/${id}/versions/${number}`), enabled: number > 0 });
export const useReuses = (id: number) =>
  useQuery({ queryKey: [...assetKeys.one(id), 'reuses'], queryFn: () => api<Page<AssetReuseView>>('GET', `/api/assets/${id}/reuses?limit=50`) });
export const useReviewQueue = () => useQuery({ queryKey: assetKeys.reviews, queryFn: () => api<Page<AssetSummary>>('GET', '/api/me/reviews?limit=50') });

export const createAsset = (slug: string, input: CreateAssetInput) => api<AssetDetail>('POST', `/api/communities/${encodeURIComponent(slug)}/assets`, input);
export const updateAsset = (id: number, input: UpdateAssetInput) => api<AssetDetail>('PATCH', `/api/assets/${id}`, input);
export const restoreVersion = (id: number, number: number) => api<AssetDetail>('POST', `/api/assets/${id}/versions/${number}/restore`);
export const recordReuse = (id: number, note: string) => api<AssetReuseView>('POST', `/api/assets/${id}/reuses`, { note });
export const reviewAsset = (id: number, action: 'confirm' | 'retire' | 'reactivate') => api<AssetDetail>('POST', `/api/assets/${id}/review`, { action });

/**
 * Sends a file with its fields as multipart/form-data, reporting progress (0–1); fetch cannot
 * report upload progress, XMLHttpRequest can. Failures reject with ApiError like `api`.
 */
export async function uploadWithProgress<T>(url: string, file: File, fields: Record<string, string>, onProgress: (fraction: number) => void): Promise<T> {
  const csrf = await ensureCsrf();
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { detail?: string; title?: string; code?: string; errors?: { path: string; message: string }[] } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: fall back to a plain message below.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const fieldErrors: Record<string, string> = {};
      for (const e of body.errors ?? []) fieldErrors[e.path] ??= e.message;
      reject(new ApiError(xhr.status, body.code ?? String(xhr.status), body.detail ?? body.title ?? 'The upload failed. Please try again.', fieldErrors));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'We could not reach the server. Check your connection and try again.', {}));
    xhr.send(form);
  });
}

export const uploadAsset = (slug: string, file: File, fields: Record<string, string>, onProgress: (f: number) => void) =>
  uploadWithProgress<AssetDetail>(`/api/communities/${encodeURIComponent(slug)}/assets/files`, file, fields, onProgress);
export const uploadNewFile = (id: number, file: File, onProgress: (f: number) => void) => uploadWithProgress<AssetDetail>(`/api/assets/${id}/file`, file, {}, onProgress);

export const collectionKeys = { list: (slug: string) => ['collections', 'list', slug] as const, one: (id: number) => ['collections', 'one', id] as const };
export const useCollections = (slug: string) =>
  useQuery({
    queryKey: collectionKeys.list(slug),
    queryFn: () => api<Page<CollectionSummary>>('GET', `/api/communities/${encodeURIComponent(slug)}/collections?limit=50`),
  });
export const useCollection = (id: number) => useQuery({ queryKey: collectionKeys.one(id), queryFn: () => api<CollectionDetail>('GET', `/api/collections/${id}`) });
export const createCollection = (slug: string, input: { title: string; description: string }) =>
  api<CollectionDetail>('POST', `/api/communities/${encodeURIComponent(slug)}/collections`, input);
export const setCollectionItems = (id: number, assetIds: number[]) => api<CollectionDetail>('PUT', `/api/collections/${id}/items`, { assetIds });
export const updateCollection = (id: number, input: { title?: string; description?: string }) => api<CollectionDetail>('PATCH', `/api/collections/${id}`, input);
export const deleteCollection = (id: number) => api<void>('DELETE', `/api/collections/${id}`);

/** The assets that came from a topic, and the communities where the viewer may save it. */
export const useTopicAssets = (topicId: number) =>
  useQuery({ queryKey: [...assetKeys.linked, 'topic', topicId], queryFn: () => api<TopicAssets>('GET', `/api/topics/${topicId}/assets`) });

/** The assets that came from an event, and whether the viewer may save it to its community's repository. */
export const useEventAssets = (eventId: number) =>
  useQuery({ queryKey: [...assetKeys.linked, 'event', eventId], queryFn: () => api<EventAssets>('GET', `/api/events/${eventId}/assets`) });

export interface RepositorySettings {
  reviewAfterDays: number;
  viewer: { canChange: boolean };
}
export const repositorySettingsKey = (slug: string) => ['assets', 'settings', slug] as const;
export const useRepositorySettings = (slug: string) =>
  useQuery({ queryKey: repositorySettingsKey(slug), queryFn: () => api<RepositorySettings>('GET', `/api/communities/${encodeURIComponent(slug)}/repository-settings`) });
export const saveRepositorySettings = (slug: string, reviewAfterDays: number) =>
  api<RepositorySettings>('PUT', `/api/communities/${encodeURIComponent(slug)}/repository-settings`, { reviewAfterDays });

export interface LinkRef {
  id: number;
  title: string;
}

/** What an asset can be linked to: the community's recent topics and the events of the past year and next month. */
export function useLinkChoices(slug: string) {
  const topics = useQuery({
    queryKey: ['assets', 'link-topics', slug],
    queryFn: () => api<Page<TopicSummary>>('GET', `/api/communities/${encodeURIComponent(slug)}/topics?limit=50`),
    staleTime: 60_000,
  });
  const events = useQuery({
    queryKey: ['assets', 'link-events', slug],
    queryFn: async () => {
      const day = 86400_000;
      const now = Date.now();
      const res = await api<{ items: OccurrenceSummary[] }>(
        'GET',
        `/api/communities/${encodeURIComponent(slug)}/events${qs({ from: new Date(now - 360 * day).toISOString(), to: new Date(now + 30 * day).toISOString() })}`,
      );
      // One choice per event (a series has many occurrences), the most recent first.
      const seen = new Map<number, LinkRef>();
      for (const o of [...res.items].reverse()) if (!seen.has(o.eventId)) seen.set(o.eventId, { id: o.eventId, title: o.title });
      return [...seen.values()];
    },
    staleTime: 60_000,
  });
  return {
    topics: topics.data?.items.map((t) => ({ id: t.id, title: t.title })) ?? [],
    events: events.data ?? [],
    pending: topics.isPending || events.isPending,
  };
}

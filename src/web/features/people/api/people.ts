import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../../shared/contracts/common.ts';
import type {
  ExpertiseArea,
  ExpertSuggestion,
  MyCommunity,
  MyProfile,
  PersonCard,
  PublicProfile,
  UpdateProfileInput,
} from '../../../../shared/contracts/people.ts';
import { ApiError, api, qs } from '../../../lib/api.ts';

export type Profile = PublicProfile;

export const peopleKeys = {
  profile: (username: string) => ['people', username] as const,
  me: ['me', 'profile'] as const,
  myCommunities: ['me', 'communities'] as const,
  directory: (f: DirectoryFilters) => ['people', 'directory', f] as const,
  whoKnows: (q: string, community?: string) => ['people', 'who-knows', q, community ?? ''] as const,
};

export function useProfile(username: string) {
  return useQuery({ queryKey: peopleKeys.profile(username), queryFn: () => api<Profile>('GET', `/api/people/${encodeURIComponent(username)}`) });
}

export const isNotFound = (err: unknown) => err instanceof ApiError && err.status === 404;

export function useMyProfile() {
  return useQuery({ queryKey: peopleKeys.me, queryFn: () => api<MyProfile>('GET', '/api/me/profile') });
}

/** After any change to my profile: refresh the settings page and my public profile. */
function useProfileSaved() {
  const qc = useQueryClient();
  return (p: MyProfile) => {
    qc.setQueryData(peopleKeys.me, p);
    void qc.invalidateQueries({ queryKey: ['people'] });
    void qc.invalidateQueries({ queryKey: ['session'] });
  };
}

export function useUpdateProfile() {
  const saved = useProfileSaved();
  return useMutation({ mutationFn: (input: UpdateProfileInput) => api<MyProfile>('PATCH', '/api/me/profile', input), onSuccess: saved });
}

export function useSetExpertise() {
  const saved = useProfileSaved();
  return useMutation({ mutationFn: (areas: ExpertiseArea[]) => api<MyProfile>('PUT', '/api/me/expertise', { areas }), onSuccess: saved });
}

/** Uploads a photo as multipart/form-data (the one write that is not JSON). */
async function uploadPhoto(file: File): Promise<MyProfile> {
  const session = (await (await fetch('/api/auth/session', { credentials: 'same-origin' })).json()) as { csrfToken: string };
  const form = new FormData();
  form.append('photo', file);
  let res: Response;
  try {
    res = await fetch('/api/me/photo', { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': session.csrfToken, accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'We could not reach the server. Check your connection and try again.', {});
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { detail?: string; code?: string; errors?: { path: string; message: string }[] };
    const fields: Record<string, string> = {};
    for (const e of body.errors ?? []) fields[e.path] ??= e.message;
    throw new ApiError(res.status, body.code ?? String(res.status), body.detail ?? 'The photo could not be uploaded.', fields);
  }
  return (await res.json()) as MyProfile;
}

export function useUploadPhoto() {
  const saved = useProfileSaved();
  return useMutation({ mutationFn: uploadPhoto, onSuccess: saved });
}

export function useRemovePhoto() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('DELETE', '/api/me/photo'),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: peopleKeys.me });
      void qc.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

export function useMyCommunities() {
  return useInfiniteQuery({
    queryKey: peopleKeys.myCommunities,
    queryFn: ({ pageParam }) => api<Page<MyCommunity>>('GET', `/api/me/communities${qs({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export interface DirectoryFilters {
  q?: string;
  community?: string;
  tag?: string;
  role?: string;
}

export function useDirectory(f: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: peopleKeys.directory(f),
    queryFn: ({ pageParam }) => api<Page<PersonCard>>('GET', `/api/people${qs({ ...f, cursor: pageParam, limit: 24 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useWhoKnows(q: string, community?: string) {
  return useQuery({
    queryKey: peopleKeys.whoKnows(q, community),
    queryFn: () => api<{ items: ExpertSuggestion[] }>('GET', `/api/who-knows${qs({ q, community, limit: 10 })}`),
    enabled: q.length >= 2,
  });
}

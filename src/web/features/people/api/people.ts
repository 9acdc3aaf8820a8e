import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../lib/api.ts';

export interface Profile {
  username: string;
  displayName: string;
  bio: string | null;
  memberSince: string;
  communities: { slug: string; name: string; roles: string[] }[];
  recentTopics: { id: number; title: string; activityType: string; createdAt: string }[];
}

export function useProfile(username: string) {
  return useQuery({ queryKey: ['people', username], queryFn: () => api<Profile>('GET', `/api/people/${encodeURIComponent(username)}`) });
}

export const isNotFound = (err: unknown) => err instanceof ApiError && err.status === 404;

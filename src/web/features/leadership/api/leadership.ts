import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../../../shared/contracts/common.ts';
import type { ReflectionInput, LeadershipView, ReflectionView } from '../../../../shared/contracts/leadership.ts';
import { api } from '../../../lib/api.ts';

const base = (slug: string) => `/api/communities/${encodeURIComponent(slug)}`;

export const leadershipKeys = {
  coverage: (slug: string) => ['leadership', slug] as const,
  reflections: (slug: string) => ['reflections', slug] as const,
};

export const useCoverage = (slug: string) => useQuery({ queryKey: leadershipKeys.coverage(slug), queryFn: () => api<LeadershipView>('GET', `${base(slug)}/leadership`) });
export const useReflections = (slug: string) =>
  useQuery({ queryKey: leadershipKeys.reflections(slug), queryFn: () => api<Page<ReflectionView>>('GET', `${base(slug)}/role-reflections`) });

export const setCoverage = (slug: string, fn: string, username: string, on: boolean) =>
  api<void>(on ? 'PUT' : 'DELETE', `${base(slug)}/leadership/${fn}/people/${encodeURIComponent(username)}`);
export const saveReflection = (slug: string, role: string, input: ReflectionInput) => api<ReflectionView>('PUT', `${base(slug)}/role-reflections/${role}`, input);

import { useQuery } from '@tanstack/react-query';
import type { OrientationView } from '../../../../shared/contracts/orientation.ts';
import { api } from '../../../lib/api.ts';

const base = (slug: string) => `/api/communities/${encodeURIComponent(slug)}`;
export const orientationKeys = { profile: (slug: string) => ['orientation', slug] as const };

export const useOrientation = (slug: string) => useQuery({ queryKey: orientationKeys.profile(slug), queryFn: () => api<OrientationView>('GET', `${base(slug)}/orientation`) });
export const saveRatings = (slug: string, ratings: Record<string, number>) => api<OrientationView>('PUT', `${base(slug)}/orientation`, { ratings });
export const setFeature = (slug: string, feature: string, on: boolean) => api<{ featuresOff: string[] }>('PUT', `${base(slug)}/features/${feature}`, { on });

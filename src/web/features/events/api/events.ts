import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../../shared/contracts/common.ts';
import type { CalendarToken, EventDetail, OccurrenceDetail, OccurrenceSummary, Rhythm, RsvpEntry } from '../../../../shared/contracts/events.ts';
import { api, qs } from '../../../lib/api.ts';

export const eventKeys = { all: ['events'] as const };

export interface OccurrenceWindow {
  from: string;
  to: string;
  items: OccurrenceSummary[];
  viewer?: { canCreate: boolean; canManage: boolean };
}

export const useCommunityEvents = (slug: string, from: string, to: string) =>
  useQuery({
    queryKey: [...eventKeys.all, 'community', slug, from, to],
    queryFn: () => api<OccurrenceWindow>('GET', `/api/communities/${encodeURIComponent(slug)}/events${qs({ from, to })}`),
  });
export const useEvent = (id: number) => useQuery({ queryKey: [...eventKeys.all, 'one', id], queryFn: () => api<EventDetail>('GET', `/api/events/${id}`) });
export const useEventOccurrences = (id: number, from: string, to: string) =>
  useQuery({ queryKey: [...eventKeys.all, 'occurrences', id, from, to], queryFn: () => api<OccurrenceWindow>('GET', `/api/events/${id}/occurrences${qs({ from, to })}`) });
export const useOccurrence = (id: number, occurrence: string | undefined) =>
  useQuery({
    queryKey: [...eventKeys.all, 'occurrence', id, occurrence],
    queryFn: () => api<OccurrenceDetail>('GET', `/api/events/${id}/occurrences/${occurrence}`),
    enabled: Boolean(occurrence),
  });
export function useRsvps(id: number, occurrence: string) {
  return useInfiniteQuery({
    queryKey: [...eventKeys.all, 'rsvps', id, occurrence],
    queryFn: ({ pageParam }) => api<Page<RsvpEntry>>('GET', `/api/events/${id}/occurrences/${occurrence}/rsvps${qs({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
export function useAttendance(id: number, occurrence: string) {
  return useInfiniteQuery({
    queryKey: [...eventKeys.all, 'attendance', id, occurrence],
    queryFn: ({ pageParam }) =>
      api<Page<{ person: { username: string; displayName: string }; firstTime: boolean; selfCheckIn: boolean }>>(
        'GET',
        `/api/events/${id}/occurrences/${occurrence}/attendance${qs({ cursor: pageParam, limit: 50 })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
export const useRhythm = (slug: string) => useQuery({ queryKey: [...eventKeys.all, 'rhythm', slug], queryFn: () => api<Rhythm>('GET', `/api/communities/${encodeURIComponent(slug)}/rhythm`) });
export const useCalendarTokens = () => useQuery({ queryKey: [...eventKeys.all, 'tokens'], queryFn: () => api<{ items: CalendarToken[] }>('GET', '/api/calendar/tokens') });

export const createEvent = (slug: string, body: unknown) => api<EventDetail>('POST', `/api/communities/${encodeURIComponent(slug)}/events`, body);
export const updateEvent = (id: number, body: unknown) => api<EventDetail>('PATCH', `/api/events/${id}`, body);
export const cancelEvent = (id: number) => api<void>('DELETE', `/api/events/${id}`);
export const changeOccurrence = (id: number, occ: string, body: unknown) => api<OccurrenceSummary>('PUT', `/api/events/${id}/occurrences/${occ}`, body);
export const answer = (id: number, occ: string, response: string) => api<{ response: string; waitlisted: boolean }>('PUT', `/api/events/${id}/occurrences/${occ}/rsvp`, { response });
export const checkIn = (id: number, occ: string) => api<void>('POST', `/api/events/${id}/occurrences/${occ}/check-in`);
export const recordAttendance = (id: number, occ: string, body: { present: string[]; absent: string[] }) => api<void>('PUT', `/api/events/${id}/occurrences/${occ}/attendance`, body);
export const saveNotes = (id: number, occ: string, body: unknown) => api<void>('PUT', `/api/events/${id}/occurrences/${occ}/notes`, body);
export const createCalendarToken = (community?: string) => api<{ id: number; url: string; createdAt: string }>('POST', '/api/calendar/tokens', community ? { community } : {});
export const revokeCalendarToken = (id: number) => api<void>('DELETE', `/api/calendar/tokens/${id}`);

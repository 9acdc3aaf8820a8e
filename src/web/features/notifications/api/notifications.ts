import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxItem, NotificationSettings } from '../../../../shared/contracts/notifications.ts';
import { api, qs } from '../../../lib/api.ts';

export const notificationKeys = {
  unread: ['notifications', 'unread'] as const,
  inbox: (unreadOnly: boolean) => ['notifications', 'inbox', unreadOnly] as const,
  settings: ['notifications', 'settings'] as const,
};

interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
  unread: number;
}

/** The unread count; kept current by the live connection, so it rarely refetches. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api<{ unread: number }>('GET', '/api/notifications/unread-count'),
    enabled,
    staleTime: 60_000,
  });
}

export function useInbox(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.inbox(unreadOnly),
    queryFn: ({ pageParam }) => api<InboxPage>('GET', `/api/notifications${qs({ unread: unreadOnly ? 'true' : undefined, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<{ unread: number }>('POST', `/api/notifications/${id}/read`),
    onSuccess: async (r) => {
      qc.setQueryData(notificationKeys.unread, r);
      await qc.invalidateQueries({ queryKey: ['notifications', 'inbox'] });
    },
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ marked: number; unread: number }>('POST', '/api/notifications/read-all'),
    onSuccess: async () => {
      qc.setQueryData(notificationKeys.unread, { unread: 0 });
      await qc.invalidateQueries({ queryKey: ['notifications', 'inbox'] });
    },
  });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: notificationKeys.settings, queryFn: () => api<NotificationSettings>('GET', '/api/me/notification-settings') });
}

export function useSaveNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<NotificationSettings>) => api<NotificationSettings>('PUT', '/api/me/notification-settings', body),
    onSuccess: (s) => qc.setQueryData(notificationKeys.settings, s),
  });
}

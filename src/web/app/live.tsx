import { useQueryClient } from '@tanstack/react-query';
import { useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { topicKeys } from '../features/conversations/api/conversations.ts';
import { notificationKeys } from '../features/notifications/api/notifications.ts';

/**
 * One Server-Sent-Events connection per tab: the unread count follows new notifications, and the
 * topic being read refreshes when someone replies or an answer is accepted. Returns a sentence
 * for a polite live region, so screen-reader users hear what changed.
 */
export function useLiveUpdates(userId: number | null): string {
  const qc = useQueryClient();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const topicId = /^\/topics\/(\d+)$/.exec(pathname)?.[1] ?? null;
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    if (!userId && !topicId) return;
    const source = new EventSource(`/api/live${topicId ? `?topics=${topicId}` : ''}`);
    const onCount = (e: MessageEvent) => {
      const { unread } = JSON.parse(e.data) as { unread: number };
      const before = qc.getQueryData<{ unread: number }>(notificationKeys.unread)?.unread;
      qc.setQueryData(notificationKeys.unread, { unread });
      if (e.type === 'notification') {
        void qc.invalidateQueries({ queryKey: ['notifications', 'inbox'] });
        if (before !== undefined && unread > before) setAnnouncement(`You have ${unread} unread ${unread === 1 ? 'notification' : 'notifications'}.`);
      }
    };
    const onTopic = (e: MessageEvent) => {
      const { topicId: id, event } = JSON.parse(e.data) as { topicId: number; event: string };
      void qc.invalidateQueries({ queryKey: topicKeys.topic(id) });
      if (event === 'reply') setAnnouncement('A new reply arrived in this topic.');
      if (event === 'accepted') setAnnouncement('The accepted answer of this topic changed.');
    };
    if (userId) {
      source.addEventListener('ready', onCount);
      source.addEventListener('notification', onCount);
    }
    source.addEventListener('topic', onTopic);
    return () => source.close();
  }, [userId, topicId, qc]);

  return announcement;
}

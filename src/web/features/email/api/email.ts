import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { OutboxMessage, OutboxPage, UnsubscribeKind, UnsubscribeResult } from '../../../../shared/contracts/email.ts';
import { api, qs } from '../../../lib/api.ts';

export function useOutbox() {
  return useInfiniteQuery({
    queryKey: ['outbox'],
    queryFn: ({ pageParam }) => api<OutboxPage>('GET', `/api/admin/outbox${qs({ cursor: pageParam, limit: 25 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOutboxMessage(id: number) {
  return useQuery({ queryKey: ['outbox', id], queryFn: () => api<OutboxMessage>('GET', `/api/admin/outbox/${id}`) });
}

export const unsubscribe = (token: string, kind: UnsubscribeKind) =>
  api<UnsubscribeResult>('POST', `/api/email/unsubscribe${qs({ token, kind })}`, {});

export const undoUnsubscribe = (token: string, kind: UnsubscribeKind, value: string) =>
  api<UnsubscribeResult>('POST', '/api/email/unsubscribe/undo', { token, kind, value });

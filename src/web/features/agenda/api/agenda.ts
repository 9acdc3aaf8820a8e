import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AgendaItemView, CreateAgendaItemInput, TopicAgendaRef, UpdateAgendaItemInput } from '../../../../shared/contracts/agenda.ts';
import type { Page } from '../../../../shared/contracts/common.ts';
import { api, qs } from '../../../lib/api.ts';

const base = (slug: string) => `/api/communities/${encodeURIComponent(slug)}/agenda`;
export const agendaKeys = { list: (slug: string, status?: string) => ['agenda', slug, status ?? 'all'] as const, all: (slug: string) => ['agenda', slug] as const };

export function useAgenda(slug: string, status?: string) {
  return useInfiniteQuery({
    queryKey: agendaKeys.list(slug, status),
    queryFn: ({ pageParam }) => api<Page<AgendaItemView>>('GET', `${base(slug)}${qs({ status, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useTopicAgenda = (topicId: number) =>
  useQuery({ queryKey: ['topic-agenda', topicId], queryFn: () => api<Page<TopicAgendaRef>>('GET', `/api/topics/${topicId}/agenda`) });

export const createItem = (slug: string, input: Partial<CreateAgendaItemInput>) => api<AgendaItemView>('POST', base(slug), input);
export const updateItem = (slug: string, id: number, input: UpdateAgendaItemInput) => api<AgendaItemView>('PATCH', `${base(slug)}/${id}`, input);
export const deleteItem = (slug: string, id: number) => api<void>('DELETE', `${base(slug)}/${id}`);
export const unlinkTopic = (slug: string, id: number, topicId: number) => api<void>('DELETE', `${base(slug)}/${id}/topics/${topicId}`);

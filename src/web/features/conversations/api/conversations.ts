import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../../shared/contracts/common.ts';
import type { CommunitySummary } from '../../../../shared/contracts/communities.ts';
import type { CreateTopicInput, PostView, TopicSummary } from '../../../../shared/contracts/conversations.ts';
import { ApiError, api, qs } from '../../../lib/api.ts';

export interface FeedFilters {
  activity?: string;
  tag?: string;
  unanswered?: boolean;
}

export interface TopicDetail {
  topic: TopicSummary & { deleted: boolean; acceptedPostId: number | null };
  communities: { slug: string; name: string }[];
  viewer: { canReply: boolean; canModerate: boolean; canAccept: boolean; canEditTopic: boolean; isAuthor: boolean };
  posts: Page<PostView>;
}

export interface Revision {
  id: number;
  title: string | null;
  bodySource: string;
  createdAt: string;
  editor: { username: string; displayName: string } | null;
}

export const topicKeys = {
  feed: (slug: string, f: FeedFilters) => ['topics', 'feed', slug, f] as const,
  topic: (id: number) => ['topics', 'detail', id] as const,
  revisions: (postId: number) => ['topics', 'revisions', postId] as const,
  myCommunities: ['communities', 'mine-for-posting'] as const,
};

export function useTopicFeed(slug: string, f: FeedFilters) {
  return useInfiniteQuery({
    queryKey: topicKeys.feed(slug, f),
    queryFn: ({ pageParam }) =>
      api<Page<TopicSummary>>(
        'GET',
        `/api/communities/${encodeURIComponent(slug)}/topics${qs({ activity: f.activity, tag: f.tag, unanswered: f.unanswered ? 'true' : undefined, cursor: pageParam, limit: 20 })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

type TopicPage = { detail?: TopicDetail; posts: Page<PostView> };

/** The topic with its first page of posts; later pages come from /posts. */
export function useTopic(id: number) {
  return useInfiniteQuery({
    queryKey: topicKeys.topic(id),
    queryFn: async ({ pageParam }): Promise<TopicPage> => {
      if (!pageParam) {
        const detail = await api<TopicDetail>('GET', `/api/topics/${id}${qs({ limit: 50 })}`);
        return { detail, posts: detail.posts };
      }
      return { posts: await api<Page<PostView>>('GET', `/api/topics/${id}/posts${qs({ cursor: pageParam, limit: 50 })}`) };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.posts.nextCursor ?? undefined,
  });
}

export function useRevisions(postId: number, enabled: boolean) {
  return useQuery({
    queryKey: topicKeys.revisions(postId),
    queryFn: () => api<Page<Revision>>('GET', `/api/posts/${postId}/revisions`),
    enabled,
  });
}

/** Communities the viewer belongs to, for choosing where to post. */
export function useMyCommunities(enabled: boolean) {
  return useQuery({
    queryKey: topicKeys.myCommunities,
    queryFn: () => api<Page<CommunitySummary>>('GET', `/api/communities${qs({ mine: 'true', limit: 50 })}`),
    enabled,
  });
}

export const createTopic = (input: CreateTopicInput) => api<{ id: number; url: string }>('POST', '/api/topics', input);
export const updateTopic = (id: number, input: { title?: string; activityType?: string; tags?: string[] }) => api<void>('PATCH', `/api/topics/${id}`, input);
export const replyTo = (id: number, body: string, parentId?: number) => api<{ id: number }>('POST', `/api/topics/${id}/replies`, { body, parentId });
export const editPost = (id: number, body: string) => api<void>('PATCH', `/api/posts/${id}`, { body });
export const deletePost = (id: number) => api<void>('DELETE', `/api/posts/${id}`);
export const restorePost = (id: number) => api<void>('POST', `/api/posts/${id}/restore`);
export const setHelpful = (id: number, on: boolean) => api<{ helpfulCount: number; helpedByMe: boolean }>(on ? 'PUT' : 'DELETE', `/api/posts/${id}/helpful`);
export const acceptAnswer = (topicId: number, postId: number | null) =>
  postId === null ? api<void>('DELETE', `/api/topics/${topicId}/accepted`) : api<void>('PUT', `/api/topics/${topicId}/accepted`, { postId });

export const isNotFound = (err: unknown) => err instanceof ApiError && err.status === 404;
export const isForbidden = (err: unknown) => err instanceof ApiError && err.status === 403;

import { WatchControl } from '../../../components/watch-control.tsx';
import { useRouterState } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PostView } from '../../../../shared/contracts/conversations.ts';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Card } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { useQuery } from '@tanstack/react-query';
import { agendaStatuses } from '../../../../shared/model/catalogue.ts';
import { api, messageOf } from '../../../lib/api.ts';
import { learningActivities, lookup } from '../../../lib/catalogue.ts';
import { formatDateTime, formatRelative, plural } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { useSession } from '../../../lib/session.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { type TopicDetail, isForbidden, isNotFound, useTopic } from '../api/conversations.ts';
import { AcceptedNotice, Post } from '../components/post.tsx';
import { ReplyForm } from '../components/reply-form.tsx';
import { QuestionBadge } from '../components/topic-list.tsx';
import { TopicEditForm } from '../components/topic-edit-form.tsx';
import { TopicAssets } from '../../assets/components/linked-assets.tsx';

const MAX_INDENT = 3;

interface ThreadProps {
  posts: PostView[];
  childrenOf: Map<number, PostView[]>;
  detail: TopicDetail;
  depth: number;
  replyingTo: number | null;
  setReplyingTo: (id: number | null) => void;
  highlighted: number | null;
}

/** Replies and their replies, indented up to a few levels so it stays readable on a phone. */
function Thread({ posts, childrenOf, detail, depth, replyingTo, setReplyingTo, highlighted }: ThreadProps) {
  return (
    <ol className={depth === 0 ? 'space-y-4' : 'mt-3 space-y-3 border-l-2 border-slate-200 pl-3 sm:pl-5'}>
      {posts.map((p) => {
        const kids = childrenOf.get(p.id) ?? [];
        return (
          <li key={p.id}>
            <Post
              post={p}
              topic={detail.topic}
              viewer={detail.viewer}
              highlighted={highlighted === p.id}
              onReply={() => setReplyingTo(replyingTo === p.id ? null : p.id)}
            >
              {replyingTo === p.id && (
                <div className="border-t border-slate-100 p-4 sm:p-5">
                  <ReplyForm
                    topicId={detail.topic.id}
                    parentId={p.id}
                    parentName={p.author.displayName}
                    onDone={() => setReplyingTo(null)}
                    onCancel={() => setReplyingTo(null)}
                  />
                </div>
              )}
            </Post>
            {kids.length > 0 &&
              (depth + 1 < MAX_INDENT ? (
                <Thread posts={kids} childrenOf={childrenOf} detail={detail} depth={depth + 1} replyingTo={replyingTo} setReplyingTo={setReplyingTo} highlighted={highlighted} />
              ) : (
                <div className="mt-3">
                  <Thread posts={kids} childrenOf={childrenOf} detail={detail} depth={depth} replyingTo={replyingTo} setReplyingTo={setReplyingTo} highlighted={highlighted} />
                </div>
              ))}
          </li>
        );
      })}
    </ol>
  );
}

/** The learning agenda items this topic works on (in communities the viewer reads with the agenda on). */
function ServesAgenda({ topicId }: { topicId: number }) {
  const q = useQuery({
    queryKey: ['topic-agenda', topicId],
    queryFn: () => api<{ items: { id: number; question: string; status: string; community: { slug: string; name: string } }[] }>('GET', `/api/topics/${topicId}/agenda`),
  });
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <aside aria-label="Learning agenda" className="rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-900">
      <p className="font-medium">Works on the learning agenda</p>
      <ul className="mt-1 space-y-1">
        {items.map((i) => (
          <li key={i.id}>
            <AppLink href={paths.agenda(i.community.slug)} className="underline underline-offset-2">
              {i.question}
            </AppLink>{' '}
            <span className="text-brand-800">({lookup(agendaStatuses, i.status).name.toLowerCase()}, {i.community.name})</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}

export function TopicPage({ id }: { id: number }) {
  const { user } = useSession();
  const query = useTopic(id);
  const hash = useRouterState({ select: (s) => s.location.hash });
  const [replyingTo, setReplyingTo] = useState<number | null>(null);
  const [editingTopic, setEditingTopic] = useState(false);
  const [highlighted, setHighlighted] = useState<number | null>(null);

  const detail = query.data?.pages[0]?.detail;
  const posts = useMemo(() => query.data?.pages.flatMap((p) => p.posts.items) ?? [], [query.data]);
  usePageTitle(detail?.topic.title ?? (query.isError ? 'Not found' : null));

  const jumpTo = useCallback((postId: number) => {
    const el = document.getElementById(`post-${postId}`);
    if (!el) return false;
    el.scrollIntoView({ behavior: 'smooth', block: 'start' });
    el.focus({ preventScroll: true });
    setHighlighted(postId);
    history.replaceState(history.state, '', `#post-${postId}`);
    return true;
  }, []);

  // Search results link to /topics/:id#post-:postId: bring that post into view once it is rendered.
  useEffect(() => {
    const m = /^post-(\d+)$/.exec(hash ?? '');
    if (!m || posts.length === 0) return;
    const target = Number(m[1]);
    requestAnimationFrame(() => jumpTo(target));
  }, [hash, posts.length, jumpTo]);

  const { opening, topLevel, childrenOf } = useMemo(() => {
    const [first, ...rest] = posts;
    const openingPost = first && first.parentId === null ? first : undefined;
    const replies = openingPost ? rest : posts;
    const ids = new Set(posts.map((p) => p.id));
    const kids = new Map<number, PostView[]>();
    const top: PostView[] = [];
    for (const p of replies) {
      if (p.parentId && p.parentId !== openingPost?.id && ids.has(p.parentId)) {
        const list = kids.get(p.parentId) ?? [];
        list.push(p);
        kids.set(p.parentId, list);
      } else top.push(p);
    }
    // The accepted answer comes first, then replies in the order they were written.
    top.sort((a, b) => Number(b.isAccepted) - Number(a.isAccepted));
    return { opening: openingPost, topLevel: top, childrenOf: kids };
  }, [posts]);

  if (query.isPending) return <Loading label="Loading topic…" />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFound what="topic" />;
    if (isForbidden(query.error))
      return (
        <EmptyState title="This conversation is for members" action={<AppLink href={paths.home()} className={buttonClass('secondary')}>Browse communities</AppLink>}>
          {messageOf(query.error)}
        </EmptyState>
      );
    return <Alert tone="error" title="We could not load this topic.">{messageOf(query.error)}</Alert>;
  }
  if (!detail) return null;
  const { topic, viewer, communities } = detail;
  const activity = lookup(learningActivities, topic.activityType);
  const acceptedPost = topic.acceptedPostId ? posts.find((p) => p.id === topic.acceptedPostId) : undefined;
  const replyCount = topic.replyCount;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Communities this topic is in" className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
        <span>In</span>
        {communities.map((c, i) => (
          <span key={c.slug}>
            <AppLink href={paths.community(c.slug)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {c.name}
            </AppLink>
            {i < communities.length - 1 && <span aria-hidden="true">,</span>}
          </span>
        ))}
      </nav>
      <ServesAgenda topicId={topic.id} />

      <header className="space-y-3">
          <h1 tabIndex={-1} data-page-heading className="text-2xl font-bold tracking-tight text-slate-900 break-words sm:text-3xl">
            {topic.title}
          </h1>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="brand" title={activity.description}>
              {activity.name}
            </Badge>
            <QuestionBadge topic={topic} />
            {topic.deleted && <Badge tone="danger">Deleted</Badge>}
            {topic.tags.map((t) => (
              <AppLink
                key={t}
                href={`${paths.community(communities[0]?.slug ?? '')}?tag=${encodeURIComponent(t)}`}
                className="text-xs font-medium text-slate-700 underline-offset-2 hover:text-brand-800 hover:underline"
              >
                #{t}
              </AppLink>
            ))}
          </div>
          <p className="text-sm text-slate-600">
            Started by{' '}
            <AppLink href={paths.person(topic.author.username)} className="font-medium text-slate-900 underline-offset-2 hover:underline">
              {topic.author.displayName}
            </AppLink>{' '}
            <time dateTime={topic.createdAt} title={formatDateTime(topic.createdAt)}>
              {formatRelative(topic.createdAt)}
            </time>
            {viewer.canEditTopic && (
              <>
                {' · '}
                <button type="button" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900" onClick={() => setEditingTopic(true)}>
                  Edit title, activity or tags
                </button>
              </>
            )}
          </p>
          {user && <WatchControl url={`/api/topics/${topic.id}/watch`} what="topic" />}
        </header>
      {editingTopic && <TopicEditForm topic={topic} onDone={() => setEditingTopic(false)} />}

      {topic.acceptedPostId && <AcceptedNotice postId={topic.acceptedPostId} post={acceptedPost} onJump={() => jumpTo(topic.acceptedPostId!)} />}

      {opening && <Post post={opening} topic={topic} viewer={viewer} isOpening highlighted={highlighted === opening.id} />}

      {!topic.deleted && <TopicAssets topicId={topic.id} />}

      <section aria-labelledby="replies-heading" className="space-y-4 pt-2">
        <h2 id="replies-heading" className="text-lg font-semibold text-slate-900">
          {replyCount === 0 ? 'Replies' : plural(replyCount, 'reply', 'replies')}
        </h2>
        {topLevel.length === 0 ? (
          <p className="text-sm text-slate-600">
            {topic.isQuestion ? 'No answers yet. If you know something that could help, say so — even a partial answer helps.' : 'No replies yet. Be the first to respond.'}
          </p>
        ) : (
          <Thread posts={topLevel} childrenOf={childrenOf} detail={detail} depth={0} replyingTo={replyingTo} setReplyingTo={setReplyingTo} highlighted={highlighted} />
        )}
        <LoadMore hasMore={Boolean(query.hasNextPage)} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} label="Load more replies" />
      </section>

      <section aria-labelledby="reply-heading">
        <Card className="p-4 sm:p-5">
          <h2 id="reply-heading" className="text-base font-semibold text-slate-900">
            {topic.isQuestion ? 'Answer this question' : 'Join the conversation'}
          </h2>
          <div className="mt-4">
            {viewer.canReply ? (
              <ReplyForm topicId={topic.id} />
            ) : !user ? (
              <p className="text-sm text-slate-700">
                <AppLink href={`${paths.signIn()}?next=${encodeURIComponent(paths.topic(topic.id))}`} className="font-medium text-brand-700 underline underline-offset-2">
                  Sign in
                </AppLink>{' '}
                to reply.
              </p>
            ) : topic.deleted ? (
              <p className="text-sm text-slate-700">This topic was deleted, so it no longer takes replies.</p>
            ) : (
              <p className="text-sm text-slate-700">
                Join {communities.length === 1 ? 'its community' : 'one of its communities'} to reply:{' '}
                {communities.map((c, i) => (
                  <span key={c.slug}>
                    <AppLink href={paths.community(c.slug)} className="font-medium text-brand-700 underline underline-offset-2">
                      {c.name}
                    </AppLink>
                    {i < communities.length - 1 ? ', ' : '.'}
                  </span>
                ))}
              </p>
            )}
          </div>
        </Card>
      </section>
    </div>
  );
}

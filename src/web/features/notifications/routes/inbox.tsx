import type { InboxItem } from '../../../../shared/contracts/notifications.ts';
import { Button, buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { Checkbox } from '../../../components/ui/field.tsx';
import { messageOf } from '../../../lib/api.ts';
import { cx } from '../../../lib/cx.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { useInbox, useMarkAllRead, useMarkRead, useUnreadCount } from '../api/notifications.ts';

const kindLabel: Record<InboxItem['kind'], string> = {
  reply: 'Reply',
  mention: 'Mention',
  answer_accepted: 'Accepted answer',
  question_routed: 'Question for you',
  new_topic: 'New topic',
  invitation: 'Invitation',
  join_request: 'Join request',
  role_given: 'Role',
  event_created: 'New event',
  event_reminder: 'Event reminder',
};

function Row({ item, onOpen }: { item: InboxItem; onOpen: (id: number) => void }) {
  return (
    <li className={cx('flex gap-3 px-4 py-3 sm:px-5', !item.read && 'bg-brand-50/60')}>
      <span aria-hidden="true" className={cx('mt-2 size-2 shrink-0 rounded-full', item.read ? 'bg-transparent' : 'bg-brand-600')} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={item.kind === 'question_routed' ? 'warning' : 'neutral'}>{kindLabel[item.kind]}</Badge>
          <time dateTime={item.createdAt} title={formatDateTime(item.createdAt)} className="text-xs text-slate-600">
            {formatRelative(item.createdAt)}
          </time>
          {!item.read && <span className="sr-only">Unread.</span>}
        </div>
        <AppLink
          href={item.href}
          onClick={() => {
            if (!item.read) onOpen(item.id);
          }}
          className={cx('mt-1 block break-words text-sm underline-offset-2 hover:underline', item.read ? 'text-slate-700' : 'font-semibold text-slate-900')}
        >
          {item.summary}
        </AppLink>
        {item.reasons.length > 0 && (
          <ul className="mt-1 list-inside list-disc text-xs text-slate-600">
            {item.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

export function InboxPage({ unreadOnly, onFilter }: { unreadOnly: boolean; onFilter: (unreadOnly: boolean) => void }) {
  usePageTitle('Inbox');
  const inbox = useInbox(unreadOnly);
  const unread = useUnreadCount(true).data?.unread ?? 0;
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="Inbox"
        lead="Replies, mentions, answers and questions that may need you. Choose what reaches you, and how, in your notification settings."
        actions={
          <>
            <AppLink href="/settings/notifications" className={buttonClass('secondary')}>
              Notification settings
            </AppLink>
            <Button variant="primary" disabled={unread === 0} busy={markAll.isPending} onClick={() => markAll.mutate()}>
              Mark all read
            </Button>
          </>
        }
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" aria-live="polite">
          {unread === 0 ? 'You are all caught up.' : `${unread >= 100 ? '99+' : unread} unread`}
        </p>
        <Checkbox label="Only unread" checked={unreadOnly} onChange={(e) => onFilter(e.target.checked)} />
      </div>
      {markAll.isError && <Alert tone="error">{messageOf(markAll.error)}</Alert>}
      {inbox.isPending ? (
        <Loading label="Loading your inbox…" />
      ) : inbox.isError ? (
        <Alert tone="error" title="We could not load your inbox.">
          {messageOf(inbox.error)}
        </Alert>
      ) : items.length === 0 ? (
        <EmptyState
          title={unreadOnly ? 'Nothing unread' : 'Nothing here yet'}
          action={
            <AppLink href={paths.home()} className={buttonClass('secondary')}>
              Find a community
            </AppLink>
          }
        >
          {unreadOnly
            ? 'You have read everything. New replies, mentions and questions for you will show up here.'
            : 'When someone replies to you, mentions you or needs your expertise, you will hear about it here. Join a community and ask or answer a question to get started.'}
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">
            {items.map((i) => (
              <Row key={i.id} item={i} onOpen={(id) => markRead.mutate(id)} />
            ))}
          </ul>
        </Card>
      )}
      <LoadMore hasMore={Boolean(inbox.hasNextPage)} loading={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()} label="Older notifications" />
    </div>
  );
}

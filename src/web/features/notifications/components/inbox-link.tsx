import { cx } from '../../../lib/cx.ts';
import { AppLink } from '../../../lib/link.tsx';
import { useUnreadCount } from '../api/notifications.ts';

/** The header's bell: a link to the inbox with the unread count. */
export function InboxLink() {
  const { data } = useUnreadCount(true);
  const unread = data?.unread ?? 0;
  const label = unread === 0 ? 'Inbox, nothing unread' : `Inbox, ${unread >= 100 ? '99+' : unread} unread`;
  return (
    <AppLink href="/inbox" aria-label={label} className="relative flex size-9 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100 hover:text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" className="size-5">
        <path strokeLinecap="round" strokeLinejoin="round" d="M14.86 17.08a23.8 23.8 0 0 0 5.45-1.31A8.97 8.97 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.97 8.97 0 0 1-2.31 6.02c1.73.64 3.56 1.09 5.45 1.31m5.72 0a24.3 24.3 0 0 1-5.72 0m5.72 0a3 3 0 1 1-5.72 0" />
      </svg>
      {unread > 0 && (
        <span
          data-testid="unread-badge"
          aria-hidden="true"
          className={cx('absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-brand-700 px-1 text-center text-[11px] font-semibold leading-5 text-white ring-2 ring-white')}
        >
          {unread >= 100 ? '99+' : unread}
        </span>
      )}
    </AppLink>
  );
}

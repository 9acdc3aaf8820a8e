import type { ReactNode } from 'react';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { WatchControl } from '../../../components/watch-control.tsx';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, Loading } from '../../../components/ui/feedback.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { messageOf } from '../../../lib/api.ts';
import { domainTypes, lookup, roles } from '../../../lib/catalogue.ts';
import { AppLink } from '../../../lib/link.tsx';
import { useSession } from '../../../lib/session.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { isNotFound, useCommunity } from '../api/communities.ts';
import { VisibilityBadge } from '../components/badges.tsx';
import { Charter } from '../components/charter.tsx';
import { CommunityTabs } from '../components/community-tabs.tsx';
import { MembershipActions } from '../components/membership-actions.tsx';

/** Why the viewer cannot read the conversations, and what to do about it. */
function Closed({ community: c }: { community: CommunityDetail }) {
  const { user } = useSession();
  let text: string;
  if (!user) text = 'Sign in and join to read and take part in its conversations.';
  else if (c.viewer.membership === 'requested') text = 'Your request to join is waiting for a coordinator. You will be able to read once they approve it.';
  else if (c.viewer.membership === 'invited') text = 'You have been invited. Accept the invitation to read and take part.';
  else if (c.viewer.canJoin) text = 'Join to read and take part in its conversations.';
  else if (c.viewer.canRequest) text = 'Ask to join and a coordinator will review your request. Once you are in, you can read and take part.';
  else text = 'Only invited people can join. Ask a coordinator or a member you know to invite you.';
  return (
    <Card className="p-6 text-center">
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" className="mx-auto size-8 text-slate-500">
        <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
        <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
      </svg>
      <h2 className="mt-2 text-base font-semibold text-slate-900">Conversations are for members</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">{text}</p>
      {!user && (
        <div className="mt-4 flex justify-center gap-3">
          <AppLink href={`${paths.signIn()}?next=${encodeURIComponent(paths.community(c.slug))}`} className={buttonClass('primary')}>
            Sign in
          </AppLink>
          <AppLink href={`${paths.signUp()}?next=${encodeURIComponent(paths.community(c.slug))}`} className={buttonClass('secondary')}>
            Create an account
          </AppLink>
        </div>
      )}
    </Card>
  );
}

export function CommunityPage({
  slug,
  feed,
  top,
  aside,
}: {
  slug: string;
  feed: (community: CommunityDetail) => ReactNode;
  /** Notices above the page body (a proposal's launch progress, stage signals), from other features. */
  top?: (community: CommunityDetail) => ReactNode;
  /** More cards under the charter, from other features. */
  aside?: (community: CommunityDetail) => ReactNode;
}) {
  const query = useCommunity(slug);
  const c = query.data;
  usePageTitle(c?.name ?? (query.isError ? 'Not found' : null));

  if (query.isPending) return <Loading label="Loading community…" />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFound what="community" />;
    return <Alert tone="error" title="We could not load this community.">{messageOf(query.error)}</Alert>;
  }
  if (!c) return null;
  const myRoles = c.viewer.roles.map((r) => lookup(roles, r).name);

  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={
          <div className="flex flex-wrap items-center gap-2">
            <AppLink href={paths.home()} className="text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline">
              Communities
            </AppLink>
            <span aria-hidden="true">/</span>
            <Badge tone="brand">{lookup(domainTypes, c.domainType).name}</Badge>
            <VisibilityBadge visibility={c.visibility} />
          </div>
        }
        title={c.name}
        lead={
          <>
            <p>{c.domainStatement}</p>
            {myRoles.length > 0 && <p className="mt-2 text-sm text-slate-600">Your roles here: {myRoles.join(', ')}</p>}
          </>
        }
        actions={
          <div className="flex flex-col items-start gap-2 sm:items-end">
            <MembershipActions community={c} />
            {c.viewer.membership === 'active' && <WatchControl url={`/api/communities/${encodeURIComponent(c.slug)}/watch`} what="community" />}
            {c.viewer.canModerate && (
              <AppLink href={paths.members(c.slug)} className={buttonClass('secondary', 'sm')}>
                Manage members
              </AppLink>
            )}
          </div>
        }
      />
      <CommunityTabs community={c} current="conversations" />
      {top?.(c)}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">{c.viewer.canRead ? feed(c) : <Closed community={c} />}</div>
        <aside aria-label="About this community">
          <div className="space-y-4">
            <Charter community={c} />
            {aside?.(c)}
          </div>
        </aside>
      </div>
    </div>
  );
}

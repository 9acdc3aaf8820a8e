import { participationForms, participationRules, participationThresholds } from '../../../../shared/model/catalogue.ts';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Card, PageHeader, Section } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { messageOf } from '../../../lib/api.ts';
import { lookup, roles, sortRoles, visibilities } from '../../../lib/catalogue.ts';
import { formatRelative } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { useMyCommunities } from '../api/people.ts';

type Form = keyof typeof participationRules;

/** A gentle next step for each form of participation: an invitation, never a reproach. */
const invitation: Record<Form, string> = {
  core: 'Thank you for carrying this community. Consider inviting an active member into the core group.',
  active: 'You take part regularly. Answering an unanswered question is a great way to help a newcomer.',
  occasional: 'You join in when a topic matters to you. Watching the community tells you when one does.',
  peripheral: 'Reading is learning too. When you are ready, a short reply or a “this helped me” is a welcome first step.',
};

export function MyCommunitiesPage() {
  usePageTitle('My communities');
  const list = useMyCommunities();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const t = participationThresholds;

  return (
    <div className="space-y-8">
      <PageHeader
        title="My communities"
        lead="Every community you belong to, your roles, and how you take part in each. People move between these forms over time; each one is a legitimate way to belong."
        actions={
          <AppLink href={paths.home()} className={buttonClass('secondary')}>
            Find more communities
          </AppLink>
        }
      />
      {list.isPending ? (
        <Loading label="Loading your communities…" />
      ) : list.isError ? (
        <Alert tone="error">{messageOf(list.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState
          title="You have not joined a community yet"
          action={
            <AppLink href={paths.home()} className={buttonClass('primary')}>
              Browse communities
            </AppLink>
          }
        >
          Communities are groups of practitioners who share your challenges. Join one that matches your work, read along, and ask when you are
          stuck.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {items.map((c) => {
            const form = c.participation as Form;
            const info = lookup(participationForms, form);
            return (
              <Card as="li" key={c.slug} className="flex flex-col gap-3 p-4 sm:p-5">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className="text-base font-semibold">
                    <AppLink href={paths.community(c.slug)} className="text-brand-700 underline-offset-2 hover:underline">
                      {c.name}
                    </AppLink>
                  </h2>
                  {c.visibility !== 'open' && <Badge>{lookup(visibilities, c.visibility).name}</Badge>}
                </div>
                <p className="text-sm">
                  <span className="font-semibold text-slate-900">{info.name}</span>
                  <span className="text-slate-600"> — {participationRules[form]}</span>
                </p>
                {c.roles.length > 0 && (
                  <ul className="flex flex-wrap gap-1" aria-label="Your roles">
                    {sortRoles(c.roles).map((r) => (
                      <li key={r}>
                        <Badge tone={r === 'coordinator' ? 'brand' : 'neutral'} title={lookup(roles, r).description}>
                          {lookup(roles, r).name}
                        </Badge>
                      </li>
                    ))}
                  </ul>
                )}
                <p className="text-sm text-slate-600">
                  {c.postsRecently > 0
                    ? `${c.postsRecently} ${c.postsRecently === 1 ? 'post' : 'posts'} in the last ${t.activeWindowDays} days`
                    : c.lastPostAt
                      ? `Last posted ${formatRelative(c.lastPostAt)}`
                      : `No posts in the last ${t.occasionalWindowDays} days`}
                  {' · '}joined {formatRelative(c.joinedAt)}
                </p>
                <p className="mt-auto rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">{invitation[form]}</p>
              </Card>
            );
          })}
        </ul>
      )}
      <LoadMore hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} />
      <Section title="How forms of participation are worked out" id="rules">
        <Card className="p-4 sm:p-5">
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            {(Object.keys(participationRules) as Form[]).map((k) => (
              <div key={k}>
                <dt className="font-semibold text-slate-900">{lookup(participationForms, k).name}</dt>
                <dd className="text-slate-600">
                  {lookup(participationForms, k).description} {participationRules[k].replace(/^You /, 'Shown when you ')}
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm text-slate-600">Only you see this page. In a healthy community most members are occasional or peripheral.</p>
        </Card>
      </Section>
    </div>
  );
}

import { buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, Loading } from '../../../components/ui/feedback.tsx';
import { Card, PageHeader, Section } from '../../../components/ui/layout.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { messageOf } from '../../../lib/api.ts';
import { learningActivities, lookup, roles, sortRoles } from '../../../lib/catalogue.ts';
import { formatDate } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { useSession } from '../../../lib/session.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { isNotFound, useProfile } from '../api/people.ts';
import { Avatar, ExpertiseList, LocalTime } from '../components/person-bits.tsx';

export function PersonPage({ username }: { username: string }) {
  const { user } = useSession();
  const query = useProfile(username);
  const p = query.data;
  usePageTitle(p?.displayName ?? (query.isError ? 'Not found' : null));

  if (query.isPending) return <Loading label="Loading profile…" />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFound what="person" />;
    return <Alert tone="error">{messageOf(query.error)}</Alert>;
  }
  if (!p) return null;
  const me = user?.username === p.username;
  const first = p.displayName.split(/\s+/)[0];

  return (
    <div className="space-y-8">
      <div className="flex items-start gap-4">
        <Avatar name={p.displayName} photoUrl={p.photoUrl} size="lg" />
        <div className="min-w-0 flex-1">
          <PageHeader
            title={p.displayName}
            lead={
              <div className="space-y-1 text-sm">
                {p.title && <p className="text-base font-medium text-slate-800">{p.title}</p>}
                <p>
                  @{p.username} · member since {formatDate(p.memberSince)}
                </p>
                {(p.location || p.timeZone) && (
                  <p>
                    {p.location}
                    {p.location && p.timeZone && ' · '}
                    {p.timeZone && <LocalTime timeZone={p.timeZone} />}
                  </p>
                )}
              </div>
            }
            actions={
              me && (
                <AppLink href={paths.editProfile()} className={buttonClass('secondary')}>
                  Edit profile
                </AppLink>
              )
            }
          />
        </div>
      </div>
      {p.bio && <p className="max-w-2xl whitespace-pre-line text-base text-slate-700">{p.bio}</p>}
      <Section title="Expertise" id="expertise">
        {p.expertise.length === 0 ? (
          <p className="text-sm text-slate-600">
            {me ? (
              <>
                Add what you know about, so people can find you when they ask “who knows about…”.{' '}
                <AppLink href={paths.editProfile()} className="font-medium text-brand-700 underline underline-offset-2">
                  Add your expertise
                </AppLink>
              </>
            ) : (
              `${first} has not listed any expertise yet.`
            )}
          </p>
        ) : (
          <ExpertiseList areas={p.expertise} />
        )}
      </Section>
      <div className="grid gap-8 lg:grid-cols-2">
        <Section title="Communities" id="communities">
          {p.communities.length === 0 ? (
            <p className="text-sm text-slate-600">{me ? 'You have not joined a community yet.' : `${first} is not in any community you can see.`}</p>
          ) : (
            <Card>
              <ul className="divide-y divide-slate-100">
                {p.communities.map((c) => (
                  <li key={c.slug} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                    <AppLink href={paths.community(c.slug)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {c.name}
                    </AppLink>
                    <span className="flex flex-wrap gap-1">
                      {sortRoles(c.roles).map((r) => (
                        <Badge key={r} tone={r === 'coordinator' ? 'brand' : 'neutral'} title={lookup(roles, r).description}>
                          {lookup(roles, r).name}
                        </Badge>
                      ))}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </Section>
        <Section title="Recent topics" id="topics">
          {p.recentTopics.length === 0 ? (
            <p className="text-sm text-slate-600">{me ? 'Topics you start will show here.' : 'No topics you can see yet.'}</p>
          ) : (
            <Card>
              <ul className="divide-y divide-slate-100">
                {p.recentTopics.map((t) => (
                  <li key={t.id} className="px-4 py-3">
                    <AppLink href={paths.topic(t.id)} className="font-medium text-slate-900 underline-offset-2 hover:text-brand-800 hover:underline">
                      {t.title}
                    </AppLink>
                    <p className="mt-1 text-sm text-slate-600">
                      {lookup(learningActivities, t.activityType).name} · {formatDate(t.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </Section>
      </div>
    </div>
  );
}

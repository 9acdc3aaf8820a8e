import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { subgroupKinds } from '../../../../shared/model/catalogue.ts';
import { Button, buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Card, Section } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { ApiError, messageOf } from '../../../lib/api.ts';
import { lookup } from '../../../lib/catalogue.ts';
import { formatDate, plural } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { joinOrLeave, subgroupKeys, updateSubgroup, useSubgroup, useSubgroupMembers, useSubgroupTopics } from '../api/subgroups.ts';

/** One practice group or project: what it is for, who is in it, and its topics. */
export function SubgroupPage({ community: c, id }: { community: CommunityDetail; id: number }) {
  const qc = useQueryClient();
  const q = useSubgroup(c.slug, id);
  const topics = useSubgroupTopics(c.slug, id);
  const members = useSubgroupMembers(c.slug, id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (q.isPending) return <Loading label="Loading…" />;
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404) return <NotFound what="group" />;
    return <Alert tone="error">{messageOf(q.error)}</Alert>;
  }
  const sg = q.data;
  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: subgroupKeys.all(c.slug) });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  const topicItems = topics.data?.pages.flatMap((p) => p.items) ?? [];
  const memberItems = members.data?.pages.flatMap((p) => p.items) ?? [];
  const kind = lookup(subgroupKinds, sg.kind);
  return (
    <div className="space-y-8">
      <Card className="space-y-3 p-5">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <p className="text-sm text-slate-600" title={kind.description}>
              {kind.name}
            </p>
            <h2 className="text-xl font-semibold text-slate-900">{sg.name}</h2>
          </div>
          {sg.closed && <Badge>Closed</Badge>}
        </div>
        {sg.description && <p className="whitespace-pre-line text-slate-700">{sg.description}</p>}
        {sg.kind === 'project' && (
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="font-medium text-slate-900">Goal</dt>
              <dd className="text-slate-700">{sg.goal}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-900">End date</dt>
              <dd className="text-slate-700">{sg.endDate ? formatDate(sg.endDate) : 'None'}</dd>
            </div>
          </dl>
        )}
        <p className="text-sm text-slate-600">
          {sg.leader ? (
            <>
              Led by{' '}
              <AppLink href={paths.person(sg.leader.username)} className="text-brand-700 underline">
                {sg.leader.displayName}
              </AppLink>
            </>
          ) : (
            'No leader'
          )}{' '}
          · {plural(sg.memberCount, 'member', 'members')}
        </p>
        <div className="flex flex-wrap gap-2">
          {sg.viewer.canPost && (
            <AppLink href={paths.newTopicFrom(c.slug, { subgroup: sg.id })} className={buttonClass('primary', 'sm')}>
              Start a topic in {sg.kind === 'project' ? 'this project' : 'this group'}
            </AppLink>
          )}
          {sg.viewer.canJoin && (
            <Button size="sm" busy={busy} onClick={() => void run(() => joinOrLeave(c.slug, sg.id, 'join'))}>
              Join {sg.kind === 'project' ? 'the project' : 'the group'}
            </Button>
          )}
          {sg.viewer.canLeave && (
            <Button size="sm" variant="secondary" busy={busy} onClick={() => void run(() => joinOrLeave(c.slug, sg.id, 'leave'))}>
              Leave
            </Button>
          )}
          {sg.viewer.canEdit && (
            <Button size="sm" variant="ghost" busy={busy} onClick={() => void run(() => updateSubgroup(c.slug, sg.id, { closed: !sg.closed }))}>
              {sg.closed ? 'Reopen' : 'Close'} {sg.kind === 'project' ? 'the project' : 'the group'}
            </Button>
          )}
        </div>
        {error && <Alert tone="error">{error}</Alert>}
      </Card>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Section title="Topics" id="topics">
          {topics.isPending ? (
            <Loading label="Loading topics…" />
          ) : topicItems.length === 0 ? (
            <EmptyState title="No topics yet">{sg.viewer.canPost ? 'Start the first conversation of this group.' : 'Members of the group start its conversations.'}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
              {topicItems.map((t) => (
                <li key={t.id} className="px-4 py-3">
                  <AppLink href={paths.topic(t.id)} className="font-medium text-slate-900 underline-offset-2 hover:text-brand-800 hover:underline">
                    {t.title}
                  </AppLink>
                  <p className="text-sm text-slate-600">
                    {t.author.displayName} · {plural(t.replyCount, 'reply', 'replies')}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <LoadMore hasMore={Boolean(topics.hasNextPage)} loading={topics.isFetchingNextPage} onClick={() => void topics.fetchNextPage()} label="Load more topics" />
        </Section>
        <Section title="Members" id="group-members">
          <ul className="space-y-1.5 text-sm">
            {memberItems.map((m) => (
              <li key={m.username} className="flex items-center gap-2">
                <AppLink href={paths.person(m.username)} className="text-slate-900 underline-offset-2 hover:underline">
                  {m.displayName}
                </AppLink>
                {m.isLeader && <Badge tone="brand">Leader</Badge>}
              </li>
            ))}
          </ul>
          <LoadMore hasMore={Boolean(members.hasNextPage)} loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()} label="Load more members" />
        </Section>
      </div>
    </div>
  );
}

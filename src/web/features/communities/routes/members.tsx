import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { inviteInput } from '../../../../shared/contracts/communities.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Card, PageHeader, Section } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { ApiError, messageOf } from '../../../lib/api.ts';
import { lookup, roles, sortRoles } from '../../../lib/catalogue.ts';
import { formatDate, plural } from '../../../lib/format.ts';
import { useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { communityKeys, decideRequest, inviteSomeone, isNotFound, useCommunity, useMembers, useRequests } from '../api/communities.ts';
import { CommunityTabs } from '../components/community-tabs.tsx';
import { RoleEditor } from '../components/role-editor.tsx';

function Person({ username, displayName }: { username: string; displayName: string }) {
  return (
    <div className="min-w-0">
      <AppLink href={paths.person(username)} className="font-medium text-slate-900 underline-offset-2 hover:text-brand-800 hover:underline">
        {displayName}
      </AppLink>
      <span className="ml-2 text-sm text-slate-600">@{username}</span>
    </div>
  );
}

function InviteForm({ slug }: { slug: string }) {
  const qc = useQueryClient();
  const [who, setWho] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const errors = useFormErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    const checked = validate(inviteInput, { who });
    if (checked.errors) return errors.setFields(checked.errors);
    errors.clear();
    setBusy(true);
    try {
      const res = await inviteSomeone(slug, checked.data.who);
      setDone(res.invited === 'email' ? `Invitation saved for ${checked.data.who}. It will be waiting when they sign up with that address.` : `${checked.data.who} is invited. They will see it under Invitations.`);
      setWho('');
      await qc.invalidateQueries({ queryKey: communityKeys.requests(slug, 'invited') });
    } catch (err) {
      errors.fromError(err, ['who']);
      if (err instanceof ApiError && !err.fieldErrors.who && err.status === 409) errors.setFields({ who: err.detail });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField
            label="Email address or username"
            name="who"
            value={who}
            autoComplete="off"
            onChange={(e) => setWho(e.target.value)}
            error={errors.fields.who}
            hint="People already on Constellation see the invitation at once; others when they sign up."
          />
      <Button type="submit" busy={busy}>
        Send invitation
      </Button>
      <p aria-live="polite" className="text-sm text-emerald-800">
        {done}
      </p>
    </form>
  );
}

function Requests({ slug }: { slug: string }) {
  const qc = useQueryClient();
  const requests = useRequests(slug, 'requested', true);
  const invited = useRequests(slug, 'invited', true);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function decide(username: string, name: string, decision: 'approve' | 'decline') {
    setBusy(username);
    setError(null);
    try {
      await decideRequest(slug, username, decision);
      setStatus(decision === 'approve' ? `${name} is now a member.` : `You declined ${name}’s request.`);
      await qc.invalidateQueries({ queryKey: ['communities'] });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  const items = requests.data?.items ?? [];
  const invitedItems = invited.data?.items ?? [];
  return (
    <>
      <Section title={`Requests to join${items.length ? ` (${items.length})` : ''}`} id="requests">
        <p aria-live="polite" className="text-sm text-emerald-800">
          {status}
        </p>
        {error && <Alert tone="error">{error}</Alert>}
        {requests.isPending ? (
          <Loading label="Loading requests…" />
        ) : items.length === 0 ? (
          <p className="text-sm text-slate-600">No one is waiting. Requests appear here when people ask to join.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((r) => (
              <li key={r.username} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <Person {...r} />
                  <p className="text-sm text-slate-600">Asked on {formatDate(r.joinedAt)}</p>
                </div>
                <div className="flex gap-2">
                  <Button size="sm" variant="success" busy={busy === r.username} onClick={() => void decide(r.username, r.displayName, 'approve')} aria-label={`Approve ${r.displayName}`}>
                    Approve
                  </Button>
                  <Button size="sm" variant="secondary" disabled={busy === r.username} onClick={() => void decide(r.username, r.displayName, 'decline')} aria-label={`Decline ${r.displayName}`}>
                    Decline
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {invitedItems.length > 0 && (
        <Section title={`Invited, not yet joined (${invitedItems.length})`} id="invited">
          <ul className="divide-y divide-slate-100">
            {invitedItems.map((r) => (
              <li key={r.username} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <Person {...r} />
                <span className="text-sm text-slate-600">Invited {formatDate(r.joinedAt)}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

export function MembersPage({ slug }: { slug: string }) {
  const community = useCommunity(slug);
  const c = community.data;
  const members = useMembers(slug, Boolean(c?.viewer.canRead));
  usePageTitle(c ? `Members · ${c.name}` : community.isError ? 'Not found' : null);

  if (community.isPending) return <Loading label="Loading members…" />;
  if (community.isError) {
    if (isNotFound(community.error)) return <NotFound what="community" />;
    return <Alert tone="error" title="We could not load this community.">{messageOf(community.error)}</Alert>;
  }
  if (!c) return null;
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={
          <AppLink href={paths.community(c.slug)} className="text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline">
            <span aria-hidden="true">← </span>
            {c.name}
          </AppLink>
        }
        title="Members"
        lead={`${plural(c.memberCount, 'person', 'people')} in ${c.name}. Roles show how each person helps the community.`}
      />
      <CommunityTabs community={c} current="members" />
      {!c.viewer.canRead ? (
        <EmptyState title="Only members can see who belongs here">Join the community to see its members.</EmptyState>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <Section title="Everyone" id="members">
            {members.isPending ? (
              <Loading label="Loading members…" />
            ) : members.isError ? (
              <Alert tone="error">{messageOf(members.error)}</Alert>
            ) : (
              <Card as="div" className="divide-y divide-slate-100">
                <ul className="divide-y divide-slate-100">
                  {items.map((m) => (
                    <li key={m.username} className="px-4 py-4 sm:px-5">
                      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                        <div>
                          <Person {...m} />
                          <p className="text-sm text-slate-600">Member since {formatDate(m.joinedAt)}</p>
                        </div>
                        <div className="flex flex-wrap gap-1.5 sm:justify-end">
                          {sortRoles(m.roles).map((r) => (
                            <Badge key={r} tone={r === 'coordinator' ? 'brand' : 'neutral'} title={lookup(roles, r).description}>
                              {lookup(roles, r).name}
                            </Badge>
                          ))}
                        </div>
                      </div>
                      {c.viewer.canModerate && <RoleEditor slug={c.slug} member={m} />}
                    </li>
                  ))}
                </ul>
              </Card>
            )}
            <LoadMore hasMore={Boolean(members.hasNextPage)} loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()} label="Load more members" />
          </Section>
          {c.viewer.canModerate && (
            <aside aria-label="Coordinator tools" className="space-y-8">
              <Card className="space-y-8 p-5">
                <Section title="Invite someone" id="invite">
                  <InviteForm slug={c.slug} />
                </Section>
                <Requests slug={c.slug} />
              </Card>
            </aside>
          )}
        </div>
      )}
    </div>
  );
}

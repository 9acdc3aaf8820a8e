import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { messageOf } from '../../../lib/api.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { communityKeys, joinCommunity, leaveCommunity, useMyInvitations } from '../api/communities.ts';

/** Communities that invited the viewer, with accept and decline. Hidden when there are none, unless `always`. */
export function InvitationsPanel({ always = false }: { always?: boolean }) {
  const qc = useQueryClient();
  const invitations = useMyInvitations(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = invitations.data?.items ?? [];

  async function decide(slug: string, name: string, accept: boolean) {
    setBusy(slug);
    setError(null);
    try {
      if (accept) await joinCommunity(slug);
      else await leaveCommunity(slug);
      setDone(accept ? `You joined ${name}.` : `You declined the invitation to ${name}.`);
      await qc.invalidateQueries({ queryKey: communityKeys.all });
      await qc.invalidateQueries({ queryKey: communityKeys.invitations });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  if (invitations.isPending) return always ? <Loading label="Loading invitations…" /> : null;
  if (items.length === 0 && !always && !done) return null;

  return (
    <section aria-labelledby="invitations-heading" className="space-y-3 rounded-xl border border-amber-200 bg-amber-50/60 p-5">
      <h2 id="invitations-heading" className="text-base font-semibold text-slate-900">
        {items.length > 0 ? `You have ${items.length === 1 ? 'an invitation' : `${items.length} invitations`}` : 'Invitations'}
      </h2>
      <div aria-live="polite">{done && <p className="text-sm text-emerald-800">{done}</p>}</div>
      {error && <Alert tone="error">{error}</Alert>}
      {items.length === 0 ? (
        <EmptyState title="No invitations waiting">When a coordinator invites you to a community, it will show up here.</EmptyState>
      ) : (
        <ul className="divide-y divide-amber-200">
          {items.map((c) => (
            <li key={c.slug} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <AppLink href={paths.community(c.slug)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {c.name}
                </AppLink>
                <p className="text-sm text-slate-700">{c.domainStatement}</p>
              </div>
              <div className="flex shrink-0 gap-2">
                <Button size="sm" busy={busy === c.slug} onClick={() => void decide(c.slug, c.name, true)} aria-label={`Accept the invitation to ${c.name}`}>
                  Accept
                </Button>
                <Button size="sm" variant="secondary" disabled={busy === c.slug} onClick={() => void decide(c.slug, c.name, false)} aria-label={`Decline the invitation to ${c.name}`}>
                  Decline
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

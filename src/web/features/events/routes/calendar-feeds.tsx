import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Card, PageHeader, Section } from '../../../components/ui/layout.tsx';
import { messageOf } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { createCalendarToken, eventKeys, revokeCalendarToken, useCalendarTokens } from '../api/events.ts';

/** Secret calendar links: the personal one and per community; shown once, copyable, revocable. */
export function CalendarFeedsPage({ community }: { community?: string }) {
  usePageTitle('Calendar feeds');
  const qc = useQueryClient();
  const q = useCalendarTokens();
  const [fresh, setFresh] = useState<{ url: string; what: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: [...eventKeys.all, 'tokens'] });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  const create = (slug?: string) =>
    run(async () => {
      const t = await createCalendarToken(slug);
      setCopied(false);
      setFresh({ url: t.url, what: slug ? 'community' : 'personal' });
    });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Calendar feeds"
        lead="Subscribe to events in Google Calendar, Outlook or Apple Calendar with a secret link. Anyone with the link sees the events, so keep it to yourself; revoke it if it leaks."
      />
      <Card className="space-y-3 p-5">
        <div className="flex flex-wrap gap-2">
          <Button busy={busy} onClick={() => void create()}>
            New personal link
          </Button>
          {community && (
            <Button variant="secondary" busy={busy} onClick={() => void create(community)}>
              New link for this community’s events
            </Button>
          )}
        </div>
        <p className="text-sm text-slate-600">The personal feed holds the events of every community you belong to and every event you said you would (maybe) attend.</p>
        {fresh && (
          <div className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3">
            <label htmlFor="feed-url" className="block text-sm font-medium text-slate-900">
              Your new {fresh.what} link (shown only now)
            </label>
            <div className="flex flex-col gap-2 sm:flex-row">
              <input id="feed-url" readOnly value={fresh.url} className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm" onFocus={(e) => e.target.select()} />
              <Button
                variant="secondary"
                onClick={() => {
                  void navigator.clipboard?.writeText(fresh.url).then(() => setCopied(true));
                }}
              >
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            </div>
            <p className="text-sm text-slate-700" role="status">
              {copied ? 'The link is on your clipboard. Add it as a subscription (“From URL”) in your calendar.' : 'Copy it into your calendar as a subscription (“From URL”).'}
            </p>
          </div>
        )}
        {error && <Alert tone="error">{error}</Alert>}
      </Card>
      <Section title="Your links" id="links">
        {q.isPending ? (
          <Loading label="Loading links…" />
        ) : q.isError ? (
          <Alert tone="error">{messageOf(q.error)}</Alert>
        ) : q.data.items.length === 0 ? (
          <EmptyState title="No calendar links yet">Create one above; you can have several (one per device) and revoke each on its own.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {q.data.items.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{t.community ? t.community.name : 'Personal: all my events'}</p>
                  <p className="text-sm text-slate-600">
                    Created {formatDateTime(t.createdAt)} · {t.lastUsedAt ? `last read by a calendar ${formatDateTime(t.lastUsedAt)}` : 'not used yet'}
                  </p>
                </div>
                <Button size="sm" variant="danger" busy={busy} onClick={() => void run(() => revokeCalendarToken(t.id))} aria-label={`Revoke the link ${t.community ? `for ${t.community.name}` : 'for all my events'} created ${formatDateTime(t.createdAt)}`}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

import { useState } from 'react';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import type { OccurrenceSummary } from '../../../../shared/contracts/events.ts';
import { eventCadences, eventKinds } from '../../../../shared/model/catalogue.ts';
import { Button, buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { messageOf } from '../../../lib/api.ts';
import { lookup } from '../../../lib/catalogue.ts';
import { plural } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { useCommunityEvents } from '../api/events.ts';
import { formatMonth, formatShortDay, formatTime, inEventZone } from '../components/time.ts';

/** The first day of the month `offset` months from now, as ISO. */
function monthStart(offset: number) {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth() + offset, 1).toISOString();
}

function OccurrenceRow({ o }: { o: OccurrenceSummary }) {
  const kind = lookup(eventKinds, o.kind);
  const other = inEventZone(o.startsAt, o.timeZone);
  const past = new Date(o.endsAt).getTime() < Date.now();
  return (
    <li className="flex gap-3 px-4 py-3 sm:px-5">
      <div className="w-20 shrink-0 text-sm">
        <p className="font-medium text-slate-900">{formatShortDay(o.startsAt)}</p>
        <p className="text-slate-600">{formatTime(o.startsAt)}</p>
      </div>
      <div className="min-w-0 flex-1">
        <AppLink href={paths.event(o.eventId, o.occurrence)} className={`font-medium underline-offset-2 hover:underline ${o.cancelled ? 'text-slate-500 line-through' : 'text-slate-900'}`}>
          {o.title}
        </AppLink>
        <p className="text-sm text-slate-600">
          {kind.name}
          {o.place ? ` · ${o.place}` : ''}
          {o.online ? ' · Online' : ''}
          {!past && !o.cancelled && o.going > 0 ? ` · ${plural(o.going, 'person', 'people')} going` : ''}
          {other ? ` · ${other}` : ''}
        </p>
        <div className="mt-1 flex flex-wrap gap-1">
          <Badge tone={o.cadence === 'regular' ? 'brand' : 'warning'} title={lookup(eventCadences, o.cadence).description}>
            {lookup(eventCadences, o.cadence).name}
          </Badge>
          {o.cancelled && <Badge tone="danger">Cancelled</Badge>}
          {o.moved && <Badge>Moved</Badge>}
        </div>
      </div>
    </li>
  );
}

/** A community's events: three months at a time, by month, with links to plan one and to the rhythm. */
export function EventsPage({ community: c }: { community: CommunityDetail }) {
  const [offset, setOffset] = useState(0);
  const from = monthStart(offset - 1);
  const to = monthStart(offset + 2);
  const q = useCommunityEvents(c.slug, from, to);
  const months = new Map<string, OccurrenceSummary[]>();
  for (const o of q.data?.items ?? []) {
    const d = new Date(o.startsAt);
    const key = new Date(d.getFullYear(), d.getMonth(), 1).toISOString();
    months.set(key, [...(months.get(key) ?? []), o]);
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2">
        {q.data?.viewer?.canCreate && (
          <AppLink href={paths.newEvent(c.slug)} className={buttonClass('primary', 'sm')}>
            Plan an event
          </AppLink>
        )}
        <AppLink href={paths.rhythm(c.slug)} className={buttonClass('secondary', 'sm')}>
          See the rhythm
        </AppLink>
        <AppLink href={paths.calendarFeeds(c.slug)} className={buttonClass('ghost', 'sm')}>
          Add to your calendar
        </AppLink>
      </div>
      <nav aria-label="Months shown" className="flex items-center justify-between gap-2">
        <Button size="sm" variant="secondary" onClick={() => setOffset(offset - 3)}>
          <span aria-hidden="true">←</span> Earlier
        </Button>
        <p className="text-center text-sm font-medium text-slate-700" aria-live="polite">
          {formatMonth(from)} – {formatMonth(new Date(new Date(to).getTime() - 86400_000).toISOString())}
        </p>
        <Button size="sm" variant="secondary" onClick={() => setOffset(offset + 3)}>
          Later <span aria-hidden="true">→</span>
        </Button>
      </nav>
      {q.isPending ? (
        <Loading label="Loading events…" />
      ) : q.isError ? (
        <Alert tone="error">{messageOf(q.error)}</Alert>
      ) : months.size === 0 ? (
        <EmptyState title="No events in these months" action={q.data.viewer?.canCreate ? <AppLink href={paths.newEvent(c.slug)} className={buttonClass('primary', 'sm')}>Plan an event</AppLink> : undefined}>
          Regular events (a monthly call, a weekly clinic) build familiarity; special ones (a visit, a conference) bring new people and ideas.
        </EmptyState>
      ) : (
        [...months].map(([month, items]) => (
          <section key={month} aria-labelledby={`m-${month.slice(0, 7)}`} className="space-y-2">
            <h2 id={`m-${month.slice(0, 7)}`} className="text-base font-semibold text-slate-900">
              {formatMonth(month)}
            </h2>
            <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
              {items.map((o) => (
                <OccurrenceRow key={`${o.eventId}-${o.occurrence}`} o={o} />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}

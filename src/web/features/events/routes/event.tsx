import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { EventDetail, OccurrenceDetail } from '../../../../shared/contracts/events.ts';
import { eventCadences, eventKinds, rsvpResponses } from '../../../../shared/model/catalogue.ts';
import { Button, buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { TextArea, TextField } from '../../../components/ui/field.tsx';
import { Card, PageHeader, Section } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { ApiError, messageOf } from '../../../lib/api.ts';
import { lookup } from '../../../lib/catalogue.ts';
import { cx } from '../../../lib/cx.ts';
import { plural } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import {
  answer,
  cancelEvent,
  changeOccurrence,
  checkIn,
  eventKeys,
  recordAttendance,
  saveNotes,
  useAttendance,
  useEvent,
  useEventOccurrences,
  useOccurrence,
  useRsvps,
} from '../api/events.ts';
import { EventAssets } from '../../assets/components/linked-assets.tsx';
import { Markdown } from '../components/markdown.tsx';
import { formatShortDay, formatSpan, formatTime, inEventZone } from '../components/time.ts';

function useRun() {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function run(fn: () => Promise<unknown>, message?: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: eventKeys.all });
      if (message) setDone(message);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, done, run };
}

function Rsvp({ ev, o }: { ev: EventDetail; o: OccurrenceDetail }) {
  const { busy, error, run } = useRun();
  if (!o.viewer.canRsvp) return null;
  return (
    <div className="space-y-2">
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">Will you come?</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {rsvpResponses.map((r) => (
            <Button
              key={r.key}
              size="sm"
              variant={o.myResponse === r.key ? 'primary' : 'secondary'}
              aria-pressed={o.myResponse === r.key}
              busy={busy}
              title={r.description}
              onClick={() => void run(() => answer(ev.id, o.occurrence, r.key))}
            >
              {r.name}
            </Button>
          ))}
        </div>
      </fieldset>
      {o.myWaitlisted && <Alert tone="warning">It is full: you are on the waiting list and get a place as soon as someone stops going.</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}

function Answers({ ev, o }: { ev: EventDetail; o: OccurrenceDetail }) {
  const q = useRsvps(ev.id, o.occurrence);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title="Who is coming" id="answers">
      <p className="text-sm text-slate-700">
        {plural(o.going, 'person', 'people')} going{o.capacity ? ` of ${o.capacity} places` : ''} · {o.maybe} maybe · {o.notGoing} not going
        {o.waitlisted ? ` · ${o.waitlisted} waiting` : ''}
      </p>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody has answered yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-2 text-sm">
          {items
            .filter((r) => r.response !== 'not_going')
            .map((r) => (
              <li key={r.person.username} className="rounded-full border border-slate-200 bg-white px-3 py-1">
                <AppLink href={paths.person(r.person.username)} className="text-slate-900 underline-offset-2 hover:underline">
                  {r.person.displayName}
                </AppLink>
                <span className="text-slate-600"> · {r.waitlisted ? 'waiting' : lookup(rsvpResponses, r.response).name.toLowerCase()}</span>
              </li>
            ))}
        </ul>
      )}
      <LoadMore hasMore={Boolean(q.hasNextPage)} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} label="Load more answers" />
    </Section>
  );
}

function Attendance({ ev, o }: { ev: EventDetail; o: OccurrenceDetail }) {
  const att = useAttendance(ev.id, o.occurrence);
  const rsvps = useRsvps(ev.id, o.occurrence);
  const { busy, error, done, run } = useRun();
  const present = att.data?.pages.flatMap((p) => p.items) ?? [];
  const answered = (rsvps.data?.pages.flatMap((p) => p.items) ?? []).filter((r) => r.response !== 'not_going');
  const [marked, setMarked] = useState<Record<string, boolean>>({});
  const [others, setOthers] = useState('');
  const presentSet = new Set(present.map((p) => p.person.username));
  const candidates = [...new Map([...answered.map((r) => [r.person.username, r.person] as const), ...present.map((p) => [p.person.username, p.person] as const)]).values()];
  const isMarked = (u: string) => marked[u] ?? presentSet.has(u);

  function save(e: FormEvent) {
    e.preventDefault();
    const extra = others.split(/[\s,]+/).map((s) => s.replace(/^@/, '')).filter(Boolean);
    const nowPresent = [...candidates.filter((p) => isMarked(p.username)).map((p) => p.username), ...extra];
    const absent = candidates.filter((p) => !isMarked(p.username) && presentSet.has(p.username)).map((p) => p.username);
    void run(async () => {
      await recordAttendance(ev.id, o.occurrence, { present: nowPresent, absent });
      setOthers('');
      setMarked({});
    }, 'Attendance saved.');
  }

  return (
    <Section title="Who was there" id="attendance">
      {o.attended > 0 && (
        <p className="text-sm text-slate-700">
          {plural(o.attended, 'person', 'people')} came, {plural(o.firstTimers, 'first-timer', 'first-timers')}.
        </p>
      )}
      {present.length > 0 ? (
        <ul className="flex flex-wrap gap-2 text-sm">
          {present.map((p) => (
            <li key={p.person.username} className="rounded-full border border-slate-200 bg-white px-3 py-1">
              {p.person.displayName}
              {p.firstTime && (
                <Badge tone="success" className="ml-1">
                  First time
                </Badge>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{o.viewer.canRecord ? 'Nobody recorded yet.' : 'Attendance is recorded once the event has started.'}</p>
      )}
      <LoadMore hasMore={Boolean(att.hasNextPage)} loading={att.isFetchingNextPage} onClick={() => void att.fetchNextPage()} label="Load more people" />
      {o.viewer.canCheckIn && !o.myAttended && (
        <Button size="sm" busy={busy} onClick={() => void run(() => checkIn(ev.id, o.occurrence), 'You are checked in.')}>
          Check in: I am here
        </Button>
      )}
      {o.viewer.canRecord && (
        <form onSubmit={save} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-900">Record attendance</legend>
            {candidates.length === 0 && <p className="text-sm text-slate-600">Nobody answered; add the people who came by username below.</p>}
            {candidates.map((p) => (
              <label key={p.username} className="flex items-center gap-2 text-sm text-slate-900">
                <input type="checkbox" className="size-4 accent-brand-700" checked={isMarked(p.username)} onChange={(e) => setMarked({ ...marked, [p.username]: e.target.checked })} />
                {p.displayName}
              </label>
            ))}
          </fieldset>
          <TextField label="Others who came" optional hint="Usernames of members, separated by spaces or commas." value={others} onChange={(e) => setOthers(e.target.value)} />
          <Button type="submit" size="sm" busy={busy}>
            Save attendance
          </Button>
        </form>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {done && <Alert tone="success">{done}</Alert>}
    </Section>
  );
}

function Notes({ ev, o }: { ev: EventDetail; o: OccurrenceDetail }) {
  const { busy, error, done, run } = useRun();
  const [editing, setEditing] = useState(false);
  const [notes, setNotes] = useState(o.notes?.notes ?? '');
  const [decisions, setDecisions] = useState(o.notes?.decisions ?? '');
  const [questions, setQuestions] = useState('');
  const [topics, setTopics] = useState(o.topics.map((t) => String(t.id)).join(' '));
  const started = new Date(o.startsAt).getTime() <= Date.now();

  function save(e: FormEvent) {
    e.preventDefault();
    const topicIds = [...topics.matchAll(/(?:topics\/)?(\d+)/g)].map((m) => Number(m[1]));
    const newQuestions = questions.split('\n').map((s) => s.trim()).filter(Boolean);
    void run(async () => {
      await saveNotes(ev.id, o.occurrence, { notes, decisions, topicIds, newQuestions });
      setQuestions('');
      setEditing(false);
    }, 'Notes saved.');
  }

  const hasOutcomes = o.notes || o.topics.length || o.raisedQuestions.length;
  return (
    <Section title="Notes and outcomes" id="notes">
      {!hasOutcomes && !editing && (
        <EmptyState title={started ? 'No notes yet' : 'Notes come after the event'}>
          {started ? 'What was discussed and decided, the topics it started and new questions for the learning agenda.' : 'The organizer writes what was discussed and decided once it has happened.'}
        </EmptyState>
      )}
      {o.notes && !editing && (
        <div className="space-y-3">
          {o.notes.notes && <Markdown html={o.notes.notesHtml} />}
          {o.notes.decisions && (
            <div>
              <h3 className="text-sm font-semibold text-slate-900">Decisions</h3>
              <Markdown html={o.notes.decisionsHtml} />
            </div>
          )}
        </div>
      )}
      {!editing && o.topics.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Topics it started</h3>
          <ul className="list-disc pl-5 text-sm">
            {o.topics.map((t) => (
              <li key={t.id}>
                <AppLink href={paths.topic(t.id)} className="text-brand-700 underline">
                  {t.title}
                </AppLink>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!editing && o.raisedQuestions.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">New questions for the learning agenda</h3>
          <ul className="list-disc pl-5 text-sm">
            {o.raisedQuestions.map((q) => (
              <li key={q.id}>
                <AppLink href={paths.agenda(ev.community.slug)} className="text-brand-700 underline">
                  {q.question}
                </AppLink>
              </li>
            ))}
          </ul>
        </div>
      )}
      {o.viewer.canEdit && started && !o.cancelled && !editing && (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            setNotes(o.notes?.notes ?? '');
            setDecisions(o.notes?.decisions ?? '');
            setTopics(o.topics.map((t) => String(t.id)).join(' '));
            setEditing(true);
          }}
        >
          {hasOutcomes ? 'Edit notes and outcomes' : 'Write notes and outcomes'}
        </Button>
      )}
      {editing && (
        <form onSubmit={save} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <TextArea label="Notes" optional rows={6} value={notes} onChange={(e) => setNotes(e.target.value)} hint="What was discussed. Markdown works." />
          <TextArea label="Decisions" optional rows={3} value={decisions} onChange={(e) => setDecisions(e.target.value)} />
          <TextArea label="New questions for the learning agenda" optional rows={3} value={questions} onChange={(e) => setQuestions(e.target.value)} hint="One per line; each becomes an open agenda item." />
          <TextField label="Topics it started" optional value={topics} onChange={(e) => setTopics(e.target.value)} hint="Topic links or numbers, separated by spaces." />
          <div className="flex gap-2">
            <Button type="submit" size="sm" busy={busy}>
              Save notes
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {done && <Alert tone="success">{done}</Alert>}
    </Section>
  );
}

function Organize({ ev, o }: { ev: EventDetail; o: OccurrenceDetail }) {
  const { busy, error, run } = useRun();
  const [moving, setMoving] = useState(false);
  const local = (iso: string) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: ev.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
        .formatToParts(new Date(iso))
        .map((x) => [x.type, x.value]),
    );
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
  };
  const [start, setStart] = useState(local(o.startsAt));
  const [end, setEnd] = useState(local(o.endsAt));
  if (!ev.viewer.canEdit || ev.cancelled) return null;
  const one = ev.rule ? 'this date' : 'the event';
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <AppLink href={paths.editEvent(ev.id)} className={buttonClass('secondary', 'sm')}>
          Edit {ev.rule ? 'the series' : 'the event'}
        </AppLink>
        {!o.cancelled && (
          <Button size="sm" variant="secondary" onClick={() => setMoving(!moving)} aria-expanded={moving}>
            Move {one}
          </Button>
        )}
        {ev.rule &&
          (o.cancelled ? (
            <Button size="sm" variant="secondary" busy={busy} onClick={() => void run(() => changeOccurrence(ev.id, o.occurrence, { action: 'restore' }))}>
              Restore this date
            </Button>
          ) : (
            <Button size="sm" variant="danger" busy={busy} onClick={() => void run(() => changeOccurrence(ev.id, o.occurrence, { action: 'cancel' }))}>
              Cancel this date
            </Button>
          ))}
        {!ev.rule && !o.cancelled && (
          <Button size="sm" variant="danger" busy={busy} onClick={() => window.confirm('Cancel this event for everyone?') && void run(() => cancelEvent(ev.id))}>
            Cancel the event
          </Button>
        )}
      </div>
      {moving && (
        <form
          className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await changeOccurrence(ev.id, o.occurrence, { action: 'move', startsAt: start, endsAt: end });
              setMoving(false);
            });
          }}
        >
          <TextField label={`New start (${ev.timeZone})`} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
          <TextField label="New end" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
          <Button type="submit" size="sm" busy={busy}>
            Move
          </Button>
        </form>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}

/** An event: what and when (in the viewer's zone), answers, attendance, notes and outcomes of one date. */
export function EventPage({ id, at }: { id: number; at?: string }) {
  const q = useEvent(id);
  // Fixed when the page opens, so the query key stays the same across renders.
  const [{ now, from, to }] = useState(() => {
    const t = Date.now();
    return { now: new Date(t), from: new Date(t - 30 * 86400_000).toISOString(), to: new Date(t + 180 * 86400_000).toISOString() };
  });
  const occs = useEventOccurrences(id, from, to);
  const upcoming = (occs.data?.items ?? []).filter((o) => new Date(o.endsAt) > now);
  const chosen = at ?? upcoming[0]?.occurrence ?? (occs.data?.items.length ? occs.data.items[occs.data.items.length - 1].occurrence : undefined);
  const fallback = q.data && !q.data.rule ? q.data.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '') : undefined;
  const occKey = chosen ?? fallback;
  const o = useOccurrence(id, occKey);
  usePageTitle(q.data?.title ?? (q.isError ? 'Not found' : null));
  if (q.isPending) return <Loading label="Loading event…" />;
  if (q.isError) return q.error instanceof ApiError && q.error.status === 404 ? <NotFound what="event" /> : <Alert tone="error">{messageOf(q.error)}</Alert>;
  const ev = q.data;
  const kind = lookup(eventKinds, ev.kind);
  const cadence = lookup(eventCadences, ev.cadence);
  const occ = o.data;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <AppLink href={paths.events(ev.community.slug)} className="text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline">
            {ev.community.name} · Events
          </AppLink>
        }
        title={ev.title}
        lead={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={ev.cadence === 'regular' ? 'brand' : 'warning'} title={cadence.description}>
              {cadence.name}
            </Badge>
            <span title={kind.description}>{kind.name}</span>
            {ev.ruleText && <span>· Repeats {ev.ruleText}</span>}
            {ev.cancelled && <Badge tone="danger">Cancelled</Badge>}
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-6">
          <Card className="space-y-4 p-5">
            {o.isPending && occKey ? (
              <Loading label="Loading date…" />
            ) : occ ? (
              <>
                <div>
                  <p className={cx('text-lg font-semibold text-slate-900', occ.cancelled && 'line-through')}>{formatSpan(occ.startsAt, occ.endsAt)}</p>
                  <p className="text-sm text-slate-600">
                    Times are in your time zone{inEventZone(occ.startsAt, ev.timeZone) ? ` (the organizer’s clock: ${inEventZone(occ.startsAt, ev.timeZone)})` : ''}.
                  </p>
                  {occ.cancelled && <Alert tone="warning" className="mt-2">This date is cancelled.</Alert>}
                  {occ.moved && !occ.cancelled && <p className="text-sm text-amber-800">Moved from its usual time ({formatShortDay(occ.originalStart)}, {formatTime(occ.originalStart)}).</p>}
                </div>
                <dl className="grid gap-2 text-sm sm:grid-cols-2">
                  {ev.place && (
                    <div>
                      <dt className="font-medium text-slate-900">Place</dt>
                      <dd className="text-slate-700">{ev.place}</dd>
                    </div>
                  )}
                  {ev.onlineUrl && (
                    <div>
                      <dt className="font-medium text-slate-900">Online</dt>
                      <dd className="break-all">
                        <a href={ev.onlineUrl} className="text-brand-700 underline" rel="noopener noreferrer" target="_blank">
                          {ev.onlineUrl}
                        </a>
                      </dd>
                    </div>
                  )}
                  {ev.organizer && (
                    <div>
                      <dt className="font-medium text-slate-900">Organizer</dt>
                      <dd>
                        <AppLink href={paths.person(ev.organizer.username)} className="text-brand-700 underline">
                          {ev.organizer.displayName}
                        </AppLink>
                      </dd>
                    </div>
                  )}
                  {ev.subgroup && (
                    <div>
                      <dt className="font-medium text-slate-900">Group</dt>
                      <dd className="text-slate-700">{ev.subgroup.name}</dd>
                    </div>
                  )}
                </dl>
                <Rsvp ev={ev} o={occ} />
                <Organize key={occ.occurrence} ev={ev} o={occ} />
              </>
            ) : (
              <p className="text-sm text-slate-600">No date of this event in the coming months.</p>
            )}
            <a href={`/api/events/${ev.id}/ics`} download className={buttonClass('ghost', 'sm')}>
              Download to your calendar (.ics)
            </a>
          </Card>
          {ev.description && (
            <Section title="About" id="about">
              <Markdown html={ev.descriptionHtml} />
            </Section>
          )}
          {ev.agendaItems.length > 0 && (
            <Section title="On the learning agenda" id="agenda">
              <ul className="list-disc pl-5 text-sm">
                {ev.agendaItems.map((a) => (
                  <li key={a.id}>{a.question}</li>
                ))}
              </ul>
            </Section>
          )}
          <EventAssets eventId={ev.id} />
          {occ && !occ.cancelled && <Answers key={`a-${occ.occurrence}`} ev={ev} o={occ} />}
          {occ && !occ.cancelled && <Attendance key={`t-${occ.occurrence}`} ev={ev} o={occ} />}
          {occ && <Notes key={`n-${occ.occurrence}`} ev={ev} o={occ} />}
        </div>
        {ev.rule && (
          <aside aria-labelledby="dates-heading" className="space-y-2">
            <h2 id="dates-heading" className="text-base font-semibold text-slate-900">
              Dates
            </h2>
            <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
              {(occs.data?.items ?? []).slice(0, 24).map((x) => (
                <li key={x.occurrence}>
                  <AppLink
                    href={paths.event(ev.id, x.occurrence)}
                    aria-current={x.occurrence === occKey ? 'page' : undefined}
                    className={cx('flex min-h-11 items-center justify-between gap-2 px-3 py-2 hover:bg-slate-50', x.occurrence === occKey && 'bg-brand-50 font-medium')}
                  >
                    <span className={cx(x.cancelled && 'line-through text-slate-500')}>
                      {formatShortDay(x.startsAt)}, {formatTime(x.startsAt)}
                    </span>
                    {x.cancelled ? <Badge tone="danger">Cancelled</Badge> : x.moved ? <Badge>Moved</Badge> : null}
                  </AppLink>
                </li>
              ))}
            </ul>
          </aside>
        )}
      </div>
    </div>
  );
}

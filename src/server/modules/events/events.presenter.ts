import type { EventDetail, OccurrenceDetail, OccurrenceSummary, RsvpEntry } from '../../../shared/contracts/events.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import type { EventRow, eventExtras, listRsvps, occurrenceOutcomes, viewerState } from './events.queries.ts';
import type { Occurrence } from './events.service.ts';
import { formatLocal, occurrenceKey, ruleText } from './events.time.ts';

interface Counts {
  going: number;
  maybe: number;
  not_going: number;
  waitlisted: number;
  attended: number;
  first_timers: number;
}

export const presentOccurrence = (o: Occurrence, counts?: Pick<Counts, 'going'>): OccurrenceSummary => ({
  eventId: o.event.id,
  occurrence: occurrenceKey(o.original),
  originalStart: o.original.toISOString(),
  startsAt: o.startsAt.toISOString(),
  endsAt: o.endsAt.toISOString(),
  timeZone: o.event.timeZone,
  title: o.event.title,
  kind: o.event.kind,
  cadence: o.event.cadence,
  place: o.event.place,
  online: o.event.onlineUrl !== '',
  recurring: o.event.rule !== null,
  moved: o.moved,
  cancelled: o.cancelled,
  going: counts?.going ?? 0,
  community: { slug: o.event.communitySlug, name: o.event.communityName },
});

export const presentEvent = (ev: EventRow, extras: Awaited<ReturnType<typeof eventExtras>>, viewer: EventDetail['viewer']): EventDetail => ({
  id: ev.id,
  kind: ev.kind,
  cadence: ev.cadence,
  title: ev.title,
  description: ev.description,
  descriptionHtml: renderMarkdown(ev.description),
  startsAt: ev.startsAt.toISOString(),
  endsAt: ev.endsAt.toISOString(),
  localStart: formatLocal(ev.startsAt, ev.timeZone),
  localEnd: formatLocal(ev.endsAt, ev.timeZone),
  timeZone: ev.timeZone,
  rule: ev.rule,
  ruleText: ruleText(ev.rule),
  place: ev.place,
  onlineUrl: ev.onlineUrl,
  capacity: ev.capacity,
  cancelled: ev.cancelledAt !== null,
  subgroup: extras.subgroup,
  agendaItems: extras.agendaItems,
  organizer: extras.organizer,
  community: { slug: ev.communitySlug, name: ev.communityName },
  createdAt: ev.createdAt.toISOString(),
  viewer,
});

export function presentOccurrenceDetail(
  o: Occurrence,
  counts: Counts | undefined,
  me: Awaited<ReturnType<typeof viewerState>> | null,
  outcomes: Awaited<ReturnType<typeof occurrenceOutcomes>>,
  viewer: OccurrenceDetail['viewer'],
): OccurrenceDetail {
  const n = outcomes.notes;
  return {
    ...presentOccurrence(o, counts),
    maybe: counts?.maybe ?? 0,
    notGoing: counts?.not_going ?? 0,
    waitlisted: counts?.waitlisted ?? 0,
    attended: counts?.attended ?? 0,
    firstTimers: counts?.first_timers ?? 0,
    capacity: o.event.capacity,
    myResponse: me?.response ?? null,
    myWaitlisted: me?.waitlisted ?? false,
    myAttended: me?.attended ?? false,
    notes: n
      ? {
          notes: n.notes,
          notesHtml: renderMarkdown(n.notes),
          decisions: n.decisions,
          decisionsHtml: renderMarkdown(n.decisions),
          updatedAt: n.updatedAt.toISOString(),
          updatedBy: n.username ? { username: n.username, displayName: n.displayName ?? n.username } : null,
        }
      : null,
    topics: outcomes.topics,
    raisedQuestions: outcomes.raised,
    viewer,
  };
}

export const presentRsvp = (r: Awaited<ReturnType<typeof listRsvps>>[number]): RsvpEntry => ({
  person: { username: r.username, displayName: r.display_name },
  response: r.response,
  waitlisted: r.waitlisted,
  respondedAt: r.responded_at.toISOString(),
  attended: r.attended,
  firstTime: r.first_time,
});

import { bigintArray, textArray } from '../../db/arrays.ts';
import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { ChangeOccurrenceInput, CreateEventInput, NotesInput, UpdateEventInput } from '../../../shared/contracts/events.ts';
import type { RsvpResponse } from '../../../shared/model/catalogue.ts';
import type { Db, Queryable, Tx } from '../../db/client.ts';
import {
  agendaItems,
  eventAgendaItems,
  eventAttendance,
  eventExceptions,
  eventNotes,
  eventRsvps,
  events,
  eventTopics,
} from '../../db/schema/index.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import { audit } from '../auth/auth.service.ts';
import { userCanReadCommunitySql } from '../communities/communities.policy.ts';
import { notify } from '../notifications/notifications.service.ts';
import { countsFor, type EventRow, eventsInWindow, exceptionsFor, findException } from './events.queries.ts';
import { formatLocal, isOccurrence, isTimeZone, occurrenceKey, occurrenceStarts, parseLocal, ruleHasOccurrences, ruleProblem, type Series, seriesEnd } from './events.time.ts';

/** The epoch marks an agenda link that belongs to the whole event rather than one occurrence. */
export const WHOLE_EVENT = new Date(0);
const MAX_DURATION_MS = 14 * 86400_000;

interface Times {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  rule: string | null;
}

/** Checks and converts the local start, end, zone and rule; each problem names its field (422). */
function checkTimes(input: { startsAt: string; endsAt: string; timeZone: string; rule: string | null }): Times & { seriesEndsAt: Date | null } {
  if (!isTimeZone(input.timeZone)) throw invalidField('timeZone', 'Choose a time zone from the list (for example Europe/Paris).');
  const startsAt = parseLocal(input.startsAt, input.timeZone);
  if (!startsAt) throw invalidField('startsAt', 'That start date does not exist.');
  const endsAt = parseLocal(input.endsAt, input.timeZone);
  if (!endsAt) throw invalidField('endsAt', 'That end date does not exist.');
  if (endsAt <= startsAt) throw invalidField('endsAt', 'The end must come after the start.');
  if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) throw invalidField('endsAt', 'An event lasts at most 14 days.');
  const rule = input.rule ? input.rule.replace(/^RRULE:/i, '').toUpperCase() : null;
  if (rule) {
    const problem = ruleProblem(rule);
    if (problem) throw invalidField('rule', problem);
    if (!ruleHasOccurrences({ startsAt, endsAt, timeZone: input.timeZone, rule })) throw invalidField('rule', 'This rule never happens after the start.');
  }
  const times = { startsAt, endsAt, timeZone: input.timeZone, rule };
  return { ...times, seriesEndsAt: seriesEnd(times) };
}

/** The subgroup must belong to the community; agenda items too. */
async function checkLinks(db: Queryable, communityId: number, subgroupId: number | null | undefined, agendaItemIds: number[] | undefined) {
  if (subgroupId) {
    const r = await db.execute(sql`select 1 from subgroups where id = ${subgroupId} and community_id = ${communityId}`);
    if (!r.rows.length) throw invalidField('subgroupId', 'That practice group or project is not in this community.');
  }
  if (agendaItemIds?.length) {
    const r = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from agenda_items where community_id = ${communityId} and id = any(${bigintArray(agendaItemIds)})`,
    );
    if (r.rows[0].n !== new Set(agendaItemIds).size) throw invalidField('agendaItemIds', 'Some of these learning agenda items are not in this community.');
  }
}

async function setAgendaLinks(tx: Tx, eventId: number, ids: number[]) {
  await tx.delete(eventAgendaItems).where(and(eq(eventAgendaItems.eventId, eventId), eq(eventAgendaItems.raised, false)));
  if (ids.length) {
    await tx
      .insert(eventAgendaItems)
      .values([...new Set(ids)].map((itemId) => ({ eventId, itemId, occurrence: WHOLE_EVENT, raised: false })))
      .onConflictDoNothing();
  }
}

/** Creates an event (and its series rule); community watchers hear of it. */
export async function createEvent(db: Db, viewer: Viewer, communityId: number, input: CreateEventInput) {
  const times = checkTimes(input);
  await checkLinks(db, communityId, input.subgroupId, input.agendaItemIds);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({
        communityId,
        subgroupId: input.subgroupId,
        kind: input.kind,
        cadence: input.cadence,
        title: input.title,
        description: input.description,
        ...times,
        place: input.place,
        onlineUrl: input.onlineUrl,
        capacity: input.capacity,
        createdBy: viewer.id,
      })
      .returning({ id: events.id });
    await setAgendaLinks(tx, row.id, input.agendaItemIds);
    await audit(tx, viewer.id, 'event.created', `community:${communityId}`, { id: row.id, title: input.title });
    await notify(tx, {
      kind: 'event_created',
      actorId: viewer.id,
      communityId,
      recipients: sql`select cw.user_id from community_watches cw where cw.community_id = ${communityId} and cw.level = 'watching'
        and ${userCanReadCommunitySql(sql`cw.user_id`, communityId)}`,
      data: { eventId: row.id, title: input.title, startsAt: times.startsAt.toISOString(), timeZone: times.timeZone },
    });
    return row.id;
  });
}

/** Edits an event; changing times or the rule keeps RSVPs of occurrences that still exist. */
export async function updateEvent(db: Db, viewer: Viewer, ev: EventRow, input: UpdateEventInput) {
  if (Object.values(input).every((v) => v === undefined)) throw invalidField('body', 'Change at least one field.');
  const tz = input.timeZone ?? ev.timeZone;
  const timesChanged = input.startsAt !== undefined || input.endsAt !== undefined || input.timeZone !== undefined || input.rule !== undefined;
  const times = timesChanged
    ? checkTimes({
        startsAt: input.startsAt ?? formatLocal(ev.startsAt, isTimeZone(tz) ? tz : ev.timeZone),
        endsAt: input.endsAt ?? formatLocal(ev.endsAt, isTimeZone(tz) ? tz : ev.timeZone),
        timeZone: tz,
        rule: input.rule === undefined ? ev.rule : input.rule,
      })
    : null;
  await checkLinks(db, ev.communityId, input.subgroupId, input.agendaItemIds);
  await db.transaction(async (tx) => {
    const { agendaItemIds, startsAt: _s, endsAt: _e, timeZone: _t, rule: _r, ...rest } = input;
    await tx
      .update(events)
      .set({ ...rest, ...(times ?? {}), updatedAt: sql`now()` })
      .where(eq(events.id, ev.id));
    if (agendaItemIds) await setAgendaLinks(tx, ev.id, agendaItemIds);
    await audit(tx, viewer.id, 'event.updated', `event:${ev.id}`, { fields: Object.keys(input) });
  });
}

/** Cancels the whole event (it stays visible, marked cancelled). */
export async function cancelEvent(db: Db, viewer: Viewer, ev: EventRow) {
  if (ev.cancelledAt) throw conflict('cancelled', 'This event is already cancelled.');
  await db.transaction(async (tx) => {
    await tx.update(events).set({ cancelledAt: sql`now()` }).where(eq(events.id, ev.id));
    await audit(tx, viewer.id, 'event.cancelled', `event:${ev.id}`);
  });
}

export const seriesOf = (ev: Pick<EventRow, 'startsAt' | 'endsAt' | 'timeZone' | 'rule'>): Series => ({
  startsAt: ev.startsAt,
  endsAt: ev.endsAt,
  timeZone: ev.timeZone,
  rule: ev.rule,
});

export interface Occurrence {
  event: EventRow;
  original: Date;
  startsAt: Date;
  endsAt: Date;
  moved: boolean;
  cancelled: boolean;
}

/** One occurrence of an event, named by its original start; 404 when the series has none there. */
export async function resolveOccurrence(db: Queryable, ev: EventRow, original: Date): Promise<Occurrence> {
  if (!isOccurrence(seriesOf(ev), original)) throw notFound('occurrence');
  const ex = await findException(db, ev.id, original);
  const duration = ev.endsAt.getTime() - ev.startsAt.getTime();
  return {
    event: ev,
    original,
    startsAt: ex?.startsAt ?? original,
    endsAt: ex?.endsAt ?? new Date(original.getTime() + duration),
    moved: !!ex?.startsAt,
    cancelled: !!ex?.cancelled || !!ev.cancelledAt,
  };
}

/** Occurrences of the given events overlapping [from, to), with exceptions applied, by start. */
export async function occurrencesInWindow(db: Queryable, where: Parameters<typeof eventsInWindow>[1], from: Date, to: Date) {
  const evs = await eventsInWindow(db, where, from, to);
  const ids = evs.map((e) => e.id);
  const [exceptions, counts] = await Promise.all([exceptionsFor(db, ids), countsFor(db, ids, new Date(from.getTime() - 400 * 86400_000), new Date(to.getTime() + 400 * 86400_000))]);
  const exBy = new Map(exceptions.map((x) => [`${x.eventId}:${x.occurrence.getTime()}`, x]));
  const countBy = new Map(counts.map((c) => [`${c.event_id}:${c.occurrence.getTime()}`, c]));
  const out: (Occurrence & { counts: (typeof counts)[number] | undefined })[] = [];
  for (const ev of evs) {
    const duration = ev.endsAt.getTime() - ev.startsAt.getTime();
    const seen = new Set<number>();
    for (const original of occurrenceStarts(seriesOf(ev), new Date(from.getTime() - duration), to)) {
      seen.add(original.getTime());
      const ex = exBy.get(`${ev.id}:${original.getTime()}`);
      const startsAt = ex?.startsAt ?? original;
      const endsAt = ex?.endsAt ?? new Date(original.getTime() + duration);
      if (!(startsAt < to && endsAt > from)) continue;
      out.push({ event: ev, original, startsAt, endsAt, moved: !!ex?.startsAt, cancelled: !!ex?.cancelled || !!ev.cancelledAt, counts: countBy.get(`${ev.id}:${original.getTime()}`) });
    }
    // Occurrences moved into the window from outside it.
    for (const ex of exceptions) {
      if (ex.eventId !== ev.id || !ex.startsAt || !ex.endsAt || seen.has(ex.occurrence.getTime())) continue;
      if (ex.startsAt < to && ex.endsAt > from) {
        out.push({ event: ev, original: ex.occurrence, startsAt: ex.startsAt, endsAt: ex.endsAt, moved: true, cancelled: ex.cancelled || !!ev.cancelledAt, counts: countBy.get(`${ev.id}:${ex.occurrence.getTime()}`) });
      }
    }
  }
  out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.event.id - b.event.id);
  return out;
}

/** Moves or cancels one occurrence (or restores it) without touching the rest of the series. */
export async function changeOccurrence(db: Db, viewer: Viewer, occ: Occurrence, input: ChangeOccurrenceInput) {
  const ev = occ.event;
  if (ev.cancelledAt) throw conflict('cancelled', 'The whole event is cancelled.');
  await db.transaction(async (tx) => {
    if (input.action === 'restore') {
      await tx.delete(eventExceptions).where(and(eq(eventExceptions.eventId, ev.id), eq(eventExceptions.occurrence, occ.original)));
    } else if (input.action === 'cancel') {
      await tx
        .insert(eventExceptions)
        .values({ eventId: ev.id, occurrence: occ.original, cancelled: true, changedBy: viewer.id })
        .onConflictDoUpdate({ target: [eventExceptions.eventId, eventExceptions.occurrence], set: { cancelled: true, changedBy: viewer.id, changedAt: sql`now()` } });
    } else {
      const startsAt = parseLocal(input.startsAt, ev.timeZone);
      if (!startsAt) throw invalidField('startsAt', 'That start date does not exist.');
      const endsAt = parseLocal(input.endsAt, ev.timeZone);
      if (!endsAt) throw invalidField('endsAt', 'That end date does not exist.');
      if (endsAt <= startsAt) throw invalidField('endsAt', 'The end must come after the start.');
      if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) throw invalidField('endsAt', 'An event lasts at most 14 days.');
      await tx
        .insert(eventExceptions)
        .values({ eventId: ev.id, occurrence: occ.original, cancelled: false, startsAt, endsAt, changedBy: viewer.id })
        .onConflictDoUpdate({ target: [eventExceptions.eventId, eventExceptions.occurrence], set: { cancelled: false, startsAt, endsAt, changedBy: viewer.id, changedAt: sql`now()` } });
    }
    await audit(tx, viewer.id, `event.occurrence_${input.action}`, `event:${ev.id}`, { occurrence: occurrenceKey(occ.original) });
  });
}

/**
 * Answers for one occurrence. "Going" beyond the capacity joins the waiting list; when someone
 * with a place stops going, the first person waiting gets it. The event row is locked so two
 * answers never both take the last place.
 */
export async function setRsvp(db: Db, viewerId: number, occ: Occurrence, response: RsvpResponse, now = new Date()) {
  if (occ.cancelled) throw conflict('cancelled', 'This occurrence is cancelled.');
  if (occ.endsAt <= now) throw conflict('past', 'This event is over; answers are closed.');
  return db.transaction(async (tx) => {
    const [ev] = await tx.execute<{ capacity: number | null }>(sql`select capacity from events where id = ${occ.event.id} for update`).then((r) => r.rows);
    const key = and(eq(eventRsvps.eventId, occ.event.id), eq(eventRsvps.occurrence, occ.original));
    const [prev] = await tx.select().from(eventRsvps).where(and(key, eq(eventRsvps.userId, viewerId)));
    if (prev && prev.response === response) return { response, waitlisted: prev.waitlisted };
    let waitlisted = false;
    if (response === 'going' && ev.capacity !== null) {
      const [{ n }] = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from event_rsvps where event_id = ${occ.event.id} and occurrence = ${occ.original} and response = 'going' and not waitlisted`)).rows;
      waitlisted = n >= ev.capacity;
    }
    await tx
      .insert(eventRsvps)
      .values({ eventId: occ.event.id, occurrence: occ.original, userId: viewerId, response, waitlisted, respondedAt: now })
      .onConflictDoUpdate({ target: [eventRsvps.eventId, eventRsvps.occurrence, eventRsvps.userId], set: { response, waitlisted, respondedAt: now } });
    if (prev?.response === 'going' && !prev.waitlisted) {
      // A place came free: the longest-waiting person takes it.
      await tx.execute(sql`update event_rsvps set waitlisted = false where (event_id, occurrence, user_id) = (
        select event_id, occurrence, user_id from event_rsvps where event_id = ${occ.event.id} and occurrence = ${occ.original} and waitlisted
        order by responded_at, user_id limit 1 for update)`);
    }
    return { response, waitlisted };
  });
}

/** Marks each person's earliest attendance in the community as their first time. */
async function refreshFirstTimes(tx: Tx, communityId: number, userIds: number[]) {
  if (!userIds.length) return;
  await tx.execute(sql`update event_attendance a set first_time = (a.occurrence, a.event_id) = (
      select b.occurrence, b.event_id from event_attendance b where b.community_id = a.community_id and b.user_id = a.user_id order by b.occurrence, b.event_id limit 1)
    where a.community_id = ${communityId} and a.user_id = any(${bigintArray(userIds)})`);
}

/** Active members of the community among `usernames`; an unknown name is a 422 on `field`. */
async function membersByName(db: Queryable, communityId: number, usernames: string[], field: string) {
  if (!usernames.length) return [];
  const names = [...new Set(usernames.map((u) => u.toLowerCase()))];
  const res = await db.execute<{ id: number; username: string }>(sql`
    select u.id, u.username from users u join memberships m on m.user_id = u.id and m.community_id = ${communityId} and m.status = 'active'
    where lower(u.username) = any(${textArray(names)})`);
  if (res.rows.length !== names.length) {
    const found = new Set(res.rows.map((r) => r.username.toLowerCase()));
    throw invalidField(field, `Not a member of this community: ${names.filter((n) => !found.has(n)).join(', ')}.`);
  }
  return res.rows;
}

/** Records who was there (organizers, once the occurrence has started). */
export async function recordAttendance(db: Db, viewer: Viewer, occ: Occurrence, input: { present: string[]; absent: string[] }, now = new Date()) {
  if (occ.cancelled) throw conflict('cancelled', 'This occurrence was cancelled.');
  if (occ.startsAt > now) throw conflict('not_started', 'Attendance can be recorded once the event has started.');
  const present = await membersByName(db, occ.event.communityId, input.present, 'present');
  const absent = await membersByName(db, occ.event.communityId, input.absent, 'absent');
  await db.transaction(async (tx) => {
    if (present.length) {
      await tx
        .insert(eventAttendance)
        .values(present.map((p) => ({ eventId: occ.event.id, occurrence: occ.original, userId: p.id, communityId: occ.event.communityId, firstTime: false, recordedBy: viewer.id })))
        .onConflictDoNothing();
    }
    for (const a of absent) {
      await tx.delete(eventAttendance).where(and(eq(eventAttendance.eventId, occ.event.id), eq(eventAttendance.occurrence, occ.original), eq(eventAttendance.userId, a.id)));
    }
    await refreshFirstTimes(tx, occ.event.communityId, [...present, ...absent].map((p) => p.id));
    await audit(tx, viewer.id, 'event.attendance', `event:${occ.event.id}`, { occurrence: occurrenceKey(occ.original), present: present.length, absent: absent.length });
  });
}

/** Self check-in: from 30 minutes before the start until 6 hours after the end. */
export async function checkIn(db: Db, viewerId: number, occ: Occurrence, now = new Date()) {
  if (occ.cancelled) throw conflict('cancelled', 'This occurrence was cancelled.');
  if (now.getTime() < occ.startsAt.getTime() - 30 * 60_000) throw conflict('too_early', 'Check-in opens 30 minutes before the start.');
  if (now.getTime() > occ.endsAt.getTime() + 6 * 3600_000) throw conflict('too_late', 'Check-in has closed; ask the organizer to record your attendance.');
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(eventAttendance)
      .values({ eventId: occ.event.id, occurrence: occ.original, userId: viewerId, communityId: occ.event.communityId, firstTime: false, selfCheckIn: true, recordedBy: viewerId })
      .onConflictDoNothing()
      .returning();
    if (!added.length) throw conflict('already_checked_in', 'You are already checked in.');
    await refreshFirstTimes(tx, occ.event.communityId, [viewerId]);
  });
}

/** Notes, decisions, topics it produced and new questions for the learning agenda (after the start). */
export async function saveNotes(db: Db, viewer: Viewer, occ: Occurrence, input: NotesInput, agendaOn: boolean, now = new Date()) {
  if (occ.startsAt > now) throw conflict('not_started', 'Notes and outcomes can be written once the event has started.');
  if (input.newQuestions.length && !agendaOn) throw invalidField('newQuestions', 'This community has switched its learning agenda off.');
  const ev = occ.event;
  if (input.topicIds.length) {
    const r = await db.execute<{ n: number }>(sql`select count(distinct t.id)::int as n from topics t join topic_communities tc on tc.topic_id = t.id
      where tc.community_id = ${ev.communityId} and t.deleted_at is null and t.id = any(${bigintArray(input.topicIds)})`);
    if (r.rows[0].n !== new Set(input.topicIds).size) throw invalidField('topicIds', 'Link only topics of this community.');
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(eventNotes)
      .values({ eventId: ev.id, occurrence: occ.original, notes: input.notes, decisions: input.decisions, updatedBy: viewer.id })
      .onConflictDoUpdate({ target: [eventNotes.eventId, eventNotes.occurrence], set: { notes: input.notes, decisions: input.decisions, updatedBy: viewer.id, updatedAt: sql`now()` } });
    await tx.delete(eventTopics).where(and(eq(eventTopics.eventId, ev.id), eq(eventTopics.occurrence, occ.original)));
    if (input.topicIds.length) {
      await tx.insert(eventTopics).values([...new Set(input.topicIds)].map((topicId) => ({ eventId: ev.id, occurrence: occ.original, topicId })));
    }
    for (const question of input.newQuestions) {
      const [item] = await tx
        .insert(agendaItems)
        .values({ communityId: ev.communityId, question, notes: `Raised at “${ev.title}”.`, createdBy: viewer.id })
        .returning({ id: agendaItems.id });
      await tx.insert(eventAgendaItems).values({ eventId: ev.id, itemId: item.id, occurrence: occ.original, raised: true });
    }
    await audit(tx, viewer.id, 'event.notes', `event:${ev.id}`, { occurrence: occurrenceKey(occ.original), questions: input.newQuestions.length });
  });
}

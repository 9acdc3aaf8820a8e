import { bigintArray } from '../../db/arrays.ts';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { agendaItems, communities, eventAgendaItems, eventExceptions, eventNotes, events, eventTopics, subgroups, topics, users } from '../../db/schema/index.ts';

const eventColumns = {
  id: events.id,
  communityId: events.communityId,
  subgroupId: events.subgroupId,
  kind: events.kind,
  cadence: events.cadence,
  title: events.title,
  description: events.description,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
  rule: events.rule,
  seriesEndsAt: events.seriesEndsAt,
  place: events.place,
  onlineUrl: events.onlineUrl,
  capacity: events.capacity,
  createdBy: events.createdBy,
  createdAt: events.createdAt,
  cancelledAt: events.cancelledAt,
  communitySlug: communities.slug,
  communityName: communities.name,
};

export async function findEvent(db: Queryable, id: number) {
  const rows = await db.select(eventColumns).from(events).innerJoin(communities, eq(communities.id, events.communityId)).where(eq(events.id, id)).limit(1);
  return rows[0] ?? null;
}
export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

/**
 * Events with an occurrence that may fall in [from, to): one-offs and series that overlap the
 * window (events_community_start_idx / events_series_idx), plus any with an occurrence moved into it.
 */
export async function eventsInWindow(db: Queryable, where: SQL, from: Date, to: Date, limit = 500) {
  return db
    .select(eventColumns)
    .from(events)
    .innerJoin(communities, eq(communities.id, events.communityId))
    .where(
      and(
        where,
        sql`((${events.startsAt} < ${to} and (${events.seriesEndsAt} is null or ${events.seriesEndsAt} > ${from}))
          or ${events.id} in (select x.event_id from event_exceptions x where x.starts_at < ${to} and x.ends_at > ${from}))`,
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(limit);
}

export async function exceptionsFor(db: Queryable, eventIds: number[]) {
  if (!eventIds.length) return [];
  return db.select().from(eventExceptions).where(inArray(eventExceptions.eventId, eventIds));
}

/** RSVP and attendance counts for the given events' occurrences, in one query. */
export async function countsFor(db: Queryable, eventIds: number[], from: Date, to: Date) {
  if (!eventIds.length) return [];
  const res = await db.execute<{ event_id: number; occurrence: Date; going: number; maybe: number; not_going: number; waitlisted: number; attended: number; first_timers: number }>(sql`
    select k.event_id, k.occurrence,
      coalesce(r.going, 0)::int as going, coalesce(r.maybe, 0)::int as maybe, coalesce(r.not_going, 0)::int as not_going,
      coalesce(r.waitlisted, 0)::int as waitlisted, coalesce(a.attended, 0)::int as attended, coalesce(a.first_timers, 0)::int as first_timers
    from (
      select event_id, occurrence from event_rsvps where event_id = any(${bigintArray(eventIds)}) and occurrence >= ${from} and occurrence < ${to}
      union select event_id, occurrence from event_attendance where event_id = any(${bigintArray(eventIds)}) and occurrence >= ${from} and occurrence < ${to}
    ) k
    left join lateral (
      select count(*) filter (where response = 'going' and not waitlisted) as going, count(*) filter (where response = 'maybe') as maybe,
        count(*) filter (where response = 'not_going') as not_going, count(*) filter (where waitlisted) as waitlisted
      from event_rsvps r where r.event_id = k.event_id and r.occurrence = k.occurrence
    ) r on true
    left join lateral (
      select count(*) as attended, count(*) filter (where first_time) as first_timers
      from event_attendance a where a.event_id = k.event_id and a.occurrence = k.occurrence
    ) a on true`);
  return res.rows.map((r) => ({ ...r, occurrence: new Date(r.occurrence) }));
}

export async function findException(db: Queryable, eventId: number, occurrence: Date) {
  const rows = await db
    .select()
    .from(eventExceptions)
    .where(and(eq(eventExceptions.eventId, eventId), eq(eventExceptions.occurrence, occurrence)))
    .limit(1);
  return rows[0] ?? null;
}

/** The subgroup, agenda items and organizer shown with an event. */
export async function eventExtras(db: Queryable, ev: EventRow) {
  const [sg, items, organizer] = await Promise.all([
    ev.subgroupId ? db.select({ id: subgroups.id, name: subgroups.name }).from(subgroups).where(eq(subgroups.id, ev.subgroupId)).limit(1) : Promise.resolve([]),
    db
      .select({ id: agendaItems.id, question: agendaItems.question })
      .from(eventAgendaItems)
      .innerJoin(agendaItems, eq(agendaItems.id, eventAgendaItems.itemId))
      .where(and(eq(eventAgendaItems.eventId, ev.id), eq(eventAgendaItems.raised, false)))
      .orderBy(asc(agendaItems.id)),
    ev.createdBy ? db.select({ username: users.username, displayName: users.displayName }).from(users).where(eq(users.id, ev.createdBy)).limit(1) : Promise.resolve([]),
  ]);
  return { subgroup: sg[0] ?? null, agendaItems: items, organizer: organizer[0] ?? null };
}

/** What one occurrence produced: notes, topics and questions raised for the learning agenda. */
export async function occurrenceOutcomes(db: Queryable, eventId: number, occurrence: Date) {
  const [notes, topicRows, raised] = await Promise.all([
    db
      .select({ notes: eventNotes.notes, decisions: eventNotes.decisions, updatedAt: eventNotes.updatedAt, username: users.username, displayName: users.displayName })
      .from(eventNotes)
      .leftJoin(users, eq(users.id, eventNotes.updatedBy))
      .where(and(eq(eventNotes.eventId, eventId), eq(eventNotes.occurrence, occurrence)))
      .limit(1),
    db
      .select({ id: topics.id, title: topics.title })
      .from(eventTopics)
      .innerJoin(topics, eq(topics.id, eventTopics.topicId))
      .where(and(eq(eventTopics.eventId, eventId), eq(eventTopics.occurrence, occurrence), sql`${topics.deletedAt} is null`))
      .orderBy(asc(topics.id)),
    db
      .select({ id: agendaItems.id, question: agendaItems.question })
      .from(eventAgendaItems)
      .innerJoin(agendaItems, eq(agendaItems.id, eventAgendaItems.itemId))
      .where(and(eq(eventAgendaItems.eventId, eventId), eq(eventAgendaItems.occurrence, occurrence), eq(eventAgendaItems.raised, true)))
      .orderBy(asc(agendaItems.id)),
  ]);
  return { notes: notes[0] ?? null, topics: topicRows, raised };
}

/** The viewer's RSVP and attendance for one occurrence. */
export async function viewerState(db: Queryable, eventId: number, occurrence: Date, userId: number) {
  const res = await db.execute<{ response: string | null; waitlisted: boolean | null; attended: boolean }>(sql`
    select r.response, r.waitlisted,
      exists (select 1 from event_attendance a where a.event_id = ${eventId} and a.occurrence = ${occurrence} and a.user_id = ${userId}) as attended
    from (select 1) one
    left join event_rsvps r on r.event_id = ${eventId} and r.occurrence = ${occurrence} and r.user_id = ${userId}`);
  return res.rows[0];
}

/** People who answered, in the order they answered (event_rsvps_list_idx). */
export async function listRsvps(db: Queryable, eventId: number, occurrence: Date, f: { response?: string; after: [string, number] | null; limit: number }) {
  const res = await db.execute<{ user_id: number; username: string; display_name: string; response: string; waitlisted: boolean; responded_at: Date; attended: boolean; first_time: boolean }>(sql`
    select r.user_id, u.username, u.display_name, r.response, r.waitlisted, r.responded_at,
      (a.user_id is not null) as attended, coalesce(a.first_time, false) as first_time
    from event_rsvps r
    join users u on u.id = r.user_id
    left join event_attendance a on a.event_id = r.event_id and a.occurrence = r.occurrence and a.user_id = r.user_id
    where r.event_id = ${eventId} and r.occurrence = ${occurrence}
      ${f.response ? sql`and r.response = ${f.response}` : sql``}
      ${f.after ? sql`and (r.responded_at, r.user_id) > (${f.after[0]}::timestamptz, ${f.after[1]})` : sql``}
    order by r.responded_at, r.user_id
    limit ${f.limit + 1}`);
  return res.rows.map((r) => ({ ...r, responded_at: new Date(r.responded_at) }));
}

/** Who was there, by name (event_attendance primary key). */
export async function listAttendance(db: Queryable, eventId: number, occurrence: Date, after: number | null, limit: number) {
  const res = await db.execute<{ user_id: number; username: string; display_name: string; first_time: boolean; self_check_in: boolean }>(sql`
    select a.user_id, u.username, u.display_name, a.first_time, a.self_check_in
    from event_attendance a join users u on u.id = a.user_id
    where a.event_id = ${eventId} and a.occurrence = ${occurrence} ${after ? sql`and a.user_id > ${after}` : sql``}
    order by a.user_id
    limit ${limit + 1}`);
  return res.rows;
}

import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Db, Queryable } from '../../db/client.ts';
import { calendarTokens, communities, events } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { userCanReadCommunitySql } from '../communities/communities.policy.ts';
import { type EventRow, eventsInWindow, exceptionsFor } from './events.queries.ts';
import { formatLocal } from './events.time.ts';

const DAY = 86400_000;

/** A feed shows a year back and two years ahead (series are sent once with their rule). */
export const feedWindow = (now: Date) => ({ from: new Date(now.getTime() - 365 * DAY), to: new Date(now.getTime() + 730 * DAY) });

/** "20260306T180000" — a local time for TZID-qualified iCalendar properties. */
const icsLocal = (d: Date, tz: string) => `${formatLocal(d, tz).replace(/[-:]/g, '')}00`;
const localIso = (d: Date, tz: string) => `${formatLocal(d, tz)}:00`;

/**
 * An iCalendar document of the given events. Times carry the event's TZID, so calendars keep the
 * local time across daylight-saving changes; a series is one VEVENT with its RRULE, cancelled
 * occurrences become EXDATEs and moved ones a VEVENT with a RECURRENCE-ID.
 */
export async function buildCalendar(db: Queryable, appUrl: string, name: string, evs: EventRow[]) {
  const host = new URL(appUrl).host;
  const cal = ical({ name, prodId: { company: 'Constellation', product: 'events', language: 'EN' }, ttl: 3600 });
  const exceptions = await exceptionsFor(
    db,
    evs.filter((e) => e.rule).map((e) => e.id),
  );
  for (const ev of evs) {
    const uid = `event-${ev.id}@${host}`;
    const url = `${appUrl}/events/${ev.id}`;
    const location = ev.place || ev.onlineUrl || undefined;
    const description = [ev.description, ev.onlineUrl ? `Join online: ${ev.onlineUrl}` : '', `${ev.communityName}: ${url}`].filter(Boolean).join('\n\n');
    const mine = exceptions.filter((x) => x.eventId === ev.id);
    const exdates = mine.map((x) => icsLocal(x.occurrence, ev.timeZone));
    const repeating = ev.rule ? [`RRULE:${ev.rule}`, ...(exdates.length ? [`EXDATE;TZID=${ev.timeZone}:${exdates.join(',')}`] : [])].join('\r\n') : null;
    cal.createEvent({
      id: uid,
      start: localIso(ev.startsAt, ev.timeZone),
      end: localIso(ev.endsAt, ev.timeZone),
      timezone: ev.timeZone,
      summary: ev.cancelledAt ? `Cancelled: ${ev.title}` : ev.title,
      description,
      location,
      url,
      repeating,
      status: ev.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    for (const x of mine) {
      if (!x.startsAt || !x.endsAt || x.cancelled) continue;
      cal.createEvent({
        id: uid,
        start: localIso(x.startsAt, ev.timeZone),
        end: localIso(x.endsAt, ev.timeZone),
        timezone: ev.timeZone,
        recurrenceId: localIso(x.occurrence, ev.timeZone),
        summary: ev.title,
        description,
        location,
        url,
      });
    }
  }
  return cal.toString();
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a secret feed token; only its hash is kept, so the URL is shown this once. */
export async function createCalendarToken(db: Db, userId: number, communityId: number | null) {
  const token = randomBytes(32).toString('base64url');
  const [row] = await db.insert(calendarTokens).values({ userId, communityId, tokenHash: hashOf(token) }).returning({ id: calendarTokens.id, createdAt: calendarTokens.createdAt });
  return { ...row, token };
}

export async function listCalendarTokens(db: Queryable, userId: number) {
  return db
    .select({ id: calendarTokens.id, communityId: calendarTokens.communityId, createdAt: calendarTokens.createdAt, lastUsedAt: calendarTokens.lastUsedAt, slug: communities.slug, name: communities.name })
    .from(calendarTokens)
    .leftJoin(communities, eq(communities.id, calendarTokens.communityId))
    .where(and(eq(calendarTokens.userId, userId), isNull(calendarTokens.revokedAt)))
    .orderBy(desc(calendarTokens.id))
    .limit(50);
}

export async function revokeCalendarToken(db: Db, userId: number, id: number) {
  const rows = await db
    .update(calendarTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(calendarTokens.id, id), eq(calendarTokens.userId, userId), isNull(calendarTokens.revokedAt)))
    .returning({ id: calendarTokens.id });
  if (!rows.length) throw notFound('calendar link');
}

/**
 * The feed behind a token: its owner's personal calendar (communities they belong to and events
 * they answered going or maybe to) or one community's. Every event passes the owner's read
 * access as it is now, so leaving a secret community empties its events from the feed; a
 * revoked token, or a community the owner can no longer read, answers 404.
 */
export async function feedForToken(db: Db, appUrl: string, token: string, now = new Date()) {
  const [t] = await db
    .select({ id: calendarTokens.id, userId: calendarTokens.userId, communityId: calendarTokens.communityId, name: communities.name })
    .from(calendarTokens)
    .leftJoin(communities, eq(communities.id, calendarTokens.communityId))
    .where(and(eq(calendarTokens.tokenHash, hashOf(token)), isNull(calendarTokens.revokedAt)))
    .limit(1);
  if (!t) throw notFound('calendar');
  const owner = sql`${t.userId}::bigint`;
  let where: SQL;
  if (t.communityId) {
    const ok = await db.execute(sql`select 1 where ${userCanReadCommunitySql(owner, t.communityId)}`);
    if (!ok.rows.length) throw notFound('calendar');
    where = eq(events.communityId, t.communityId);
  } else {
    where = sql`(${events.communityId} in (select m.community_id from memberships m where m.user_id = ${owner} and m.status = 'active')
      or (${events.id} in (select r.event_id from event_rsvps r where r.user_id = ${owner} and r.response in ('going', 'maybe'))
        and ${userCanReadCommunitySql(owner, sql`${events.communityId}`)}))`;
  }
  await db.update(calendarTokens).set({ lastUsedAt: now }).where(eq(calendarTokens.id, t.id));
  const { from, to } = feedWindow(now);
  const evs = await eventsInWindow(db, where, from, to, 2000);
  return buildCalendar(db, appUrl, t.communityId ? `${t.name} (Constellation)` : 'My Constellation events', evs);
}

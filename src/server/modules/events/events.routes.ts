import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import { idParam, pageQuery } from '../../../shared/contracts/common.ts';
import {
  attendanceInput,
  type CalendarToken,
  calendarTokenInput,
  changeOccurrenceInput,
  createEventInput,
  eventListParams,
  eventParams,
  eventSettingsInput,
  eventWindowQuery,
  notesInput,
  occurrenceParams,
  rsvpInput,
  rsvpListQuery,
  updateEventInput,
} from '../../../shared/contracts/events.ts';
import type { Db } from '../../db/client.ts';
import { communityEventSettings, events } from '../../db/schema/index.ts';
import { badRequest, forbidden, invalidField, notFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { requireViewer } from '../../plugins/auth.ts';
import { communityPolicy } from '../communities/communities.policy.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { buildCalendar, createCalendarToken, feedForToken, listCalendarTokens, revokeCalendarToken } from './events.calendar.ts';
import { presentEvent, presentOccurrence, presentOccurrenceDetail, presentRsvp } from './events.presenter.ts';
import { countsFor, eventExtras, findEvent, listAttendance, listRsvps, occurrenceOutcomes, viewerState } from './events.queries.ts';
import { communityRhythm } from './events.rhythm.ts';
import {
  cancelEvent,
  changeOccurrence,
  checkIn,
  createEvent,
  occurrencesInWindow,
  recordAttendance,
  resolveOccurrence,
  saveNotes,
  setRsvp,
  updateEvent,
} from './events.service.ts';
import { parseOccurrenceKey } from './events.time.ts';

const tags = ['events'];
const DAY = 86400_000;
const MAX_WINDOW_DAYS = 400;
const READ_DENIED = 'Join this community to see its events.';

async function membersMayCreate(db: Db, communityId: number) {
  const [s] = await db.select().from(communityEventSettings).where(eq(communityEventSettings.communityId, communityId));
  return s?.membersMayCreate ?? false;
}

/** An event of a community the viewer may read; 404 when it does not exist or the community is hidden from them, 403 when not readable. */
export async function loadEvent(db: Db, id: number, viewer: Viewer | null) {
  const ev = await findEvent(db, id);
  if (!ev) throw notFound('event');
  const { community, access } = await loadVisibleCommunity(db, ev.communitySlug, viewer);
  if (!communityPolicy.canRead(viewer, access)) throw forbidden(READ_DENIED);
  return { ev, community, access, canEdit: communityPolicy.canEditEvent(viewer, access, ev), canRsvp: communityPolicy.canPost(viewer, access) && !ev.cancelledAt };
}

async function loadOccurrence(db: Db, id: number, key: string, viewer: Viewer | null) {
  const ctx = await loadEvent(db, id, viewer);
  const original = parseOccurrenceKey(key);
  if (!original) throw badRequest('The occurrence is not valid.', [{ path: 'occurrence', message: 'is not a date' }]);
  return { ...ctx, occ: await resolveOccurrence(db, ctx.ev, original) };
}

/** The date window of a list: defaults to a month back and three months ahead; at most 400 days. */
function windowOf(q: { from?: string; to?: string }, now = new Date()) {
  const from = q.from ? new Date(q.from) : new Date(now.getTime() - 30 * DAY);
  const to = q.to ? new Date(q.to) : new Date(from.getTime() + 120 * DAY);
  if (to <= from) throw invalidField('to', 'The end of the window must come after its start.');
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY) throw invalidField('to', `Ask for at most ${MAX_WINDOW_DAYS} days at a time.`);
  return { from, to };
}

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:slug/events',
    { schema: { tags, summary: 'Occurrences of a community’s events in a date window (at most 400 days), by start', params: eventListParams, querystring: eventWindowQuery } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden(READ_DENIED);
      const { from, to } = windowOf(req.query);
      const occs = await occurrencesInWindow(app.db, eq(events.communityId, community.id), from, to);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        items: occs.map((o) => presentOccurrence(o, o.counts)),
        viewer: { canCreate: communityPolicy.canCreateEvent(req.viewer, access, await membersMayCreate(app.db, community.id)), canManage: communityPolicy.canModerate(req.viewer, access) },
      };
    },
  );

  app.post(
    '/api/communities/:slug/events',
    { schema: { tags, summary: 'Plan an event or a regular series (coordinators, conveners, assistants; members where allowed)', params: eventListParams, body: createEventInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canCreateEvent(viewer, access, await membersMayCreate(app.db, community.id))) throw forbidden('Only the community’s organizers can plan events here.');
      const id = await createEvent(app.db, viewer, community.id, req.body);
      const ev = (await findEvent(app.db, id))!;
      return reply.code(201).send(presentEvent(ev, await eventExtras(app.db, ev), { canEdit: true, canRsvp: true }));
    },
  );

  app.put(
    '/api/communities/:slug/events/settings',
    { schema: { tags, summary: 'Whether every member may plan events (coordinators)', params: eventListParams, body: eventSettingsInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, viewer);
      if (!communityPolicy.canModerate(viewer, access)) throw forbidden('Only coordinators can change who plans events.');
      await app.db
        .insert(communityEventSettings)
        .values({ communityId: community.id, membersMayCreate: req.body.membersMayCreate })
        .onConflictDoUpdate({ target: communityEventSettings.communityId, set: { membersMayCreate: req.body.membersMayCreate } });
      return { membersMayCreate: req.body.membersMayCreate };
    },
  );

  app.get(
    '/api/communities/:slug/rhythm',
    { schema: { tags, summary: 'The community’s rhythm over the last 12 months, with a plain-language reading', params: eventListParams } },
    async (req) => {
      const { community, access } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
      if (!communityPolicy.canRead(req.viewer, access)) throw forbidden(READ_DENIED);
      return communityRhythm(app.db, community.id);
    },
  );

  app.get('/api/events/:id', { schema: { tags, summary: 'An event (or series)', params: eventParams } }, async (req) => {
    const { ev, canEdit, canRsvp } = await loadEvent(app.db, req.params.id, req.viewer);
    return presentEvent(ev, await eventExtras(app.db, ev), { canEdit, canRsvp });
  });

  app.patch(
    '/api/events/:id',
    { schema: { tags, summary: 'Edit an event or the whole series (its organizer and coordinators)', params: eventParams, body: updateEventInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { ev, canEdit } = await loadEvent(app.db, req.params.id, viewer);
      if (!canEdit) throw forbidden('Only the organizer and coordinators can change this event.');
      await updateEvent(app.db, viewer, ev, req.body);
      const fresh = (await findEvent(app.db, ev.id))!;
      return presentEvent(fresh, await eventExtras(app.db, fresh), { canEdit, canRsvp: !fresh.cancelledAt });
    },
  );

  app.delete('/api/events/:id', { schema: { tags, summary: 'Cancel the whole event or series', params: eventParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { ev, canEdit } = await loadEvent(app.db, req.params.id, viewer);
    if (!canEdit) throw forbidden('Only the organizer and coordinators can cancel this event.');
    await cancelEvent(app.db, viewer, ev);
    return reply.code(204).send();
  });

  app.get(
    '/api/events/:id/occurrences',
    { schema: { tags, summary: 'Occurrences of one event in a date window', params: eventParams, querystring: eventWindowQuery } },
    async (req) => {
      const { ev } = await loadEvent(app.db, req.params.id, req.viewer);
      const { from, to } = windowOf(req.query, ev.startsAt > new Date() ? ev.startsAt : new Date());
      const occs = await occurrencesInWindow(app.db, eq(events.id, ev.id), from, to);
      return { from: from.toISOString(), to: to.toISOString(), items: occs.map((o) => presentOccurrence(o, o.counts)) };
    },
  );

  app.get('/api/events/:id/ics', { schema: { tags, summary: 'The event (with its rule) as an iCalendar file', params: eventParams } }, async (req, reply) => {
    const { ev } = await loadEvent(app.db, req.params.id, req.viewer);
    const body = await buildCalendar(app.db, app.env.appUrl, ev.title, [ev]);
    const file = ev.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'event';
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${file}.ics"`).send(body);
  });

  app.get('/api/events/:id/occurrences/:occurrence', { schema: { tags, summary: 'One occurrence: times, answers, attendance, notes and outcomes', params: occurrenceParams } }, async (req) => {
    const { occ, canEdit, canRsvp, access } = await loadOccurrence(app.db, req.params.id, req.params.occurrence, req.viewer);
    const [counts, me, outcomes] = await Promise.all([
      countsFor(app.db, [occ.event.id], occ.original, new Date(occ.original.getTime() + 1)),
      req.viewer ? viewerState(app.db, occ.event.id, occ.original, req.viewer.id) : Promise.resolve(null),
      occurrenceOutcomes(app.db, occ.event.id, occ.original),
    ]);
    const now = Date.now();
    const member = communityPolicy.canPost(req.viewer, access);
    return presentOccurrenceDetail(occ, counts[0], me, outcomes, {
      canEdit,
      canRsvp: canRsvp && !occ.cancelled && occ.endsAt.getTime() > now,
      canCheckIn: member && !occ.cancelled && !me?.attended && now >= occ.startsAt.getTime() - 30 * 60_000 && now <= occ.endsAt.getTime() + 6 * 3600_000,
      canRecord: canEdit && !occ.cancelled && occ.startsAt.getTime() <= now,
    });
  });

  app.put(
    '/api/events/:id/occurrences/:occurrence',
    { schema: { tags, summary: 'Move or cancel one occurrence (or restore it) without changing the series', params: occurrenceParams, body: changeOccurrenceInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { occ, canEdit } = await loadOccurrence(app.db, req.params.id, req.params.occurrence, viewer);
      if (!canEdit) throw forbidden('Only the organizer and coordinators can change this event.');
      await changeOccurrence(app.db, viewer, occ, req.body);
      const fresh = await resolveOccurrence(app.db, occ.event, occ.original);
      return presentOccurrence(fresh);
    },
  );

  app.put(
    '/api/events/:id/occurrences/:occurrence/rsvp',
    { schema: { tags, summary: 'Going, maybe or not going (members); beyond the capacity you join the waiting list', params: occurrenceParams, body: rsvpInput } },
    async (req) => {
      const viewer = requireViewer(req);
      const { occ, canRsvp } = await loadOccurrence(app.db, req.params.id, req.params.occurrence, viewer);
      if (!canRsvp) throw forbidden('Join the community to answer.');
      return setRsvp(app.db, viewer.id, occ, req.body.response);
    },
  );

  app.get(
    '/api/events/:id/occurrences/:occurrence/rsvps',
    { schema: { tags, summary: 'Who answered, in the order they answered', params: occurrenceParams, querystring: rsvpListQuery } },
    async (req) => {
      const { occ } = await loadOccurrence(app.db, req.params.id, req.params.occurrence, req.viewer);
      const after = decodeCursor(req.query.cursor, ['string', 'number']) as [string, number] | null;
      const rows = await listRsvps(app.db, occ.event.id, occ.original, { response: req.query.response, after, limit: req.query.limit });
      const page = toPage(rows, req.query.limit, (r) => [r.responded_at.toISOString(), r.user_id]);
      return { items: page.items.map(presentRsvp), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/events/:id/occurrences/:occurrence/attendance',
    { schema: { tags, summary: 'Who was there', params: occurrenceParams, querystring: pageQuery } },
    async (req) => {
      const { occ } = await loadOccurrence(app.db, req.params.id, req.params.occurrence, req.viewer);
      const after = decodeCursor(req.query.cursor, ['number']) as [number] | null;
      const rows = await listAttendance(app.db, occ.event.id, occ.original, after?.[0] ?? null, req.query.limit);
      const page = toPage(rows, req.query.limit, (r) => [r.user_id]);
      return {
        items: page.items.map((r) => ({ person: { username: r.username, displayName: r.display_name }, firstTime: r.first_time, selfCheckIn: r.self_check_in })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.put(
    '/api/events/:id/occurrences/:occurrence/attendance',
    { schema: { tags, summary: 'Record who was there (the organizer and coordinators, once it has started)', params: occurrenceParams, body: attendanceInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { occ, canEdit } = await loadOccurrence(app.db, req.params.id, req.params.occurrence, viewer);
      if (!canEdit) throw forbidden('Only the organizer and coordinators record attendance.');
      await recordAttendance(app.db, viewer, occ, req.body);
      return reply.code(204).send();
    },
  );

  app.post('/api/events/:id/occurrences/:occurrence/check-in', { schema: { tags, summary: 'Check yourself in (members, around the time of the event)', params: occurrenceParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { occ, access } = await loadOccurrence(app.db, req.params.id, req.params.occurrence, viewer);
    if (!communityPolicy.canPost(viewer, access)) throw forbidden('Join the community to check in.');
    await checkIn(app.db, viewer.id, occ);
    return reply.code(204).send();
  });

  app.put(
    '/api/events/:id/occurrences/:occurrence/notes',
    { schema: { tags, summary: 'Notes and outcomes: decisions, topics it produced, new questions for the learning agenda', params: occurrenceParams, body: notesInput } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { occ, canEdit, community } = await loadOccurrence(app.db, req.params.id, req.params.occurrence, viewer);
      if (!canEdit) throw forbidden('Only the organizer and coordinators write the notes.');
      await saveNotes(app.db, viewer, occ, req.body, communityPolicy.featureOn(community, 'learning_agenda'));
      return reply.code(204).send();
    },
  );

  // Calendar feeds.
  app.get('/api/calendar/tokens', { schema: { tags, summary: 'Your secret calendar feed links (not revoked)' } }, async (req) => {
    const viewer = requireViewer(req);
    const rows = await listCalendarTokens(app.db, viewer.id);
    const items: CalendarToken[] = rows.map((r) => ({
      id: r.id,
      scope: r.communityId ? 'community' : 'personal',
      community: r.communityId && r.slug ? { slug: r.slug, name: r.name ?? r.slug } : null,
      createdAt: r.createdAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    }));
    return { items };
  });

  app.post('/api/calendar/tokens', { schema: { tags, summary: 'A new secret feed link: personal, or one community’s (shown once)', body: calendarTokenInput } }, async (req, reply) => {
    const viewer = requireViewer(req);
    let communityId: number | null = null;
    if (req.body.community) {
      const { community, access } = await loadVisibleCommunity(app.db, req.body.community, viewer);
      if (!communityPolicy.canRead(viewer, access)) throw forbidden(READ_DENIED);
      communityId = community.id;
    }
    const t = await createCalendarToken(app.db, viewer.id, communityId);
    return reply.code(201).send({ id: t.id, url: `${app.env.appUrl}/api/calendar/feeds/${t.token}.ics`, createdAt: t.createdAt.toISOString() });
  });

  app.delete('/api/calendar/tokens/:id', { schema: { tags, summary: 'Revoke a feed link; calendars using it stop updating', params: idParam } }, async (req, reply) => {
    const viewer = requireViewer(req);
    await revokeCalendarToken(app.db, viewer.id, req.params.id);
    return reply.code(204).send();
  });

  app.get(
    '/api/calendar/feeds/:file',
    { schema: { tags, summary: 'An iCalendar feed behind a secret link (no sign-in)', params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'Not a calendar link.') }) } },
    async (req, reply) => {
      const body = await feedForToken(app.db, app.env.appUrl, req.params.file.slice(0, -4));
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  );
};



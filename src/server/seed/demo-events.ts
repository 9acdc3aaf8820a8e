import { eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../shared/contracts/auth.ts';
import type { CreateEventInput } from '../../shared/contracts/events.ts';
import type { Db } from '../db/client.ts';
import { eventAttendance, eventExceptions, eventNotes, eventRsvps, events } from '../db/schema/index.ts';
import { createEvent, occurrencesInWindow } from '../modules/events/events.service.ts';
import { formatLocal } from '../modules/events/events.time.ts';

const DAY = 86_400_000;

interface Series {
  title: string;
  kind: CreateEventInput['kind'];
  /** Rule, the local time of day, length in minutes and how many days ago it started. */
  rule: string;
  time: string;
  minutes: number;
  startedDaysAgo: number;
  /** The series stopped this many days ago (UNTIL); the rhythm view notices the gap. */
  stoppedDaysAgo?: number;
  place?: string;
  online?: boolean;
  description: string;
}
interface Special {
  title: string;
  kind: CreateEventInput['kind'];
  /** Days from today (negative: already held) and the local start time. */
  inDays: number;
  time: string;
  minutes: number;
  place?: string;
  online?: boolean;
  capacity?: number;
  description: string;
  notes?: { notes: string; decisions: string };
}
interface Rhythm {
  timeZone: string;
  series: Series[];
  specials: Special[];
}

/** A believable year of events for each demo community: its rituals and its special moments. */
const RHYTHMS: Record<string, Rhythm> = {
  'network-operations': {
    timeZone: 'Europe/London',
    series: [
      { title: 'Incident review call', kind: 'teleconference', rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', time: '09:30', minutes: 45, startedDaysAgo: 380, online: true, description: 'Two weeks of incidents in 45 minutes: what happened, what we learned, what we change.' },
      { title: 'Control room open house', kind: 'meeting', rule: 'FREQ=MONTHLY;BYDAY=-1TH', time: '15:00', minutes: 90, startedDaysAgo: 300, place: 'Control room, Harbour Street', description: 'Operators show what they are working on; anyone from the network is welcome.' },
    ],
    specials: [
      { title: 'Winter readiness workshop', kind: 'meeting', inDays: -70, time: '10:00', minutes: 240, place: 'Training centre, room 2', description: 'Freeze-thaw bursts: what we will do differently this winter.', notes: { notes: 'Walked through last winter’s **top 10 bursts** and the response times.', decisions: 'Pre-position repair kits at three depots from November.' } },
      { title: 'Visit to the Ashby pumping station', kind: 'visit', inDays: -150, time: '10:00', minutes: 180, place: 'Ashby pumping station', capacity: 12, description: 'See the new variable-speed drives in action.' },
      { title: 'Network resilience day', kind: 'conference', inDays: 24, time: '09:00', minutes: 420, place: 'Civic hall', capacity: 80, description: 'Talks from three utilities and a tabletop exercise in the afternoon.' },
    ],
  },
  'asset-management': {
    timeZone: 'Europe/London',
    series: [
      { title: 'Asset data clinic', kind: 'teleconference', rule: 'FREQ=MONTHLY;BYDAY=1WE', time: '13:00', minutes: 60, startedDaysAgo: 370, online: true, description: 'Bring a messy asset record; we clean it up together.' },
    ],
    specials: [
      { title: 'ISO 55000 reading group kick-off', kind: 'meeting', inDays: -200, time: '16:00', minutes: 90, place: 'Room 4.12', description: 'Chapter by chapter, with examples from our own plans.' },
      { title: 'Guest talk: risk-based maintenance at a Dutch utility', kind: 'teleconference', inDays: -40, time: '14:00', minutes: 60, online: true, description: 'A guest from a Dutch utility on how they rank maintenance by risk.', notes: { notes: 'They score **consequence × likelihood** per asset class and review quarterly.', decisions: 'Try their scoring sheet on pumps first.' } },
      { title: 'Condition survey field day', kind: 'visit', inDays: 38, time: '08:30', minutes: 360, place: 'Northfield works', capacity: 15, description: 'Survey the old filter beds together and compare notes.' },
    ],
  },
  'water-quality': {
    timeZone: 'Europe/London',
    series: [
      { title: 'Monthly sampling review', kind: 'meeting', rule: 'FREQ=MONTHLY;BYDAY=2MO', time: '10:00', minutes: 90, startedDaysAgo: 390, place: 'Lab 2, Northfield works', description: 'Outliers, methods and what the regulator asked this month.' },
    ],
    specials: [
      { title: 'Lab visit: new turbidity analysers', kind: 'visit', inDays: -110, time: '11:00', minutes: 120, place: 'Central laboratory', capacity: 10, description: 'Hands-on with the new analysers before they roll out.' },
      { title: 'Regional water quality conference', kind: 'conference', inDays: 52, time: '09:00', minutes: 480, place: 'Conference centre, Leeds', description: 'We present our storm-event sampling method.' },
    ],
  },
  'young-engineers': {
    timeZone: 'Europe/London',
    series: [
      { title: 'Friday lunch and learn', kind: 'meeting', rule: 'FREQ=WEEKLY;BYDAY=FR', time: '12:30', minutes: 45, startedDaysAgo: 360, place: 'Canteen, east corner', description: 'One of us explains one thing in 15 minutes; the rest ask questions.' },
    ],
    specials: [
      { title: 'Site visit: reservoir dam inspection', kind: 'visit', inDays: -90, time: '09:00', minutes: 300, place: 'Thornmoor reservoir', capacity: 14, description: 'Walk the dam with the reservoir engineer.' },
      { title: 'Mentor speed-meeting', kind: 'other', inDays: -20, time: '17:00', minutes: 90, place: 'Atrium', description: 'Ten minutes each with ten senior engineers.', notes: { notes: 'Twelve pairs agreed to meet again.', decisions: 'Repeat in spring with field services mentors.' } },
      { title: 'Graduate welcome evening', kind: 'other', inDays: 12, time: '18:00', minutes: 120, place: 'The Foundry pub', capacity: 40, description: 'Meet this year’s graduates.' },
    ],
  },
  'storm-overflows': {
    timeZone: 'Europe/London',
    series: [
      { title: 'Task force stand-up', kind: 'teleconference', rule: 'FREQ=WEEKLY;BYDAY=MO,TH', time: '08:45', minutes: 20, startedDaysAgo: 200, online: true, description: 'Status of every overflow on the watch list.' },
    ],
    specials: [
      { title: 'Overflow monitoring vendor demo', kind: 'teleconference', inDays: -60, time: '14:00', minutes: 60, online: true, description: 'Three vendors, twenty minutes each.' },
    ],
  },
  'data-analytics': {
    timeZone: 'Europe/Amsterdam',
    series: [
      { title: 'Model show-and-tell', kind: 'teleconference', rule: 'FREQ=MONTHLY;BYDAY=3TH', time: '15:00', minutes: 60, startedDaysAgo: 330, online: true, description: 'Someone shows a model, warts and all.' },
    ],
    specials: [
      { title: 'Hackathon: leakage prediction', kind: 'other', inDays: -130, time: '09:00', minutes: 480, place: 'Innovation lab', capacity: 30, description: 'One day, four teams, one leakage dataset.', notes: { notes: 'The winning team combined night-flow and pressure data.', decisions: 'Fund a pilot in two district metered areas.' } },
      { title: 'Data quality summit', kind: 'conference', inDays: 60, time: '09:30', minutes: 420, place: 'Amsterdam office', description: 'With colleagues from the Dutch partner utility.' },
    ],
  },
  'net-zero': {
    timeZone: 'Europe/London',
    series: [
      { title: 'Net zero working session', kind: 'meeting', rule: 'FREQ=MONTHLY;BYMONTHDAY=15', time: '14:00', minutes: 120, startedDaysAgo: 340, place: 'Room 1.05', description: 'Progress on the carbon plan, one workstream at a time.' },
    ],
    specials: [
      { title: 'Visit: anaerobic digestion plant', kind: 'visit', inDays: -180, time: '10:00', minutes: 240, place: 'Minworth', capacity: 16, description: 'How biogas becomes grid energy.' },
      { title: 'Solar on reservoirs: guest talk', kind: 'teleconference', inDays: 18, time: '12:00', minutes: 60, online: true, description: 'Floating solar: what it takes.' },
    ],
  },
  'meter-reading': {
    timeZone: 'Europe/London',
    series: [
      { title: 'Field team huddle', kind: 'teleconference', rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', time: '07:30', minutes: 30, startedDaysAgo: 365, stoppedDaysAgo: 60, online: true, description: 'Route changes, access problems and safety notes.' },
    ],
    specials: [
      { title: 'Smart meter roll-out briefing', kind: 'meeting', inDays: -100, time: '09:00', minutes: 90, place: 'Depot canteen', description: 'What changes for field teams.' },
    ],
  },
  'ot-security': {
    timeZone: 'Europe/London',
    series: [
      { title: 'Threat briefing', kind: 'teleconference', rule: 'FREQ=WEEKLY;BYDAY=TU', time: '08:30', minutes: 30, startedDaysAgo: 300, online: true, description: 'New advisories and what they mean for our control systems.' },
    ],
    specials: [
      { title: 'Incident response tabletop exercise', kind: 'meeting', inDays: -45, time: '09:00', minutes: 240, place: 'Secure room B', capacity: 10, description: 'Ransomware on the SCADA network: a walkthrough.', notes: { notes: 'Found two gaps in the escalation list.', decisions: 'Update the escalation list and rerun in six months.' } },
    ],
  },
};

/** A small deterministic pseudo-random number in [0, 1) from a few integers. */
function rand(...xs: number[]) {
  let h = 2166136261;
  for (const x of xs) h = Math.imul(h ^ (x & 0xffff), 16777619) ^ (x >>> 16);
  return ((h >>> 0) % 10_000) / 10_000;
}

const localAt = (days: number, time: string, tz: string) => `${formatLocal(new Date(Date.now() + days * DAY), tz).slice(0, 10)}T${time}`;
const plusMinutes = (local: string, minutes: number) => new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);

/**
 * Seeds events through the events service (so rules, zones and series ends are computed as in
 * use), then a year of answers and attendance in bulk: early members come from the start,
 * later ones join the rhythm over the year (first-timers), special events draw more new faces.
 */
export async function seedDemoEvents(db: Db, communityIds: Map<string, number>, person: (username: string) => Viewer) {
  const now = Date.now();
  for (const [slug, rhythm] of Object.entries(RHYTHMS)) {
    const communityId = communityIds.get(slug);
    if (!communityId) continue;
    const coord = await db.execute<{ username: string }>(sql`
      select u.username from member_roles r join users u on u.id = r.user_id where r.community_id = ${communityId} and r.role = 'coordinator' order by u.id limit 1`);
    const organizer = person(coord.rows[0].username);
    const members = (await db.execute<{ user_id: number }>(sql`select user_id from memberships where community_id = ${communityId} and status = 'active' order by created_at, user_id`)).rows.map((r) => r.user_id);
    const ids: number[] = [];
    for (const s of rhythm.series) {
      const startsAt = localAt(-s.startedDaysAgo, s.time, rhythm.timeZone);
      const until = s.stoppedDaysAgo ? `;UNTIL=${new Date(now - s.stoppedDaysAgo * DAY).toISOString().slice(0, 10).replace(/-/g, '')}T235959Z` : '';
      ids.push(
        await createEvent(db, organizer, communityId, {
          kind: s.kind,
          cadence: 'regular',
          title: s.title,
          description: s.description,
          startsAt,
          endsAt: plusMinutes(startsAt, s.minutes),
          timeZone: rhythm.timeZone,
          rule: s.rule + until,
          place: s.place ?? '',
          onlineUrl: s.online ? `https://meet.example.org/${slug}` : '',
          capacity: null,
          subgroupId: null,
          agendaItemIds: [],
        }),
      );
    }
    const notesFor = new Map<number, Special['notes']>();
    for (const sp of rhythm.specials) {
      const startsAt = localAt(sp.inDays, sp.time, rhythm.timeZone);
      const id = await createEvent(db, organizer, communityId, {
        kind: sp.kind,
        cadence: 'special',
        title: sp.title,
        description: sp.description,
        startsAt,
        endsAt: plusMinutes(startsAt, sp.minutes),
        timeZone: rhythm.timeZone,
        rule: null,
        place: sp.place ?? '',
        onlineUrl: sp.online ? `https://meet.example.org/${slug}-special` : '',
        capacity: sp.capacity ?? null,
        subgroupId: null,
        agendaItemIds: [],
      });
      ids.push(id);
      if (sp.notes) notesFor.set(id, sp.notes);
    }
    // Back-date creation so the events look planned ahead of time.
    for (const id of ids) await db.update(events).set({ createdAt: sql`least(${events.startsAt} - interval '14 days', now())` }).where(eq(events.id, id));

    const occs = await occurrencesInWindow(db, sql`${events.communityId} = ${communityId}`, new Date(now - 400 * DAY), new Date(now + 70 * DAY));
    const rsvps: (typeof eventRsvps.$inferInsert)[] = [];
    const attendance: (typeof eventAttendance.$inferInsert)[] = [];
    const exceptions: (typeof eventExceptions.$inferInsert)[] = [];
    const notes: (typeof eventNotes.$inferInsert)[] = [];
    let lastRegularPast: (typeof occs)[number] | null = null;
    for (const o of occs) {
      const start = o.startsAt.getTime();
      const special = o.event.cadence === 'special';
      // One in about fifteen regular occurrences was cancelled (holidays, clashes).
      if (!special && start < now && rand(o.event.id, start / 60_000, 7) < 0.07) {
        exceptions.push({ eventId: o.event.id, occurrence: o.original, cancelled: true, changedBy: organizer.id });
        continue;
      }
      // Members join the rhythm over the year: the share who may come grows from half to all.
      const progress = Math.min(1, Math.max(0, 1 - (now - start) / (365 * DAY)));
      const pool = members.slice(0, Math.max(2, Math.round(members.length * (0.5 + 0.5 * progress))));
      const share = special ? 0.55 : 0.35;
      const cap = o.event.capacity ?? Number.POSITIVE_INFINITY;
      let going = 0;
      for (const userId of pool) {
        const r = rand(userId, o.event.id, start / 60_000);
        if (r >= share + 0.15) continue;
        const respondedAt = new Date(Math.min(now, start - (2 + Math.floor(r * 10)) * DAY));
        const response = r < share ? 'going' : 'maybe';
        const waitlisted = response === 'going' && going >= cap;
        if (response === 'going' && !waitlisted) going++;
        rsvps.push({ eventId: o.event.id, occurrence: o.original, userId, response, waitlisted, respondedAt });
        if (start < now && !waitlisted && r < share * 0.9) {
          attendance.push({ eventId: o.event.id, occurrence: o.original, userId, communityId, firstTime: false, recordedBy: organizer.id, recordedAt: new Date(Math.min(now, start + 3 * 3600_000)) });
        }
      }
      if (start < now && !special) lastRegularPast = o;
      if (start < now && special && notesFor.get(o.event.id)) {
        notes.push({ eventId: o.event.id, occurrence: o.original, ...notesFor.get(o.event.id)!, updatedBy: organizer.id, updatedAt: new Date(start + DAY) });
      }
    }
    if (lastRegularPast) {
      notes.push({
        eventId: lastRegularPast.event.id,
        occurrence: lastRegularPast.original,
        notes: `Went through the open items from last time and ${lastRegularPast.event.title.toLowerCase()} topics raised this week.`,
        decisions: 'Keep the same slot; rotate who takes the notes.',
        updatedBy: organizer.id,
        updatedAt: new Date(lastRegularPast.endsAt.getTime() + 3600_000),
      });
    }
    await db.transaction(async (tx) => {
      for (let k = 0; k < rsvps.length; k += 1000) await tx.insert(eventRsvps).values(rsvps.slice(k, k + 1000)).onConflictDoNothing();
      for (let k = 0; k < attendance.length; k += 1000) await tx.insert(eventAttendance).values(attendance.slice(k, k + 1000)).onConflictDoNothing();
      if (exceptions.length) await tx.insert(eventExceptions).values(exceptions).onConflictDoNothing();
      if (notes.length) await tx.insert(eventNotes).values(notes).onConflictDoNothing();
    });
  }
  // Each person's earliest attendance in a community is their first time there.
  await db.execute(sql`update event_attendance a set first_time = true from (
      select distinct on (community_id, user_id) community_id, user_id, event_id, occurrence
      from event_attendance order by community_id, user_id, occurrence, event_id) f
    where a.community_id = f.community_id and a.user_id = f.user_id and a.event_id = f.event_id and a.occurrence = f.occurrence`);
}

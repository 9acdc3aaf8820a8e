import { z } from 'zod';
import { eventCadenceKeys, eventKindKeys, rsvpResponseKeys } from '../model/catalogue.ts';
import { pageQuery } from './common.ts';
import type { PersonRef } from './conversations.ts';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const eventListParams = z.object({ slug: z.string().min(1).max(50) });
export const eventParams = z.object({ id });
/** An occurrence is named by its original start in UTC, like 20260320T170000Z. */
export const occurrenceParams = z.object({ id, occurrence: z.string().regex(/^\d{8}T\d{6}Z$/, 'Name the occurrence by its start, like 20260320T170000Z.') });

/** Local date and time in the event's time zone, as an <input type="datetime-local"> gives it. */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use a date and time like 2026-06-30T18:00.');
const isoInstant = z.iso.datetime({ offset: true, message: 'Use an ISO date and time like 2026-06-30T18:00:00Z.' });

const title = z.string().trim().min(3, 'Use at least 3 characters.').max(120, 'Use at most 120 characters.');
const description = z.string().trim().max(10_000, 'Use at most 10000 characters.');
const place = z.string().trim().max(200, 'Use at most 200 characters.');
const onlineUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'Use a web address starting with https://.' }).max(500)]);
const timeZone = z.string().trim().min(1, 'Choose a time zone.').max(64);
const capacity = z.number().int().min(1, 'At least 1 place.').max(100_000).nullable();
/** An RRULE body such as FREQ=MONTHLY;BYDAY=-1FR (no DTSTART). Null: a one-off event. */
const rule = z.string().trim().min(5).max(300).nullable();

export const createEventInput = z.object({
  kind: z.enum(eventKindKeys),
  cadence: z.enum(eventCadenceKeys),
  title,
  description: description.default(''),
  startsAt: localDateTime,
  endsAt: localDateTime,
  timeZone,
  rule: rule.default(null),
  place: place.default(''),
  onlineUrl: onlineUrl.default(''),
  capacity: capacity.default(null),
  subgroupId: id.nullable().default(null),
  agendaItemIds: z.array(id).max(20).default([]),
});
export type CreateEventInput = z.infer<typeof createEventInput>;

export const updateEventInput = z.object({
  kind: z.enum(eventKindKeys).optional(),
  cadence: z.enum(eventCadenceKeys).optional(),
  title: title.optional(),
  description: description.optional(),
  startsAt: localDateTime.optional(),
  endsAt: localDateTime.optional(),
  timeZone: timeZone.optional(),
  rule: rule.optional(),
  place: place.optional(),
  onlineUrl: onlineUrl.optional(),
  capacity: capacity.optional(),
  subgroupId: id.nullable().optional(),
  agendaItemIds: z.array(id).max(20).optional(),
});
export type UpdateEventInput = z.infer<typeof updateEventInput>;

export const eventWindowQuery = z.object({
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});

/** Move one occurrence (local times in the event's zone) or cancel it; `restore` undoes either. */
export const changeOccurrenceInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('move'), startsAt: localDateTime, endsAt: localDateTime }),
  z.object({ action: z.literal('cancel') }),
  z.object({ action: z.literal('restore') }),
]);
export type ChangeOccurrenceInput = z.infer<typeof changeOccurrenceInput>;

export const rsvpInput = z.object({ response: z.enum(rsvpResponseKeys) });

export const attendanceInput = z.object({
  /** Usernames of people who were there (members of the community). */
  present: z.array(z.string().trim().min(1).max(30)).max(200).default([]),
  /** Usernames to take off the list. */
  absent: z.array(z.string().trim().min(1).max(30)).max(200).default([]),
});

export const notesInput = z.object({
  notes: z.string().trim().max(20_000, 'Use at most 20000 characters.').default(''),
  decisions: z.string().trim().max(5_000, 'Use at most 5000 characters.').default(''),
  /** Topics this occurrence produced (readable in the community). */
  topicIds: z.array(id).max(20).default([]),
  /** New questions for the learning agenda, added as open agenda items. */
  newQuestions: z.array(z.string().trim().min(5, 'Use at least 5 characters.').max(300)).max(10).default([]),
});
export type NotesInput = z.infer<typeof notesInput>;

export const eventSettingsInput = z.object({ membersMayCreate: z.boolean() });

export const calendarTokenInput = z.object({
  /** Omit for the personal feed; a community's slug for its feed. */
  community: z.string().min(1).max(50).optional(),
});

export const rsvpListQuery = pageQuery.extend({ response: z.enum(rsvpResponseKeys).optional() });

export interface OccurrenceSummary {
  eventId: number;
  occurrence: string;
  /** The original start (ISO, UTC); differs from startsAt when moved. */
  originalStart: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  title: string;
  kind: string;
  cadence: string;
  place: string;
  online: boolean;
  recurring: boolean;
  moved: boolean;
  cancelled: boolean;
  going: number;
  community: { slug: string; name: string };
}

export interface EventDetail {
  id: number;
  kind: string;
  cadence: string;
  title: string;
  description: string;
  descriptionHtml: string;
  startsAt: string;
  endsAt: string;
  /** Local times in the event's zone, for the edit form. */
  localStart: string;
  localEnd: string;
  timeZone: string;
  rule: string | null;
  ruleText: string | null;
  place: string;
  onlineUrl: string;
  capacity: number | null;
  cancelled: boolean;
  subgroup: { id: number; name: string } | null;
  agendaItems: { id: number; question: string }[];
  organizer: PersonRef | null;
  community: { slug: string; name: string };
  createdAt: string;
  viewer: { canEdit: boolean; canRsvp: boolean };
}

export interface OccurrenceDetail extends OccurrenceSummary {
  maybe: number;
  notGoing: number;
  waitlisted: number;
  attended: number;
  firstTimers: number;
  capacity: number | null;
  myResponse: string | null;
  myWaitlisted: boolean;
  myAttended: boolean;
  notes: { notes: string; notesHtml: string; decisions: string; decisionsHtml: string; updatedAt: string; updatedBy: PersonRef | null } | null;
  topics: { id: number; title: string }[];
  raisedQuestions: { id: number; question: string }[];
  viewer: { canEdit: boolean; canRsvp: boolean; canCheckIn: boolean; canRecord: boolean };
}

export interface RsvpEntry {
  person: PersonRef;
  response: string;
  waitlisted: boolean;
  respondedAt: string;
  attended: boolean;
  firstTime: boolean;
}

export interface CalendarToken {
  id: number;
  scope: 'personal' | 'community';
  community: { slug: string; name: string } | null;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface Rhythm {
  months: { month: string; regular: number; special: number; attendance: number; newcomers: number }[];
  totals: { regular: number; special: number; attendance: number; newcomers: number; newcomerShare: number | null };
  lastRegular: string | null;
  nextEvent: string | null;
  reading: string[];
}

import { eq } from 'drizzle-orm';
import type { Rhythm } from '../../../shared/contracts/events.ts';
import type { Queryable } from '../../db/client.ts';
import { events } from '../../db/schema/index.ts';
import { occurrencesInWindow } from './events.service.ts';
import { toWallClock } from './events.time.ts';

const DAY = 86400_000;

const monthKey = (d: Date, tz: string) => toWallClock(d, tz).toISOString().slice(0, 7);
const dayMonth = (d: Date, tz: string) => new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long' }).format(d);

/**
 * A community's rhythm (MODEL §11) over the last 12 months: events per month, regular against
 * special, attendance and the share of first-timers, and a plain-language reading of it.
 */
export async function communityRhythm(db: Queryable, communityId: number, now = new Date()): Promise<Rhythm> {
  const from = new Date(now.getTime() - 365 * DAY);
  const to = new Date(now.getTime() + 180 * DAY);
  const occs = (await occurrencesInWindow(db, eq(events.communityId, communityId), from, to)).filter((o) => !o.cancelled);
  const past = occs.filter((o) => o.startsAt <= now);
  const zone = occs[0]?.event.timeZone ?? 'UTC';

  const months = new Map<string, Rhythm['months'][number]>();
  const cursor = toWallClock(now, zone);
  for (let i = 11; i >= 0; i--) {
    const m = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() - i, 1)).toISOString().slice(0, 7);
    months.set(m, { month: m, regular: 0, special: 0, attendance: 0, newcomers: 0 });
  }
  for (const o of past) {
    const m = months.get(monthKey(o.startsAt, o.event.timeZone));
    if (!m) continue;
    if (o.event.cadence === 'regular') m.regular++;
    else m.special++;
    m.attendance += o.counts?.attended ?? 0;
    m.newcomers += o.counts?.first_timers ?? 0;
  }
  const list = [...months.values()];
  const totals = list.reduce((t, m) => ({ regular: t.regular + m.regular, special: t.special + m.special, attendance: t.attendance + m.attendance, newcomers: t.newcomers + m.newcomers }), {
    regular: 0,
    special: 0,
    attendance: 0,
    newcomers: 0,
  });
  const lastRegular = [...past].reverse().find((o) => o.event.cadence === 'regular') ?? null;
  const next = occs.find((o) => o.startsAt > now) ?? null;

  const reading: string[] = [];
  const count = totals.regular + totals.special;
  if (count === 0) {
    reading.push('No events in the last 12 months. A first regular meeting gives members a reason to meet and get to know each other.');
  } else {
    const perMonth = count / 12;
    reading.push(
      perMonth >= 1
        ? `About ${Math.round(perMonth)} event${Math.round(perMonth) === 1 ? '' : 's'} a month over the last 12 months.`
        : `${count} event${count === 1 ? '' : 's'} in the last 12 months: fewer than one a month.`,
    );
  }
  if (lastRegular) {
    const weeks = Math.floor((now.getTime() - lastRegular.startsAt.getTime()) / (7 * DAY));
    if (weeks >= 6) reading.push(`No regular event in ${weeks} weeks. Regular events build familiarity and trust; consider restarting the rhythm.`);
  } else if (count > 0) {
    reading.push('No regular events in the last 12 months: a ritual (a monthly call, a weekly stand-up) builds familiarity and trust.');
  }
  if (totals.regular > 0 && totals.special === 0) reading.push('Only regular events: a special one (a visit, a guest speaker, a conference) brings new people and new ideas.');
  else if (totals.special > 0 && totals.regular > 0 && totals.special > totals.regular * 2) reading.push('Mostly special events: a steadier regular rhythm would help members keep in touch between them.');
  const newcomerShare = totals.attendance ? totals.newcomers / totals.attendance : null;
  if (newcomerShare !== null) {
    reading.push(`${Math.round(newcomerShare * 100)}% of the people at events came for the first time.`);
    const recent = list.slice(-3).reduce((n, m) => n + m.newcomers, 0);
    const recentAttendance = list.slice(-3).reduce((n, m) => n + m.attendance, 0);
    if (recentAttendance > 0 && recent === 0) reading.push('No newcomers at events in the last 3 months: invite someone new, or hold an event for newcomers.');
  }
  reading.push(next ? `Next: ${next.event.title} on ${dayMonth(next.startsAt, next.event.timeZone)}.` : 'Nothing planned yet.');

  return {
    months: list,
    totals: { ...totals, newcomerShare },
    lastRegular: lastRegular?.startsAt.toISOString() ?? null,
    nextEvent: next?.startsAt.toISOString() ?? null,
    reading,
  };
}

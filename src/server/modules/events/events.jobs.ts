import { bigintArray } from '../../db/arrays.ts';
import { sql } from 'drizzle-orm';
import { eventReminderOffsets } from '../../../shared/model/catalogue.ts';
import type { Db } from '../../db/client.ts';
import type { JobDefinition } from '../../jobs/jobs.ts';
import { userCanReadCommunitySql } from '../communities/communities.policy.ts';
import { notify } from '../notifications/notifications.service.ts';
import { occurrencesInWindow } from './events.service.ts';
import { occurrenceKey } from './events.time.ts';

const longest = Math.max(...eventReminderOffsets.map((o) => o.minutes)) * 60_000;

/**
 * Sends the reminders that are due at `now`: for each coming occurrence, the latest offset
 * (a day, an hour) whose time has come, to people who answered going (with a place) or maybe
 * and may still read the community. A reminder is claimed by inserting its marker row
 * (event, occurrence, person, offset) — the primary key makes it go out exactly once, even with
 * two instances running the job at the same moment. A day reminder that is late by more than
 * the hour reminder is skipped in favour of that one.
 */
export async function sendDueReminders(db: Db, now = new Date()): Promise<number> {
  const occs = await occurrencesInWindow(db, sql`events.cancelled_at is null`, now, new Date(now.getTime() + longest));
  let sent = 0;
  for (const o of occs) {
    if (o.cancelled || o.startsAt <= now) continue;
    const until = o.startsAt.getTime() - now.getTime();
    // The smallest offset already reached is the one to send now.
    const due = [...eventReminderOffsets].sort((a, b) => a.minutes - b.minutes).find((x) => until <= x.minutes * 60_000);
    if (!due) continue;
    sent += await db.transaction(async (tx) => {
      const claimed = await tx.execute<{ user_id: number }>(sql`
        insert into event_reminders_sent (event_id, occurrence, user_id, "offset", sent_at)
        select r.event_id, r.occurrence, r.user_id, ${due.key}, ${now}
        from event_rsvps r
        where r.event_id = ${o.event.id} and r.occurrence = ${o.original}
          and ((r.response = 'going' and not r.waitlisted) or r.response = 'maybe')
          and ${userCanReadCommunitySql(sql`r.user_id`, o.event.communityId)}
        on conflict do nothing
        returning user_id`);
      const ids = claimed.rows.map((r) => r.user_id);
      if (!ids.length) return 0;
      await notify(tx, {
        kind: 'event_reminder',
        actorId: null,
        communityId: o.event.communityId,
        recipients: sql`select unnest(${bigintArray(ids)})`,
        data: {
          eventId: o.event.id,
          occurrence: occurrenceKey(o.original),
          title: o.event.title,
          startsAt: o.startsAt.toISOString(),
          timeZone: o.event.timeZone,
          place: o.event.place,
          onlineUrl: o.event.onlineUrl,
          offset: due.key,
        },
      });
      return ids.length;
    });
  }
  return sent;
}

export const eventJobs: JobDefinition[] = [
  {
    name: 'event-reminders',
    cron: '* * * * *',
    run: async (app, data) => {
      const now = typeof data.now === 'string' ? new Date(data.now) : new Date();
      const n = await sendDueReminders(app.db, now);
      if (n) {
        app.log.info({ reminders: n }, 'event reminders sent');
        await app.jobs.nudge('email-notifications').catch(() => {});
      }
    },
  },
];

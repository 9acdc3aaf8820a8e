import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstAddress, startTestSmtp, type TestSmtp } from '../email/email.testing.ts';
import { createTestApp, makeCommunity, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url, APP_URL: 'https://constellation.example.org', MAIL_FROM: 'Constellation <no-reply@example.org>' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const START = new Date('2027-05-10T16:00:00Z'); // 18:00 in Berlin
const at = (ms: number) => ({ now: new Date(START.getTime() + ms).toISOString() });
const H = 3600_000;

async function runAt(ms: number) {
  await t.app.jobs.runNow('event-reminders', at(ms));
}

async function sentRows() {
  const r = await t.db.execute<{ username: string; offset: string }>(sql`select u.username, s."offset" from event_reminders_sent s join users u on u.id = s.user_id order by u.username, s."offset"`);
  return r.rows.map((x) => `${x.username}:${x.offset}`);
}

describe('event reminders', () => {
  it('go out a day and an hour before, exactly once each, by email or in the app as each person chose', async () => {
    const coord = await signedInClient(t, { username: 'coord_rem' });
    const going = await signedInClient(t, { username: 'going_rem' });
    const maybe = await signedInClient(t, { username: 'maybe_rem' });
    const notGoing = await signedInClient(t, { username: 'nope_rem' });
    const slug = await makeCommunity(coord);
    for (const c of [going, maybe, notGoing]) await c.post(`/api/communities/${slug}/join`);
    // maybe_rem wants event reminders in the app only.
    expect((await maybe.put('/api/me/notification-settings', { kinds: { event_reminder: 'in_app' } })).statusCode).toBe(200);
    const ev = (
      await coord.post(`/api/communities/${slug}/events`, {
        kind: 'teleconference',
        cadence: 'special',
        title: 'Vibration analysis call',
        startsAt: '2027-05-10T18:00',
        endsAt: '2027-05-10T19:00',
        timeZone: 'Europe/Berlin',
        onlineUrl: 'https://meet.example.org/vib',
      })
    ).json();
    const occ = `/api/events/${ev.id}/occurrences/20270510T160000Z`;
    await going.put(`${occ}/rsvp`, { response: 'going' });
    await maybe.put(`${occ}/rsvp`, { response: 'maybe' });
    await notGoing.put(`${occ}/rsvp`, { response: 'not_going' });

    await runAt(-25 * H);
    expect(await sentRows()).toEqual([]);

    await runAt(-24 * H + 60_000);
    expect(await sentRows()).toEqual(['going_rem:day', 'maybe_rem:day']);
    // Running again (or on two instances at once) sends nothing more.
    await Promise.all([runAt(-23 * H), runAt(-23 * H)]);
    expect(await sentRows()).toEqual(['going_rem:day', 'maybe_rem:day']);

    await Promise.all([runAt(-59 * 60_000), runAt(-58 * 60_000)]);
    expect(await sentRows()).toEqual(['going_rem:day', 'going_rem:hour', 'maybe_rem:day', 'maybe_rem:hour']);
    await runAt(-1000);
    await runAt(+5 * 60_000);
    expect(await sentRows()).toHaveLength(4);

    const notes = await t.db.execute<{ username: string; delivery: string }>(sql`select u.username, n.delivery from notifications n join users u on u.id = n.user_id where n.kind = 'event_reminder' order by n.id`);
    expect(notes.rows).toEqual([
      { username: 'going_rem', delivery: 'email' },
      { username: 'maybe_rem', delivery: 'in_app' },
      { username: 'going_rem', delivery: 'email' },
      { username: 'maybe_rem', delivery: 'in_app' },
    ]);
    const inbox = (await maybe.get('/api/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'event_reminder', summary: 'Reminder: “Vibration analysis call” starts in an hour', href: `/events/${ev.id}?at=20270510T160000Z` });

    await t.app.jobs.runNow('notifications.email');
    await t.app.jobs.runNow('email.send');
    const mails = await smtp.waitFor(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received).toHaveLength(2);
    expect(mails.map((m) => firstAddress(m.to))).toEqual(['going_rem@example.org', 'going_rem@example.org']);
    expect(mails.map((m) => m.subject).sort()).toEqual(['Reminder: “Vibration analysis call” in an hour', 'Reminder: “Vibration analysis call” tomorrow']);
    expect(mails[0].text).toContain('Monday 10 May');
    expect(mails[0].text).toContain('18:00 (Europe/Berlin)');
    expect(mails[0].text).toContain(`https://constellation.example.org/events/${ev.id}?at=20270510T160000Z`);
  });

  it('skip people who left a secret community, cancelled occurrences and the waiting list', async () => {
    const coord = await signedInClient(t);
    const leaver = await signedInClient(t);
    const waiting = await signedInClient(t);
    const slug = await makeCommunity(coord, { visibility: 'secret' });
    for (const c of [leaver, waiting]) {
      await coord.post(`/api/communities/${slug}/invitations`, { who: c.username });
      await c.post(`/api/communities/${slug}/join`);
    }
    const ev = (
      await coord.post(`/api/communities/${slug}/events`, {
        kind: 'meeting',
        cadence: 'regular',
        title: 'Weekly huddle',
        startsAt: '2027-06-01T09:00',
        endsAt: '2027-06-01T10:00',
        timeZone: 'Europe/Berlin',
        rule: 'FREQ=WEEKLY;COUNT=2',
        capacity: 1,
      })
    ).json();
    const first = `/api/events/${ev.id}/occurrences/20270601T070000Z`;
    const second = `/api/events/${ev.id}/occurrences/20270608T070000Z`;
    await leaver.put(`${first}/rsvp`, { response: 'going' });
    await waiting.put(`${first}/rsvp`, { response: 'going' });
    await leaver.put(`${second}/rsvp`, { response: 'going' });
    await leaver.post(`/api/communities/${slug}/leave`);
    await coord.put(second, { action: 'cancel' });
    const before = (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from event_reminders_sent where event_id = ${ev.id}`)).rows[0].n;
    await t.app.jobs.runNow('event-reminders', { now: '2027-06-01T06:30:00Z' });
    await t.app.jobs.runNow('event-reminders', { now: '2027-06-08T06:30:00Z' });
    const after = (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from event_reminders_sent where event_id = ${ev.id}`)).rows[0].n;
    expect(before).toBe(0);
    expect(after).toBe(0);
  });
});

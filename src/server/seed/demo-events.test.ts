import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../test/harness.ts';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './demo.ts';

let t: TestApp;
let maria: Client;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.db);
  maria = new Client(t.app);
  expect((await maria.post('/api/auth/signin', { login: 'maria', password: DEMO_PASSWORD })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('demo events', () => {
  it('every community has a year of regular and special events, with answers, attendance and first-timers', async () => {
    const { rows } = await t.pool.query(`
      select c.slug,
        count(distinct e.id) filter (where e.cadence = 'regular')::int as regular,
        count(distinct e.id) filter (where e.cadence = 'special')::int as special,
        (select count(*) from event_attendance a where a.community_id = c.id)::int as attendance,
        (select count(*) from event_attendance a where a.community_id = c.id and a.first_time)::int as first_timers,
        (select count(*) from event_rsvps r join events x on x.id = r.event_id where x.community_id = c.id and r.occurrence > now())::int as coming
      from communities c join events e on e.community_id = c.id
      group by c.id, c.slug`);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const r of rows) {
      expect(r.regular, r.slug).toBeGreaterThanOrEqual(1);
      expect(r.special, r.slug).toBeGreaterThanOrEqual(1);
      expect(r.attendance, r.slug).toBeGreaterThan(r.first_timers);
      expect(r.first_timers, r.slug).toBeGreaterThan(0);
    }
    expect(rows.some((r) => r.coming > 0)).toBe(true);
  });

  it('the rhythm reads believably: a steady community and one whose ritual stopped', async () => {
    const steady = (await maria.get('/api/communities/network-operations/rhythm')).json();
    expect(steady.totals.regular).toBeGreaterThan(20);
    expect(steady.totals.special).toBeGreaterThanOrEqual(2);
    expect(steady.totals.newcomerShare).toBeGreaterThan(0);
    expect(steady.reading.join(' ')).not.toMatch(/No regular event in/);
    const stopped = (await maria.get('/api/communities/meter-reading/rhythm')).json();
    expect(stopped.reading.join(' ')).toMatch(/No regular event in \d+ weeks/);
  });

  it('the secret community’s events stay hidden from people outside it', async () => {
    expect((await maria.get('/api/communities/ot-security/events')).statusCode).toBe(404);
    const url = new URL((await maria.post('/api/calendar/tokens', {})).json().url);
    const feed = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(feed.body).toContain('Incident review call');
    expect(feed.body).not.toContain('Threat briefing');
  });
});

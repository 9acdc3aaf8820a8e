import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../test/harness.ts';
import { seedDemoIfEmpty } from './demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.db);
});
afterAll(() => t.close());

describe('demo people', () => {
  it('have titles, places, time zones and expertise drawn from what they wrote', async () => {
    const maria = (await new Client(t.app).get('/api/people/maria')).json();
    expect(maria).toMatchObject({ title: 'Network controller', location: expect.any(String), timeZone: 'Europe/London' });
    const { rows } = await t.pool.query('select count(distinct user_id)::int as people, count(*)::int as areas from expertise');
    expect(rows[0].people).toBeGreaterThan(20);
    const anyTag = (await t.pool.query('select tag from expertise group by tag order by count(*) desc limit 1')).rows[0].tag as string;
    const res = (await new Client(t.app).get(`/api/who-knows?q=${anyTag}`)).json();
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items[0].reasons.length).toBeGreaterThan(0);
    // A pressure management engineer is an expert in it, not learning it.
    const aisha = (await new Client(t.app).get('/api/people/aisha')).json();
    expect(aisha).toMatchObject({ title: 'Pressure management engineer' });
    expect(aisha.expertise).toContainEqual({ tag: 'pressure-management', level: 'expert' });
  });
});

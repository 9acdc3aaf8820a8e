import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let coord: Client;
let outsider: Client;

beforeAll(async () => {
  t = await createTestApp();
  coord = await signedInClient(t);
  outsider = await signedInClient(t);
});
afterAll(() => t.close());

describe('the stage history', () => {
  it('records every stage change with who, when and why, newest first, and nothing when the stage stays', async () => {
    const slug = await makeCommunity(coord);
    expect((await coord.patch(`/api/communities/${slug}`, { stage: 'coalescing', stageReason: 'First meeting drew 12 people.' })).statusCode).toBe(200);
    expect((await coord.patch(`/api/communities/${slug}`, { stage: 'coalescing' })).statusCode).toBe(200);
    expect((await coord.patch(`/api/communities/${slug}`, { stage: 'active' })).json().stage).toBe('stewardship');
    const res = await coord.get(`/api/communities/${slug}/stage-history`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ from: 'coalescing', to: 'stewardship', reason: '', by: { username: coord.username, displayName: expect.any(String) } }),
      expect.objectContaining({ from: 'potential', to: 'coalescing', reason: 'First meeting drew 12 people.' }),
      expect.objectContaining({ from: null, to: 'potential', reason: 'Created' }),
    ]);
    expect(Date.parse(res.json().items[0].at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('pages through the history with a cursor', async () => {
    const slug = await makeCommunity(coord);
    for (const stage of ['coalescing', 'maturing', 'stewardship']) await coord.patch(`/api/communities/${slug}`, { stage });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { to: string }[]; nextCursor: string | null } = (
        await coord.get(`/api/communities/${slug}/stage-history?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.to));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['stewardship', 'maturing', 'coalescing', 'potential']);
    expect((await coord.get(`/api/communities/${slug}/stage-history?limit=51`)).statusCode).toBe(400);
  });

  it('refuses a reason without a stage, or a reason too long, and changes nothing', async () => {
    const slug = await makeCommunity(coord);
    const a = await coord.patch(`/api/communities/${slug}`, { stageReason: 'Because.' });
    expect(a.statusCode).toBe(422);
    expect(a.json().errors[0].path).toBe('stage');
    const b = await coord.patch(`/api/communities/${slug}`, { stage: 'maturing', stageReason: 'x'.repeat(501) });
    expect(b.statusCode).toBe(400);
    expect(b.json().errors[0].path).toBe('stageReason');
    expect((await coord.get(`/api/communities/${slug}`)).json().stage).toBe('potential');
    expect((await coord.get(`/api/communities/${slug}/stage-history`)).json().items).toHaveLength(1);
  });

  it('is readable wherever the conversations are, hidden with a secret community', async () => {
    const open = await makeCommunity(coord);
    const secret = await makeCommunity(coord, { visibility: 'secret' });
    const byRequest = await makeCommunity(coord, { visibility: 'by_request' });
    expect((await new Client(t.app).get(`/api/communities/${open}/stage-history`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/communities/${secret}/stage-history`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/communities/${byRequest}/stage-history`)).statusCode).toBe(403);
  });
});

describe('stage signals', () => {
  it('computes members, active members, the activity trend and age from the data, and suggests the next stage', async () => {
    const slug = await makeCommunity(coord);
    const people = [coord];
    for (let i = 0; i < 5; i++) {
      const p = await signedInClient(t);
      await p.post(`/api/communities/${slug}/join`);
      people.push(p);
    }
    // Three members post this month; one posted only last month; one post is older than 60 days.
    const recent = await makeTopic(people[1], [slug]);
    await people[2].post(`/api/topics/${recent}/replies`, { body: 'Same here.' });
    await people[3].post(`/api/topics/${recent}/replies`, { body: 'We log them on tablets now.' });
    const old = await makeTopic(people[4], [slug], { title: 'An older question about valves' });
    await t.pool.query(`update posts set created_at = now() - interval '45 days' where topic_id = $1`, [old]);
    await t.pool.query(`update topic_communities set last_activity_at = now() - interval '45 days' where topic_id = $1`, [old]);
    const ancient = await makeTopic(people[5], [slug], { title: 'An ancient question about meters' });
    await t.pool.query(`update posts set created_at = now() - interval '90 days' where topic_id = $1`, [ancient]);
    await t.pool.query(`update topic_communities set last_activity_at = now() - interval '90 days' where topic_id = $1`, [ancient]);
    await t.pool.query(`update communities set created_at = now() - interval '20 days' where slug = $1`, [slug]);

    const res = await coord.get(`/api/communities/${slug}/stage-signals`);
    expect(res.statusCode).toBe(200);
    expect(res.json().metrics).toEqual({ stage: 'potential', members: 6, activeMembers: 3, postsLast30: 3, postsPrev30: 1, ageDays: 20, events: 0, assets: 0 });
    expect(res.json().suggestion).toMatchObject({ from: 'potential', to: 'coalescing', direction: 'forward' });
    expect(res.json().suggestion.sentence).toBe(
      'Signals suggest this community may be coalescing: 6 members, 3 active in the last 30 days, activity up 200% on the 30 days before.',
    );

    // The coordinator confirms: the stage moves, with the signals as the reason; the suggestion goes away.
    await coord.patch(`/api/communities/${slug}`, { stage: 'coalescing', stageReason: res.json().suggestion.sentence });
    expect((await coord.get(`/api/communities/${slug}/stage-history`)).json().items[0]).toMatchObject({ to: 'coalescing', reason: res.json().suggestion.sentence });
    expect((await coord.get(`/api/communities/${slug}/stage-signals`)).json().suggestion).toBeNull();
  });

  it('does not count people who left, deleted posts, or posts in other communities', async () => {
    const slug = await makeCommunity(coord);
    const other = await makeCommunity(coord);
    const leaver = await signedInClient(t);
    await leaver.post(`/api/communities/${slug}/join`);
    await leaver.post(`/api/communities/${other}/join`);
    await makeTopic(leaver, [slug]);
    await leaver.post(`/api/communities/${slug}/leave`);
    await makeTopic(leaver, [other]);
    const gone = await makeTopic(coord, [slug]);
    await t.pool.query('update posts set deleted_at = now() where topic_id = $1', [gone]);
    const m = (await coord.get(`/api/communities/${slug}/stage-signals`)).json().metrics;
    expect(m).toMatchObject({ members: 1, activeMembers: 0, postsLast30: 1 });
  });

  it('counts events held in the last 90 days', async () => {
    const slug = await makeCommunity(coord);
    const planned = await coord.post(`/api/communities/${slug}/events`, {
      kind: 'meeting',
      cadence: 'special',
      title: 'Launch workshop',
      startsAt: '2030-01-10T10:00',
      endsAt: '2030-01-10T12:00',
      timeZone: 'Europe/London',
      place: 'Room 2',
    });
    expect(planned.statusCode).toBe(201);
    expect((await coord.get(`/api/communities/${slug}/stage-signals`)).json().metrics.events).toBe(0);
    // Held ten days ago.
    await t.pool.query(`update events set starts_at = now() - interval '10 days', ends_at = now() - interval '10 days' + interval '2 hours' where id = $1`, [planned.json().id]);
    expect((await coord.get(`/api/communities/${slug}/stage-signals`)).json().metrics.events).toBe(1);
  });

  it('is for members, sponsors, the support team and admins', async () => {
    const slug = await makeCommunity(coord, { visibility: 'by_request' });
    expect((await outsider.get(`/api/communities/${slug}/stage-signals`)).statusCode).toBe(403);
    expect((await new Client(t.app).get(`/api/communities/${slug}/stage-signals`)).statusCode).toBe(401);
    expect((await (await signedInClient(t, { siteRole: 'support' })).get(`/api/communities/${slug}/stage-signals`)).statusCode).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { connect } from '../../db/client.ts';
import { loadEnv } from '../../env.ts';
import { createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';
import { runDigests } from './email.digest.ts';

const APP_URL = 'https://constellation.example.org';

async function idOf(t: TestApp, username: string | null) {
  return Number((await t.pool.query('select id from users where username = $1', [username])).rows[0].id);
}

async function digestsFor(t: TestApp) {
  const rows = (await t.pool.query(`select u.username, o.subject, o.text, o.html, o.headers from email_outbox o join users u on u.id = o.user_id where o.kind = 'digest'`)).rows;
  return new Map(rows.map((r) => [r.username as string, r]));
}

describe('digest content', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ APP_URL });
  });
  afterAll(() => t.close());

  it('shows new topics, open questions and routed questions the person may read; never secret or muted ones', async () => {
    const coord = await signedInClient(t);
    const member = await signedInClient(t);
    const outsider = await signedInClient(t);
    const muter = await signedInClient(t);
    const quiet = await signedInClient(t);
    const open = await makeCommunity(coord, { name: 'Open Waters' });
    const secret = await makeCommunity(coord, { name: 'Hidden Pipes', visibility: 'secret' });
    const loud = await makeCommunity(coord, { name: 'Loud Valves' });
    await coord.post(`/api/communities/${secret}/invitations`, { who: member.username });
    for (const c of [member, outsider, muter]) await c.post(`/api/communities/${open}/join`);
    await member.post(`/api/communities/${secret}/join`);
    await muter.post(`/api/communities/${loud}/join`);
    const muterId = await idOf(t, muter.username);
    const loudId = Number((await t.pool.query('select id from communities where slug = $1', [loud])).rows[0].id);
    await t.pool.query(`insert into community_watches (user_id, community_id, level) values ($1, $2, 'muted')`, [muterId, loudId]);
    await t.pool.query(`insert into expertise (user_id, tag, level) values ($1, 'corrosion', 'expert')`, [await idOf(t, outsider.username)]);

    const openTopic = await makeTopic(coord, [open], { title: 'Open question about corrosion', tags: ['corrosion'] });
    await makeTopic(coord, [open], { title: 'Chatty open topic', isQuestion: false, activityType: 'discussing_developments' });
    await makeTopic(coord, [secret], { title: 'Secret plans for the pipes' });
    await makeTopic(coord, [loud], { title: 'Muted community noise' });
    // A routed question arrives by digest, with the reasons.
    await t.pool.query('delete from notifications');
    await t.pool.query(
      `insert into notifications (user_id, kind, delivery, topic_id, data) values ($1, 'question_routed', 'digest', $2, $3)`,
      [await idOf(t, outsider.username), openTopic, JSON.stringify({ reasons: ['you declared expertise in corrosion'] })],
    );
    // Everyone's clock starts a day ago, so today's topics are new.
    await t.pool.query(`update users set last_digest_at = now() - interval '25 hours'`);

    const result = await runDigests(t.app);
    expect(result.people).toBeGreaterThanOrEqual(5);
    const d = await digestsFor(t);

    const m = d.get(member.username ?? '');
    expect(m.text).toContain('Secret plans for the pipes');
    expect(m.text).toContain('Open question about corrosion');
    expect(m.subject).toMatch(/^Your daily digest/);
    expect(m.headers['List-Unsubscribe']).toMatch(/kind=digest>$/);
    expect(m.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    const o = d.get(outsider.username ?? '');
    expect(o.text).not.toContain('Secret plans');
    expect(o.html).not.toContain('Secret plans');
    expect(o.text).toContain('For you');
    expect(o.text).toContain('you declared expertise in corrosion');
    expect(o.text).toContain(`${APP_URL}/topics/${openTopic}`);

    const mu = d.get(muter.username ?? '');
    expect(mu.text).toContain('Chatty open topic');
    expect(mu.text).not.toContain('Muted community noise');

    // Nothing in their communities: no email at all.
    expect(d.has(quiet.username ?? '')).toBe(false);
    // The topics' author is not told about their own topics.
    expect(d.get(coord.username ?? '')?.text ?? '').not.toContain('Open question about corrosion');

    expect((await t.pool.query(`select count(*)::int as n from notifications where digested_at is null`)).rows[0].n).toBe(0);

    // Not due again for a day: a second run sends nothing.
    const before = (await t.pool.query(`select count(*)::int as n from email_outbox where kind = 'digest'`)).rows[0].n;
    expect((await runDigests(t.app)).people).toBe(0);
    expect((await t.pool.query(`select count(*)::int as n from email_outbox where kind = 'digest'`)).rows[0].n).toBe(before);
  });

  it('weekly people wait a week; people who turned it off get none', async () => {
    const coord = await signedInClient(t);
    const weekly = await signedInClient(t);
    const off = await signedInClient(t);
    const slug = await makeCommunity(coord);
    await weekly.post(`/api/communities/${slug}/join`);
    await off.post(`/api/communities/${slug}/join`);
    await makeTopic(coord, [slug], { title: 'Weekly news' });
    await t.pool.query(`update users set digest_frequency = 'weekly', last_digest_at = now() - interval '3 days' where username = $1`, [weekly.username]);
    await t.pool.query(`update users set digest_frequency = 'off' where username = $1`, [off.username]);
    await runDigests(t.app);
    let d = await digestsFor(t);
    expect(d.has(weekly.username ?? '')).toBe(false);
    expect(d.has(off.username ?? '')).toBe(false);
    await t.pool.query(`update users set last_digest_at = now() - interval '7 days' where username = $1`, [weekly.username]);
    await runDigests(t.app);
    d = await digestsFor(t);
    expect(d.get(weekly.username ?? '').subject).toMatch(/^Your weekly digest/);
    expect(d.has(off.username ?? '')).toBe(false);
  });
});

describe('two instances', () => {
  it('running digest.run concurrently on two app instances sends each person exactly one digest', async () => {
    const first = await createTestApp({ APP_URL, JOBS: 'true' });
    const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', JOBS: 'true', APP_URL });
    const database = connect(first.url, 5);
    const second = await buildApp({ env, db: database.db, pool: database.pool });
    await second.ready();
    try {
      expect(first.app.jobs.running && second.jobs.running).toBe(true);
      const coord = await signedInClient(first);
      const slug = await makeCommunity(coord);
      const people = [];
      for (let i = 0; i < 12; i++) {
        const p = await signedInClient(first);
        await p.post(`/api/communities/${slug}/join`);
        people.push(p);
      }
      await makeTopic(coord, [slug], { title: 'Something for everyone' });
      await first.pool.query(`update users set last_digest_at = now() - interval '2 days'`);

      // Both instances at once, each in-process and through the queue; batches of 2 force interleaving.
      await Promise.all([
        runDigests(first.app, { batchSize: 2 }),
        runDigests(second, { batchSize: 2 }),
        first.app.jobs.runNow('digest.run'),
        second.jobs.runNow('digest.run'),
        first.app.jobs.nudge('digest.run'),
        second.jobs.nudge('digest.run'),
      ]);
      // The nudged job really ran through pg-boss (one of the instances picked it up and completed it).
      const until = Date.now() + 15_000;
      let completed = 0;
      while (Date.now() < until && completed === 0) {
        await new Promise((r) => setTimeout(r, 250));
        completed = (await first.pool.query(`select count(*)::int as n from pgboss.job where name = 'digest.run' and state = 'completed'`)).rows[0].n;
      }
      expect(completed).toBeGreaterThanOrEqual(1);
      const rows = (await first.pool.query(`select user_id, count(*)::int as n from email_outbox where kind = 'digest' group by user_id`)).rows;
      expect(rows).toHaveLength(people.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await second.close();
      await database.pool.end();
      await first.close();
    }
  }, 60_000);
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';
import { routeQuestions } from './routing.job.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ ROUTING_AFTER_HOURS: '24', ROUTING_WEEKLY_CAP: '3' });
});
afterAll(() => t.close());

async function declare(c: Client, tag: string, level = 'expert') {
  await t.db.execute(sql`insert into expertise (user_id, tag, level) select id, ${tag}, ${level} from users where username = ${c.username}`);
}
const age = (topicId: number, hours: number) =>
  t.db.execute(sql`update topics set created_at = now() - make_interval(hours => ${hours}) where id = ${topicId}`);
async function routedTo(c: Client) {
  const items = (await c.get('/api/notifications')).json().items as { kind: string; topic: { id: number }; reasons: string[] }[];
  return items.filter((i) => i.kind === 'question_routed');
}

describe('question routing', () => {
  it('offers a question nobody answered to a likely expert, once, with the reasons', async () => {
    const asker = await signedInClient(t);
    const expert = await signedInClient(t);
    const bystander = await signedInClient(t);
    const slug = await makeCommunity(asker);
    await expert.post(`/api/communities/${slug}/join`);
    await bystander.post(`/api/communities/${slug}/join`);
    const tag = `cathodic-${Date.now() % 100000}`;
    await declare(expert, tag);
    const fresh = await makeTopic(asker, [slug], { title: 'Anode life in clay soils?', tags: [tag] });
    const old = await makeTopic(asker, [slug], { title: 'Which rectifier settings for long mains?', tags: [tag] });
    await age(old, 30);

    await t.app.jobs.runNow('questions.route');
    const routes = await routedTo(expert);
    expect(routes.map((r) => r.topic.id)).toEqual([old]);
    expect(routes[0].reasons.join(' ')).toContain('Declared expertise');
    expect(await routedTo(bystander)).toEqual([]);
    expect(await routedTo(asker)).toEqual([]);

    // A second run does not offer it again; the fresh one is not due yet.
    await t.app.jobs.runNow('questions.route');
    expect((await routedTo(expert)).length).toBe(1);
    expect((await routedTo(expert)).some((r) => r.topic.id === fresh)).toBe(false);
  });

  it('skips questions that already have an answer from someone else', async () => {
    const asker = await signedInClient(t);
    const expert = await signedInClient(t);
    const slug = await makeCommunity(asker);
    await expert.post(`/api/communities/${slug}/join`);
    const tag = `sludge-${Date.now() % 100000}`;
    await declare(expert, tag);
    const q = await makeTopic(asker, [slug], { title: 'Digester foaming again', tags: [tag] });
    await expert.post(`/api/topics/${q}/replies`, { body: 'Check the feed rate first.' });
    await age(q, 30);
    await t.app.jobs.runNow('questions.route');
    expect(await routedTo(expert)).toEqual([]);
  });

  it('never routes more than the weekly cap to one person, nor to people who cannot read the question', async () => {
    const asker = await signedInClient(t);
    const expert = await signedInClient(t);
    const outsider = await signedInClient(t);
    const tag = `scada-${Date.now() % 100000}`;
    await declare(expert, tag);
    await declare(outsider, tag);
    const secret = await makeCommunity(asker, { visibility: 'secret' });
    await asker.post(`/api/communities/${secret}/invitations`, { who: expert.username });
    await expert.post(`/api/communities/${secret}/join`);
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await makeTopic(asker, [secret], { title: `Alarm flood number ${i} on the SCADA`, tags: [tag] });
      await age(id, 48 - i);
      ids.push(id);
    }
    const r = await routeQuestions(t.db, { afterHours: 24, weeklyCap: 2 });
    expect(r.questions).toBeGreaterThanOrEqual(3);
    expect((await routedTo(expert)).length).toBe(2);
    expect(await routedTo(outsider)).toEqual([]);
    const rows = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from question_routes r join users u on u.id = r.user_id where u.username = ${outsider.username}`);
    expect(rows.rows[0].n).toBe(0);
  });
});

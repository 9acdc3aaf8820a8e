import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';
import { openEventStream } from '../../test/sse.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function inbox(c: Client, query = '') {
  const res = await c.get(`/api/notifications${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { id: number; kind: string; summary: string; href: string; read: boolean; reasons: string[] }[]; nextCursor: string | null; unread: number };
}

/** A coordinator's open community with a member in it. */
async function circle() {
  const coordinator = await signedInClient(t);
  const member = await signedInClient(t);
  const slug = await makeCommunity(coordinator);
  await member.post(`/api/communities/${slug}/join`);
  return { coordinator, member, slug };
}

describe('inbox', () => {
  it('tells the asker about a reply, counts it unread, and marks it read', async () => {
    const { coordinator, member, slug } = await circle();
    const topicId = await makeTopic(member, [slug], { title: 'Which valve grease lasts longest?' });
    const r = await coordinator.post(`/api/topics/${topicId}/replies`, { body: 'Lithium complex, every time.' });
    const box = await inbox(member);
    expect(box.unread).toBe(1);
    expect(box.items).toHaveLength(1);
    expect(box.items[0]).toMatchObject({ kind: 'reply', read: false, href: `/topics/${topicId}#post-${r.json().id}` });
    expect(box.items[0].summary).toContain('replied in “Which valve grease lasts longest?”');
    const read = await member.post(`/api/notifications/${box.items[0].id}/read`);
    expect(read.json()).toEqual({ unread: 0 });
    expect((await inbox(member)).items[0].read).toBe(true);
    // Nobody is told about their own reply.
    expect((await inbox(coordinator)).items.filter((i) => i.kind === 'reply')).toHaveLength(0);
  });

  it('sends a mention instead of a reply notice, and tells the answerer their answer was accepted', async () => {
    const { coordinator, member, slug } = await circle();
    const topicId = await makeTopic(member, [slug]);
    const r = await coordinator.post(`/api/topics/${topicId}/replies`, { body: `@${member.username} try a shared calendar.` });
    const kinds = (await inbox(member)).items.map((i) => i.kind);
    expect(kinds).toEqual(['mention']);
    expect((await member.put(`/api/topics/${topicId}/accepted`, { postId: r.json().id })).statusCode).toBe(204);
    const box = await inbox(coordinator);
    expect(box.items.map((i) => i.kind)).toContain('answer_accepted');
    // Accepting the same answer again does not tell them twice.
    await member.put(`/api/topics/${topicId}/accepted`, { postId: r.json().id });
    expect((await inbox(coordinator)).items.filter((i) => i.kind === 'answer_accepted')).toHaveLength(1);
  });

  it('tells a person about an invitation and a role, and coordinators about a join request', async () => {
    const coordinator = await signedInClient(t);
    const guest = await signedInClient(t);
    const slug = await makeCommunity(coordinator, { visibility: 'by_request' });
    const requester = await signedInClient(t);
    expect((await requester.post(`/api/communities/${slug}/join`)).json()).toMatchObject({ membership: 'requested' });
    const coordBox = await inbox(coordinator);
    expect(coordBox.items[0]).toMatchObject({ kind: 'join_request', href: `/c/${slug}/members` });
    await coordinator.post(`/api/communities/${slug}/invitations`, { who: guest.username });
    expect((await inbox(guest)).items[0]).toMatchObject({ kind: 'invitation', href: `/c/${slug}` });
    await guest.post(`/api/communities/${slug}/join`);
    await coordinator.put(`/api/communities/${slug}/members/${guest.username}/roles/cybrarian`);
    const box = await inbox(guest);
    expect(box.items[0].kind).toBe('role_given');
    expect(box.items[0].summary).toContain('Cybrarian');
  });

  it('pages newest first with a cursor, filters unread, and marks all read', async () => {
    const { coordinator, member, slug } = await circle();
    const topicId = await makeTopic(member, [slug]);
    for (let i = 0; i < 5; i++) await coordinator.post(`/api/topics/${topicId}/replies`, { body: `Reply number ${i}` });
    const first = await inbox(member, '?limit=3');
    expect(first.items).toHaveLength(3);
    const second = await inbox(member, `?limit=3&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(first.items[0].id).toBeGreaterThan(second.items[0].id);
    await member.post(`/api/notifications/${first.items[0].id}/read`);
    expect((await inbox(member, '?unread=true')).items).toHaveLength(4);
    expect((await member.post('/api/notifications/read-all')).json()).toMatchObject({ marked: 4, unread: 0 });
    expect((await member.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('never shows one person another person’s notification', async () => {
    const { coordinator, member, slug } = await circle();
    const topicId = await makeTopic(member, [slug]);
    await coordinator.post(`/api/topics/${topicId}/replies`, { body: 'Hello there' });
    const id = (await inbox(member)).items[0].id;
    const stranger = await signedInClient(t);
    expect((await stranger.post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await inbox(member)).items[0].read).toBe(false);
  });
});

describe('preferences and watching', () => {
  it('follows each person’s delivery choice, and "off" writes nothing', async () => {
    const { coordinator, member, slug } = await circle();
    const defaults = (await member.get('/api/me/notification-settings')).json();
    expect(defaults).toMatchObject({ digestFrequency: 'daily', kinds: { reply: 'email', question_routed: 'digest', role_given: 'in_app' } });
    const saved = await member.put('/api/me/notification-settings', { digestFrequency: 'weekly', kinds: { reply: 'digest', mention: 'off' } });
    expect(saved.json()).toMatchObject({ digestFrequency: 'weekly', kinds: { reply: 'digest', mention: 'off', answer_accepted: 'email' } });
    const topicId = await makeTopic(member, [slug]);
    await coordinator.post(`/api/topics/${topicId}/replies`, { body: 'A plain reply' });
    await coordinator.post(`/api/topics/${topicId}/replies`, { body: `@${member.username} a mention` });
    const rows = await t.db.execute<{ kind: string; delivery: string }>(
      sql`select kind, delivery from notifications n join users u on u.id = n.user_id where u.username = ${member.username}`,
    );
    expect(rows.rows).toEqual([{ kind: 'reply', delivery: 'digest' }]);
  });

  it('tells topic watchers about replies and community watchers about new topics; muting silences', async () => {
    const { coordinator, member, slug } = await circle();
    const watcher = await signedInClient(t);
    await watcher.post(`/api/communities/${slug}/join`);
    expect((await watcher.put(`/api/communities/${slug}/watch`, { level: 'watching' })).json()).toEqual({ level: 'watching' });
    expect((await watcher.get(`/api/communities/${slug}/watch`)).json()).toEqual({ level: 'watching' });
    const topicId = await makeTopic(member, [slug], { title: 'Telemetry outstation batteries' });
    expect((await inbox(watcher)).items[0]).toMatchObject({ kind: 'new_topic' });
    await watcher.put(`/api/topics/${topicId}/watch`, { level: 'watching' });
    await coordinator.post(`/api/topics/${topicId}/replies`, { body: 'We swap them every two years.' });
    expect((await inbox(watcher)).items[0].kind).toBe('reply');
    // The asker mutes their own topic: no more replies reach them.
    await member.put(`/api/topics/${topicId}/watch`, { level: 'muted' });
    const before = (await inbox(member)).items.length;
    await coordinator.post(`/api/topics/${topicId}/replies`, { body: 'And we log the voltage.' });
    expect((await inbox(member)).items.length).toBe(before);
    // Back to normal: the row is gone and the default applies again.
    await member.put(`/api/topics/${topicId}/watch`, { level: 'normal' });
    expect((await member.get(`/api/topics/${topicId}/watch`)).json()).toEqual({ level: 'normal' });
  });

  it('never tells someone about a topic in a secret community they left, and hides what they can no longer read', async () => {
    const coordinator = await signedInClient(t);
    const member = await signedInClient(t);
    const slug = await makeCommunity(coordinator, { visibility: 'secret' });
    await coordinator.post(`/api/communities/${slug}/invitations`, { who: member.username });
    await member.post(`/api/communities/${slug}/join`);
    await member.put(`/api/communities/${slug}/watch`, { level: 'watching' });
    const first = await makeTopic(coordinator, [slug], { title: 'First secret plan' });
    expect((await inbox(member)).items.map((i) => i.kind)).toEqual(['new_topic', 'invitation']);
    expect((await member.post(`/api/communities/${slug}/leave`)).statusCode).toBe(204);
    await makeTopic(coordinator, [slug], { title: 'Second secret plan' });
    await coordinator.post(`/api/topics/${first}/replies`, { body: `@${member.username} are you still there?` });
    const box = await inbox(member);
    expect(JSON.stringify(box)).not.toContain('secret plan');
    expect(box.unread).toBe(1);
  });

  it('refuses bad input and changes nothing', async () => {
    const { member, slug } = await circle();
    const bad = [
      await member.put('/api/me/notification-settings', { kinds: { reply: 'pigeon' } }),
      await member.put('/api/me/notification-settings', { kinds: { gossip: 'email' } }),
      await member.put('/api/me/notification-settings', { digestFrequency: 'hourly' }),
      await member.put('/api/me/notification-settings', {}),
      await member.put(`/api/communities/${slug}/watch`, { level: 'obsessed' }),
      await member.put(`/api/communities/${slug}/watch`, {}),
      await member.get('/api/notifications?cursor=not-a-cursor'),
      await member.get('/api/notifications?limit=5000'),
    ];
    for (const res of bad) {
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    expect((await member.get('/api/me/notification-settings')).json()).toMatchObject({ digestFrequency: 'daily', kinds: { reply: 'email' } });
    expect((await member.get(`/api/communities/${slug}/watch`)).json()).toEqual({ level: 'normal' });
  });
});

describe('live updates', () => {
  let base: string;
  beforeAll(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    await t.app.live.ready;
  });

  const cookie = (c: Client) => ({ cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') });

  it('streams a new reply to an open topic page and the unread count to the asker', async () => {
    const { coordinator, member, slug } = await circle();
    const topicId = await makeTopic(member, [slug]);
    const asker = await openEventStream(`${base}/api/live?topics=${topicId}`, cookie(member));
    const reader = await openEventStream(`${base}/api/live?topics=${topicId}`);
    try {
      expect(asker.status).toBe(200);
      expect((await asker.waitFor((e) => e.event === 'ready')).data).toEqual({ unread: 0 });
      await coordinator.post(`/api/topics/${topicId}/replies`, { body: 'Live reply' });
      expect((await reader.waitFor((e) => e.event === 'topic')).data).toEqual({ topicId, event: 'reply' });
      expect((await asker.waitFor((e) => e.event === 'notification')).data).toEqual({ unread: 1 });
    } finally {
      asker.close();
      reader.close();
    }
  });

  it('refuses to stream a secret topic to an outsider', async () => {
    const coordinator = await signedInClient(t);
    const slug = await makeCommunity(coordinator, { visibility: 'secret' });
    const topicId = await makeTopic(coordinator, [slug]);
    const outsider = await signedInClient(t);
    const s1 = await openEventStream(`${base}/api/live?topics=${topicId}`, cookie(outsider));
    const s2 = await openEventStream(`${base}/api/live?topics=${topicId}`);
    const s3 = await openEventStream(`${base}/api/live?topics=1,x`);
    expect([s1.status, s2.status, s3.status]).toEqual([404, 404, 400]);
  });
});

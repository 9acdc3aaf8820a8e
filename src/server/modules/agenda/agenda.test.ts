import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function setup(vis = 'open') {
  const coord = await signedInClient(t);
  const member = await signedInClient(t);
  const other = await signedInClient(t);
  const slug = await makeCommunity(coord, { visibility: vis });
  for (const p of [member, other]) {
    if (vis === 'secret') await coord.post(`/api/communities/${slug}/invitations`, { who: p.username });
    await p.post(`/api/communities/${slug}/join`);
  }
  return { coord, member, other, slug };
}

describe('learning agenda', () => {
  it('members propose items; the list is newest first, filtered by status, cursor-paginated', async () => {
    const { coord, member, slug } = await setup();
    const created = await member.post(`/api/communities/${slug}/agenda`, { question: 'How do we predict pump failures?', notes: 'Start with vibration data.', owner: member.username });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'open', owner: { username: member.username }, createdBy: { username: member.username }, topicCount: 0, canEdit: true });
    for (let i = 0; i < 3; i++) await coord.post(`/api/communities/${slug}/agenda`, { question: `Question number ${i}?`, status: i === 0 ? 'parked' : 'exploring' });
    const page1 = (await member.get(`/api/communities/${slug}/agenda?limit=2`)).json();
    expect(page1.items.map((i: { question: string }) => i.question)).toEqual(['Question number 2?', 'Question number 1?']);
    expect(page1.items[0].canEdit).toBe(false);
    const page2 = (await member.get(`/api/communities/${slug}/agenda?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((i: { question: string }) => i.question)).toEqual(['Question number 0?', 'How do we predict pump failures?']);
    expect(page2.nextCursor).toBeNull();
    const parked = (await member.get(`/api/communities/${slug}/agenda?status=parked`)).json();
    expect(parked.items).toHaveLength(1);
  });

  it('coordinators, the owner and the proposer edit; other members cannot', async () => {
    const { coord, member, other, slug } = await setup();
    const item = (await other.post(`/api/communities/${slug}/agenda`, { question: 'What should newcomers read first?' })).json();
    const url = `/api/communities/${slug}/agenda/${item.id}`;
    expect((await member.patch(url, { status: 'exploring' })).statusCode).toBe(403);
    const owned = await coord.patch(url, { owner: member.username });
    expect(owned.statusCode).toBe(200);
    expect(owned.json().owner.username).toBe(member.username);
    expect((await member.patch(url, { status: 'answered', notes: 'Written up in the wiki.' })).json()).toMatchObject({ status: 'answered', notes: 'Written up in the wiki.' });
    expect((await other.patch(url, { owner: null })).json().owner).toBeNull();
    expect((await member.patch(url, { status: 'open' })).statusCode).toBe(403);
    expect((await other.delete(url)).statusCode).toBe(204);
    expect((await coord.get(url)).statusCode).toBe(404);
  });

  it('refuses bad input naming the field and changing nothing', async () => {
    const { coord, slug } = await setup();
    const outsider = await signedInClient(t);
    const base = `/api/communities/${slug}/agenda`;
    const short = await coord.post(base, { question: 'Why' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('question');
    const status = await coord.post(base, { question: 'A fine question?', status: 'done' });
    expect(status.statusCode).toBe(400);
    expect(status.json().errors[0].path).toBe('status');
    const owner = await coord.post(base, { question: 'A fine question?', owner: outsider.username });
    expect(owner.statusCode).toBe(422);
    expect(owner.json().errors[0].path).toBe('owner');
    expect((await coord.get(`${base}?status=finished`)).statusCode).toBe(400);
    expect((await coord.get(`${base}?cursor=nonsense`)).statusCode).toBe(400);
    expect((await coord.get(base)).json().items).toHaveLength(0);
    const item = (await coord.post(base, { question: 'A fine question?' })).json();
    expect((await coord.patch(`${base}/${item.id}`, {})).statusCode).toBe(422);
    expect((await coord.get(`${base}/abc`)).statusCode).toBe(400);
  });

  it('links and unlinks topics of the community; the topic page lists the items it serves', async () => {
    const { coord, member, slug } = await setup();
    const item = (await coord.post(`/api/communities/${slug}/agenda`, { question: 'Which sensors are worth it?' })).json();
    const topicId = await makeTopic(member, [slug]);
    const elsewhere = await makeTopic(coord, [await makeCommunity(coord)]);
    const link = `/api/communities/${slug}/agenda/${item.id}/topics`;
    expect((await member.put(`${link}/${topicId}`)).statusCode).toBe(204);
    expect((await member.put(`${link}/${topicId}`)).statusCode).toBe(409);
    const bad = await member.put(`${link}/${elsewhere}`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('topicId');
    const got = (await member.get(`/api/communities/${slug}/agenda/${item.id}`)).json();
    expect(got.topicCount).toBe(1);
    expect(got.topics[0]).toMatchObject({ id: topicId, isQuestion: true, answered: false });
    expect((await member.get(`/api/topics/${topicId}/agenda`)).json().items).toEqual([
      { id: item.id, question: 'Which sensors are worth it?', status: 'open', community: expect.objectContaining({ slug }) },
    ]);
    expect((await member.delete(`${link}/${topicId}`)).statusCode).toBe(403);
    expect((await coord.delete(`${link}/${topicId}`)).statusCode).toBe(204);
    expect((await coord.delete(`${link}/${topicId}`)).statusCode).toBe(404);
  });

  it('a topic can be started from an item: agendaItemId links it on creation, and is validated', async () => {
    const { coord, member, slug } = await setup();
    const item = (await coord.post(`/api/communities/${slug}/agenda`, { question: 'How do we onboard contractors?' })).json();
    const id = await makeTopic(member, [slug], { agendaItemId: item.id, isQuestion: false });
    expect((await member.get(`/api/communities/${slug}/agenda/${item.id}`)).json().topics.map((x: { id: number }) => x.id)).toEqual([id]);
    const otherSlug = await makeCommunity(coord);
    const foreign = (await coord.post(`/api/communities/${otherSlug}/agenda`, { question: 'Not from here at all?' })).json();
    const res = await member.post('/api/topics', { communities: [slug], title: 'Wrong agenda item', body: 'Body', activityType: 'problem_solving', agendaItemId: foreign.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('agendaItemId');
    const nonsense = await member.post('/api/topics', { communities: [slug], title: 'Wrong agenda item', body: 'Body', activityType: 'problem_solving', agendaItemId: 'x' });
    expect(nonsense.statusCode).toBe(400);
    expect(nonsense.json().errors[0].path).toBe('agendaItemId');
  });

  it('switched off: every agenda route is 404, topics cannot link to items, the topic page lists none', async () => {
    const { coord, member, slug } = await setup();
    const item = (await coord.post(`/api/communities/${slug}/agenda`, { question: 'Will this vanish?' })).json();
    const topicId = await makeTopic(member, [slug], { agendaItemId: item.id });
    await coord.put(`/api/communities/${slug}/features/learning_agenda`, { on: false });
    const base = `/api/communities/${slug}/agenda`;
    expect((await member.get(base)).statusCode).toBe(404);
    expect((await member.post(base, { question: 'A new question?' })).statusCode).toBe(404);
    expect((await member.get(`${base}/${item.id}`)).statusCode).toBe(404);
    expect((await coord.patch(`${base}/${item.id}`, { status: 'parked' })).statusCode).toBe(404);
    expect((await coord.put(`${base}/${item.id}/topics/${topicId}`)).statusCode).toBe(404);
    expect((await member.get(`/api/topics/${topicId}/agenda`)).json().items).toEqual([]);
    const res = await member.post('/api/topics', { communities: [slug], title: 'Linked topic here', body: 'Body', activityType: 'problem_solving', agendaItemId: item.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('agendaItemId');
  });

  it('outsiders of a secret community see nothing; of an open one they read but cannot propose', async () => {
    const secret = await setup('secret');
    const open = await setup('open');
    const outsider = await signedInClient(t);
    const item = (await secret.coord.post(`/api/communities/${secret.slug}/agenda`, { question: 'Secret question?' })).json();
    expect((await outsider.get(`/api/communities/${secret.slug}/agenda`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/communities/${secret.slug}/agenda/${item.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/communities/${open.slug}/agenda`)).statusCode).toBe(200);
    expect((await outsider.post(`/api/communities/${open.slug}/agenda`, { question: 'Can I add one?' })).statusCode).toBe(403);
    // An item id of another community is not found through this one.
    expect((await open.coord.get(`/api/communities/${open.slug}/agenda/${item.id}`)).statusCode).toBe(404);
  });
});

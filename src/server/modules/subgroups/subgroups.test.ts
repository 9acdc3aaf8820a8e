import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeCommunity, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const inDays = (d: number) => new Date(Date.now() + d * 86400_000).toISOString().slice(0, 10);

async function setup(vis = 'open') {
  const coord = await signedInClient(t);
  const leader = await signedInClient(t);
  const member = await signedInClient(t);
  const slug = await makeCommunity(coord, { visibility: vis });
  for (const p of [leader, member]) {
    if (vis === 'secret') await coord.post(`/api/communities/${slug}/invitations`, { who: p.username });
    await p.post(`/api/communities/${slug}/join`);
  }
  return { coord, leader, member, slug };
}

const topic = (slug: string, over: Record<string, unknown> = {}) => ({ communities: [slug], title: 'Shift handover notes', body: 'How do you do it?', activityType: 'seeking_experience', ...over });

describe('subgroups', () => {
  it('coordinators start a practice group; its leader becomes a member and a subgroup leader', async () => {
    const { coord, leader, slug } = await setup();
    const res = await coord.post(`/api/communities/${slug}/subgroups`, { kind: 'practice_group', name: 'Vibration analysis', description: 'Reading the signals.', leader: leader.username });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'practice_group', name: 'Vibration analysis', leader: { username: leader.username }, memberCount: 1, endDate: null, closed: false });
    const members = (await coord.get(`/api/communities/${slug}/members`)).json();
    expect(members.items.find((m: { username: string }) => m.username === leader.username).roles).toContain('subgroup_leader');
    const detail = (await leader.get(`/api/communities/${slug}/subgroups/${res.json().id}`)).json();
    expect(detail).toMatchObject({ isMember: true, viewer: { canEdit: true, canJoin: false, canLeave: false, canPost: true } });
  });

  it('projects need a goal and an end date that is not in the past; practice groups have no end date', async () => {
    const { coord, leader, slug } = await setup();
    const base = `/api/communities/${slug}/subgroups`;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: 'project', name: 'Pump audit', goal: 'Audit all pumps.' }, 422, 'endDate'],
      [{ kind: 'project', name: 'Pump audit', endDate: inDays(30) }, 422, 'goal'],
      [{ kind: 'project', name: 'Pump audit', goal: 'Audit all pumps.', endDate: inDays(-5) }, 422, 'endDate'],
      [{ kind: 'project', name: 'Pump audit', goal: 'Audit all pumps.', endDate: '2026-02-30' }, 400, 'endDate'],
      [{ kind: 'project', name: 'Pump audit', goal: 'Audit all pumps.', endDate: '30/06/2026' }, 400, 'endDate'],
      [{ kind: 'practice_group', name: 'Readers', endDate: inDays(30) }, 422, 'endDate'],
      [{ kind: 'guild', name: 'Readers' }, 400, 'kind'],
      [{ kind: 'practice_group', name: 'R' }, 400, 'name'],
      [{ kind: 'practice_group', name: 'Readers', leader: 'no_such_person' }, 422, 'leader'],
    ];
    for (const [body, status, path] of cases) {
      const res = await coord.post(base, { leader: leader.username, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().errors[0].path).toBe(path);
    }
    expect((await coord.get(base)).json().items).toHaveLength(0);
    const ok = await coord.post(base, { kind: 'project', name: 'Pump audit', goal: 'Audit all pumps.', endDate: inDays(60), leader: leader.username });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ goal: 'Audit all pumps.', endDate: inDays(60) });
  });

  it('lists by kind then name with a cursor, filtered by kind', async () => {
    const { coord, leader, slug } = await setup();
    const base = `/api/communities/${slug}/subgroups`;
    for (const name of ['Charlie group', 'Alpha group']) await coord.post(base, { kind: 'practice_group', name, leader: leader.username });
    await coord.post(base, { kind: 'project', name: 'Beta project', goal: 'Ship it.', endDate: inDays(10), leader: leader.username });
    const p1 = (await coord.get(`${base}?limit=2`)).json();
    expect(p1.items.map((i: { name: string }) => i.name)).toEqual(['Alpha group', 'Charlie group']);
    const p2 = (await coord.get(`${base}?limit=2&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((i: { name: string }) => i.name)).toEqual(['Beta project']);
    expect((await coord.get(`${base}?kind=project`)).json().items).toHaveLength(1);
  });

  it('community members join and leave; the leader cannot leave; outsiders cannot join', async () => {
    const { coord, leader, member, slug } = await setup();
    const sg = (await coord.post(`/api/communities/${slug}/subgroups`, { kind: 'practice_group', name: 'Readers', leader: leader.username })).json();
    const url = `/api/communities/${slug}/subgroups/${sg.id}`;
    expect((await member.post(`${url}/join`)).statusCode).toBe(204);
    expect((await member.post(`${url}/join`)).statusCode).toBe(409);
    const members = (await member.get(`${url}/members`)).json();
    expect(members.items.map((m: { username: string; isLeader: boolean }) => [m.username, m.isLeader])).toEqual([
      [leader.username, true],
      [member.username, false],
    ]);
    expect((await leader.post(`${url}/leave`)).statusCode).toBe(409);
    expect((await member.post(`${url}/leave`)).statusCode).toBe(204);
    const outsider = await signedInClient(t);
    expect((await outsider.post(`${url}/join`)).statusCode).toBe(403);
  });

  it('the leader and coordinators edit; a new leader is seated; a closed group cannot be joined', async () => {
    const { coord, leader, member, slug } = await setup();
    const sg = (await coord.post(`/api/communities/${slug}/subgroups`, { kind: 'project', name: 'Audit', goal: 'Audit pumps.', endDate: inDays(20), leader: leader.username })).json();
    const url = `/api/communities/${slug}/subgroups/${sg.id}`;
    expect((await member.patch(url, { name: 'Hijacked' })).statusCode).toBe(403);
    expect((await leader.patch(url, { goal: 'Audit every pump in the north.' })).json().goal).toBe('Audit every pump in the north.');
    const past = await leader.patch(url, { endDate: inDays(-3) });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0].path).toBe('endDate');
    const cleared = await leader.patch(url, { endDate: null });
    expect(cleared.statusCode).toBe(422);
    expect((await coord.patch(url, { leader: member.username })).json()).toMatchObject({ leader: { username: member.username }, memberCount: 2 });
    expect((await coord.patch(url, { closed: true })).json().closed).toBe(true);
    const late = await signedInClient(t);
    await late.post(`/api/communities/${slug}/join`);
    expect((await late.post(`${url}/join`)).statusCode).toBe(409);
  });

  it('topics go into a subgroup only for its members; the subgroup and the feed list them', async () => {
    const { coord, leader, member, slug } = await setup();
    const sg = (await coord.post(`/api/communities/${slug}/subgroups`, { kind: 'practice_group', name: 'Readers', leader: leader.username })).json();
    const notIn = await member.post('/api/topics', topic(slug, { subgroupId: sg.id }));
    expect(notIn.statusCode).toBe(422);
    expect(notIn.json().errors[0].path).toBe('subgroupId');
    const posted = await leader.post('/api/topics', topic(slug, { subgroupId: sg.id }));
    expect(posted.statusCode).toBe(201);
    await leader.post('/api/topics', topic(slug, { title: 'Not in the group' }));
    const topics = (await member.get(`/api/communities/${slug}/subgroups/${sg.id}/topics`)).json();
    expect(topics.items.map((x: { id: number }) => x.id)).toEqual([posted.json().id]);
    const feed = (await member.get(`/api/communities/${slug}/topics?subgroup=${sg.id}`)).json();
    expect(feed.items.map((x: { id: number }) => x.id)).toEqual([posted.json().id]);
    expect((await member.get(`/api/communities/${slug}/subgroups/${sg.id}`)).json().topicCount).toBe(1);
    const elsewhere = await makeCommunity(leader);
    const wrong = await leader.post('/api/topics', topic(elsewhere, { subgroupId: sg.id }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('subgroupId');
  });

  it('switched off: that kind’s routes are 404 and it cannot be posted into; the other kind stays', async () => {
    const { coord, leader, slug } = await setup();
    const base = `/api/communities/${slug}/subgroups`;
    const pg = (await coord.post(base, { kind: 'practice_group', name: 'Readers', leader: leader.username })).json();
    const pr = (await coord.post(base, { kind: 'project', name: 'Audit', goal: 'Audit pumps.', endDate: inDays(20), leader: leader.username })).json();
    await coord.put(`/api/communities/${slug}/features/projects`, { on: false });
    expect((await coord.get(`${base}?kind=project`)).statusCode).toBe(404);
    expect((await coord.get(base)).json().items.map((i: { id: number }) => i.id)).toEqual([pg.id]);
    expect((await coord.get(`${base}/${pr.id}`)).statusCode).toBe(404);
    expect((await coord.get(`${base}/${pr.id}/topics`)).statusCode).toBe(404);
    expect((await coord.post(`${base}/${pr.id}/join`)).statusCode).toBe(404);
    expect((await coord.post(base, { kind: 'project', name: 'Another', goal: 'x', endDate: inDays(5), leader: leader.username })).statusCode).toBe(404);
    const res = await leader.post('/api/topics', topic(slug, { subgroupId: pr.id }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('subgroupId');
    expect((await leader.post('/api/topics', topic(slug, { subgroupId: pg.id }))).statusCode).toBe(201);
    await coord.put(`/api/communities/${slug}/features/practice_groups`, { on: false });
    expect((await coord.get(base)).json().items).toEqual([]);
  });

  it('a secret community’s groups are 404 to outsiders', async () => {
    const { coord, leader, slug } = await setup('secret');
    const sg = (await coord.post(`/api/communities/${slug}/subgroups`, { kind: 'practice_group', name: 'Hidden', leader: leader.username })).json();
    const outsider = await signedInClient(t);
    for (const url of ['', `/${sg.id}`, `/${sg.id}/members`, `/${sg.id}/topics`]) {
      expect((await outsider.get(`/api/communities/${slug}/subgroups${url}`)).statusCode, url).toBe(404);
    }
    expect((await outsider.post(`/api/communities/${slug}/subgroups/${sg.id}/join`)).statusCode).toBe(404);
  });
});

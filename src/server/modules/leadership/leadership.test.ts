import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadershipFunctionView, LeadershipView } from '../../../shared/contracts/leadership.ts';
import { roleReflectionParts, roles } from '../../../shared/model/catalogue.ts';
import { type Client, createTestApp, makeCommunity, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A community with a coordinator and one member. */
async function setup(vis = 'open') {
  const coord = await signedInClient(t);
  const member = await signedInClient(t);
  const slug = await makeCommunity(coord, { visibility: vis });
  if (vis === 'secret') await coord.post(`/api/communities/${slug}/invitations`, { who: member.username });
  expect((await member.post(`/api/communities/${slug}/join`)).statusCode).toBe(200);
  return { coord, member, slug };
}

const fn = (body: LeadershipView, key: string) => body.functions.find((f) => f.key === key) as LeadershipFunctionView;

describe('roles', () => {
  it('any role of the catalogue can be given, and one person can hold several at once', async () => {
    const { coord, member, slug } = await setup();
    for (const r of roles) {
      expect((await coord.put(`/api/communities/${slug}/members/${member.username}/roles/${r.key}`)).statusCode, r.key).toBe(204);
    }
    const members = (await coord.get(`/api/communities/${slug}/members`)).json();
    const m = members.items.find((x: { username: string }) => x.username === member.username);
    expect([...m.roles].sort()).toEqual(roles.map((r) => r.key).sort());
  });
});

describe('leadership coverage', () => {
  it('lists the twelve functions in catalogue order; a new community covers only coordination', async () => {
    const { member, slug, coord } = await setup();
    const res = await member.get(`/api/communities/${slug}/leadership`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(12);
    expect(body.functions).toHaveLength(12);
    expect(body.functions[1]).toMatchObject({ key: 'event_facilitation', name: 'Event facilitation', covered: false, people: [] });
    expect(body.coveredCount).toBe(1);
    expect(fn(body, 'coordination').people).toEqual([expect.objectContaining({ username: coord.username, via: [{ kind: 'role', role: 'coordinator' }] })]);
    expect(body.canAssign).toBe(false);
  });

  it('derives coverage from roles and adds explicit assignments; coordinators can remove them again', async () => {
    const { coord, member, slug } = await setup();
    await coord.put(`/api/communities/${slug}/members/${member.username}/roles/cybrarian`);
    await coord.put(`/api/communities/${slug}/members/${member.username}/roles/journalist`);
    expect((await coord.put(`/api/communities/${slug}/leadership/event_facilitation/people/${member.username}`)).statusCode).toBe(204);
    expect((await coord.put(`/api/communities/${slug}/leadership/documentation/people/${member.username}`)).statusCode).toBe(204);
    let body = (await coord.get(`/api/communities/${slug}/leadership`)).json();
    expect(body.canAssign).toBe(true);
    expect(body.coveredCount).toBe(3);
    expect(fn(body, 'event_facilitation').people).toEqual([expect.objectContaining({ username: member.username, via: [{ kind: 'assigned' }] })]);
    const doc = fn(body, 'documentation');
    expect(doc.peopleCount).toBe(1);
    expect(doc.people[0].via).toEqual(expect.arrayContaining([{ kind: 'role', role: 'cybrarian' }, { kind: 'role', role: 'journalist' }, { kind: 'assigned' }]));

    expect((await coord.put(`/api/communities/${slug}/leadership/event_facilitation/people/${member.username}`)).statusCode).toBe(409);
    expect((await coord.delete(`/api/communities/${slug}/leadership/event_facilitation/people/${member.username}`)).statusCode).toBe(204);
    expect((await coord.delete(`/api/communities/${slug}/leadership/event_facilitation/people/${member.username}`)).statusCode).toBe(404);
    body = (await coord.get(`/api/communities/${slug}/leadership`)).json();
    expect(fn(body, 'event_facilitation').covered).toBe(false);
  });

  it('someone who leaves no longer covers anything', async () => {
    const { coord, member, slug } = await setup();
    await coord.put(`/api/communities/${slug}/leadership/networking/people/${member.username}`);
    expect(fn((await coord.get(`/api/communities/${slug}/leadership`)).json(), 'networking').covered).toBe(true);
    expect((await member.post(`/api/communities/${slug}/leave`)).statusCode).toBe(204);
    expect(fn((await coord.get(`/api/communities/${slug}/leadership`)).json(), 'networking').covered).toBe(false);
  });

  it('refuses unknown functions (400) and people who are not members (422), changing nothing', async () => {
    const { coord, slug } = await setup();
    const outsider = await signedInClient(t);
    const bad = await coord.put(`/api/communities/${slug}/leadership/juggling/people/${outsider.username}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const notMember = await coord.put(`/api/communities/${slug}/leadership/networking/people/${outsider.username}`);
    expect(notMember.statusCode).toBe(422);
    expect(notMember.json().errors[0].path).toBe('username');
    const nobody = await coord.put(`/api/communities/${slug}/leadership/networking/people/no_such_person`);
    expect(nobody.statusCode).toBe(422);
    expect(fn((await coord.get(`/api/communities/${slug}/leadership`)).json(), 'networking').covered).toBe(false);
  });

  it('caps the people shown per function and says how many there are', async () => {
    const { coord, slug } = await setup();
    for (let i = 0; i < 14; i++) {
      const p = await signedInClient(t);
      await p.post(`/api/communities/${slug}/join`);
      await coord.put(`/api/communities/${slug}/members/${p.username}/roles/subject_matter_expert`);
    }
    const expertise = fn((await coord.get(`/api/communities/${slug}/leadership`)).json(), 'expertise');
    expect(expertise.people).toHaveLength(12);
    expect(expertise.peopleCount).toBe(14);
  });
});

describe('role reflections', () => {
  const text = { purpose: 'Keeps what we know findable.', actions: 'Tags, prunes, writes summaries.', challenges: 'Nobody reads the archive.', gratification: 'People find answers without asking.', qualification: 'Someone tidy who knows the domain.', support: 'Time in their week.' };

  it('lists every role in catalogue order, unwritten at first', async () => {
    const { member, slug } = await setup();
    const res = await member.get(`/api/communities/${slug}/role-reflections`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { role: string }) => i.role)).toEqual(roles.map((r) => r.key));
    expect(res.json().items[0]).toMatchObject({ written: false, purpose: '', canEdit: false, updatedBy: null });
    expect(roleReflectionParts.map((p) => p.key)).toEqual(['purpose', 'actions', 'challenges', 'gratification', 'qualification', 'support']);
  });

  it('coordinators write a reflection; members read it', async () => {
    const { coord, member, slug } = await setup();
    const put = await coord.put(`/api/communities/${slug}/role-reflections/cybrarian`, text);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ ...text, written: true, updatedBy: { username: coord.username } });
    const got = (await member.get(`/api/communities/${slug}/role-reflections/cybrarian`)).json();
    expect(got).toMatchObject({ ...text, canEdit: false });
    expect((await member.put(`/api/communities/${slug}/role-reflections/cybrarian`, text)).statusCode).toBe(403);
  });

  it('the people who hold a role may write its reflection, and only that role’s', async () => {
    const { coord, member, slug } = await setup();
    await coord.put(`/api/communities/${slug}/members/${member.username}/roles/cybrarian`);
    const list = (await member.get(`/api/communities/${slug}/role-reflections`)).json();
    expect(list.items.filter((i: { canEdit: boolean }) => i.canEdit).map((i: { role: string }) => i.role)).toEqual(['cybrarian']);
    expect((await member.put(`/api/communities/${slug}/role-reflections/cybrarian`, { purpose: 'Mine now.' })).statusCode).toBe(200);
    expect((await member.put(`/api/communities/${slug}/role-reflections/journalist`, { purpose: 'Not mine.' })).statusCode).toBe(403);
    const got = (await coord.get(`/api/communities/${slug}/role-reflections/cybrarian`)).json();
    expect(got).toMatchObject({ purpose: 'Mine now.', actions: '', updatedBy: { username: member.username } });
  });

  it('refuses unknown roles and over-long parts, naming the field and changing nothing', async () => {
    const { coord, slug } = await setup();
    expect((await coord.put(`/api/communities/${slug}/role-reflections/wizard`, text)).statusCode).toBe(400);
    const long = await coord.put(`/api/communities/${slug}/role-reflections/broker`, { ...text, challenges: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('challenges');
    expect((await coord.get(`/api/communities/${slug}/role-reflections/broker`)).json().written).toBe(false);
  });

  it('a secret community’s leadership and reflections are 404 to outsiders', async () => {
    const { slug } = await setup('secret');
    const outsider: Client = await signedInClient(t);
    expect((await outsider.get(`/api/communities/${slug}/leadership`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/communities/${slug}/role-reflections`)).statusCode).toBe(404);
    expect((await outsider.put(`/api/communities/${slug}/role-reflections/broker`, text)).statusCode).toBe(404);
  });
});

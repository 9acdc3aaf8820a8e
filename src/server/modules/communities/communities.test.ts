import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeCommunity, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const charter = (over: Record<string, unknown> = {}) => ({
  name: 'Pump Reliability',
  slug: 'pump-reliability',
  domainStatement: 'Keeping pumping stations running: maintenance, monitoring and failure analysis.',
  domainType: 'technical',
  structureKind: 'community_of_practice',
  purpose: 'Cut unplanned downtime by sharing what works.',
  visibility: 'open',
  ...over,
});

describe('communities', () => {
  it('creates a community with its charter; the creator is its coordinator', async () => {
    const ana = await signedInClient(t);
    const res = await ana.post('/api/communities', charter());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ slug: 'pump-reliability', stage: 'potential', memberCount: 1, viewer: { membership: 'active', roles: ['coordinator'], canModerate: true } });
    const members = (await ana.get('/api/communities/pump-reliability/members')).json();
    expect(members.items).toEqual([expect.objectContaining({ username: ana.username, roles: ['coordinator'] })]);
  });

  it('refuses a taken slug, naming the field', async () => {
    const res = await (await signedInClient(t)).post('/api/communities', charter({ name: 'Another' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('slug');
  });

  it('filters by domain type, structure kind and stage (stage aliases accepted) and paginates', async () => {
    const owner = await signedInClient(t);
    for (let i = 0; i < 4; i++) await makeCommunity(owner, { name: `Filter net ${i}`, domainType: 'issue_driven', structureKind: 'network' });
    const slug = await makeCommunity(owner, { name: 'Filter net steward', domainType: 'issue_driven', structureKind: 'network' });
    await owner.patch(`/api/communities/${slug}`, { stage: 'active' });
    const byStage = (await owner.get('/api/communities?stage=stewardship&structureKind=network')).json();
    expect(byStage.items.map((c: { slug: string }) => c.slug)).toEqual([slug]);
    const first = (await owner.get('/api/communities?domainType=issue_driven&limit=3')).json();
    expect(first.items).toHaveLength(3);
    const second = (await owner.get(`/api/communities?domainType=issue_driven&limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const names = [...first.items, ...second.items].map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort());
    const bad = await owner.get('/api/communities?cursor=garbage');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('cursor');
  });

  it('lets people join and leave an open community, keeping the member count', async () => {
    const owner = await signedInClient(t);
    const slug = await makeCommunity(owner);
    const bo = await signedInClient(t);
    expect((await bo.post(`/api/communities/${slug}/join`)).json()).toEqual({ membership: 'active' });
    expect((await bo.get(`/api/communities/${slug}`)).json().memberCount).toBe(2);
    expect((await bo.post(`/api/communities/${slug}/join`)).json()).toEqual({ membership: 'active' });
    expect((await bo.post(`/api/communities/${slug}/leave`)).statusCode).toBe(204);
    expect((await bo.get(`/api/communities/${slug}`)).json()).toMatchObject({ memberCount: 1, viewer: { membership: null } });
  });

  it('asks to join a by-request community; a coordinator approves or declines', async () => {
    const owner = await signedInClient(t);
    const slug = await makeCommunity(owner, { visibility: 'by_request' });
    const cy = await signedInClient(t);
    const dee = await signedInClient(t);
    expect((await cy.post(`/api/communities/${slug}/join`)).json()).toEqual({ membership: 'requested' });
    expect((await dee.post(`/api/communities/${slug}/join`)).json()).toEqual({ membership: 'requested' });
    expect((await cy.get(`/api/communities/${slug}/topics`)).statusCode).toBe(403);
    const requests = (await owner.get(`/api/communities/${slug}/requests`)).json().items.map((m: { username: string }) => m.username);
    expect(requests).toEqual([cy.username, dee.username]);
    expect((await owner.post(`/api/communities/${slug}/requests/${cy.username}/approve`)).statusCode).toBe(204);
    expect((await owner.post(`/api/communities/${slug}/requests/${dee.username}/decline`)).statusCode).toBe(204);
    expect((await cy.get(`/api/communities/${slug}`)).json().viewer.membership).toBe('active');
    expect((await dee.get(`/api/communities/${slug}`)).json().viewer.membership).toBeNull();
    expect((await owner.get(`/api/communities/${slug}`)).json().memberCount).toBe(2);
  });

  it('invites by username and by email; an emailed invitation waits for sign-up', async () => {
    const owner = await signedInClient(t);
    const slug = await makeCommunity(owner, { visibility: 'invite_only' });
    const eve = await signedInClient(t);
    expect((await eve.post(`/api/communities/${slug}/join`)).statusCode).toBe(403);
    expect((await owner.post(`/api/communities/${slug}/invitations`, { who: eve.username })).statusCode).toBe(201);
    const mine = (await eve.get('/api/me/invitations')).json().items.map((c: { slug: string }) => c.slug);
    expect(mine).toEqual([slug]);
    expect((await eve.post(`/api/communities/${slug}/join`)).json()).toEqual({ membership: 'active' });
    const again = await owner.post(`/api/communities/${slug}/invitations`, { who: eve.username });
    expect(again.statusCode).toBe(409);
    const nobody = await owner.post(`/api/communities/${slug}/invitations`, { who: 'no_such_person' });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().errors[0].path).toBe('who');

    expect((await owner.post(`/api/communities/${slug}/invitations`, { who: 'Fay.New@Example.org' })).json()).toMatchObject({ invited: 'email' });
    const fay = new Client(t.app);
    await fay.post('/api/auth/signup', { email: 'fay.new@example.org', username: 'fay', displayName: 'Fay', password: 'granite-harbor-77' });
    expect((await fay.get('/api/me/invitations')).json().items.map((c: { slug: string }) => c.slug)).toEqual([slug]);
  });

  it('assigns and removes roles from the catalogue; never removes the last coordinator', async () => {
    const owner = await signedInClient(t);
    const slug = await makeCommunity(owner);
    const gil = await signedInClient(t);
    await gil.post(`/api/communities/${slug}/join`);
    expect((await owner.put(`/api/communities/${slug}/members/${gil.username}/roles/cybrarian`)).statusCode).toBe(204);
    expect((await owner.put(`/api/communities/${slug}/members/${gil.username}/roles/journalist`)).statusCode).toBe(204);
    const bad = await owner.put(`/api/communities/${slug}/members/${gil.username}/roles/overlord`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('role');
    const members = (await owner.get(`/api/communities/${slug}/members`)).json().items;
    expect(members.find((m: { username: string }) => m.username === gil.username).roles).toEqual(['cybrarian', 'journalist']);
    const last = await owner.delete(`/api/communities/${slug}/members/${owner.username}/roles/coordinator`);
    expect(last.statusCode).toBe(409);
    expect((await owner.post(`/api/communities/${slug}/leave`)).statusCode).toBe(409);
    await owner.put(`/api/communities/${slug}/members/${gil.username}/roles/coordinator`);
    expect((await owner.delete(`/api/communities/${slug}/members/${owner.username}/roles/coordinator`)).statusCode).toBe(204);
    const audit = await t.pool.query(`select action from audit_log where action like 'role.%'`);
    expect(audit.rowCount).toBeGreaterThanOrEqual(4);
  });

  it('lets a coordinator edit the charter and change the stage', async () => {
    const owner = await signedInClient(t);
    const slug = await makeCommunity(owner);
    const res = await owner.patch(`/api/communities/${slug}`, { purpose: 'A sharper purpose.', stage: 'coalescing' });
    expect(res.json()).toMatchObject({ purpose: 'A sharper purpose.', stage: 'coalescing' });
    const bad = await owner.patch(`/api/communities/${slug}`, { stage: 'teenage' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('stage');
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeCommunity, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Client;
let support: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInClient(t, { siteRole: 'admin' });
  support = await signedInClient(t, { siteRole: 'support' });
});
afterAll(() => t.close());

let n = 0;
async function domain(c: Client, over: Record<string, unknown> = {}) {
  const res = await c.post('/api/domains', { name: `Network resilience ${++n}`, description: 'Keeping supply on through storms and droughts.', priority: 2, stance: 'invest', ...over });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
}

describe('domain portfolio', () => {
  it('lets the support team keep domains, ordered by priority, with linked communities and sponsors', async () => {
    const coordinator = await signedInClient(t);
    const slug = await makeCommunity(coordinator, { name: 'Leakage practitioners' });
    const low = await domain(support, { name: `Customer service ${n}`, priority: 4, stance: 'engage' });
    const high = await domain(support, { priority: 1, stance: 'sponsor' });
    expect((await support.put(`/api/domains/${high}/communities/${slug}`)).statusCode).toBe(204);
    expect((await support.put(`/api/domains/${high}/communities/${slug}`)).statusCode).toBe(204);
    const sponsor = await signedInClient(t);
    expect((await support.put(`/api/domains/${high}/sponsors/${sponsor.username}`)).statusCode).toBe(204);
    const list = (await coordinator.get('/api/domains?limit=50')).json();
    const ids = list.items.map((d: { id: number }) => d.id);
    expect(ids.indexOf(high)).toBeLessThan(ids.indexOf(low));
    expect(list.canManage).toBe(false);
    const d = (await coordinator.get(`/api/domains/${high}`)).json();
    expect(d).toMatchObject({ priority: 1, stance: 'sponsor', communities: [{ slug, name: 'Leakage practitioners' }], sponsors: [{ username: sponsor.username }] });
    const sp = (await coordinator.get(`/api/communities/${slug}/sponsorship`)).json();
    expect(sp.domains.map((x: { id: number }) => x.id)).toEqual([high]);
    expect(sp.sponsors).toMatchObject([{ username: sponsor.username, via: d.name }]);
  });

  it('edits and removes domains; names are unique; every change is audited', async () => {
    const id = await domain(admin);
    const other = await domain(admin);
    const taken = (await admin.get(`/api/domains/${other}`)).json().name;
    const dup = await admin.patch(`/api/domains/${id}`, { name: taken.toUpperCase() });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('name');
    expect((await admin.patch(`/api/domains/${id}`, { stance: 'engage', priority: 5 })).statusCode).toBe(204);
    expect((await admin.get(`/api/domains/${id}`)).json()).toMatchObject({ stance: 'engage', priority: 5 });
    expect((await admin.delete(`/api/domains/${id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/domains/${id}`)).statusCode).toBe(404);
    const audit = await t.db.execute<{ action: string }>(sql`select action from audit_log where target = ${`domain:${id}`} order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['domain.created', 'domain.updated', 'domain.deleted']);
  });

  it('refuses bad input and changes nothing', async () => {
    const before = (await admin.get('/api/domains?limit=50')).json().items.length;
    for (const body of [
      {},
      { name: 'x', priority: 1, stance: 'invest' },
      { name: 'Fine name', priority: 0, stance: 'invest' },
      { name: 'Fine name', priority: 2.5, stance: 'invest' },
      { name: 'Fine name', priority: 2, stance: 'ignore' },
      { name: 'y'.repeat(101), priority: 2, stance: 'invest' },
      { name: '<script>alert(1)</script>', priority: 'high', stance: 'invest' },
    ]) {
      const res = await admin.post('/api/domains', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    expect((await admin.get('/api/domains?limit=50')).json().items.length).toBe(before);
    expect((await admin.patch('/api/domains/1', {})).statusCode).toBe(400);
    expect((await admin.put('/api/domains/999999/sponsors/nobody_here')).statusCode).toBe(404);
  });
});

describe('sponsorship', () => {
  it('shows a sponsor their communities, directly or through a domain, with stage and plan progress', async () => {
    const coordinator = await signedInClient(t);
    const direct = await makeCommunity(coordinator, { name: 'Asset risk' });
    const viaDomain = await makeCommunity(coordinator, { name: 'Smart metering', visibility: 'secret' });
    const sponsor = await signedInClient(t);
    await admin.put(`/api/communities/${direct}/sponsors/${sponsor.username}`);
    const domainName = `Digital water ${Date.now()}`;
    const d = await domain(admin, { name: domainName });
    await admin.put(`/api/domains/${d}/communities/${viaDomain}`);
    await admin.put(`/api/domains/${d}/sponsors/${sponsor.username}`);
    // Every community starts with the default plan; one task done, one not needed (left out of progress).
    await t.db.execute(sql`update cultivation_tasks t set status = case t.title when 'Interview members' then 'done' else 'skipped' end
      from communities c where c.id = t.community_id and c.slug = ${direct} and t.title in ('Interview members', 'Find an initial sponsor')`);
    const mine = (await sponsor.get('/api/me/sponsorships')).json().items;
    expect(mine).toHaveLength(2);
    expect(mine.find((m: { slug: string }) => m.slug === direct)).toMatchObject({ direct: true, stage: 'potential', progress: expect.arrayContaining([{ need: 'prepare', done: 1, total: 2 }, { need: 'launch', done: 0, total: 3 }]) });
    expect(mine.find((m: { slug: string }) => m.slug === viaDomain)).toMatchObject({ direct: false, via: [domainName] });
    // Removing the community sponsorship leaves only the domain one.
    expect((await admin.delete(`/api/communities/${direct}/sponsors/${sponsor.username}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/communities/${direct}/sponsors/${sponsor.username}`)).statusCode).toBe(404);
    expect((await sponsor.get('/api/me/sponsorships')).json().items.map((m: { slug: string }) => m.slug)).toEqual([viaDomain]);
  });

  it('never shows a secret community in the portfolio to people outside it', async () => {
    const coordinator = await signedInClient(t);
    const secret = await makeCommunity(coordinator, { name: 'Hidden acquisition team', visibility: 'secret' });
    const d = await domain(admin);
    await admin.put(`/api/domains/${d}/communities/${secret}`);
    const outsider = await signedInClient(t);
    expect(JSON.stringify((await outsider.get(`/api/domains/${d}`)).json())).not.toContain('Hidden acquisition');
    expect((await coordinator.get(`/api/domains/${d}`)).json().communities).toMatchObject([{ slug: secret }]);
    expect((await outsider.get(`/api/communities/${secret}/sponsorship`)).statusCode).toBe(404);
    // The support team is not in the secret community either: it cannot link it.
    expect((await support.put(`/api/domains/${d}/communities/${secret}`)).statusCode).toBe(404);
  });
});

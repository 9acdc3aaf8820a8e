import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let proposer: Client;
let outsider: Client;
let support: Client;
let admin: Client;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  proposer = await signedInClient(t);
  outsider = await signedInClient(t);
  support = await signedInClient(t, { siteRole: 'support' });
  admin = await signedInClient(t, { siteRole: 'admin' });
});
afterAll(() => t.close());

const ADVICE = { need: 'steward', duration: 'ongoing', members: 'self_selected', bond: 'practice', learning: 'develop' };

async function propose(over: Record<string, unknown> = {}) {
  const word = `quokkafield${++n}x`;
  const slug = await makeCommunity(proposer, { name: `Proposal ${word}`, domainStatement: `People who care about ${word} and learn together.`, launch: 'propose', advisor: ADVICE, ...over });
  return { slug, word };
}

describe('creating a community', () => {
  it('through the API without `launch` creates an active community with a launch record, the default plan and a first stage entry', async () => {
    const slug = await makeCommunity(proposer);
    const c = (await proposer.get(`/api/communities/${slug}`)).json();
    expect(c).toMatchObject({ status: 'active', stage: 'potential', viewer: { canReadCultivation: true } });
    const record = (await proposer.get(`/api/communities/${slug}/launch`)).json();
    expect(record).toMatchObject({ status: 'active', advisor: null, canLaunch: false, launchedBy: { username: proposer.username } });
    expect(record.launchedAt).toBeTruthy();
    const history = (await proposer.get(`/api/communities/${slug}/stage-history`)).json();
    expect(history.items).toEqual([expect.objectContaining({ from: null, to: 'potential', reason: 'Created', by: expect.objectContaining({ username: proposer.username }) })]);
    const plan = (await proposer.get(`/api/communities/${slug}/plan`)).json();
    expect(plan.progress).toEqual({ done: 0, total: 24 });
  });

  it('with launch=propose creates a proposal whose launch record keeps the advisor answers and its own recommendation', async () => {
    const { slug } = await propose({ structureKind: 'network' });
    const c = (await proposer.get(`/api/communities/${slug}`)).json();
    expect(c).toMatchObject({ status: 'proposed', structureKind: 'network', viewer: { roles: ['coordinator'], canModerate: true } });
    const record = (await proposer.get(`/api/communities/${slug}/launch`)).json();
    expect(record.advisor).toMatchObject({ answers: ADVICE, recommended: 'community_of_practice', runnerUp: 'network', chosen: 'network' });
    expect(record.advisor.explanation).toContain('community of practice');
    expect(record).toMatchObject({ status: 'proposed', canEdit: true, canLaunch: true, launchedAt: null, progress: { complete: 0, total: 4 } });
    const history = (await proposer.get(`/api/communities/${slug}/stage-history`)).json();
    expect(history.items[0]).toMatchObject({ from: null, to: 'potential', reason: 'Proposed' });
  });

  it('refuses advisor answers that are not options, naming the field, and creates nothing', async () => {
    const res = await proposer.post('/api/communities', {
      name: 'Bad advice',
      slug: 'bad-advice',
      domainStatement: 'A long enough domain statement.',
      domainType: 'technical',
      structureKind: 'network',
      visibility: 'open',
      launch: 'propose',
      advisor: { need: 'world-domination' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toMatch(/^advisor/);
    expect((await proposer.get('/api/communities/bad-advice')).statusCode).toBe(404);
    const bad = await proposer.post('/api/communities', { name: 'Bad launch', slug: 'bad-launch', domainStatement: 'A long enough domain statement.', domainType: 'technical', structureKind: 'team', visibility: 'open', launch: 'later' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('launch');
  });
});

describe('who knows about a proposal', () => {
  it('keeps it out of lists, search, profiles and reach of outsiders and anonymous visitors, even when open', async () => {
    const { slug, word } = await propose({ visibility: 'open' });
    const topicId = await makeTopic(proposer, [slug], { title: `Designing the ${word} launch`, body: `Who should we invite about ${word}?` });
    const anonymous = new Client(t.app);
    for (const c of [outsider, anonymous]) {
      expect((await c.get(`/api/communities/${slug}`)).statusCode).toBe(404);
      expect((await c.get(`/api/communities?q=${word}`)).json().items).toEqual([]);
      expect((await c.get(`/api/search?q=${word}`)).json().items).toEqual([]);
      expect((await c.get(`/api/topics/${topicId}`)).statusCode).toBe(404);
      expect((await c.get(`/api/communities/${slug}/stage-history`)).statusCode).toBe(404);
      const profile = (await c.get(`/api/people/${proposer.username}`)).json();
      expect(profile.communities.some((x: { slug: string }) => x.slug === slug)).toBe(false);
    }
    expect((await outsider.post(`/api/communities/${slug}/join`)).statusCode).toBe(404);
  });

  it('shows it to its members, the support team and site admins', async () => {
    const { slug, word } = await propose({ visibility: 'open' });
    const topicId = await makeTopic(proposer, [slug], { title: `Agenda for ${word}`, body: `What happens first at ${word}?` });
    for (const c of [proposer, support, admin]) {
      expect((await c.get(`/api/communities/${slug}`)).json().status).toBe('proposed');
      expect((await c.get(`/api/communities?q=${word}`)).json().items.map((i: { slug: string }) => i.slug)).toEqual([slug]);
      expect((await c.get(`/api/search?q=${word}`)).json().items.length).toBeGreaterThan(0);
      expect((await c.get(`/api/topics/${topicId}`)).statusCode).toBe(200);
      expect((await c.get(`/api/communities/${slug}/launch`)).statusCode).toBe(200);
    }
    // The support team coaches a proposal; it does not run it.
    expect((await support.put(`/api/communities/${slug}/launch/discovery`, { need: 'x' })).statusCode).toBe(403);
    expect((await support.post(`/api/communities/${slug}/join`)).statusCode).toBe(403);
  });

  it('lets the people its coordinator invites join it (the design team), nobody else', async () => {
    const { slug } = await propose({ visibility: 'open' });
    const designer = await signedInClient(t);
    expect((await proposer.post(`/api/communities/${slug}/invitations`, { who: designer.username })).statusCode).toBe(201);
    expect((await designer.get(`/api/communities/${slug}`)).json().viewer.canJoin).toBe(true);
    expect((await designer.post(`/api/communities/${slug}/join`)).statusCode).toBe(200);
    expect((await designer.get(`/api/communities/${slug}/plan`)).json().canEdit).toBe(false);
  });
});

describe('the launch process', () => {
  it('saves each step bit by bit, merging, and shows progress', async () => {
    const { slug } = await propose();
    const put = (step: string, body: unknown) => proposer.put(`/api/communities/${slug}/launch/${step}`, body);
    expect((await put('discovery', { need: 'Leak detection knowledge is scattered across regions.' })).statusCode).toBe(204);
    expect((await put('discovery', { network: 'Informal monthly calls', identity: 'Leakage technicians', leadership: 'Aisha could coordinate' })).statusCode).toBe(204);
    let record = (await proposer.get(`/api/communities/${slug}/launch`)).json();
    expect(record.steps[0]).toMatchObject({ key: 'discovery', answered: 4, total: 4, complete: true, values: { need: 'Leak detection knowledge is scattered across regions.', network: 'Informal monthly calls' } });
    expect(record.progress).toEqual({ complete: 1, total: 4 });

    const designer = await signedInClient(t);
    expect((await put('planning', { designTeam: [designer.username!.toUpperCase(), proposer.username], launchKind: 'core_group' })).statusCode).toBe(204);
    record = (await proposer.get(`/api/communities/${slug}/launch`)).json();
    expect(record.designTeam.map((p: { username: string }) => p.username)).toEqual([designer.username, proposer.username]);
    expect(record.steps[2]).toMatchObject({ key: 'planning', answered: 2, total: 3, complete: false, values: { launchKind: 'core_group', designTeam: [designer.username, proposer.username] } });

    // Clearing a field is a save too.
    expect((await put('discovery', { leadership: '' })).statusCode).toBe(204);
    record = (await proposer.get(`/api/communities/${slug}/launch`)).json();
    expect(record.steps[0]).toMatchObject({ answered: 3, complete: false });
  });

  it('refuses bad step input, naming the field, and changes nothing', async () => {
    const { slug } = await propose();
    const put = (step: string, body: unknown) => proposer.put(`/api/communities/${slug}/launch/${step}`, body);
    const before = (await proposer.get(`/api/communities/${slug}/launch`)).json();
    const cases: [string, unknown, string][] = [
      ['planning', { launchKind: 'party' }, 'launchKind'],
      ['planning', { designTeam: ['nobody-has-this-name'] }, 'designTeam.0'],
      ['planning', { designTeam: 'everyone' }, 'designTeam'],
      ['discovery', { need: 'x'.repeat(2001) }, 'need'],
      ['discovery', { colour: 'blue' }, 'body'],
      ['follow_up', { afterwards: 42 }, 'afterwards'],
      ['discovery', {}, 'body'],
    ];
    for (const [step, body, path] of cases) {
      const res = await put(step, body);
      expect([400, 422], `${step} ${JSON.stringify(body)}`).toContain(res.statusCode);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await put('celebration', { need: 'x' })).statusCode).toBe(400);
    expect((await proposer.get(`/api/communities/${slug}/launch`)).json()).toEqual(before);
  });

  it('launches when a coordinator says so: active, stamped, in the stage history, then listed', async () => {
    const { slug, word } = await propose({ visibility: 'open' });
    const member = await signedInClient(t);
    await proposer.post(`/api/communities/${slug}/invitations`, { who: member.username });
    await member.post(`/api/communities/${slug}/join`);
    expect((await member.post(`/api/communities/${slug}/launch`, {})).statusCode).toBe(403);
    expect((await outsider.post(`/api/communities/${slug}/launch`, {})).statusCode).toBe(404);
    expect((await proposer.post(`/api/communities/${slug}/launch`, { stage: 'ripe' })).statusCode).toBe(400);

    const res = await proposer.post(`/api/communities/${slug}/launch`, { reason: 'Kick-off workshop held with 14 people.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'active', stage: 'coalescing' });
    const record = (await proposer.get(`/api/communities/${slug}/launch`)).json();
    expect(record).toMatchObject({ status: 'active', stage: 'coalescing', canLaunch: false, launchedBy: { username: proposer.username } });
    const history = (await proposer.get(`/api/communities/${slug}/stage-history`)).json();
    expect(history.items[0]).toMatchObject({ from: 'potential', to: 'coalescing', reason: 'Launched: Kick-off workshop held with 14 people.' });
    const audit = await t.pool.query(`select action from audit_log where action = 'community.launched' and target = (select 'community:' || id from communities where slug = $1)`, [slug]);
    expect(audit.rowCount).toBe(1);

    expect((await outsider.get(`/api/communities?q=${word}`)).json().items.map((i: { slug: string }) => i.slug)).toEqual([slug]);
    expect((await proposer.post(`/api/communities/${slug}/launch`, {})).statusCode).toBe(409);
  });
});

describe('the proposals list', () => {
  it('is for the support team and site admins, newest first, with launch progress, paginated', async () => {
    const a = await propose();
    const b = await propose();
    await proposer.put(`/api/communities/${b.slug}/launch/follow_up`, { afterwards: 'Fund two events', resources: 'Half a day a week of coordinator time' });
    const launched = await propose();
    await proposer.post(`/api/communities/${launched.slug}/launch`, {});

    expect((await new Client(t.app).get('/api/proposals')).statusCode).toBe(401);
    expect((await outsider.get('/api/proposals')).statusCode).toBe(403);
    expect((await proposer.get('/api/proposals')).statusCode).toBe(403);
    for (const c of [support, admin]) {
      const first = await c.get('/api/proposals?limit=1');
      expect(first.statusCode).toBe(200);
      expect(first.json().items).toEqual([
        expect.objectContaining({ slug: b.slug, proposedBy: expect.objectContaining({ username: proposer.username }), progress: { complete: 1, total: 4 } }),
      ]);
      expect(first.json().items[0].steps.map((s: { complete: boolean }) => s.complete)).toEqual([false, false, false, true]);
      const second = (await c.get(`/api/proposals?limit=1&cursor=${first.json().nextCursor}`)).json();
      expect(second.items[0].slug).toBe(a.slug);
      const all = (await c.get('/api/proposals?limit=50')).json().items.map((i: { slug: string }) => i.slug);
      expect(all).not.toContain(launched.slug);
    }
    expect((await support.get('/api/proposals?cursor=garbage')).statusCode).toBe(400);
  });
});

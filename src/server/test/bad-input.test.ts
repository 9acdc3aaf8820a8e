/**
 * Every write route, given missing, wrong-type, oversized or malicious input, answers 4xx with
 * an application/problem+json body that names the field, and changes nothing in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from './harness.ts';

let t: TestApp;
let coord: Client;
let slug: string;
let topicId: number;
let replyId: number;

beforeAll(async () => {
  t = await createTestApp();
  coord = await signedInClient(t);
  slug = await makeCommunity(coord);
  topicId = await makeTopic(coord, [slug]);
  replyId = (await coord.post(`/api/topics/${topicId}/replies`, { body: 'A reply' })).json().id;
});
afterAll(() => t.close());

// Events (issue 5): a coming event and one already held, by the coordinator.
let eventId: number;
let comingOcc: string;
let pastOcc: string;
const occKey = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
beforeAll(async () => {
  const ev = (await coord.post(`/api/communities/${slug}/events`, { kind: 'meeting', cadence: 'regular', title: 'Coming', startsAt: '2030-01-10T10:00', endsAt: '2030-01-10T11:00', timeZone: 'Europe/Paris', rule: 'FREQ=WEEKLY' })).json();
  eventId = ev.id;
  comingOcc = `/api/events/${ev.id}/occurrences/${occKey(ev.startsAt)}`;
  const past = (await coord.post(`/api/communities/${slug}/events`, { kind: 'visit', cadence: 'special', title: 'Held', startsAt: '2024-05-10T10:00', endsAt: '2024-05-10T11:00', timeZone: 'UTC' })).json();
  pastOcc = `/api/events/${past.id}/occurrences/${occKey(past.startsAt)}`;
});

// Repository (issue 6): an article stewarded by the coordinator.
let assetId: number;
let collectionId: number;
beforeAll(async () => {
  assetId = (await coord.post(`/api/communities/${slug}/assets`, { kind: 'article', title: 'Guide', body: 'Text' })).json().id;
  collectionId = (await coord.post(`/api/communities/${slug}/collections`, { title: 'Kit' })).json().id;
});

/** A fingerprint of every table's contents. */
async function snapshot() {
  const tables = (await t.pool.query(`select tablename from pg_tables where schemaname = 'public' and tablename <> 'sessions'`)).rows;
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const r = await t.pool.query(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${tablename} x`);
    parts.push(`${tablename}:${r.rows[0].h}`);
  }
  return parts.join('\n');
}

const HUGE = 'x'.repeat(60_000);
const SCRIPT = '<script>alert(1)</script>';
const SQLI = "x'); drop table users; --";

interface Case {
  route: string;
  method: 'POST' | 'PATCH' | 'PUT';
  url: () => string;
  valid: () => Record<string, unknown>;
  /** Fields whose absence is an error. */
  required: string[];
  /** Field → values that must be refused. */
  invalid: Record<string, unknown[]>;
}

const cases: Case[] = [
  {
    route: 'sign up',
    method: 'POST',
    url: () => '/api/auth/signup',
    valid: () => ({ email: 'zed@example.org', username: 'zed', displayName: 'Zed', password: 'long-enough-pass-9' }),
    required: ['email', 'username', 'displayName', 'password'],
    invalid: { email: [42, 'nope', HUGE, SCRIPT], username: [SCRIPT, SQLI, 'a', HUGE, ['x']], displayName: ['', HUGE, {}], password: [HUGE, 'short', 123] },
  },
  {
    route: 'sign in',
    method: 'POST',
    url: () => '/api/auth/signin',
    valid: () => ({ login: coord.username, password: 'wrong-password-x' }),
    required: ['login', 'password'],
    invalid: { login: [HUGE, 5], password: [HUGE, null] },
  },
  {
    route: 'create community',
    method: 'POST',
    url: () => '/api/communities',
    valid: () => ({ name: 'Valid name', slug: 'valid-slug', domainStatement: 'A long enough domain statement.', domainType: 'technical', structureKind: 'network', purpose: '', visibility: 'open' }),
    required: ['name', 'slug', 'domainStatement', 'domainType', 'structureKind', 'visibility'],
    invalid: {
      name: ['', HUGE, 7],
      slug: [SCRIPT, SQLI, 'Upper-Case', 'a', HUGE, 'double--hyphen'],
      domainStatement: ['short', HUGE],
      domainType: ['astrology', SQLI],
      structureKind: ['committee', 3],
      purpose: [HUGE],
      visibility: ['public', true],
    },
  },
  {
    route: 'edit community',
    method: 'PATCH',
    url: () => `/api/communities/${slug}`,
    valid: () => ({ purpose: 'ok' }),
    required: [],
    invalid: { name: [HUGE, ''], stage: ['teenage', SQLI], visibility: [SCRIPT], domainStatement: [HUGE] },
  },
  {
    route: 'add a cultivation task',
    method: 'POST',
    url: () => `/api/communities/${slug}/plan/tasks`,
    valid: () => ({ need: 'build', title: 'Monthly leak clinic', dueDate: '2026-04-01', status: 'todo', notes: '' }),
    required: ['need', 'title'],
    invalid: {
      need: ['celebrate', SQLI, 3],
      title: ['', 'x', HUGE, SCRIPT.slice(0, 2)],
      dueDate: ['tomorrow', '2026-13-01', SQLI, 20260401],
      status: ['finished', true],
      owner: [SQLI, SCRIPT, 'nobody-by-this-name'],
      notes: [HUGE, {}],
    },
  },
  {
    route: 'save a launch step',
    method: 'PUT',
    url: () => `/api/communities/${slug}/launch/planning`,
    valid: () => ({ launchKind: 'activity', agenda: 'A morning workshop' }),
    required: [],
    invalid: { launchKind: ['party', 1], agenda: [HUGE, []], designTeam: ['all', [SQLI], ['nobody-by-this-name'], Array.from({ length: 21 }, (_, i) => `p${i}`)] },
  },
  {
    route: 'launch',
    method: 'POST',
    url: () => `/api/communities/${slug}/launch`,
    valid: () => ({ stage: 'coalescing', reason: 'ok' }),
    required: [],
    invalid: { stage: ['ripe', SQLI, 5], reason: [HUGE, 5] },
  },
  {
    route: 'invite',
    method: 'POST',
    url: () => `/api/communities/${slug}/invitations`,
    valid: () => ({ who: 'someone-new@example.org' }),
    required: ['who'],
    invalid: { who: [HUGE, '', 'not an@email', SQLI, 12] },
  },
  {
    route: 'start topic',
    method: 'POST',
    url: () => '/api/topics',
    valid: () => ({ communities: [slug], title: 'A valid title', body: 'Body', activityType: 'visit', isQuestion: false, tags: ['ok'] }),
    required: ['communities', 'title', 'body', 'activityType'],
    invalid: {
      communities: [[], 'x', ['a', 'b', 'c', 'd', 'e', 'f'], [SQLI]],
      title: ['tiny', HUGE, 1],
      body: ['', ' ', 'x'.repeat(50_001), false],
      activityType: ['gossip', SQLI],
      isQuestion: ['yes'],
      tags: [[SCRIPT], [SQLI], ['x'.repeat(31)], Array.from({ length: 9 }, (_, i) => `t${i}`), 'notalist'],
    },
  },
  {
    route: 'edit topic',
    method: 'PATCH',
    url: () => `/api/topics/${topicId}`,
    valid: () => ({ tags: ['fine'] }),
    required: [],
    invalid: { title: [HUGE, 'x'], activityType: ['nope'], tags: [[SCRIPT]] },
  },
  {
    route: 'cross-post',
    method: 'POST',
    url: () => `/api/topics/${topicId}/communities`,
    valid: () => ({ community: slug }),
    required: ['community'],
    invalid: { community: [HUGE, SQLI, 5] },
  },
  {
    route: 'reply',
    method: 'POST',
    url: () => `/api/topics/${topicId}/replies`,
    valid: () => ({ body: 'Reply' }),
    required: ['body'],
    invalid: { body: ['', 'x'.repeat(50_001), 1], parentId: ['x', -1, 999_999_999] },
  },
  {
    route: 'edit post',
    method: 'PATCH',
    url: () => `/api/posts/${replyId}`,
    valid: () => ({ body: 'Edited' }),
    required: ['body'],
    invalid: { body: ['', 'x'.repeat(50_001), []] },
  },
  {
    route: 'accept answer',
    method: 'PUT',
    url: () => `/api/topics/${topicId}/accepted`,
    valid: () => ({ postId: replyId }),
    required: ['postId'],
    invalid: { postId: ['1', -5, 1.5, 999_999_999] },
  },
  {
    route: 'ask for a password reset',
    method: 'POST',
    url: () => '/api/auth/password-reset',
    valid: () => ({ email: 'someone@example.org' }),
    required: ['email'],
    invalid: { email: [42, 'nope', HUGE, SCRIPT, SQLI, ['a@example.org']] },
  },
  {
    route: 'choose a new password',
    method: 'POST',
    url: () => '/api/auth/password-reset/confirm',
    valid: () => ({ token: 'abc', password: 'long-enough-pass-9' }),
    required: ['token', 'password'],
    invalid: { token: [42, '', HUGE, {}], password: [HUGE, 123, ''] },
  },
  {
    route: 'undo an unsubscribe',
    method: 'POST',
    url: () => '/api/email/unsubscribe/undo',
    valid: () => ({ token: 'abc', kind: 'digest', value: 'daily' }),
    required: ['token', 'kind', 'value'],
    invalid: { token: [42, '', HUGE], kind: ['everything', 42, SCRIPT], value: ['sometimes', SQLI, 42] },
  },
  {
    route: 'edit my profile',
    method: 'PATCH',
    url: () => '/api/me/profile',
    valid: () => ({ title: 'Network engineer' }),
    required: [],
    invalid: {
      displayName: ['', HUGE, 7],
      title: [HUGE, 5],
      location: [HUGE, ['Leeds']],
      timeZone: ['Mars/Olympus_Mons', SQLI, SCRIPT, HUGE, 3],
      bio: ['x'.repeat(2001), {}],
    },
  },
  {
    route: 'set my expertise',
    method: 'PUT',
    url: () => '/api/me/expertise',
    valid: () => ({ areas: [{ tag: 'pumps', level: 'expert' }] }),
    required: ['areas'],
    invalid: {
      areas: [
        'pumps',
        [{ tag: SCRIPT, level: 'expert' }],
        [{ tag: SQLI, level: 'expert' }],
        [{ tag: 'pumps', level: 'guru' }],
        [{ tag: 'x'.repeat(31), level: 'expert' }],
        [{ tag: 'pumps', level: 'expert' }, { tag: 'Pumps', level: 'learning' }],
        Array.from({ length: 13 }, (_, i) => ({ tag: `t${i}`, level: 'learning' })),
        [{}],
      ],
    },
  },
  {
    route: 'plan an event',
    method: 'POST',
    url: () => `/api/communities/${slug}/events`,
    valid: () => ({ kind: 'meeting', cadence: 'special', title: 'Clinic', startsAt: '2030-02-10T10:00', endsAt: '2030-02-10T11:00', timeZone: 'Europe/Paris' }),
    required: ['kind', 'cadence', 'title', 'startsAt', 'endsAt', 'timeZone'],
    invalid: {
      kind: ['party', 1],
      cadence: ['sometimes', true],
      title: ['', 'x', HUGE],
      description: [HUGE],
      startsAt: ['2030-02-30T10:00', 'tomorrow', SCRIPT, 42],
      endsAt: ['2030-02-10T09:00', '2030-02-10T10:00', '2030-03-10T10:00'],
      timeZone: ['Mars/Olympus_Mons', SQLI, HUGE, 3],
      rule: ['FREQ=SOMETIMES', 'FREQ=MINUTELY', 'FREQ=DAILY;COUNT=5000', 'FREQ=DAILY;BYHOUR=9', SQLI, 42],
      capacity: [0, -1, 'ten', 1.5],
      onlineUrl: ['javascript:alert(1)', 'ftp://example.org', HUGE],
      subgroupId: [999999, -1, 'x'],
      agendaItemIds: [[999999], 'x'],
    },
  },
  {
    route: 'edit an event',
    method: 'PATCH',
    url: () => `/api/events/${eventId}`,
    valid: () => ({ title: 'Renamed' }),
    required: [],
    invalid: { endsAt: ['2020-01-01T10:00'], timeZone: ['Mars/Olympus_Mons'], rule: ['FREQ=SOMETIMES'], title: [''], capacity: [0], kind: ['party'] },
  },
  {
    route: 'move an occurrence',
    method: 'PUT',
    url: () => comingOcc,
    valid: () => ({ action: 'move', startsAt: '2030-01-11T10:00', endsAt: '2030-01-11T11:00' }),
    required: ['action', 'startsAt', 'endsAt'],
    invalid: { action: ['postpone', 42], startsAt: ['2030-02-30T10:00', 'soon'], endsAt: ['2030-01-11T09:00', '2030-02-11T09:00'] },
  },
  {
    route: 'answer an event',
    method: 'PUT',
    url: () => `${comingOcc}/rsvp`,
    valid: () => ({ response: 'going' }),
    required: ['response'],
    invalid: { response: ['perhaps', 1, SCRIPT] },
  },
  {
    route: 'record attendance',
    method: 'PUT',
    url: () => `${pastOcc}/attendance`,
    valid: () => ({ present: [coord.username!] }),
    required: [],
    invalid: { present: [['nobody_here'], 'x', [HUGE]], absent: [['nobody_here'], 7] },
  },
  {
    route: 'write event notes',
    method: 'PUT',
    url: () => `${pastOcc}/notes`,
    valid: () => ({ notes: 'We met.', decisions: 'Meet again.' }),
    required: [],
    invalid: { notes: ['x'.repeat(20_001), 5], decisions: [HUGE], topicIds: [[999999], ['x']], newQuestions: [['hi'], [HUGE], 'x'] },
  },
  {
    route: 'who plans events',
    method: 'PUT',
    url: () => `/api/communities/${slug}/events/settings`,
    valid: () => ({ membersMayCreate: true }),
    required: ['membersMayCreate'],
    invalid: { membersMayCreate: ['yes', 1] },
  },
  {
    route: 'create a calendar link',
    method: 'POST',
    url: () => '/api/calendar/tokens',
    valid: () => ({}),
    required: [],
    invalid: { community: ['no-such-community', 42, HUGE] },
  },
  {
    route: 'add an article to the repository',
    method: 'POST',
    url: () => `/api/communities/${slug}/assets`,
    valid: () => ({ kind: 'article', title: 'A guide', body: 'Some text', tags: ['guide'] }),
    required: ['kind', 'title', 'body'],
    invalid: {
      kind: ['video', 5],
      title: ['', 'x', HUGE, 5],
      body: ['', 'x'.repeat(100_001), {}],
      tags: [['Not A Tag'], 'guide', Array(9).fill('t')],
      activityType: ['nope'],
      topicIds: [[999_999], ['x'], [-1]],
      eventIds: [[999_999]],
    },
  },
  {
    route: 'add a link to the repository',
    method: 'POST',
    url: () => `/api/communities/${slug}/assets`,
    valid: () => ({ kind: 'link', title: 'A link', url: 'https://example.org/' }),
    required: ['url'],
    invalid: { url: ['javascript:alert(1)', 'not a url', `https://example.org/${HUGE}`, 'ftp://example.org/x'] },
  },
  {
    route: 'edit an asset',
    method: 'PATCH',
    url: () => `/api/assets/${assetId}`,
    valid: () => ({ title: 'A better title' }),
    required: [],
    invalid: {
      title: ['', HUGE],
      steward: ['nobody-by-this-name', HUGE],
      reviewBy: ['2026-02-30', 'tomorrow'],
      url: ['https://example.org/'],
      tags: [['Bad Tag']],
      topicIds: [[999_999], ['x'], [-1]],
      eventIds: [[999_999], 'x'],
    },
  },
  {
    route: 'record a reuse',
    method: 'POST',
    url: () => `/api/assets/${assetId}/reuses`,
    valid: () => ({ note: 'Used it' }),
    required: [],
    invalid: { note: [HUGE, 5] },
  },
  {
    route: 'start a collection',
    method: 'POST',
    url: () => `/api/communities/${slug}/collections`,
    valid: () => ({ title: 'Onboarding kit', description: 'Start here' }),
    required: ['title'],
    invalid: { title: ['', 'x', HUGE, 5], description: [HUGE, 5] },
  },
  {
    route: 'edit a collection',
    method: 'PATCH',
    url: () => `/api/collections/${collectionId}`,
    valid: () => ({ title: 'Welcome kit' }),
    required: [],
    invalid: { title: ['', HUGE], description: [HUGE] },
  },
  {
    route: 'order a collection',
    method: 'PUT',
    url: () => `/api/collections/${collectionId}/items`,
    valid: () => ({ assetIds: [assetId] }),
    required: ['assetIds'],
    invalid: { assetIds: [[999_999], [999_998, 999_998], ['x'], 'all', Array(101).fill(1)] },
  },
  {
    route: 'set the review period',
    method: 'PUT',
    url: () => `/api/communities/${slug}/repository-settings`,
    valid: () => ({ reviewAfterDays: 90 }),
    required: ['reviewAfterDays'],
    invalid: { reviewAfterDays: [0, 1.5, 99_999, '90'] },
  },
  {
    route: 'review an asset',
    method: 'POST',
    url: () => `/api/assets/${assetId}/review`,
    valid: () => ({ action: 'confirm' }),
    required: ['action'],
    invalid: { action: ['delete', 5], reviewBy: ['2020-01-01', 'soon'] },
  },
];

describe.each(cases)('$route', (c) => {
  const expectRefused = async (body: unknown, field: string) => {
    const before = await snapshot();
    const res = await coord.request(c.method, c.url(), body);
    expect(res.statusCode, `${field}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.title).toBeTruthy();
    expect(problem.status).toBe(res.statusCode);
    if (res.statusCode === 400 || res.statusCode === 422) {
      expect(problem.errors.map((e: { path: string }) => e.path.split('.')[0])).toContain(field);
    }
    expect(await snapshot()).toBe(before);
  };

  for (const field of c.required) {
    it(`refuses a missing ${field}`, async () => {
      const body = c.valid();
      delete body[field];
      await expectRefused(body, field);
    });
  }
  for (const [field, values] of Object.entries(c.invalid)) {
    it.each(values.map((v) => [typeof v === 'string' && v.length > 40 ? `${v.slice(0, 12)}…(${v.length})` : JSON.stringify(v), v]))(
      `refuses ${field} = %s`,
      async (_label, value) => {
        await expectRefused({ ...c.valid(), [field]: value }, field);
      },
    );
  }
  it('refuses a body that is not JSON', async () => {
    const before = await snapshot();
    await coord.refreshCsrf();
    const res = await coord.app.inject({
      method: c.method,
      url: c.url(),
      headers: { 'content-type': 'application/json', 'x-csrf-token': coord.csrf!, cookie: [...coord.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      payload: '{"broken": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await snapshot()).toBe(before);
  });
});

describe('free text keeps hostile content inert', () => {
  it('stores a script or SQL in a title and body as text and renders it escaped', async () => {
    const id = await makeTopic(coord, [slug], { title: `${SQLI} ${SCRIPT}`, body: `${SCRIPT} ${SQLI}` });
    const topic = (await coord.get(`/api/topics/${id}`)).json();
    expect(topic.topic.title).toBe(`${SQLI} ${SCRIPT}`);
    expect(topic.posts.items[0].bodyHtml).not.toContain('<script>');
    expect(topic.posts.items[0].bodyHtml).toContain('&lt;script&gt;');
    expect((await t.pool.query('select count(*)::int as n from users')).rows[0].n).toBeGreaterThan(0);
  });

  it('refuses a request body over 1 MiB', async () => {
    const res = await coord.post(`/api/topics/${topicId}/replies`, { body: 'x'.repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('one-click unsubscribe', () => {
  it.each([
    ['kind', '?token=abc&kind=everything'],
    ['kind', '?token=abc'],
    ['token', '?kind=digest'],
    ['token', `?token=${'x'.repeat(500)}&kind=digest`],
  ])('refuses a bad %s (%s) and changes nothing', async (field, query) => {
    const before = await snapshot();
    const res = await t.app.inject({ method: 'POST', url: `/api/email/unsubscribe${query}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(await snapshot()).toBe(before);
  });
});

import { sql } from 'drizzle-orm';
import nodeIcal from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';
import { formatLocal } from './events.time.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ APP_URL: 'https://constellation.example.org' });
});
afterAll(() => t.close());

const DAY = 86400_000;
/** Local "YYYY-MM-DDTHH:mm" in `tz`, `days` from now at `hour`:00. */
const local = (days: number, hour: number, tz = 'Europe/Berlin') => `${formatLocal(new Date(Date.now() + days * DAY), tz).slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;

async function setup(vis = 'open') {
  const coord = await signedInClient(t);
  const member = await signedInClient(t);
  const slug = await makeCommunity(coord, { visibility: vis });
  if (vis === 'secret') await coord.post(`/api/communities/${slug}/invitations`, { who: member.username });
  await member.post(`/api/communities/${slug}/join`);
  return { coord, member, slug };
}

const meeting = (over: Record<string, unknown> = {}) => ({
  kind: 'meeting',
  cadence: 'special',
  title: 'Pump maintenance clinic',
  description: 'Bring **one** log you struggle with.',
  startsAt: local(10, 18),
  endsAt: local(10, 20),
  timeZone: 'Europe/Berlin',
  place: 'Room 4, Plant B',
  ...over,
});

async function create(c: Client, slug: string, over: Record<string, unknown> = {}) {
  const res = await c.post(`/api/communities/${slug}/events`, meeting(over));
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: number; startsAt: string; rule: string | null };
}

const key = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

describe('events', () => {
  it('a coordinator plans an event; times are stored in UTC and shown with the zone', async () => {
    const { coord, member, slug } = await setup();
    const res = await coord.post(`/api/communities/${slug}/events`, meeting({ startsAt: '2027-07-01T18:00', endsAt: '2027-07-01T20:00' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ startsAt: '2027-07-01T16:00:00.000Z', endsAt: '2027-07-01T18:00:00.000Z', localStart: '2027-07-01T18:00', timeZone: 'Europe/Berlin', cadence: 'special' });
    expect(res.json().descriptionHtml).toContain('<strong>one</strong>');
    const list = (await member.get(`/api/communities/${slug}/events?from=2027-06-01T00:00:00Z&to=2027-08-01T00:00:00Z`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ title: 'Pump maintenance clinic', occurrence: '20270701T160000Z', going: 0 });
    expect(list.viewer.canCreate).toBe(false);
  });

  it('members plan events only where the community allows it', async () => {
    const { coord, member, slug } = await setup();
    expect((await member.post(`/api/communities/${slug}/events`, meeting())).statusCode).toBe(403);
    expect((await member.put(`/api/communities/${slug}/events/settings`, { membersMayCreate: true })).statusCode).toBe(403);
    expect((await coord.put(`/api/communities/${slug}/events/settings`, { membersMayCreate: true })).statusCode).toBe(200);
    expect((await member.post(`/api/communities/${slug}/events`, meeting())).statusCode).toBe(201);
  });

  it('bad input answers 4xx naming the field and creates nothing', async () => {
    const { coord, slug } = await setup();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ endsAt: local(10, 17) }, 422, 'endsAt'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 422, 'timeZone'],
      [{ rule: 'FREQ=SOMETIMES' }, 422, 'rule'],
      [{ rule: 'FREQ=MINUTELY' }, 422, 'rule'],
      [{ startsAt: '2027-02-30T10:00' }, 422, 'startsAt'],
      [{ startsAt: '30/06/2027 18:00' }, 400, 'startsAt'],
      [{ kind: 'party' }, 400, 'kind'],
      [{ cadence: 'sometimes' }, 400, 'cadence'],
      [{ capacity: 0 }, 400, 'capacity'],
      [{ onlineUrl: 'javascript:alert(1)' }, 400, 'onlineUrl'],
      [{ title: 'x' }, 400, 'title'],
      [{ subgroupId: 999999 }, 422, 'subgroupId'],
      [{ agendaItemIds: [999999] }, 422, 'agendaItemIds'],
    ];
    for (const [over, status, path] of cases) {
      const res = await coord.post(`/api/communities/${slug}/events`, meeting(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path, JSON.stringify(over)).toBe(path);
    }
    const n = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from events e join communities c on c.id = e.community_id where c.slug = ${slug}`);
    expect(n.rows[0].n).toBe(0);
    const ev = await create(coord, slug);
    expect((await coord.patch(`/api/events/${ev.id}`, { endsAt: local(9, 10) })).statusCode).toBe(422);
    expect((await coord.get(`/api/events/${ev.id}`)).json().startsAt).toBe(ev.startsAt);
    expect((await coord.get(`/api/communities/${slug}/events?from=2027-01-01T00:00:00Z&to=2029-01-01T00:00:00Z`)).statusCode).toBe(422);
  });

  it('a regular series repeats by its rule, keeping the local time across daylight saving', async () => {
    const { coord, member, slug } = await setup();
    const ev = await create(coord, slug, { cadence: 'regular', title: 'Friday stand-up', startsAt: '2027-03-19T18:00', endsAt: '2027-03-19T18:30', rule: 'FREQ=WEEKLY;BYDAY=FR' });
    const detail = (await member.get(`/api/events/${ev.id}`)).json();
    expect(detail.ruleText).toBe('every week on Friday');
    const occ = (await member.get(`/api/events/${ev.id}/occurrences?from=2027-03-15T00:00:00Z&to=2027-04-05T00:00:00Z`)).json();
    expect(occ.items.map((o: { startsAt: string }) => o.startsAt)).toEqual(['2027-03-19T17:00:00.000Z', '2027-03-26T17:00:00.000Z', '2027-04-02T16:00:00.000Z']);
  });

  it('one occurrence is moved or cancelled without breaking the series', async () => {
    const { coord, member, slug } = await setup();
    const ev = await create(coord, slug, { cadence: 'regular', title: 'Monthly call', startsAt: '2027-01-29T16:00', endsAt: '2027-01-29T17:00', rule: 'FREQ=MONTHLY;BYDAY=-1FR' });
    const window = '?from=2027-01-01T00:00:00Z&to=2027-05-01T00:00:00Z';
    const before = (await member.get(`/api/communities/${slug}/events${window}`)).json().items;
    expect(before.map((o: { occurrence: string }) => o.occurrence)).toEqual(['20270129T150000Z', '20270226T150000Z', '20270326T150000Z', '20270430T140000Z']);
    expect((await member.put(`/api/events/${ev.id}/occurrences/20270226T150000Z`, { action: 'cancel' })).statusCode).toBe(403);
    expect((await coord.put(`/api/events/${ev.id}/occurrences/20270226T150000Z`, { action: 'cancel' })).statusCode).toBe(200);
    const moved = await coord.put(`/api/events/${ev.id}/occurrences/20270326T150000Z`, { action: 'move', startsAt: '2027-03-25T16:00', endsAt: '2027-03-25T17:00' });
    expect(moved.json()).toMatchObject({ startsAt: '2027-03-25T15:00:00.000Z', moved: true });
    expect((await coord.put(`/api/events/${ev.id}/occurrences/20270305T150000Z`, { action: 'cancel' })).statusCode).toBe(404);
    expect((await coord.put(`/api/events/${ev.id}/occurrences/20270430T140000Z`, { action: 'move', startsAt: '2027-04-30T16:00', endsAt: '2027-04-30T15:00' })).statusCode).toBe(422);
    const after = (await member.get(`/api/communities/${slug}/events${window}`)).json().items;
    expect(after.map((o: { startsAt: string; cancelled: boolean }) => [o.startsAt, o.cancelled])).toEqual([
      ['2027-01-29T15:00:00.000Z', false],
      ['2027-02-26T15:00:00.000Z', true],
      ['2027-03-25T15:00:00.000Z', false],
      ['2027-04-30T14:00:00.000Z', false],
    ]);
    expect((await coord.put(`/api/events/${ev.id}/occurrences/20270226T150000Z`, { action: 'restore' })).json().cancelled).toBe(false);
  });

  it('RSVP: going, maybe, not going; a waiting list at capacity that moves up when a place frees', async () => {
    const { coord, member, slug } = await setup();
    const third = await signedInClient(t);
    await third.post(`/api/communities/${slug}/join`);
    const ev = await create(coord, slug, { capacity: 1 });
    const occ = `/api/events/${ev.id}/occurrences/${key(ev.startsAt)}`;
    expect((await member.put(`${occ}/rsvp`, { response: 'going' })).json()).toEqual({ response: 'going', waitlisted: false });
    expect((await third.put(`${occ}/rsvp`, { response: 'going' })).json()).toEqual({ response: 'going', waitlisted: true });
    expect((await coord.put(`${occ}/rsvp`, { response: 'maybe' })).json()).toEqual({ response: 'maybe', waitlisted: false });
    let d = (await coord.get(occ)).json();
    expect(d).toMatchObject({ going: 1, waitlisted: 1, maybe: 1, capacity: 1, myResponse: 'maybe' });
    expect((await member.put(`${occ}/rsvp`, { response: 'not_going' })).statusCode).toBe(200);
    d = (await third.get(occ)).json();
    expect(d).toMatchObject({ going: 1, waitlisted: 0, notGoing: 1, myResponse: 'going', myWaitlisted: false });
    const list = (await coord.get(`${occ}/rsvps?limit=2`)).json();
    expect(list.items).toHaveLength(2);
    expect(list.nextCursor).not.toBeNull();
    expect((await coord.put(`${occ}/rsvp`, { response: 'perhaps' })).statusCode).toBe(400);
    const outsider = await signedInClient(t);
    expect((await outsider.put(`${occ}/rsvp`, { response: 'going' })).statusCode).toBe(403);
  });

  it('attendance is recorded afterwards by the organizer or by self check-in; first-timers are marked', async () => {
    const { coord, member, slug } = await setup();
    const past1 = await create(coord, slug, { startsAt: local(-20, 10), endsAt: local(-20, 12) });
    const past2 = await create(coord, slug, { startsAt: local(-6, 10), endsAt: local(-6, 12) });
    const future = await create(coord, slug);
    const o1 = `/api/events/${past1.id}/occurrences/${key(past1.startsAt)}`;
    const o2 = `/api/events/${past2.id}/occurrences/${key(past2.startsAt)}`;
    expect((await member.put(`${o1}/attendance`, { present: [member.username] })).statusCode).toBe(403);
    expect((await coord.put(`${o1}/attendance`, { present: ['nobody_here'] })).json().errors[0].path).toBe('present');
    expect((await coord.put(`/api/events/${future.id}/occurrences/${key(future.startsAt)}/attendance`, { present: [member.username] })).statusCode).toBe(409);
    expect((await coord.put(`${o2}/attendance`, { present: [member.username, coord.username] })).statusCode).toBe(204);
    expect((await coord.get(o2)).json()).toMatchObject({ attended: 2, firstTimers: 2 });
    // Recording the earlier event makes that one their first.
    expect((await coord.put(`${o1}/attendance`, { present: [member.username] })).statusCode).toBe(204);
    expect((await coord.get(o2)).json()).toMatchObject({ attended: 2, firstTimers: 1 });
    const who = (await member.get(`${o1}/attendance`)).json().items;
    expect(who).toEqual([{ person: { username: member.username, displayName: expect.any(String) }, firstTime: true, selfCheckIn: false }]);
    // Self check-in opens 30 minutes before the start.
    const soon = await create(coord, slug, { startsAt: formatLocal(new Date(Date.now() + 10 * 60_000), 'Europe/Berlin'), endsAt: formatLocal(new Date(Date.now() + 70 * 60_000), 'Europe/Berlin') });
    const os = `/api/events/${soon.id}/occurrences/${key(soon.startsAt)}`;
    expect((await member.get(os)).json().viewer.canCheckIn).toBe(true);
    expect((await member.post(`${os}/check-in`)).statusCode).toBe(204);
    expect((await member.post(`${os}/check-in`)).statusCode).toBe(409);
    expect((await member.post(`/api/events/${future.id}/occurrences/${key(future.startsAt)}/check-in`)).statusCode).toBe(409);
  });

  it('notes and outcomes: decisions, topics it produced and new learning agenda questions', async () => {
    const { coord, member, slug } = await setup();
    const topicId = await makeTopic(member, [slug]);
    const other = await makeCommunity(coord);
    const foreignTopic = await makeTopic(coord, [other]);
    const ev = await create(coord, slug, { startsAt: local(-2, 10), endsAt: local(-2, 12) });
    const occ = `/api/events/${ev.id}/occurrences/${key(ev.startsAt)}`;
    const body = { notes: 'We compared **three** logging apps.', decisions: 'Trial the shared sheet for a month.', topicIds: [topicId], newQuestions: ['How do other plants log vibration readings?'] };
    expect((await member.put(`${occ}/notes`, body)).statusCode).toBe(403);
    expect((await coord.put(`${occ}/notes`, { ...body, topicIds: [foreignTopic] })).json().errors[0].path).toBe('topicIds');
    expect((await coord.put(`${occ}/notes`, body)).statusCode).toBe(204);
    const d = (await member.get(occ)).json();
    expect(d.notes).toMatchObject({ decisions: 'Trial the shared sheet for a month.', updatedBy: { username: coord.username } });
    expect(d.notes.notesHtml).toContain('<strong>three</strong>');
    expect(d.topics).toEqual([{ id: topicId, title: expect.any(String) }]);
    expect(d.raisedQuestions).toEqual([{ id: expect.any(Number), question: 'How do other plants log vibration readings?' }]);
    const agenda = await t.db.execute<{ status: string }>(sql`select status from agenda_items where id = ${d.raisedQuestions[0].id}`);
    expect(agenda.rows[0].status).toBe('open');
    const future = await create(coord, slug);
    expect((await coord.put(`/api/events/${future.id}/occurrences/${key(future.startsAt)}/notes`, body)).statusCode).toBe(409);
  });

  it('secret communities: outsiders get 404 for events, occurrences and .ics', async () => {
    const { coord, member, slug } = await setup('secret');
    const ev = await create(coord, slug);
    const outsider = await signedInClient(t);
    for (const url of [`/api/events/${ev.id}`, `/api/events/${ev.id}/ics`, `/api/events/${ev.id}/occurrences/${key(ev.startsAt)}`, `/api/communities/${slug}/events`, `/api/communities/${slug}/rhythm`]) {
      expect((await outsider.get(url)).statusCode, url).toBe(404);
      expect((await member.get(url)).statusCode, url).toBe(200);
    }
  });

  it('the .ics download parses with node-ical, with the zone and the rule', async () => {
    const { coord, member, slug } = await setup();
    const ev = await create(coord, slug, { cadence: 'regular', title: 'Friday stand-up', startsAt: '2027-03-19T18:00', endsAt: '2027-03-19T18:30', rule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=3' });
    const res = await member.get(`/api/events/${ev.id}/ics`);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.headers['content-disposition']).toContain('Friday-stand-up.ics');
    const vevents = Object.values(nodeIcal.sync.parseICS(res.body)).filter((v) => v?.type === 'VEVENT') as nodeIcal.VEvent[];
    expect(vevents).toHaveLength(1);
    expect(vevents[0].summary).toBe('Friday stand-up');
    expect(vevents[0].start.toISOString()).toBe('2027-03-19T17:00:00.000Z');
    expect((vevents[0].start as { tz?: string }).tz).toBe('Europe/Berlin');
    expect(vevents[0].rrule?.all().map((d) => d.toISOString())).toEqual(['2027-03-19T17:00:00.000Z', '2027-03-26T17:00:00.000Z', '2027-04-02T16:00:00.000Z']);
  });
});

describe('calendar feeds', () => {
  it('a personal feed holds my communities’ events and what I answered; never secret events of others', async () => {
    const owner = await signedInClient(t);
    const me = await signedInClient(t);
    const mine = await makeCommunity(owner, { visibility: 'by_request' });
    await owner.post(`/api/communities/${mine}/invitations`, { who: me.username });
    await me.post(`/api/communities/${mine}/join`);
    const open = await makeCommunity(owner);
    const secret = await makeCommunity(owner, { visibility: 'secret' });
    const series = await create(owner, mine, { cadence: 'regular', title: 'Weekly clinic', startsAt: local(3, 9), endsAt: local(3, 10), rule: 'FREQ=WEEKLY;COUNT=6' });
    await owner.put(`/api/events/${series.id}/occurrences/${key(new Date(new Date(series.startsAt).getTime() + 7 * DAY).toISOString())}`, { action: 'cancel' });
    const visit = await create(owner, open, { kind: 'visit', title: 'Plant visit', startsAt: local(5, 14), endsAt: local(5, 16) });
    await create(owner, open, { title: 'Not answered' });
    await create(owner, secret, { title: 'Secret strategy day' });
    // I answered going, then left the (open) community: the event I said I would attend stays.
    await me.post(`/api/communities/${open}/join`);
    expect((await me.put(`/api/events/${visit.id}/occurrences/${key(visit.startsAt)}/rsvp`, { response: 'going' })).statusCode).toBe(200);
    await me.post(`/api/communities/${open}/leave`);

    const created = await me.post('/api/calendar/tokens', {});
    expect(created.statusCode).toBe(201);
    const url = new URL(created.json().url);
    expect(url.pathname).toMatch(/^\/api\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const anon = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(anon.statusCode).toBe(200);
    const vevents = Object.values(nodeIcal.sync.parseICS(anon.body)).filter((v) => v?.type === 'VEVENT') as nodeIcal.VEvent[];
    expect(vevents.map((v) => v.summary).sort()).toEqual(['Plant visit', 'Weekly clinic']);
    const weekly = vevents.find((v) => v.summary === 'Weekly clinic')!;
    expect(weekly.rrule).toBeDefined();
    const cancelled = new Date(new Date(series.startsAt).getTime() + 7 * DAY).toISOString();
    expect(Object.values(weekly.exdate ?? {}).map((d) => new Date(d as Date).toISOString())).toContain(cancelled);
    expect(weekly.rrule!.all().filter((d) => !Object.values(weekly.exdate ?? {}).some((x) => +new Date(x as Date) === +d))).toHaveLength(5);
    expect((weekly.start as { tz?: string }).tz).toBe('Europe/Berlin');
    expect(anon.body).not.toContain('Secret strategy day');

    // The token is stored only as a hash.
    const stored = await t.db.execute<{ token_hash: string }>(sql`select token_hash from calendar_tokens order by id desc limit 1`);
    expect(stored.rows[0].token_hash).not.toContain(url.pathname.split('/').pop()!.slice(0, -4));

    // Revoked: the URL stops working.
    const list = (await me.get('/api/calendar/tokens')).json().items;
    expect(list[0]).toMatchObject({ scope: 'personal', community: null });
    expect(list[0].lastUsedAt).not.toBeNull();
    expect((await owner.delete(`/api/calendar/tokens/${list[0].id}`)).statusCode).toBe(404);
    expect((await me.delete(`/api/calendar/tokens/${list[0].id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
  });

  it('a community feed follows its owner’s access: leaving a secret community empties it (404)', async () => {
    const owner = await signedInClient(t);
    const me = await signedInClient(t);
    const outsider = await signedInClient(t);
    const secret = await makeCommunity(owner, { visibility: 'secret' });
    await owner.post(`/api/communities/${secret}/invitations`, { who: me.username });
    await me.post(`/api/communities/${secret}/join`);
    await create(owner, secret, { title: 'Secret strategy day' });
    expect((await outsider.post('/api/calendar/tokens', { community: secret })).statusCode).toBe(404);
    const url = new URL((await me.post('/api/calendar/tokens', { community: secret })).json().url);
    const feed = await t.app.inject({ method: 'GET', url: url.pathname });
    const vevents = Object.values(nodeIcal.sync.parseICS(feed.body)).filter((v) => v?.type === 'VEVENT') as nodeIcal.VEvent[];
    expect(vevents.map((v) => v.summary)).toEqual(['Secret strategy day']);
    expect((await me.post(`/api/communities/${secret}/leave`)).statusCode).toBeLessThan(300);
    expect((await t.app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/feeds/not-a-token.ics' })).statusCode).toBe(400);
  });
});

describe('rhythm', () => {
  it('counts regular and special events, attendance and newcomers, and reads it in plain language', async () => {
    const { coord, member, slug } = await setup();
    const reg = await create(coord, slug, { cadence: 'regular', title: 'Monthly call', startsAt: local(-100, 10), endsAt: local(-100, 11), rule: 'FREQ=MONTHLY;COUNT=2' });
    await coord.put(`/api/events/${reg.id}/occurrences/${key(reg.startsAt)}/attendance`, { present: [coord.username, member.username] });
    await create(coord, slug, { kind: 'conference', title: 'Spring conference', startsAt: local(20, 9), endsAt: local(20, 17) });
    const r = (await member.get(`/api/communities/${slug}/rhythm`)).json();
    expect(r.months).toHaveLength(12);
    expect(r.totals).toMatchObject({ regular: 2, special: 0, attendance: 2, newcomers: 2, newcomerShare: 1 });
    expect(r.reading.join(' ')).toMatch(/No regular event in \d+ weeks/);
    expect(r.reading.join(' ')).toContain('Only regular events');
    expect(r.reading.join(' ')).toContain('Next: Spring conference');
  });
});

/**
 * The permission matrix: every route × {anonymous, outsider, member, coordinator, site admin}
 * × {open, secret} community. Each cell runs on a fresh community so writes cannot leak
 * between cells. Secret communities answer 404 (never 403) to people who may not know them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, uploadAsset } from '../modules/assets/assets.fixtures.ts';
import { Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from './harness.ts';

type Who = 'anonymous' | 'outsider' | 'member' | 'coordinator' | 'admin';
type Vis = 'open' | 'secret';
const WHO: Who[] = ['anonymous', 'outsider', 'member', 'coordinator', 'admin'];

let t: TestApp;
let people: Record<Who, Client>;
let n = 0;
// Uploaded files (issue 6) go to a throw-away DATA_DIR.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'permissions-test-'));

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: dataDir });
  people = {
    anonymous: new Client(t.app),
    outsider: await signedInClient(t),
    member: await signedInClient(t),
    coordinator: await signedInClient(t),
    admin: await signedInClient(t, { siteRole: 'admin' }),
  };
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Fixture {
  slug: string;
  other: string;
  topicId: number;
  replyId: number;
  word: string;
}

/** A community (coordinator + member), a question by the member with a reply by the coordinator. */
async function fixture(vis: Vis): Promise<Fixture> {
  const { coordinator, member } = people;
  const word = `zanzibarite${++n}x`;
  const slug = await makeCommunity(coordinator, { visibility: vis, name: `Matrix ${word}` });
  if (vis === 'secret') expect((await coordinator.post(`/api/communities/${slug}/invitations`, { who: member.username })).statusCode).toBe(201);
  expect((await member.post(`/api/communities/${slug}/join`)).statusCode).toBe(200);
  expect((await coordinator.put(`/api/communities/${slug}/members/${member.username}/roles/broker`)).statusCode).toBe(204);
  const other = await makeCommunity(coordinator, { visibility: 'open' });
  await member.post(`/api/communities/${other}/join`);
  const topicId = await makeTopic(member, [slug], { title: `Question about ${word}`, body: `How do we handle ${word}?` });
  const r = await coordinator.post(`/api/topics/${topicId}/replies`, { body: `Here is how we handle ${word}.` });
  expect(r.statusCode).toBe(201);
  return { slug, other, topicId, replyId: r.json().id, word };
}

/** Expected status per viewer; `hidden` is what outsiders and anonymous get for a secret community. */
type Expect = Record<Who, number | { open: number; secret: number }>;
const read = (hidden = 404): Expect => ({
  anonymous: { open: 200, secret: hidden },
  outsider: { open: 200, secret: hidden },
  member: 200,
  coordinator: 200,
  admin: 200,
});
const coordOnly = (ok: number): Expect => ({
  anonymous: 401,
  outsider: { open: 403, secret: 404 },
  member: 403,
  coordinator: ok,
  admin: ok,
});

/** Anyone signed in who may read the community; 401 for anonymous. */
const signedInRead: Expect = { anonymous: 401, outsider: { open: 200, secret: 404 }, member: 200, coordinator: 200, admin: 200 };

/** Issue 4 fixtures made by the coordinator: an agenda item (optionally linked to the topic) and a practice group they lead. */
async function agendaItem(f: Fixture, link = false) {
  const res = await people.coordinator.post(`/api/communities/${f.slug}/agenda`, { question: `What do we know about ${f.word}?` });
  const id = res.json().id as number;
  if (link) expect((await people.coordinator.put(`/api/communities/${f.slug}/agenda/${id}/topics/${f.topicId}`)).statusCode).toBe(204);
  return id;
}
async function practiceGroup(f: Fixture) {
  const res = await people.coordinator.post(`/api/communities/${f.slug}/subgroups`, { kind: 'practice_group', name: `Group ${f.word}`, leader: people.coordinator.username });
  return res.json().id as number;
}
/** Active members who may post; site admins read but are not members. */
const membersWrite = (ok: number): Expect => ({ anonymous: 401, outsider: { open: 403, secret: 404 }, member: ok, coordinator: ok, admin: 403 });
/** Members (and sponsors, support, admins) only: outsiders of an open community get 403, of a secret one 404. */
const membersRead: Expect = { anonymous: 401, outsider: { open: 403, secret: 404 }, member: 200, coordinator: 200, admin: 200 };

/** The id of a task from the default checklist in the fixture's plan. */
async function defaultTaskId(f: Fixture): Promise<number> {
  const plan = (await people.coordinator.get(`/api/communities/${f.slug}/plan`)).json();
  return plan.needs[0].tasks[0].id;
}

/** An event planned by the coordinator: `days` from now (negative: already held), lasting an hour. */
async function eventIn(f: Fixture, days: number) {
  const at = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);
  const res = await people.coordinator.post(`/api/communities/${f.slug}/events`, {
    kind: 'meeting', cadence: 'regular', title: `Meeting on ${f.word}`, startsAt: at(days * 86400_000), endsAt: at(days * 86400_000 + 3600_000), timeZone: 'UTC',
  });
  expect(res.statusCode).toBe(201);
  const ev = res.json() as { id: number; startsAt: string };
  return { id: ev.id, occ: `/api/events/${ev.id}/occurrences/${ev.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}` };
}
const newEvent = { kind: 'meeting', cadence: 'special', title: 'Matrix meeting', startsAt: '2030-01-10T10:00', endsAt: '2030-01-10T11:00', timeZone: 'Europe/Paris' };

/** Issue 6 fixtures made by the coordinator (its steward): an article (edited once, so version 1 can be restored) and a PDF. */
async function assetOf(f: Fixture, edited = false) {
  const res = await people.coordinator.post(`/api/communities/${f.slug}/assets`, { kind: 'article', title: `Guide to ${f.word}`, body: `All about ${f.word}.` });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as number;
  if (edited) expect((await people.coordinator.patch(`/api/assets/${id}`, { body: `More about ${f.word}.` })).statusCode).toBe(200);
  return id;
}
async function fileAssetOf(f: Fixture) {
  const res = await uploadAsset(people.coordinator, `/api/communities/${f.slug}/assets/files`, { data: makePdf(`Notes on ${f.word}`), name: 'notes.pdf' }, { title: `Notes on ${f.word}` });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
}
async function collectionOf(f: Fixture) {
  const res = await people.coordinator.post(`/api/communities/${f.slug}/collections`, { title: `Kit for ${f.word}` });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
}
/** Anyone signed in who may read the community (members of other communities too). */
const signedInReaders = (ok: number): Expect => ({ anonymous: 401, outsider: { open: ok, secret: 404 }, member: ok, coordinator: ok, admin: ok });

interface Route {
  name: string;
  call: (c: Client, f: Fixture) => Promise<{ statusCode: number }>;
  expect: Expect;
}

const routes: Route[] = [
  { name: 'GET community', call: (c, f) => c.get(`/api/communities/${f.slug}`), expect: read() },
  { name: 'GET members', call: (c, f) => c.get(`/api/communities/${f.slug}/members`), expect: read() },
  { name: 'GET topic feed', call: (c, f) => c.get(`/api/communities/${f.slug}/topics`), expect: read() },
  { name: 'GET topic', call: (c, f) => c.get(`/api/topics/${f.topicId}`), expect: read() },
  { name: 'GET topic posts', call: (c, f) => c.get(`/api/topics/${f.topicId}/posts`), expect: read() },
  { name: 'GET post revisions', call: (c, f) => c.get(`/api/posts/${f.replyId}/revisions`), expect: read() },
  { name: 'GET search in community', call: (c, f) => c.get(`/api/search?q=${f.word}&community=${f.slug}`), expect: read() },
  { name: 'GET people in community', call: (c, f) => c.get(`/api/people?community=${f.slug}`), expect: read() },
  { name: 'GET who-knows in community', call: (c, f) => c.get(`/api/who-knows?q=${f.word}&community=${f.slug}`), expect: read() },
  { name: 'PATCH community', call: (c, f) => c.patch(`/api/communities/${f.slug}`, { purpose: 'New purpose' }), expect: coordOnly(200) },
  {
    name: 'POST join',
    call: (c, f) => c.post(`/api/communities/${f.slug}/join`),
    expect: { anonymous: 401, outsider: { open: 200, secret: 404 }, member: 200, coordinator: 200, admin: { open: 200, secret: 403 } },
  },
  {
    name: 'POST leave',
    call: (c, f) => c.post(`/api/communities/${f.slug}/leave`),
    expect: { anonymous: 401, outsider: { open: 409, secret: 404 }, member: 204, coordinator: 409, admin: 409 },
  },
  { name: 'GET requests', call: (c, f) => c.get(`/api/communities/${f.slug}/requests`), expect: coordOnly(200) },
  { name: 'POST approve request', call: (c, f) => c.post(`/api/communities/${f.slug}/requests/${people.outsider.username}/approve`), expect: coordOnly(404) },
  { name: 'POST decline request', call: (c, f) => c.post(`/api/communities/${f.slug}/requests/${people.outsider.username}/decline`), expect: coordOnly(404) },
  { name: 'POST invitation', call: (c, f) => c.post(`/api/communities/${f.slug}/invitations`, { who: `new${f.word}@example.org` }), expect: coordOnly(201) },
  { name: 'PUT role', call: (c, f) => c.put(`/api/communities/${f.slug}/members/${people.member.username}/roles/cybrarian`), expect: coordOnly(204) },
  { name: 'DELETE role', call: (c, f) => c.delete(`/api/communities/${f.slug}/members/${people.member.username}/roles/broker`), expect: coordOnly(204) },
  {
    name: 'POST topic',
    call: (c, f) => c.post('/api/topics', { communities: [f.slug], title: 'A new question here', body: 'Body text', activityType: 'problem_solving' }),
    expect: { anonymous: 401, outsider: 422, member: 201, coordinator: 201, admin: 422 },
  },
  {
    name: 'PATCH topic',
    call: (c, f) => c.patch(`/api/topics/${f.topicId}`, { tags: ['changed'] }),
    expect: { anonymous: 401, outsider: { open: 403, secret: 404 }, member: 204, coordinator: 204, admin: 204 },
  },
  {
    name: 'POST cross-post',
    call: (c, f) => c.post(`/api/topics/${f.topicId}/communities`, { community: f.other }),
    expect: { anonymous: 401, outsider: { open: 403, secret: 404 }, member: 204, coordinator: 403, admin: 403 },
  },
  {
    name: 'POST reply',
    call: (c, f) => c.post(`/api/topics/${f.topicId}/replies`, { body: 'Me too.' }),
    expect: { anonymous: 401, outsider: { open: 403, secret: 404 }, member: 201, coordinator: 201, admin: 403 },
  },
  {
    name: 'PUT accepted answer',
    call: (c, f) => c.put(`/api/topics/${f.topicId}/accepted`, { postId: f.replyId }),
    expect: { anonymous: 401, outsider: { open: 403, secret: 404 }, member: 204, coordinator: 204, admin: 204 },
  },
  {
    name: 'DELETE accepted answer',
    call: (c, f) => c.delete(`/api/topics/${f.topicId}/accepted`),
    expect: { anonymous: 401, outsider: { open: 403, secret: 404 }, member: 204, coordinator: 204, admin: 204 },
  },
  {
    name: 'PATCH post',
    call: (c, f) => c.patch(`/api/posts/${f.replyId}`, { body: 'Edited text' }),
    expect: { anonymous: 401, outsider: { open: 403, secret: 404 }, member: 403, coordinator: 204, admin: 403 },
  },
  {
    name: 'DELETE post',
    call: (c, f) => c.delete(`/api/posts/${f.replyId}`),
    expect: { anonymous: 401, outsider: { open: 403, secret: 404 }, member: 403, coordinator: 204, admin: 204 },
  },
  { name: 'POST restore post', call: (c, f) => c.post(`/api/posts/${f.replyId}/restore`), expect: coordOnly(204) },
  {
    name: 'PUT helpful',
    call: (c, f) => c.put(`/api/posts/${f.replyId}/helpful`),
    expect: { anonymous: 401, outsider: { open: 200, secret: 404 }, member: 200, coordinator: 403, admin: 200 },
  },
  {
    name: 'DELETE helpful',
    call: (c, f) => c.delete(`/api/posts/${f.replyId}/helpful`),
    expect: { anonymous: 401, outsider: { open: 200, secret: 404 }, member: 200, coordinator: 403, admin: 200 },
  },
  { name: 'GET sponsorship', call: (c, f) => c.get(`/api/communities/${f.slug}/sponsorship`), expect: read() },
  {
    name: 'PUT community sponsor',
    call: (c, f) => c.put(`/api/communities/${f.slug}/sponsors/${people.member.username}`),
    expect: { anonymous: 401, outsider: 403, member: 403, coordinator: 403, admin: 204 },
  },
  { name: 'GET community watch', call: (c, f) => c.get(`/api/communities/${f.slug}/watch`), expect: signedInRead },
  { name: 'PUT community watch', call: (c, f) => c.put(`/api/communities/${f.slug}/watch`, { level: 'watching' }), expect: signedInRead },
  { name: 'GET topic watch', call: (c, f) => c.get(`/api/topics/${f.topicId}/watch`), expect: signedInRead },
  { name: 'PUT topic watch', call: (c, f) => c.put(`/api/topics/${f.topicId}/watch`, { level: 'muted' }), expect: signedInRead },
  { name: 'GET leadership', call: (c, f) => c.get(`/api/communities/${f.slug}/leadership`), expect: read() },
  { name: 'PUT leadership assignment', call: (c, f) => c.put(`/api/communities/${f.slug}/leadership/networking/people/${people.member.username}`), expect: coordOnly(204) },
  {
    name: 'DELETE leadership assignment',
    call: async (c, f) => {
      await people.coordinator.put(`/api/communities/${f.slug}/leadership/networking/people/${people.member.username}`);
      return c.delete(`/api/communities/${f.slug}/leadership/networking/people/${people.member.username}`);
    },
    expect: coordOnly(204),
  },
  { name: 'GET role reflections', call: (c, f) => c.get(`/api/communities/${f.slug}/role-reflections`), expect: read() },
  { name: 'GET role reflection', call: (c, f) => c.get(`/api/communities/${f.slug}/role-reflections/cybrarian`), expect: read() },
  { name: 'PUT role reflection', call: (c, f) => c.put(`/api/communities/${f.slug}/role-reflections/cybrarian`, { purpose: 'Keep it findable.' }), expect: coordOnly(200) },
  { name: 'PUT role reflection of a role held', call: (c, f) => c.put(`/api/communities/${f.slug}/role-reflections/broker`, { purpose: 'Carry it across.' }), expect: { ...coordOnly(200), member: 200 } },
  { name: 'GET orientation', call: (c, f) => c.get(`/api/communities/${f.slug}/orientation`), expect: read() },
  { name: 'PUT orientation ratings', call: (c, f) => c.put(`/api/communities/${f.slug}/orientation`, { ratings: { expertise: 5 } }), expect: coordOnly(200) },
  { name: 'PUT feature', call: (c, f) => c.put(`/api/communities/${f.slug}/features/qa`, { on: false }), expect: coordOnly(200) },
  { name: 'GET agenda', call: (c, f) => c.get(`/api/communities/${f.slug}/agenda`), expect: read() },
  { name: 'POST agenda item', call: (c, f) => c.post(`/api/communities/${f.slug}/agenda`, { question: 'What should we learn next?' }), expect: membersWrite(201) },
  { name: 'GET agenda item', call: async (c, f) => c.get(`/api/communities/${f.slug}/agenda/${await agendaItem(f)}`), expect: read() },
  { name: 'PATCH agenda item', call: async (c, f) => c.patch(`/api/communities/${f.slug}/agenda/${await agendaItem(f)}`, { status: 'exploring' }), expect: coordOnly(200) },
  { name: 'DELETE agenda item', call: async (c, f) => c.delete(`/api/communities/${f.slug}/agenda/${await agendaItem(f)}`), expect: coordOnly(204) },
  { name: 'PUT agenda topic link', call: async (c, f) => c.put(`/api/communities/${f.slug}/agenda/${await agendaItem(f)}/topics/${f.topicId}`), expect: membersWrite(204) },
  { name: 'DELETE agenda topic link', call: async (c, f) => c.delete(`/api/communities/${f.slug}/agenda/${await agendaItem(f, true)}/topics/${f.topicId}`), expect: coordOnly(204) },
  { name: 'GET topic agenda items', call: (c, f) => c.get(`/api/topics/${f.topicId}/agenda`), expect: read() },
  { name: 'GET subgroups', call: (c, f) => c.get(`/api/communities/${f.slug}/subgroups`), expect: read() },
  { name: 'POST subgroup', call: (c, f) => c.post(`/api/communities/${f.slug}/subgroups`, { kind: 'practice_group', name: 'Readers', leader: people.member.username }), expect: coordOnly(201) },
  { name: 'GET subgroup', call: async (c, f) => c.get(`/api/communities/${f.slug}/subgroups/${await practiceGroup(f)}`), expect: read() },
  { name: 'GET subgroup members', call: async (c, f) => c.get(`/api/communities/${f.slug}/subgroups/${await practiceGroup(f)}/members`), expect: read() },
  { name: 'GET subgroup topics', call: async (c, f) => c.get(`/api/communities/${f.slug}/subgroups/${await practiceGroup(f)}/topics`), expect: read() },
  { name: 'PATCH subgroup', call: async (c, f) => c.patch(`/api/communities/${f.slug}/subgroups/${await practiceGroup(f)}`, { description: 'Changed.' }), expect: coordOnly(200) },
  {
    name: 'POST subgroup join',
    call: async (c, f) => c.post(`/api/communities/${f.slug}/subgroups/${await practiceGroup(f)}/join`),
    expect: { ...membersWrite(204), coordinator: 409 },
  },
  {
    name: 'POST subgroup leave',
    call: async (c, f) => {
      const id = await practiceGroup(f);
      await people.member.post(`/api/communities/${f.slug}/subgroups/${id}/join`);
      return c.post(`/api/communities/${f.slug}/subgroups/${id}/leave`);
    },
    expect: { ...membersWrite(204), coordinator: 409, admin: 403 },
  },
  // Cultivation (issue 4: lifecycle, plan, launch process). Sponsors and the support team are in cultivation/*.test.ts.
  { name: 'GET stage history', call: (c, f) => c.get(`/api/communities/${f.slug}/stage-history`), expect: read() },
  { name: 'GET stage signals', call: (c, f) => c.get(`/api/communities/${f.slug}/stage-signals`), expect: membersRead },
  { name: 'GET plan', call: (c, f) => c.get(`/api/communities/${f.slug}/plan`), expect: membersRead },
  { name: 'POST plan task', call: (c, f) => c.post(`/api/communities/${f.slug}/plan/tasks`, { need: 'grow', title: 'Welcome lunch' }), expect: coordOnly(201) },
  {
    name: 'PATCH plan task',
    call: async (c, f) => c.patch(`/api/communities/${f.slug}/plan/tasks/${await defaultTaskId(f)}`, { status: 'doing' }),
    expect: coordOnly(200),
  },
  {
    name: 'DELETE plan task',
    call: async (c, f) => {
      const own = (await people.coordinator.post(`/api/communities/${f.slug}/plan/tasks`, { need: 'renew', title: 'Retire the old wiki' })).json();
      return c.delete(`/api/communities/${f.slug}/plan/tasks/${own.id}`);
    },
    expect: coordOnly(204),
  },
  { name: 'GET launch record', call: (c, f) => c.get(`/api/communities/${f.slug}/launch`), expect: membersRead },
  { name: 'PUT launch step', call: (c, f) => c.put(`/api/communities/${f.slug}/launch/discovery`, { need: 'Share leak data' }), expect: coordOnly(204) },
  // The fixture is already active, so even a coordinator cannot launch it again.
  { name: 'POST launch', call: (c, f) => c.post(`/api/communities/${f.slug}/launch`, {}), expect: coordOnly(409) },
  // Events (issue 5).
  { name: 'GET events', call: (c, f) => c.get(`/api/communities/${f.slug}/events`), expect: read() },
  { name: 'POST event', call: (c, f) => c.post(`/api/communities/${f.slug}/events`, newEvent), expect: coordOnly(201) },
  { name: 'PUT event settings', call: (c, f) => c.put(`/api/communities/${f.slug}/events/settings`, { membersMayCreate: true }), expect: coordOnly(200) },
  { name: 'GET rhythm', call: (c, f) => c.get(`/api/communities/${f.slug}/rhythm`), expect: read() },
  { name: 'GET event', call: async (c, f) => c.get(`/api/events/${(await eventIn(f, 5)).id}`), expect: read() },
  { name: 'GET event occurrences', call: async (c, f) => c.get(`/api/events/${(await eventIn(f, 5)).id}/occurrences`), expect: read() },
  { name: 'GET event .ics', call: async (c, f) => c.get(`/api/events/${(await eventIn(f, 5)).id}/ics`), expect: read() },
  { name: 'PATCH event', call: async (c, f) => c.patch(`/api/events/${(await eventIn(f, 5)).id}`, { title: 'Renamed meeting' }), expect: coordOnly(200) },
  { name: 'DELETE event', call: async (c, f) => c.delete(`/api/events/${(await eventIn(f, 5)).id}`), expect: coordOnly(204) },
  { name: 'GET occurrence', call: async (c, f) => c.get((await eventIn(f, 5)).occ), expect: read() },
  { name: 'PUT occurrence (cancel)', call: async (c, f) => c.put((await eventIn(f, 5)).occ, { action: 'cancel' }), expect: coordOnly(200) },
  { name: 'PUT RSVP', call: async (c, f) => c.put(`${(await eventIn(f, 5)).occ}/rsvp`, { response: 'going' }), expect: membersWrite(200) },
  { name: 'GET RSVPs', call: async (c, f) => c.get(`${(await eventIn(f, 5)).occ}/rsvps`), expect: read() },
  { name: 'GET attendance', call: async (c, f) => c.get(`${(await eventIn(f, -5)).occ}/attendance`), expect: read() },
  { name: 'PUT attendance', call: async (c, f) => c.put(`${(await eventIn(f, -5)).occ}/attendance`, { present: [people.member.username] }), expect: coordOnly(204) },
  { name: 'POST check-in', call: async (c, f) => c.post(`${(await eventIn(f, 0.01)).occ}/check-in`), expect: membersWrite(204) },
  { name: 'PUT event notes', call: async (c, f) => c.put(`${(await eventIn(f, -5)).occ}/notes`, { notes: 'We met.', decisions: 'Meet again.' }), expect: coordOnly(204) },
  {
    name: 'POST community calendar link',
    call: (c, f) => c.post('/api/calendar/tokens', { community: f.slug }),
    expect: { anonymous: 401, outsider: { open: 201, secret: 404 }, member: 201, coordinator: 201, admin: 201 },
  },
  // Issue 6: the knowledge repository.
  { name: 'GET assets', call: (c, f) => c.get(`/api/communities/${f.slug}/assets`), expect: read() },
  { name: 'POST asset (article)', call: (c, f) => c.post(`/api/communities/${f.slug}/assets`, { kind: 'article', title: 'Matrix article', body: 'Text.' }), expect: membersWrite(201) },
  {
    name: 'POST asset file',
    call: (c, f) => uploadAsset(c, `/api/communities/${f.slug}/assets/files`, { data: makePdf('Matrix file'), name: 'm.pdf' }, { title: 'Matrix file' }),
    expect: membersWrite(201),
  },
  { name: 'GET asset', call: async (c, f) => c.get(`/api/assets/${await assetOf(f)}`), expect: read() },
  { name: 'PATCH asset', call: async (c, f) => c.patch(`/api/assets/${await assetOf(f)}`, { body: 'Changed.' }), expect: coordOnly(200) },
  {
    name: 'POST asset new file',
    call: async (c, f) => uploadAsset(c, `/api/assets/${await fileAssetOf(f)}/file`, { data: makePdf('Second'), name: 'two.pdf' }),
    expect: coordOnly(200),
  },
  { name: 'GET asset versions', call: async (c, f) => c.get(`/api/assets/${await assetOf(f)}/versions`), expect: read() },
  { name: 'GET asset version', call: async (c, f) => c.get(`/api/assets/${await assetOf(f)}/versions/1`), expect: read() },
  { name: 'GET asset version file', call: async (c, f) => c.get(`/api/assets/${await fileAssetOf(f)}/versions/1/file`), expect: read() },
  { name: 'POST asset restore', call: async (c, f) => c.post(`/api/assets/${await assetOf(f, true)}/versions/1/restore`), expect: coordOnly(200) },
  { name: 'GET asset reuses', call: async (c, f) => c.get(`/api/assets/${await assetOf(f)}/reuses`), expect: read() },
  { name: 'POST asset reuse', call: async (c, f) => c.post(`/api/assets/${await assetOf(f)}/reuses`, { note: 'Used it.' }), expect: signedInReaders(201) },
  { name: 'POST asset review', call: async (c, f) => c.post(`/api/assets/${await assetOf(f)}/review`, { action: 'confirm' }), expect: coordOnly(200) },
  { name: 'GET collections', call: (c, f) => c.get(`/api/communities/${f.slug}/collections`), expect: read() },
  { name: 'POST collection', call: (c, f) => c.post(`/api/communities/${f.slug}/collections`, { title: 'Matrix kit' }), expect: coordOnly(201) },
  { name: 'GET collection', call: async (c, f) => c.get(`/api/collections/${await collectionOf(f)}`), expect: read() },
  { name: 'PATCH collection', call: async (c, f) => c.patch(`/api/collections/${await collectionOf(f)}`, { title: 'Renamed kit' }), expect: coordOnly(200) },
  {
    name: 'PUT collection items',
    call: async (c, f) => c.put(`/api/collections/${await collectionOf(f)}/items`, { assetIds: [await assetOf(f)] }),
    expect: coordOnly(200),
  },
  { name: 'DELETE collection', call: async (c, f) => c.delete(`/api/collections/${await collectionOf(f)}`), expect: coordOnly(204) },
  { name: 'GET repository settings', call: (c, f) => c.get(`/api/communities/${f.slug}/repository-settings`), expect: read() },
  { name: 'PUT repository settings', call: (c, f) => c.put(`/api/communities/${f.slug}/repository-settings`, { reviewAfterDays: 90 }), expect: coordOnly(200) },
  { name: 'GET topic assets', call: (c, f) => c.get(`/api/topics/${f.topicId}/assets`), expect: read() },
  { name: 'GET event assets', call: async (c, f) => c.get(`/api/events/${(await eventIn(f, 5)).id}/assets`), expect: read() },
  {
    name: 'PATCH asset links',
    call: async (c, f) => c.patch(`/api/assets/${await assetOf(f)}`, { topicIds: [f.topicId] }),
    expect: coordOnly(200),
  },
  { name: 'GET search assets in community', call: (c, f) => c.get(`/api/search?kind=asset&q=${f.word}&community=${f.slug}`), expect: read() },
];

describe.each(['open', 'secret'] as Vis[])('%s community', (vis) => {
  for (const route of routes) {
    it.each(WHO)(`${route.name} as %s`, async (who) => {
      const f = await fixture(vis);
      const want = route.expect[who];
      const status = typeof want === 'number' ? want : want[vis];
      const res = await route.call(people[who], f);
      expect(res.statusCode, `${route.name} as ${who} (${vis})`).toBe(status);
    });
  }

  it.each(WHO)('lists, search and profiles show the community to %s only when allowed', async (who) => {
    const f = await fixture(vis);
    const c = people[who];
    const visible = vis === 'open' || who === 'member' || who === 'coordinator' || who === 'admin';
    const list = await c.get(`/api/communities?limit=50&q=${f.word}`);
    const slugs = list.json().items.map((i: { slug: string }) => i.slug);
    expect(slugs.includes(f.slug)).toBe(visible);
    const search = await c.get(`/api/search?q=${f.word}`);
    expect(search.statusCode).toBe(200);
    const found = search.json().items.some((h: { url: string; title: string }) => h.title.includes(f.word));
    expect(found).toBe(visible);
    // A fresh person, so their profile lists only this community and topic.
    const fresh = await signedInClient(t);
    await people.coordinator.post(`/api/communities/${f.slug}/invitations`, { who: fresh.username });
    expect((await fresh.post(`/api/communities/${f.slug}/join`)).statusCode).toBe(200);
    const topicId = await makeTopic(fresh, [f.slug]);
    const profile = await c.get(`/api/people/${fresh.username}`);
    expect(profile.json().communities.some((x: { slug: string }) => x.slug === f.slug)).toBe(visible);
    expect(profile.json().recentTopics.some((x: { id: number }) => x.id === topicId)).toBe(visible);
    // Neither the directory's role filter nor "who knows" evidence may hint at the membership.
    await people.coordinator.put(`/api/communities/${f.slug}/members/${fresh.username}/roles/journalist`);
    expect((await fresh.post(`/api/topics/${f.topicId}/replies`, { body: `I know ${f.word} well.` })).statusCode).toBe(201);
    const dir = await c.get(`/api/people?q=${fresh.username}&role=journalist`);
    expect(dir.statusCode).toBe(200);
    expect(dir.json().items.some((x: { username: string }) => x.username === fresh.username)).toBe(visible);
    const experts = await c.get(`/api/who-knows?q=${f.word}`);
    expect(experts.statusCode).toBe(200);
    expect(experts.json().items.some((x: { username: string }) => x.username === fresh.username)).toBe(visible);
    // The same after the precomputed evidence is rebuilt (docs/decisions/006).
    await t.app.jobs.runNow('expertise.refresh');
    const after = await c.get(`/api/who-knows?q=${f.word}`);
    expect(after.json().items.some((x: { username: string }) => x.username === fresh.username)).toBe(visible);
  });
});

describe('routes without a community', () => {
  it.each(WHO)('GET /api/me/invitations as %s', async (who) => {
    const res = await people[who].get('/api/me/invitations');
    expect(res.statusCode).toBe(who === 'anonymous' ? 401 : 200);
  });
  it.each(WHO)('domain portfolio and sponsorships as %s', async (who) => {
    const c = people[who];
    expect((await c.get('/api/domains')).statusCode).toBe(who === 'anonymous' ? 401 : 200);
    expect((await c.get('/api/me/sponsorships')).statusCode).toBe(who === 'anonymous' ? 401 : 200);
    const created = await c.post('/api/domains', { name: `Domain for ${who} ${Date.now()}`, priority: 3, stance: 'engage' });
    expect(created.statusCode).toBe(who === 'anonymous' ? 401 : who === 'admin' ? 201 : 403);
    const id = who === 'admin' ? created.json().id : 1;
    expect((await c.patch(`/api/domains/${id}`, { priority: 2 })).statusCode).toBe(who === 'anonymous' ? 401 : who === 'admin' ? 204 : 403);
    expect((await c.put(`/api/domains/${id}/sponsors/${people.member.username}`)).statusCode).toBe(who === 'anonymous' ? 401 : who === 'admin' ? 204 : 403);
    expect((await c.delete(`/api/domains/${id}`)).statusCode).toBe(who === 'anonymous' ? 401 : who === 'admin' ? 204 : 403);
  });
  it.each(WHO)('inbox and notification settings as %s', async (who) => {
    const c = people[who];
    const want = who === 'anonymous' ? 401 : 200;
    expect((await c.get('/api/notifications')).statusCode).toBe(want);
    expect((await c.get('/api/notifications/unread-count')).statusCode).toBe(want);
    expect((await c.post('/api/notifications/read-all')).statusCode).toBe(want);
    expect((await c.get('/api/me/notification-settings')).statusCode).toBe(want);
    expect((await c.put('/api/me/notification-settings', { digestFrequency: 'daily' })).statusCode).toBe(want);
    expect((await c.post('/api/notifications/999999/read')).statusCode).toBe(who === 'anonymous' ? 401 : 404);
  });
  it.each(WHO)('own profile, expertise, photo and communities as %s', async (who) => {
    const c = people[who];
    const want = (ok: number) => (who === 'anonymous' ? 401 : ok);
    expect((await c.get('/api/me/profile')).statusCode).toBe(want(200));
    expect((await c.patch('/api/me/profile', { location: 'Leeds' })).statusCode).toBe(want(200));
    expect((await c.put('/api/me/expertise', { areas: [{ tag: 'valves', level: 'practitioner' }] })).statusCode).toBe(want(200));
    expect((await c.delete('/api/me/photo')).statusCode).toBe(want(204));
    expect((await c.get('/api/me/communities')).statusCode).toBe(want(200));
  });
  it.each(WHO)('the directory and "who knows" as %s', async (who) => {
    expect((await people[who].get('/api/people?q=person')).statusCode).toBe(200);
    expect((await people[who].get('/api/who-knows?q=valves')).statusCode).toBe(200);
  });
  it.each(WHO)('the email outbox (site admins only) as %s', async (who) => {
    const c = people[who];
    const want = who === 'anonymous' ? 401 : who === 'admin' ? 200 : 403;
    const [row] = (
      await t.pool.query(`insert into email_outbox (kind, to_address, subject, text, html) values ('test', 'a@example.org', 'Hi', 'Hi', '<p>Hi</p>') returning id`)
    ).rows;
    expect((await c.get('/api/admin/outbox')).statusCode).toBe(want);
    expect((await c.get(`/api/admin/outbox/${row.id}`)).statusCode).toBe(want);
  });
  it.each(WHO)('unsubscribe links answer the same to everyone (the token is the credential) as %s', async (who) => {
    const res = await people[who].request('POST', '/api/email/unsubscribe?token=not-a-token&kind=digest', {}, { csrf: false });
    expect(res.statusCode).toBe(404);
  });
  it.each(WHO)('personal calendar links as %s', async (who) => {
    const c = people[who];
    const want = (ok: number) => (who === 'anonymous' ? 401 : ok);
    expect((await c.get('/api/calendar/tokens')).statusCode).toBe(want(200));
    const created = await c.post('/api/calendar/tokens', {});
    expect(created.statusCode).toBe(want(201));
    if (who !== 'anonymous') {
      const feed = await new Client(t.app).get(new URL(created.json().url).pathname);
      expect(feed.statusCode).toBe(200);
      expect((await c.delete(`/api/calendar/tokens/${created.json().id}`)).statusCode).toBe(204);
    }
    expect((await c.delete('/api/calendar/tokens/999999')).statusCode).toBe(want(404));
  });
  it.each(WHO)('GET /api/me/reviews as %s', async (who) => {
    expect((await people[who].get('/api/me/reviews')).statusCode).toBe(who === 'anonymous' ? 401 : 200);
  });
  it.each(WHO)('GET /api/proposals as %s', async (who) => {
    expect((await people[who].get('/api/proposals')).statusCode).toBe(who === 'anonymous' ? 401 : who === 'admin' ? 200 : 403);
  });
  it.each(WHO)('GET /api/model and /api/auth/session as %s', async (who) => {
    expect((await people[who].get('/api/model')).statusCode).toBe(200);
    expect((await people[who].get('/api/auth/session')).statusCode).toBe(200);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OWN_TASKS } from '../../../shared/contracts/cultivation.ts';
import { cultivationNeeds } from '../../../shared/model/catalogue.ts';
import { migrationsFolder } from '../../db/migrate.ts';
import { Client, createTestApp, makeCommunity, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let coord: Client;
let member: Client;
let outsider: Client;

beforeAll(async () => {
  t = await createTestApp();
  coord = await signedInClient(t);
  member = await signedInClient(t);
  outsider = await signedInClient(t);
});
afterAll(() => t.close());

async function community(over: Record<string, unknown> = {}) {
  const slug = await makeCommunity(coord, over);
  if (over.visibility === 'secret') await coord.post(`/api/communities/${slug}/invitations`, { who: member.username });
  expect((await member.post(`/api/communities/${slug}/join`)).statusCode).toBe(200);
  return slug;
}
const plan = async (c: Client, slug: string) => (await c.get(`/api/communities/${slug}/plan`)).json();
const taskOf = (p: { needs: { key: string; tasks: { id: number; title: string }[] }[] }, title: string) =>
  p.needs.flatMap((n) => n.tasks).find((x) => x.title === title)!;
const idOf = async (username: string) => (await t.pool.query('select id from users where username = $1', [username])).rows[0].id as number;
const communityId = async (slug: string) => (await t.pool.query('select id from communities where slug = $1', [slug])).rows[0].id as number;

describe('the cultivation plan', () => {
  it('starts with the default checklist: the eight needs in order with their tasks, early needs highlighted while young', async () => {
    const slug = await community();
    const p = await plan(member, slug);
    expect(p.needs.map((n: { key: string }) => n.key)).toEqual(cultivationNeeds.map((n) => n.key));
    for (const [i, need] of cultivationNeeds.entries()) {
      expect(p.needs[i].tasks.map((x: { title: string; isDefault: boolean; status: string }) => [x.title, x.isDefault, x.status])).toEqual(
        need.tasks.map((title) => [title, true, 'todo']),
      );
      expect(p.needs[i]).toMatchObject({ phase: need.phase, highlighted: need.phase === 'early', progress: { done: 0, total: 3 } });
    }
    expect(p).toMatchObject({ stage: 'potential', highlight: 'early', canEdit: false, progress: { done: 0, total: 24 } });

    await coord.patch(`/api/communities/${slug}`, { stage: 'maturing' });
    const later = await plan(coord, slug);
    expect(later).toMatchObject({ highlight: 'later', canEdit: true });
    expect(later.needs.filter((n: { highlighted: boolean }) => n.highlighted).map((n: { key: string }) => n.key)).toEqual(['strategize', 'grow', 'assess', 'renew']);
  });

  it('lets a coordinator give a task an owner, a due date, a status and notes, and counts progress per need', async () => {
    const slug = await community();
    const interview = taskOf(await plan(coord, slug), 'Interview members');
    const res = await coord.patch(`/api/communities/${slug}/plan/tasks/${interview.id}`, {
      owner: member.username,
      dueDate: '2026-03-31',
      status: 'done',
      notes: 'Spoke to 12 practitioners in three regions.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ owner: { username: member.username }, dueDate: '2026-03-31', status: 'done', notes: 'Spoke to 12 practitioners in three regions.' });
    const sponsor = taskOf(await plan(coord, slug), 'Find an initial sponsor');
    await coord.patch(`/api/communities/${slug}/plan/tasks/${sponsor.id}`, { status: 'skipped' });
    const p = await plan(coord, slug);
    expect(p.needs[0].progress).toEqual({ done: 1, total: 2 });
    expect(p.progress).toEqual({ done: 1, total: 23 });
    // Owners can be cleared.
    expect((await coord.patch(`/api/communities/${slug}/plan/tasks/${interview.id}`, { owner: null, dueDate: null })).json()).toMatchObject({ owner: null, dueDate: null });
  });

  it('lets a coordinator add, rename and delete tasks of their own, but never delete or rename the default ones', async () => {
    const slug = await community();
    const created = await coord.post(`/api/communities/${slug}/plan/tasks`, { need: 'build', title: 'Monthly leak clinic', owner: coord.username, dueDate: '2026-05-01' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ need: 'build', title: 'Monthly leak clinic', isDefault: false, status: 'todo', owner: { username: coord.username } });
    const second = (await coord.post(`/api/communities/${slug}/plan/tasks`, { need: 'build', title: 'Buddy scheme for newcomers', status: 'doing' })).json();
    const build = (await plan(coord, slug)).needs.find((n: { key: string }) => n.key === 'build');
    expect(build.tasks.map((x: { title: string }) => x.title)).toEqual([...cultivationNeeds[2].tasks, 'Monthly leak clinic', 'Buddy scheme for newcomers']);

    expect((await coord.patch(`/api/communities/${slug}/plan/tasks/${second.id}`, { title: 'Buddy scheme' })).json().title).toBe('Buddy scheme');
    const dflt = taskOf(await plan(coord, slug), 'Create repositories');
    const rename = await coord.patch(`/api/communities/${slug}/plan/tasks/${dflt.id}`, { title: 'Something else' });
    expect(rename.statusCode).toBe(422);
    expect(rename.json().errors[0].path).toBe('title');
    const del = await coord.delete(`/api/communities/${slug}/plan/tasks/${dflt.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('default_task');
    expect((await coord.delete(`/api/communities/${slug}/plan/tasks/${second.id}`)).statusCode).toBe(204);
    expect((await coord.delete(`/api/communities/${slug}/plan/tasks/${second.id}`)).statusCode).toBe(404);
    expect((await plan(coord, slug)).progress.total).toBe(25);
  });

  it('keeps tasks inside their community', async () => {
    const a = await community();
    const b = await community();
    const task = taskOf(await plan(coord, a), 'Interview members');
    expect((await coord.patch(`/api/communities/${b}/plan/tasks/${task.id}`, { status: 'done' })).statusCode).toBe(404);
    expect((await coord.delete(`/api/communities/${b}/plan/tasks/${task.id}`)).statusCode).toBe(404);
    expect(taskOf(await plan(coord, a), 'Interview members')).toMatchObject({ status: 'todo' });
  });

  it('refuses bad input, naming the field, and changes nothing', async () => {
    const slug = await community();
    const task = taskOf(await plan(coord, slug), 'Interview members');
    const before = await plan(coord, slug);
    const add = (body: Record<string, unknown>) => coord.post(`/api/communities/${slug}/plan/tasks`, { need: 'build', title: 'A fine task', ...body });
    const edit = (body: Record<string, unknown>) => coord.patch(`/api/communities/${slug}/plan/tasks/${task.id}`, body);
    const cases: [Promise<{ statusCode: number; json: () => { errors: { path: string }[] } }>, string][] = [
      [add({ need: 'celebrate' }), 'need'],
      [add({ title: 'x' }), 'title'],
      [add({ title: 'x'.repeat(201) }), 'title'],
      [add({ dueDate: 'next tuesday' }), 'dueDate'],
      [add({ dueDate: '2026-02-30' }), 'dueDate'],
      [add({ status: 'finished' }), 'status'],
      [add({ owner: outsider.username }), 'owner'],
      [add({ owner: "x'); drop table users; --" }), 'owner'],
      [add({ notes: 'x'.repeat(2001) }), 'notes'],
      [add({ colour: 'red' }), ''],
      [edit({ status: 'finished' }), 'status'],
      [edit({ owner: 'nobody-here' }), 'owner'],
      [edit({}), 'body'],
    ];
    for (const [call, field] of cases) {
      const res = await call;
      expect([400, 422]).toContain(res.statusCode);
      if (field) expect(res.json().errors.map((e) => e.path)).toContain(field);
    }
    expect((await coord.patch(`/api/communities/${slug}/plan/tasks/abc`, { status: 'done' })).statusCode).toBe(400);
    expect(await plan(coord, slug)).toEqual(before);
  });

  it('holds at most the default checklist plus the coordinators’ own tasks', async () => {
    const slug = await community();
    const id = await communityId(slug);
    await t.pool.query(
      `insert into cultivation_tasks (community_id, need, title, position) select $1, 'build', 'Task ' || g, g from generate_series(1, $2::int) g`,
      [id, MAX_OWN_TASKS],
    );
    const res = await coord.post(`/api/communities/${slug}/plan/tasks`, { need: 'build', title: 'One too many' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('too_many_tasks');
    expect((await plan(coord, slug)).progress.total).toBe(24 + MAX_OWN_TASKS);
  });
});

describe('who may read and edit the plan', () => {
  it('lets members, sponsors (direct or through a domain), the support team and site admins read; only coordinators and admins edit', async () => {
    const slug = await community();
    const id = await communityId(slug);
    const direct = await signedInClient(t);
    const viaDomain = await signedInClient(t);
    const support = await signedInClient(t, { siteRole: 'support' });
    const admin = await signedInClient(t, { siteRole: 'admin' });
    await t.pool.query('insert into sponsorships (user_id, community_id) values ($1, $2)', [await idOf(direct.username!), id]);
    const domain = (await t.pool.query(`insert into domains (name, stance) values ('Water loss', 'sponsor') returning id`)).rows[0].id;
    await t.pool.query('insert into community_domains (community_id, domain_id) values ($1, $2)', [id, domain]);
    await t.pool.query('insert into sponsorships (user_id, domain_id) values ($1, $2)', [await idOf(viaDomain.username!), domain]);
    const task = taskOf(await plan(coord, slug), 'Interview members');

    for (const c of [member, direct, viaDomain, support]) {
      const res = await c.get(`/api/communities/${slug}/plan`);
      expect(res.statusCode).toBe(200);
      expect(res.json().canEdit).toBe(false);
      expect((await c.get(`/api/communities/${slug}/launch`)).statusCode).toBe(200);
      expect((await c.get(`/api/communities/${slug}/stage-signals`)).statusCode).toBe(200);
      expect((await c.patch(`/api/communities/${slug}/plan/tasks/${task.id}`, { status: 'done' })).statusCode).toBe(403);
      expect((await c.post(`/api/communities/${slug}/plan/tasks`, { need: 'grow', title: 'Not mine to add' })).statusCode).toBe(403);
    }
    expect((await direct.get(`/api/communities/${slug}`)).json().viewer.canReadCultivation).toBe(true);
    expect((await admin.get(`/api/communities/${slug}/plan`)).json().canEdit).toBe(true);
    expect((await admin.patch(`/api/communities/${slug}/plan/tasks/${task.id}`, { status: 'doing' })).statusCode).toBe(200);
    expect((await outsider.get(`/api/communities/${slug}/plan`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/communities/${slug}`)).json().viewer.canReadCultivation).toBe(false);
    expect((await new Client(t.app).get(`/api/communities/${slug}/plan`)).statusCode).toBe(401);
  });

  it('answers 404 to outsiders of a secret community', async () => {
    const slug = await community({ visibility: 'secret' });
    expect((await member.get(`/api/communities/${slug}/plan`)).statusCode).toBe(200);
    const support = await signedInClient(t, { siteRole: 'support' });
    for (const c of [outsider, support]) {
      expect((await c.get(`/api/communities/${slug}/plan`)).statusCode).toBe(404);
      expect((await c.get(`/api/communities/${slug}/launch`)).statusCode).toBe(404);
      expect((await c.post(`/api/communities/${slug}/plan/tasks`, { need: 'grow', title: 'Sneaky' })).statusCode).toBe(404);
    }
  });
});

describe('communities from before the plan existed', () => {
  it('get the default checklist and a first stage entry from the migration backfill, once', async () => {
    const { rows } = await t.pool.query(
      `insert into communities (slug, name, domain_statement, domain_type, structure_kind, visibility, stage, created_at)
       values ('from-before', 'From before', 'A community older than the plan.', 'technical', 'network', 'open', 'maturing', now() - interval '400 days') returning id`,
    );
    const sql = readFileSync(path.join(migrationsFolder, '0006_launch_and_plan.sql'), 'utf8');
    const backfill = sql.split('--> statement-breakpoint').filter((s) => /^\s*(--.*\n)*\s*INSERT/i.test(s));
    expect(backfill).toHaveLength(2);
    for (let i = 0; i < 2; i++) for (const statement of backfill) await t.pool.query(statement);
    const tasks = await t.pool.query('select need, title from cultivation_tasks where community_id = $1 and is_default order by need, position', [rows[0].id]);
    expect(tasks.rowCount).toBe(24);
    const history = await t.pool.query('select from_stage, to_stage from stage_changes where community_id = $1', [rows[0].id]);
    expect(history.rows).toEqual([{ from_stage: null, to_stage: 'maturing' }]);
  });
});

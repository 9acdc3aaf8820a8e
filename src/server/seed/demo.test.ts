import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTypeKeys, stageKeys } from '../../shared/model/catalogue.ts';
import { filesRoot, localStorage } from '../lib/storage.ts';
import { Client, createTestApp, type TestApp } from '../test/harness.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty } from './demo.ts';

let t: TestApp;
let result: Awaited<ReturnType<typeof seedDemoIfEmpty>>;
let seconds = 0;

// The demo repository's files go to a throw-away DATA_DIR, served by the app like uploads.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'demo-test-'));

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: dataDir });
  const started = performance.now();
  result = await seedDemoIfEmpty(t.db, { storage: localStorage(filesRoot(dataDir)) });
  seconds = (performance.now() - started) / 1000;
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const signIn = async (login: string) => {
  const c = new Client(t.app);
  expect((await c.post('/api/auth/signin', { login, password: DEMO_PASSWORD })).statusCode).toBe(200);
  return c;
};

const one = async <T>(text: string) => (await t.pool.query(text)).rows[0] as T;
const all = async <T>(text: string) => (await t.pool.query(text)).rows as T[];

describe('demo data', () => {
  it('fills an empty database with an organization of about 8 communities and 60 people, quickly', async () => {
    expect(result).not.toBeNull();
    expect(result!.communities).toBeGreaterThanOrEqual(7);
    expect(result!.communities).toBeLessThanOrEqual(10);
    expect(result!.people).toBeGreaterThanOrEqual(55);
    expect(result!.people).toBeLessThanOrEqual(70);
    expect(result!.topics).toBeGreaterThanOrEqual(20);
    const counts = await one<{ communities: number; people: number; topics: number; replies: number }>(`
      select (select count(*) from communities)::int as communities, (select count(*) from users)::int as people,
             (select count(*) from topics)::int as topics, (select count(*) from posts where not is_opening)::int as replies`);
    expect(counts).toMatchObject({ communities: result!.communities, people: result!.people, topics: result!.topics });
    expect(counts.replies).toBeGreaterThan(counts.topics);
    expect(seconds).toBeLessThan(15);
  });

  it('covers every stage, every domain type, several structure kinds and every visibility, with one secret community', async () => {
    const c = await all<{ stage: string; domain_type: string; structure_kind: string; visibility: string }>(
      'select stage, domain_type, structure_kind, visibility from communities',
    );
    expect(new Set(c.map((r) => r.stage))).toEqual(new Set(stageKeys));
    expect(new Set(c.map((r) => r.domain_type))).toEqual(new Set(domainTypeKeys));
    const kinds = new Set(c.map((r) => r.structure_kind));
    for (const k of ['community_of_practice', 'network', 'task_force', 'center_of_excellence']) expect(kinds).toContain(k);
    expect(c.filter((r) => r.visibility === 'secret')).toHaveLength(1);
    for (const v of ['open', 'by_request', 'invite_only']) expect(c.some((r) => r.visibility === v)).toBe(true);
  });

  it('gives every community a coordinator, people several memberships and roles from the catalogue', async () => {
    const without = await all(`select slug from communities c where not exists (select 1 from member_roles r where r.community_id = c.id and r.role = 'coordinator')`);
    expect(without).toEqual([]);
    const few = await all(`
      select u.username from users u where u.site_role = 'member'
        and (select count(*) from memberships m where m.user_id = u.id and m.status = 'active') < 2`);
    expect(few).toEqual([]);
    const roles = (await all<{ role: string }>('select distinct role from member_roles')).map((r) => r.role);
    for (const r of ['coordinator', 'cybrarian', 'journalist', 'core_group_member', 'subject_matter_expert', 'broker']) expect(roles).toContain(r);
    const pending = await one<{ requested: number; invited: number }>(
      `select count(*) filter (where status = 'requested')::int as requested, count(*) filter (where status = 'invited')::int as invited from memberships`,
    );
    expect(pending.requested).toBeGreaterThan(0);
    expect(pending.invited).toBeGreaterThan(0);
  });

  it('has answered and unanswered questions, helpful marks, mentions and cross-posts, with consistent counters', async () => {
    const q = await one<{ answered: number; unanswered: number; helpful: number; mentions: number; crossposted: number; activities: number }>(`
      select (select count(*) from topics where is_question and accepted_post_id is not null)::int as answered,
             (select count(*) from topics t where is_question and accepted_post_id is null and reply_count = 0)::int as unanswered,
             (select count(*) from helpful_marks)::int as helpful,
             (select count(*) from mentions)::int as mentions,
             (select count(*) from (select topic_id from topic_communities group by topic_id having count(*) > 1) x)::int as crossposted,
             (select count(distinct activity_type) from topics)::int as activities`);
    expect(q.answered).toBeGreaterThanOrEqual(5);
    expect(q.unanswered).toBeGreaterThanOrEqual(2);
    expect(q.helpful).toBeGreaterThan(20);
    expect(q.mentions).toBeGreaterThan(0);
    expect(q.crossposted).toBeGreaterThanOrEqual(2);
    expect(q.activities).toBeGreaterThanOrEqual(8);
    const wrong = await one<{ members: number; topics: number; replies: number; helpful: number; activity: number }>(`
      select
        (select count(*) from communities c where member_count <> (select count(*) from memberships m where m.community_id = c.id and m.status = 'active'))::int as members,
        (select count(*) from communities c where topic_count <> (select count(*) from topic_communities tc where tc.community_id = c.id and not tc.deleted))::int as topics,
        (select count(*) from topics t where reply_count <> (select count(*) from posts p where p.topic_id = t.id and not p.is_opening and p.deleted_at is null))::int as replies,
        (select count(*) from posts p where helpful_count <> (select count(*) from helpful_marks h where h.post_id = p.id))::int as helpful,
        (select count(*) from topic_communities tc join topics t on t.id = tc.topic_id
           where tc.last_activity_at <> t.last_activity_at
              or t.last_activity_at <> (select max(created_at) from posts p where p.topic_id = t.id))::int as activity`);
    expect(wrong).toEqual({ members: 0, topics: 0, replies: 0, helpful: 0, activity: 0 });
  });

  it('spreads activity over the past months, never in the future', async () => {
    const span = await one<{ oldest: number; newest: number; future: number }>(`
      select extract(epoch from now() - min(created_at)) / 86400 as oldest,
             extract(epoch from now() - max(created_at)) / 86400 as newest,
             (select count(*) from posts where created_at > now())::int as future
      from posts`);
    expect(Number(span.oldest)).toBeGreaterThan(90);
    expect(Number(span.newest)).toBeLessThan(7);
    expect(span.future).toBe(0);
  });

  it('renders Markdown and links @mentions', async () => {
    const post = await one<{ body_html: string }>(`select body_html from posts where body_source like '%@james%' limit 1`);
    expect(post.body_html).toContain('<a href="/people/james" class="mention">@james</a>');
  });

  it('gives several communities a repository: articles, links, real files found by their text, a collection, reuse and something to review', async () => {
    const maria = await signIn('maria');
    const repo = (await maria.get('/api/communities/network-operations/assets?limit=50')).json().items as { id: number; kind: string; title: string; needsReview: boolean; reuseCount: number }[];
    expect(new Set(repo.map((a) => a.kind))).toEqual(new Set(['article', 'file', 'link']));
    const perCommunity = await all<{ n: number }>('select count(*)::int as n from assets group by community_id');
    expect(perCommunity.length).toBeGreaterThanOrEqual(4);
    // The step test PDF: stored, several pages, its text found by search, linked to its topic, reused.
    const pdf = repo.find((a) => a.title === 'Step test procedure (2024)')!;
    const detail = (await maria.get(`/api/assets/${pdf.id}`)).json();
    expect(detail.version.file.mime).toBe('application/pdf');
    expect(detail.topics.map((x: { title: string }) => x.title)).toContain('Step test procedure and valve sheet template (2024 version)');
    expect(detail.reuseCount).toBeGreaterThanOrEqual(2);
    const file = await maria.get(detail.version.file.downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.body.startsWith('%PDF-')).toBe(true);
    const found = (await maria.get(`/api/search?kind=asset&q=${encodeURIComponent('critical point falls below')}`)).json().items as { title: string }[];
    expect(found.map((r) => r.title)).toContain('Step test procedure (2024)');
    // An image, and an article with a second version.
    expect(repo.some((a) => a.kind === 'file' && a.title.includes('night flow'))).toBe(true);
    const article = repo.find((a) => a.title === 'How we calculate DMA leakage')!;
    expect((await maria.get(`/api/assets/${article.id}/versions`)).json().items.length).toBe(2);
    // Maria, its coordinator, steward of an asset past its review date: it needs review and sits in her queue.
    expect(repo.filter((a) => a.needsReview).map((a) => a.title)).toContain('Valve exercising checklist (2023)');
    expect((await maria.get('/api/me/reviews')).json().items.map((a: { title: string }) => a.title)).toContain('Valve exercising checklist (2023)');
    const emma = await signIn('emma');
    expect((await emma.get('/api/me/reviews')).json().items.length).toBeGreaterThanOrEqual(1);
    // The cybrarian's onboarding kit, in order.
    const kits = (await maria.get('/api/communities/network-operations/collections')).json().items as { id: number; title: string; itemCount: number }[];
    const kit = kits.find((c) => c.title === 'Onboarding kit')!;
    expect(kit.itemCount).toBe(3);
    expect((await maria.get(`/api/collections/${kit.id}`)).json().items[0].title).toBe('How we calculate DMA leakage');
    // A community with its own review period.
    expect((await maria.get('/api/communities/asset-management/repository-settings')).json().reviewAfterDays).toBe(180);
  });

  it('does nothing when the database already has people', async () => {
    const before = await one<{ n: number }>('select (select count(*) from users) + (select count(*) from posts) + (select count(*) from memberships) as n');
    expect(await seedDemoIfEmpty(t.db)).toBeNull();
    const after = await one<{ n: number }>('select (select count(*) from users) + (select count(*) from posts) + (select count(*) from memberships) as n');
    expect(after).toEqual(before);
  });

  it('lets the demo accounts sign in with the documented password', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const c = new Client(t.app);
      const res = await c.post('/api/auth/signin', { login: account.username, password: account.password });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.siteRole).toBe(account.username === 'admin' ? 'admin' : account.username === 'emma' ? 'support' : 'member');
    }
  });

  it('has a domain portfolio with linked communities and sponsors', async () => {
    const admin = new Client(t.app);
    await admin.post('/api/auth/signin', { login: 'admin', password: DEMO_ACCOUNTS[0].password });
    const domains = (await admin.get('/api/domains?limit=50')).json().items as { priority: number; communities: unknown[]; sponsors: unknown[] }[];
    expect(domains.length).toBeGreaterThanOrEqual(5);
    expect(domains[0].priority).toBe(1);
    expect(domains.every((d) => d.communities.length > 0)).toBe(true);
    const nora = new Client(t.app);
    await nora.post('/api/auth/signin', { login: 'nora', password: DEMO_ACCOUNTS[0].password });
    expect((await nora.get('/api/me/sponsorships')).json().items.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the secret community and the open proposal out of sight of a signed-out visitor', async () => {
    const res = await new Client(t.app).get('/api/communities?limit=50');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { visibility: string; status: string }[];
    expect(items.map((c) => c.visibility)).not.toContain('secret');
    expect(items.map((c) => c.status)).not.toContain('proposed');
    expect(items.length).toBe(result!.communities - 2);
  });

  it('gives every community a stage history ending at its stage, a launch record and plan progress that grows with its stage', async () => {
    const rows = await all<{ slug: string; stage: string; last: string; entries: number; launched: boolean; done: number; total: number; owned: number }>(`
      select c.slug, c.stage,
             (select s.to_stage from stage_changes s where s.community_id = c.id order by s.created_at desc, s.id desc limit 1) as last,
             (select count(*)::int from stage_changes s where s.community_id = c.id) as entries,
             exists (select 1 from launch_records l where l.community_id = c.id and l.launched_at is not null) as launched,
             (select count(*)::int from cultivation_tasks t where t.community_id = c.id and t.status = 'done') as done,
             (select count(*)::int from cultivation_tasks t where t.community_id = c.id and t.is_default) as total,
             (select count(*)::int from cultivation_tasks t where t.community_id = c.id and t.owner_id is not null) as owned
      from communities c where c.status = 'active'`);
    for (const r of rows) {
      expect(r.last, r.slug).toBe(r.stage);
      expect(r.entries, r.slug).toBe(stageKeys.indexOf(r.stage as (typeof stageKeys)[number]) + 1);
      expect(r.launched, r.slug).toBe(true);
      expect(r.total, r.slug).toBe(24);
      expect(r.owned, r.slug).toBeGreaterThan(0);
    }
    const doneAt = (stage: string) => Math.max(...rows.filter((r) => r.stage === stage).map((r) => r.done));
    expect(doneAt('potential')).toBeLessThan(doneAt('coalescing'));
    expect(doneAt('coalescing')).toBeLessThan(doneAt('maturing'));
    expect(doneAt('maturing')).toBeLessThan(doneAt('stewardship'));
    const reasons = await one<{ n: number }>(`select count(*)::int as n from stage_changes where from_stage is not null and reason <> ''`);
    expect(reasons.n).toBeGreaterThan(10);
  });

  it('has one proposal part-way through the launch process, seen by its coordinator but not by outsiders', async () => {
    const proposals = await all<{ slug: string }>(`select slug from communities where status = 'proposed'`);
    expect(proposals).toHaveLength(1);
    const kenji = new Client(t.app);
    await kenji.post('/api/auth/signin', { login: 'kenji', password: DEMO_ACCOUNTS[0].password });
    const record = (await kenji.get(`/api/communities/${proposals[0].slug}/launch`)).json();
    expect(record).toMatchObject({ status: 'proposed', canLaunch: true, advisor: { recommended: 'community_of_practice' } });
    expect(record.progress.complete).toBeGreaterThanOrEqual(2);
    expect(record.progress.complete).toBeLessThan(4);
    expect(record.designTeam.length).toBeGreaterThanOrEqual(3);
    expect((await new Client(t.app).get(`/api/communities/${proposals[0].slug}`)).statusCode).toBe(404);
  });
});

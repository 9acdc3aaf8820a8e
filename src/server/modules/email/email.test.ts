import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';
import { firstAddress, startTestSmtp, type TestSmtp } from './email.testing.ts';

const APP_URL = 'https://constellation.example.org';

let smtp: TestSmtp;
let t: TestApp;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url, APP_URL, MAIL_FROM: 'Constellation <no-reply@example.org>' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
afterEach(() => {
  smtp.received.length = 0;
});

async function userId(t: TestApp, username: string | null) {
  const r = await t.pool.query('select id, email_token from users where username = $1', [username]);
  return { id: Number(r.rows[0].id), token: r.rows[0].email_token as string };
}

/** A topic by `author` in a new community with a reply by `replier`; notifications written so far are cleared. */
async function conversation(t: TestApp, visibility = 'open') {
  const author = await signedInClient(t);
  const replier = await signedInClient(t);
  const slug = await makeCommunity(author, { visibility });
  if (visibility !== 'open') await author.post(`/api/communities/${slug}/invitations`, { who: replier.username });
  await replier.post(`/api/communities/${slug}/join`);
  const topicId = await makeTopic(author, [slug], { title: 'Pump logs <on paper> & other habits' });
  const reply = await replier.post(`/api/topics/${topicId}/replies`, { body: 'We moved to **tablets** and never looked back.' });
  expect(reply.statusCode).toBe(201);
  await t.pool.query('delete from notifications');
  return { author, replier, slug, topicId, postId: reply.json().id as number };
}

async function notifyReply(t: TestApp, c: Awaited<ReturnType<typeof conversation>>) {
  const to = await userId(t, c.author.username);
  const actor = await userId(t, c.replier.username);
  await t.pool.query(
    `insert into notifications (user_id, kind, delivery, actor_id, topic_id, post_id) values ($1, 'reply', 'email', $2, $3, $4)`,
    [to.id, actor.id, c.topicId, c.postId],
  );
  return to;
}

describe('notification emails over SMTP', () => {
  it('sends a reply notification with both parts, links to the app and one-click unsubscribe headers', async () => {
    const c = await conversation(t);
    const to = await notifyReply(t, c);
    await t.app.jobs.runNow('notifications.email');
    await t.app.jobs.runNow('email.send');
    const [mail] = await smtp.waitFor(1);

    expect(firstAddress(mail.from)).toBe('no-reply@example.org');
    expect(firstAddress(mail.to)).toBe(`${c.author.username}@example.org`);
    expect(mail.subject).toMatch(/replied in “Pump logs <on paper> & other habits”/);
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, '');
    expect(header('list-unsubscribe')).toBe(`<${APP_URL}/api/email/unsubscribe?token=${to.token}&kind=reply>`);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // The quote is the reply's words, without its Markdown marks.
    expect(mail.text).toContain('We moved to tablets and never looked back.');
    expect(mail.text).toContain(`${APP_URL}/topics/${c.topicId}#post-${c.postId}`);
    expect(mail.text).toContain(`${APP_URL}/unsubscribe?token=${to.token}&kind=reply`);
    const html = String(mail.html);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('prefers-color-scheme: dark');
    expect(html).toContain(`href="${APP_URL}/topics/${c.topicId}#post-${c.postId}"`);
    // The title is escaped, never markup.
    expect(html).toContain('Pump logs &lt;on paper&gt; &amp; other habits');
    expect(html).not.toContain('<on paper>');

    const row = await t.pool.query('select sent_at, attempts from email_outbox');
    expect(row.rows).toHaveLength(1);
    expect(row.rows[0].sent_at).not.toBeNull();
    expect((await t.pool.query('select count(*)::int as n from notifications where emailed_at is null')).rows[0].n).toBe(0);
  });

  it('one-click unsubscribe works with a bare POST (no cookie, no CSRF token) and turns that kind to in-app', async () => {
    const c = await conversation(t);
    const to = await notifyReply(t, c);
    await t.app.jobs.runNow('notifications.email');
    await t.app.jobs.runNow('email.send');
    const [mail] = await smtp.waitFor(1);
    const line = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    const url = new URL(/<([^>]+)>/.exec(line.replace(/\r?\n\s+/g, ''))?.[1] ?? '');
    expect(url.origin).toBe(APP_URL);

    const res = await t.app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'reply', previous: 'email', current: 'in_app' });
    const pref = await t.pool.query(`select delivery from notification_preferences where user_id = $1 and kind = 'reply'`, [to.id]);
    expect(pref.rows[0].delivery).toBe('in_app');

    // Undo from the page puts it back.
    const anon = new Client(t.app);
    const undo = await anon.post('/api/email/unsubscribe/undo', { token: to.token, kind: 'reply', value: 'email' });
    expect(undo.statusCode).toBe(200);
    const after = await t.pool.query(`select delivery from notification_preferences where user_id = $1 and kind = 'reply'`, [to.id]);
    expect(after.rows[0].delivery).toBe('email');
  });

  it('the digest link turns the digest off; opening it in a browser leads to the unsubscribe page', async () => {
    const someone = await signedInClient(t);
    const u = await userId(t, someone.username);
    const get = await t.app.inject({ method: 'GET', url: `/api/email/unsubscribe?token=${u.token}&kind=digest` });
    expect(get.statusCode).toBe(303);
    expect(get.headers.location).toBe(`/unsubscribe?token=${u.token}&kind=digest`);
    const res = await t.app.inject({ method: 'POST', url: `/api/email/unsubscribe?token=${u.token}&kind=digest` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'digest', previous: 'daily', current: 'off' });
    expect(res.json().email).not.toContain(someone.username ?? 'x');
    expect((await t.pool.query('select digest_frequency from users where id = $1', [u.id])).rows[0].digest_frequency).toBe('off');
  });

  it('an unknown token is a clear 404 and a made-up kind a 400 naming the field; nothing changes', async () => {
    const someone = await signedInClient(t);
    const u = await userId(t, someone.username);
    const bad = await t.app.inject({ method: 'POST', url: '/api/email/unsubscribe?token=nope&kind=digest' });
    expect(bad.statusCode).toBe(404);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().detail).toMatch(/unsubscribe link/);
    const kind = await t.app.inject({ method: 'POST', url: `/api/email/unsubscribe?token=${u.token}&kind=everything` });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors[0].path).toBe('kind');
    expect((await t.pool.query('select digest_frequency from users where id = $1', [u.id])).rows[0].digest_frequency).toBe('daily');
  });

  it('never emails a topic the recipient can no longer read', async () => {
    const c = await conversation(t, 'secret');
    // The replier is told about a reply, then leaves the secret community before the job runs.
    const replier = await userId(t, c.replier.username);
    const author = await userId(t, c.author.username);
    await t.pool.query(
      `insert into notifications (user_id, kind, delivery, actor_id, topic_id, post_id) values ($1, 'reply', 'email', $2, $3, $4)`,
      [replier.id, author.id, c.topicId, c.postId],
    );
    expect((await c.replier.post(`/api/communities/${c.slug}/leave`)).statusCode).toBeLessThan(300);
    await t.app.jobs.runNow('notifications.email');
    await t.app.jobs.runNow('email.send');
    expect((await t.pool.query(`select count(*)::int as n from email_outbox where user_id = $1`, [replier.id])).rows[0].n).toBe(0);
    expect((await t.pool.query('select emailed_at from notifications where user_id = $1', [replier.id])).rows[0].emailed_at).not.toBeNull();
  });

  it('retries a refused send with backoff and delivers it exactly once', async () => {
    await t.pool.query('update email_outbox set sent_at = coalesce(sent_at, now())');
    const c = await conversation(t);
    await notifyReply(t, c);
    await t.app.jobs.runNow('notifications.email');
    smtp.rejectNext(1);
    await t.app.jobs.runNow('email.send');
    let row = (await t.pool.query(`select id, attempts, last_error, sent_at, next_attempt_at - now() > interval '50 seconds' as backed_off from email_outbox where sent_at is null`)).rows;
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ attempts: 1, sent_at: null, backed_off: true });
    expect(row[0].last_error).toMatch(/try again later/);
    expect(smtp.received).toHaveLength(0);

    // Before the backoff has passed, nothing is retried.
    await t.app.jobs.runNow('email.send');
    expect(smtp.received).toHaveLength(0);

    // The backoff has passed: it is sent once, and later runs send nothing more.
    await t.pool.query('update email_outbox set next_attempt_at = now() where id = $1', [row[0].id]);
    await t.app.jobs.runNow('email.send');
    await t.app.jobs.runNow('email.send');
    await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received).toHaveLength(1);
    row = (await t.pool.query('select attempts, sent_at, last_error from email_outbox where id = $1', [row[0].id])).rows;
    expect(row[0]).toMatchObject({ attempts: 2, last_error: null });
    expect(row[0].sent_at).not.toBeNull();
  });
});

describe('without SMTP_URL', () => {
  let local: TestApp;
  beforeAll(async () => {
    local = await createTestApp({ APP_URL });
  });
  afterAll(() => local.close());

  it('keeps mail in the outbox, which site admins (only) can page through and read', async () => {
    const admin = await signedInClient(local, { siteRole: 'admin' });
    const member = await signedInClient(local);
    const c = await conversation(local);
    await notifyReply(local, c);
    await notifyReply(local, c);
    await local.app.jobs.runNow('notifications.email');
    await local.app.jobs.runNow('email.send');

    const first = await admin.get('/api/admin/outbox?limit=1');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.smtpConfigured).toBe(false);
    expect(page1.items).toHaveLength(1);
    expect(page1.items[0]).toMatchObject({ status: 'kept', attempts: 0, to: `${c.author.username}@example.org`, kind: 'reply' });
    const second = (await admin.get(`/api/admin/outbox?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).toBeLessThan(page1.items[0].id);
    expect(second.nextCursor).toBeNull();

    const one = await admin.get(`/api/admin/outbox/${page1.items[0].id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().text).toContain(`${APP_URL}/topics/${c.topicId}`);
    expect(one.json().html).toContain('<!doctype html>');
    expect(one.json().headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    expect((await member.get('/api/admin/outbox')).statusCode).toBe(403);
    expect((await new Client(local.app).get('/api/admin/outbox')).statusCode).toBe(401);
    expect((await admin.get('/api/admin/outbox/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/admin/outbox?cursor=garbage')).json().errors[0].path).toBe('cursor');
  });

  it('inviting an email address with no account queues an invitation email with a sign-up link', async () => {
    const coord = await signedInClient(local);
    const slug = await makeCommunity(coord, { name: 'Leak Detection Circle' });
    const res = await coord.post(`/api/communities/${slug}/invitations`, { who: 'New.Person@Example.org' });
    expect(res.statusCode).toBe(201);
    const rows = (await local.pool.query(`select to_address, subject, text, html from email_outbox where kind = 'invitation'`)).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0].to_address).toBe('new.person@example.org');
    expect(rows[0].subject).toContain('Leak Detection Circle');
    expect(rows[0].text).toContain(`${APP_URL}/signup?email=new.person%40example.org`);
    // Inviting again does not send a second email.
    await coord.post(`/api/communities/${slug}/invitations`, { who: 'new.person@example.org' });
    expect((await local.pool.query(`select count(*)::int as n from email_outbox where kind = 'invitation'`)).rows[0].n).toBe(1);
  });
});

describe('rendering', () => {
  it('every notification kind renders a subject, both parts and a link back to the app', async () => {
    const { notificationEmail } = await import('./email.notifications.ts');
    const { notificationKindKeys } = await import('../../../shared/model/catalogue.ts');
    for (const kind of notificationKindKeys) {
      const e = notificationEmail(APP_URL, {
        id: 1,
        user_id: 2,
        kind,
        data: { reasons: ['you answered 3 questions tagged pumps'], role: 'coordinator' },
        topic_id: 3,
        post_id: 4,
        email: 'a@example.org',
        email_token: 'tok',
        actor_name: 'Ana',
        topic_title: 'Valves',
        community_name: 'Water',
        community_slug: 'water',
        post_body: 'Hello',
        visible: true,
      });
      expect(e.subject.length).toBeGreaterThan(5);
      expect(e.text).toContain(APP_URL);
      expect(e.html).toContain(`href="${APP_URL}`);
      expect(e.headers?.['List-Unsubscribe']).toBe(`<${APP_URL}/api/email/unsubscribe?token=tok&kind=${kind}>`);
    }
  });
});



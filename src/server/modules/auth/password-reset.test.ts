import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, signedInClient, type TestApp } from '../../test/harness.ts';
import { startTestSmtp, type TestSmtp } from '../email/email.testing.ts';

const APP_URL = 'https://constellation.example.org';
const OLD = 'correct horse battery staple';
const NEW = 'a-brand-new-passphrase-7';

let smtp: TestSmtp;
let t: TestApp;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url, APP_URL, SIGNIN_RATE_LIMIT: '5' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
afterEach(() => {
  smtp.received.length = 0;
});

async function requestLink(email: string) {
  const res = await new Client(t.app).post('/api/auth/password-reset', { email });
  expect(res.statusCode).toBe(202);
  await t.app.jobs.runNow('email.send');
  const [mail] = await smtp.waitFor(1);
  const link = /https:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text ?? '')?.[0];
  expect(link).toBeDefined();
  return { mail, token: new URL(link ?? '').searchParams.get('token') ?? '' };
}

describe('password reset by email', () => {
  it('emails a one-time link that sets the password, ends every session and then stops working', async () => {
    const person = await signedInClient(t);
    const other = await signedInClient(t); // someone else's session must survive
    expect((await person.get('/api/auth/session')).json().user).not.toBeNull();

    const { mail, token } = await requestLink(`${person.username}@EXAMPLE.org`);
    expect(mail.subject).toBe('Reset your Constellation password');
    expect(String(mail.html)).toContain(`href="${APP_URL}/reset-password?token=${token}"`);
    expect(mail.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(false);

    const anon = new Client(t.app);
    const weak = await anon.post('/api/auth/password-reset/confirm', { token, password: 'short' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].path).toBe('password');

    const ok = await anon.post('/api/auth/password-reset/confirm', { token, password: NEW });
    expect(ok.statusCode).toBe(204);
    expect((await person.get('/api/auth/session')).json().user).toBeNull();
    expect((await other.get('/api/auth/session')).json().user).not.toBeNull();
    expect((await new Client(t.app).post('/api/auth/signin', { login: person.username, password: OLD })).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/auth/signin', { login: person.username, password: NEW })).statusCode).toBe(200);

    const again = await anon.post('/api/auth/password-reset/confirm', { token, password: 'yet-another-passphrase-8' });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'reset_link_used', errors: [{ path: 'token' }] });
  });

  it('refuses an expired link and an unknown one', async () => {
    const person = await signedInClient(t);
    const { token } = await requestLink(`${person.username}@example.org`);
    await t.pool.query(`update password_resets set expires_at = now() - interval '1 minute'`);
    const res = await new Client(t.app).post('/api/auth/password-reset/confirm', { token, password: NEW });
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe('reset_link_expired');
    const unknown = await new Client(t.app).post('/api/auth/password-reset/confirm', { token: 'not-a-real-token', password: NEW });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await new Client(t.app).post('/api/auth/signin', { login: person.username, password: OLD })).statusCode).toBe(200);
  });

  it('answers the same for an unknown email and sends nothing', async () => {
    const before = (await t.pool.query('select count(*)::int as n from email_outbox')).rows[0].n;
    const known = await signedInClient(t);
    const a = await new Client(t.app).post('/api/auth/password-reset', { email: 'nobody-here@example.org' });
    const b = await new Client(t.app).post('/api/auth/password-reset', { email: `${known.username}@example.org` });
    expect(a.statusCode).toBe(202);
    expect(a.json()).toEqual(b.json());
    const rows = (await t.pool.query('select to_address from email_outbox order by id offset $1', [before])).rows;
    expect(rows.map((r) => r.to_address)).toEqual([`${known.username}@example.org`]);
  });

  it('limits how often one address can ask', async () => {
    const c = new Client(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await c.post('/api/auth/password-reset', { email: 'limit@example.org' })).statusCode);
    expect(codes.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(codes[6]).toBe(429);
  });
});

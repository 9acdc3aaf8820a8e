import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SIGNIN_RATE_LIMIT: '5' });
});
afterAll(() => t.close());

const signup = (c: Client, over: Record<string, string> = {}) =>
  c.post('/api/auth/signup', {
    email: 'ada@example.org',
    username: 'ada',
    displayName: 'Ada Okafor',
    password: 'tidal-basin-river-42',
    ...over,
  });

describe('accounts', () => {
  it('makes the first account site admin and signs it in with an HttpOnly SameSite session cookie', async () => {
    const c = new Client(t.app);
    const res = await signup(c);
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ username: 'ada', siteRole: 'admin' });
    const cookie = res.cookies.find((k) => k.name === 'sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const session = await c.get('/api/auth/session');
    expect(session.json().user.username).toBe('ada');
    const stored = await t.pool.query('select password_hash from users where username = $1', ['ada']);
    expect(stored.rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('makes later accounts plain members', async () => {
    const res = await signup(new Client(t.app), { email: 'bo@example.org', username: 'bo', displayName: 'Bo' });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.siteRole).toBe('member');
  });

  it('explains a taken email, a taken username and a weak password, and creates nothing', async () => {
    const before = await t.pool.query('select count(*)::int as n from users');
    const taken = await signup(new Client(t.app), { username: 'someone' });
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toContain('application/problem+json');
    expect(taken.json().errors[0].path).toBe('email');
    const takenName = await signup(new Client(t.app), { email: 'new@example.org', username: 'ADA' });
    expect(takenName.json().errors[0].path).toBe('username');
    const weak = await signup(new Client(t.app), { email: 'c@example.org', username: 'cy', password: 'short' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0]).toMatchObject({ path: 'password' });
    const after = await t.pool.query('select count(*)::int as n from users');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('names the bad field when the input has the wrong shape', async () => {
    const res = await signup(new Client(t.app), { email: 'not-an-email' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('email');
  });

  it('signs in by email or username, rejects a wrong password, and signs out', async () => {
    const c = new Client(t.app);
    const wrong = await c.post('/api/auth/signin', { login: 'ada', password: 'wrong-password-here' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toMatch(/do not match/);
    const ok = await c.post('/api/auth/signin', { login: 'ADA@example.org', password: 'tidal-basin-river-42' });
    expect(ok.statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).json().user.username).toBe('ada');
    expect((await c.post('/api/auth/signout')).statusCode).toBe(204);
    expect((await c.get('/api/auth/session')).json().user).toBeNull();
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const c = new Client(t.app);
    await c.post('/api/auth/signin', { login: 'ada', password: 'tidal-basin-river-42' });
    const res = await c.request('POST', '/api/auth/signout', {}, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect((await c.get('/api/auth/session')).json().user.username).toBe('ada');
  });

  it('rate-limits repeated sign-in attempts', async () => {
    const c = new Client(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await c.post('/api/auth/signin', { login: 'bo', password: `guess-number-${i}` })).statusCode);
    expect(codes.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(codes[6]).toBe(429);
  });
});

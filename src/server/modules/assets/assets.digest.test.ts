import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeCommunity, signedInClient, type TestApp } from '../../test/harness.ts';
import { runDigests } from '../email/email.digest.ts';

const APP_URL = 'https://constellation.example.org';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ APP_URL });
});
afterAll(() => t.close());

async function digestOf(username: string | null) {
  const rows = (await t.pool.query(`select o.subject, o.text from email_outbox o join users u on u.id = o.user_id where o.kind = 'digest' and u.username = $1`, [username])).rows;
  return rows[0] as { subject: string; text: string } | undefined;
}

describe('stewards’ digest', () => {
  it('lists the assets a steward looks after once their review date has passed, on the digest’s clock', async () => {
    const steward = await signedInClient(t);
    const slug = await makeCommunity(steward, { name: 'Reservoir keepers' });
    const a = (await steward.post(`/api/communities/${slug}/assets`, { kind: 'article', title: 'Spillway inspection guide', body: 'Walk the spillway.' })).json();
    await t.pool.query(`delete from email_outbox`);
    await t.pool.query(`update users set last_digest_at = now() - interval '25 hours'`);

    // Today it is fresh: nothing to say about it.
    await runDigests(t.app);
    expect((await digestOf(steward.username))?.text ?? '').not.toContain('Spillway inspection guide');

    // A run that stands for a moment past the review date lists it.
    await t.pool.query(`delete from email_outbox`);
    await t.pool.query(`update users set last_digest_at = null`);
    const later = new Date(Date.parse(`${a.reviewBy}T12:00:00Z`) + 86400_000);
    await runDigests(t.app, { now: later });
    const d = await digestOf(steward.username);
    expect(d?.subject).toContain('1 asset to review');
    expect(d?.text).toContain('Due for your review');
    expect(d?.text).toContain('Spillway inspection guide');
    expect(d?.text).toContain(`${APP_URL}/assets/${a.id}`);
  });

  it('leaves out retired assets and assets of a secret community the steward has left', async () => {
    const coord = await signedInClient(t);
    const steward = await signedInClient(t);
    const secret = await makeCommunity(coord, { visibility: 'secret' });
    await coord.post(`/api/communities/${secret}/invitations`, { who: steward.username });
    await steward.post(`/api/communities/${secret}/join`);
    const hidden = (await steward.post(`/api/communities/${secret}/assets`, { kind: 'article', title: 'Secret sluice notes', body: 'x' })).json();
    const retired = (await steward.post(`/api/communities/${secret}/assets`, { kind: 'article', title: 'Retired sluice notes', body: 'x' })).json();
    await steward.post(`/api/assets/${retired.id}/review`, { action: 'retire' });
    expect((await steward.post(`/api/communities/${secret}/leave`)).statusCode).toBe(204);
    const open = await makeCommunity(steward);
    await steward.post(`/api/communities/${open}/assets`, { kind: 'article', title: 'Open weir notes', body: 'x' });
    await t.pool.query(`delete from email_outbox`);
    await t.pool.query(`update users set last_digest_at = null`);
    await runDigests(t.app, { now: new Date(Date.parse(`${hidden.reviewBy}T12:00:00Z`) + 86400_000) });
    const text = (await digestOf(steward.username))?.text ?? '';
    expect(text).toContain('Open weir notes');
    expect(text).not.toContain('Secret sluice notes');
    expect(text).not.toContain('Retired sluice notes');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../test/harness.ts';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './demo.ts';

let t: TestApp;
let maria: Client;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.db);
  maria = new Client(t.app);
  expect((await maria.post('/api/auth/signin', { login: 'maria', password: DEMO_PASSWORD })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('demo practice data', () => {
  it('Network Operations has believable coverage: most functions covered, some not', async () => {
    const view = (await maria.get('/api/communities/network-operations/leadership')).json();
    expect(view.coveredCount).toBeGreaterThanOrEqual(8);
    expect(view.coveredCount).toBeLessThan(12);
    const reflections = (await maria.get('/api/communities/network-operations/role-reflections')).json();
    expect(reflections.items.filter((r: { written: boolean }) => r.written).length).toBeGreaterThanOrEqual(3);
  });

  it('several communities have orientation profiles, and a feature is switched off somewhere', async () => {
    const { rows } = await t.pool.query(`select count(distinct community_id)::int as n from orientation_ratings`);
    expect(rows[0].n).toBeGreaterThanOrEqual(4);
    const off = await t.pool.query(`select slug, features_off from communities where cardinality(features_off) > 0`);
    expect(off.rows.length).toBeGreaterThanOrEqual(1);
    const profile = (await maria.get('/api/communities/network-operations/orientation')).json();
    expect(profile.features.find((f: { key: string }) => f.key === 'qa').recommended).toBe(true);
  });

  it('agendas link to demo topics, and a practice group and a project carry topics', async () => {
    const agenda = (await maria.get('/api/communities/network-operations/agenda')).json();
    expect(agenda.items.length).toBeGreaterThanOrEqual(3);
    expect(agenda.items.some((i: { topicCount: number }) => i.topicCount > 0)).toBe(true);
    const groups = (await maria.get('/api/communities/network-operations/subgroups')).json();
    expect(groups.items.map((g: { kind: string }) => g.kind).sort()).toEqual(['practice_group', 'project']);
    expect(groups.items.every((g: { topicCount: number; memberCount: number }) => g.topicCount > 0 && g.memberCount > 1)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommendFeatures } from '../../../shared/contracts/orientation.ts';
import { createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function setup(vis = 'open') {
  const coord = await signedInClient(t);
  const member = await signedInClient(t);
  const slug = await makeCommunity(coord, { visibility: vis });
  if (vis === 'secret') await coord.post(`/api/communities/${slug}/invitations`, { who: member.username });
  await member.post(`/api/communities/${slug}/join`);
  return { coord, member, slug };
}

describe('recommendFeatures', () => {
  it('recommends a feature when an orientation that calls for it is rated 4 or 5, with the reason', () => {
    const recs = recommendFeatures({ expertise: 5, projects: 3, meetings: 4 });
    expect(recs.find((r) => r.feature === 'qa')).toEqual({ feature: 'qa', recommended: true, reasons: ['You rated Access to expertise 5 of 5.'] });
    expect(recs.find((r) => r.feature === 'projects')).toMatchObject({ recommended: false, reasons: [] });
    expect(recs.find((r) => r.feature === 'practice_groups')?.reasons).toEqual(['You rated Meetings 4 of 5.']);
  });
});

describe('orientation profile', () => {
  it('shows nine unrated orientations and every feature on at first', async () => {
    const { member, slug } = await setup();
    const body = (await member.get(`/api/communities/${slug}/orientation`)).json();
    expect(body.ratings).toHaveLength(9);
    expect(body.ratings[4]).toMatchObject({ key: 'expertise', name: 'Access to expertise', rating: null });
    expect(body.features.every((f: { on: boolean }) => f.on)).toBe(true);
    expect(body.canSteward).toBe(false);
    expect((await member.get(`/api/communities/${slug}`)).json()).toMatchObject({ featuresOff: [], viewer: { canSteward: false } });
  });

  it('the technology steward rates orientations and gets recommendations with reasons', async () => {
    const { coord, member, slug } = await setup();
    await coord.put(`/api/communities/${slug}/members/${member.username}/roles/technology_steward`);
    expect((await member.get(`/api/communities/${slug}`)).json().viewer.canSteward).toBe(true);
    const res = await member.put(`/api/communities/${slug}/orientation`, { ratings: { expertise: 5, projects: 2 } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ratings.find((r: { key: string }) => r.key === 'expertise').rating).toBe(5);
    expect(body.ratedBy.username).toBe(member.username);
    expect(body.features.find((f: { key: string }) => f.key === 'qa')).toMatchObject({ on: true, recommended: true, reasons: ['You rated Access to expertise 5 of 5.'] });
    // Orientations left out keep their rating.
    await member.put(`/api/communities/${slug}/orientation`, { ratings: { meetings: 4 } });
    const again = (await coord.get(`/api/communities/${slug}/orientation`)).json();
    expect(again.ratings.filter((r: { rating: number | null }) => r.rating !== null).map((r: { key: string }) => r.key)).toEqual(['meetings', 'projects', 'expertise']);
  });

  it('members cannot rate or switch features; bad ratings are refused naming the field and change nothing', async () => {
    const { coord, member, slug } = await setup();
    expect((await member.put(`/api/communities/${slug}/orientation`, { ratings: { expertise: 5 } })).statusCode).toBe(403);
    expect((await member.put(`/api/communities/${slug}/features/qa`, { on: false })).statusCode).toBe(403);
    for (const [ratings, path] of [
      [{ expertise: 6 }, 'ratings.expertise'],
      [{ expertise: 2.5 }, 'ratings.expertise'],
      [{ gardening: 3 }, 'ratings'],
      [{}, 'ratings'],
    ] as const) {
      const res = await coord.put(`/api/communities/${slug}/orientation`, { ratings });
      expect(res.statusCode, JSON.stringify(ratings)).toBe(400);
      expect(res.json().errors[0].path).toContain(path);
    }
    expect((await coord.put(`/api/communities/${slug}/features/chat`, { on: false })).statusCode).toBe(400);
    const noBool = await coord.put(`/api/communities/${slug}/features/qa`, { on: 'no' });
    expect(noBool.statusCode).toBe(400);
    expect(noBool.json().errors[0].path).toBe('on');
    const body = (await coord.get(`/api/communities/${slug}/orientation`)).json();
    expect(body.ratings.every((r: { rating: number | null }) => r.rating === null)).toBe(true);
    expect(body.features.every((f: { on: boolean }) => f.on)).toBe(true);
  });

  it('switching a feature off shows in the community response; on again removes it', async () => {
    const { coord, slug } = await setup();
    expect((await coord.put(`/api/communities/${slug}/features/projects`, { on: false })).json()).toEqual({ featuresOff: ['projects'] });
    expect((await coord.put(`/api/communities/${slug}/features/projects`, { on: false })).json()).toEqual({ featuresOff: ['projects'] });
    expect((await coord.get(`/api/communities/${slug}`)).json().featuresOff).toEqual(['projects']);
    expect((await coord.put(`/api/communities/${slug}/features/projects`, { on: true })).json()).toEqual({ featuresOff: [] });
  });
});

describe('questions and answers switched off', () => {
  it('refuses new questions naming isQuestion, 404s accepting answers, ignores the unanswered filter', async () => {
    const { coord, member, slug } = await setup();
    const q = await makeTopic(member, [slug]);
    const reply = (await coord.post(`/api/topics/${q}/replies`, { body: 'Try a checklist.' })).json();
    await coord.put(`/api/communities/${slug}/features/qa`, { on: false });

    const res = await member.post('/api/topics', { communities: [slug], title: 'Another question here', body: 'Body', activityType: 'problem_solving', isQuestion: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('isQuestion');
    const discussion = await member.post('/api/topics', { communities: [slug], title: 'A discussion instead', body: 'Body', activityType: 'problem_solving' });
    expect(discussion.statusCode).toBe(201);

    expect((await member.put(`/api/topics/${q}/accepted`, { postId: reply.id })).statusCode).toBe(404);
    expect((await member.delete(`/api/topics/${q}/accepted`)).statusCode).toBe(404);
    expect((await member.get(`/api/topics/${q}`)).json().viewer.canAccept).toBe(false);
    const feed = (await member.get(`/api/communities/${slug}/topics?unanswered=true`)).json();
    expect(feed.items).toHaveLength(2);

    await coord.put(`/api/communities/${slug}/features/qa`, { on: true });
    expect((await member.put(`/api/topics/${q}/accepted`, { postId: reply.id })).statusCode).toBe(204);
  });

  it('a question cross-posted to a community without Q&A is refused, naming the field', async () => {
    const { coord, member, slug } = await setup();
    const other = await makeCommunity(coord);
    await member.post(`/api/communities/${other}/join`);
    await coord.put(`/api/communities/${other}/features/qa`, { on: false });
    const res = await member.post('/api/topics', { communities: [slug, other], title: 'Cross-posted question', body: 'Body', activityType: 'problem_solving', isQuestion: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ path: 'isQuestion' });
    expect(res.json().errors[0].message).toContain(other);
  });

  it('a secret community’s profile is 404 to outsiders', async () => {
    const { slug } = await setup('secret');
    const outsider = await signedInClient(t);
    expect((await outsider.get(`/api/communities/${slug}/orientation`)).statusCode).toBe(404);
    expect((await outsider.put(`/api/communities/${slug}/features/qa`, { on: false })).statusCode).toBe(404);
  });
});

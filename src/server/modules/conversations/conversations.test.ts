import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let asker: Client;
let expert: Client;
let coord: Client;
let slug: string;
beforeAll(async () => {
  t = await createTestApp();
  coord = await signedInClient(t);
  asker = await signedInClient(t);
  expert = await signedInClient(t, { username: 'grace_expert' });
  slug = await makeCommunity(coord);
  await asker.post(`/api/communities/${slug}/join`);
  await expert.post(`/api/communities/${slug}/join`);
});
afterAll(() => t.close());

describe('conversations', () => {
  it('starts a topic typed by learning activity, with tags, rendered and sanitized Markdown', async () => {
    const id = await makeTopic(asker, [slug], {
      title: 'Vibration alarms on pump 3',
      body: '**Bold** move <script>alert(1)</script> [x](javascript:alert(1)) ask @grace_expert and @nobody_here',
      activityType: 'problem_solving',
      tags: ['Vibration', 'pumps'],
    });
    const topic = (await asker.get(`/api/topics/${id}`)).json();
    expect(topic.topic).toMatchObject({ title: 'Vibration alarms on pump 3', activityType: 'problem_solving', tags: ['vibration', 'pumps'] });
    const html: string = topic.posts.items[0].bodyHtml;
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<a href="/people/grace_expert" class="mention">@grace_expert</a>');
    expect(html).toContain('@nobody_here');
    expect(html).not.toContain('/people/nobody_here');
    const mentions = await t.pool.query('select count(*)::int as n from mentions');
    expect(mentions.rows[0].n).toBe(1);
  });

  it('keeps a post’s search vector inside its row (a long post’s text leaves the row first)', async () => {
    // Searches walk the newest posts reading each vector; one stored out of line costs a second lookup (decision 012).
    const res = await t.pool.query(`select attstorage from pg_attribute where attrelid = 'posts'::regclass and attname = 'search_vector'`);
    expect(res.rows[0].attstorage).toBe('m');
  });

  it('threads replies, paginates posts and moves the topic to the top of the feed', async () => {
    const older = await makeTopic(asker, [slug], { title: 'Older topic here' });
    const newer = await makeTopic(asker, [slug], { title: 'Newer topic here' });
    const r1 = (await expert.post(`/api/topics/${older}/replies`, { body: 'First reply' })).json().id;
    await coord.post(`/api/topics/${older}/replies`, { body: 'Nested reply', parentId: r1 });
    const wrongParent = await coord.post(`/api/topics/${newer}/replies`, { body: 'x', parentId: r1 });
    expect(wrongParent.statusCode).toBe(422);
    expect(wrongParent.json().errors[0].path).toBe('parentId');
    const feed = (await asker.get(`/api/communities/${slug}/topics?limit=2`)).json();
    expect(feed.items[0]).toMatchObject({ id: older, replyCount: 2 });
    expect(feed.items[1].id).toBe(newer);
    const page1 = (await asker.get(`/api/topics/${older}?limit=2`)).json();
    expect(page1.posts.items).toHaveLength(2);
    const page2 = (await asker.get(`/api/topics/${older}/posts?limit=2&cursor=${page1.posts.nextCursor}`)).json();
    expect(page2.items).toEqual([expect.objectContaining({ parentId: r1, bodyHtml: '<p>Nested reply</p>\n' })]);
  });

  it('lets the asker accept one answer, and a coordinator change it; others cannot', async () => {
    const id = await makeTopic(asker, [slug]);
    const a = (await expert.post(`/api/topics/${id}/replies`, { body: 'Use vibration sensors' })).json().id;
    const b = (await coord.post(`/api/topics/${id}/replies`, { body: 'Check alignment' })).json().id;
    expect((await expert.put(`/api/topics/${id}/accepted`, { postId: a })).statusCode).toBe(403);
    expect((await asker.put(`/api/topics/${id}/accepted`, { postId: a })).statusCode).toBe(204);
    let topic = (await asker.get(`/api/topics/${id}`)).json();
    expect(topic.topic).toMatchObject({ answered: true, acceptedPostId: a });
    expect(topic.posts.items.find((p: { id: number }) => p.id === a).isAccepted).toBe(true);
    expect((await coord.put(`/api/topics/${id}/accepted`, { postId: b })).statusCode).toBe(204);
    topic = (await asker.get(`/api/topics/${id}`)).json();
    expect(topic.topic.acceptedPostId).toBe(b);
    const opening = topic.posts.items[0].id;
    expect((await asker.put(`/api/topics/${id}/accepted`, { postId: opening })).statusCode).toBe(422);
    const unanswered = (await asker.get(`/api/communities/${slug}/topics?unanswered=true&limit=50`)).json();
    expect(unanswered.items.some((x: { id: number }) => x.id === id)).toBe(false);
  });

  it('counts "this helped me" once per person and never on your own post', async () => {
    const id = await makeTopic(asker, [slug]);
    const r = (await expert.post(`/api/topics/${id}/replies`, { body: 'Try this' })).json().id;
    expect((await asker.put(`/api/posts/${r}/helpful`)).json()).toEqual({ helpfulCount: 1, helpedByMe: true });
    expect((await asker.put(`/api/posts/${r}/helpful`)).json()).toEqual({ helpfulCount: 1, helpedByMe: true });
    expect((await coord.put(`/api/posts/${r}/helpful`)).json().helpfulCount).toBe(2);
    expect((await expert.put(`/api/posts/${r}/helpful`)).statusCode).toBe(403);
    expect((await asker.delete(`/api/posts/${r}/helpful`)).json()).toEqual({ helpfulCount: 1, helpedByMe: false });
  });

  it('keeps edit history and lets authors retitle', async () => {
    const id = await makeTopic(asker, [slug], { title: 'First title here', body: 'first body' });
    const opening = (await asker.get(`/api/topics/${id}`)).json().posts.items[0].id;
    expect((await expert.patch(`/api/posts/${opening}`, { body: 'hijack' })).statusCode).toBe(403);
    expect((await asker.patch(`/api/posts/${opening}`, { body: 'second body' })).statusCode).toBe(204);
    expect((await asker.patch(`/api/topics/${id}`, { title: 'Better title here' })).statusCode).toBe(204);
    const topic = (await asker.get(`/api/topics/${id}`)).json();
    expect(topic.topic.title).toBe('Better title here');
    expect(topic.posts.items[0]).toMatchObject({ bodyHtml: '<p>second body</p>\n' });
    expect(topic.posts.items[0].editedAt).not.toBeNull();
    const revisions = (await expert.get(`/api/posts/${opening}/revisions`)).json().items;
    expect(revisions.map((r: { bodySource: string; title: string }) => [r.title, r.bodySource])).toEqual([
      ['First title here', 'second body'],
      ['First title here', 'first body'],
    ]);
  });

  it('soft-deletes posts and topics; coordinators see and restore them', async () => {
    const id = await makeTopic(asker, [slug], { title: 'To be deleted soon' });
    const r = (await expert.post(`/api/topics/${id}/replies`, { body: 'Secret sauce' })).json().id;
    expect((await expert.delete(`/api/posts/${r}`)).statusCode).toBe(204);
    const asSeen = (await asker.get(`/api/topics/${id}`)).json().posts.items.find((p: { id: number }) => p.id === r);
    expect(asSeen).toMatchObject({ deleted: true, bodyHtml: '' });
    const asCoord = (await coord.get(`/api/topics/${id}`)).json().posts.items.find((p: { id: number }) => p.id === r);
    expect(asCoord.bodyHtml).toContain('Secret sauce');
    expect((await expert.post(`/api/posts/${r}/restore`)).statusCode).toBe(403);
    expect((await coord.post(`/api/posts/${r}/restore`)).statusCode).toBe(204);
    expect((await asker.get(`/api/topics/${id}`)).json().topic.replyCount).toBe(1);

    const opening = (await asker.get(`/api/topics/${id}`)).json().posts.items[0].id;
    const before = (await asker.get(`/api/communities/${slug}`)).json().topicCount;
    expect((await asker.delete(`/api/posts/${opening}`)).statusCode).toBe(204);
    expect((await expert.get(`/api/topics/${id}`)).statusCode).toBe(404);
    expect((await asker.get(`/api/communities/${slug}`)).json().topicCount).toBe(before - 1);
    const feed = (await asker.get(`/api/communities/${slug}/topics?limit=50`)).json();
    expect(feed.items.some((x: { id: number }) => x.id === id)).toBe(false);
    expect((await coord.get(`/api/topics/${id}`)).json().topic.deleted).toBe(true);
    expect((await coord.post(`/api/posts/${opening}/restore`)).statusCode).toBe(204);
    expect((await expert.get(`/api/topics/${id}`)).statusCode).toBe(200);
  });

  it('cross-posts a topic to several communities it shows in', async () => {
    const second = await makeCommunity(coord, { name: 'Second place' });
    const secret = await makeCommunity(coord, { visibility: 'secret' });
    await asker.post(`/api/communities/${second}/join`);
    const id = await makeTopic(asker, [slug, second], { title: 'Shared question for both' });
    for (const s of [slug, second]) {
      const feed = (await asker.get(`/api/communities/${s}/topics?limit=50`)).json();
      expect(feed.items.some((x: { id: number }) => x.id === id)).toBe(true);
    }
    const notMine = await asker.post('/api/topics', { communities: [slug, secret], title: 'Sneaky cross post', body: 'x', activityType: 'visit' });
    expect(notMine.statusCode).toBe(422);
    expect(notMine.json().errors[0].path).toBe('communities.1');
    const later = await makeCommunity(coord, { name: 'Later place' });
    await asker.post(`/api/communities/${later}/join`);
    expect((await asker.post(`/api/topics/${id}/communities`, { community: later })).statusCode).toBe(204);
    expect((await asker.post(`/api/topics/${id}/communities`, { community: later })).statusCode).toBe(409);
    const topic = (await asker.get(`/api/topics/${id}`)).json();
    expect(topic.communities.map((c: { slug: string }) => c.slug).sort()).toEqual([slug, second, later].sort());
  });

  it('filters the feed by learning activity and tag', async () => {
    const own = await makeCommunity(coord, { name: 'Filter place' });
    await makeTopic(coord, [own], { activityType: 'visit', tags: ['site-tour'] });
    await makeTopic(coord, [own], { activityType: 'reusing_assets', tags: ['templates'] });
    const visits = (await coord.get(`/api/communities/${own}/topics?activity=visit`)).json().items;
    expect(visits).toHaveLength(1);
    const tagged = (await coord.get(`/api/communities/${own}/topics?tag=templates`)).json().items;
    expect(tagged.map((x: { activityType: string }) => x.activityType)).toEqual(['reusing_assets']);
  });
});

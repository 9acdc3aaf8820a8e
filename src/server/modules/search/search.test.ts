import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let member: Client;
let outsider: Client;
let open: string;
let secret: string;
let topicId: number;
beforeAll(async () => {
  t = await createTestApp();
  member = await signedInClient(t);
  outsider = await signedInClient(t);
  open = await makeCommunity(member, { name: 'Hydraulic Modelling', domainStatement: 'Modelling water networks with hydraulic simulation.' });
  secret = await makeCommunity(member, { name: 'Merger Planning', visibility: 'secret', domainStatement: 'Confidential merger preparation work.' });
  topicId = await makeTopic(member, [open], {
    title: 'Calibrating pressure zones in the hydraulic model',
    body: 'We calibrate pressure zones against logger data every spring.',
    activityType: 'problem_solving',
  });
  await makeTopic(member, [open], { title: 'Chlorine residual decay rates', body: 'Which decay coefficient do you use for chlorine?', activityType: 'seeking_experience' });
  await member.post(`/api/topics/${topicId}/replies`, { body: 'Our loggers drift; recalibrate them before using the data for calibration.' });
  await makeTopic(member, [secret], { title: 'Calibrating the merger timeline', body: 'Confidential: the merger calibration plan.' });
});
afterAll(() => t.close());

describe('search', () => {
  it('ranks topics by title, highlights the match, and finds replies', async () => {
    const res = (await outsider.get('/api/search?q=calibrating pressure')).json();
    expect(res.items[0]).toMatchObject({ kind: 'topic', url: `/topics/${topicId}`, community: { slug: open } });
    expect(res.items[0].snippet).toContain('<mark>');
    const replies = (await outsider.get('/api/search?q=loggers drift&kind=reply')).json();
    expect(replies.items).toHaveLength(1);
    expect(replies.items[0].url).toMatch(new RegExp(`^/topics/${topicId}#post-\\d+$`));
  });

  it('understands phrases and excluded words, and never shows a secret topic through them', async () => {
    const urls = async (q: string) => ((await outsider.get(`/api/search?kind=topic&q=${encodeURIComponent(q)}`)).json().items as { url: string }[]).map((h) => h.url);
    expect(await urls('"pressure zones"')).toEqual([`/topics/${topicId}`]);
    expect(await urls('"zones pressure"')).toEqual([]);
    expect(await urls('calibrating -pressure')).toEqual([]);
    expect(await urls('"merger timeline"')).toEqual([]);
    const mine = ((await member.get(`/api/search?kind=topic&q=${encodeURIComponent('"merger timeline"')}`)).json().items as { url: string }[]).length;
    expect(mine).toBe(1);
  });

  it('finds communities by their charter', async () => {
    const res = (await outsider.get('/api/search?q=hydraulic simulation')).json();
    expect(res.items[0]).toMatchObject({ kind: 'community', url: `/c/${open}` });
  });

  it('filters by community and learning activity', async () => {
    const byActivity = (await outsider.get('/api/search?q=chlorine OR calibrating&activity=seeking_experience')).json();
    expect(byActivity.items.map((h: { title: string }) => h.title)).toEqual(['Chlorine residual decay rates']);
    const byCommunity = (await member.get(`/api/search?q=calibrating&community=${secret}`)).json();
    expect(byCommunity.items.map((h: { title: string }) => h.title)).toEqual(['Calibrating the merger timeline']);
  });

  it('never shows what the searcher may not see', async () => {
    const mine = (await member.get('/api/search?q=merger')).json().items.map((h: { title: string }) => h.title);
    expect(mine).toContain('Calibrating the merger timeline');
    expect(mine).toContain('Merger Planning');
    const theirs = (await outsider.get('/api/search?q=merger')).json();
    expect(theirs.items).toEqual([]);
    expect((await outsider.get(`/api/search?q=merger&community=${secret}`)).statusCode).toBe(404);
  });

  it('escapes what it highlights', async () => {
    await makeTopic(member, [open], { title: 'Escaping check topic', body: 'uniquetoken <img src=x onerror=alert(1)> here' });
    const hit = (await outsider.get('/api/search?q=uniquetoken')).json().items[0];
    expect(hit.snippet).not.toContain('<img');
    expect(hit.snippet).toContain('&lt;img');
  });

  it('shows a post’s words in its snippet, not its Markdown marks', async () => {
    await makeTopic(member, [open], { title: 'Marks check topic', body: '## Steps\n\n- Check the **kowhai** valve, see [the log](https://example.org/log)' });
    const hit = (await outsider.get('/api/search?q=kowhai')).json().items[0];
    expect(hit.snippet).toBe('Steps Check the <mark>kowhai</mark> valve, see the log');
  });

  it('pages through results with offset, and explains an empty query', async () => {
    const first = (await outsider.get('/api/search?q=calibrating OR chlorine OR loggers&limit=1&kind=topic')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextOffset).toBe(1);
    const empty = await outsider.get('/api/search?q=');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('q');
  });
});

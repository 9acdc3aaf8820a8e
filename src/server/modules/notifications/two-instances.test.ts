import { afterAll, beforeAll, expect, it } from 'vitest';
import { attachInstance, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';
import { openEventStream } from '../../test/sse.ts';

let a: TestApp;
let b: TestApp;
let baseB: string;
beforeAll(async () => {
  a = await createTestApp();
  b = await attachInstance(a);
  baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
  await b.app.live.ready;
});
afterAll(async () => {
  await b.close();
  await a.close();
});

it('a reply posted through instance A reaches a browser connected to instance B', async () => {
  const asker = await signedInClient(a);
  const answerer = await signedInClient(a);
  const slug = await makeCommunity(asker);
  await answerer.post(`/api/communities/${slug}/join`);
  const topicId = await makeTopic(asker, [slug]);
  // The asker's session works on either instance: sessions live in PostgreSQL.
  const cookie = [...asker.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const stream = await openEventStream(`${baseB}/api/live?topics=${topicId}`, { cookie });
  try {
    await stream.waitFor((e) => e.event === 'ready');
    expect((await answerer.post(`/api/topics/${topicId}/replies`, { body: 'Answer from the other side' })).statusCode).toBe(201);
    expect((await stream.waitFor((e) => e.event === 'topic')).data).toEqual({ topicId, event: 'reply' });
    expect((await stream.waitFor((e) => e.event === 'notification')).data).toEqual({ unread: 1 });
  } finally {
    stream.close();
  }
});

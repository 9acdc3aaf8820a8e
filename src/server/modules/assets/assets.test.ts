import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';
import { makeDocx, makePdf, makeZip, uploadAsset } from './assets.fixtures.ts';
import { assetWalkSql, searchAssets } from '../search/search.queries.ts';
import { refreshRepositoryWords } from './assets.jobs.ts';
import { listReviewQueue, today } from './assets.queries.ts';

const MAX = 64 * 1024;
let t: TestApp;
let dataDir: string;
let owner: Client;
let member: Client;
let reader: Client;
let slug: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'assets-test-'));
  t = await createTestApp({ DATA_DIR: dataDir, ASSET_MAX_BYTES: String(MAX) });
  owner = await signedInClient(t);
  member = await signedInClient(t);
  reader = await signedInClient(t);
  slug = await makeCommunity(owner, { visibility: 'open' });
  expect((await member.post(`/api/communities/${slug}/join`)).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every stored file under DATA_DIR/files. */
function storedFiles(): string[] {
  const root = path.join(dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}
/** Uploads in flight under DATA_DIR/tmp (none once a request is answered). */
function tempFiles(): string[] {
  const root = path.join(dataDir, 'tmp');
  return existsSync(root) ? readdirSync(root) : [];
}
const assetCount = async () => Number((await t.db.execute<{ n: string }>(sql`select count(*) as n from assets`)).rows[0].n);
const filesUrl = () => `/api/communities/${slug}/assets/files`;

/** Plans a one-hour meeting next month in the community (as a coordinator) and returns its id. */
async function makeEvent(c: Client, community: string, title: string) {
  const at = (days: number, hour: number) => `${new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10)}T${hour}:00`;
  const res = await c.post(`/api/communities/${community}/events`, { kind: 'meeting', cadence: 'special', title, startsAt: at(30, 10), endsAt: at(30, 11), timeZone: 'UTC' });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
}

async function article(c: Client, body = 'How we *onboard* new people.') {
  const res = await c.post(`/api/communities/${slug}/assets`, { kind: 'article', title: 'Onboarding guide', summary: 'The first week', tags: ['onboarding'], body });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: number; currentVersion: number; version: { bodyHtml: string } };
}

describe('adding assets', () => {
  it('adds an article with rendered Markdown; its author is the steward and it is fresh for a year', async () => {
    const a = await article(member);
    const got = (await reader.get(`/api/assets/${a.id}`)).json();
    expect(got.kind).toBe('article');
    expect(got.version.bodyHtml).toContain('<em>onboard</em>');
    expect(got.steward.username).toBe(member.username);
    const expected = new Date(Date.now() + 365 * 86400_000).toISOString().slice(0, 10);
    expect(got.reviewBy).toBe(expected);
    expect(got.needsReview).toBe(false);
    expect(got.viewer).toEqual({ canEdit: false, canReview: false, canReuse: true });
  });

  it('keeps a long article’s search vector inside its row, where repository searches read it', async () => {
    // 300 distinct words make a vector of ~4 kB that PostgreSQL cannot compress (migration 0020).
    const words = Array.from({ length: 300 }, (_, i) => `term${i.toString(36)}x${(i * 7919).toString(36)}`);
    const a = await article(member, words.join(' '));
    const res = await t.pool.query(
      'select pg_column_size(search_vector) as size, pg_column_toast_chunk_id(search_vector) as chunk from assets where id = $1',
      [a.id],
    );
    expect(res.rows[0].size).toBeGreaterThan(3000);
    expect(res.rows[0].chunk).toBeNull();
  });

  it('keeps a copy without positions in the row when the vector is too big for it; searches answer the same', async () => {
    // 350 distinct words, six times each, make a vector of ~10 kB: it leaves the row, and its
    // stripped copy (~5 kB) stays (decision 014).
    const words = Array.from({ length: 6 }, () => Array.from({ length: 350 }, (_, i) => `term${i.toString(36)}x${(i * 7919).toString(36)}`)).flat();
    const body = `Bilby warren. ${words.slice(0, 1000).join(' ')} quoll ${words.slice(1000).join(' ')} bilby`;
    const a = await article(member, body);
    const storage = async () =>
      (
        await t.pool.query(
          `select pg_column_size(search_vector) as size, pg_column_toast_chunk_id(search_vector) as chunk,
             pg_column_toast_chunk_id(match_vector) as match_chunk, match_vector = strip(search_vector) as stripped
           from assets where id = $1`,
          [a.id],
        )
      ).rows[0];
    const big = await storage();
    expect(big.size).toBeGreaterThan(7900);
    expect(big.chunk).not.toBeNull();
    expect(big.match_chunk).toBeNull();
    expect(big.stripped).toBe(true);
    const [{ id }] = (await t.db.execute<{ id: string }>(sql`select id from users where username = ${member.username}`)).rows;
    const viewer = { id: Number(id), username: member.username ?? '', displayName: 'Member', email: 'member@example.org', siteRole: 'member' as const };
    // Read in order (the copy is tested) and through the index (the full vector): the same answers.
    const found = async (q: string) => {
      const [walked, indexed] = await Promise.all([50, 0].map(async (walk) => (await searchAssets(t.db, viewer, { q, limit: 10, offset: 0 }, walk)).map((r) => r.id)));
      expect(walked).toEqual(indexed);
      return walked.includes(a.id);
    };
    expect(await found('quoll bilby')).toBe(true);
    expect(await found('bilby -quoll')).toBe(false);
    expect(await found('"bilby warren"')).toBe(true);
    // Both words are there, but not side by side: only the full vector's positions can tell.
    expect(await found('"bilby quoll"')).toBe(false);
    expect(await found('quoll-bilby')).toBe(false);
    // A new version that fits the row drops the copy.
    expect((await member.patch(`/api/assets/${a.id}`, { body: 'Short now: a bilby.' })).statusCode).toBe(200);
    const small = await storage();
    expect(small.chunk).toBeNull();
    expect(small.stripped).toBeNull();
  });

  it('adds a link, linked to a topic of the community; a topic of another community is refused by field', async () => {
    const topicId = await makeTopic(member, [slug]);
    const res = await member.post(`/api/communities/${slug}/assets`, { kind: 'link', title: 'Pump vendor manual', url: 'https://example.org/manual', topicIds: [topicId] });
    expect(res.statusCode).toBe(201);
    expect(res.json().topics).toEqual([{ id: topicId, title: expect.any(String) }]);
    const other = await makeCommunity(owner);
    const elsewhere = await makeTopic(owner, [other]);
    const bad = await member.post(`/api/communities/${slug}/assets`, { kind: 'link', title: 'Elsewhere', url: 'https://example.org/x', topicIds: [elsewhere] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('topicIds.0');
  });

  it('editing changes the topics and events it came from without a new version; foreign ones are refused by field', async () => {
    const first = await makeTopic(member, [slug], { title: 'Where the guide started' });
    const second = await makeTopic(member, [slug], { title: 'Where it went on' });
    const created = await member.post(`/api/communities/${slug}/assets`, { kind: 'link', title: 'Linked guide', url: 'https://example.org/g', topicIds: [first] });
    const id = created.json().id as number;
    const edit = await member.patch(`/api/assets/${id}`, { topicIds: [second, first] });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().topics.map((x: { id: number }) => x.id).sort()).toEqual([first, second].sort());
    expect(edit.json().currentVersion).toBe(1);
    const cleared = await member.patch(`/api/assets/${id}`, { topicIds: [] });
    expect(cleared.json().topics).toEqual([]);
    const elsewhere = await makeTopic(owner, [await makeCommunity(owner)]);
    const bad = await member.patch(`/api/assets/${id}`, { topicIds: [second, elsewhere] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('topicIds.1');
    const badEvent = await member.patch(`/api/assets/${id}`, { eventIds: [999999] });
    expect(badEvent.statusCode).toBe(422);
    expect(badEvent.json().errors[0].path).toBe('eventIds.0');
    expect((await member.get(`/api/assets/${id}`)).json().topics).toEqual([]);
  });

  it('a topic lists the assets that came from it, and where the viewer may save it to the repository', async () => {
    const topicId = await makeTopic(member, [slug], { title: 'Pump maintenance schedule' });
    const empty = (await reader.get(`/api/topics/${topicId}/assets`)).json();
    expect(empty).toEqual({ items: [], viewer: { canAddTo: [] } });
    await member.post(`/api/communities/${slug}/assets`, { kind: 'link', title: 'Maintenance sheet', url: 'https://example.org/m', topicIds: [topicId] });
    const seen = (await member.get(`/api/topics/${topicId}/assets`)).json();
    expect(seen.items.map((a: { title: string }) => a.title)).toEqual(['Maintenance sheet']);
    expect(seen.viewer.canAddTo).toEqual([{ slug, name: expect.any(String) }]);
    expect((await reader.get(`/api/topics/${topicId}/assets`)).json().items).toHaveLength(1);
    expect((await reader.get('/api/topics/99999999/assets')).statusCode).toBe(404);
  });

  it('an event lists the assets that came from it, newest first, and members may save it to its community’s repository', async () => {
    const eventId = await makeEvent(owner, slug, 'Coupling alignment workshop');
    const anonymous = (url: string) => t.app.inject({ method: 'GET', url });
    expect((await reader.get(`/api/events/${eventId}/assets`)).json()).toEqual({ items: [], viewer: { canAddTo: [] } });
    for (const title of ['Workshop slides', 'Workshop notes']) {
      const res = await member.post(`/api/communities/${slug}/assets`, { kind: 'link', title, url: 'https://example.org/w', eventIds: [eventId] });
      expect(res.statusCode).toBe(201);
    }
    await member.post(`/api/communities/${slug}/assets`, { kind: 'link', title: 'Not from the workshop', url: 'https://example.org/n' });
    const seen = (await member.get(`/api/events/${eventId}/assets`)).json();
    expect(seen.items.map((a: { title: string }) => a.title)).toEqual(['Workshop notes', 'Workshop slides']);
    expect(seen.viewer.canAddTo).toEqual([{ slug, name: expect.any(String) }]);
    const outsider = (await reader.get(`/api/events/${eventId}/assets`)).json();
    expect(outsider.items).toHaveLength(2);
    expect(outsider.viewer.canAddTo).toEqual([]);
    const anon = await anonymous(`/api/events/${eventId}/assets`);
    expect(anon.statusCode).toBe(200);
    expect(anon.json().items).toHaveLength(2);
    expect(anon.json().viewer.canAddTo).toEqual([]);
    expect((await reader.get('/api/events/99999999/assets')).statusCode).toBe(404);
  });

  it('an event of a secret community answers outsiders and anonymous visitors as the event itself does (404), its assets unseen', async () => {
    const secret = await makeCommunity(owner, { visibility: 'secret' });
    const eventId = await makeEvent(owner, secret, 'Secret planning day');
    expect((await owner.post(`/api/communities/${secret}/assets`, { kind: 'link', title: 'Secret plan', url: 'https://example.org/s', eventIds: [eventId] })).statusCode).toBe(201);
    const own = (await owner.get(`/api/events/${eventId}/assets`)).json();
    expect(own.items.map((a: { title: string }) => a.title)).toEqual(['Secret plan']);
    expect(own.viewer.canAddTo).toEqual([{ slug: secret, name: expect.any(String) }]);
    for (const [who, get] of [
      ['outsider', (url: string) => reader.get(url)],
      ['anonymous', (url: string) => t.app.inject({ method: 'GET', url })],
    ] as const) {
      const event = await get(`/api/events/${eventId}`);
      const res = await get(`/api/events/${eventId}/assets`);
      expect(res.statusCode, who).toBe(404);
      expect(res.statusCode, who).toBe(event.statusCode);
      expect(res.body, who).not.toContain('Secret plan');
    }
  });

  it('refuses a link that is not a web address, naming the field', async () => {
    const res = await member.post(`/api/communities/${slug}/assets`, { kind: 'link', title: 'Script', url: 'javascript:alert(1)' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json().errors)).toContain('url');
  });

  it('lists the repository newest first with a cursor', async () => {
    await article(member, 'one');
    await article(member, 'two');
    const first = (await reader.get(`/api/communities/${slug}/assets?limit=1`)).json();
    const second = (await reader.get(`/api/communities/${slug}/assets?limit=1&cursor=${first.nextCursor}`)).json();
    expect(first.items).toHaveLength(1);
    expect(second.items[0].id).toBeLessThan(first.items[0].id);
  });
});

describe('uploads', () => {
  it('stores a PDF, extracts its text and streams it back with safe headers', async () => {
    const pdf = makePdf('Quokka handling procedures');
    const res = await uploadAsset(member, filesUrl(), { data: pdf, name: 'guide.pdf' }, { title: 'Handling guide', tags: 'safety, animals' });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a.tags).toEqual(['safety', 'animals']);
    expect(a.version.file).toMatchObject({ name: 'guide.pdf', mime: 'application/pdf', size: pdf.length, previewable: true });
    const [row] = (await t.db.execute<{ extracted_text: string }>(sql`select extracted_text from asset_versions where asset_id = ${a.id}`)).rows;
    expect(row.extracted_text).toContain('Quokka handling procedures');
    const dl = await reader.get(a.version.file.downloadUrl);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(/^inline; filename="guide.pdf"/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-security-policy']).toContain('sandbox');
  });

  it('takes a Word document and a Markdown file, extracting their text; text downloads as an attachment', async () => {
    const docx = await uploadAsset(member, filesUrl(), { data: makeDocx('Wallaby feeding schedule'), name: 'feeding.docx', type: 'application/octet-stream' }, { title: 'Feeding' });
    expect(docx.statusCode).toBe(201);
    expect(docx.json().version.file.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const md = await uploadAsset(member, filesUrl(), { data: Buffer.from('# Notes\n\nNumbat census method'), name: 'notes.md', type: 'text/markdown' }, { title: 'Census notes' });
    expect(md.statusCode).toBe(201);
    const texts = (await t.db.execute<{ extracted_text: string }>(sql`select extracted_text from asset_versions where asset_id in (${docx.json().id}, ${md.json().id}) order by asset_id`)).rows;
    expect(texts.map((r) => r.extracted_text)).toEqual([expect.stringContaining('Wallaby feeding schedule'), expect.stringContaining('Numbat census method')]);
    const dl = await reader.get(md.json().version.file.downloadUrl);
    expect(dl.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
  });

  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64, 1)]);
  const pe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
  const refusals: [string, { data: Buffer; name: string; type?: string }, number][] = [
    ['an oversized file', { data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX + 10, 0x20)]), name: 'big.pdf' }, 413],
    ['an empty file', { data: Buffer.alloc(0), name: 'empty.pdf' }, 422],
    ['an ELF executable named .pdf', { data: elf, name: 'report.pdf' }, 422],
    ['a Windows executable named .pdf', { data: pe, name: 'report.pdf' }, 422],
    ['HTML with a script', { data: Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'), name: 'page.txt', type: 'text/plain' }, 422],
    ['SVG with a script', { data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), name: 'logo.png', type: 'image/png' }, 422],
    ['text with an event handler', { data: Buffer.from('hello <img src=x onerror=alert(1)>'), name: 'a.md', type: 'text/markdown' }, 422],
    ['a zip that is not a Word document', { data: makeZip({ 'a.txt': 'hello' }), name: 'a.docx' }, 422],
    ['a damaged PDF', { data: Buffer.from('%PDF-1.4\nthis is not really a pdf'), name: 'broken.pdf' }, 422],
    ['binary data', { data: Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x00]), name: 'data.csv', type: 'text/csv' }, 422],
  ];
  for (const [what, file, status] of refusals) {
    it(`refuses ${what}, naming the file field and storing nothing`, async () => {
      const filesBefore = storedFiles();
      const before = await assetCount();
      const res = await uploadAsset(member, filesUrl(), file, { title: 'Should not exist' });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path).toBe('file');
      expect(await assetCount()).toBe(before);
      expect(storedFiles()).toEqual(filesBefore);
      expect(tempFiles()).toEqual([]);
    });
  }

  it('receives uploads into a temporary file under DATA_DIR and removes it once stored; images are judged by their first bytes', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]);
    const res = await uploadAsset(member, filesUrl(), { data: png, name: 'chart.png' }, { title: 'A chart' });
    expect(res.statusCode).toBe(201);
    expect(res.json().version.file).toMatchObject({ mime: 'image/png', size: png.length, previewable: true });
    expect(tempFiles()).toEqual([]);
    const back = await reader.get(res.json().version.file.downloadUrl);
    expect(Buffer.from(back.rawPayload).equals(png)).toBe(true);
  });

  it('refuses an upload with no file or bad fields, storing nothing', async () => {
    const filesBefore = storedFiles();
    const none = await uploadAsset(member, filesUrl(), null, { title: 'No file' });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0].path).toBe('file');
    const badTitle = await uploadAsset(member, filesUrl(), { data: makePdf('x'), name: 'x.pdf' }, { title: 'x', tags: 'Not A Tag!' });
    expect(badTitle.statusCode).toBe(400);
    expect(badTitle.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['title', 'tags.0']));
    expect(storedFiles()).toEqual(filesBefore);
  });

  it('refuses uploads from people who are not members, before reading the file', async () => {
    const filesBefore = storedFiles();
    const res = await uploadAsset(reader, filesUrl(), { data: makePdf('outsider'), name: 'x.pdf' }, { title: 'Outsider file' });
    expect(res.statusCode).toBe(403);
    expect(storedFiles()).toEqual(filesBefore);
  });
});

describe('versions', () => {
  it('editing makes a new version; history lists who and when; any version can be viewed and restored', async () => {
    const a = await article(member, 'First text');
    const edit = await member.patch(`/api/assets/${a.id}`, { body: 'Second text' });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().currentVersion).toBe(2);
    const cybrarian = await signedInClient(t);
    await cybrarian.post(`/api/communities/${slug}/join`);
    expect((await owner.put(`/api/communities/${slug}/members/${cybrarian.username}/roles/cybrarian`)).statusCode).toBe(204);
    expect((await cybrarian.patch(`/api/assets/${a.id}`, { title: 'Onboarding guide, revised' })).json().currentVersion).toBe(3);
    const history = (await reader.get(`/api/assets/${a.id}/versions`)).json();
    expect(history.items.map((v: { number: number; editor: { username: string } }) => [v.number, v.editor.username])).toEqual([
      [3, cybrarian.username],
      [2, member.username],
      [1, member.username],
    ]);
    expect((await reader.get(`/api/assets/${a.id}/versions/1`)).json().bodySource).toBe('First text');
    const restored = await owner.post(`/api/assets/${a.id}/versions/1/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ currentVersion: 4, title: 'Onboarding guide', version: { number: 4, bodySource: 'First text', restoredFrom: 1 } });
    expect((await owner.post(`/api/assets/${a.id}/versions/4/restore`)).statusCode).toBe(422);
    expect((await reader.get(`/api/assets/${a.id}/versions/99`)).statusCode).toBe(404);
  });

  it('changing only tags or the review date makes no new version', async () => {
    const a = await article(member);
    const res = await member.patch(`/api/assets/${a.id}`, { tags: ['kit'], reviewBy: '2030-01-01' });
    expect(res.json()).toMatchObject({ currentVersion: 1, tags: ['kit'], reviewBy: '2030-01-01' });
  });

  it('other members cannot edit; a steward can hand stewardship to a member only', async () => {
    const a = await article(owner);
    expect((await member.patch(`/api/assets/${a.id}`, { body: 'mine now' })).statusCode).toBe(403);
    const bad = await owner.patch(`/api/assets/${a.id}`, { steward: reader.username });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('steward');
    const ok = await owner.patch(`/api/assets/${a.id}`, { steward: member.username });
    expect(ok.json().steward.username).toBe(member.username);
    expect((await member.patch(`/api/assets/${a.id}`, { body: 'now I may' })).statusCode).toBe(200);
  });

  it('a new upload makes a new version; the old file stays downloadable', async () => {
    const first = makePdf('Version one text');
    const a = (await uploadAsset(member, filesUrl(), { data: first, name: 'v1.pdf' }, { title: 'Versioned file' })).json();
    const second = Buffer.from('Version two is plain text');
    const res = await uploadAsset(member, `/api/assets/${a.id}/file`, { data: second, name: 'v2.txt', type: 'text/plain' });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toMatchObject({ number: 2, file: { name: 'v2.txt', mime: 'text/plain' } });
    expect((await reader.get(`/api/assets/${a.id}/versions/1/file`)).rawPayload.equals(first)).toBe(true);
    expect((await reader.get(`/api/assets/${a.id}/versions/2/file`)).rawPayload.equals(second)).toBe(true);
    const art = await article(member);
    expect((await uploadAsset(member, `/api/assets/${art.id}/file`, { data: second, name: 'x.txt' })).statusCode).toBe(422);
  });
});

describe('freshness and review', () => {
  it('past its review date an asset needs review everywhere it shows and sits in its steward’s queue', async () => {
    const a = await article(member);
    expect((await member.patch(`/api/assets/${a.id}`, { reviewBy: '2020-01-01' })).statusCode).toBe(200);
    expect((await reader.get(`/api/assets/${a.id}`)).json().needsReview).toBe(true);
    const list = (await reader.get(`/api/communities/${slug}/assets?needsReview=true`)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(a.id);
    expect(list.items.every((i: { needsReview: boolean }) => i.needsReview)).toBe(true);
    const queue = (await member.get('/api/me/reviews')).json();
    expect(queue.items.map((i: { id: number }) => i.id)).toContain(a.id);
    expect((await owner.get('/api/me/reviews')).json().items.map((i: { id: number }) => i.id)).not.toContain(a.id);

    const confirmed = await member.post(`/api/assets/${a.id}/review`, { action: 'confirm' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ needsReview: false, status: 'active', reviewBy: new Date(Date.now() + 365 * 86400_000).toISOString().slice(0, 10) });
    expect((await member.get('/api/me/reviews')).json().items.map((i: { id: number }) => i.id)).not.toContain(a.id);
  });

  it('the review queue follows the clock: a fresh asset enters it once its date has passed', async () => {
    const a = await article(member);
    const [me] = (await t.db.execute<{ id: number }>(sql`select id from users where username = ${member.username}`)).rows;
    const now = new Date();
    const queueAt = async (at: Date) => (await listReviewQueue(t.db, Number(me.id), today(at), null, 50)).map((r) => r.id);
    expect(await queueAt(now)).not.toContain(a.id);
    expect(await queueAt(new Date(now.getTime() + 366 * 86400_000))).toContain(a.id);
  });

  it('retiring keeps the asset findable and labelled; it leaves the queue and can be put back in use', async () => {
    const a = await article(member);
    await member.patch(`/api/assets/${a.id}`, { reviewBy: '2020-01-01' });
    const retired = await member.post(`/api/assets/${a.id}/review`, { action: 'retire' });
    expect(retired.json()).toMatchObject({ status: 'retired', needsReview: false });
    expect((await reader.get(`/api/communities/${slug}/assets?status=retired`)).json().items.map((i: { id: number }) => i.id)).toContain(a.id);
    expect((await member.get('/api/me/reviews')).json().items.map((i: { id: number }) => i.id)).not.toContain(a.id);
    expect((await member.post(`/api/assets/${a.id}/review`, { action: 'confirm' })).statusCode).toBe(422);
    const back = await member.post(`/api/assets/${a.id}/review`, { action: 'reactivate', reviewBy: '2031-05-01' });
    expect(back.json()).toMatchObject({ status: 'active', reviewBy: '2031-05-01' });
  });

  it('refuses a review date that is not after today, naming the field', async () => {
    const a = await article(member);
    const res = await member.post(`/api/assets/${a.id}/review`, { action: 'confirm', reviewBy: today(new Date()) });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('reviewBy');
    expect((await reader.post(`/api/assets/${a.id}/review`, { action: 'confirm' })).statusCode).toBe(403);
  });
});

describe('reuse', () => {
  it('anyone signed in who can read it records “I reused this”; counts and notes show on the asset', async () => {
    const a = await article(member);
    const r1 = await reader.post(`/api/assets/${a.id}/reuses`, { note: 'Used it for our night shift onboarding' });
    expect(r1.statusCode).toBe(201);
    expect(r1.json()).toMatchObject({ person: { username: reader.username }, note: 'Used it for our night shift onboarding' });
    expect((await reader.post(`/api/assets/${a.id}/reuses`, {})).statusCode).toBe(201);
    expect((await owner.get(`/api/assets/${a.id}`)).json().reuseCount).toBe(2);
    const notes = (await owner.get(`/api/assets/${a.id}/reuses`)).json();
    expect(notes.items.map((n: { note: string }) => n.note)).toEqual(['', 'Used it for our night shift onboarding']);
    const anon = await t.app.inject({ method: 'POST', url: `/api/assets/${a.id}/reuses`, payload: {} });
    expect([401, 403]).toContain(anon.statusCode);
    expect((await owner.get(`/api/assets/${a.id}`)).json().reuseCount).toBe(2);
  });
});

describe('search', () => {
  it('finds a phrase that appears only inside an uploaded PDF, with the same visibility rules as posts', async () => {
    const phrase = 'marsupial telemetry calibration';
    const open = await uploadAsset(member, filesUrl(), { data: makePdf(`Appendix on ${phrase} in the field`), name: 'appendix.pdf' }, { title: 'Field appendix' });
    expect(open.statusCode).toBe(201);
    const secret = await makeCommunity(owner, { visibility: 'secret' });
    const hidden = await uploadAsset(owner, `/api/communities/${secret}/assets/files`, { data: makePdf(`Secret notes on ${phrase}`), name: 'secret.pdf' }, { title: 'Secret appendix' });
    expect(hidden.statusCode).toBe(201);

    const forReader = (await reader.get(`/api/search?q=${encodeURIComponent(`"${phrase}"`)}`)).json();
    const assetsFound = forReader.items.filter((h: { kind: string }) => h.kind === 'asset');
    expect(assetsFound.map((h: { url: string }) => h.url)).toEqual([`/assets/${open.json().id}`]);
    expect(assetsFound[0].snippet).toContain('<mark>');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/search?kind=asset&q=${encodeURIComponent(phrase)}` });
    expect(anonymous.json().items.map((h: { url: string }) => h.url)).toEqual([`/assets/${open.json().id}`]);
    const forOwner = (await owner.get(`/api/search?kind=asset&q=${encodeURIComponent(phrase)}`)).json();
    expect(forOwner.items.map((h: { url: string }) => h.url).sort()).toEqual([`/assets/${open.json().id}`, `/assets/${hidden.json().id}`].sort());
  });

  it('labels retired assets and those past their review date in results', async () => {
    const a = (await member.post(`/api/communities/${slug}/assets`, { kind: 'article', title: 'Echidna enclosure checklist', body: 'Check the fences.' })).json();
    const b = (await member.post(`/api/communities/${slug}/assets`, { kind: 'article', title: 'Echidna diet notes', body: 'Ants, mostly.' })).json();
    await member.post(`/api/assets/${a.id}/review`, { action: 'retire' });
    await member.patch(`/api/assets/${b.id}`, { reviewBy: '2020-01-01' });
    const hits = (await reader.get('/api/search?kind=asset&q=echidna')).json().items as { url: string; label: string | null }[];
    expect(Object.fromEntries(hits.map((h) => [h.url, h.label]))).toEqual({ [`/assets/${a.id}`]: 'Retired', [`/assets/${b.id}`]: 'Needs review' });
  });

  it('understands phrases and excluded words', async () => {
    const a = (await member.post(`/api/communities/${slug}/assets`, { kind: 'article', title: 'Wombat burrow survey', body: 'Count the burrow entrances at dusk.' })).json();
    const b = (await member.post(`/api/communities/${slug}/assets`, { kind: 'article', title: 'Wombat diet', body: 'Entrances to the garden burrow were fenced.' })).json();
    const urls = async (q: string) => ((await reader.get(`/api/search?kind=asset&q=${encodeURIComponent(q)}`)).json().items as { url: string }[]).map((h) => h.url).sort();
    expect(await urls('wombat burrow')).toEqual([`/assets/${a.id}`, `/assets/${b.id}`].sort());
    expect(await urls('"wombat burrow"')).toEqual([`/assets/${a.id}`]);
    expect(await urls('wombat -diet')).toEqual([`/assets/${a.id}`]);
    expect(await urls('"burrow entrances" -survey')).toEqual([]);
  });

  it('counts the assets holding each word, and reads the newest in order only where the counts say it pays', async () => {
    await member.post(`/api/communities/${slug}/assets`, { kind: 'article', title: 'Numbat count', body: 'Numbats at dawn.' });
    const counted = await refreshRepositoryWords(t.db);
    expect(counted.assets).toBe(await assetCount());
    const walk = async (q: string, needed = 200) =>
      Number((await t.db.execute<{ n: string }>(sql`select ${assetWalkSql(sql`websearch_to_tsquery('english', ${q})`, needed)} as n`)).rows[0].n);
    // A small repository: the index is always the cheaper way.
    expect(await walk('numbat')).toBe(0);
    // As if it held a million assets, half of them about numbats: twice the 200 expected.
    await t.db.execute(sql`update repository_words_state set assets = 1000000`);
    await t.db.execute(sql`update repository_words set assets = 500000 where lexeme = 'numbat'`);
    expect(await walk('numbat')).toBe(800);
    expect(await walk('numbat', 1000)).toBe(4000);
    // Both words: a quarter (taken as independent); an "or", or no counts at all: the fixed walk.
    await t.db.execute(sql`update repository_words set assets = 500000 where lexeme = 'dawn'`);
    expect(await walk('numbat dawn')).toBe(1600);
    expect(await walk('numbat or dawn')).toBe(4000);
    // The most words 200 characters hold, none of them counted: a share far below the smallest
    // float8, which must neither fail the statement nor be read in order. A word said twice counts once.
    const many = Array.from({ length: 67 }, (_, i) => `${i < 36 ? 'x' : 'y'}${(i % 36).toString(36)}`).join(' ');
    expect(many.length).toBeLessThanOrEqual(200);
    expect(await walk(many)).toBe(0);
    expect((await reader.get(`/api/search?kind=asset&q=${encodeURIComponent(many)}`)).statusCode).toBe(200);
    expect(await walk('numbat numbat numbat')).toBe(800);
    expect(await walk('the and of')).toBe(0);
    await t.db.execute(sql`delete from repository_words_state`);
    expect(await walk('numbat')).toBe(4000);
    await refreshRepositoryWords(t.db);
  });

  it('finds the same assets, in the same order, reading the newest in order or asking the index', async () => {
    for (const [title, body] of [
      ['Quokka burrow survey', 'Count the burrow entrances.'],
      ['Quokka diet', 'Leaves, mostly; the burrow is elsewhere.'],
      ['Island notes', 'A quokka burrow by the jetty.'],
      ['Ferry timetable', 'Nothing about animals.'],
      ['Quokka photos', 'Selfies with a quokka, discouraged.'],
    ]) {
      expect((await member.post(`/api/communities/${slug}/assets`, { kind: 'article', title, body })).statusCode).toBe(201);
    }
    const secret = await makeCommunity(owner, { visibility: 'secret' });
    await owner.post(`/api/communities/${secret}/assets`, { kind: 'article', title: 'Secret quokka burrow', body: 'Hidden.' });
    const queries = ['quokka', 'quokka burrow', '"quokka burrow"', 'quokka -diet', 'quokka or jetty'];
    const answers = async () => {
      const out: Record<string, string[]> = {};
      for (const q of queries) {
        for (const c of [reader, owner]) {
          const first = (await c.get(`/api/search?kind=asset&limit=2&q=${encodeURIComponent(q)}`)).json();
          const next = first.nextOffset ? (await c.get(`/api/search?kind=asset&limit=2&offset=2&q=${encodeURIComponent(q)}`)).json().items : [];
          out[`${q} ${c === owner ? 'owner' : 'reader'}`] = [...first.items, ...next].map((h: { url: string }) => h.url);
        }
      }
      return out;
    };
    await t.db.execute(sql`delete from repository_words_state`);
    const walked = await answers(); // no counts: the newest assets are read in order (all of them, here)
    await refreshRepositoryWords(t.db);
    const indexed = await answers(); // a small repository: the index answers
    await t.db.execute(sql`update repository_words_state set assets = 1000000`);
    await t.db.execute(sql`update repository_words set assets = 1000000 where lexeme in ('quokka', 'burrow', 'jetti')`);
    const both = await answers(); // common words: a short walk, then the index for older assets
    expect(indexed).toEqual(walked);
    expect(both).toEqual(walked);
    // A walk too short for the page hands over to the index for the older assets.
    const [{ id }] = (await t.db.execute<{ id: string }>(sql`select id from users where username = ${owner.username}`)).rows;
    const viewer = { id: Number(id), username: owner.username ?? '', displayName: 'Owner', email: 'owner@example.org', siteRole: 'member' as const };
    for (const q of queries) {
      const ids = async (walk?: number) => (await searchAssets(t.db, viewer, { q, limit: 10, offset: 0 }, walk)).map((r) => r.id);
      const expected = await ids();
      for (const walk of [0, 1, 2, 3, 50]) expect(await ids(walk)).toEqual(expected);
    }
    expect(walked['quokka reader']).toHaveLength(4);
    expect(walked['"quokka burrow" reader']).toHaveLength(2);
    expect(walked['"quokka burrow" owner']).toHaveLength(3);
    await refreshRepositoryWords(t.db);
  });

  it('the snippet shows where a word occurs deep inside a long document, stemmed and capitalised', async () => {
    const filler = 'Routine inspection of the district meters found nothing unusual this week. '.repeat(120);
    const body = `${filler}\n\nPlatypuses were spotted near the outfall weir after the storm.\n\n${filler}`;
    const a = (await member.post(`/api/communities/${slug}/assets`, { kind: 'article', title: 'Weekly round notes', body })).json();
    const hits = (await reader.get('/api/search?kind=asset&q=platypus')).json().items as { url: string; snippet: string }[];
    expect(hits.map((h) => h.url)).toEqual([`/assets/${a.id}`]);
    expect(hits[0].snippet).toContain('<mark>Platypuses</mark> were spotted near the outfall weir');
  });

  it('an article’s snippet shows its words without their Markdown marks', async () => {
    const body = '## Before you start\n\nCheck the **numbat** traps and read [the guide](https://example.org/guide).';
    const a = (await member.post(`/api/communities/${slug}/assets`, { kind: 'article', title: 'Trap round', body })).json();
    const hits = (await reader.get('/api/search?kind=asset&q=numbat')).json().items as { url: string; snippet: string }[];
    const hit = hits.find((h) => h.url === `/assets/${a.id}`);
    expect(hit?.snippet).toBe('Before you start Check the <mark>numbat</mark> traps and read the guide.');
  });

  it('snippets follow the current version: an edit and a restore each show their own text', async () => {
    const filler = 'Valves were exercised on the northern loop without trouble. '.repeat(60);
    const a = (await member.post(`/api/communities/${slug}/assets`, { kind: 'article', title: 'Loop notes', body: `${filler} A quoll crossed the access road.` })).json();
    const snippet = async (q: string) => {
      const hits = (await reader.get(`/api/search?kind=asset&q=${q}`)).json().items as { url: string; snippet: string }[];
      return hits.find((h) => h.url === `/assets/${a.id}`)?.snippet ?? null;
    };
    expect(await snippet('quoll')).toContain('A <mark>quoll</mark> crossed the access road.');
    expect((await member.patch(`/api/assets/${a.id}`, { body: `${filler} A bandicoot dug under the kiosk.` })).statusCode).toBe(200);
    expect(await snippet('quoll')).toBeNull();
    expect(await snippet('bandicoot')).toContain('A <mark>bandicoot</mark> dug under the kiosk.');
    expect((await owner.post(`/api/assets/${a.id}/versions/1/restore`)).statusCode).toBe(200);
    expect(await snippet('quoll')).toContain('A <mark>quoll</mark> crossed the access road.');
    expect(await snippet('bandicoot')).toBeNull();
    // A word only in the title: the snippet is the start of the text.
    expect(await snippet('loop%20notes')).toContain('Valves were exercised on the northern');
  });
});

describe('collections', () => {
  it('the cybrarian and coordinators curate ordered collections of the community’s assets', async () => {
    const a = await article(member, 'A');
    const b = await article(member, 'B');
    expect((await member.post(`/api/communities/${slug}/collections`, { title: 'Onboarding kit' })).statusCode).toBe(403);
    const created = await owner.post(`/api/communities/${slug}/collections`, { title: 'Onboarding kit', description: 'Start here' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const set = await owner.put(`/api/collections/${id}/items`, { assetIds: [b.id, a.id] });
    expect(set.statusCode).toBe(200);
    expect(set.json().items.map((i: { id: number }) => i.id)).toEqual([b.id, a.id]);
    const reordered = (await owner.put(`/api/collections/${id}/items`, { assetIds: [a.id, b.id] })).json();
    expect(reordered.items.map((i: { id: number }) => i.id)).toEqual([a.id, b.id]);
    const seen = (await reader.get(`/api/collections/${id}`)).json();
    expect(seen).toMatchObject({ title: 'Onboarding kit', itemCount: 2, viewer: { canCurate: false } });
    const list = (await reader.get(`/api/communities/${slug}/collections`)).json();
    expect(list.items[0]).toMatchObject({ id, itemCount: 2 });
    expect((await owner.patch(`/api/collections/${id}`, { title: 'Welcome kit' })).json().title).toBe('Welcome kit');
  });

  it('refuses assets of another community or listed twice, naming the position, and changes nothing', async () => {
    const a = await article(member);
    const other = await makeCommunity(owner);
    const foreign = (await owner.post(`/api/communities/${other}/assets`, { kind: 'article', title: 'Elsewhere', body: 'x' })).json();
    const id = (await owner.post(`/api/communities/${slug}/collections`, { title: 'Kit' })).json().id;
    await owner.put(`/api/collections/${id}/items`, { assetIds: [a.id] });
    const bad = await owner.put(`/api/collections/${id}/items`, { assetIds: [a.id, foreign.id] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('assetIds.1');
    const twice = await owner.put(`/api/collections/${id}/items`, { assetIds: [a.id, a.id] });
    expect(twice.json().errors[0].path).toBe('assetIds.1');
    expect((await reader.get(`/api/collections/${id}`)).json().items.map((i: { id: number }) => i.id)).toEqual([a.id]);
  });

  it('removing a collection keeps its assets', async () => {
    const a = await article(member);
    const id = (await owner.post(`/api/communities/${slug}/collections`, { title: 'Short-lived' })).json().id;
    await owner.put(`/api/collections/${id}/items`, { assetIds: [a.id] });
    expect((await member.delete(`/api/collections/${id}`)).statusCode).toBe(403);
    expect((await owner.delete(`/api/collections/${id}`)).statusCode).toBe(204);
    expect((await reader.get(`/api/collections/${id}`)).statusCode).toBe(404);
    expect((await reader.get(`/api/assets/${a.id}`)).statusCode).toBe(200);
  });
});

describe('review period', () => {
  it('coordinators set how long assets stay fresh; new assets and confirmations use it', async () => {
    const community = await makeCommunity(owner);
    expect((await reader.get(`/api/communities/${community}/repository-settings`)).json()).toEqual({ reviewAfterDays: 365, viewer: { canChange: false } });
    expect((await reader.put(`/api/communities/${community}/repository-settings`, { reviewAfterDays: 30 })).statusCode).toBe(403);
    expect((await owner.put(`/api/communities/${community}/repository-settings`, { reviewAfterDays: 30 })).statusCode).toBe(200);
    const bad = await owner.put(`/api/communities/${community}/repository-settings`, { reviewAfterDays: 1 });
    expect(bad.statusCode).toBe(400);
    const a = (await owner.post(`/api/communities/${community}/assets`, { kind: 'article', title: 'Monthly guide', body: 'x' })).json();
    expect(a.reviewBy).toBe(new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10));
  });
});

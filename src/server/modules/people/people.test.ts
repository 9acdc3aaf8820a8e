import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeCommunity, makeTopic, signedInClient, type TestApp } from '../../test/harness.ts';
import { refreshExpertiseEvidence } from './people.jobs.ts';
import { type DirectoryFilter, findExpertRows, listDirectory, wordedWalkSql } from './people.queries.ts';
import { findExperts } from './people.service.ts';

const MAX = 300_000;
let t: TestApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'people-test-'));
  t = await createTestApp({ DATA_DIR: dataDir, PHOTO_MAX_BYTES: String(MAX) });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Uploads `data` as a multipart file the way a browser form does. */
async function upload(c: Client, data: Buffer, opts: { field?: string; filename?: string; type?: string } = {}) {
  if (!c.csrf) await c.refreshCsrf();
  const boundary = `----constellation${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'photo'}"; filename="${opts.filename ?? 'me.png'}"\r\nContent-Type: ${opts.type ?? 'image/png'}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return c.app.inject({
    method: 'POST',
    url: '/api/me/photo',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'x-csrf-token': c.csrf!,
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    payload,
  });
}

const photoFiles = () => {
  try {
    return readdirSync(path.join(dataDir, 'photos')).sort();
  } catch {
    return [];
  }
};
const png = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#2f6f9f' } }).png().toBuffer();
/** Random pixels stored uncompressed: a real PNG of about w*h*3 bytes. */
const noisePng = (w: number, h: number) => sharp(randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();

const dbPhoto = async (username: string) => (await t.pool.query('select photo from users where username = $1', [username])).rows[0].photo as string | null;
const idOf = async (table: 'users' | 'communities', key: string) =>
  (await t.pool.query(`select id from ${table} where ${table === 'users' ? 'username' : 'slug'} = $1`, [key])).rows[0].id as number;

describe('my profile', () => {
  it('reads and updates name, title, location, time zone and bio', async () => {
    const me = await signedInClient(t);
    const res = await me.patch('/api/me/profile', { displayName: 'Amaka Obi', title: 'Senior Hydrologist', location: 'Leeds', timeZone: 'Europe/London', bio: 'Rivers.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Amaka Obi', title: 'Senior Hydrologist', location: 'Leeds', timeZone: 'Europe/London', bio: 'Rivers.', photoUrl: null, expertise: [] });
    expect((await me.get('/api/me/profile')).json().title).toBe('Senior Hydrologist');
    const pub = (await new Client(t.app).get(`/api/people/${me.username}`)).json();
    expect(pub).toMatchObject({ displayName: 'Amaka Obi', title: 'Senior Hydrologist', location: 'Leeds', timeZone: 'Europe/London', photoUrl: null });
  });

  it('refuses an unknown time zone and changes nothing', async () => {
    const me = await signedInClient(t);
    await me.patch('/api/me/profile', { timeZone: 'Asia/Tokyo' });
    for (const tz of ['Mars/Olympus', 'Europe/../../etc', 'UTC; drop table users']) {
      const res = await me.patch('/api/me/profile', { timeZone: tz });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('timeZone');
    }
    expect((await me.get('/api/me/profile')).json().timeZone).toBe('Asia/Tokyo');
    expect((await me.patch('/api/me/profile', { timeZone: '' })).json().timeZone).toBe('');
  });

  it('cannot be used to change anything but profile fields', async () => {
    const me = await signedInClient(t);
    const res = await me.patch('/api/me/profile', { title: 'Boss', siteRole: 'admin' });
    expect(res.statusCode).toBe(400);
    const row = (await t.pool.query('select site_role, title from users where username = $1', [me.username])).rows[0];
    expect(row).toEqual({ site_role: 'member', title: '' });
  });

  it('needs a signed-in person', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/me/profile')).statusCode).toBe(401);
    expect((await anon.patch('/api/me/profile', { title: 'x' })).statusCode).toBe(401);
  });

  it('replaces expertise areas, normalizing tags, strongest first', async () => {
    const me = await signedInClient(t);
    const res = await me.put('/api/me/expertise', {
      areas: [
        { tag: 'Leak-Detection', level: 'practitioner' },
        { tag: 'pump-maintenance', level: 'expert' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().expertise).toEqual([
      { tag: 'pump-maintenance', level: 'expert' },
      { tag: 'leak-detection', level: 'practitioner' },
    ]);
    const again = await me.put('/api/me/expertise', { areas: [{ tag: 'scada', level: 'learning' }] });
    expect(again.json().expertise).toEqual([{ tag: 'scada', level: 'learning' }]);
    expect((await t.pool.query('select count(*)::int as n from expertise where user_id = $1', [await idOf('users', me.username!)])).rows[0].n).toBe(1);
  });

  it('refuses duplicate, malformed or too many areas and keeps the old ones', async () => {
    const me = await signedInClient(t);
    await me.put('/api/me/expertise', { areas: [{ tag: 'scada', level: 'expert' }] });
    const bad = [
      { areas: [{ tag: 'scada', level: 'expert' }, { tag: 'SCADA', level: 'learning' }] },
      { areas: [{ tag: '<script>', level: 'expert' }] },
      { areas: [{ tag: 'ok', level: 'guru' }] },
      { areas: Array.from({ length: 13 }, (_, i) => ({ tag: `t${i}`, level: 'learning' })) },
      { areas: 'scada' },
    ];
    for (const body of bad) {
      const res = await me.put('/api/me/expertise', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toMatch(/^areas/);
    }
    expect((await me.get('/api/me/profile')).json().expertise).toEqual([{ tag: 'scada', level: 'expert' }]);
  });
});

describe('photo', () => {
  it('stores a square 256px WebP without metadata, serves it cacheable, and changes the URL on each upload', async () => {
    const me = await signedInClient(t);
    const withExif = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#884422' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-gps-place' } } })
      .toBuffer();
    const res = await upload(me, withExif, { filename: 'me.jpg', type: 'image/jpeg' });
    expect(res.statusCode, res.body).toBe(200);
    const url1 = res.json().photoUrl as string;
    expect(url1).toMatch(/^\/api\/photos\/\d+-[0-9a-f]{16}\.webp$/);
    const img = await me.get(url1);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/webp');
    expect(img.headers['cache-control']).toContain('immutable');
    const meta = await sharp(img.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(meta.exif).toBeUndefined();
    expect(img.rawPayload.includes(Buffer.from('secret-gps-place'))).toBe(false);

    const res2 = await upload(me, await png(300, 300));
    const url2 = res2.json().photoUrl as string;
    expect(url2).not.toBe(url1);
    expect((await me.get(url1)).statusCode).toBe(404);
    const myId = await idOf('users', me.username!);
    expect(photoFiles().filter((f) => f.startsWith(`${myId}-`))).toHaveLength(1);
    expect((await me.get(`/api/people/${me.username}`)).json().photoUrl).toBe(url2);

    const del = await me.delete('/api/me/photo');
    expect(del.statusCode).toBe(204);
    expect(await dbPhoto(me.username!)).toBeNull();
    expect((await me.get(url2)).statusCode).toBe(404);
  });

  it('accepts a photo larger than the JSON body limit but within PHOTO_MAX_BYTES', async () => {
    const me = await signedInClient(t);
    const big = await noisePng(300, 300); // ≈ 270 kB
    expect(big.length).toBeLessThan(MAX);
    expect((await upload(me, big)).statusCode).toBe(200);
  });

  const refusals: [string, () => Promise<Buffer>, { filename?: string; type?: string }, number][] = [
    ['an oversized photo', () => noisePng(400, 400), {}, 413],
    ['an empty file', async () => Buffer.alloc(0), {}, 422],
    ['an executable named .png', async () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), randomBytes(2000)]), { filename: 'photo.png', type: 'image/png' }, 422],
    ['an ELF binary', async () => Buffer.concat([Buffer.from('\x7fELF'), randomBytes(500)]), { filename: 'photo.jpg', type: 'image/jpeg' }, 422],
    [
      'an SVG with a script',
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>'),
      { filename: 'photo.svg', type: 'image/svg+xml' },
      422,
    ],
    ['an HTML page', async () => Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'), { filename: 'photo.png', type: 'image/png' }, 422],
    ['a truncated PNG', async () => (await png(200, 200)).subarray(0, 60), {}, 422],
  ];
  it.each(refusals)('refuses %s with a problem naming the photo field, storing nothing', async (_name, make, opts, status) => {
    const me = await signedInClient(t);
    await upload(me, await png(100, 100));
    const before = { photo: await dbPhoto(me.username!), files: photoFiles() };
    const res = await upload(me, await make(), opts);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('photo');
    expect(await dbPhoto(me.username!)).toBe(before.photo);
    expect(photoFiles()).toEqual(before.files);
  });

  it('refuses a request with no photo field or not multipart', async () => {
    const me = await signedInClient(t);
    const wrongField = await upload(me, await png(50, 50), { field: 'avatar' });
    expect(wrongField.statusCode).toBe(422);
    const json = await me.post('/api/me/photo', { photo: 'data:image/png;base64,AAAA' });
    expect(json.statusCode).toBe(422);
    expect(json.json().errors[0].path).toBe('photo');
    expect(await dbPhoto(me.username!)).toBeNull();
  });

  it('serves only stored photo names', async () => {
    const me = await signedInClient(t);
    expect((await me.get('/api/photos/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(404);
    expect((await me.get('/api/photos/1-0123456789abcdef.webp')).statusCode).toBe(404);
  });
});

describe('my communities', () => {
  it('lists every community I belong to, secret ones included, with roles and a computed form of participation', async () => {
    const me = await signedInClient(t);
    const other = await signedInClient(t);
    const core = await makeCommunity(me, { name: 'A Core' });
    const active = await makeCommunity(other, { name: 'B Active' });
    const occasional = await makeCommunity(other, { name: 'C Occasional', visibility: 'secret' });
    const peripheral = await makeCommunity(other, { name: 'D Peripheral' });
    await other.post(`/api/communities/${occasional}/invitations`, { who: me.username });
    for (const s of [active, occasional, peripheral]) expect((await me.post(`/api/communities/${s}/join`)).statusCode).toBe(200);
    await other.put(`/api/communities/${active}/members/${me.username}/roles/broker`);
    const topic = await makeTopic(other, [active]);
    for (let i = 0; i < 4; i++) await me.post(`/api/topics/${topic}/replies`, { body: `Reply ${i}` });
    const occ = await makeTopic(me, [occasional]);
    const old = await makeTopic(me, [peripheral]);
    await t.pool.query(`update posts set created_at = now() - interval '60 days' where topic_id = $1`, [occ]);
    await t.pool.query(`update posts set created_at = now() - interval '200 days' where topic_id = $1`, [old]);

    const res = await me.get('/api/me/communities');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { slug: string }) => i.slug)).toEqual([core, active, occasional, peripheral]);
    expect(items.map((i: { participation: string }) => i.participation)).toEqual(['core', 'active', 'occasional', 'peripheral']);
    expect(items[0].roles).toEqual(['coordinator']);
    expect(items[1]).toMatchObject({ roles: ['broker'], postsRecently: 4 });
    expect(items[2].visibility).toBe('secret');

    const page1 = (await me.get('/api/me/communities?limit=3')).json();
    expect(page1.items).toHaveLength(3);
    const page2 = (await me.get(`/api/me/communities?limit=3&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((i: { slug: string }) => i.slug)).toEqual([peripheral]);
    expect(page2.nextCursor).toBeNull();
  });

  it('is for signed-in people only and rejects a forged cursor', async () => {
    const me = await signedInClient(t);
    expect((await new Client(t.app).get('/api/me/communities')).statusCode).toBe(401);
    const res = await me.get('/api/me/communities?cursor=bm9wZQ');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('cursor');
  });
});

describe('directory', () => {
  let coord: Client;
  let hydro: Client;
  let hidden: Client;
  let outsider: Client;
  let open: string;
  let secret: string;
  const word = `Zq${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    coord = await signedInClient(t);
    hydro = await signedInClient(t);
    hidden = await signedInClient(t);
    outsider = await signedInClient(t);
    open = await makeCommunity(coord, { name: 'Dir Open' });
    secret = await makeCommunity(coord, { name: 'Dir Secret', visibility: 'secret' });
    await hydro.post(`/api/communities/${open}/join`);
    await coord.post(`/api/communities/${secret}/invitations`, { who: hidden.username });
    await hidden.post(`/api/communities/${secret}/join`);
    await coord.put(`/api/communities/${secret}/members/${hidden.username}/roles/broker`);
    await hydro.patch('/api/me/profile', { displayName: `Hana ${word}`, title: 'Senior Hydrologist' });
    await hidden.patch('/api/me/profile', { displayName: `Hugo ${word}`, title: `Hydrologist ${word}` });
    await hydro.put('/api/me/expertise', { areas: [{ tag: `flood-${word.toLowerCase()}`, level: 'expert' }] });
  });

  const names = (res: { json: () => { items: { username: string }[] } }) => res.json().items.map((i) => i.username);

  it('searches names, usernames and titles and shows expertise', async () => {
    const res = await outsider.get(`/api/people?q=${word.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual([hydro.username, hidden.username]);
    expect(res.json().items[0]).toMatchObject({ title: 'Senior Hydrologist', expertise: [{ tag: `flood-${word.toLowerCase()}`, level: 'expert' }] });
    expect(names(await outsider.get(`/api/people?q=${hydro.username!}`))).toEqual([hydro.username]);
    expect(names(await outsider.get('/api/people?q=100%25_'))).toEqual([]);
  });

  it('lists each person’s expertise areas strongest first, then by name, and none for someone without', async () => {
    const person = await signedInClient(t);
    await person.patch('/api/me/profile', { title: `Areas ${word}` });
    await person.put('/api/me/expertise', {
      areas: [
        { tag: 'zeta-pumps', level: 'learning' },
        { tag: 'beta-valves', level: 'expert' },
        { tag: 'alpha-meters', level: 'learning' },
        { tag: 'gamma-telemetry', level: 'practitioner' },
      ],
    });
    const res = await outsider.get(`/api/people?q=${encodeURIComponent(`areas ${word.toLowerCase()}`)}`);
    expect(res.json().items.map((i: { expertise: { tag: string }[] }) => i.expertise.map((a) => a.tag))).toEqual([
      ['beta-valves', 'gamma-telemetry', 'alpha-meters', 'zeta-pumps'],
    ]);
    const plain = await signedInClient(t);
    await plain.patch('/api/me/profile', { title: `Plain ${word}` });
    expect((await outsider.get(`/api/people?q=${encodeURIComponent(`plain ${word.toLowerCase()}`)}`)).json().items[0].expertise).toEqual([]);
  });

  it('finds people by what their profile says now, in any letter case', async () => {
    const person = await signedInClient(t);
    const title = `Ägir Ölmann ${word}X`;
    await person.patch('/api/me/profile', { title });
    expect(names(await outsider.get(`/api/people?q=${encodeURIComponent(`ägir ölmann ${word.toLowerCase()}x`)}`))).toEqual([person.username]);
    await person.patch('/api/me/profile', { title: 'Planner' });
    expect(names(await outsider.get(`/api/people?q=${encodeURIComponent(`${word}X`)}`))).toEqual([]);
  });

  it('filters by expertise, community and role', async () => {
    expect(names(await outsider.get(`/api/people?tag=flood-${word.toLowerCase()}`))).toEqual([hydro.username]);
    expect(names(await outsider.get(`/api/people?community=${open}`)).sort()).toEqual([coord.username, hydro.username].sort());
    expect(names(await outsider.get(`/api/people?q=${word}&role=broker`))).toEqual([]);
    expect(names(await coord.get(`/api/people?q=${word}&role=broker`))).toEqual([hidden.username]);
    expect(names(await coord.get(`/api/people?community=${secret}&role=broker`))).toEqual([hidden.username]);
  });

  it('treats a secret community the viewer cannot see as missing', async () => {
    for (const c of [outsider, new Client(t.app)]) {
      const res = await c.get(`/api/people?community=${secret}`);
      expect(res.statusCode).toBe(404);
      expect((await c.get('/api/people?community=no-such-community')).statusCode).toBe(404);
    }
  });

  it('paginates with a cursor and no repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await outsider.get(`/api/people?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...names(res));
      cursor = res.json().nextCursor;
    } while (cursor);
    const total = (await t.pool.query('select count(*)::int as n from users')).rows[0].n;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('gives the same pages whether the name walk finds the matches or they are gathered', async () => {
    const id = (await t.pool.query('select id from users where username = $1', [coord.username])).rows[0].id;
    const viewer = { id, username: coord.username!, displayName: '', email: '', siteRole: 'member' as const };
    const all = async (f: Omit<DirectoryFilter, 'after' | 'limit'>, walk: number, limit = 1) => {
      const out: string[] = [];
      let after: [string, number] | null = null;
      for (;;) {
        const rows = await listDirectory(t.db, viewer, { ...f, after, limit }, walk);
        out.push(...rows.slice(0, limit).map((r) => r.username));
        if (rows.length <= limit) return out;
        after = [rows[limit - 1].display_name, rows[limit - 1].id];
      }
    };
    const filters: Omit<DirectoryFilter, 'after' | 'limit'>[] = [
      { q: word.toLowerCase() },
      { q: 'hydrolog' },
      { q: 'a' },
      { tag: `flood-${word.toLowerCase()}` },
      { communityId: (await t.pool.query('select id from communities where slug = $1', [open])).rows[0].id },
      { role: 'coordinator' },
      { role: 'broker', q: word },
      { role: 'coordinator', q: 'e' },
    ];
    for (const f of filters) {
      const walked = await all(f, 100_000);
      expect(walked.length, JSON.stringify(f)).toBeGreaterThan(0);
      expect(new Set(walked).size, JSON.stringify(f)).toBe(walked.length);
      // A walk of 1 or 3 people rarely fills even a one-person page, so most pages are gathered or
      // read on from where the walk stopped; with pages of 2 and 3, a walk finds some of a page.
      for (const [walk, limit] of [[1, 1], [3, 1], [1, 2], [3, 2], [2, 3], [5, 3]]) {
        expect(await all(f, walk, limit), `${JSON.stringify(f)} walk ${walk}, pages of ${limit}`).toEqual(walked);
      }
    }
    // The coordinator coordinates both communities: listed once, however the page is found.
    expect((await all({ role: 'coordinator' }, 100_000)).filter((u) => u === coord.username)).toHaveLength(1);
  });

  it('refuses bad filters with the field named', async () => {
    for (const [qs, field] of [
      ['role=emperor', 'role'],
      ['tag=%3Cscript%3E', 'tag'],
      ['limit=500', 'limit'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['cursor=abc', 'cursor'],
    ]) {
      const res = await outsider.get(`/api/people?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path).toBe(field);
    }
  });

  it('never shows a secret membership on a profile to outsiders', async () => {
    const pub = (await outsider.get(`/api/people/${hidden.username}`)).json();
    expect(pub.communities).toEqual([]);
    const mine = (await coord.get(`/api/people/${hidden.username}`)).json();
    expect(mine.communities.map((c: { slug: string }) => c.slug)).toEqual([secret]);
  });
});

describe('who knows', () => {
  let asker: Client;
  let insider: Client;
  let declaredExpert: Client;
  let declaredLearner: Client;
  let answerer: Client;
  let secretAnswerer: Client;
  let open: string;
  let secret: string;
  const tag = `pump-${randomBytes(2).toString('hex')}`;
  const rare = `impeller${randomBytes(2).toString('hex')}`;

  beforeAll(async () => {
    asker = await signedInClient(t);
    insider = await signedInClient(t);
    declaredExpert = await signedInClient(t);
    declaredLearner = await signedInClient(t);
    answerer = await signedInClient(t);
    secretAnswerer = await signedInClient(t);
    const helper = await signedInClient(t);
    open = await makeCommunity(insider, { name: 'Pumps Open' });
    secret = await makeCommunity(insider, { name: 'Pumps Secret', visibility: 'secret' });
    for (const c of [answerer, helper, asker]) await c.post(`/api/communities/${open}/join`);
    await insider.post(`/api/communities/${secret}/invitations`, { who: secretAnswerer.username });
    await secretAnswerer.post(`/api/communities/${secret}/join`);
    await declaredExpert.put('/api/me/expertise', { areas: [{ tag, level: 'expert' }] });
    await declaredLearner.put('/api/me/expertise', { areas: [{ tag, level: 'learning' }] });

    // Evidence in the open community: an accepted answer marked helpful twice.
    const q1 = await makeTopic(insider, [open], { title: 'How often do you service the pumps?', tags: [tag] });
    const r1 = (await answerer.post(`/api/topics/${q1}/replies`, { body: 'Every quarter, with vibration checks.' })).json().id;
    expect((await insider.put(`/api/topics/${q1}/accepted`, { postId: r1 })).statusCode).toBe(204);
    expect((await helper.put(`/api/posts/${r1}/helpful`)).statusCode).toBe(200);
    expect((await asker.put(`/api/posts/${r1}/helpful`)).statusCode).toBe(200);
    // A topic worded like the subject, without the tag.
    const q2 = await makeTopic(insider, [open], { title: `Worn ${rare} blades`, body: `Our ${rare} blades wear out fast.`, tags: [] });
    await answerer.post(`/api/topics/${q2}/replies`, { body: 'Check for cavitation.' });
    // Evidence only in the secret community.
    const q3 = await makeTopic(insider, [secret], { title: `Secret ${rare} and pump question`, tags: [tag] });
    const r3 = (await secretAnswerer.post(`/api/topics/${q3}/replies`, { body: 'Confidential answer.' })).json().id;
    await insider.put(`/api/topics/${q3}/accepted`, { postId: r3 });
    // Tagged evidence is precomputed (decision 006); worded evidence is read live.
    await t.app.jobs.runNow('expertise.refresh');
  });

  const who = (res: { json: () => { items: { username: string }[] } }) => res.json().items.map((i) => i.username);

  it('ranks declared expertise by level and evidence, and says why', async () => {
    const res = await asker.get(`/api/who-knows?q=${tag}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    const names = who(res);
    expect(names).toContain(declaredExpert.username);
    expect(names).toContain(answerer.username);
    expect(names.indexOf(declaredExpert.username!)).toBeLessThan(names.indexOf(declaredLearner.username!));
    const label = tag.replace('-', ' ');
    expect(items.find((i: { username: string }) => i.username === declaredExpert.username).reasons).toEqual([`Declared expertise: ${label} (expert)`]);
    const a = items.find((i: { username: string }) => i.username === answerer.username);
    expect(a.reasons).toEqual(['1 accepted answer on topics like this', 'Their replies were marked helpful 2 times', '1 reply in topics like this']);
    expect(names).not.toContain(asker.username);
  });

  it('finds the strongest declared expertise among many people: by level per tag, summed over the subject’s tags', async () => {
    // Twenty learners declared first (lowest ids), then three experts and one person with two of the
    // subject's tags. Each tag's strongest people are read level by level (decision 006).
    const suffix = randomBytes(3).toString('hex');
    const [word, other] = [`weir${suffix}`, `gauge${suffix}`];
    const ids = (
      await t.pool.query<{ id: string }>(
        `insert into users (email, username, display_name)
         select 'declared' || g || '-' || $1 || '@example.test', 'declared' || g || $1, 'Declared ' || g from generate_series(1, 24) g
         returning id`,
        [suffix],
      )
    ).rows.map((r) => Number(r.id));
    const [learners, experts, both] = [ids.slice(0, 20), ids.slice(20, 23), ids[23]];
    await t.pool.query(
      `insert into expertise (user_id, tag, level)
       select unnest($1::bigint[]), $2, 'learning' union all select unnest($3::bigint[]), $2, 'expert'
       union all values ($4::bigint, $2, 'practitioner'), ($4::bigint, $5, 'experienced')`,
      [learners, word, experts, both, other],
    );
    const viewer = { id: await idOf('users', asker.username!), username: asker.username!, displayName: 'x', email: 'x', siteRole: 'member' as const };
    // practitioner in one word tag and experienced in the other (2×2 + 3×2) outranks an expert in one (4×2).
    const top = await findExpertRows(t.db, viewer, { text: `${word} ${other}`, tags: [] }, { limit: 2 });
    expect(top.map((e) => e.userId)).toEqual([both, experts[0]]);
    const one = await findExpertRows(t.db, viewer, { text: word, tags: [] }, { limit: 3 });
    expect(one.map((e) => e.userId)).toEqual(experts);
  });

  it('answers a subject that makes no tag (no letters a–z or digits) with nobody, not an error', async () => {
    for (const q of ['über', '日本語', '?!']) {
      const res = await asker.get(`/api/who-knows?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
  });

  it('finds evidence in topics worded like the subject', async () => {
    const res = await asker.get(`/api/who-knows?q=${rare}`);
    expect(who(res)).toEqual([answerer.username]);
    expect(res.json().items[0].reasons).toEqual(['1 reply in topics like this']);
  });

  it('finds worded topics through the full-text index once the newest topics hold too few', async () => {
    const viewer = { id: await idOf('users', asker.username!), username: asker.username!, displayName: 'x', email: 'x', siteRole: 'member' as const };
    // Reading only the newest opening post (not the worded topic), the rest comes from the index.
    const indexed = await findExpertRows(t.db, viewer, { text: rare, tags: [] }, { limit: 10 }, 1);
    expect(indexed.map((e) => e.username)).toEqual([answerer.username]);
    for (const text of [rare, `worn ${rare}`, 'pumps', tag]) {
      expect(await findExpertRows(t.db, viewer, { text, tags: [] }, { limit: 10 }, 1)).toEqual(
        await findExpertRows(t.db, viewer, { text, tags: [] }, { limit: 10 }),
      );
    }
  });

  it('reads the newest topics in order only when the word counts say they hold enough, with the same answer either way', async () => {
    await t.app.jobs.runNow('expertise.refresh');
    const [{ lexeme }] = (await t.pool.query(`select (tsvector_to_array(to_tsvector('english', $1)))[1] as lexeme`, [rare])).rows;
    const counted = async () => (await t.pool.query('select posts from worded_lexemes where lexeme = $1', [lexeme])).rows[0]?.posts;
    const windowPosts = Number((await t.pool.query('select worded_posts from expertise_evidence_state')).rows[0].worded_posts);
    // Two opening posts hold the word (one in the secret community: the counts are only counts).
    expect(await counted()).toBe(2);
    expect(windowPosts).toBeGreaterThan(3);
    const walkOf = async (text: string, walk: number) =>
      Number((await t.db.execute<{ n: number }>(sql`select ${wordedWalkSql(sql`websearch_to_tsquery('english', ${text})`, walk)} as n`)).rows[0].n);
    const viewer = { id: await idOf('users', asker.username!), username: asker.username!, displayName: 'x', email: 'x', siteRole: 'member' as const };
    const ask = (walk?: number) => findExpertRows(t.db, viewer, { text: rare, tags: [] }, { limit: 10 }, walk);

    expect(await walkOf(`unheardof${randomBytes(3).toString('hex')}`, 100)).toBe(0);
    await t.pool.query('update worded_lexemes set posts = 1 where lexeme = $1', [lexeme]);
    expect(await walkOf(rare, 100)).toBe(0);
    const skipped = await ask(1);
    // As if the word were in every post a hundred times over: the one newest post is read in order, then the index.
    await t.pool.query('update worded_lexemes set posts = $2 where lexeme = $1', [lexeme, 100 * windowPosts]);
    expect(await walkOf(rare, 1)).toBe(1);
    // An "or" cannot be estimated from counts of single words: read in order as before.
    expect(await walkOf(`unheardof or ${rare}`, 7)).toBe(7);
    const walked = await ask(1);
    expect(skipped.map((e) => e.username)).toEqual([answerer.username]);
    expect(walked).toEqual(skipped);
    expect(await ask()).toEqual(skipped);
    await t.app.jobs.runNow('expertise.refresh');
    expect(await counted()).toBe(2);
  });

  it('reads worded evidence in recent conversations only: the window the refresh counts back', async () => {
    const word = `sluicegate${randomBytes(2).toString('hex')}`;
    const old = await makeTopic(insider, [open], { title: `Greasing the ${word}`, tags: [] });
    await answerer.post(`/api/topics/${old}/replies`, { body: 'Twice a year.' });
    for (let i = 0; i < 3; i++) await makeTopic(insider, [open], { title: `Unrelated note ${i}`, tags: [] });
    // Ids have gaps (a failed or deleted insert's id is never reused): the window is counted in posts, not ids.
    await t.pool.query(`select setval(pg_get_serial_sequence('posts', 'id'), (select max(id) from posts) + 1000)`);
    await makeTopic(insider, [open], { title: 'After the gap', tags: [] });
    await refreshExpertiseEvidence(t.db, 2);
    expect(who(await asker.get(`/api/who-knows?q=${word}`))).toEqual([]);
    await refreshExpertiseEvidence(t.db, 10);
    expect(who(await asker.get(`/api/who-knows?q=${word}`))).toEqual([answerer.username]);
    await t.app.jobs.runNow('expertise.refresh');
  });

  it('never uses evidence the asker cannot read', async () => {
    for (const c of [asker, new Client(t.app)]) {
      expect(who(await c.get(`/api/who-knows?q=${tag}`))).not.toContain(secretAnswerer.username);
      expect(who(await c.get(`/api/who-knows?q=${rare}`))).not.toContain(secretAnswerer.username);
      expect((await c.get(`/api/who-knows?q=${tag}&community=${secret}`)).statusCode).toBe(404);
    }
    const inside = (await insider.get(`/api/who-knows?q=${tag}`)).json().items;
    expect(inside.find((i: { username: string }) => i.username === secretAnswerer.username).reasons).toContain('1 accepted answer on topics like this');
  });

  it('answers the same whether or not a community changed since the refresh (the shortcut and the full check agree)', async () => {
    const versions = async () => {
      const { rows } = await t.pool.query('select s.open_version, a.version from expertise_evidence_state s, community_access_version a');
      return { recorded: Number(rows[0].open_version), now: Number(rows[0].version) };
    };
    const ask = () => Promise.all([insider, asker, new Client(t.app)].map(async (c) => (await c.get(`/api/who-knows?q=${tag}`)).json().items));
    await t.app.jobs.runNow('expertise.refresh');
    let v = await versions();
    expect(v.now).toBe(v.recorded);
    const unchanged = await ask();
    // The insider's secret community still counts for them, through its own rows.
    expect(who({ json: () => ({ items: unchanged[0] }) })).toContain(secretAnswerer.username);
    expect(who({ json: () => ({ items: unchanged[1] }) })).not.toContain(secretAnswerer.username);

    // Renaming a community changes nobody's access; creating one does.
    expect((await insider.patch(`/api/communities/${open}`, { name: 'Pumps Open, renamed' })).statusCode).toBe(200);
    v = await versions();
    expect(v.now).toBe(v.recorded);
    await makeCommunity(asker, { name: 'Pumps Elsewhere' });
    v = await versions();
    expect(v.now).toBeGreaterThan(v.recorded);
    expect(await ask()).toEqual(unchanged);
  });

  it('stops using evidence from a community that turned private, or that the asker left, before the next refresh', async () => {
    const outsider = await signedInClient(t);
    const owner = await signedInClient(t);
    const expert = await signedInClient(t);
    const subject = `valve-${randomBytes(2).toString('hex')}`;
    const place = await makeCommunity(owner, { name: `Valves ${subject}` });
    await expert.post(`/api/communities/${place}/join`);
    await outsider.post(`/api/communities/${place}/join`);
    const q = await makeTopic(owner, [place], { title: 'Which seat material lasts?', tags: [subject] });
    const r = (await expert.post(`/api/topics/${q}/replies`, { body: 'PTFE in our plants.' })).json().id;
    expect((await owner.put(`/api/topics/${q}/accepted`, { postId: r })).statusCode).toBe(204);
    await t.app.jobs.runNow('expertise.refresh');
    const anon = new Client(t.app);
    for (const c of [anon, outsider]) expect(who(await c.get(`/api/who-knows?q=${subject}`))).toContain(expert.username);

    // The community turns private, then the asker leaves it: its evidence stops counting at once.
    expect((await owner.patch(`/api/communities/${place}`, { visibility: 'by_request' })).statusCode).toBe(200);
    expect(who(await anon.get(`/api/who-knows?q=${subject}`))).not.toContain(expert.username);
    expect(who(await outsider.get(`/api/who-knows?q=${subject}`))).toContain(expert.username);
    expect((await outsider.post(`/api/communities/${place}/leave`)).statusCode).toBeLessThan(300);
    expect(who(await outsider.get(`/api/who-knows?q=${subject}`))).not.toContain(expert.username);
    // Members still see it; after the refresh outsiders still do not.
    expect(who(await owner.get(`/api/who-knows?q=${subject}`))).toContain(expert.username);
    await t.app.jobs.runNow('expertise.refresh');
    for (const c of [anon, outsider]) expect(who(await c.get(`/api/who-knows?q=${subject}`))).not.toContain(expert.username);
    expect(who(await owner.get(`/api/who-knows?q=${subject}`))).toContain(expert.username);
  });

  it('restricts to one community when asked', async () => {
    const res = await insider.get(`/api/who-knows?q=${tag}&community=${open}`);
    // Declared experts who are not members of the community are left out; evidence counts only there.
    expect(who(res)).toEqual([answerer.username]);
  });

  it('findExperts honours the viewer, communityIds and excludeUserIds', async () => {
    const insiderViewer = { id: await idOf('users', insider.username!), username: insider.username!, displayName: 'x', email: 'x', siteRole: 'member' as const };
    const secretId = await idOf('communities', secret);
    const openId = await idOf('communities', open);
    const inSecret = await findExperts(t.db, insiderViewer, { text: 'question', tags: [tag] }, { limit: 5, communityIds: [secretId] });
    expect(inSecret.map((e) => e.username)).toEqual([secretAnswerer.username]);
    expect(inSecret[0]).toMatchObject({ userId: await idOf('users', secretAnswerer.username!), displayName: expect.any(String), score: expect.any(Number) });
    const anon = await findExperts(t.db, null, { text: 'question', tags: [tag] }, { limit: 5, communityIds: [secretId] });
    expect(anon).toEqual([]);
    const excluded = await findExperts(t.db, insiderViewer, { text: '', tags: [tag] }, { limit: 10, communityIds: [openId], excludeUserIds: [await idOf('users', answerer.username!)] });
    expect(excluded).toEqual([]);
  });

  it('answers an empty list, not an error, when nobody matches; refuses bad input', async () => {
    const res = await asker.get('/api/who-knows?q=xylophone-tuning-nobody');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
    for (const [qs, field] of [
      ['', 'q'],
      ['q=x', 'q'],
      [`q=${'y'.repeat(201)}`, 'q'],
      ['q=pumps&limit=0', 'limit'],
    ]) {
      const bad = await asker.get(`/api/who-knows?${qs}`);
      expect(bad.statusCode, qs).toBe(400);
      expect(bad.json().errors[0].path).toBe(field);
    }
    const hostile = await asker.get(`/api/who-knows?q=${encodeURIComponent("'); drop table users; -- & | ! <script>")}`);
    expect(hostile.statusCode).toBe(200);
  });
});

describe('tags in the database', () => {
  it('compare byte by byte, so index probes skip libc collation (decision 017)', async () => {
    const { rows } = await t.pool.query(
      `select c.relname, co.collname from pg_attribute a
       join pg_class c on c.oid = a.attrelid join pg_collation co on co.oid = a.attcollation
       where a.attname = 'tag' and c.relname in ('expertise', 'expertise_evidence') order by c.relname`,
    );
    expect(rows).toEqual([
      { relname: 'expertise', collname: 'C' },
      { relname: 'expertise_evidence', collname: 'C' },
    ]);
  });
});

import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { connect, type Db } from '../db/client.ts';
import { loadEnv } from '../env.ts';
import { hashPassword } from '../modules/auth/auth.service.ts';
import { users } from '../db/schema/index.ts';

const TEMPLATE_DB = 'constellation_template';

/** A fresh database cloned from the migrated template; one per test file. */
export async function createTestDatabase() {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const { pool, db } = connect(url, 5);
  return {
    url,
    pool,
    db,
    drop: async () => {
      await pool.end();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  pool: pg.Pool;
  url: string;
  close: () => Promise<void>;
}

/** The whole app over a fresh database; `overrides` set configuration as environment variables would. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', SIGNIN_RATE_LIMIT: '1000', JOBS: 'false', ...overrides });
  const app = await buildApp({ env, db: database.db, pool: database.pool });
  await app.ready();
  return {
    app,
    db: database.db,
    pool: database.pool,
    url: database.url,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** Another app instance over the same database, as a second process behind a load balancer would be. */
export async function attachInstance(t: TestApp, overrides: Record<string, string> = {}): Promise<TestApp> {
  const { pool, db } = connect(t.url, 5);
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', SIGNIN_RATE_LIMIT: '1000', JOBS: 'false', ...overrides });
  const app = await buildApp({ env, db, pool });
  await app.ready();
  return {
    app,
    db,
    pool,
    url: t.url,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like API client: keeps cookies and sends the CSRF token on writes. */
export class Client {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  username: string | null = null;

  constructor(readonly app: FastifyInstance) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(method: Method, url: string, body?: unknown, opts: { csrf?: boolean } = {}) {
    if (method !== 'GET' && opts.csrf !== false && !this.csrf) await this.refreshCsrf();
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    if (method !== 'GET' && opts.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    this.keep(res);
    return res;
  }

  async refreshCsrf() {
    const res = await this.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: this.cookieHeader() } });
    this.keep(res);
    this.csrf = res.json().csrfToken;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);
}

let counter = 0;
const FAST_HASH = hashPassword('correct horse battery staple');

/** Creates a person directly (fast) and returns a client signed in as them. */
export async function signedInClient(t: TestApp, opts: { username?: string; siteRole?: 'member' | 'admin' | 'support' } = {}) {
  counter++;
  const username = opts.username ?? `person${counter}_${randomBytes(2).toString('hex')}`;
  await t.db.insert(users).values({
    email: `${username}@example.org`,
    username,
    displayName: username.replace(/[_\d]+/g, ' ').trim() || username,
    passwordHash: await FAST_HASH,
    siteRole: opts.siteRole ?? 'member',
  });
  const client = new Client(t.app);
  const res = await client.post('/api/auth/signin', { login: username, password: 'correct horse battery staple' });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  client.username = username;
  return client;
}

/** Creates a community through the API as `owner` and returns its slug. */
export async function makeCommunity(owner: Client, overrides: Record<string, unknown> = {}) {
  counter++;
  const body = {
    name: `Community ${counter}`,
    slug: `community-${counter}-${randomBytes(2).toString('hex')}`,
    domainStatement: 'Practitioners who share a domain and learn together.',
    domainType: 'technical',
    structureKind: 'community_of_practice',
    purpose: 'Help each other.',
    visibility: 'open',
    ...overrides,
  };
  const res = await owner.post('/api/communities', body);
  if (res.statusCode !== 201) throw new Error(`community creation failed: ${res.body}`);
  return body.slug as string;
}

/** Starts a topic and returns its id. */
export async function makeTopic(author: Client, communities: string[], overrides: Record<string, unknown> = {}) {
  const res = await author.post('/api/topics', {
    communities,
    title: 'How do you review pump maintenance logs?',
    body: 'We keep paper logs and lose track. What works for you?',
    activityType: 'seeking_experience',
    isQuestion: true,
    tags: ['maintenance'],
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`topic creation failed: ${res.body}`);
  return res.json().id as number;
}

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../server/test/harness.ts';

const run = promisify(execFile);
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const cli = (args: string[]) =>
  run('node', ['bin/constellation.js', ...args], { env: { ...process.env, DATABASE_URL: database.url } }).catch((e) => e);

describe('constellation CLI', () => {
  it('creates a site admin with `admin create`', async () => {
    const out = await cli(['admin', 'create', '--email', 'ops@example.org', '--username', 'ops', '--name', 'Ops Person', '--password', 'sturdy-lantern-81']);
    expect(out.stdout).toContain('Created site admin ops');
    const row = await database.pool.query(`select site_role, password_hash from users where username = 'ops'`);
    expect(row.rows[0].site_role).toBe('admin');
    expect(row.rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('explains bad input and creates nothing', async () => {
    const out = await cli(['admin', 'create', '--email', 'nope', '--username', 'x y', '--password', 'short']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('email');
    expect(out.stderr).toContain('username');
    const out2 = await cli(['admin', 'create', '--email', 'ops@example.org', '--username', 'ops2', '--password', 'sturdy-lantern-81']);
    expect(out2.stderr).toMatch(/already exists/);
    const n = await database.pool.query('select count(*)::int as n from users');
    expect(n.rows[0].n).toBe(1);
  });
});

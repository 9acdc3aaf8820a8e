/**
 * `npm start` as a person runs it: the real server process on the embedded PostgreSQL under
 * DATA_DIR, including a restart after the app was killed with SIGKILL (the PostgreSQL child
 * outlives it and must be stopped at the next boot).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
let dataDir = '';
const pgPort = String(40000 + Math.floor(Math.random() * 10000));

function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('node', ['--import', 'tsx', 'src/server/server.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', EMBEDDED_PG_PORT: pgPort, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/running at (http:\/\/localhost:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1].replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null ? r(null) : child.on('exit', r)));

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  // Stop the PostgreSQL the last server left behind.
  const pid = await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => '');
  if (pid) process.kill(Number(pid.split('\n')[0]), 'SIGINT');
  await new Promise((r) => setTimeout(r, 500));
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('starts on the embedded PostgreSQL with demo data, survives a SIGKILL, and stops cleanly', async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'constellation-start-'));
    const first = await start();
    expect((await (await fetch(`${first.url}/healthz`)).json()).status).toBe('ok');
    const communities = await (await fetch(`${first.url}/api/communities`)).json();
    expect(communities.items.length).toBeGreaterThan(0);

    first.child.kill('SIGKILL');
    await exited(first.child);
    const second = await start();
    expect((await (await fetch(`${second.url}/readyz`)).json()).status).toBe('ready');
    const again = await (await fetch(`${second.url}/api/communities`)).json();
    expect(again.items.map((c: { slug: string }) => c.slug)).toEqual(communities.items.map((c: { slug: string }) => c.slug));

    second.child.kill('SIGTERM');
    await exited(second.child);
    expect(second.child.exitCode).toBe(0);
  }, 120_000);
});

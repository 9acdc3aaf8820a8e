/**
 * `npm run bench -- --only digest` — a daily digest run for everyone in the reference dataset.
 *
 * Makes every person's daily digest due as of the dataset's latest activity, runs the digest
 * job in this process (batches claimed with SKIP LOCKED, as in production) and prints people/s
 * and the total time. Afterwards it puts everything back (digest settings and clocks, digested
 * notifications, the queued emails), so runs are repeatable on the same dataset.
 */
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.ts';
import { runDigests } from '../src/server/modules/email/email.digest.ts';
import { openBenchDatabase } from './lib/dataset.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const TARGET_SECONDS = 300;

/** Whether the bench PostgreSQL is already running (someone else's bench): then connect instead of starting it. */
function runningServerUrl(dataDir: string, port: number): string | undefined {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return `postgres://postgres:constellation@127.0.0.1:${port}/constellation`;
  } catch {
    return undefined;
  }
}

export async function benchDigest(): Promise<void> {
  const bench = openBenchDatabase();
  const url = bench.env.DATABASE_URL ?? runningServerUrl(bench.env.dataDir, bench.env.EMBEDDED_PG_PORT);
  const env = { ...bench.env, DATABASE_URL: url, JOBS: false, APP_URL: 'https://constellation.example.org', appUrl: 'https://constellation.example.org' };
  const { openDatabase } = await import('../src/server/boot.ts');
  const database = await openDatabase(env);
  const q = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await database.pool.query<T>(text, values)).rows;
  const [{ people, topics }] = await q<{ people: number; topics: number }>('select (select count(*) from users)::int as people, (select count(*) from topics)::int as topics');
  if (!topics) {
    console.error('No reference dataset: run `npm run seed:large` first.');
    await database.close();
    process.exit(1);
  }
  const [{ now }] = await q<{ now: Date }>(`select max(created_at) + interval '1 minute' as now from topics`);
  const [{ outbox }] = await q<{ outbox: number }>('select coalesce(max(id), 0)::int as outbox from email_outbox');

  // Everyone daily and due, their window the last 25 hours; the current values are kept to restore.
  await q('drop table if exists bench_digest_saved');
  await q('create unlogged table bench_digest_saved as select id, digest_frequency, last_digest_at from users');
  await q(`update users set digest_frequency = 'daily', last_digest_at = $1::timestamptz - interval '25 hours'`, [now]);
  await q('analyze users');

  const app = await buildApp({ env, db: database.db, pool: database.pool, webDir: '/nonexistent' });
  await app.ready();
  console.log(`digest  ${people.toLocaleString('en')} people, as of ${now.toISOString()} …`);
  const started = performance.now();
  let result: Awaited<ReturnType<typeof runDigests>>;
  try {
    result = await runDigests(app, { now });
  } finally {
    await app.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const [{ bytes }] = await q<{ bytes: number }>('select coalesce(sum(length(html) + length(text)), 0)::bigint as bytes from email_outbox where id > $1', [outbox]);

  // Put everything back.
  await q('delete from email_outbox where id > $1', [outbox]);
  await q('update notifications set digested_at = null where digested_at = $1', [now]);
  await q('update users u set digest_frequency = s.digest_frequency, last_digest_at = s.last_digest_at from bench_digest_saved s where s.id = u.id');
  await q('drop table bench_digest_saved');
  await database.close();

  const rate = Math.round(result.people / seconds);
  const ok = seconds < TARGET_SECONDS && result.people === people;
  console.table([
    {
      job: 'digest.run (daily)',
      people: result.people,
      'digests queued': result.emails,
      'total s': seconds.toFixed(1),
      'people/s': rate,
      'avg email KB': result.emails ? (bytes / result.emails / 1024).toFixed(1) : '–',
      target: `50,000 people < ${TARGET_SECONDS} s ${ok ? '✓' : '✗'}`,
    },
  ]);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(here, 'results', `digest-${stamp}.json`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(
    file,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
        dataset: { people, topics },
        result: { ...result, seconds, peoplePerSecond: rate, target: `< ${TARGET_SECONDS} s`, met: ok },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`results written to ${path.relative(process.cwd(), file)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchDigest();

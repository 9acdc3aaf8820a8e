/**
 * The app as `npm start` runs it, for `npm run bench`: a child process so that its memory and CPU
 * are its own, not shared with the load generator. Reports its port over IPC.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/boot.ts';
import { loadEnv } from '../src/server/env.ts';

const env = loadEnv({
  NODE_ENV: 'production',
  DATABASE_URL: process.env.BENCH_DATABASE_URL,
  // Uploads made by the bench go beside the reference database, never into the app's ./data.
  ...(process.env.BENCH_DATA_DIR ? { DATA_DIR: process.env.BENCH_DATA_DIR } : {}),
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
  COOKIE_SECURE: 'false',
  ...(process.env.BENCH_DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.BENCH_DB_POOL_SIZE } : {}),
  ...(process.env.BENCH_JOBS ? { JOBS: process.env.BENCH_JOBS } : {}),
});
const database = await openDatabase(env);
const app = await buildApp({ env, db: database.db, pool: database.pool, webDir: '/nonexistent' });
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: (app.server.address() as AddressInfo).port });
process.on('message', async (m) => {
  if (m !== 'stop') return;
  await app.close();
  await database.close();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));

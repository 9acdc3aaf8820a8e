import { connect } from './db/client.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { runMigrations } from './db/migrate.ts';
import type { Env } from './env.ts';

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL under DATA_DIR; then migrates. */
export async function openDatabase(env: Env, log: (msg: string) => void = () => {}) {
  let url = env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const server = await startEmbeddedPostgres({ dir: env.dataDir, port: env.EMBEDDED_PG_PORT });
    log(`embedded PostgreSQL running on 127.0.0.1:${env.EMBEDDED_PG_PORT}, data in ${env.dataDir}/pg`);
    const admin = connect(server.url('postgres'), 1);
    const exists = await admin.pool.query(`select 1 from pg_database where datname = 'constellation'`);
    if (!exists.rowCount) await admin.pool.query('create database constellation');
    await admin.pool.end();
    url = server.url('constellation');
    stop = server.stop;
  }
  const { pool, db } = connect(url, env.DB_POOL_SIZE);
  await runMigrations(db);
  return {
    pool,
    db,
    close: async () => {
      await pool.end();
      await stop();
    },
  };
}

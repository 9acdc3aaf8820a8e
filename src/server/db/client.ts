import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { RequestOrderPool } from './request-order.ts';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

// bigint counts come back as numbers: our ids and counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens a connection pool and a Drizzle handle over it. */
export function connect(url: string, max = 20): { pool: pg.Pool; db: Db } {
  const pool = new RequestOrderPool({ connectionString: url, max });
  // An idle connection dropped by the server (restart, shutdown) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (err) => console.error(`database connection lost: ${err.message}`));
  return { pool, db: drizzle(pool, { schema }) };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness.ts';
import { inArrivalOrder, RequestOrderPool } from './request-order.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const later = () => {
  let open!: () => void;
  const promise = new Promise<void>((r) => {
    open = r;
  });
  return { promise, open };
};
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the request-ordered pool', () => {
  it('gives a free connection to the request that arrived first, whichever asked first', async () => {
    const pool = new RequestOrderPool({ connectionString: database.url, max: 1 });
    try {
      const held = await pool.connect();
      const ran: string[] = [];
      const first = later();
      const done: Promise<unknown>[] = [];
      // The first request arrives, then waits (say, for its session) while the second one asks.
      inArrivalOrder(() => {
        done.push(first.promise.then(() => pool.query("select 'first'").then(() => ran.push('first'))));
      });
      inArrivalOrder(() => {
        done.push(pool.query("select 'second'").then(() => ran.push('second')));
      });
      await settle();
      first.open();
      await settle();
      // A statement outside any request waits behind both.
      done.push(pool.query("select 'job'").then(() => ran.push('job')));
      expect(ran).toEqual([]);
      held.release();
      await Promise.all(done);
      expect(ran).toEqual(['first', 'second', 'job']);
      expect(pool.totalCount).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('serves statements outside requests in the order they ask, and never holds more than its size', async () => {
    const pool = new RequestOrderPool({ connectionString: database.url, max: 2 });
    try {
      const ran: number[] = [];
      let most = 0;
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          pool.query('select pg_sleep(0.005)').then(() => {
            most = Math.max(most, pool.totalCount);
            ran.push(i);
          }),
        ),
      );
      expect(most).toBeLessThanOrEqual(2);
      // Two at a time, in order: each finishes no more than one place from where it asked.
      ran.forEach((n, at) => expect(Math.abs(n - at)).toBeLessThanOrEqual(1));
      // Transactions check out through the same turn.
      const client = await pool.connect();
      await client.query('begin');
      await client.query('commit');
      client.release();
      const rows = await Promise.all([pool.query('select 1 as n'), pool.query('select 2 as n'), pool.query('select 3 as n')]);
      expect(rows.map((r) => r.rows[0].n)).toEqual([1, 2, 3]);
    } finally {
      await pool.end();
    }
  });

  it('passes its turn on when a connection cannot be made', async () => {
    const pool = new RequestOrderPool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', max: 1, connectionTimeoutMillis: 2000 });
    try {
      const results = await Promise.allSettled([pool.query('select 1'), pool.query('select 1'), pool.connect()]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    } finally {
      await pool.end();
    }
  });
});

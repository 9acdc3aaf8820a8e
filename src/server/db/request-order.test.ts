import Fastify from 'fastify';
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

  it('numbers requests in a Fastify hook, as the app does, so a started request goes before a later one', async () => {
    const pool = new RequestOrderPool({ connectionString: database.url, max: 1 });
    const app = Fastify();
    app.addHook('onRequest', (_req, _reply, done) => inArrivalOrder(done));
    const ran: string[] = [];
    const gate = later();
    app.get('/a', async () => {
      await pool.query('select 1');
      ran.push('a1');
      await gate.promise;
      await pool.query('select 2');
      ran.push('a2');
      return {};
    });
    app.get('/b', async () => {
      await pool.query('select 3');
      ran.push('b');
      return {};
    });
    try {
      await app.ready();
      const a = app.inject('/a');
      while (!ran.includes('a1')) await settle();
      const held = await pool.connect();
      const b = app.inject('/b');
      await settle();
      gate.open();
      await settle();
      held.release();
      expect((await Promise.all([a, b])).map((r) => r.statusCode)).toEqual([200, 200]);
      expect(ran).toEqual(['a1', 'a2', 'b']);
    } finally {
      await app.close();
      await pool.end();
    }
  });

  it('serves statements outside requests in the order they ask, and never holds more than its size', async () => {
    const one = new RequestOrderPool({ connectionString: database.url, max: 1 });
    const two = new RequestOrderPool({ connectionString: database.url, max: 2 });
    try {
      const ran: number[] = [];
      await Promise.all(Array.from({ length: 8 }, (_, i) => one.query('select $1::int as n', [i]).then((r) => ran.push(r.rows[0].n))));
      expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      let most = 0;
      await Promise.all(
        Array.from({ length: 12 }, () =>
          two.query('select pg_sleep(0.005)').then(() => {
            most = Math.max(most, two.totalCount);
          }),
        ),
      );
      expect(most).toBe(2);
      // Transactions check out through the same turn, and hand it on when released.
      const client = await two.connect();
      await client.query('begin');
      await client.query('commit');
      client.release();
      const rows = await Promise.all([two.query('select 1 as n'), two.query('select 2 as n'), two.query('select 3 as n')]);
      expect(rows.map((r) => r.rows[0].n)).toEqual([1, 2, 3]);
    } finally {
      await one.end();
      await two.end();
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

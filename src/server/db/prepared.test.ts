import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness.ts';
import { connect } from './client.ts';
import { executeGeneric, executePrepared, runPrepared } from './prepared.ts';
import { users } from './schema/index.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const plans = (tx: Parameters<Parameters<typeof database.db.transaction>[0]>[0]) =>
  tx.execute<{ generic_plans: number; custom_plans: number }>(
    sql`select generic_plans::int, custom_plans::int from pg_prepared_statements where statement like '%plan-test%'`,
  );

describe('prepared statements', () => {
  it('executeGeneric runs the generic plan and leaves the setting as it found it', async () => {
    await database.db.transaction(async (tx) => {
      const q = (n: number) => sql`select ${n}::int + 1 as n /* plan-test */`;
      const first = await executeGeneric<{ n: number }>(tx, q(1));
      expect(first.rows).toEqual([{ n: 2 }]);
      await executeGeneric(tx, q(41));
      expect((await plans(tx)).rows).toEqual([{ generic_plans: 2, custom_plans: 0 }]);
      // Later statements of the same transaction are planned as usual: custom plans first.
      expect((await tx.execute<{ plan_cache_mode: string }>(sql`show plan_cache_mode`)).rows[0].plan_cache_mode).toBe('auto');
      await executePrepared(tx, q(2));
      expect((await plans(tx)).rows).toEqual([{ generic_plans: 2, custom_plans: 1 }]);
    });
  });

  it('an error rolls the setting back with the (sub)transaction', async () => {
    await database.db.transaction(async (tx) => {
      await expect(
        tx.transaction((inner) => executeGeneric(inner, sql`select 1 / ${0}::int /* plan-test-error */`)),
      ).rejects.toHaveProperty('cause.code', '22012'); // division_by_zero
      expect((await tx.execute<{ plan_cache_mode: string }>(sql`show plan_cache_mode`)).rows[0].plan_cache_mode).toBe('auto');
    });
  });

  it('outside a transaction, runs the generic plan in one of its own and returns the connection as it found it', async () => {
    // One connection, so what the pool hands out next is the connection executeGeneric used.
    const one = connect(database.url, 1);
    try {
      const q = (n: number) => sql`select ${n}::int * 2 as n /* plan-test-own */`;
      expect((await executeGeneric<{ n: number }>(one.db, q(2))).rows).toEqual([{ n: 4 }]);
      await executeGeneric(one.db, q(3));
      const state = await one.pool.query(
        `select current_setting('plan_cache_mode') as mode, (select generic_plans::int from pg_prepared_statements where statement like '%plan-test-own%') as generic,
          (select custom_plans::int from pg_prepared_statements where statement like '%plan-test-own%') as custom, now() = statement_timestamp() as outside_transaction`,
      );
      expect(state.rows).toEqual([{ mode: 'auto', generic: 2, custom: 0, outside_transaction: true }]);
      // An error rolls back; the connection is still usable and not left in a transaction.
      await expect(executeGeneric(one.db, sql`select 1 / ${0}::int /* plan-test-own-error */`)).rejects.toHaveProperty('cause.code', '22012');
      const after = await one.pool.query(`select current_setting('plan_cache_mode') as mode, now() = statement_timestamp() as outside_transaction`);
      expect(after.rows).toEqual([{ mode: 'auto', outside_transaction: true }]);
    } finally {
      await one.pool.end();
    }
  });

  it('outside a transaction, passes values as the extended protocol would, quotes and all', async () => {
    const one = connect(database.url, 1);
    try {
      const tricky = `it's a \\ "test"'); drop table users; --`;
      const q = sql`select ${tricky}::text as s, ${null}::int as n, ${sql.param([1, 2, 3])}::bigint[] as ids,
        ${sql.param(["a'b", 'c,d', 'e"f', 'g\\h'])}::text[] as tags, ${new Date('2026-01-02T03:04:05Z')}::timestamptz as at,
        ${true}::boolean as yes, ${JSON.stringify({ k: "v'" })}::jsonb as doc, ${'ünïcödé ✓'} as u /* plan-test-values */`;
      const generic = await executeGeneric(one.db, q);
      expect(generic.rows).toEqual((await executePrepared(one.db, q)).rows);
      expect(generic.rows[0]).toMatchObject({ s: tricky, n: null, tags: ["a'b", 'c,d', 'e"f', 'g\\h'], yes: true, doc: { k: "v'" }, u: 'ünïcödé ✓' });
      expect((await one.pool.query('select count(*)::int as n from users')).rows[0].n).toBeGreaterThanOrEqual(0);
    } finally {
      await one.pool.end();
    }
  });

  it('outside a transaction, a statement prepared by a call that failed is executed by the next', async () => {
    // PREPARE outlives the rolled-back transaction it ran in; the next call must not prepare it again.
    const one = connect(database.url, 1);
    try {
      const q = (d: number) => sql`select 10 / ${d}::int as n /* plan-test-after-error */`;
      await expect(executeGeneric(one.db, q(0))).rejects.toHaveProperty('cause.code', '22012');
      expect((await executeGeneric<{ n: number }>(one.db, q(5))).rows).toEqual([{ n: 2 }]);
      expect((await executeGeneric<{ n: number }>(one.db, q(2))).rows).toEqual([{ n: 5 }]);
    } finally {
      await one.pool.end();
    }
  });

  it('runPrepared runs a built query as a named statement and keeps its mapping', async () => {
    await database.db.transaction(async (tx) => {
      const query = (name: string) => tx.select({ displayName: users.displayName }).from(users).where(sql`${users.username} = ${name} /* plan-test-built */`);
      expect(await runPrepared(query('nobody-here'))).toEqual([]);
      await runPrepared(query('nobody-else'));
      const named = await tx.execute<{ n: number }>(sql`select count(*)::int as n from pg_prepared_statements where statement like '%plan-test-built%' and name like 'x_%'`);
      expect(named.rows[0].n).toBe(1);
    });
  });
});

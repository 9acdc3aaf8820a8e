import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness.ts';
import { executeGeneric, executePrepared } from './prepared.ts';

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
});

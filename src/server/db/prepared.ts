import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { createRequire } from 'node:module';
import { escapeLiteral, type Pool, type PoolClient, type QueryConfig, type QueryResult } from 'pg';
import type { Queryable } from './client.ts';

// node-postgres's own conversion of a value to the text it sends as a parameter.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (v: unknown) => string | Buffer | null };

/**
 * A named prepared statement per database handle. The hot lookups run on every request, and
 * planning them cost more than running them (0.6 ms vs 0.25 ms at the reference size);
 * a named statement is planned once per connection.
 */
export function prepared<T>(build: (db: Queryable) => T): (db: Queryable) => T {
  const cache = new WeakMap<Queryable, T>();
  return (db) => {
    let statement = cache.get(db);
    if (!statement) {
      statement = build(db);
      cache.set(db, statement);
    }
    return statement;
  };
}

interface SessionLike {
  session: {
    dialect: { sqlToQuery: (q: SQL) => { sql: string; params: unknown[] } };
    prepareQuery: (query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean) => { execute: () => Promise<unknown> };
  };
}

/** A statement's name on a connection, derived from its text, so different shapes get different statements. */
const statementName = (text: string) => `x_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

/**
 * Runs a Drizzle query (a select built with filters that vary) as a named prepared statement,
 * keeping the builder's result mapping. For hot lists whose plan does not depend on the values:
 * the community feed planned in 0.29 ms and ran in 0.12.
 */
export function runPrepared<T>(query: { toSQL: () => { sql: string }; prepare: (name: string) => { execute: () => Promise<T> } }): Promise<T> {
  return query.prepare(statementName(query.toSQL().sql)).execute();
}

/**
 * Runs a raw SQL statement as a named prepared statement, so each connection plans it once.
 * For hot statements whose planning costs more than their execution (the notification fan-out
 * plans in ~1.5 ms and runs in ~0.5 ms). The name is derived from the text, so different
 * shapes get different statements. Works inside transactions (Drizzle's session API).
 */
export async function executePrepared<T extends Record<string, unknown>>(db: Queryable, query: SQL): Promise<{ rows: T[] }> {
  const { session } = db as unknown as SessionLike;
  const q = session.dialect.sqlToQuery(query);
  return (await session.prepareQuery(q, undefined, statementName(q.sql), false).execute()) as { rows: T[] };
}

/**
 * Like executePrepared, but with the statement's generic plan (planned once per connection,
 * whatever the values). PostgreSQL keeps re-planning a statement whose custom plans look cheaper
 * than its generic one, and for a many-CTE statement that planning can cost half of the run.
 * Only for statements whose best plan does not depend on their values: anything the planner
 * must see (a full-text query telling a rare word from a common one) belongs in a statement of
 * its own. Inside a transaction it leaves the planning setting as it found it; outside one it
 * runs in a short transaction of its own, all in one round trip (with SQL's PREPARE and EXECUTE:
 * four round trips had cost a tenth of a who-knows question).
 */
export async function executeGeneric<T extends Record<string, unknown>>(db: Queryable, query: SQL): Promise<{ rows: T[] }> {
  if (db instanceof PgTransaction) {
    await db.execute(sql`set local plan_cache_mode = force_generic_plan`);
    const res = await executePrepared<T>(db, query);
    // After an error the transaction is rolled back, and the setting with it.
    await db.execute(sql`set local plan_cache_mode = auto`);
    return res;
  }
  const { session } = db as unknown as SessionLike;
  const q = session.dialect.sqlToQuery(query);
  const name = `g${statementName(q.sql).slice(1)}`;
  // The values as literals: the text node-postgres would have sent as parameters, escaped.
  const values = q.params.map((v) => {
    const text = prepareValue(v);
    if (Buffer.isBuffer(text)) throw new TypeError('executeGeneric takes no binary values');
    return text === null ? 'null' : escapeLiteral(text);
  });
  const client = await (db as unknown as { $client: Pool }).$client.connect();
  const ready = sqlPrepared.get(client) ?? new Set<string>();
  sqlPrepared.set(client, ready);
  // One simple-protocol message, so one round trip: open a transaction whose plans are generic,
  // prepare the statement (once per connection), execute it with the values above, and commit.
  const text = [
    'begin',
    'set local plan_cache_mode = force_generic_plan',
    ...(ready.has(name) ? [] : [`prepare ${name} as ${q.sql}`]),
    `execute ${name}${values.length ? `(${values.join(', ')})` : ''}`,
    'commit',
  ].join(';\n');
  let broken: Error | undefined;
  try {
    // Drizzle's own type parsers (timestamps and dates stay strings), as executePrepared has them;
    // the same for every query, so read once.
    drizzleTypes ??= (session.prepareQuery(q, undefined, name, false) as unknown as { rawQueryConfig: { types: QueryConfig['types'] } }).rawQueryConfig.types;
    const results = (await client.query({ text, types: drizzleTypes })) as unknown as QueryResult<T>[];
    ready.add(name);
    return { rows: results[results.length - 2].rows };
  } catch (err) {
    await client.query('rollback').catch((e: Error) => {
      broken = e;
    });
    // A prepared statement outlives a rolled-back transaction: whether it exists is asked, not assumed.
    if (!broken) {
      const exists = await client.query('select 1 from pg_prepared_statements where name = $1', [name]).catch((e: Error) => {
        broken = e;
      });
      if (exists?.rowCount) ready.add(name);
      else ready.delete(name);
    }
    throw new DrizzleQueryError(q.sql, q.params, err as Error);
  } finally {
    // A connection that could not roll back is closed, not returned to the pool.
    client.release(broken);
  }
}

let drizzleTypes: QueryConfig['types'] | undefined;

/** Statements prepared with SQL's PREPARE on each connection (executeGeneric's, named g_…). */
const sqlPrepared = new WeakMap<PoolClient, Set<string>>();

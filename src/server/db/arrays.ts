import { type SQL, sql } from 'drizzle-orm';

/**
 * A JS array as one PostgreSQL array parameter (node-postgres serializes and escapes it).
 * Drizzle would otherwise spread an interpolated array into a list of parameters.
 */
export const bigintArray = (xs: readonly number[]): SQL => sql`${sql.param(xs)}::bigint[]`;

/** A JS array of strings as one text[] parameter. */
export const textArray = (xs: readonly string[]): SQL => sql`${sql.param(xs)}::text[]`;

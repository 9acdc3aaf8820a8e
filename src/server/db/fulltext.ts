import { type SQL, sql } from 'drizzle-orm';

/** Larger than any id (bigint's maximum). */
export const MAX_BIGINT = sql.raw('9223372036854775807');

/**
 * SQL, a lateral set of rows (lexeme): the words the tsquery `query` needs, without those it
 * excludes ("-word"). For estimating from word counts how many rows hold them all.
 */
export function tsqueryLexemesSql(query: SQL): SQL {
  return sql`(select replace((regexp_matches(querytree(${query})::text, '''((?:[^'']|'''')+)''', 'g'))[1], '''''', '''') as lexeme)`;
}

/** SQL: whether the tsquery `query` has an "or", which word counts taken as independent cannot estimate. */
export function tsqueryHasOrSql(query: SQL): SQL {
  return sql`querytree(${query})::text like '%|%'`;
}

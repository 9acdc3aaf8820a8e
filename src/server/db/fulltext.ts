import { type SQL, sql } from 'drizzle-orm';

/** Larger than any id (bigint's maximum). */
export const MAX_BIGINT = sql.raw('9223372036854775807');

const MIN_LN_SHARE = sql.raw('-690');

/** Where per-word counts are kept: a table of (lexeme, count) and a one-row table (id 1) with the total they count out of. */
export interface WordCounts {
  table: string;
  count: string;
  state: string;
  total: string;
}

/**
 * SQL, a subquery of one row (total, share), or of none when nothing was counted yet or the query
 * has an "or": out of `total` rows counted, the share expected to hold every word the tsquery
 * `words` needs (its excluded words aside), the words taken as independent. A word the counts do
 * not hold (new since they were counted) counts as half a row: rare, not absent. A word said twice
 * counts once. The share stops at e^-690: the 200 characters of a query can hold a hundred words,
 * whose product would fall below the smallest float8 and fail the statement ("underflow").
 */
export function wordShareSql(words: SQL, counts: WordCounts): SQL {
  const [table, count, state, total] = [counts.table, counts.count, counts.state, counts.total].map((name) => sql.identifier(name));
  return sql`(
    select s.${total} as total, exp(greatest(sum(ln(greatest(coalesce(l.${count}, 0), 0.5)::float8 / s.${total})), ${MIN_LN_SHARE})) as share
    from ${state} s
    cross join lateral (select distinct replace((regexp_matches(querytree(${words})::text, '''((?:[^'']|'''')+)''', 'g'))[1], '''''', '''') as lexeme) x
    left join ${table} l on l.lexeme = x.lexeme
    where s.id = 1 and s.${total} > 0 and querytree(${words})::text not like '%|%'
    group by s.${total}
  )`;
}

import { type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { Queryable } from '../../db/client.ts';
import { MAX_BIGINT, wordShareSql } from '../../db/fulltext.ts';
import { executeGeneric } from '../../db/prepared.ts';
import { markdownToText } from '../../lib/markdown.ts';
import { assetSnippet, MARK_END, MARK_START } from './snippet.ts';
import { viewerCanReadCommunitySql, viewerReadsCommunityHashedSql, visibleCommunitySql } from '../communities/communities.policy.ts';

export interface SearchFilter {
  q: string;
  communityId?: number;
  activity?: string;
  kind?: 'community' | 'topic' | 'reply';
  limit: number;
  offset: number;
}

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** Communities the viewer may see whose charter matches. */
export async function searchCommunities(db: Queryable, viewer: Viewer | null, q: string, limit: number) {
  const doc = sql`to_tsvector('english', name || ' ' || domain_statement || ' ' || purpose)`;
  const res = await db.execute<{ slug: string; name: string; snippet: string; created_at: Date }>(sql`
    select slug, name, created_at,
      ts_headline('english', domain_statement, websearch_to_tsquery('english', ${q}), ${HEADLINE}) as snippet
    from communities
    where ${doc} @@ websearch_to_tsquery('english', ${q}) and ${visibleCommunitySql(viewer)}
    order by ts_rank(${doc}, websearch_to_tsquery('english', ${q})) desc, id
    limit ${limit}`);
  return res.rows;
}

/**
 * Topics (opening posts, title weighted A) and replies matching the query, in communities
 * the viewer may read. Ranking is done on a bounded candidate set so a common word does
 * not rank every matching post (see docs/decisions).
 */
export async function searchPosts(db: Queryable, viewer: Viewer | null, f: SearchFilter) {
  // Enough candidates for the page asked for; see docs/decisions/004.
  const candidates = 200 + f.offset;
  const filters: SQL[] = [];
  if (f.kind === 'topic') filters.push(sql`p.is_opening`);
  if (f.kind === 'reply') filters.push(sql`not p.is_opening`);
  if (f.activity) filters.push(sql`t.activity_type = ${f.activity}`);
  const communityFilter = f.communityId ? sql`and tc.community_id = ${f.communityId}` : sql``;
  // The tsquery is written inline (not in a CTE) so the planner can estimate how many posts
  // match from the search_vector statistics: a common word walks posts newest-first by primary
  // key and stops at `candidates`; a rare word uses the GIN index.
  const tsq = sql`websearch_to_tsquery('english', ${f.q})`;
  const res = await db.execute<{
    id: number;
    topic_id: number;
    is_opening: boolean;
    title: string;
    activity_type: string;
    created_at: Date;
    community_slug: string;
    community_name: string;
    snippet: string;
  }>(sql`
    with candidates as materialized (
      -- Ranked as each is read: copying the vectors into the materialised set cost more than ranking.
      select p.id, p.topic_id, p.is_opening, ts_rank(p.search_vector, ${tsq}) as rank, p.created_at, t.title, t.activity_type
      from ${
        // As for assets: a phrase or an excluded word is checked within the newest posts holding all the words.
        needsRecheck(f.q) ? sql`(select p.* from posts p where p.search_vector @@ ${indexableTsquery(tsq)} order by p.id desc limit ${POST_POOL}) p` : sql`posts p`
      }
      join topics t on t.id = p.topic_id and t.deleted_at is null
      where p.search_vector @@ ${tsq} and p.deleted_at is null
        and exists (
          select 1 from topic_communities tc
          where tc.topic_id = p.topic_id and ${viewerCanReadCommunitySql(viewer, sql`tc.community_id`)} ${communityFilter}
        ) ${filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``}
      order by p.id desc
      limit ${candidates}
    ),
    ranked as (
      select c.* from candidates c
      order by c.rank desc, c.id desc
      limit ${f.limit} offset ${f.offset}
    )
    select r.id, r.topic_id, r.is_opening, r.title, r.activity_type, r.created_at,
      com.slug as community_slug, com.name as community_name,
      ts_headline('english', p.body_source, ${tsq}, ${HEADLINE}) as snippet
    from ranked r
    join posts p on p.id = r.id
    cross join lateral (
      select c.slug, c.name from topic_communities tc join communities c on c.id = tc.community_id
      where tc.topic_id = r.topic_id and ${viewerCanReadCommunitySql(viewer, sql`tc.community_id`)} ${communityFilter}
      order by c.name limit 1
    ) com
    order by r.rank desc, r.id desc`);
  // Posts are written in Markdown: the snippet shows their words, not their marks (as assets' do).
  return res.rows.map((r) => ({ ...r, snippet: markdownToText(r.snippet) }));
}


/** How many of the newest posts holding every word of a phrase (or of a query excluding words) are checked. */
const POST_POOL = 2000;

/** How many of the newest assets holding every word of a phrase (or of a query excluding words) are checked. */
const ASSET_POOL = 1000;

/** Whether a websearch query has a phrase ("…") or an excluded word (-word). */
const needsRecheck = (q: string) => /"|(^|\s)-\S/.test(q);

/** A phrase operator in a tsquery's text: <-> (next to) or <N> (N words apart). */
const PHRASE_OPERATOR = sql.raw(`'<[0-9]+>|<->'`);

/**
 * The part of a query the full-text index can answer by itself: phrases loosened to "all these
 * words" and excluded words dropped (querytree); the query itself when nothing is left.
 */
function indexableTsquery(tsq: SQL): SQL {
  return sql`(case when querytree(${tsq}) = 'T' then ${tsq}
    else regexp_replace(querytree(${tsq}), ${PHRASE_OPERATOR}, '&', 'g')::tsquery end)`;
}

/** SQL, over a CTE's column q: whether the tsquery has no phrase (a stripped vector holds no positions to match one). */
const PHRASE_FREE = sql`q::text !~ ${PHRASE_OPERATOR}`;

/**
 * The vector an asset is matched against: its stripped copy (words without positions) when it
 * has one and the query (a CTE with q and plain) has no phrase, else the full vector. Full vectors
 * too big for the row are kept out of line, where reading one back costs more than testing it
 * (the match_vector column, migration 0026).
 */
const matchable = (row: SQL, query: SQL) =>
  sql`(case when (select plain from ${query}) and ${row}.match_vector is not null then ${row}.match_vector else ${row}.search_vector end)`;

/**
 * How many of the newest assets a repository search reads in order when the word counts cannot
 * tell (no count yet, or an "or" in the query) before the full-text index answers for older ones.
 */
const ASSET_WALK = 4000;

/**
 * SQL: how many of the newest assets a search for the tsquery `words` reads in order before the
 * full-text index answers for the older ones. The answer is the same either way; only its cost
 * differs. From the word counts (repository_words), the words taken as independent: a share s of
 * the assets holds them all, so `needed` matches are expected among the newest needed/s, and the
 * index would return total × s. Reading an asset in order costs about a third of what each asset
 * the index returns does (0.55 against ~1.5 µs on the reference dataset), so the newest assets
 * are read when needed/s < 3 × total × s: twice as many as expected, in case the words are rarer
 * among them (the index then answers for the rest); otherwise none (decision 013).
 */
export function assetWalkSql(words: SQL, needed: number): SQL {
  const counts = { table: 'repository_words', count: 'assets', state: 'repository_words_state', total: 'assets' };
  // A query of stop words only holds no word: the index answers at once that nothing matches.
  return sql`case when numnode(${words}) = 0 then 0 else coalesce((
    select case when ${needed} / e.share < 3 * e.total * e.share then ceil(2 * ${needed} / e.share)::bigint else 0 end
    from ${wordShareSql(words, counts)} e
  ), ${ASSET_WALK}) end`;
}

/**
 * Repository assets (title A, summary and tags B, body or text inside the file C) in communities
 * the viewer may read; ranked on a bounded candidate set like posts (docs/decisions/004): the
 * newest matches the viewer may read, only they ranked.
 * One statement on its generic plan (decisions 011 and 013): the candidates, their ranking and
 * the page with its passages. The newest matches are found as who knows finds its worded topics:
 * the newest assets read in order, as many as the word counts say are worth it (assetWalkSql),
 * then the full-text index for the older ones; reading stops once there are enough. Planning the
 * ranking for each query's words had cost a sixth of a search, and its choice between the two
 * swung with each ANALYZE sample. In a community, its own newest assets are read.
 * `walk`, for tests: read that many of the newest assets in order, whatever the counts say.
 */
export async function searchAssets(db: Queryable, viewer: Viewer | null, f: SearchFilter, walk?: number) {
  const candidates = 200 + f.offset;
  // A phrase or an excluded word cannot be answered by the index alone: each asset holding the
  // words has to be read. Those are taken from the newest ASSET_POOL assets holding all the words
  // (the index answers that), so a rare phrase does not read the whole repository.
  const recheck = needsRecheck(f.q);
  const inCommunity = f.communityId ? sql`and a.community_id = ${f.communityId}` : sql``;
  // In a community, its own newest assets are read in order (assets_community_idx), and a phrase
  // is looked for among the newest ASSET_POOL of them that hold its words.
  const newest = f.communityId ? sql`where o.community_id = ${f.communityId}` : sql``;
  const page = await executeGeneric<{
    id: number;
    kind: 'article' | 'file' | 'link';
    title: string;
    activity_type: string | null;
    status: 'active' | 'retired';
    review_by: string;
    created_at: Date;
    community_slug: string;
    community_name: string;
    summary: string;
    excerpt: string | null;
    words: string[];
  }>(db, sql`
    with words as materialized (select q, ${PHRASE_FREE} as plain from (select websearch_to_tsquery('english', ${f.q}) as q) w),
    found as materialized (select q, ${PHRASE_FREE} as plain from (select ${recheck ? indexableTsquery(sql`w.q`) : sql`w.q`} as q from words w) w),
    walk_length as materialized (select ${walk ?? assetWalkSql(sql`(select q from found)`, recheck ? ASSET_POOL : candidates)}::bigint as n),
    newest_first as (
      (select a.id, a.community_id, a.activity_type, a.search_vector, a.match_vector from (
        select o.id, o.community_id, o.activity_type, o.search_vector, o.match_vector from assets o ${newest}
        order by o.id desc limit (select n from walk_length)
      ) a where ${matchable(sql`a`, sql`found`)} @@ (select q from found))
      union all
      (select a.id, a.community_id, a.activity_type, a.search_vector, a.match_vector from assets a
        where a.search_vector @@ (select q from found) ${inCommunity}
          -- \`+ 0\`: the full-text index answers, not a walk by id. Older than the walk's last
          -- asset (none if there were fewer assets than the walk: it read them all).
          and a.id + 0 < (case when (select n from walk_length) = 0 then ${MAX_BIGINT} else (
            select o.id from assets o ${newest} order by o.id desc offset greatest((select n from walk_length) - 1, 0) limit 1) end)
        order by a.id + 0 desc)
    ),
    candidates as (
      select m.id, m.search_vector from ${recheck ? sql`(select * from newest_first limit ${ASSET_POOL})` : sql`newest_first`} m
      where ${recheck ? sql`${matchable(sql`m`, sql`words`)} @@ (select q from words) and ` : sql``}${viewerReadsCommunityHashedSql(viewer, sql`m.community_id`)}
        ${f.activity ? sql`and m.activity_type = ${f.activity}` : sql``}
      limit ${candidates}
    ),
    ranked as (
      select c.id, ts_rank(c.search_vector, (select q from words)) as rank from candidates c
      order by rank desc, c.id desc
      limit ${f.limit} offset ${f.offset}
    ),
    -- The snippet comes from the first passage holding the words (a phrase's words, excluded words
    -- dropped) and the one after it; the first passages when only the title, summary or tags hold them.
    passage_words as materialized (select ${indexableTsquery(sql`w.q`)} as q from words w)
    select a.id, a.kind, a.title, a.activity_type, a.status, a.review_by::text as review_by, a.created_at,
      com.slug as community_slug, com.name as community_name, a.summary,
      (select string_agg(p.body, ' ' order by p.n) from asset_passages p
        where p.asset_id = a.id and p.n between m.n and m.n + 1) as excerpt,
      (select tsvector_to_array(to_tsvector('english', ${f.q}))) as words
    from ranked r
    join assets a on a.id = r.id
    join communities com on com.id = a.community_id
    cross join lateral (
      -- \`offset 0\`: found once per asset, not once for each use of m.n below.
      select coalesce((select p.n from asset_passages p
        where p.asset_id = a.id and p.search_vector @@ (select q from passage_words) order by p.n limit 1), 0) as n
      offset 0
    ) m
    order by r.rank desc, r.id desc`);
  // An article's text is Markdown: its marks ("## Steps", "**note**") are left out of the snippet.
  return page.rows.map(({ kind, summary, excerpt, words, ...r }) => ({
    ...r,
    snippet: assetSnippet(summary, kind === 'article' ? markdownToText(excerpt ?? '') : (excerpt ?? ''), words),
  }));
}

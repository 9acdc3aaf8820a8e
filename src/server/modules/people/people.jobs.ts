import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { JobDefinition } from '../../jobs/jobs.ts';
import { readableCommunityIdsSql } from '../communities/communities.policy.ts';
import { EVIDENCE_SCORE_SQL, WORDED_WINDOW } from './people.queries.ts';

/**
 * Rebuilds expertise_evidence (docs/decisions/006) in one transaction: readers keep the old rows
 * until commit. Only rows whose numbers changed are written, so a quiet site rewrites little.
 * The null-community rows aggregate what anyone may read (readableCommunityIdsSql(null), the one
 * place the rules live), each topic once; every community also gets its own rows.
 */
export async function refreshExpertiseEvidence(db: Db, wordedWindow = WORDED_WINDOW): Promise<{ rows: number; changed: number }> {
  return db.transaction(async (tx) => {
    // One refresh at a time across instances; a second one waits and then finds little to change.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('expertise.refresh'))`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    // The access version is read before the open communities are, in an earlier statement: a
    // change committed between the two leaves the recorded version behind the counter, which
    // only makes questions check the communities again (never the other way round).
    const [{ version }] = (await tx.execute<{ version: number | null }>(sql`select (select version from community_access_version where id = 1) as version`)).rows;
    await tx.execute(sql`create temp table evidence_open on commit drop as ${readableCommunityIdsSql(null)}`);
    await tx.execute(sql`
      create temp table evidence_fresh on commit drop as
      with replies as (
        select p.id, p.topic_id, p.author_id, p.helpful_count, t.accepted_post_id = p.id as accepted, t.tags
        from posts p join topics t on t.id = p.topic_id and t.deleted_at is null and cardinality(t.tags) > 0
        where not p.is_opening and p.deleted_at is null
      )
      select tc.community_id, tag, r.author_id as user_id, count(*)::int as replies,
        count(*) filter (where r.accepted)::int as accepted, coalesce(sum(r.helpful_count), 0)::int as helpful
      from replies r
      join topic_communities tc on tc.topic_id = r.topic_id and not tc.deleted
      cross join unnest(r.tags) tag
      group by 1, 2, 3
      union all
      select null, tag, r.author_id, count(*)::int, count(*) filter (where r.accepted)::int, coalesce(sum(r.helpful_count), 0)::int
      from replies r
      cross join unnest(r.tags) tag
      where exists (select 1 from topic_communities tc where tc.topic_id = r.topic_id and not tc.deleted and tc.community_id in (select * from evidence_open))
      group by 2, 3`);
    // Without statistics on the fresh table the planner may pick a nested-loop anti-join below.
    await tx.execute(sql`analyze evidence_fresh`);
    const key = (a: string, b: string) =>
      sql.raw(
        `coalesce(${a}.community_id, 0) = coalesce(${b}.community_id, 0) and ${a}.tag = ${b}.tag and ${a}.user_id = ${b}.user_id
         and ${a}.replies = ${b}.replies and ${a}.accepted = ${b}.accepted and ${a}.helpful = ${b}.helpful`,
      );
    const gone = await tx.execute(sql`
      delete from expertise_evidence e where not exists (select 1 from evidence_fresh f where ${key('f', 'e')})`);
    // The rows to add are found before any is inserted: an anti-join against the table being
    // inserted into walks the new rows too, which on a first (empty) refresh is quadratic.
    await tx.execute(sql`
      create temp table evidence_added on commit drop as
      select f.* from evidence_fresh f where not exists (select 1 from expertise_evidence e where ${key('e', 'f')})`);
    const added = await tx.execute(sql`
      insert into expertise_evidence (community_id, tag, user_id, replies, accepted, helpful, score)
      select f.community_id, f.tag, f.user_id, f.replies, f.accepted, f.helpful, ${EVIDENCE_SCORE_SQL('f')}
      from evidence_added f`);
    // Where "worded like" evidence starts: the WORDED_WINDOW-th newest post (ids have gaps, so
    // the window is counted here rather than by subtracting from the newest id). Then how many of
    // the window's opening posts hold each word.
    const [recent] = (
      await tx.execute<{ from_id: string; posts: number }>(sql`
        select w.from_id, (select count(*)::int from posts p where p.is_opening and p.deleted_at is null and p.id > w.from_id) as posts
        from (select coalesce((select id from posts order by id desc offset ${wordedWindow - 1} limit 1), 0) as from_id) w`)
    ).rows;
    await tx.execute(sql`delete from worded_lexemes`);
    await tx.execute(sql`
      insert into worded_lexemes (lexeme, posts)
      select word, ndoc from ts_stat(${`select search_vector from posts where is_opening and deleted_at is null and id > ${BigInt(recent.from_id)}`})`);
    await tx.execute(sql`
      insert into expertise_evidence_state (id, refreshed_at, open_community_ids, worded_from_post_id, worded_posts, open_version)
      values (1, now(), coalesce((select array_agg(id order by id) from evidence_open), '{}'), ${recent.from_id}::bigint, ${recent.posts}::int, ${version}::bigint)
      on conflict (id) do update set refreshed_at = excluded.refreshed_at, open_community_ids = excluded.open_community_ids,
        worded_from_post_id = excluded.worded_from_post_id, worded_posts = excluded.worded_posts, open_version = excluded.open_version`);
    const [{ n }] = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from evidence_fresh`)).rows;
    return { rows: n, changed: (gone.rowCount ?? 0) + (added.rowCount ?? 0) };
  });
}

/** Background jobs of the people module. */
export const peopleJobs: JobDefinition[] = [
  {
    name: 'expertise.refresh',
    cron: '*/10 * * * *',
    run: async (app) => {
      const r = await refreshExpertiseEvidence(app.db);
      app.log.info(r, 'expertise evidence refreshed');
    },
  },
];

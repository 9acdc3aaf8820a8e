import { sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { Queryable } from '../../db/client.ts';
import { communities } from '../../db/schema/index.ts';
import { visibleCommunitySql } from '../communities/communities.policy.ts';

export interface DomainRow extends Record<string, unknown> {
  id: number;
  name: string;
  description: string;
  priority: number;
  stance: string;
  communities: { slug: string; name: string; stage: string }[];
  sponsors: { username: string; displayName: string }[];
}

/**
 * Domains by priority, each with the communities the viewer may see and its sponsors, in one
 * query. Keyset on (priority, name, id).
 */
export async function listDomains(db: Queryable, viewer: Viewer | null, f: { after: [number, string, number] | null; limit: number; id?: number }) {
  const res = await db.execute<DomainRow>(sql`
    select d.id, d.name, d.description, d.priority, d.stance,
      coalesce((select json_agg(json_build_object('slug', communities.slug, 'name', communities.name, 'stage', communities.stage) order by communities.name)
        from community_domains cd join communities on communities.id = cd.community_id
        where cd.domain_id = d.id and ${visibleCommunitySql(viewer)}), '[]')::jsonb as communities,
      coalesce((select json_agg(json_build_object('username', u.username, 'displayName', u.display_name) order by u.display_name)
        from sponsorships s join users u on u.id = s.user_id where s.domain_id = d.id), '[]')::jsonb as sponsors
    from domains d
    where true
      ${f.id ? sql`and d.id = ${f.id}` : sql``}
      ${f.after ? sql`and (d.priority, d.name, d.id) > (${f.after[0]}, ${f.after[1]}, ${f.after[2]})` : sql``}
    order by d.priority, d.name, d.id
    limit ${f.limit + 1}`);
  return res.rows;
}

/** Communities the person sponsors, directly or through a domain, with cultivation progress per need. */
export async function listSponsored(db: Queryable, userId: number) {
  const res = await db.execute<{
    slug: string;
    name: string;
    stage: string;
    status: string;
    member_count: number;
    direct: boolean;
    via: string[];
    progress: { need: string; done: number; total: number }[] | null;
  }>(sql`
    with mine as (
      select s.community_id, true as direct, null::text as via from sponsorships s where s.user_id = ${userId} and s.community_id is not null
      union all
      select cd.community_id, false, d.name from sponsorships s
        join community_domains cd on cd.domain_id = s.domain_id join domains d on d.id = s.domain_id
      where s.user_id = ${userId}
    ),
    grouped as (
      select community_id, bool_or(direct) as direct, to_jsonb(array_remove(array_agg(distinct via), null)) as via from mine group by community_id
    )
    select c.slug, c.name, c.stage, c.status, c.member_count, g.direct, g.via,
      (select json_agg(json_build_object('need', x.need, 'done', x.done, 'total', x.total) order by x.need)
        from (select t.need, count(*) filter (where t.status = 'done')::int as done, count(*) filter (where t.status <> 'skipped')::int as total
              from cultivation_tasks t where t.community_id = c.id group by t.need) x)::jsonb as progress
    from grouped g join ${communities} c on c.id = g.community_id
    order by c.name
    limit 200`);
  return res.rows;
}

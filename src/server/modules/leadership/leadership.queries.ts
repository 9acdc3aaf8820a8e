import { and, eq, sql } from 'drizzle-orm';
import { PEOPLE_PER_FUNCTION } from '../../../shared/contracts/leadership.ts';
import { roleLeadershipFunctions } from '../../../shared/model/catalogue.ts';
import type { Queryable } from '../../db/client.ts';
import { roleReflections, users } from '../../db/schema/index.ts';

/** The role → function map of the catalogue as a SQL VALUES list. */
const roleMap = sql.join(
  Object.entries(roleLeadershipFunctions).flatMap(([role, fns]) => fns.map((fn) => sql`(${role}, ${fn})`)),
  sql`, `,
);

export interface CoverageRow {
  fn: string;
  username: string;
  displayName: string;
  via: ({ kind: 'role'; role: string } | { kind: 'assigned' })[];
  total: number;
}

/**
 * Who covers each leadership function, from active members' roles and explicit assignments;
 * at most PEOPLE_PER_FUNCTION people per function (alphabetical), with the full count. One query.
 */
export async function coverage(db: Queryable, communityId: number): Promise<CoverageRow[]> {
  const res = await db.execute<{ fn: string; username: string; display_name: string; via: CoverageRow['via']; total: number }>(sql`
    with map(role, fn) as (values ${roleMap}),
    active as (select m.user_id from memberships m where m.community_id = ${communityId} and m.status = 'active'),
    cover as (
      select map.fn, r.user_id, json_build_object('kind', 'role', 'role', r.role) as via
      from member_roles r join map on map.role = r.role
      where r.community_id = ${communityId} and r.user_id in (select user_id from active)
      union all
      select la.function, la.user_id, json_build_object('kind', 'assigned')
      from leadership_assignments la
      where la.community_id = ${communityId} and la.user_id in (select user_id from active)
    ),
    per as (select fn, user_id, json_agg(via) as via from cover group by fn, user_id),
    ranked as (
      select per.fn, u.username, u.display_name, per.via,
        row_number() over (partition by per.fn order by u.display_name, u.id) as rn,
        count(*) over (partition by per.fn)::int as total
      from per join users u on u.id = per.user_id
    )
    select fn, username, display_name, via, total from ranked where rn <= ${PEOPLE_PER_FUNCTION} order by fn, rn`);
  return res.rows.map((r) => ({ fn: r.fn, username: r.username, displayName: r.display_name, via: r.via, total: r.total }));
}

const reflectionColumns = {
  role: roleReflections.role,
  purpose: roleReflections.purpose,
  actions: roleReflections.actions,
  challenges: roleReflections.challenges,
  gratification: roleReflections.gratification,
  qualification: roleReflections.qualification,
  support: roleReflections.support,
  updatedAt: roleReflections.updatedAt,
  updatedByUsername: users.username,
  updatedByDisplayName: users.displayName,
};

/** The community's written role reflections (at most one per role of the catalogue). */
export async function listReflections(db: Queryable, communityId: number, role?: string) {
  return db
    .select(reflectionColumns)
    .from(roleReflections)
    .leftJoin(users, eq(users.id, roleReflections.updatedBy))
    .where(and(eq(roleReflections.communityId, communityId), role ? eq(roleReflections.role, role) : undefined))
    .limit(100);
}

export async function findReflection(db: Queryable, communityId: number, role: string) {
  const rows = await listReflections(db, communityId, role);
  return rows[0] ?? null;
}

export type ReflectionRow = Awaited<ReturnType<typeof listReflections>>[number];

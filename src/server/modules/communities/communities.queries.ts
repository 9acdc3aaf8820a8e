import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { Queryable } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { communities, memberRoles, memberships, users } from '../../db/schema/index.ts';
import { visibleCommunitySql } from './communities.policy.ts';

export const summaryColumns = {
  id: communities.id,
  slug: communities.slug,
  name: communities.name,
  domainStatement: communities.domainStatement,
  domainType: communities.domainType,
  structureKind: communities.structureKind,
  visibility: communities.visibility,
  stage: communities.stage,
  status: communities.status,
  memberCount: communities.memberCount,
  topicCount: communities.topicCount,
};

const communityWithAccess = prepared((db) =>
  db
    .select({
      ...summaryColumns,
      purpose: communities.purpose,
      createdAt: communities.createdAt,
      featuresOff: communities.featuresOff,
      membership: memberships.status,
      roles: sql<string[]>`coalesce((select array_agg(r.role order by r.role) from member_roles r where r.community_id = ${communities.id} and r.user_id = ${sql.placeholder('viewerId')}), '{}')`,
      sponsor: sql<boolean>`exists (select 1 from sponsorships s where s.user_id = ${sql.placeholder('viewerId')}
        and (s.community_id = ${communities.id} or s.domain_id in (select cd.domain_id from community_domains cd where cd.community_id = ${communities.id})))`,
    })
    .from(communities)
    .leftJoin(memberships, and(eq(memberships.communityId, communities.id), eq(memberships.userId, sql.placeholder('viewerId'))))
    .where(eq(communities.slug, sql.placeholder('slug')))
    .limit(1)
    .prepare('community_with_access'),
);

/** A community by slug with the viewer's membership, roles and sponsorship, in one query. */
export async function findCommunityWithAccess(db: Queryable, slug: string, viewer: Viewer | null) {
  const rows = await communityWithAccess(db).execute({ slug, viewerId: viewer?.id ?? 0 });
  return rows[0] ?? null;
}

export interface CommunityFilter {
  domainType?: string;
  structureKind?: string;
  stage?: string;
  q?: string;
  mine?: boolean;
  after?: [string, number] | null;
  limit: number;
}

/** Communities the viewer may see, filtered, ordered by name. */
export async function listCommunities(db: Queryable, viewer: Viewer | null, f: CommunityFilter) {
  const where: SQL[] = [visibleCommunitySql(viewer)];
  if (f.domainType) where.push(sql`${communities.domainType} = ${f.domainType}`);
  if (f.structureKind) where.push(sql`${communities.structureKind} = ${f.structureKind}`);
  if (f.stage) where.push(sql`${communities.stage} = ${f.stage}`);
  if (f.q) {
    where.push(
      sql`(to_tsvector('english', ${communities.name} || ' ' || ${communities.domainStatement} || ' ' || ${communities.purpose}) @@ websearch_to_tsquery('english', ${f.q}) or ${communities.name} ilike ${`%${f.q.replace(/[\\%_]/g, '\\$&')}%`})`,
    );
  }
  if (f.mine && viewer) {
    where.push(sql`${communities.id} in (select community_id from memberships where user_id = ${viewer.id} and status = 'active')`);
  }
  if (f.after) where.push(sql`(${communities.name}, ${communities.id}) > (${f.after[0]}, ${f.after[1]})`);
  return db
    .select(summaryColumns)
    .from(communities)
    .where(and(...where))
    .orderBy(communities.name, communities.id)
    .limit(f.limit + 1);
}

/** Members with a given status, oldest first, each with their roles. */
export async function listMembers(
  db: Queryable,
  communityId: number,
  status: 'active' | 'requested' | 'invited',
  after: [string, number] | null,
  limit: number,
) {
  return db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      joinedAt: memberships.createdAt,
      cursorAt: sql<string>`${memberships.createdAt}::text`,
      roles: sql<string[]>`coalesce((select array_agg(r.role order by r.role) from member_roles r where r.community_id = ${communityId} and r.user_id = ${users.id}), '{}')`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.communityId, communityId),
        eq(memberships.status, status),
        after ? sql`(${memberships.createdAt}, ${memberships.userId}) > (${after[0]}::timestamptz, ${after[1]})` : undefined,
      ),
    )
    .orderBy(memberships.createdAt, memberships.userId)
    .limit(limit + 1);
}

export async function findUserByUsername(db: Queryable, username: string) {
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, email: users.email })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return rows[0] ?? null;
}

export async function findUserByEmail(db: Queryable, email: string) {
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, email: users.email })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return rows[0] ?? null;
}

export async function findMembership(db: Queryable, communityId: number, userId: number) {
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function countCoordinators(db: Queryable, communityId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberRoles)
    .where(and(eq(memberRoles.communityId, communityId), eq(memberRoles.role, 'coordinator')));
  return row.n;
}

/** Communities where the viewer has a pending invitation. */
export async function listInvitationsFor(db: Queryable, userId: number) {
  return db
    .select(summaryColumns)
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'invited')))
    .orderBy(communities.name)
    .limit(100);
}

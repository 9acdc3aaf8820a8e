import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import { bigintArray } from '../../db/arrays.ts';
import { type Client, createTestApp, makeCommunity, signedInClient, type TestApp } from '../../test/harness.ts';
import { readableBeyondOpenIdsSql, readableCommunityIdsSql, viewerCanReadCommunitySql, viewerReadsCommunityHashedSql } from './communities.policy.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const viewerOf = async (c: Client): Promise<Viewer> => {
  const { rows } = await t.pool.query('select id, username, display_name, email, site_role from users where username = $1', [c.username]);
  const u = rows[0];
  return { id: Number(u.id), username: u.username, displayName: u.display_name, email: u.email, siteRole: u.site_role };
};

describe('the readable-community rule, as a set, as a probe, as a hashed test and as open plus beyond', () => {
  it('agrees for anonymous, outsiders, members, the support team and admins, for every visibility and proposals', async () => {
    const owner = await signedInClient(t);
    const member = await signedInClient(t);
    const slugs = [
      await makeCommunity(owner, { visibility: 'open' }),
      await makeCommunity(owner, { visibility: 'by_request' }),
      await makeCommunity(owner, { visibility: 'invite_only' }),
      await makeCommunity(owner, { visibility: 'secret' }),
      await makeCommunity(owner, { visibility: 'open', launch: 'propose' }),
    ];
    await owner.post(`/api/communities/${slugs[3]}/invitations`, { who: member.username });
    await member.post(`/api/communities/${slugs[3]}/join`);
    const found = (await t.pool.query('select id, slug from communities where slug = any($1::text[])', [slugs])).rows;
    const ids = slugs.map((slug) => Number(found.find((r) => r.slug === slug).id));
    const viewers: (Viewer | null)[] = [
      null,
      await viewerOf(await signedInClient(t)),
      await viewerOf(member),
      await viewerOf(owner),
      await viewerOf(await signedInClient(t, { siteRole: 'support' })),
      await viewerOf(await signedInClient(t, { siteRole: 'admin' })),
    ];
    for (const v of viewers) {
      const asSet = await t.db.execute<{ id: number }>(
        sql`select id from (${readableCommunityIdsSql(v)}) r(id) where id = any(${bigintArray(ids)}) order by id`,
      );
      const asProbe = await t.db.execute<{ id: number }>(
        sql`select c.id from communities c where c.id = any(${bigintArray(ids)}) and ${viewerCanReadCommunitySql(v, sql`c.id`)} order by c.id`,
      );
      const asHashed = await t.db.execute<{ id: number }>(
        sql`select c.id from communities c where c.id = any(${bigintArray(ids)}) and ${viewerReadsCommunityHashedSql(v, sql`c.id`)} order by c.id`,
      );
      const beyond = readableBeyondOpenIdsSql(v) ?? sql`select null::bigint where false`;
      const asOpenAndBeyond = await t.db.execute<{ id: number }>(
        sql`select id from (${readableCommunityIdsSql(null)} union all ${beyond}) r(id) where id = any(${bigintArray(ids)}) order by id`,
      );
      const label = v ? `${v.siteRole} ${v.username}` : 'anonymous';
      expect(asProbe.rows.map((r) => Number(r.id)), label).toEqual(asSet.rows.map((r) => Number(r.id)));
      expect(asHashed.rows.map((r) => Number(r.id)), label).toEqual(asSet.rows.map((r) => Number(r.id)));
      expect(asOpenAndBeyond.rows.map((r) => Number(r.id)), label).toEqual(asSet.rows.map((r) => Number(r.id)));
    }
    // Not a vacuous agreement: anonymous people read only the open, launched community.
    const anonymous = await t.db.execute<{ id: number }>(sql`select c.id from communities c where c.id = any(${bigintArray(ids)}) and ${viewerCanReadCommunitySql(null, sql`c.id`)}`);
    expect(anonymous.rows.map((r) => Number(r.id))).toEqual([ids[0]]);
  });
});
